// The plaza and hall player: rotates the group's items by the server's clock (common/clock.js), lays them out for the screen's
// real size (landscape, portrait, or a one-line strip), fits text to its box, shows a QR beside everything, gives
// the whole screen to an alert at once, and reports what it showed (proof of play), also after being offline.
import { el, clear, formatDate } from '../common/dom.js';
import { connect } from '../common/screen-link.js';
import { serverNow, serverDate } from '../common/clock.js';
import { onScreen, night, placeOf, durationSeconds, nextItem, byId } from '../common/playlist.js';
import { kindName } from '../common/labels.js';
import { alertText, alertLine } from '../common/alert-view.js';
import { attend, onBlocked } from '../common/attention.js';
import { screenZone } from '../common/zone.js';
import { fit, fitMarquee, endTogether } from './fit.js';
import { PlayLog } from './plays.js';

var stage = document.getElementById('stage');
var statusMark = document.getElementById('status');
var clockMark = document.getElementById('clock');
var tickerBar = document.getElementById('ticker');
var CHECK_MS = 1000; // how often the clock is checked for ended windows, new alerts and the next item

var state = null;
// What is on screen: its key, the item and when it started, when its time is up, the group settings it was laid out
// with, and how long one pass of its scrolling line takes (0 when nothing scrolls).
var shown = { key: null, itemId: null, since: 0, until: 0, settings: null, readMs: 0 };
var lastItemId = null; // the last item started: the rotation resumes with it when an alert ends
var link = null;
var plays = new PlayLog(function (msg) { return link && link.send(msg); });

function zone() {
  return screenZone(state);
}

function layout() {
  var w = window.innerWidth;
  var h = window.innerHeight;
  if (h <= 360 && w / h >= 3) return 'strip';
  return h > w ? 'portrait' : 'landscape';
}

