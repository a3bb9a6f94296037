// The application form's on-screen keyboard. Chinese is typed in pinyin: the letters gather in a composition and the
// words they can stand for come from the server's dictionary (GET /api/ime), most used first; a tap on one writes it
// and the letters it stood for leave the composition. Other fields get the keys they need: digits and X for a
// resident ID number, digits and a hyphen for a phone, letters and digits for other documents, and an e-mail row.
// Nothing typed is kept anywhere but in the field it belongs to; forgetTyped() empties the candidates' cache.
import { el, clear } from '../common/dom.js';
import { tr } from '../common/i18n.js';
import { getJson } from '../common/get-json.js';
import { ROWS as LETTERS } from './keyboard.js';

var DIGITS = '1234567890';
var PAGE = 8;
var MAX_COMPOSING = 30;
var RETRY_MS = 2000; // after a failed lookup of the letters still being composed,
var MAX_RETRIES = 3; // this many times; the next letter typed asks again anyway
var cache = {}; // letters -> candidates, for this visit only

/** A new visit: nothing the last person typed stays, not even as letters looked up. */
export function forgetTyped() {
  cache = {};
}

function key(label, value, extra) {
  return el('button', { type: 'button', className: 'key' + (extra ? ' ' + extra : ''), 'data-key': value, text: label });
}

function row(keys) {
  return el('div', { className: 'key-row' }, keys);
}

function letterRows(upper) {
  return LETTERS.map(function (r) {
    return row(r.split('').map(function (c) { return key(upper ? c.toUpperCase() : c, upper ? c.toUpperCase() : c); }));
  });
}

function digitRow() {
  return row(DIGITS.split('').map(function (d) { return key(d, d); }));
}

// A keypad as on a telephone, for numbers only.
function keypad(last) {
  return ['123', '456', '789', last + '0'].map(function (r) {
    return row(r.split('').map(function (c) { return key(c, c, 'pad'); }));
  });
}

function keysFor(mode) {
  if (mode === 'resident_id') return keypad('X');
  if (mode === 'phone') return keypad('-');
  if (mode === 'code') return [digitRow()].concat(letterRows(true));
  if (mode === 'email') {
    return [digitRow()].concat(letterRows(false), [row(['@', '.', '_', '-', '.cn', '.com'].map(function (c) { return key(c, c); }))]);
  }
  return [digitRow()].concat(letterRows(false)); // chinese: the letters compose pinyin, or are written as such (英文)
}

/**
 * target: { mode: chinese | resident_id | phone | code | email, text, max, onChange(text, composing), onNext() }.
 * Returns the keyboard's element; call its retarget(target) when another field becomes the one typed in.
 */
