// 预警接收 (CAP): every warning message received from a warning system (pushed to /api/cap or polled), with what was
// done and why; each pending warning beside a preview of exactly what screens will show and ONE large button that
// issues it; the CAP sources polled (admins).
import { el, formatDate } from '../../common/dom.js';
import { tr } from '../../common/i18n.js';
import { alertText } from '../../common/alert-view.js';
import { displayZone } from '../../common/zone.js';
import { api } from '../api.js';
import { table, field, select, button, badge, fill, toast, showError, clearErrors } from '../ui.js';

// Built when drawn, so that a switch of language shows.
function outcomes() {
  return {
  issued: [tr('已发布', 'Issued'), 'ok'], updated: [tr('已更新', 'Updated'), 'ok'], cleared: [tr('已解除', 'Cleared'), 'muted'],
  pending: [tr('待发布', 'Pending'), 'warn'], ignored: [tr('未采用', 'Ignored'), 'muted']
  };
}
function policies() {
  return [
  { value: 'severe_at_once', text: tr('橙色、红色立即发布，其余待审核', 'Severe and Extreme at once, others wait') },
  { value: 'all_at_once', text: tr('全部立即发布', 'All at once') },
  { value: 'review_all', text: tr('全部待审核', 'All wait for a reviewer') }
  ];
}

export var view = {
  id: 'warnings',
  title: function () { return tr('预警接收', 'Warnings in'); },
  roles: ['admin', 'reviewer'],
  render: function (root, session) {
    var admin = session.me.role === 'admin';
    return Promise.all([api('GET', '/api/cap/messages'), admin ? api('GET', '/api/cap/sources') : Promise.resolve(null)]).then(function (r) {
      var again = function () { view.render(root, session); };
      var pending = r[0].filter(function (m) { return m.outcome === 'pending'; });
      fill(root, [
        el('h3', { text: tr('待发布预警', 'Warnings waiting') }),
        pending.length ? el('div', { className: 'cap-pending' }, pending.map(function (m) { return pendingCard(m, again); }))
          : el('p', { className: 'muted', text: tr('没有待发布的预警', 'No warning is waiting') }),
        el('h3', { text: tr('收到的预警消息', 'Messages received') }),
        messages(r[0]),
        admin ? sources(r[1], again) : null
      ]);
    });
  }
};

function pendingCard(m, again) {
  var p = m.preview;
  var shown = { title: p.title, summary: p.summary, publishStart: p.publishStart, alert: p.alert };
  var issue = button(tr('发布此预警', 'Issue this warning'), function () {
    issue.disabled = true;
    api('POST', '/api/cap/messages/' + m.id + '/issue').then(function () {
      toast(tr('预警已发布到屏幕', 'The warning is on the screens'), 'ok');
      again();
    }, function (err) { issue.disabled = false; toast(err.message || String(err), 'error'); });
  }, 'danger');
  issue.className += ' cap-issue';
  return el('div', { className: 'cap-card' }, [
    el('div', { className: 'cap-preview alert-' + p.alert.level }, alertText(shown, displayZone(), { heading: 'h2' })),
    el('div', { className: 'cap-action' }, [
      el('p', { text: tr('有效期至 ', 'Until ') + formatDate(p.publishEnd, true, displayZone()) }),
      el('p', { className: 'muted', text: m.reason }), issue
    ])
  ]);
}

function messages(list) {
  return table([
    { title: tr('收到时间', 'Received'), value: function (m) { return formatDate(m.receivedAt, true, displayZone()); } },
    { title: tr('标识', 'Identifier'), value: function (m) { return m.identifier || '—'; } },
    { title: tr('类型', 'Type'), value: function (m) { return (m.msgType || '—') + ' / ' + (m.status || '—'); } },
    { title: tr('来源', 'Source'), value: function (m) { return m.source; } },
    { title: tr('结果', 'Outcome'), value: function (m) { var o = outcomes()[m.outcome] || [m.outcome]; return badge(o[0], o[1]); } },
    { title: tr('原因', 'Why'), value: function (m) { return m.reason; } }
  ], list, tr('还没有收到预警消息', 'No message received yet'));
}

function sources(list, again) {
  var name = el('input', { type: 'text', maxLength: 200 });
  var url = el('input', { type: 'url', placeholder: 'https://' });
  var interval = el('input', { type: 'number', min: 1, max: 86400, value: 60 });
  var department = el('input', { type: 'text', maxLength: 64 });
  var policy = select(policies(), 'severe_at_once');
  var form = el('form', { className: 'form-grid', novalidate: 'novalidate' }, [
    el('p', { className: 'form-error', role: 'alert' }),
    field(tr('名称', 'Name'), name, 'name'), field(tr('地址（Atom/RSS 索引或单条 CAP）', 'URL (Atom/RSS index or one CAP message)'), url, 'url'),
    field(tr('间隔（秒）', 'Interval (s)'), interval, 'intervalSeconds'), field(tr('发布部门', 'Department'), department, 'department'),
    field(tr('发布方式', 'Issue policy'), policy, 'policy'),
    el('div', null, [button(tr('添加来源', 'Add source'), function () {
      clearErrors(form);
      api('POST', '/api/cap/sources', { name: name.value, url: url.value, intervalSeconds: Number(interval.value),
        department: department.value || null, policy: policy.value }).then(again, function (err) { showError(form, err); });
    }, 'primary')])
  ]);
  return el('div', null, [
    el('h3', { text: tr('预警来源（定时读取）', 'Warning sources (polled)') }),
    table([
      { title: tr('名称', 'Name'), value: function (s) { return s.name; } },
      { title: tr('地址', 'URL'), value: function (s) { return s.url; } },
      { title: tr('间隔', 'Every'), value: function (s) { return s.intervalSeconds + ' s'; } },
      { title: tr('发布方式', 'Policy'), value: function (s) { return policies().filter(function (p) { return p.value === s.policy; })[0].text; } },
      { title: tr('上次读取', 'Last polled'), value: function (s) {
        return s.lastPolledAt ? formatDate(s.lastPolledAt, true, displayZone()) + (s.lastError ? ' — ' + s.lastError : ' ✓') : '—';
      } },
      { title: '', value: function (s) {
        return button(tr('删除', 'Delete'), function () { api('DELETE', '/api/cap/sources/' + s.id).then(again); });
      } }
    ], list, tr('没有配置来源', 'No source configured')),
    form
  ]);
}