function shortText(url) {
  return (url || '').replace(/^https?:\/\//, '');
}

function qr(item) {
  return el('figure', { className: 'qr' }, [
    el('img', { src: qrSrc(item), alt: '扫码阅读全文' }),
    el('figcaption', { text: shortText(item.shortUrl) })
  ]);
}

// An item not yet saved (in the admin page's preview) has no short link yet; an empty square keeps the layout.
function qrSrc(item) {
  return item.links ? item.links.qrSvg
    : 'data:image/svg+xml,' + encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#ddd"/></svg>');
}

function marquee(text) {
  return el('div', { className: 'marquee-box' }, [el('span', { className: 'marquee', text: text })]);
}

// Sizes from the group's viewing distance, when the physical height of the picture is known: a title at least
// 0.8 cm high per metre of distance (the signage minimum; 1.75 cm is comfortable, and the fitter goes as large as
// the text allows), and a QR code at least a tenth of the distance wide (as far as the screen allows).
function sizes(kind) {
  var g = (state && state.group) || {};
  var w = window.innerWidth;
  var h = window.innerHeight;
  var pxPerMeter = g.screenHeightMeters ? h / g.screenHeightMeters : 0;
  var distance = g.viewingDistanceMeters || 5;
  var portrait = kind === 'portrait';
  var usual = portrait ? Math.min(0.5 * w, 0.28 * h) : Math.min(0.4 * h, 0.3 * w);
  var most = portrait ? Math.min(0.8 * w, 0.42 * h) : Math.min(0.75 * h, 0.45 * w);
  return {
    minTitle: pxPerMeter ? 0.008 * distance * pxPerMeter : 0.035 * h,
    qr: Math.round(Math.min(most, Math.max(usual, distance / 10 * pxPerMeter)))
  };
}

// The group settings a layout depends on; when they change, what is on screen is laid out again at once.
function layoutSettings() {
  var g = (state && state.group) || {};
  return [g.viewingDistanceMeters, g.screenHeightMeters, g.defaultDurationSeconds].join('|');
}

// dimmed: night hours, and no alert on screen (playlist.js onScreen).
function render(node, key, dimmed) {
  var kind = layout();
  var size = sizes(kind);
  shown.settings = layoutSettings();
  clear(stage).appendChild(node);
  document.body.className = kind + (dimmed ? ' night' : '')
    + (tickerBar.getAttribute('data-text') && key.indexOf('alert') !== 0 ? ' has-ticker' : '');
  stage.style.setProperty('--qr', size.qr + 'px');
  var summary = stage.querySelector('.summary');
  var fitted = fit(stage, size.minTitle);
  if (!fitted.large && summary) { // too much to read from that far: the title alone, larger
    summary.parentNode.removeChild(summary);
    fitted = fit(stage, size.minTitle);
  }
  shown.readMs = fitted.readMs;
  shown.key = key;
}

// Fonts can arrive after the first layout; fit again once they have (a scrolling line starts again from its start).
if (document.fonts && document.fonts.ready) {
  document.fonts.ready.then(function () {
    shown.readMs = fit(stage, sizes(layout()).minTitle).readMs;
    if (shown.itemId !== null) shown.until = Math.max(shown.until, serverNow() + shown.readMs);
  });
}

function showPairing(code) {
  render(el('div', { className: 'pairing' }, [
    el('p', { className: 'fit-line', text: '新屏幕，请在管理页输入配对码' }),
    el('p', { className: 'code', text: code || '……' })]), 'pairing:' + code, nightNow());
}

// Night hours now, for what step() does not lay out from onScreen (the pairing code, the preview).
function nightNow() {
  return night(state && state.group, serverDate(), zone());
}

function showIdle(dimmed) {
  render(el('div', { className: 'idle' }, [el('p', { text: '政务公开' })]), 'idle', dimmed);
}

function showAlert(a) {
  if (layout() === 'strip') {
    render(el('div', { className: 'alert strip-line level-' + a.alert.level }, [
      marquee(alertLine(a, zone()) + ' · ' + shortText(a.shortUrl)),
      el('img', { className: 'qr-strip', src: qrSrc(a), alt: '扫码阅读全文' })]), 'alert:' + a.id + ':' + a.version);
    return;
  }
  render(el('div', { className: 'alert level-' + a.alert.level }, [
    el('div', { className: 'text' }, alertText(a, zone(), { heading: 'h1', words: endTogether })),
    qr(a)
  ]), 'alert:' + a.id + ':' + a.version);
}

function showItem(item, dimmed) {
  var meta = [kindName(item.kind), item.departmentName].filter(Boolean).join(' · ');
  if (layout() === 'strip') {
    render(el('div', { className: 'strip-line' }, [
      marquee([item.title, item.departmentName, '扫码或访问 ' + shortText(item.shortUrl)].filter(Boolean).join(' · ')),
      el('img', { className: 'qr-strip', src: qrSrc(item), alt: '扫码阅读全文' })]), 'item:' + item.id + ':' + item.version, dimmed);
    return;
  }
  render(el('article', { className: 'item' }, [
    el('div', { className: 'text' }, [
      el('p', { className: 'meta', text: meta }),
      el('h1', null, endTogether(item.title)),
      item.summary ? el('p', { className: 'summary' }, endTogether(item.summary)) : null
    ]),
    qr(item)
  ]), 'item:' + item.id + ':' + item.version, dimmed);
}

function durationOf(item) {
  return durationSeconds(item, state.group) * 1000;
}

// An item stays for its duration, and on a strip at least until its scrolling line has passed once, so that every
// character of its title and short address has been in view.
function startItem(item, now, dimmed) {
  plays.start(item, now);
  lastItemId = item.id;
  shown.itemId = item.id;
  shown.since = now;
  showItem(item, dimmed);
  shown.until = now + Math.max(durationOf(item), shown.readMs);
  if (link) link.send({ type: 'ack', version: state.version || 0, itemId: item.id, itemVersion: item.version });
}

function step() {
  var now = serverNow(); // the server's clock: the screen's own may be hours off
  if (!state || state.status !== 'active') {
    plays.stop(now);
    shown.itemId = null;
    if (shown.key !== 'pairing:' + (state && state.pairingCode)) showPairing(state && state.pairingCode);
    return;
  }
  if (layoutSettings() !== shown.settings) shown.key = null; // new group settings: lay out again now
  // On a strip, which is one line already, short notices take their turn in the rotation.
  var on = onScreen((state.items || []).concat(state.alerts || []), state.group, new Date(now), layout() === 'strip');
  if (on.alerts.length) {
    plays.stop(now);
    shown.itemId = null;
    if (shown.key !== 'alert:' + on.alerts[0].id + ':' + on.alerts[0].version) showAlert(on.alerts[0]);
    attend(on.alerts[0], state.group, on.night); // the tone, once per alert and level (common/attention.js)
    return;
  }
  if (on.dimmed !== document.body.classList.contains('night')) shown.key = null; // night began or ended: redraw
  var list = on.rotation;
  showTicker(on.ticker);
  if (!list.length) {
    plays.stop(now);
    shown.itemId = null;
    if (shown.key !== 'idle') showIdle(on.dimmed);
    return;
  }
  var current = byId(list, shown.itemId);
  if (!current || now >= shown.until) { // nothing on screen (an alert ended), the item left, or its time is up
    plays.stop(now);
    startItem(nextItem(list, shown.itemId, lastItemId), now, on.dimmed);
  } else if (shown.key !== 'item:' + current.id + ':' + current.version) {
    // Edited, new group settings, a new size: the same item laid out again for the rest of its (new) time; a
    // scrolling line starts again, so it stays until that line has passed once more.
    showItem(current, on.dimmed);
    shown.until = Math.max(shown.since + durationOf(current), now + shown.readMs);
  }
}

// The ticker line at the bottom: short notices one after another, scrolling when they are longer than the screen.
function showTicker(lines) {
  var text = lines.map(function (i) { return i.title; }).join('　　◆　　');
  var on = text.length > 0;
  if (document.body.classList.contains('has-ticker') !== on) {
    document.body.classList.toggle('has-ticker', on);
    shown.key = null; // the stage changed size: lay the item out again
  }
  if (tickerBar.getAttribute('data-text') === text) return;
  tickerBar.setAttribute('data-text', text);
  clear(tickerBar);
  if (!on) return;
  var line = el('span', { className: 'marquee', text: text });
  tickerBar.appendChild(el('div', { className: 'marquee-box' }, [line]));
  fitMarquee(line);
}

function tickClock() {
  if (!clockMark) return;
  var now = formatDate(serverDate().toISOString(), true, zone());
  clockMark.textContent = now;
}

// ?preview: the admin page's live preview of one item as this layout shows it; no screen connection.
var PREVIEW = new URLSearchParams(location.search).has('preview');

function showPreview(item, group) {
  state = { status: 'active', group: group || {}, items: [], alerts: [] };
  var place = placeOf(item, layout() === 'strip'); // where the screens put it, whatever its window says
  showTicker(place === 'ticker' ? [item] : []);
  if (place === 'alert' && item.alert) showAlert(item);
  else if (place === 'ticker') showIdle(nightNow());
  else showItem(item, nightNow());
}

if (PREVIEW) {
  window.addEventListener('message', function (e) {
    if (e.origin === location.origin && e.data && e.data.type === 'gongkai-preview') showPreview(e.data.item, e.data.group);
  });
} else {
  startPlayer();
}

// The browser blocks the attention tone (started without --autoplay-policy=no-user-gesture-required): say so.
function soundBlocked(blocked) {
  var notice = document.getElementById('sound-blocked');
  if (!blocked) {
    if (notice) notice.parentNode.removeChild(notice);
    return;
  }
  if (notice) return;
  document.body.appendChild(el('div', { id: 'sound-blocked', role: 'status',
    text: '提示音被浏览器阻止 · 请用 --autoplay-policy=no-user-gesture-required 启动' }));
}

function startPlayer() {
  onBlocked(soundBlocked);
  link = connect('plaza', function (update) {
    state = update.state;
    statusMark.textContent = update.online ? '' : '离线';
    statusMark.className = update.online ? '' : 'offline';
    if (update.online) plays.flush();
    tickClock(); // a welcome may have corrected the clock
    step();
  }, function (msg) {
    if (msg.type === 'played') plays.confirmed(msg);
  });

  // For the people looking after a screen (and the browser tests): send the queued plays now, see the state.
  window.gongkaiPlayer = {
    flushPlays: function () { plays.flush(); return plays.queue.length; },
    state: function () { return state; }
  };

  setInterval(step, CHECK_MS);
  setInterval(function () { plays.flush(); }, 30000);
  setInterval(tickClock, 15000);
  tickClock();
  window.addEventListener('resize', function () { shown.key = null; step(); });

  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/plaza-sw.js', { scope: '/' }).catch(function () { /* keep running uncached */ });
  }
}
