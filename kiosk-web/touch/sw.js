// Keeps the touchscreen working while the server cannot be reached (registered by offline.js, scope /touch).
// The page and every module it imports are cached when it loads and refreshed whenever the server answers; QR images
// are kept as they are first fetched (a short link's QR never changes). offline.js fetches /api/offline, the copy of
// everything published, and this worker keeps the last one; while the server is down it answers the catalogue,
// lists, items and search from that copy, marked X-Gongkai-Offline: 1, and everything else the page asks the API
// with a 503 that says so. Change CACHE when SHELL changes; a module missing from SHELL leaves the page blank
// offline (PlayerScriptSyntaxUnitTest checks the list).
var CACHE = 'gongkai-touch-v1';
var COPY = '/api/offline';
var NETWORK_WAIT_MS = 4000; // a server that does not answer in this time counts as unreachable
var SHELL = ['/touch', '/kiosk/common/item.css', '/kiosk/touch/touch.css', '/kiosk/touch/print.css',
  '/kiosk/touch/touch.js', '/kiosk/touch/views.js', '/kiosk/touch/attract.js', '/kiosk/touch/entry-keyboard.js',
  '/kiosk/touch/idle.js', '/kiosk/touch/keyboard.js', '/kiosk/touch/links.js', '/kiosk/touch/live.js',
  '/kiosk/touch/offline.js', '/kiosk/touch/print.js', '/kiosk/touch/rating.js', '/kiosk/touch/read-aloud.js',
  '/kiosk/touch/views/application.js', '/kiosk/touch/views/apply.js', '/kiosk/touch/views/finish.js',
  '/kiosk/touch/views/home.js', '/kiosk/touch/views/item.js', '/kiosk/touch/views/list.js',
  '/kiosk/touch/views/search.js', '/kiosk/common/alert-view.js', '/kiosk/common/application-form.js',
  '/kiosk/common/attention.js', '/kiosk/common/clock.js', '/kiosk/common/dom.js', '/kiosk/common/get-json.js',
  '/kiosk/common/i18n.js', '/kiosk/common/labels.js', '/kiosk/common/playlist.js', '/kiosk/common/render-item.js',
  '/kiosk/common/screen-link.js', '/kiosk/common/zone.js'];

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.addAll(SHELL); }).then(function () {
    return self.skipWaiting();
  }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k !== CACHE; }).map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

function withTimeout(promise) {
  return new Promise(function (resolve, reject) {
    var timer = setTimeout(function () { reject(new Error('no answer')); }, NETWORK_WAIT_MS);
    promise.then(function (r) { clearTimeout(timer); resolve(r); }, function (e) { clearTimeout(timer); reject(e); });
  });
}

function keep(request, response) {
  if (response.ok) {
    var copy = response.clone();
    caches.open(CACHE).then(function (cache) { cache.put(request, copy); });
  }
  return response;
}

// The page's own files: /touch?idle=60 is the same page as the /touch that was cached.
function networkFirst(request) {
  return withTimeout(fetch(request)).then(function (response) {
    return keep(new URL(request.url).pathname, response);
  }).catch(function () {
    return caches.match(new URL(request.url).pathname).then(function (cached) { return cached || Response.error(); });
  });
}

function cacheFirst(request) {
  return caches.match(request).then(function (cached) {
    return cached || fetch(request).then(function (response) { return keep(request, response); });
  });
}

function json(body, status) {
  return new Response(JSON.stringify(body), { status: status || 200,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'X-Gongkai-Offline': '1', 'Cache-Control': 'no-store' } });
}

function unavailable() {
  return json({ error: 'offline: the server cannot be reached; this screen shows its last copy' }, 503);
}

function withCopy(answer) {
  return caches.match(COPY).then(function (cached) {
    if (!cached) return unavailable();
    return cached.json().then(answer);
  });
}

function pageOf(list, params) {
  var size = Math.max(1, Math.min(100, Number(params.get('size')) || 20));
  var page = Math.max(1, Number(params.get('page')) || 1);
  return { items: list.slice((page - 1) * size, page * size), total: list.length, page: page, size: size };
}

function current(item, now) {
  return (!item.publishStart || Date.parse(item.publishStart) <= now) && (!item.publishEnd || Date.parse(item.publishEnd) > now);
}

// The list API's filters, on the copy (which is in the lists' order already).
function list(copy, params) {
  var now = Date.now();
  var q = (params.get('q') || '').toLowerCase();
  return copy.items.filter(function (i) {
    return current(i, now) && (!params.get('kind') || i.kind === params.get('kind'))
      && (!params.get('category') || i.category === params.get('category'))
      && (!params.get('department') || i.department === params.get('department'))
      && (!params.get('lifeEvent') || (i.lifeEvents || []).indexOf(params.get('lifeEvent')) >= 0)
      && (!params.get('enterpriseStage') || (i.enterpriseStages || []).indexOf(params.get('enterpriseStage')) >= 0)
      && (!q || [i.title, i.summary, i.body].some(function (t) { return t && t.toLowerCase().indexOf(q) >= 0; }));
  });
}

