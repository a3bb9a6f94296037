// One item: rendered as on the mobile page (common/render-item.js), its addresses shown but never opened
// (links.js), a rating under a guide, 朗读 where there is a voice, its QR code to read it on a phone, and 打印 where
// the screen has a printer (print.js).
import { el } from '../../common/dom.js';
import { tr } from '../../common/i18n.js';
import { renderItem } from '../../common/render-item.js';
import { getJson, fetchJson } from '../../common/get-json.js';
import { linkify } from '../links.js';
import { ratingBox } from '../rating.js';
import { offerReadAloud } from '../read-aloud.js';
import { pairedScreenId } from '../live.js';
import { printButton } from '../print.js';
import { isOffline } from '../offline.js';

// param: { id } of an item to load, or { item } already in hand (the admin page's preview).
export var view = {
  id: 'item',
  render: function (into, app, param) {
    if (param.item) {
      itemPage(param.item, into);
      return;
    }
    getJson('/api/items/' + param.id).then(function (item) { itemPage(item, into); countView(item); })
      .catch(function (e) { app.showError(e, into); });
  }
};

// Counted for the statistics and the attract loop's most used guides: the item and this screen, nothing of the person.
function countView(item) {
  var screenId = pairedScreenId();
  if (!screenId) return;
  fetchJson('/api/usage/views', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ itemId: item.id, screenId: screenId }) }).catch(function () { /* a lost count is no matter */ });
}

function itemPage(item, into) {
  var article = el('article', { className: 'item', 'data-id': item.id }, renderItem(item, function (rid) { return '#item-' + rid; }));
  linkify(article);
  if (item.kind === 'guide' && !isOffline()) article.appendChild(ratingBox(item)); // a rating needs the server
  var qr = el('figure', { className: 'qr' }, [
    item.links ? el('img', { src: item.links.qrSvg, alt: tr('二维码', 'QR code') }) : el('div', { className: 'qr-later' }),
    el('figcaption', { text: item.links ? tr('扫码在手机上阅读全文', 'Scan to read it on your phone')
      : tr('保存后生成二维码', 'The QR code is made when the item is saved') }),
    printButton(item)]);
  into.appendChild(el('div', { className: 'detail' }, [article, qr]));
  offerReadAloud(article, item);
}
