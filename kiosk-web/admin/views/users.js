// Staff accounts (admins only): create, change role, department or name, disable, reset a password.
import { el, formatDate } from '../../common/dom.js';
import { tr, named } from '../../common/i18n.js';
import { table, field, select, onSubmit, submitButton, button, badge, toast, formDialog, fill } from '../ui.js';
import { options, roles, roleName } from '../labels.js';

export var view = {
  id: 'users',
  title: function () { return tr('用户', 'Users'); },
  roles: ['admin'],
  render: function (root, session) {
    var page = { api: session.api, me: session.me, departments: [], list: el('div', { className: 'list' }) };
    page.reload = function () { return load(page); };
    return page.api('GET', '/api/departments').then(function (departments) {
      page.departments = departments;
      root.appendChild(createForm(page));
      root.appendChild(page.list);
      return page.reload();
    });
  }
};

function departmentOptions(page) {
  return [{ value: '', text: tr('（无）', '(none)') }].concat(page.departments.map(function (d) {
    return { value: d.code, text: named(d) };
  }));
}

function departmentName(page, code) {
  var d = page.departments.filter(function (x) { return x.code === code; })[0];
  return d ? named(d) : code || '';
}

function createForm(page) {
  var form = el('form', { className: 'card form-grid three', id: 'new-user', novalidate: 'novalidate' }, [
    el('h3', { text: tr('新建用户', 'New user') }),
    field(tr('用户名（3–64 位字母、数字、. _ -）', 'Username (3-64 letters, digits, . _ -)'),
      el('input', { maxlength: 64, autocomplete: 'off' }), 'username'),
    field(tr('姓名', 'Display name'), el('input', { maxlength: 200 }), 'displayName'),
    field(tr('初始密码（至少 8 位）', 'Initial password (at least 8)'), el('input', { type: 'password', autocomplete: 'new-password' }), 'password'),
    field(tr('角色', 'Role'), select(options(roles), 'editor'), 'role'),
    field(tr('部门（编辑必填）', 'Department (required for editors)'), select(departmentOptions(page), ''), 'department'),
    el('div', { className: 'form-actions' }, [submitButton(tr('创建', 'Create'))])]);
  onSubmit(form, function (values) {
    return page.api('POST', '/api/users', values).then(function (user) {
      form.reset();
      toast(tr('已创建用户 ', 'Created user ') + user.username, 'ok');
      return page.reload();
    });
  });
  return form;
}

function load(page) {
  return page.api('GET', '/api/users').then(function (users) {
    fill(page.list, [table(columns(page), users, tr('没有用户', 'No users'))]);
  });
}

function columns(page) {
  return [
    { title: tr('用户名', 'Username'), value: function (u) { return u.username; }, className: 'strong' },
    { title: tr('姓名', 'Name'), value: function (u) { return u.displayName; } },
    { title: tr('角色', 'Role'), value: function (u) { return badge(roleName(u.role), u.role === 'admin' ? 'info' : 'muted'); } },
    { title: tr('部门', 'Department'), value: function (u) { return departmentName(page, u.department); } },
    { title: tr('状态', 'Status'), value: function (u) {
      return u.disabled ? badge(tr('已停用', 'Disabled'), 'danger') : badge(tr('正常', 'Active'), 'ok'); } },
    { title: tr('创建时间', 'Created'), value: function (u) { return formatDate(u.createdAt, true); } },
    { title: tr('操作', 'Actions'), value: function (u) { return el('span', { className: 'row-actions' }, [
      button(tr('编辑', 'Edit'), function () { edit(page, u); }, 'link'),
      button(tr('重置密码', 'Reset password'), function () { resetPassword(page, u); }, 'link')]); }, className: 'actions' }
  ];
}

function edit(page, u) {
  var self = u.id === page.me.id;
  var disabled = el('input', { type: 'checkbox', checked: u.disabled ? 'checked' : null });
  formDialog(tr('编辑用户 ', 'Edit user ') + u.username, [
    field(tr('姓名', 'Display name'), el('input', { maxlength: 200, value: u.displayName || '' }), 'displayName'),
    field(tr('角色', 'Role'), select(options(roles), u.role), 'role'),
    field(tr('部门', 'Department'), select(departmentOptions(page), u.department || ''), 'department'),
    field(tr('停用此账号（立即退出登录）', 'Disable this account (logs it out now)'), disabled, 'disabled'),
    self ? el('p', { className: 'muted', text: tr('您不能停用自己或取消自己的管理员角色。', 'You cannot disable yourself or drop your own admin role.') }) : null
  ].filter(Boolean), tr('保存', 'Save'), function (values) {
    values.department = values.department || '';
    return page.api('PUT', '/api/users/' + u.id, values).then(function () {
      toast(tr('已保存', 'Saved'), 'ok');
      return page.reload();
    });
  });
}

function resetPassword(page, u) {
  formDialog(tr('重置密码：', 'Reset password: ') + u.username, [
    el('p', { className: 'muted', text: tr('重置后该用户的所有登录会话立即失效。', 'All of the user\'s sessions end at once.') }),
    field(tr('新密码（至少 8 位）', 'New password (at least 8)'), el('input', { type: 'password', autocomplete: 'new-password' }), 'password')
  ], tr('重置', 'Reset'), function (values) {
    return page.api('POST', '/api/users/' + u.id + '/password', { password: values.password || '' }).then(function () {
      toast(tr('密码已重置', 'Password reset'), 'ok');
    });
  });
}
