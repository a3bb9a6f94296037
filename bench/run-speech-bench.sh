#!/usr/bin/env bash
# 朗读 benchmark: starts Gongkai (-Xmx512m, fresh data dir, no demo) on 127.0.0.1 with its speech engine
# (espeak-ng, which scripts/setup.sh installs), runs bench/src/SpeechBench.java against it, then stops the server.
# Usage: bench/run-speech-bench.sh [ROUNDS=10]
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-10}
PORT=${BENCH_PORT:-7097}
WORK=$(mktemp -d /tmp/gongkai-speech-bench.XXXXXX)
PASSWORD=bench-$RANDOM-$RANDOM

[ -f target/gongkai.jar ] || mvn -q -B clean package -DskipTests
javac -d "$WORK/classes" bench/src/SpeechBench.java
printf 'server:\n  host: 127.0.0.1\n  publicBaseUrl: http://127.0.0.1:%s\n' "$PORT" > "$WORK/bench.yaml"

GONGKAI_ADMIN_PASSWORD=$PASSWORD java -Xmx512m -jar target/gongkai.jar --port "$PORT" --data-dir "$WORK/data" \
  --config "$WORK/bench.yaml" --no-demo > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 60); do
  curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break
  kill -0 $SERVER 2>/dev/null || { cat "$WORK/server.log"; exit 1; }
  sleep 1
done

echo "date: $(date -u +%Y-%m-%dT%H:%MZ)  cpus: $(nproc)  engine: $(espeak-ng --version | head -1)"
timeout 600 java -cp "$WORK/classes" SpeechBench "http://127.0.0.1:$PORT" "$PASSWORD" "$ROUNDS"
grep -E "speech|ERROR" "$WORK/server.log" | head -5 || true
