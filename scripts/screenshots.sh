#!/usr/bin/env bash
# Takes screenshots of Gongkai's pages with headless Chromium into docs/screenshots/.
#
#   scripts/screenshots.sh [BASE_URL]        (default http://127.0.0.1:7070)
#
# The server must be running with its demo content. Item ids are looked up with the admin account:
# GONGKAI_ADMIN_USER (default admin) and GONGKAI_ADMIN_PASSWORD (default change-me-now).
# Needs chromium, curl and python3.
set -euo pipefail

BASE="${1:-http://127.0.0.1:7070}"
BASE="${BASE%/}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/docs/screenshots"
WORK="${SHOTS_WORK:-/tmp/shots}"
USER_NAME="${GONGKAI_ADMIN_USER:-admin}"
PASSWORD="${GONGKAI_ADMIN_PASSWORD:-change-me-now}"
CHROMIUM="${CHROMIUM:-chromium}"
mkdir -p "$OUT" "$WORK"
rm -f "$WORK"/console-*.log "$WORK"/chromium-*.log

log() { printf '%s\n' "$*" >&2; }

# shot WIDTH HEIGHT FILE URL [extra chromium flags...]
shot() {
  local w="$1" h="$2" file="$3" url="$4"; shift 4
  local profile=()
  case " $* " in *" --user-data-dir="*) ;; *) profile=(--user-data-dir="$(mktemp -d "$WORK/profile.XXXXXX")") ;; esac
  log "shot $file  ($w x $h)  $url"
  "$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --window-size="$w,$h" --virtual-time-budget=5000 --enable-logging=stderr --v=0 \
    "${profile[@]}" "$@" --screenshot="$OUT/$file" "$url" 2> "$WORK/chromium-${file%.png}.log" >/dev/null || true
  grep -E 'CONSOLE|Uncaught' "$WORK/chromium-${file%.png}.log" > "$WORK/console-${file%.png}.log" || true
  if [ -s "$WORK/console-${file%.png}.log" ]; then log "  console output: $WORK/console-${file%.png}.log"; fi
  [ -f "$OUT/$file" ] || { log "  FAILED: no $OUT/$file"; return 1; }
}

json() { python3 -c "import json,sys; d=json.load(sys.stdin); $1"; }

# --- API session --------------------------------------------------------------------------------------------
COOKIES="$WORK/cookies.txt"
CSRF="$(curl -fsS -c "$COOKIES" -H 'Content-Type: application/json' \
  -d "$(python3 -c 'import json,sys; print(json.dumps({"username": sys.argv[1], "password": sys.argv[2]}))' "$USER_NAME" "$PASSWORD")" \
  "$BASE/api/login" | json 'print(d["csrfToken"])')"
api_get() { curl -fsS -b "$COOKIES" -H 'Accept: application/json' "$BASE$1"; }
api_post() { curl -fsS -b "$COOKIES" -H 'Content-Type: application/json' -H "X-CSRF-Token: $CSRF" -d "$2" "$BASE$1"; }

# The plaza, touch and admin pages are photographed by their browser tests (PlazaBrowserTest, TouchBrowserTest,
# AdminPagesBrowserTest, AdminWorkflowBrowserTest) into target/screenshots/, at every size their issues name.

# --- mobile item pages ----------------------------------------------------------------------------------------
GUIDE_ID="$(api_get '/api/items?kind=guide' | json 'print(d["items"][0]["id"])')"
POLICY_ID="$(api_get '/api/items?kind=policy' | json 'print(d["items"][0]["id"])')"
shot 390 844 m-guide-390x844.png "$BASE/m/items/$GUIDE_ID"
shot 390 844 m-policy-390x844.png "$BASE/m/items/$POLICY_ID"

rm -rf "$WORK"/profile.*
log "screenshots in $OUT"
