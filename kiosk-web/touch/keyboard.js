// The on-screen keyboard: letters for pinyin (the search understands full pinyin and initials), a row of common
// words for those who would rather tap Chinese, and keys to delete, clear and search. No system keyboard appears.
import { el } from '../common/dom.js';
import { tr } from '../common/i18n.js';

/** The letter rows, as on a computer's keyboard (entry-keyboard.js has them too). */
export var ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
var WORDS = ['养老', '医保', '社保', '低保', '户口', '公积金', '营业执照', '入学', '就业', '残疾人'];

// options: { digits: true } adds a row of digits and a hyphen and leaves out the common words (for numbers and
// codes); submitLabel names the last key.
export function keyboard(onChange, onSearch, options) {
  var opts = options || {};
  var text = '';
  function set(value) {
    text = value;
    onChange(text);
  }
  var rows = (opts.digits ? ['1234567890-'] : []).concat(ROWS).map(function (row) {
    return el('div', { className: 'key-row' }, row.split('').map(function (letter) {
      return el('button', { type: 'button', className: 'key', 'data-key': letter, text: letter.toUpperCase() });
    }));
  });
  rows.push(el('div', { className: 'key-row' }, [
    el('button', { type: 'button', className: 'key wide', 'data-key': 'space', text: tr('空格', 'Space') }),
    el('button', { type: 'button', className: 'key wide', 'data-key': 'delete', text: tr('删除', 'Delete') }),
    el('button', { type: 'button', className: 'key wide', 'data-key': 'clear', text: tr('清空', 'Clear') }),
    el('button', { type: 'button', className: 'key wide go', 'data-key': 'search', text: opts.submitLabel || tr('搜索', 'Search') })
  ]));
  var words = el('div', { className: 'words' }, WORDS.map(function (w) {
    return el('button', { type: 'button', className: 'word', 'data-word': w, text: w });
  }));
  var board = el('div', { className: 'keyboard', role: 'group', 'aria-label': tr('屏幕键盘', 'On-screen keyboard') }, (opts.digits ? [] : [words]).concat(rows));
  board.addEventListener('click', function (e) {
    var b = e.target.closest('button');
    if (!b) return;
    if (b.dataset.word) { set(b.dataset.word); onSearch(text); return; }
    var k = b.dataset.key;
    if (k === 'space') set(text + ' ');
    else if (k === 'delete') set(text.slice(0, -1));
    else if (k === 'clear') set('');
    else if (k === 'search') onSearch(text);
    else if (text.length < 40) set(text + (opts.digits ? k.toUpperCase() : k));
  });
  board.setText = function (value) { text = value; }; // when the keyboard moves to another field
  return board;
}
