import { el, clear, formatDate } from '../common/dom.js';
import { kindName } from '../common/render-item.js';

var csrf = null;
var STATUS = { draft: '草稿', submitted: '待审核', published: '已发布', withdrawn: '已撤回', pending: '待配对', active: '在用', retired: '已停用' };

function api(method, url, body) {
  var headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (csrf && method !== 'GET') headers['X-CSRF-Token'] = csrf;
  return fetch(url, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body) })
    .then(function (r) {
      if (r.status === 204) return null;
      return r.json().then(function (json) {
        if (!r.ok) throw new Error(json.error || ('HTTP ' + r.status));
        return json;
      });
    });
}

function signedIn(me) {
  csrf = me.csrfToken;
  document.getElementById('who').textContent = me.username + '（' + me.role + '）';
  document.getElementById('login').hidden = true;
  document.getElementById('console').hidden = false;
  refresh();
}

function refresh() {
  api('GET', '/api/screen-groups').then(function (groups) {
    var select = clear(document.getElementById('groups'));
    groups.forEach(function (g) { select.appendChild(el('option', { value: g.code, text: g.name })); });
  });
  api('GET', '/api/screens').then(function (screens) {
    var body = clear(document.getElementById('screens'));
    screens.forEach(function (s) {
      body.appendChild(el('tr', null, [
        el('td', { text: s.name || s.id }), el('td', { text: (STATUS[s.status] || s.status) + (s.status === 'pending' ? ' ' + s.pairingCode : '') + (s.online ? ' · 在线' : ' · 离线') }),
        el('td', { text: s.group || '' }), el('td', { text: s.width ? s.width + '×' + s.height : '' }),
        el('td', { text: s.address || '' }), el('td', { text: formatDate(s.lastSeenAt, true) }), el('td', { text: s.ackedVersion || '' })]));
    });
  });
  api('GET', '/api/items?size=100').then(function (page) {
    var body = clear(document.getElementById('items'));
    page.items.forEach(function (item) {
      var withdraw = item.status === 'published'
        ? el('button', { type: 'button', 'data-withdraw': item.id, text: '撤回' }) : null;
      body.appendChild(el('tr', null, [
        el('td', null, [el('a', { href: '/m/items/' + item.id, text: item.title })]), el('td', { text: kindName(item.kind) }),
        el('td', { text: item.departmentName || item.department }), el('td', { text: STATUS[item.status] || item.status }),
        el('td', { text: item.version }), el('td', { text: item.shortUrl }), el('td', null, [withdraw])]));
    });
  });
}

document.getElementById('login').addEventListener('submit', function (e) {
  e.preventDefault();
  var form = e.target;
  api('POST', '/api/login', { username: form.username.value, password: form.password.value })
    .then(signedIn).catch(function (err) { document.getElementById('login-error').textContent = err.message; });
});

document.getElementById('pair').addEventListener('submit', function (e) {
  e.preventDefault();
  var form = e.target;
  api('POST', '/api/screens/pair', { code: form.code.value, name: form.name.value || null, group: form.group.value })
    .then(function () { form.reset(); document.getElementById('pair-error').textContent = ''; refresh(); })
    .catch(function (err) { document.getElementById('pair-error').textContent = err.message; });
});

document.getElementById('items').addEventListener('click', function (e) {
  var id = e.target.getAttribute && e.target.getAttribute('data-withdraw');
  if (id && window.confirm('撤回后所有屏幕立即停止显示，确定吗？')) {
    api('POST', '/api/items/' + id + '/withdraw').then(refresh);
  }
});

api('GET', '/api/me').then(signedIn).catch(function () { document.getElementById('login').hidden = false; });
