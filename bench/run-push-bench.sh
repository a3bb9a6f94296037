#!/usr/bin/env bash
# Publish-to-screen benchmark: starts Gongkai (-Xmx512m, fresh data dir, demo content, bench route on) on 127.0.0.1,
# runs bench/src/PushBench.java in its own JVM against it, then stops the server.
# Usage: bench/run-push-bench.sh [SCREENS=10000] [ROUNDS=5] [storm|cap]
#   storm: afterwards restart the server with every screen connected and time the reconnect storm.
#   cap: only CAP rounds: POST /api/cap (an Extreme 示范县 warning, issued at once) to the last screen's receipt.
#   Without cap the CAP rounds run after the alert rounds.
set -euo pipefail
cd "$(dirname "$0")/.."
SCREENS=${1:-10000}
ROUNDS=${2:-5}
MODE=${3:-}
PORT=${BENCH_PORT:-7099}
PASSWORD=bench-$RANDOM-$RANDOM
WORK=$(mktemp -d /tmp/gongkai-bench.XXXXXX)

[ -f target/gongkai.jar ] || mvn -q -B clean package -DskipTests
javac -d "$WORK/classes" bench/src/PushBench.java

cat > "$WORK/bench.yaml" <<YAML
server:
  host: 127.0.0.1
  publicBaseUrl: http://127.0.0.1:$PORT
screens:
  maxPending: 20000
bench:
  enabled: true
YAML

# The server is started by a script of its own, so that the storm can start it again on the same data dir.
cat > "$WORK/start.sh" <<START
GONGKAI_ADMIN_PASSWORD=$PASSWORD nohup java -Xmx512m ${BENCH_SERVER_OPTS:-} -jar $PWD/target/gongkai.jar --port $PORT \
  --data-dir $WORK/data --config $WORK/bench.yaml >> $WORK/server.log 2>&1 &
echo \$! > $WORK/server.pid
START
stop_server() { [ -f "$WORK/server.pid" ] && kill "$(cat "$WORK/server.pid")" 2>/dev/null; sleep 1; }
trap 'stop_server; cp "$WORK/server.log" /tmp/gongkai-bench-last-server.log 2>/dev/null; rm -rf "$WORK"' EXIT
bash "$WORK/start.sh"

for _ in $(seq 1 60); do
  curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break
  kill -0 "$(cat "$WORK/server.pid")" 2>/dev/null || { cat "$WORK/server.log"; exit 1; }
  sleep 1
done

echo "date: $(date -u +%Y-%m-%dT%H:%MZ)  cpus: $(nproc)  java: $(java -version 2>&1 | head -1)  server: -Xmx512m"
SERVER_PID=$(cat "$WORK/server.pid") BENCH_SERVER_START="$WORK/start.sh" BENCH_ADMIN_PASSWORD=$PASSWORD \
  timeout 1800 java -Xmx2g -cp "$WORK/classes" PushBench "http://127.0.0.1:$PORT" "$PASSWORD" "$SCREENS" "$ROUNDS" plaza $MODE
grep -E "ERROR|WARN" "$WORK/server.log" | grep -v "generated password" | head -20 || true
