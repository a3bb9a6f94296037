// The touchscreen without its server: registers the Service Worker (sw.js, served as /touch-sw.js), keeps its copy of
// everything published up to date (GET /api/offline, again after every content change, and the QR images with it),
// and tells the page whether the server can be reached, asking /health every few seconds. While it cannot, the page
// marks itself 离线 and the views leave out what needs the server (the application form and lookup, ratings).
import { el } from '../common/dom.js';
import { tr } from '../common/i18n.js';

var PROBE_ONLINE_MS = 15000;
var PROBE_OFFLINE_MS = 5000;
var PROBE_WAIT_MS = 4000;
// Besides after every content change (an unpaired screen hears of none): every minute, or ?copyRefresh=SECONDS.
var COPY_REFRESH_MS = (Number(new URLSearchParams(location.search).get('copyRefresh')) || 60) * 1000;
var lastCopy = { etag: null, at: 0 };
var offline = false;
var listeners = [];
var probeTimer = null;
var syncing = null;
var syncAgain = false;

export function isOffline() {
  return offline;
}

/** The plain sentence where something needs the server: what is paused, and where to go instead. */
export function offlineNote(what) {
  return el('p', { className: 'offline-note', text: tr('服务器暂时连不上：' + what[0] + '暂停使用，请到窗口办理。其他内容照常查看。',
    'The server cannot be reached: ' + what[1] + ' paused; please ask at the counter. Everything else can be read as usual.') });
}

/** onChange(offline) whenever the server goes out of reach or comes back. */
export function onOfflineChange(onChange) {
  listeners.push(onChange);
}

export function startOffline() {
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.addEventListener('message', function (e) {
      if (e.data && e.data.type === 'gongkai-offline-answer' && !offline) probe(); // check now, not in 15 s
    });
    navigator.serviceWorker.register('/touch-sw.js', { scope: '/touch' }).then(function () {
      return controlled();
    }).then(syncCopy).catch(function () { /* keeps running, only without its copy */ });
  }
  probe();
}

// The copy goes through the worker only once it controls the page: on the very first load it takes over at once
// (clients.claim), a moment after the page started.
function controlled() {
  if (navigator.serviceWorker.controller) return Promise.resolve();
  return new Promise(function (resolve) {
    navigator.serviceWorker.addEventListener('controllerchange', function () { resolve(); });
  });
}

/** Fetches the copy again (through the worker, which keeps it) and the QR images of what it holds. */
export function syncCopy() {
  if (!('serviceWorker' in navigator) || !navigator.serviceWorker.controller || offline) return Promise.resolve();
  if (syncing) { syncAgain = true; return syncing; }
  syncing = fetch('/api/offline', { headers: { Accept: 'application/json' } }).then(function (r) {
    if (!r.ok || r.headers.get('X-Gongkai-Offline')) throw new Error('no fresh copy');
    lastCopy.at = Date.now();
    if (r.headers.get('ETag') && r.headers.get('ETag') === lastCopy.etag) return null; // unchanged: nothing to read
    lastCopy.etag = r.headers.get('ETag');
    return r.json();
  }).then(function (copy) {
    if (!copy) return null;
    return Promise.all(copy.items.filter(function (i) { return i.links; }).map(function (i) {
      return fetch(i.links.qrSvg).catch(function () { /* fetched again with the next copy */ });
    })).then(function () {
      document.documentElement.setAttribute('data-offline-copy', String(copy.items.length));
    });
  }).catch(function () { /* the last copy stays */ }).then(function () {
    syncing = null;
    if (syncAgain) { syncAgain = false; return syncCopy(); }
  });
  return syncing;
}

function probe() {
  clearTimeout(probeTimer);
  var answered = false;
  var timer = setTimeout(function () { if (!answered) { answered = true; set(true); } }, PROBE_WAIT_MS);
  fetch('/health', { cache: 'no-store' }).then(function (r) {
    if (answered) return;
    answered = true;
    clearTimeout(timer);
    set(!r.ok && r.status !== 503); // 503: the server answers (busy starting), it is not gone
  }, function () {
    if (answered) return;
    answered = true;
    clearTimeout(timer);
    set(true);
  });
  probeTimer = setTimeout(probe, offline ? PROBE_OFFLINE_MS : PROBE_ONLINE_MS);
  if (!offline && Date.now() - lastCopy.at > COPY_REFRESH_MS) syncCopy();
}

function set(value) {
  if (value === offline) return;
  offline = value;
  clearTimeout(probeTimer);
  probeTimer = setTimeout(probe, offline ? PROBE_OFFLINE_MS : PROBE_ONLINE_MS);
  if (!offline) syncCopy(); // back: catch up with what changed meanwhile
  listeners.forEach(function (l) { l(offline); });
}
