#!/usr/bin/env bash
# Installs what building and testing Gongkai needs on Debian: a JDK 17+, Maven, Chromium for the browser tests
# (Playwright drives the system's Chromium and downloads no browser), Chinese fonts for the pages, espeak-ng (the
# server's Mandarin voice for 朗读 where a kiosk's browser has none), nginx (the
# several-nodes fault test starts its own instance in front of two nodes) and, where nothing listens on
# 127.0.0.1:5432, a PostgreSQL server for the suite's second run (databases postgres and test, users postgres and
# root, trust authentication on the local machine). Safe to run again; installs only what is missing.
set -euo pipefail
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
postgres_listens() { (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; }

need=()
command -v java >/dev/null 2>&1 || need+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || need+=(maven)
[ -x /usr/bin/chromium ] || need+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need+=(fonts-noto-cjk)
[ -x /usr/sbin/nginx ] || need+=(nginx-light)
command -v espeak-ng >/dev/null 2>&1 || need+=(espeak-ng)
postgres_listens || command -v pg_ctlcluster >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  # Packages must not start their services here (nginx would take port 80; containers have no init to ask).
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
  $SUDO chmod +x /usr/sbin/policy-rc.d
  trap '$SUDO rm -f /usr/sbin/policy-rc.d' EXIT
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}"
fi

if ! postgres_listens; then
  version=$(ls /etc/postgresql | sort -V | tail -1)
  conf=/etc/postgresql/$version/main
  # The suite's databases are thrown away after every test class: trust local connections, as CI machines do.
  $SUDO sed -i -E 's/^(local|host)(\s+all\s+all\s+.*)(peer|scram-sha-256|md5)$/\1\2trust/' "$conf/pg_hba.conf"
  $SUDO pg_ctlcluster --skip-systemctl-redirect "$version" main start
  for _ in $(seq 1 30); do postgres_listens && break; sleep 1; done
  postgres_listens || { echo "setup: PostgreSQL $version did not start on 127.0.0.1:5432" >&2; exit 1; }
fi
psql_do() { psql -h 127.0.0.1 -U postgres -d postgres -tAc "$1"; }
[ "$(psql_do "SELECT 1 FROM pg_roles WHERE rolname = 'root'")" = 1 ] || psql_do "CREATE ROLE root SUPERUSER LOGIN" >/dev/null
[ "$(psql_do "SELECT 1 FROM pg_database WHERE datname = 'test'")" = 1 ] || psql_do "CREATE DATABASE test" >/dev/null
[ "$(psql_do "SELECT 1 FROM pg_database WHERE datname = 'root'")" = 1 ] || psql_do "CREATE DATABASE root" >/dev/null
