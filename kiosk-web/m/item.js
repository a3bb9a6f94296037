import { el, clear } from '../common/dom.js';
import { renderItem } from '../common/render-item.js';

var main = document.getElementById('item');
var match = /\/m\/items\/(\d+)/.exec(location.pathname);

function show(nodes) {
  clear(main);
  nodes.forEach(function (n) { main.appendChild(n); });
}

if (!match) {
  show([el('p', { className: 'error', text: '地址有误：找不到这条信息。' })]);
} else {
  fetch('/api/items/' + match[1], { headers: { Accept: 'application/json' } }).then(function (r) {
    if (r.status === 404) throw new Error('这条信息不存在或已撤回。');
    if (!r.ok) throw new Error('暂时无法加载，请稍后再试。');
    return r.json();
  }).then(function (item) {
    document.title = item.title + ' - 政务公开';
    show(renderItem(item, function (id) { return '/m/items/' + id; }));
  }).catch(function (e) {
    show([el('p', { className: 'error', text: e.message || '暂时无法加载，请稍后再试。' })]);
  });
}
