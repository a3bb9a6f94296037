#!/usr/bin/env bash
# Takes screenshots of Gongkai's pages with headless Chromium into docs/screenshots/.
#
#   scripts/screenshots.sh [BASE_URL]        (default http://127.0.0.1:7070)
#
# The server must be running with its demo content. Item ids and the admin console need the admin
# account: GONGKAI_ADMIN_USER (default admin) and GONGKAI_ADMIN_PASSWORD (default change-me-now).
# Needs chromium, curl and python3; node (18+) is used, when present, for the pages that need clicks
# (the admin console after logging in). Console messages from the pages go to $WORK/console-*.log.
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

# The plaza and touch pages are photographed by their browser tests (PlazaBrowserTest, TouchBrowserTest) into
# target/screenshots/, at every size their issues name.

# --- admin (the login page) -----------------------------------------------------------------------------------
shot 1366 768 admin-1366x768.png "$BASE/admin"

# --- mobile item pages ----------------------------------------------------------------------------------------
GUIDE_ID="$(api_get '/api/items?kind=guide' | json 'print(d["items"][0]["id"])')"
POLICY_ID="$(api_get '/api/items?kind=policy' | json 'print(d["items"][0]["id"])')"
shot 390 844 m-guide-390x844.png "$BASE/m/items/$GUIDE_ID"
shot 390 844 m-policy-390x844.png "$BASE/m/items/$POLICY_ID"

# --- pages that need clicks: driven over the DevTools protocol with node ------------------------------------
NODE_FLAGS=()
if command -v node >/dev/null 2>&1; then
  if ! node -e 'process.exit(typeof WebSocket === "function" ? 0 : 1)' 2>/dev/null; then NODE_FLAGS=(--experimental-websocket); fi
  if node "${NODE_FLAGS[@]}" -e 'process.exit(typeof WebSocket === "function" ? 0 : 1)' 2>/dev/null; then
    CDP="$WORK/cdp-shot.mjs"
    cat > "$CDP" <<'EOF'
// node cdp-shot.mjs CHROMIUM PROFILE WIDTH HEIGHT URL OUT [JS-STEP ...]
// Opens URL, then evaluates each step (an expression, awaited) with 1.5 s between them, then screenshots.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
const [chromium, profile, w, h, url, out, ...steps] = process.argv.slice(2);
const proc = spawn(chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--no-first-run',
  '--remote-debugging-port=0', '--user-data-dir=' + profile, '--window-size=' + w + ',' + h, 'about:blank'],
  { stdio: 'ignore' });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let port = null;
for (let i = 0; i < 100 && !port; i++) {
  await sleep(100);
  const f = profile + '/DevToolsActivePort';
  if (existsSync(f)) port = readFileSync(f, 'utf8').split('\n')[0];
}
if (!port) { console.error('chromium did not start'); proc.kill(); process.exit(1); }
const targets = await (await fetch('http://127.0.0.1:' + port + '/json/list')).json();
const page = targets.find((t) => t.type === 'page');
const ws = new WebSocket(page.webSocketDebuggerUrl);
await new Promise((r) => ws.addEventListener('open', r));
let next = 1; const pending = new Map();
ws.addEventListener('message', (e) => {
  const m = JSON.parse(e.data);
  if (m.id && pending.has(m.id)) { pending.get(m.id)(m); pending.delete(m.id); }
  else if (m.method === 'Runtime.consoleAPICalled') console.log('console.' + m.params.type + ': ' + m.params.args.map((a) => a.value ?? a.description).join(' '));
  else if (m.method === 'Runtime.exceptionThrown') console.log('exception: ' + (m.params.exceptionDetails.exception?.description || m.params.exceptionDetails.text));
  else if (m.method === 'Log.entryAdded') console.log('log.' + m.params.entry.level + ': ' + m.params.entry.text + ' ' + (m.params.entry.url || ''));
});
const send = (method, params = {}) => new Promise((r) => { const id = next++; pending.set(id, r); ws.send(JSON.stringify({ id, method, params })); });
await send('Runtime.enable'); await send('Log.enable'); await send('Page.enable');
await send('Emulation.setDeviceMetricsOverride', { width: +w, height: +h, deviceScaleFactor: 1, mobile: false });
await send('Page.navigate', { url });
await sleep(2500);
for (const step of steps) {
  const r = await send('Runtime.evaluate', { expression: step, awaitPromise: true, returnByValue: true });
  if (r.result?.exceptionDetails) console.log('step failed: ' + step + ' -> ' + r.result.exceptionDetails.exception?.description);
  await sleep(1500);
}
const shot = await send('Page.captureScreenshot', { format: 'png' });
writeFileSync(out, Buffer.from(shot.result.data, 'base64'));
ws.close(); proc.kill();
process.exit(0);
EOF
    cdp() {
      local w="$1" h="$2" file="$3" url="$4"; shift 4
      log "cdp  $file  ($w x $h)  $url"
      node "${NODE_FLAGS[@]}" "$CDP" "$CHROMIUM" "$(mktemp -d "$WORK/profile.XXXXXX")" "$w" "$h" "$url" "$OUT/$file" "$@" \
        > "$WORK/console-${file%.png}.log" 2>&1 || log "  FAILED (see $WORK/console-${file%.png}.log)"
    }
    LOGIN_JS="(() => { const f = document.getElementById('login'); f.username.value = $(python3 -c 'import json,sys; print(json.dumps(sys.argv[1]))' "$USER_NAME"); f.password.value = $(python3 -c 'import json,sys; print(json.dumps(sys.argv[1]))' "$PASSWORD"); f.requestSubmit(); })()"
    cdp 1366 768 admin-1366x768-console.png "$BASE/admin" "$LOGIN_JS"
  else
    log "node has no WebSocket: skipping the pages that need clicks"
  fi
fi

rm -rf "$WORK"/profile.*
log "screenshots in $OUT"
