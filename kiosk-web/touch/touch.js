import { el, clear } from '../common/dom.js';
import { renderItem, kindName } from '../common/render-item.js';

var view = document.getElementById('view');
var KINDS = ['notice', 'guide', 'policy', 'interpretation'];

function getJson(url) {
  return fetch(url, { headers: { Accept: 'application/json' } }).then(function (r) {
    if (!r.ok) throw new Error('加载失败');
    return r.json();
  });
}

function showHome() {
  clear(view).appendChild(el('div', { className: 'tiles' }, KINDS.map(function (k) {
    return el('button', { type: 'button', className: 'tile', 'data-kind': k, text: kindName(k) });
  })));
}

function showList(kind) {
  getJson('/api/items?kind=' + kind + '&size=20').then(function (page) {
    clear(view).appendChild(el('ul', { className: 'list' }, page.items.map(function (item) {
      return el('li', null, [el('button', { type: 'button', className: 'entry', 'data-id': item.id, text: item.title })]);
    })));
  }).catch(showError);
}

function showItem(id) {
  getJson('/api/items/' + id).then(function (item) {
    var article = el('article', { className: 'item' }, renderItem(item, function (rid) { return '#item-' + rid; }));
    var qr = el('figure', { className: 'qr' }, [el('img', { src: item.links.qrSvg, alt: '扫码在手机上阅读' }),
      el('figcaption', { text: '扫码在手机上阅读' })]);
    clear(view).appendChild(el('div', { className: 'detail' }, [article, qr]));
  }).catch(showError);
}

function showError() {
  clear(view).appendChild(el('p', { className: 'error', text: '暂时无法加载，请稍后再试。' }));
}

view.addEventListener('click', function (e) {
  var target = e.target.closest('button, a');
  if (!target) return;
  if (target.dataset.kind) showList(target.dataset.kind);
  else if (target.dataset.id) showItem(target.dataset.id);
  else if (target.hash && target.hash.indexOf('#item-') === 0) {
    e.preventDefault();
    showItem(target.hash.substring(6));
  }
});
document.getElementById('home').addEventListener('click', showHome);
showHome();
