// Keeps the plaza player working with no server: the page and its scripts are cached when it first loads, and
// refreshed whenever the server answers; QR images are cached as they are shown (a short link's QR never changes).
// The content itself is in localStorage (common/screen-link.js), so a restarted browser shows the last snapshot.
// Every file the page needs, modules included: one missing here leaves the page blank offline (the browser test
// that reloads with the server stopped catches it). Change CACHE when the list changes.
var CACHE = 'gongkai-plaza-v5';
var SHELL = ['/plaza', '/kiosk/plaza/plaza.css', '/kiosk/plaza/plaza.js', '/kiosk/plaza/fit.js', '/kiosk/plaza/plays.js',
  '/kiosk/common/dom.js', '/kiosk/common/zone.js', '/kiosk/common/screen-link.js', '/kiosk/common/playlist.js',
  '/kiosk/common/labels.js', '/kiosk/common/alert-view.js', '/kiosk/common/i18n.js', '/kiosk/common/clock.js',
  '/kiosk/common/attention.js'];

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

function networkFirst(request) {
  return fetch(request).then(function (response) {
    if (response.ok) {
      var copy = response.clone();
      caches.open(CACHE).then(function (cache) { cache.put(request, copy); });
    }
    return response;
  }).catch(function () {
    return caches.match(request).then(function (cached) { return cached || Response.error(); });
  });
}

function cacheFirst(request) {
  return caches.match(request).then(function (cached) { return cached || networkFirst(request); });
}

self.addEventListener('fetch', function (event) {
  var url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== location.origin) return;
  if (url.pathname.indexOf('/qr/') === 0) {
    event.respondWith(cacheFirst(event.request));
  } else if (url.pathname === '/plaza' || url.pathname.indexOf('/kiosk/') === 0) {
    event.respondWith(networkFirst(event.request));
  }
});
