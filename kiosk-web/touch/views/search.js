// 搜索: the on-screen keyboard (pinyin, initials or common words) and the results in pages, matched words marked.
import { el, clear } from '../../common/dom.js';
import { tr } from '../../common/i18n.js';
import { getJson, failureText } from '../../common/get-json.js';
import { keyboard } from '../keyboard.js';
import { pageSize, entry, pager } from './list.js';

// param: { text } typed so far, kept while the view is open (a redraw shows it again).
export var view = {
  id: 'search',
  keepsInput: true, // typed text would be lost: content changes do not redraw it
  render: function (into, app, param) {
    var box = el('p', { className: 'search-box', 'aria-live': 'polite' });
    var results = el('div', { className: 'results' });
    function showText(t) {
      param.text = t;
      box.textContent = t || tr('请用下方键盘输入拼音或首字母，例如 ylbx（养老保险）', 'Type pinyin or initials below, e.g. ylbx (养老保险)');
      box.classList.toggle('placeholder', !t);
    }
    function run(q, page) {
      if (!q.trim()) return;
      clear(results).appendChild(el('p', { text: tr('正在查找…', 'Searching…') }));
      var size = pageSize();
      getJson('/api/search?q=' + encodeURIComponent(q) + '&size=' + size + '&page=' + page).then(function (r) {
        clear(results);
        if (!r.items.length) {
          results.appendChild(el('p', { className: 'empty', text: tr('没有找到“' + q + '”，换个词试试。', 'Nothing found for "' + q + '"; try another word.') }));
          return;
        }
        results.appendChild(el('p', { className: 'count', text: tr('找到 ' + r.total + ' 条', r.total + ' found') }));
        results.appendChild(el('ul', { className: 'list' }, r.items.map(function (i) { return entry(i, i.highlights); })));
        pager(results, page, Math.ceil(r.total / size), function (p) { run(q, p); });
      }).catch(function (e) { clear(results).appendChild(el('p', { className: 'error', text: failureText(e) })); });
    }
    showText(param.text || '');
    into.appendChild(box);
    into.appendChild(keyboard(showText, function (q) { run(q, 1); }));
    into.appendChild(results);
  }
};
