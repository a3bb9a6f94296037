// "What does a screen of group G show at time T": the same rules as org.gongkai.schedule.Playlists, applied in the
// browser so that publish windows, dayparts and night hours hold while the screen is offline. Every rule deciding
// what is shown lives here; plaza.js, touch.js and the admin page's preview call it. Callers pass the server's time
// as the screen keeps it (clock.js serverDate), not the screen's own clock, which may be hours off.
// src/test/resources/playlist-vectors.json holds the cases both sides must agree on (PlaylistVectorsUnitTest,
// PlaylistVectorsBrowserTest): change a rule here and in Playlists.java together, and add its case there.
import { displayZone } from './zone.js';

var LEVELS = ['blue', 'yellow', 'orange', 'red'];
var TICKER_TAG = 'ticker'; // short notices for the ticker line, not pages of the rotation

// Seconds an item stays when neither it nor its group says; the server sends its own default (display.
// defaultDurationSeconds) as the group's, so this counts only before the first snapshot and in the preview.
export var DEFAULT_DURATION_SECONDS = 12;

// The time zone the group's dayparts and night hours are in.
function zoneOf(group) {
  return (group && group.timezone) || displayZone();
}

// One formatter per zone: plaza asks every second, and building one costs far more than using it. null: a zone this
// browser does not know (an old controller's time-zone data), which then counts in the device's own zone rather
// than stopping the screen.
var formats = {};

function formatIn(zone) {
  var key = zone || '';
  if (!(key in formats)) {
    try {
      formats[key] = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour12: false, weekday: 'short', hour: '2-digit', minute: '2-digit' });
    } catch (e) {
      formats[key] = null;
    }
  }
  return formats[key];
}

// Minutes since midnight and ISO weekday (1 = Monday) of the instant in the given IANA time zone.
function localParts(at, zone) {
  var fmt = formatIn(zone);
  if (!fmt) return { day: at.getDay() || 7, minutes: at.getHours() * 60 + at.getMinutes() };
  var parts = {};
  fmt.formatToParts(at).forEach(function (p) { parts[p.type] = p.value; });
  var days = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
  return { day: days[parts.weekday], minutes: (parseInt(parts.hour, 10) % 24) * 60 + parseInt(parts.minute, 10) };
}

function toMinutes(hhmm) {
  var p = hhmm.split(':');
  return parseInt(p[0], 10) * 60 + parseInt(p[1], 10);
}

// Half open [start, end); an end before the start runs past midnight.
function within(start, end, minutes) {
  return start <= end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}

function inRange(range, minutes) {
  var s = toMinutes(range.from);
  var e = toMinutes(range.to);
  return s === e || within(s, e, minutes); // the same start and end: all day
}

// The publish window is half open: an item shows from its start on, and no longer at its end.
function started(item, at) {
  return !item.publishStart || Date.parse(item.publishStart) <= at.getTime();
}

export function ended(item, at) {
  return !!item.publishEnd && Date.parse(item.publishEnd) <= at.getTime();
}

// Whether an item's window began or ended after `after` and by `upTo`: what is listed changed without a message.
export function windowEdgePassed(items, after, upTo) {
  var from = after.getTime();
  var to = upTo.getTime();
  return items.some(function (i) {
    var end = i.publishEnd ? Date.parse(i.publishEnd) : NaN;
    var start = i.publishStart ? Date.parse(i.publishStart) : NaN;
    return (end > from && end <= to) || (start > from && start <= to);
  });
}

export function showing(item, at, zone) {
  if (item.status && item.status !== 'published') return false;
  if (!started(item, at) || ended(item, at)) return false;
  var s = item.schedule;
  if (!s) return true;
  var local = localParts(at, zone);
  if (s.days && s.days.length && s.days.indexOf(local.day) < 0) return false;
  return !s.hours || !s.hours.length || s.hours.some(function (r) { return inRange(r, local.minutes); });
}

function startOf(item) {
  return Date.parse(item.publishStart || item.createdAt) || 0;
}

function levelOf(alert) {
  return alert.alert ? LEVELS.indexOf(alert.alert.level) : -1;
}

// A ticker line: any item but an alert tagged "ticker", whatever its kind.
function isTicker(item) {
  return item.kind !== 'alert' && (item.tags || []).indexOf(TICKER_TAG) >= 0;
}

// Where an item goes whenever it shows: 'alert' (the whole screen), 'ticker' (the line at the bottom) or 'page' (the
// rotation). A strip is one line already: its ticker lines take their turn in the rotation.
export function placeOf(item, strip) {
  if (item.kind === 'alert') return 'alert';
  return isTicker(item) && !strip ? 'ticker' : 'page';
}

// In play order: priority, then newest first (publish start, else creation), then the higher id.
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

// Active alerts: highest level first, then newest.
export function alerts(items, at, zone) {
  return items.filter(function (i) { return i.kind === 'alert' && showing(i, at, zone); })
    .sort(function (a, b) { return (levelOf(b) - levelOf(a)) || (startOf(b) - startOf(a)) || (b.id - a.id); });
}

// The group's night hours (HH:mm, both set or neither) at the instant; a span whose end is before its start runs
// past midnight, and the same start and end is never night.
export function night(group, at, zone) {
  if (!group || !group.nightStart || !group.nightEnd) return false;
  return within(toMinutes(group.nightStart), toMinutes(group.nightEnd), localParts(at, zone).minutes);
}

// What a screen of the group shows at the instant: the active alerts (the first takes the whole screen), the
// rotation, the ticker line (folded into the rotation on a strip), and whether it is night. A screen is dimmed at
// night, but never while it shows an alert.
export function onScreen(items, group, at, strip) {
  var zone = zoneOf(group);
  var list = rotation(items, at, zone);
  var lines = ticker(items, at, zone);
  if (strip) {
    list = list.concat(lines);
    lines = [];
  }
  var active = alerts(items, at, zone);
  var dark = night(group, at, zone);
  return { alerts: active, rotation: list, ticker: lines, night: dark, dimmed: dark && !active.length };
}

// An item's seconds on screen: its own, else its group's default, else DEFAULT_DURATION_SECONDS.
export function durationSeconds(item, group) {
  return item.durationSeconds || (group && group.defaultDurationSeconds) || DEFAULT_DURATION_SECONDS;
}

// The item after `afterId` in the rotation (the first one when it is gone or unknown).
function nextAfter(list, afterId) {
  for (var i = 0; i < list.length; i++) {
    if (list[i].id === afterId) return list[(i + 1) % list.length];
  }
  return list.length ? list[0] : null;
}

// The item to start when the one on screen (shownId) has had its time or has left the rotation, or when nothing was
// on screen (shownId null: an alert, the idle page or the start). After an alert the interrupted item (lastId, the
// last one started) comes again; otherwise the one after the last started.
export function nextItem(list, shownId, lastId) {
  var current = byId(list, shownId);
  if (current) return nextAfter(list, current.id);
  return (shownId === null && byId(list, lastId)) || nextAfter(list, lastId);
}

export function byId(list, id) {
  for (var i = 0; i < list.length; i++) if (list[i].id === id) return list[i];
  return null;
}
