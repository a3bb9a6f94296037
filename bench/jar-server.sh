# Sourced by the bench scripts: start_jar_server PORT WORK PASSWORD [ARGS...] starts target/gongkai.jar (-Xmx512m)
# on 127.0.0.1:PORT with its data in WORK/data, sets SERVER to its pid, stops it and removes WORK on exit, and
# waits up to 60 s for /health (printing the server's log and failing if it dies first).
start_jar_server() {
  local port=$1 work=$2 password=$3
  shift 3
  printf 'server:\n  host: 127.0.0.1\n  publicBaseUrl: http://127.0.0.1:%s\n' "$port" > "$work/bench.yaml"
  GONGKAI_ADMIN_PASSWORD=$password java -Xmx512m -jar target/gongkai.jar --port "$port" --data-dir "$work/data" \
    --config "$work/bench.yaml" "$@" > "$work/server.log" 2>&1 &
  SERVER=$!
  trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "'"$work"'"' EXIT
  for _ in $(seq 1 60); do
    curl -sf "http://127.0.0.1:$port/health" >/dev/null && return 0
    kill -0 $SERVER 2>/dev/null || { cat "$work/server.log"; exit 1; }
    sleep 1
  done
}