// Search on the copy: Chinese by what the title, summary and text contain (titles first), pinyin and initials by the
// titles' keys (ylbx: 养老保险), as the server's index makes them.
function search(copy, params) {
  var q = (params.get('q') || '').trim().toLowerCase().replace(/\s+/g, '');
  var kind = params.get('kind');
  var now = Date.now();
  var hits = [];
  copy.items.forEach(function (i) {
    if (!current(i, now) || kind && i.kind !== kind || !q) return;
    var keyed = pinyinMarks(copy.pinyin[String(i.id)] || {}, q);
    var inTitle = i.title.toLowerCase().indexOf(q) >= 0;
    var inText = [i.summary, i.body].some(function (t) { return t && t.toLowerCase().indexOf(q) >= 0; });
    var marks = keyed.words.concat(inTitle || inText ? [params.get('q').trim()] : []);
    if (marks.length) hits.push({ item: i, rank: inTitle || keyed.exact ? 0 : 1, marks: marks });
  });
  hits.sort(function (a, b) { return a.rank - b.rank; });
  var found = pageOf(hits, params);
  found.items = found.items.map(function (h) {
    var copyOf = JSON.parse(JSON.stringify(h.item));
    copyOf.highlights = h.marks;
    return copyOf;
  });
  found.q = params.get('q');
  found.mode = 'offline';
  return found;
}

// As the server marks them: the words whose key is the query; when none is, the shortest whose key begins with it.
function pinyinMarks(keys, q) {
  var exact = [];
  var started = [];
  Object.keys(keys).forEach(function (k) {
    if (k === q) exact.push(keys[k]);
    else if (k.indexOf(q) === 0) started.push(keys[k]);
  });
  if (exact.length) return { exact: true, words: exact };
  var shortest = Math.min.apply(null, started.map(function (w) { return w.length; }));
  return { exact: false, words: started.filter(function (w) { return w.length === shortest; }) };
}

// The pages hear at once that the server did not answer (offline.js then checks /health and marks itself 离线).
function tellPages() {
  self.clients.matchAll().then(function (pages) {
    pages.forEach(function (page) { page.postMessage({ type: 'gongkai-offline-answer' }); });
  });
}

function offlineAnswer(url) {
  tellPages();
  var p = url.pathname;
  var item = /^\/api\/items\/(\d+)$/.exec(p);
  if (p === '/api/categories') return withCopy(function (copy) { return json(copy.catalogue); });
  if (p === '/api/items') return withCopy(function (copy) { return json(pageOf(list(copy, url.searchParams), url.searchParams)); });
  if (item) {
    return withCopy(function (copy) {
      var found = copy.items.filter(function (i) { return String(i.id) === item[1]; })[0];
      return found ? json(found) : json({ error: 'item ' + item[1] + ' not found' }, 404);
    });
  }
  if (p === '/api/search') return withCopy(function (copy) { return json(search(copy, url.searchParams)); });
  if (p === '/api/usage/popular') return Promise.resolve(json([]));
  return Promise.resolve(unavailable());
}

// A copy is stored again only when it changed (its ETag is the content version).
function keepCopy(response) {
  return caches.match(COPY).then(function (cached) {
    if (cached && response.ok && cached.headers.get('ETag') && cached.headers.get('ETag') === response.headers.get('ETag')) return response;
    return keep(COPY, response);
  });
}

// What the copy can answer waits for the server NETWORK_WAIT_MS at most; anything else (pinyin candidates, an
// application) waits as long as the server takes, and only a failure to reach it is answered offline.
function answerable(url) {
  return url.pathname === COPY || url.pathname === '/api/categories' || url.pathname === '/api/search'
    || url.pathname === '/api/usage/popular' || /^\/api\/items(\/\d+)?$/.test(url.pathname);
}

function api(request, url) {
  var network = answerable(url) ? withTimeout(fetch(request)) : fetch(request);
  return network.then(function (response) {
    return url.pathname === COPY ? keepCopy(response) : response;
  }).catch(function () {
    return url.pathname === COPY ? caches.match(COPY).then(function (c) { return c || unavailable(); }) : offlineAnswer(url);
  });
}

self.addEventListener('fetch', function (event) {
  var url = new URL(event.request.url);
  if (url.origin !== location.origin) return;
  if (event.request.method !== 'GET') {
    if (url.pathname.indexOf('/api/') === 0) event.respondWith(fetch(event.request).catch(function () { return unavailable(); }));
    return;
  }
  if (url.pathname.indexOf('/qr/') === 0) event.respondWith(cacheFirst(event.request));
  else if (url.pathname.indexOf('/api/') === 0) event.respondWith(api(event.request, url));
  else if (url.pathname === '/touch' || url.pathname.indexOf('/kiosk/') === 0) event.respondWith(networkFirst(event.request));
});
