// Disclosure on request (依申请公开), staff side: register an application, give the applicant its number and check
// code, watch the deadlines in working days, move it on and record the reply. Applications hold personal data: a
// department's editors and reviewers see their own department's, the disclosure office (公开办) and admins see all
// and route them to departments; viewers do not see this view.
import { el, formatDate } from '../../common/dom.js';
import { tr, named } from '../../common/i18n.js';
import { table, field, select, onSubmit, submitButton, button, badge, toast, formDialog, fill } from '../ui.js';
import { options, channels, channelName, replyName, applicationStateName, applicantTypes, results, resultName } from '../labels.js';

var WARN_DAYS = 5;

export var view = {
  id: 'applications',
  title: function () { return tr('依申请公开', 'Requests for information'); },
  roles: ['admin', 'reviewer', 'editor', 'disclosure'],
  render: function (root, session) {
    var page = { api: session.api, writer: true, list: el('div', { className: 'list' }), departments: [],
      // The disclosure office and admins register for any department and route; the others for their own.
      router: session.me.role === 'admin' || session.me.role === 'disclosure',
      created: el('div', { id: 'application-created', className: 'result-box', hidden: 'hidden' }) };
    page.reload = function () { return load(page); };
    return page.api('GET', '/api/departments').then(function (departments) {
      page.departments = departments;
      root.appendChild(registerForm(page));
      root.appendChild(page.created);
      root.appendChild(page.list);
      return page.reload();
    });
  }
};

function departmentOptions(page, none) {
  return [{ value: '', text: none }].concat(page.departments.map(function (d) { return { value: d.code, text: named(d) }; }));
}

function departmentName(page, code) {
  var d = page.departments.filter(function (x) { return x.code === code; })[0];
  return d ? named(d) : code || tr('（待分办）', '(not yet routed)');
}

function today() {
  var d = new Date();
  return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');
}

function registerForm(page) {
  var form = el('form', { className: 'card form-grid two', id: 'register', novalidate: 'novalidate' }, [
    el('h3', { text: tr('登记申请', 'Register an application') }),
    field(tr('收到日期', 'Received on'), el('input', { type: 'date', value: today(), max: today() }), 'receivedOn'),
    field(tr('申请渠道', 'Channel'), select(options(channels), 'in_person'), 'channel'),
    field(tr('申请人', 'Applicant'), el('input', { maxlength: 200 }), 'applicant'),
    field(tr('联系方式', 'Contact'), el('input', { maxlength: 200 }), 'contact'),
    field(tr('申请人类型（年报表三）', 'Applicant type (annual report)'), select([{ value: '', text: tr('（未记录）', '(not recorded)') }]
      .concat(options(applicantTypes)), 'natural_person'), 'applicantType'),
    page.router ? field(tr('承办部门', 'Handled by'), select(departmentOptions(page, tr('（暂不分办）', '(route later)')), ''), 'department') : null,
    el('div', { className: 'wide' }, [field(tr('申请公开的信息', 'Information requested'),
      el('textarea', { rows: 3, maxlength: 2000 }), 'subject')]),
    el('div', { className: 'form-actions' }, [submitButton(tr('登记', 'Register'))])]);
  onSubmit(form, function (values) {
    return page.api('POST', '/api/applications', values).then(function (a) {
      form.reset();
      showCreated(page, a);
      return page.reload();
    });
  });
  return form;
}

function showCreated(page, a) {
  page.created.hidden = false;
  fill(page.created, [
    el('h3', { text: tr('已登记。请把编号和查询码交给申请人：', 'Registered. Give the applicant the number and check code:') }),
    el('dl', { className: 'big-codes' }, [
      el('dt', { text: tr('申请编号', 'Number') }), el('dd', { className: 'app-number', text: a.number }),
      el('dt', { text: tr('查询码', 'Check code') }), el('dd', { className: 'app-code', text: a.checkCode })]),
    el('p', { className: 'muted', text: tr('查询码只在此显示一次，服务器不保存明文。申请人可凭两者在触摸屏上查询进度。',
      'The check code is shown only now; the server keeps no copy. The applicant looks up progress with both on a touchscreen.') }),
    button(tr('知道了', 'Done'), function () { page.created.hidden = true; })]);
}

function load(page) {
  return page.api('GET', '/api/applications?limit=500').then(function (list) {
    fill(page.list, [table(columns(page), list, tr('还没有申请', 'No applications yet'))]);
  });
}

function columns(page) {
  return [
    { title: tr('编号', 'Number'), value: function (a) { return a.number; }, className: 'mono nowrap' },
    { title: tr('申请人', 'Applicant'), value: applicant },
    { title: tr('申请内容', 'Request'), value: subject },
    { title: tr('承办部门', 'Handled by'), value: function (a) { return departmentName(page, a.department); } },
    { title: tr('渠道', 'Channel'), value: channel },
    { title: tr('收到日期', 'Received'), value: function (a) { return formatDate(a.receivedOn); } },
    { title: tr('状态', 'State'), value: state },
    { title: tr('答复期限', 'Deadline'), value: deadline },
    { title: tr('答复', 'Reply'), value: reply },
    { title: tr('操作', 'Actions'), value: function (a) { return el('span', { className: 'row-actions' }, [
      a.status !== 'answered' ? button(tr('办理', 'Move on'), function () { move(page, a); }, 'link') : null,
      page.router ? button(tr('分办', 'Route'), function () { route(page, a); }, 'link') : null]); }, className: 'actions' }
  ];
}

