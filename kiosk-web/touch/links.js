// Outside addresses in an item's text: shown as links, never opened. Nothing on this screen may leave the kiosk; a tap
// on such a link shows its QR code and short address to take home instead.
import { el, clear } from '../common/dom.js';
import { tr } from '../common/i18n.js';
import { getJson } from '../common/get-json.js';

// The same rule as org.gongkai.qr.ItemLinks (keep the two in step): http(s) addresses in ASCII, without the
// punctuation of the sentence around them.
var URL_IN_TEXT = /https?:\/\/[A-Za-z0-9\-._~:/?#\[\]@!$&()*+,;=%]+/gi;

function trimUrl(url) {
  var u = url;
  for (;;) {
    var last = u.charAt(u.length - 1);
    var unbalanced = (last === ')' && u.indexOf('(') < 0) || (last === ']' && u.indexOf('[') < 0);
    if ('.,;:!?'.indexOf(last) < 0 && !unbalanced) return u;
    u = u.substring(0, u.length - 1);
  }
}

// Addresses written in the item's text become links, so that a citizen can take them home (showLink).
export function linkify(root) {
  var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, null, false);
  var texts = [];
  for (var t = walker.nextNode(); t; t = walker.nextNode()) {
    if (!t.parentNode.closest('a, button')) texts.push(t);
  }
  texts.forEach(function (node) {
    var text = node.nodeValue;
    var parts = [];
    var at = 0;
    var m;
    URL_IN_TEXT.lastIndex = 0;
    while ((m = URL_IN_TEXT.exec(text)) !== null) {
      var url = trimUrl(m[0]);
      if (url.length <= 'https://'.length) continue;
      if (m.index > at) parts.push(text.substring(at, m.index));
      parts.push(el('a', { href: url, className: 'text-link', text: url }));
      at = m.index + url.length;
      URL_IN_TEXT.lastIndex = at;
    }
    if (!parts.length) return;
    if (at < text.length) parts.push(text.substring(at));
    parts.forEach(function (part) {
      node.parentNode.insertBefore(typeof part === 'string' ? document.createTextNode(part) : part, node);
    });
    node.parentNode.removeChild(node);
  });
}

var linkPanel = document.getElementById('link-panel');

export function closeLink() {
  linkPanel.hidden = true;
  clear(linkPanel);
}

// An outside address of the item on screen: its QR code and short address to take home, and the address itself.
function showLink(url, itemId) {
  var qrBox = el('div', { className: 'link-code' }, [el('p', { text: tr('正在生成二维码…', 'Making the QR code…') })]);
  var close = el('button', { type: 'button', id: 'link-close', text: tr('关闭', 'Close') });
  close.addEventListener('click', closeLink);
  clear(linkPanel).appendChild(el('div', { className: 'link-box', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'link-title' }, [
    el('h2', { id: 'link-title', text: tr('请用手机扫码打开', 'Open it on your phone') }),
    el('p', { className: 'link-why', text: tr('本机不打开外部网站。请扫描二维码，或记下短地址在手机上打开。',
      'This screen does not open other websites. Scan the code, or note the short address and open it on your phone.') }),
    qrBox,
    el('p', { className: 'link-label', text: tr('网址', 'Address') }),
    el('p', { className: 'link-url', text: url }),
    close]));
  linkPanel.hidden = false;
  var none = function () {
    clear(qrBox).appendChild(el('p', { className: 'link-none', text: tr('这个网址暂时没有二维码，请记下上面的网址。',
      'There is no QR code for this address at the moment; please note the address.') }));
  };
  if (!itemId) { none(); return; }
  getJson('/api/items/' + itemId + '/links').then(function (r) {
    var found = r.links.filter(function (l) { return l.url === url; })[0];
    if (!found) { none(); return; } // the item changed or went since its page was drawn
    clear(qrBox);
    qrBox.appendChild(el('img', { className: 'link-qr', src: found.qrSvg, alt: tr('二维码', 'QR code') }));
    qrBox.appendChild(el('p', { className: 'link-label', text: tr('短地址', 'Short address') }));
    qrBox.appendChild(el('p', { className: 'link-short', text: found.shortUrl }));
  }).catch(none);
}

/** Handles every link before the browser could follow it: #item-N opens that item with openItem(id). */
export function guardLinks(openItem) {
  function guard(e) {
    var a = e.target.closest ? e.target.closest('a') : null;
    if (!a) return;
    e.preventDefault();
    if (e.type !== 'click') return;
    var href = a.getAttribute('href') || '';
    if (href.indexOf('#item-') === 0) {
      openItem(href.substring(6));
    } else if (/^https?:\/\//i.test(href)) {
      var article = a.closest('article[data-id]');
      showLink(href, article ? article.getAttribute('data-id') : null);
    }
  }
  ['click', 'auxclick', 'dragstart'].forEach(function (type) { document.addEventListener(type, guard, true); });
  // A long press would offer 在新标签页中打开 (open in a new tab).
  document.addEventListener('contextmenu', function (e) { e.preventDefault(); }, true);
}
