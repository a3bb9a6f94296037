#!/usr/bin/env bash
# Search benchmark: the server's search index over ITEMS generated items, QUERIES timed queries, in one JVM.
# Usage: bench/run-search-bench.sh [ITEMS=100000] [QUERIES=2000]
set -euo pipefail
cd "$(dirname "$0")/.."
ITEMS=${1:-100000}
QUERIES=${2:-2000}
WORK=$(mktemp -d /tmp/gongkai-search-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
[ -f target/gongkai.jar ] || mvn -q -B clean package -DskipTests
javac -cp target/gongkai.jar -d "$WORK" bench/src/SearchBench.java
echo "date: $(date -u +%Y-%m-%dT%H:%MZ)  cpus: $(nproc)  java: $(java -version 2>&1 | head -1)  heap: -Xmx1g"
timeout 1200 java -Xmx1g -cp "target/gongkai.jar:$WORK" SearchBench "$ITEMS" "$QUERIES"
