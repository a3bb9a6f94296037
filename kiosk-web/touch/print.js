// 打印: an item on paper for a resident without a smartphone, on the printer the screen group has (printLayout):
// an 80 mm receipt (a guide's place, hours, phone and materials first; the QR code and short address at the end)
// or A4 (the whole item). The sheet is built apart from the screen (#print-sheet, the only thing print.css prints),
// its page size set through the CSSOM (the site's CSP allows no inline style) and window.print() called: a kiosk
// Chromium started with --kiosk-printing prints at once on the default printer, without a dialog.
import { el, clear, formatDate } from '../common/dom.js';
import { tr } from '../common/i18n.js';
import { renderItem, materialCounts, days } from '../common/render-item.js';
import { kindName } from '../common/labels.js';
import { serverDate } from '../common/clock.js';
import { screenState } from './live.js';

var RECEIPT_WIDTH_MM = 80;
var RECEIPT_MARGIN_MM = 4;
var A4_MARGIN_MM = 15;
var DONE_MS = 8000;
var MM_PER_PX = 25.4 / 96;

/** receipt80, a4, or null where this screen's group has no printer (or this is not a paired screen). */
export function printLayout() {
  var s = screenState();
  var layout = s && s.status === 'active' && s.group ? s.group.printLayout : null;
  return layout === 'receipt80' || layout === 'a4' ? layout : null;
}

/** The 打印 button for an item, or null where nothing can print. */
export function printButton(item) {
  var layout = printLayout();
  if (!layout || !item.id) return null;
  var button = el('button', { type: 'button', className: 'print', text: tr('打印', 'Print') });
  button.addEventListener('click', function () {
    if (!document.getElementById('print-done').hidden) return; // a second tap while it prints: one sheet is enough
    printSheet(layout, layout === 'a4' ? wholeItem(item) : receipt(item));
  });
  return button;
}

/** Prints nodes on this screen's paper; used for items and for an application's receipt. */
export function printSheet(layout, nodes) {
  var sheet = document.getElementById('print-sheet');
  clear(sheet).className = layout;
  nodes.concat([el('p', { className: 'printed-at', text: tr('打印时间：', 'Printed ') + formatDate(serverDate().toISOString(), true) })])
    .filter(Boolean).forEach(function (n) { sheet.appendChild(n); });
  return imagesLoaded(sheet).then(function () {
    setPageSize(layout, sheet);
    window.print();
    showDone(layout);
  });
}

/** A new visit: nothing of the last person's printing stays in the page. */
export function forgetPrinted() {
  var sheet = document.getElementById('print-sheet');
  if (sheet) clear(sheet);
  var done = document.getElementById('print-done');
  if (done) done.hidden = true;
}

function heading(item) {
  return [
    el('p', { className: 'print-kind', text: tr('政务公开', 'Government information') + ' · ' + kindName(item.kind) }),
    el('h1', { text: item.title }),
    item.departmentName ? el('p', { className: 'print-meta', text: item.departmentName }) : null
  ];
}

function qrEnd(item) {
  if (!item.links) return null;
  return el('div', { className: 'print-qr' }, [
    el('img', { src: item.links.qrSvg, alt: tr('二维码', 'QR code') }),
    el('p', { text: tr('手机扫码阅读全文', 'Scan to read it all on a phone') }),
    item.shortUrl ? el('p', { className: 'print-short', text: item.shortUrl }) : null
  ]);
}

function wholeItem(item) {
  return [el('article', { className: 'item' }, renderItem(item, function () { return '#'; })), qrEnd(item)];
}

function section(title, lines) {
  var present = lines.filter(Boolean);
  if (!present.length) return null;
  return el('section', null, [el('h2', { text: title })].concat(present));
}

function line(label, value) {
  return value ? el('p', null, [el('strong', { text: label + tr('：', ': ') }), document.createTextNode(value)]) : null;
}

// What a resident needs at the counter first: where, when, whom to call, and what to bring.
function guideReceipt(g) {
  var place = g.place || {};
  var materials = (g.materials || []).map(function (m) {
    var counts = materialCounts(m);
    return el('li', { text: m.name + (counts ? tr('（', ' (') + counts + tr('）', ')') : '') });
  });
  return [
    section(tr('办理地点与时间', 'Where and when'), [
      line(tr('实施机关', 'Office'), g.implementingBody),
      line(tr('地点', 'Place'), [place.hall, place.floor, place.window].filter(Boolean).join(' ')),
      line(tr('地址', 'Address'), place.address),
      line(tr('办公时间', 'Hours'), g.hours),
      line(tr('咨询电话', 'Enquiries'), g.phone)]),
    section(tr('申请材料', 'Materials'), [materials.length ? el('ol', null, materials) : null]),
    section(tr('办理时限', 'Time limit'), [
      line(tr('承诺办结时限', 'Promised'), days(g.promisedDays)),
      line(tr('收费', 'Fees'), g.fees && g.fees.length ? g.fees.map(function (f) { return f.item + ' ' + (f.standard || ''); }).join('；')
        : tr('不收费', 'free'))])
  ];
}

function receipt(item) {
  var body = item.kind === 'guide' && item.guide ? guideReceipt(item.guide)
    : [el('article', { className: 'item' }, renderItem(item, function () { return '#'; }).slice(2))];
  return heading(item).concat(body, [qrEnd(item)]);
}

function imagesLoaded(sheet) {
  var images = Array.prototype.slice.call(sheet.querySelectorAll('img'));
  return Promise.all(images.map(function (img) {
    if (img.complete) return null;
    return new Promise(function (done) { img.onload = done; img.onerror = done; });
  }));
}

// A receipt is one page as long as what it says (the printer cuts after it); A4 pages are A4.
function setPageSize(layout, sheet) {
  var size = 'A4';
  var margin = A4_MARGIN_MM;
  if (layout === 'receipt80') {
    sheet.classList.add('measuring');
    var heightMm = Math.ceil(sheet.getBoundingClientRect().height * MM_PER_PX) + 2 * RECEIPT_MARGIN_MM + 2;
    sheet.classList.remove('measuring');
    size = RECEIPT_WIDTH_MM + 'mm ' + heightMm + 'mm';
    margin = RECEIPT_MARGIN_MM;
  }
  var css = pageSheet();
  for (var i = css.cssRules.length - 1; i >= 0; i--) {
    if (css.cssRules[i].type === 6 /* CSSRule.PAGE_RULE */) css.deleteRule(i);
  }
  css.insertRule('@page { size: ' + size + '; margin: ' + margin + 'mm; }', css.cssRules.length);
}

function pageSheet() {
  for (var i = 0; i < document.styleSheets.length; i++) {
    if (/\/touch\/print\.css$/.test(document.styleSheets[i].href || '')) return document.styleSheets[i];
  }
  throw new Error('print.css is not loaded');
}

var doneTimer = null;
function showDone(layout) {
  var done = document.getElementById('print-done');
  done.textContent = layout === 'a4' ? tr('正在打印，请在打印机取走', 'Printing: please take it from the printer')
    : tr('正在打印，请在下方出纸口取走', 'Printing: please take it from the slot below');
  done.hidden = false;
  clearTimeout(doneTimer);
  doneTimer = setTimeout(function () { done.hidden = true; }, DONE_MS);
}
