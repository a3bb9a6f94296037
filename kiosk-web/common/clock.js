// The server's clock as this screen knows it. A screen's own clock may be hours off (a controller without NTP or
// with a flat battery); publish windows, dayparts and alert validity are in server time, so the player decides by
// serverNow(), never by Date.now(). The server sends serverTime in `welcome` (after every hello) and in `pong`
// (the link pings every few minutes); the offset measured from it, with half the round trip added for the time the
// answer was in flight, is kept in localStorage, so that it holds offline and after a restart of the browser.
var KEY = 'gongkai.clockOffset';
var offset = stored();

function stored() {
  try {
    var v = parseFloat(localStorage.getItem(KEY));
    return isFinite(v) ? v : 0;
  } catch (e) {
    return 0;
  }
}

// Milliseconds since the epoch by the server's clock.
export function serverNow() {
  return Date.now() + offset;
}

// The server's time as a Date.
export function serverDate() {
  return new Date(serverNow());
}

// A sample's error is at most half its round trip, and a welcome can wait seconds in a busy server's queue before it
// is stamped: so a sample replaces the offset only when its round trip is about as short as the best one seen, or
// the best one is old enough for the clocks to have drifted apart.
var best = null; // { rtt, at } of the sample the offset came from
var DRIFT_MS = 30 * 60 * 1000;

// serverTime: the ISO instant the server sent; askedAt: Date.now() when the message it answers was sent.
export function observeServerTime(serverTime, askedAt) {
  var server = Date.parse(serverTime);
  if (isNaN(server)) return;
  var now = Date.now();
  var rtt = typeof askedAt === 'number' && now >= askedAt ? now - askedAt : 0;
  if (best && rtt > best.rtt * 1.5 + 50 && now - best.at < DRIFT_MS) return;
  best = { rtt: rtt, at: now };
  offset = server + rtt / 2 - now;
  try {
    localStorage.setItem(KEY, String(Math.round(offset)));
  } catch (e) { /* storage full or disabled: keep the offset in memory */ }
}
