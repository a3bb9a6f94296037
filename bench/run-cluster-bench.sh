#!/usr/bin/env bash
# Several nodes on one PostgreSQL: 1 node × SCREENS against 2 nodes × SCREENS/2, on this one machine. Each run gets a
# fresh database on the local PostgreSQL (127.0.0.1:5432, user postgres), dropped afterwards; every node -Xmx512m.
# Approvals and alerts are made on node A; PushBench times them to A's screens and to B's apart.
# Usage: bench/run-cluster-bench.sh [SCREENS=10000] [ROUNDS=5]
set -euo pipefail
cd "$(dirname "$0")/.."
SCREENS=${1:-10000}
ROUNDS=${2:-5}
PASSWORD=bench-$RANDOM-$RANDOM
WORK=$(mktemp -d /tmp/gongkai-cluster-bench.XXXXXX)
PSQL=(psql -q -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1)
DATABASES=()

[ -f target/gongkai.jar ] || mvn -q -B clean package -DskipTests
javac -d "$WORK/classes" bench/src/PushBench.java

cleanup() {
  for pid in "$WORK"/*.pid; do [ -f "$pid" ] && kill "$(cat "$pid")" 2>/dev/null; done
  sleep 2
  for db in "${DATABASES[@]}"; do "${PSQL[@]}" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" || true; done
  cat "$WORK"/*.log > /tmp/gongkai-cluster-bench-last-server.log 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# start_node NAME PORT DATABASE: a node of target/gongkai.jar on the database, in the background
start_node() {
  cat > "$WORK/$1.yaml" <<YAML
server:
  host: 127.0.0.1
  publicBaseUrl: http://127.0.0.1:$2
database:
  jdbcUrl: jdbc:postgresql://127.0.0.1:5432/$3
  username: postgres
screens:
  maxPending: 20000
cluster:
  nodeId: $1
bench:
  enabled: true
YAML
  GONGKAI_ADMIN_PASSWORD=$PASSWORD nohup java -Xmx512m -jar "$PWD/target/gongkai.jar" --port "$2" \
    --data-dir "$WORK/data-$1" --config "$WORK/$1.yaml" >> "$WORK/$1.log" 2>&1 &
  echo $! > "$WORK/$1.pid"
  for _ in $(seq 1 90); do
    curl -sf "http://127.0.0.1:$2/health" >/dev/null && return 0
    kill -0 "$(cat "$WORK/$1.pid")" 2>/dev/null || { cat "$WORK/$1.log"; exit 1; }
    sleep 1
  done
  echo "node $1 did not start"; exit 1
}

stop_nodes() {
  for pid in "$WORK"/*.pid; do kill "$(cat "$pid")" 2>/dev/null || true; rm -f "$pid"; done
  sleep 3
}

# new_database NAME: creates gk_bench_NAME_<random> and sets DB to it (not in a subshell: cleanup must know it)
new_database() {
  DB=gk_bench_$1_$RANDOM$RANDOM
  "${PSQL[@]}" -c "CREATE DATABASE $DB"
  DATABASES+=("$DB")
}

echo "date: $(date -u +%Y-%m-%dT%H:%MZ)  cpus: $(nproc)  java: $(java -version 2>&1 | head -1)  nodes: -Xmx512m each"
echo "postgres: $("${PSQL[@]}" -tAc 'SHOW server_version')  load before: $(cut -d' ' -f1-3 /proc/loadavg)"

echo; echo "=== 1 node × $SCREENS screens on PostgreSQL ==="
new_database one
start_node single 7201 "$DB"
SERVER_PID=$(cat "$WORK/single.pid") BENCH_ADMIN_PASSWORD=$PASSWORD timeout 1800 java -Xmx2g -cp "$WORK/classes" \
  PushBench http://127.0.0.1:7201 "$PASSWORD" "$SCREENS" "$ROUNDS" plaza
stop_nodes

echo; echo "=== 2 nodes × $((SCREENS / 2)) screens on PostgreSQL ==="
new_database two
start_node A 7202 "$DB"
start_node B 7203 "$DB"
SERVER_PID=$(cat "$WORK/A.pid") BENCH_ADMIN_PASSWORD=$PASSWORD timeout 1800 java -Xmx2g -cp "$WORK/classes" \
  PushBench http://127.0.0.1:7202 "$PASSWORD" "$SCREENS" "$ROUNDS" plaza nodes http://127.0.0.1:7203
curl -s http://127.0.0.1:7203/health | grep -o '"cluster":{[^}]*}' || true
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
grep -hE "ERROR|WARN" "$WORK"/*.log | grep -v "generated password" | head -20 || true
