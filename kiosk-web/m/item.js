// The mobile page of one item, /m/items/{id}: the item as the API gives it, rendered as touch renders it.
import { el, clear } from '../common/dom.js';
import { renderItem } from '../common/render-item.js';
import { getJson, failureText } from '../common/get-json.js';

var main = document.getElementById('item');
var match = /\/m\/items\/(\d+)/.exec(location.pathname);

function show(nodes) {
  clear(main);
  nodes.forEach(function (n) { main.appendChild(n); });
}

if (!match) {
  show([el('p', { className: 'error', text: '地址有误：找不到这条信息。' })]);
} else {
  getJson('/api/items/' + match[1]).then(function (item) {
    document.title = item.title + ' - 政务公开';
    show(renderItem(item, function (id) { return '/m/items/' + id; }));
  }).catch(function (e) {
    show([el('p', { className: 'error', text: failureText(e) })]);
  });
}
