// The audit log: who did what and when, searchable, exported as CSV with the same filters, and its hash chain
// verified on request.
import { el, formatDate } from '../../common/dom.js';
import { tr } from '../../common/i18n.js';
import { fromZoneInput } from '../../common/zone.js';
import { table, field, select, onSubmit, submitButton, button, badge, downloadLink, fill } from '../ui.js';

export var view = {
  id: 'audit',
  title: function () { return tr('审计日志', 'Audit log'); },
  roles: ['admin'],
  render: function (root, session) {
    var page = { api: session.api, query: '', list: el('div', { className: 'list' }),
      verdict: el('div', { id: 'audit-verify', className: 'verdict', role: 'status' }), csv: el('span') };
    root.appendChild(filterForm(page));
    root.appendChild(page.verdict);
    root.appendChild(page.list);
    return search(page, { limit: '500' });
  }
};

function filterForm(page) {
  var form = el('form', { className: 'card inline-form', id: 'audit-filter', novalidate: 'novalidate' }, [
    field(tr('关键词（操作人、操作、对象）', 'Text (actor, action, target)'), el('input', { type: 'search', maxlength: 100 }), 'q'),
    field(tr('从', 'From'), el('input', { type: 'datetime-local' }), 'from'),
    field(tr('到', 'To'), el('input', { type: 'datetime-local' }), 'to'),
    field(tr('最多条数', 'At most'), select([{ value: '100', text: '100' }, { value: '500', text: '500' },
      { value: '5000', text: '5000' }], '500'), 'limit'),
    el('div', { className: 'form-actions' }, [submitButton(tr('查询', 'Search')), page.csv,
      button(tr('校验审计链', 'Verify chain'), function () { verify(page); })])]);
  onSubmit(form, function (values) { return search(page, values); });
  return form;
}

/** The query string for the filters; a local date-time becomes an instant the API reads. */
function queryString(values) {
  var params = [];
  if (values.q) params.push('q=' + encodeURIComponent(values.q));
  ['from', 'to'].forEach(function (name) {
    if (values[name]) params.push(name + '=' + encodeURIComponent(fromZoneInput(values[name]))); // in the display zone
  });
  params.push('limit=' + encodeURIComponent(values.limit || '500'));
  return params.join('&');
}

function search(page, values) {
  var query = queryString(values);
  fill(page.csv, [downloadLink('/api/audit?format=csv&' + query, tr('导出 CSV', 'Export CSV'))]);
  return page.api('GET', '/api/audit?' + query).then(function (entries) {
    fill(page.list, [el('p', { className: 'muted', text: tr('共 ' + entries.length + ' 条，最新的在前', entries.length + ' entries, newest first') }),
      table(columns(), entries, tr('没有符合条件的记录', 'No matching entries'))]);
  });
}

function columns() {
  return [
    { title: tr('时间', 'Time'), value: function (e) { return formatDate(e.at, true); }, className: 'nowrap' },
    { title: tr('操作人', 'Actor'), value: function (e) { return e.actor; } },
    { title: tr('操作', 'Action'), value: function (e) { return e.action; }, className: 'mono' },
    { title: tr('对象', 'Target'), value: function (e) { return e.target; }, className: 'mono' },
    { title: tr('结果', 'Result'), value: function (e) { return badge(String(e.status), e.status < 400 ? 'ok' : 'danger'); } },
    { title: tr('来源地址', 'Address'), value: function (e) { return e.address; } }
  ];
}

function verify(page) {
  fill(page.verdict, [el('span', { className: 'muted', text: tr('正在校验…', 'Verifying…') })]);
  return page.api('GET', '/api/audit/verify').then(function (v) {
    if (v.ok) {
      fill(page.verdict, [badge(tr('审计链完整：' + v.entries + ' 条记录均未被改动，与锚点一致',
        'Chain intact: none of the ' + v.entries + ' entries was altered, and it matches its anchor'), 'ok')]);
      return;
    }
    var verdicts = [];
    if (v.firstBadId !== null) {
      verdicts.push(badge(tr('审计链在第 ' + v.firstBadId + ' 条记录处断开：该记录或其前一条被改动或删除',
        'Chain broken at entry ' + v.firstBadId + ': it or the one before was altered or removed'), 'danger'));
    }
    if (v.truncated) {
      verdicts.push(badge(tr('审计日志被截断：最新的 ' + v.missingEntries + ' 条记录已被删除',
        'The log was truncated: its ' + v.missingEntries + ' newest entries were deleted'), 'danger'));
    } else if (v.firstBadId === null) {
      verdicts.push(badge(tr('审计日志与锚点不一致（见下方说明）', 'The log does not match its anchor (see below)'), 'danger'));
    }
    // The server's account of each difference, with when it was found (kept until an operator moves the anchor away).
    verdicts.push(el('ul', { className: 'problems' }, (v.problems || []).map(function (p) { return el('li', { text: p }); })));
    fill(page.verdict, verdicts);
  }, function (err) {
    fill(page.verdict, [badge(err.message, 'danger')]);
  });
}
