// 内容: every item the user may see, filtered, with its review state; opens the editor.
import { el, formatDate } from '../../common/dom.js';
import { tr, named } from '../../common/i18n.js';
import { kindName, codeOptions } from '../../common/labels.js';
import { api } from '../api.js';
import { table, select, badge, field, fill, button } from '../ui.js';
import { statusBadge, statusName } from '../content-labels.js';
import { itemEditor } from '../item-editor.js';

var PAGE_SIZE = 50;

export var view = {
  id: 'items',
  title: function () { return tr('内容', 'Content'); },
  roles: ['admin', 'reviewer', 'editor', 'viewer', 'disclosure'],
  render: function (root, session, param) {
    return param ? itemEditor(root, session, param) : list(root, session);
  }
};

function list(root, session) {
  return api('GET', '/api/departments').then(function (departments) {
    var filters = el('form', { className: 'filters', role: 'search' });
    var q = el('input', { type: 'search', placeholder: tr('标题或正文', 'Title or text') });
    var status = select([{ value: '', text: tr('全部状态', 'Any status') }].concat(['draft', 'submitted', 'returned', 'published', 'withdrawn']
      .map(function (s) { return { value: s, text: statusName(s) }; })), '');
    var kind = select([{ value: '', text: tr('全部类型', 'Any kind') }].concat(codeOptions('kind')), '');
    var dept = select([{ value: '', text: tr('全部部门', 'Any department') }].concat(departments.map(function (d) {
      return { value: d.code, text: named(d) };
    })), session.me.role === 'editor' ? session.me.department : '');
    [field(tr('搜索', 'Search'), q, 'q'), field(tr('状态', 'Status'), status, 'status'), field(tr('类型', 'Kind'), kind, 'kind'),
      field(tr('部门', 'Department'), dept, 'department')].forEach(function (f) { filters.appendChild(f); });
    var results = el('div');
    var head = el('div', { className: 'toolbar' }, [
      session.me.role === 'viewer' || session.me.role === 'disclosure' ? null : el('a', { className: 'btn btn-primary', href: '#/items/new', text: tr('新建内容', 'New item') })]);
    fill(root, [head, filters, results]);
    function load(page) {
      var query = ['size=' + PAGE_SIZE, 'page=' + page];
      [['q', q], ['status', status], ['kind', kind], ['department', dept]].forEach(function (p) {
        if (p[1].value) query.push(p[0] + '=' + encodeURIComponent(p[1].value));
      });
      return api('GET', '/api/items?' + query.join('&')).then(function (r) { show(results, r, load); });
    }
    filters.addEventListener('input', function () { clearTimeout(filters.timer); filters.timer = setTimeout(function () { load(1); }, 300); });
    filters.addEventListener('submit', function (e) { e.preventDefault(); load(1); });
    return load(1);
  });
}

function show(into, result, load) {
  var columns = [
    { title: tr('标题', 'Title'), value: function (i) { return el('a', { href: '#/items/' + i.id, text: i.title }); } },
    { title: tr('类型', 'Kind'), value: function (i) { return kindName(i.kind); } },
    { title: tr('部门', 'Department'), value: function (i) { return i.departmentName || i.department; } },
    { title: tr('状态', 'Status'), value: stateCell },
    { title: tr('最后修改', 'Last change'), value: function (i) { return formatDate(i.updatedAt, true) + ' · ' + i.updatedBy; } },
    { title: tr('审核人', 'Approved by'), value: function (i) { return i.review && i.review.approvedBy || ''; } }
  ];
  var pages = Math.max(1, Math.ceil(result.total / result.size));
  var pager = el('div', { className: 'pager' }, [
    el('span', { text: tr('共 ' + result.total + ' 条，第 ' + result.page + '/' + pages + ' 页', result.total + ' items, page ' + result.page + ' of ' + pages) }),
    result.page > 1 ? button(tr('上一页', 'Previous'), function () { load(result.page - 1); }) : null,
    result.page < pages ? button(tr('下一页', 'Next'), function () { load(result.page + 1); }) : null]);
  fill(into, [table(columns, result.items, tr('没有符合条件的内容', 'No items match')), pager]);
}

function stateCell(item) {
  var pending = item.review && item.review.pending;
  return el('span', null, [statusBadge(item.status),
    pending ? badge(tr('修改', 'Change') + '：' + statusName(pending.status), pending.status === 'returned' ? 'warn' : 'info') : null]);
}
