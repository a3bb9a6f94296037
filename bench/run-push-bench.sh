#!/usr/bin/env bash
# Publish-to-screen benchmark: starts Gongkai (-Xmx512m, fresh data dir, demo content, bench route on) on 127.0.0.1,
# runs bench/src/PushBench.java in its own JVM against it, then stops the server.
# Usage: bench/run-push-bench.sh [SCREENS=10000] [ROUNDS=5]
set -euo pipefail
cd "$(dirname "$0")/.."
SCREENS=${1:-10000}
ROUNDS=${2:-5}
PORT=${BENCH_PORT:-7099}
PASSWORD=bench-$RANDOM-$RANDOM
WORK=$(mktemp -d /tmp/gongkai-bench.XXXXXX)

[ -f target/gongkai.jar ] || mvn -q -B clean package -DskipTests
javac -d "$WORK/classes" bench/src/PushBench.java

cat > "$WORK/bench.yaml" <<EOF
server:
  host: 127.0.0.1
  publicBaseUrl: http://127.0.0.1:$PORT
screens:
  maxPending: 20000
bench:
  enabled: true
EOF

GONGKAI_ADMIN_PASSWORD=$PASSWORD java -Xmx512m ${BENCH_SERVER_OPTS:-} -jar target/gongkai.jar --port "$PORT" --data-dir "$WORK/data" \
  --config "$WORK/bench.yaml" > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$WORK"' EXIT

for _ in $(seq 1 60); do
  curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break
  kill -0 $SERVER 2>/dev/null || { cat "$WORK/server.log"; exit 1; }
  sleep 1
done

echo "date: $(date -u +%Y-%m-%dT%H:%MZ)  cpus: $(nproc)  java: $(java -version 2>&1 | head -1)  server: -Xmx512m"
SERVER_PID=$SERVER timeout 1200 java -Xmx2g -cp "$WORK/classes" PushBench "http://127.0.0.1:$PORT" "$PASSWORD" \
  "$SCREENS" "$ROUNDS" plaza
grep -E "ERROR|WARN" "$WORK/server.log" | head -20 || true
