// The live preview: the item as the plaza screens (landscape, portrait, strip) and the touchscreen will show it,
// drawn by those pages themselves in frames (?preview), scaled down to fit the pane.
import { el, clear } from '../common/dom.js';
import { tr } from '../common/i18n.js';
import { api } from './api.js';

var LAYOUTS = [
  { id: 'landscape', page: '/plaza?preview', width: 1920, height: 1080, name: function () { return tr('横屏', 'Landscape'); } },
  { id: 'portrait', page: '/plaza?preview', width: 1080, height: 1920, name: function () { return tr('竖屏', 'Portrait'); } },
  { id: 'strip', page: '/plaza?preview', width: 1920, height: 240, name: function () { return tr('条屏', 'Strip'); } },
  { id: 'touch', page: '/touch?preview', width: 1080, height: 1920, name: function () { return tr('触摸屏', 'Touchscreen'); } }
];
var PANE_WIDTH = 400;

/**
 * A preview pane. update(input, itemId, group) asks the server to validate and render the input (nothing is saved)
 * and shows it; errors of the input are shown under the frame.
 */
export function previewPane() {
  var layout = LAYOUTS[0];
  var frameBox = el('div', { className: 'preview-frame' });
  var status = el('p', { className: 'preview-status', role: 'status' });
  var last = null;
  var tabs = el('div', { className: 'tabs', role: 'tablist' }, LAYOUTS.map(function (l) {
    var tab = el('button', { type: 'button', role: 'tab', className: 'tab', 'data-layout': l.id, text: l.name(),
      'aria-selected': l === layout ? 'true' : 'false' });
    tab.addEventListener('click', function () { choose(l); });
    return tab;
  }));
  var node = el('section', { className: 'preview' }, [el('h3', { text: tr('预览', 'Preview') }), tabs, frameBox, status]);
  var frame = null;
  var sent = 0;

  function choose(l) {
    layout = l;
    Array.prototype.forEach.call(tabs.children, function (t) {
      t.setAttribute('aria-selected', t.getAttribute('data-layout') === l.id ? 'true' : 'false');
    });
    mount();
  }

  function mount() {
    var scale = Math.min(PANE_WIDTH / layout.width, 520 / layout.height);
    frame = el('iframe', { src: layout.page, title: tr('预览', 'Preview') + ' ' + layout.name(), tabindex: '-1' });
    frame.style.width = layout.width + 'px'; // through CSSOM: the page's CSP allows no inline style attributes
    frame.style.height = layout.height + 'px';
    frame.style.transform = 'scale(' + scale + ')';
    frame.addEventListener('load', post);
    clear(frameBox).appendChild(frame);
    frameBox.style.width = Math.round(layout.width * scale) + 'px';
    frameBox.style.height = Math.round(layout.height * scale) + 'px';
  }

  function post() {
    if (frame && last && frame.contentWindow) {
      frame.contentWindow.postMessage({ type: 'gongkai-preview', item: last.item, group: last.group }, location.origin);
    }
  }

  function update(input, itemId, group) {
    var ticket = ++sent;
    return api('POST', '/api/items/preview' + (itemId ? '?id=' + itemId : ''), input).then(function (item) {
      if (ticket !== sent) return;
      last = { item: item, group: group };
      status.textContent = '';
      status.className = 'preview-status';
      post();
    }, function (err) {
      if (ticket !== sent) return;
      status.textContent = tr('预览未更新：', 'Preview not updated: ') + err.message;
      status.className = 'preview-status error';
    });
  }

  mount();
  return { node: node, update: update };
}
