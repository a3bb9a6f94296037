// Building DOM from data. Text always goes in through textContent, never innerHTML, so nothing staff type
// can become markup on a screen.
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

export function formatDate(iso, withTime) {
  if (!iso) return '';
  var d = new Date(iso);
  if (isNaN(d.getTime())) return '';
  var parts = [d.getFullYear() + '年' + (d.getMonth() + 1) + '月' + d.getDate() + '日'];
  if (withTime) parts.push(pad(d.getHours()) + ':' + pad(d.getMinutes()));
  return parts.join(' ');
}

function pad(n) {
  return n < 10 ? '0' + n : String(n);
}
