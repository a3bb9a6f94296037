// Building DOM from data. Text always goes in through textContent, never innerHTML, so nothing staff type
// can become markup on a screen.
import { partsIn, pad } from './zone.js';

export function el(tag, attrs, children) {
  var node = document.createElement(tag);
  if (attrs) {
    Object.keys(attrs).forEach(function (key) {
      var value = attrs[key];
      if (value === null || value === undefined || value === false) return;
      if (key === 'text') node.textContent = String(value);
      else if (key === 'className') node.className = value;
      else node.setAttribute(key, String(value));
    });
  }
  (children || []).forEach(function (child) {
    if (child === null || child === undefined || child === false) return;
    node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  });
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

/**
 * A time as 2026年11月3日 (14:05) in the given time zone (the display time zone, common/zone.js, by default),
 * whatever zone the device is set to. A plain date such as 2026-10-28 is shown as written.
 */
export function formatDate(iso, withTime, timeZone) {
  if (!iso) return '';
  var day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (day) return document.documentElement.lang === 'en' ? iso : Number(day[1]) + '年' + Number(day[2]) + '月' + Number(day[3]) + '日';
  var d = new Date(iso);
  if (isNaN(d.getTime())) return '';
  var p = partsIn(d, timeZone);
  var parts = [document.documentElement.lang === 'en' ? p.year + '-' + pad(p.month) + '-' + pad(p.day)
    : p.year + '年' + p.month + '月' + p.day + '日'];
  if (withTime) parts.push(pad(p.hour) + ':' + pad(p.minute));
  return parts.join(' ');
}
