// The display time zone: the server's display.timezone, in which publish windows, schedules and every time on a
// page are meant. The server writes it into each page it serves (<meta name="gongkai-display-timezone">) and sends it
// to screens as their group's `timezone`; nothing in the browser assumes a zone of its own. Without either (a page
// opened from a file), Intl falls back to the device's zone.
var zone = fromPage();

function fromPage() {
  var meta = document.querySelector('meta[name="gongkai-display-timezone"]');
  return (meta && meta.getAttribute('content')) || undefined;
}

export function displayZone() {
  return zone;
}

/** A screen's zone as its group says (state from common/screen-link.js); it becomes the page's zone too. */
export function screenZone(state) {
  var z = state && state.group && state.group.timezone;
  if (z) zone = z;
  return zone;
}

/** Year, month, day, hour and minute of the instant in the zone (the display zone when none is given). */
export function partsIn(d, timeZone) {
  try {
    var out = {};
    new Intl.DateTimeFormat('en-US', { timeZone: timeZone || zone, year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', hour12: false }).formatToParts(d).forEach(function (part) {
      out[part.type] = Number(part.value);
    });
    return { year: out.year, month: out.month, day: out.day, hour: out.hour % 24, minute: out.minute };
  } catch (e) { // an old browser without time-zone support: the device's own zone
    return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate(), hour: d.getHours(), minute: d.getMinutes() };
  }
}

export function pad(n) {
  return n < 10 ? '0' + n : String(n);
}

/** An instant as a datetime-local input's value (2026-11-23T08:00) in the display zone. */
export function toZoneInput(iso) {
  if (!iso) return '';
  var d = new Date(iso);
  if (isNaN(d.getTime())) return '';
  var p = partsIn(d);
  return p.year + '-' + pad(p.month) + '-' + pad(p.day) + 'T' + pad(p.hour) + ':' + pad(p.minute);
}

/**
 * A datetime-local value read in the display zone, as an ISO time with that zone's offset at that moment
 * (2026-11-23T08:00:00+08:00). A time that the zone skips (clocks going forward) or has twice (clocks going back)
 * gets one of the two offsets around it.
 */
export function fromZoneInput(value) {
  var m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value || '');
  if (!m) return null;
  var wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  var offset = offsetAt(wall);
  offset = offsetAt(wall - offset * 60000);
  var sign = offset < 0 ? '-' : '+';
  var abs = Math.abs(offset);
  return m[1] + '-' + m[2] + '-' + m[3] + 'T' + m[4] + ':' + m[5] + ':00' + sign + pad(Math.floor(abs / 60)) + ':' + pad(abs % 60);
}

// Minutes the display zone is ahead of UTC at the instant.
function offsetAt(ms) {
  var p = partsIn(new Date(ms));
  return Math.round((Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - Math.floor(ms / 60000) * 60000) / 60000);
}
