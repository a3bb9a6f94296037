// The service-hall touchscreen: an attract loop while nobody uses it; then home tiles for the disclosure catalogue,
// life events and enterprise stages; lists in pages (no scrolling surprises); every item with its QR code; search
// with an on-screen keyboard (pinyin or common words); a large-text mode; and a reset after a minute of idleness
// that forgets everything the last person did.
// This is the shell: the header's buttons, the views (views.js) one over another for 返回, the attract loop
// (attract.js), the screen's link and alerts (live.js), the copy it keeps for when the server is down and the 离线
// mark (offline.js), the idle reset and the admin page's preview.
import { el, clear } from '../common/dom.js';
import { tr, setLang, getLang } from '../common/i18n.js';
import { failureText } from '../common/get-json.js';
import { VIEWS } from './views.js';
import { watchIdle } from './idle.js';
import { screenState, watchScreen, connectScreen, forgetDismissed } from './live.js';
import { startAttract, stopAttract, attractShown, onAttractTouched } from './attract.js';
import { guardLinks, closeLink } from './links.js';
import { startVisit } from './rating.js';
import { stopReading } from './read-aloud.js';
import { forgetPrinted } from './print.js';
import { forgetTyped } from './entry-keyboard.js';
import { startOffline, isOffline, onOfflineChange, syncCopy } from './offline.js';

var view = document.getElementById('view');
var idleBox = document.getElementById('idle');
var largeButton = document.getElementById('large');
var contrastButton = document.getElementById('contrast');
var IDLE_SECONDS = Number(new URLSearchParams(location.search).get('idle')) || 60;

var history = []; // the views behind the current one, for 返回
var current = null; // { view, param } on screen

var app = {
  open: function (id, param) { go(opened(id, param)); },
  replace: function (id, param) { show(opened(id, param)); },
  redraw: function (id) { if (current && current.view.id === id) show(current); },
  showError: function (e, into) { clear(into).appendChild(el('p', { className: 'error', text: failureText(e) })); },
  reset: reset
};

function opened(id, param) {
  return { view: VIEWS.filter(function (v) { return v.id === id; })[0], param: param || {} };
}

function go(next) {
  if (current) history.push(current);
  show(next);
}

function show(next) {
  current = next;
  clear(view);
  view.scrollTop = 0;
  // A box of its own for each rendering: an answer that arrives after the next rendering began lands in a box
  // that is no longer on screen.
  var box = el('div', { className: 'view' });
  view.appendChild(box);
  next.view.render(box, app, next.param);
}

function back() {
  if (history.length) show(history.pop());
}

function goHome() {
  history = [];
  current = null;
  app.open('home');
}

function setContrast(on) {
  document.body.classList.toggle('contrast', on);
  contrastButton.setAttribute('aria-pressed', on ? 'true' : 'false');
  contrastButton.textContent = on ? tr('标准色', 'Normal colours') : tr('高对比', 'High contrast');
}

function setLarge(on) {
  document.body.classList.toggle('large', on);
  largeButton.setAttribute('aria-pressed', on ? 'true' : 'false');
  largeButton.textContent = on ? tr('标准字', 'Normal text') : tr('大字', 'Large text');
}

// While staff have not yet paired this screen, its code shows small in a corner.
function paintPairing() {
  var s = screenState();
  document.getElementById('pairing').textContent = s && s.status === 'pending' && s.pairingCode
    ? tr('本机配对码 ', 'Pairing code ') + s.pairingCode : '';
}

// The header's words in the current language.
function paintChrome() {
  var words = { back: ['返回', 'Back'], home: ['首页', 'Home'], search: ['搜索', 'Search'], finish: ['结束使用', 'Finish'],
    stay: ['继续使用', 'Keep using'] };
  Object.keys(words).forEach(function (id) { document.getElementById(id).textContent = tr(words[id][0], words[id][1]); });
  document.querySelector('header h1').textContent = tr('政务公开查询', 'Government Information');
  var langButton = document.getElementById('lang');
  langButton.textContent = getLang() === 'en' ? '中文' : 'English';
  langButton.setAttribute('lang', getLang() === 'en' ? 'zh-CN' : 'en');
  setLarge(document.body.classList.contains('large'));
  setContrast(document.body.classList.contains('contrast'));
  paintPairing();
  paintOffline();
}

// 离线 in the top bar while the server cannot be reached; the views say what is paused.
function paintOffline() {
  var mark = document.getElementById('offline');
  mark.hidden = !isOffline();
  mark.textContent = tr('离线', 'Offline');
  mark.title = tr('服务器暂时连不上，显示的是本机保存的内容', 'The server cannot be reached: this is what the screen keeps');
}

function setLanguage(value) {
  setLang(value);
  paintChrome();
  if (current && !attractShown()) show(current);
}

// Forget everything the last person did: views, search text, large text, language; back to the attract loop.
function reset() {
  setLanguage('zh');
  startVisit();
  forgetDismissed();
  history = [];
  current = null;
  clear(view);
  setLarge(false);
  setContrast(false);
  closeLink();
  stopReading();
  forgetPrinted();
  forgetTyped();
  startAttract();
}

view.addEventListener('click', function (e) {
  var target = e.target.closest('button, a');
  if (!target) return;
  if (target.dataset.query) app.open('list', { label: target.dataset.label, query: target.dataset.query, page: 1 });
  else if (target.dataset.id && target.classList.contains('entry')) app.open('item', { id: target.dataset.id });
});
onAttractTouched(function () { stopAttract(); app.open('home'); });
document.getElementById('home').addEventListener('click', goHome);
document.getElementById('back').addEventListener('click', back);
document.getElementById('search').addEventListener('click', function () { app.open('search'); });
document.getElementById('finish').addEventListener('click', function () { app.open('finish'); });
document.getElementById('lang').addEventListener('click', function () { setLanguage(getLang() === 'en' ? 'zh' : 'en'); });
largeButton.addEventListener('click', function () { setLarge(!document.body.classList.contains('large')); });
contrastButton.addEventListener('click', function () { setContrast(!document.body.classList.contains('contrast')); });
document.getElementById('stay').addEventListener('click', function () { /* the touch itself keeps the session */ });
guardLinks(function (id) { app.open('item', { id: id }); });

// What is on screen is drawn again, in place, when content changes, unless it holds what someone is typing; the
// offline copy is fetched again.
watchScreen(function () {
  syncCopy();
  if (current && !attractShown() && !current.view.keepsInput) show(current);
});
// Going offline or coming back redraws what is on screen, and always a view that needs the server.
onOfflineChange(function () {
  paintOffline();
  if (current && !attractShown() && (!current.view.keepsInput || current.view.needsServer)) show(current);
});

// ?preview: the admin page's live preview of an item being written; no screen connection, no idle reset.
var PREVIEW = new URLSearchParams(location.search).has('preview');
if (PREVIEW) {
  window.addEventListener('message', function (e) {
    if (e.origin !== location.origin || !e.data || e.data.type !== 'gongkai-preview') return;
    stopAttract();
    app.replace('item', { item: e.data.item });
  });
} else {
  startOffline();
  connectScreen(paintPairing);
  watchIdle(IDLE_SECONDS, function (left) {
    idleBox.hidden = left === null || attractShown();
    if (left !== null) {
      document.getElementById('idle-text').textContent = tr('无人操作，' + left + ' 秒后返回首页', 'No one is using the screen: back to the start in ' + left + ' s');
    }
  }, function () {
    if (!attractShown()) reset();
  });
  reset();
}
