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
. bench/jar-server.sh
start_jar_server "$PORT" "$WORK" "$PASSWORD" --no-demo

echo "date: $(date -u +%Y-%m-%dT%H:%MZ)  cpus: $(nproc)  engine: $(espeak-ng --version | head -1 | sed "s/  *Data at.*//")"
timeout 600 java -cp "$WORK/classes" SpeechBench "http://127.0.0.1:$PORT" "$PASSWORD" "$ROUNDS"
grep -E "speech|ERROR" "$WORK/server.log" | head -5 || true
