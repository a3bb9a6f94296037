#!/usr/bin/env bash
# HTTP load benchmark: starts Gongkai (-Xmx512m, fresh data dir, demo content) on 127.0.0.1, runs
# bench/src/HttpBench.java in its own JVM against it (the touchscreen's API calls, the mobile page, the short-link
# redirect), then stops the server.
# Usage: bench/run-http-bench.sh [CLIENTS=200] [SECONDS=20] [WARMUP=5]
set -euo pipefail
cd "$(dirname "$0")/.."
CLIENTS=${1:-200}
SECONDS_MEASURED=${2:-20}
WARMUP=${3:-5}
PORT=${BENCH_PORT:-7098}
WORK=$(mktemp -d /tmp/gongkai-http-bench.XXXXXX)

[ -f target/gongkai.jar ] || mvn -q -B clean package -DskipTests
javac -d "$WORK/classes" bench/src/HttpBench.java
. bench/jar-server.sh
start_jar_server "$PORT" "$WORK" bench-$RANDOM-$RANDOM

echo "date: $(date -u +%Y-%m-%dT%H:%MZ)  cpus: $(nproc)  java: $(java -version 2>&1 | head -1)  server: -Xmx512m, demo content"
timeout 900 java -Xmx1g -cp "$WORK/classes" HttpBench "http://127.0.0.1:$PORT" "$CLIENTS" "$SECONDS_MEASURED" "$WARMUP"
grep -E "ERROR|WARN" "$WORK/server.log" | grep -v "generated password" | head -20 || true