// A citizen's own application also says who they are, how to reach them and how the answer goes to them.
function applicant(a) {
  var s = a.selfService;
  if (!s) return a.applicant;
  var delivery = { collect: tr('到窗口领取', 'collect'), post: tr('邮寄：', 'post: ') + (s.address || ''),
    email: tr('电子邮件：', 'e-mail: ') + (s.email || '') }[s.delivery] || s.delivery;
  return el('span', { className: 'stack' }, [el('span', { text: a.applicant }),
    el('span', { className: 'muted', text: (s.idTypeName || s.idType) + ' ' + s.idNumber }),
    el('span', { className: 'muted', text: tr('电话 ', 'Phone ') + s.phone }),
    el('span', { className: 'muted', text: tr('获取方式：', 'Receive by: ') + delivery })]);
}

function channel(a) {
  var s = a.selfService;
  if (a.channel !== 'kiosk' || !s) return channelName(a.channel);
  return el('span', { className: 'stack' }, [el('span', { text: channelName(a.channel) }),
    el('span', { className: 'muted', text: tr('受理终端：', 'Screen: ') + (s.screenName || s.screenId) })]);
}

function reply(a) {
  if (!a.replyType) return '';
  var said = a.result ? resultName(a.result) : replyName(a.replyType) + tr('（国家格式结果未记录）', ' (national result not recorded)');
  return said + ' · ' + formatDate(a.answeredOn);
}

function subject(a) {
  var text = a.subject || '';
  return el('span', { title: text, text: text.length > 40 ? text.slice(0, 40) + '…' : text });
}

function state(a) {
  var kind = { answered: 'ok', correction_requested: 'warn' }[a.status] || 'info';
  return el('span', { className: 'badges' }, [badge(applicationStateName(a.status), kind),
    a.extended ? badge(tr('已延期', 'Extended'), 'muted') : null]);
}

function deadline(a) {
  if (!a.deadline) return '—';
  var left = a.workingDaysLeft;
  var note = left < 0 ? badge(tr('已超期 ' + (-left) + ' 个工作日', 'Overdue by ' + (-left) + ' working days'), 'danger')
    : left <= WARN_DAYS ? badge(tr('剩 ' + left + ' 个工作日', left + ' working days left'), 'warn')
      : el('span', { className: 'muted', text: tr('剩 ' + left + ' 个工作日', left + ' working days left') });
  return el('span', { className: 'badges' }, [formatDate(a.deadline), note]);
}

/** The next steps the API allows from the application's state. */
function steps(a) {
  var all = {
    handling: a.status === 'correction_requested' ? tr('已补正，继续办理（重新计时）', 'Corrected; handle (clock restarts)') : tr('开始办理', 'Start handling'),
    correction_requested: tr('告知补正', 'Ask for a correction'),
    extended: tr('延期 20 个工作日', 'Extend by 20 working days'),
    answered: tr('答复', 'Answer')
  };
  var allowed = { received: ['handling', 'correction_requested', 'extended', 'answered'],
    handling: ['correction_requested', 'extended', 'answered'], correction_requested: ['handling', 'answered'] }[a.status] || [];
  return allowed.filter(function (s) { return s !== 'extended' || !a.extended; })
    .map(function (s) { return { value: s, text: all[s] }; });
}

function route(page, a) {
  formDialog(tr('分办申请 ', 'Route application ') + a.number, [
    field(tr('承办部门', 'Handled by'), select(departmentOptions(page, tr('（请选择）', '(choose)')), a.department || ''), 'department')
  ], tr('确定', 'Confirm'), function (values) {
    return page.api('PUT', '/api/applications/' + encodeURIComponent(a.number) + '/department', values).then(function () {
      toast(tr('已分办', 'Routed'), 'ok');
      return page.reload();
    });
  });
}

function move(page, a) {
  var replies = [{ value: '', text: tr('（答复时选择）', '(when answering)') }].concat(options(results));
  var stepSelect = select(steps(a), steps(a)[0] && steps(a)[0].value);
  var replySelect = select(replies, '');
  function sync() { replySelect.disabled = stepSelect.value !== 'answered'; }
  stepSelect.addEventListener('change', sync);
  sync();
  formDialog(tr('办理申请 ', 'Move on application ') + a.number, [
    field(tr('操作', 'Step'), stepSelect, 'status'),
    field(tr('办理结果（年报表三）', 'Result (annual report)'), replySelect, 'result'),
    field(tr('日期', 'Date'), el('input', { type: 'date', value: today(), min: a.receivedOn, max: today() }), 'on')
  ], tr('确定', 'Confirm'), function (values) {
    return page.api('POST', '/api/applications/' + encodeURIComponent(a.number) + '/status', values).then(function () {
      toast(tr('已更新', 'Updated'), 'ok');
      return page.reload();
    });
  });
}
