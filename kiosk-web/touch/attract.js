// The attract loop while nobody uses the screen: the notices this screen's group shows now and the guides most opened
// at this screen, one after another, each large with its QR code, and an invitation to touch the screen.
import { el, clear } from '../common/dom.js';
import { getJson } from '../common/get-json.js';
import { kindName } from '../common/labels.js';
import { serverDate } from '../common/clock.js';
import { rotation } from '../common/playlist.js';
import { screenZone } from '../common/zone.js';
import { screenState, pairedScreenId } from './live.js';

var attract = document.getElementById('attract');
var ATTRACT_SECONDS = Number(new URLSearchParams(location.search).get('attract')) || 10; // seconds per notice
var attractTimer = null;
var POPULAR_REFRESH_MS = 5 * 60 * 1000;
var popular = { screen: null, items: [], at: 0 }; // the last answer kept: the loop goes on while the server is away

function touchToStart() {
  return '点击屏幕开始 · Tap the screen to start';
}

// The guides most opened at this screen (statistics of the last 90 days), asked again every few minutes.
function refreshPopular() {
  var screen = pairedScreenId();
  if (!screen || (popular.screen === screen && Date.now() - popular.at < POPULAR_REFRESH_MS)) return;
  popular.at = Date.now();
  getJson('/api/usage/popular?kind=guide&limit=3&screen=' + encodeURIComponent(screen)).then(function (answer) {
    popular = { screen: screen, items: answer.items || [], at: popular.at };
  }, function () { /* keep the last list */ });
}

// Where nobody has opened a guide here yet, the guides this screen's group shows.
function guides(shown) {
  var used = popular.screen === pairedScreenId() ? popular.items : [];
  var list = used.length ? used : shown.filter(function (i) { return i.kind === 'guide'; }).slice(0, 3);
  return list.filter(function (i) { return i.links; }).map(function (i) { return { item: i, used: used.length > 0 }; });
}

// The notices this screen's group shows now (the screen's own copy, so the loop runs offline too); none before
// the screen is paired into a group: other groups' notices are not this screen's to show.
function attractItems() {
  var s = screenState();
  if (!s || s.status !== 'active') return [];
  var shown = rotation(s.items || [], serverDate(), screenZone(s));
  var notices = shown.filter(function (i) { return i.kind === 'notice' && i.links; })
    .map(function (i) { return { item: i, used: false }; });
  return notices.concat(guides(shown));
}

function kindLine(entry) {
  return entry.used ? '本机常用' + kindName(entry.item.kind) + ' · Most used here' : kindName(entry.item.kind);
}

export function attractShown() {
  return !attract.hidden;
}

export function startAttract() {
  attract.hidden = false;
  clearTimeout(attractTimer);
  var i = 0;
  function next() {
    if (attract.hidden) return;
    refreshPopular();
    var items = attractItems();
    if (!items.length) {
      clear(attract).appendChild(el('p', { className: 'attract-hint', text: touchToStart() }));
    } else {
      var entry = items[i++ % items.length];
      var item = entry.item;
      clear(attract).appendChild(el('div', { className: 'attract-item', 'data-id': item.id }, [
        el('p', { className: 'attract-meta', text: kindLine(entry) }),
        item.departmentName ? el('p', { className: 'attract-meta', text: item.departmentName }) : null,
        el('h2', { text: item.title }),
        item.summary ? el('p', { text: item.summary }) : null,
        el('img', { src: item.links.qrSvg, alt: 'QR' }),
        el('p', { className: 'attract-hint', text: touchToStart() })]));
    }
    // with nothing to show yet, look again soon: the group's notices arrive once the screen is connected
    attractTimer = setTimeout(next, (items.length ? ATTRACT_SECONDS : 1) * 1000);
  }
  next();
}

export function stopAttract() {
  clearTimeout(attractTimer);
  attract.hidden = true;
}

/** onTouch() when someone touches the attract loop. */
export function onAttractTouched(onTouch) {
  attract.addEventListener('pointerdown', function (e) { e.preventDefault(); onTouch(); });
}
