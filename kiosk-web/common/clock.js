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

// serverTime: the ISO instant the server sent; askedAt: Date.now() when the message it answers was sent.
export function observeServerTime(serverTime, askedAt) {
  var server = Date.parse(serverTime);
  if (isNaN(server)) return;
  var now = Date.now();
  var inFlight = typeof askedAt === 'number' && now >= askedAt ? (now - askedAt) / 2 : 0;
  offset = server + inFlight - now;
  try {
    localStorage.setItem(KEY, String(Math.round(offset)));
  } catch (e) { /* storage full or disabled: keep the offset in memory */ }
}
