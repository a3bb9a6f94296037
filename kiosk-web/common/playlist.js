// The same rules as org.gongkai.schedule.Playlists, applied in the browser so that publish windows and dayparts
// hold while the screen is offline. Callers pass the server's time as the screen keeps it (clock.js serverNow),
// not the screen's own clock, which may be hours off. Keep the two in step.
var LEVELS = ['blue', 'yellow', 'orange', 'red'];

// Minutes since midnight and ISO weekday (1 = Monday) of the instant in the given IANA time zone.
function localParts(at, zone) {
  var fmt = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour12: false, weekday: 'short', hour: '2-digit', minute: '2-digit' });
  var parts = {};
  fmt.formatToParts(at).forEach(function (p) { parts[p.type] = p.value; });
  var days = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
  return { day: days[parts.weekday], minutes: (parseInt(parts.hour, 10) % 24) * 60 + parseInt(parts.minute, 10) };
}

function toMinutes(hhmm) {
  var p = hhmm.split(':');
  return parseInt(p[0], 10) * 60 + parseInt(p[1], 10);
}

function inRange(range, minutes) {
  var s = toMinutes(range.from);
  var e = toMinutes(range.to);
  if (s === e) return true;
  return s < e ? minutes >= s && minutes < e : minutes >= s || minutes < e;
}

export function showing(item, at, zone) {
  var t = at.getTime();
  if (item.status && item.status !== 'published') return false;
  if (item.publishStart && Date.parse(item.publishStart) > t) return false;
  if (item.publishEnd && Date.parse(item.publishEnd) <= t) return false;
  var s = item.schedule;
  if (!s) return true;
  var local = localParts(at, zone);
  if (s.days && s.days.length && s.days.indexOf(local.day) < 0) return false;
  return !s.hours || !s.hours.length || s.hours.some(function (r) { return inRange(r, local.minutes); });
}

function startOf(item) {
  return Date.parse(item.publishStart || item.createdAt) || 0;
}

var TICKER_TAG = 'ticker'; // short notices for the ticker line, not pages of the rotation

function isTicker(item) {
  return (item.tags || []).indexOf(TICKER_TAG) >= 0;
}

function ordered(items, at, zone) {
  return items.filter(function (i) { return i.kind !== 'alert' && showing(i, at, zone); })
    .sort(function (a, b) { return (b.priority - a.priority) || (startOf(b) - startOf(a)) || (b.id - a.id); });
}

export function rotation(items, at, zone) {
  return ordered(items.filter(function (i) { return !isTicker(i); }), at, zone);
}

export function ticker(items, at, zone) {
  return ordered(items.filter(isTicker), at, zone);
}

export function alerts(items, at, zone) {
  return items.filter(function (i) { return i.kind === 'alert' && showing(i, at, zone); })
    .sort(function (a, b) {
      return (LEVELS.indexOf(b.alert.level) - LEVELS.indexOf(a.alert.level)) || (startOf(b) - startOf(a)) || (b.id - a.id);
    });
}
