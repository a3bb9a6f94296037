#!/usr/bin/env bash
# Pinyin input benchmark (issue 15.2): reads the dictionary in a fresh JVM (-Xmx512m) and times lookups as a citizen
# types, letter by letter. No server: what it measures is the dictionary behind GET /api/ime.
# Usage: bench/run-ime-bench.sh [ROUNDS=200]
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-200}
WORK=$(mktemp -d /tmp/gongkai-ime-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
[ -f target/gongkai.jar ] || mvn -q -B clean package -DskipTests
javac -cp target/gongkai.jar -d "$WORK" bench/src/ImeBench.java
echo "date: $(date -u +%Y-%m-%dT%H:%MZ)  cpus: $(nproc)  java: $(java -version 2>&1 | head -1)"
timeout 300 java -Xmx512m -cp "target/gongkai.jar:$WORK" ImeBench "$ROUNDS"
