// PlaylistVectorsBrowserTest's side of playlist-vectors.json: every case through kiosk-web/common/playlist.js as the
// players load it, the same answers as PlaylistVectorsUnitTest computes through Playlists. Runs in the test page.
async function (text) {
  var vectors = JSON.parse(text);
  var p = await import('/kiosk/common/playlist.js');
  var KEYS = ['rotation', 'ticker', 'alerts', 'night', 'dimmed', 'places', 'durations', 'next', 'windowEdge', 'notEnded'];
  var SERVER_ONLY = ['deliverable']; // which items a screen receives is the server's to decide
  var ids = function (list) { return list.map(function (i) { return i.id; }); };
  var mismatches = [];
  var ran = 0;
  vectors.cases.forEach(function (c) {
    ran++;
    var at = new Date(c.at);
    var strip = !!c.strip;
    var group = Object.assign({}, c.group, { timezone: c.zone || vectors.zone });
    var items = c.items.map(function (i) { return Object.assign({}, vectors.itemDefaults, i); });
    var on = p.onScreen(items, group, at, strip);
    var actual = {
      rotation: ids(on.rotation), ticker: ids(on.ticker), alerts: ids(on.alerts), night: on.night, dimmed: on.dimmed,
      places: items.map(function (i) { return p.placeOf(i, strip); }),
      durations: on.rotation.map(function (i) { return p.durationSeconds(i, group); }),
      notEnded: ids(items.filter(function (i) { return !p.ended(i, at); }))
    };
    if (c.player) {
      var next = p.nextItem(on.rotation, c.player.shown, c.player.last);
      actual.next = next ? next.id : null;
    }
    if (c.since) actual.windowEdge = p.windowEdgePassed(items, new Date(c.since), at);
    Object.keys(c.expect).forEach(function (key) {
      if (KEYS.indexOf(key) < 0 && SERVER_ONLY.indexOf(key) < 0) mismatches.push(c.name + ': unknown expectation ' + key);
    });
    KEYS.forEach(function (key, n) {
      if (!(key in c.expect)) {
        if (n < 5) mismatches.push(c.name + ': expect.' + key + ' is missing');
        return;
      }
      var want = JSON.stringify(c.expect[key]);
      var got = JSON.stringify(actual[key]);
      if (want !== got) mismatches.push(c.name + ': ' + key + ' expected ' + want + ' but was ' + got);
    });
  });
  return { ran: ran, mismatches: mismatches, defaultDurationSeconds: p.DEFAULT_DURATION_SECONDS };
}