export function entryKeyboard(target) {
  var state = { target: target, composing: '', candidates: [], page: 0, latin: false, asked: 0 };
  var bar = el('div', { className: 'candidates', 'aria-live': 'polite' });
  var keys = el('div', { className: 'keys' });
  var board = el('div', { className: 'keyboard entry', role: 'group', 'aria-label': tr('屏幕键盘', 'On-screen keyboard') }, [bar, keys]);

  function chinese() {
    return state.target.mode === 'chinese' && !state.latin;
  }

  function changed() {
    state.target.onChange(state.target.text, state.composing);
  }

  function write(s) {
    var t = state.target;
    if ((t.text + s).length > t.max) return;
    t.text += s;
  }

  function paintBar() {
    clear(bar);
    bar.hidden = !chinese();
    if (!chinese()) return;
    bar.appendChild(el('span', { className: 'composing', text: state.composing || tr('输入拼音，点选汉字', 'Type pinyin, tap a word') }));
    var shown = state.candidates.slice(state.page * PAGE, (state.page + 1) * PAGE);
    shown.forEach(function (c, i) {
      bar.appendChild(el('button', { type: 'button', className: 'candidate', 'data-candidate': String(state.page * PAGE + i), text: c.text }));
    });
    if (state.candidates.length > PAGE) {
      bar.appendChild(el('button', { type: 'button', className: 'candidate-page', 'data-page': '-1', disabled: state.page === 0 ? 'disabled' : null,
        'aria-label': tr('上一页候选字', 'Previous words'), text: '‹' }));
      bar.appendChild(el('button', { type: 'button', className: 'candidate-page', 'data-page': '1',
        disabled: (state.page + 1) * PAGE >= state.candidates.length ? 'disabled' : null, 'aria-label': tr('下一页候选字', 'More words'), text: '›' }));
    }
  }

  function lookUp(retry) {
    var tries = retry || 0;
    var letters = state.composing;
    state.page = 0;
    if (!letters) { state.candidates = []; paintBar(); return; }
    var asked = ++state.asked;
    var got = cache[letters] ? Promise.resolve(cache[letters])
      : getJson('/api/ime?pinyin=' + encodeURIComponent(letters) + '&limit=40').then(function (r) { return (cache[letters] = r.candidates); });
    got.then(function (list) {
      if (asked !== state.asked) return; // a later letter's answer is the one that counts
      state.candidates = list;
      paintBar();
    }, function () {
      if (asked !== state.asked) return;
      state.candidates = [];
      paintBar();
      bar.appendChild(el('span', { className: 'error', text: tr('暂时无法查字，正在重试…', 'Words cannot be looked up now; trying again…') }));
      if (tries < MAX_RETRIES && document.body.contains(board)) {
        setTimeout(function () { if (asked === state.asked && state.composing === letters) lookUp(tries + 1); }, RETRY_MS);
      }
    });
  }

  function choose(c) {
    write(c.text);
    state.composing = state.composing.slice(c.letters);
    changed();
    lookUp();
  }

  // What is being composed when the citizen moves on: the first word for it, or the letters as they are.
  function settle() {
    if (!state.composing) return;
    if (state.candidates.length) choose(state.candidates[0]);
    else { write(state.composing); state.composing = ''; changed(); lookUp(); }
  }

  function paintKeys() {
    clear(keys);
    keysFor(state.target.mode).forEach(function (r) { keys.appendChild(r); });
    var last = [];
    if (state.target.mode === 'chinese') {
      last.push(key(state.latin ? tr('拼音', 'Pinyin') : tr('英文', 'ABC'), 'latin', 'wide'));
      last.push(key(tr('空格', 'Space'), 'space', 'wide'));
    }
    last.push(key(tr('删除', 'Delete'), 'delete', 'wide'));
    last.push(key(tr('清空', 'Clear'), 'clear', 'wide'));
    last.push(key(tr('下一项', 'Next'), 'next', 'wide go'));
    keys.appendChild(row(last));
  }

  board.addEventListener('click', function (e) {
    var b = e.target.closest('button');
    if (!b || b.disabled) return;
    if (b.dataset.candidate) { choose(state.candidates[Number(b.dataset.candidate)]); return; }
    if (b.dataset.page) { state.page += Number(b.dataset.page); paintBar(); return; }
    var k = b.dataset.key;
    var t = state.target;
    if (k === 'latin') { settle(); state.latin = !state.latin; paintKeys(); paintBar(); return; }
    if (k === 'next') { settle(); t.onNext(); return; }
    if (k === 'delete') {
      if (state.composing) { state.composing = state.composing.slice(0, -1); lookUp(); } else t.text = Array.from(t.text).slice(0, -1).join('');
    } else if (k === 'clear') {
      state.composing = '';
      t.text = '';
      lookUp();
    } else if (k === 'space') {
      if (state.composing) { settle(); return; }
      write(' ');
    } else if (chinese() && /^[a-z]$/.test(k)) {
      if (state.composing.length < MAX_COMPOSING) state.composing += k;
      lookUp();
    } else {
      write(k);
    }
    changed();
  });

  board.retarget = function (next) {
    settle();
    state.target = next;
    state.composing = '';
    state.candidates = [];
    state.latin = false;
    paintKeys();
    paintBar();
  };
  board.settle = settle;
  paintKeys();
  paintBar();
  return board;
}
