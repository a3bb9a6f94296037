// The screen's link to the server (common/screen-link.js) as the touchscreen uses it: the state of this screen
// (pairing, its group's items and alerts), an alert over whatever is on screen until a citizen puts it aside for a
// few minutes (a new alert, or a new version of it such as an upgrade, comes back over the page), its attention tone
// (common/attention.js; the first tap lets a blocked tone play), and the view on screen drawn again when content
// changes or an item's publish window ends.
import { el, clear } from '../common/dom.js';
import { tr } from '../common/i18n.js';
import { connect, identity } from '../common/screen-link.js';
import { serverNow, serverDate } from '../common/clock.js';
import { alerts, night, windowEdgePassed } from '../common/playlist.js';
import { screenZone } from '../common/zone.js';
import { alertText } from '../common/alert-view.js';
import { attend, unlockOnGesture } from '../common/attention.js';

var link = { state: null }; // this screen's state from the server
var seenVersion = null;
var dismissed = {}; // alert id:version -> until (ms): a citizen may put an alert aside for a few minutes
var DISMISS_MS = 5 * 60 * 1000;
var alertBox = document.getElementById('alert');
var redraw = function () {};

/** This screen's state from the server, or null before the first message. */
export function screenState() {
  return link.state;
}

export function pairedScreenId() {
  var s = link.state;
  return s && s.status === 'active' ? s.screenId : undefined;
}

/** The paired screen's id and secret, which prove to the server where an application was received; else null. */
export function pairedScreenProof() {
  var id = identity('touch');
  return pairedScreenId() && id.screenId === pairedScreenId() && id.secret ? { screenId: id.screenId, screenSecret: id.secret } : null;
}

/** A new visit: alerts put aside by the last person come back. */
export function forgetDismissed() {
  dismissed = {};
}

function showAlerts() {
  var s = link.state;
  var active = s && s.status === 'active' ? alerts(s.alerts || [], serverDate(), screenZone(s)) : [];
  var now = Date.now();
  var a = active.filter(function (x) { return !(dismissed[x.id + ':' + x.version] > now); })[0];
  var key = a ? a.id + ':' + a.version : '';
  if (a) attend(a, s.group, night(s.group, serverDate(), screenZone(s)));
  if (alertBox.getAttribute('data-key') === key) return;
  alertBox.setAttribute('data-key', key);
  alertBox.hidden = !a;
  clear(alertBox);
  if (!a) return;
  alertBox.className = 'level-' + a.alert.level;
  var close = el('button', { type: 'button', id: 'dismiss', text: tr('我知道了（暂时关闭）', 'I have read it (hide for now)') });
  close.addEventListener('click', function () { dismissed[key] = Date.now() + DISMISS_MS; showAlerts(); });
  alertBox.appendChild(el('div', { className: 'alert-body' }, alertText(a, screenZone(s), { heading: 'h2' }).concat([
    el('img', { src: a.links.qrSvg, alt: 'QR' }),
    close])));
}

// New, changed, withdrawn and expired content: what is on screen is loaded again, in place.
function contentChanged(state) {
  var version = state.status === 'active' ? state.version : null;
  if (seenVersion !== null && version !== seenVersion) redraw();
  seenVersion = version;
}

// An item's window ending sends no message: the screen watches the ends of the items it holds.
var windowsCheckedAt = serverNow();
function windowsEnded() {
  var now = serverNow();
  var s = link.state;
  var passed = s && windowEdgePassed(s.items || [], new Date(windowsCheckedAt), new Date(now));
  windowsCheckedAt = now;
  if (passed) redraw();
}

/** Watches alerts and publish windows; onChange() when what is on screen should be drawn again. */
export function watchScreen(onChange) {
  redraw = onChange;
  setInterval(showAlerts, 1000); // alerts that expire or were put aside for a while
  setInterval(windowsEnded, 1000);
}

/** Connects this screen to the server; onState() after every message. */
export function connectScreen(onState) {
  unlockOnGesture();
  connect('touch', function (update) {
    link.state = update.state;
    onState();
    contentChanged(update.state);
    showAlerts();
  });
}
