// The admin shell: login, who is logged in, language, own password, and hash routing (#/<view>[/<param>])
// to the views listed in views.js, showing each member of staff only the views their role may use.
import { el, clear } from '../common/dom.js';
import { tr, setLang, getLang, named } from '../common/i18n.js';
import { api, setCsrf, onLoginRequired } from './api.js';
import { field, onSubmit, submitButton, button, formDialog, toast } from './ui.js';
import { VIEWS } from './views.js';
import { roleName } from './labels.js';
import { loadCalendarWarning, calendarBanner } from './calendar-banner.js';

var LANG_KEY = 'gongkai.admin.lang';
var app = document.getElementById('app');
var session = null;
var current = null; // { view, param }
var departments = [];
var calendarWarning = null; // GET /api/work-calendar when a year's holiday notice is missing

function start() {
  setLang(localStorage.getItem(LANG_KEY) || 'zh');
  onLoginRequired(showLogin);
  window.addEventListener('hashchange', route);
  api('GET', '/api/departments').then(function (list) { departments = list || []; }, function () {})
    .then(function () { return api('GET', '/api/me'); })
    .then(signedIn, function () { showLogin(); });
}

function signedIn(me) {
  setCsrf(me.csrfToken);
  session = { me: me, api: api };
  calendarWarning = null;
  renderShell();
  loadCalendarWarning(me).then(function (warning) {
    if (!warning || !session || session.me !== me) return;
    calendarWarning = warning;
    var root = document.getElementById('view');
    if (root && !document.getElementById('calendar-banner')) root.insertBefore(calendarBanner(warning), root.firstChild);
  });
}

function showLogin() {
  leaveCurrent();
  session = null;
  setCsrf(null);
  document.title = tr('登录 · 公开 Gongkai 管理', 'Log in · Gongkai admin');
  var username = el('input', { autocomplete: 'username', required: 'required', maxlength: 64 });
  var password = el('input', { type: 'password', autocomplete: 'current-password', required: 'required' });
  var form = el('form', { id: 'login', className: 'login-card', novalidate: 'novalidate' }, [
    el('h1', { text: tr('公开 Gongkai 管理', 'Gongkai admin') }),
    el('p', { className: 'muted', text: tr('政务公开信息屏管理后台', 'Government information screens') }),
    field(tr('用户名', 'Username'), username, 'username'),
    field(tr('密码', 'Password'), password, 'password'),
    el('div', { className: 'form-actions' }, [submitButton(tr('登录', 'Log in'))]),
    langSwitch()]);
  onSubmit(form, function (values) {
    return api('POST', '/api/login', { username: values.username || '', password: values.password || '' })
      .then(signedIn, function (err) { throw loginError(err); });
  });
  app.className = 'login-page';
  clear(app).appendChild(form);
  username.focus();
}

/** The server's reason, with a Chinese lead for the two everyday failures. */
function loginError(err) {
  if (err.status === 401) err.message = tr('用户名或密码错误', 'Wrong username or password') + '（' + err.message + '）';
  if (err.status === 429) err.message = tr('登录失败次数过多，请稍后再试', 'Too many failed logins') + '（' + err.message + '）';
  return err;
}

function langSwitch() {
  var other = getLang() === 'en' ? 'zh' : 'en';
  return button(other === 'en' ? 'English' : '中文', function () {
    localStorage.setItem(LANG_KEY, other);
    setLang(other);
    if (session) renderShell(); else showLogin();
  }, 'link lang-switch');
}

function renderShell() {
  var me = session.me;
  var dept = departments.filter(function (d) { return d.code === me.department; })[0];
  var who = [me.username, roleName(me.role)].concat(me.department ? [named(dept) || me.department] : []).join(' · ');
  app.className = 'shell';
  clear(app).appendChild(el('header', { className: 'topbar' }, [
    el('a', { className: 'brand', href: '#/', text: tr('公开 Gongkai 管理', 'Gongkai admin') }),
    el('span', { className: 'who', id: 'who', text: who }),
    langSwitch(),
    button(tr('修改密码', 'Change password'), changePassword, 'link'),
    button(tr('退出', 'Log out'), logout, 'link')]));
  app.appendChild(el('nav', { className: 'sidenav', 'aria-label': tr('功能', 'Sections') }, [el('ul', { id: 'nav' })]));
  app.appendChild(el('main', { id: 'view', className: 'view' }));
  current = null;
  route();
}

function allowed() {
  return VIEWS.filter(function (v) { return v.roles.indexOf(session.me.role) >= 0; });
}

function route() {
  if (!session) return;
  var parts = location.hash.replace(/^#\/?/, '').split('/');
  var views = allowed();
  var view = views.filter(function (v) { return v.id === parts[0]; })[0] || views[0];
  var param = parts.length > 1 ? decodeURIComponent(parts.slice(1).join('/')) : null;
  renderNav(views, view);
  leaveCurrent();
  current = { view: view, param: param };
  var root = clear(document.getElementById('view'));
  if (calendarWarning) root.appendChild(calendarBanner(calendarWarning));
  if (!view) {
    root.appendChild(el('p', { text: tr('您的角色没有可用的功能。', 'Your role has no sections.') }));
    return;
  }
  document.title = view.title() + ' · ' + tr('公开 Gongkai 管理', 'Gongkai admin');
  root.appendChild(el('h2', { className: 'view-title', text: view.title() }));
  var body = el('div', { className: 'view-body', 'data-view': view.id });
  root.appendChild(body);
  Promise.resolve().then(function () { return view.render(body, session, param); }).catch(function (err) {
    if (err && err.status === 401) return;
    body.appendChild(el('p', { className: 'form-error', role: 'alert', text: err && err.message ? err.message : String(err) }));
  });
}

function renderNav(views, active) {
  var list = clear(document.getElementById('nav'));
  views.forEach(function (v) {
    var link = el('a', { href: '#/' + v.id, text: v.title(), 'data-view': v.id });
    if (v === active) link.setAttribute('aria-current', 'page');
    list.appendChild(el('li', null, [link]));
  });
}

function leaveCurrent() {
  if (current && current.view && current.view.leave) current.view.leave();
  current = null;
}

function logout() {
  api('POST', '/api/logout').catch(function () {}).then(showLogin);
}

function changePassword() {
  var confirmNode = el('input', { type: 'password', autocomplete: 'new-password' });
  formDialog(tr('修改我的密码', 'Change my password'), [
    field(tr('当前密码', 'Current password'), el('input', { type: 'password', autocomplete: 'current-password' }), 'currentPassword'),
    field(tr('新密码（至少 8 位）', 'New password (at least 8 characters)'), el('input', { type: 'password', autocomplete: 'new-password' }), 'newPassword'),
    field(tr('再次输入新密码', 'New password again'), confirmNode, 'confirm')
  ], tr('修改', 'Change'), function (values) {
    if (values.newPassword !== values.confirm) {
      var err = new Error(tr('两次输入的新密码不一致', 'The two new passwords differ'));
      err.field = 'confirm';
      return Promise.reject(err);
    }
    return api('POST', '/api/me/password', { currentPassword: values.currentPassword, newPassword: values.newPassword })
      .then(function () { toast(tr('密码已修改，其他设备上的登录已退出', 'Password changed; other sessions were logged out'), 'ok'); });
  });
}

start();
