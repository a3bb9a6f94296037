// Portal feeds (admins only): which portal columns flow in as items, how each fetch went, what the portal dropped.
import { el, formatDate } from '../../common/dom.js';
import { tr, named } from '../../common/i18n.js';
import { table, field, select, onSubmit, submitButton, button, badge, toast, formDialog, fill, openDialog, confirmDialog } from '../ui.js';

export var view = {
  id: 'feeds',
  title: function () { return tr('门户订阅', 'Portal feeds'); },
  roles: ['admin'],
  render: function (root, session) {
    var page = { api: session.api, list: el('div', { className: 'list' }) };
    page.reload = function () { return load(page); };
    return Promise.all([page.api('GET', '/api/departments'), page.api('GET', '/api/categories'),
      page.api('GET', '/api/screen-groups')]).then(function (r) {
      page.departments = r[0];
      page.categories = r[1].categories;
      page.groups = r[2];
      root.appendChild(el('p', { className: 'muted', text: tr(
        '门户网站栏目（RSS、Atom 或 JSON 列表）的新条目自动成为通知：默认提交审核；“可信”订阅直接发布并记入审计日志。门户删除的条目只在此列出，不会自动撤下。',
        'New entries of a portal column (RSS, Atom or a JSON list) become notices: submitted for review by default; a trusted feed publishes them at once, recorded in the audit log. Entries the portal drops are only listed here, never taken down by themselves.') }));
      root.appendChild(feedForm(page, null));
      root.appendChild(page.list);
      return page.reload();
    });
  }
};

function options(list) {
  return list.map(function (x) { return { value: x.code, text: named(x) }; });
}

function feedFields(page, f) {
  f = f || { format: 'rss', intervalSeconds: 600, trusted: false, targetGroups: [] };
  return [
    field(tr('名称', 'Name'), el('input', { maxlength: 200, value: f.name || '' }), 'name'),
    field(tr('地址（http:// 或 https://）', 'Address (http:// or https://)'), el('input', { maxlength: 2000, value: f.url || '' }), 'url'),
    field(tr('格式', 'Format'), select([{ value: 'rss', text: 'RSS / Atom' }, { value: 'json', text: tr('JSON 列表', 'JSON list') }], f.format), 'format'),
    field(tr('JSON 字段对应（仅 JSON 列表）', 'JSON field names (JSON lists only)'),
      el('input', { placeholder: '{"items":"data.list","title":"bt","link":"url"}', value: f.jsonFields && Object.keys(f.jsonFields).length ? JSON.stringify(f.jsonFields) : '' }), 'jsonFields'),
    field(tr('抓取间隔（秒，60–86400）', 'Interval (seconds, 60-86400)'), el('input', { type: 'number', min: 60, max: 86400, value: f.intervalSeconds }), 'intervalSeconds'),
    field(tr('部门', 'Department'), select(options(page.departments), f.department), 'department'),
    field(tr('栏目', 'Category'), select(options(page.categories), f.category || 'notices'), 'category'),
    field(tr('屏组（逗号分隔，空为全部）', 'Screen groups (comma-separated, empty for all)'),
      el('input', { value: (f.targetGroups || []).join(','), placeholder: page.groups.map(function (g) { return g.code; }).join(',') }), 'targetGroups'),
    field(tr('可信订阅：不经审核直接发布', 'Trusted: publish without review'), el('input', { type: 'checkbox', checked: f.trusted ? 'checked' : null }), 'trusted')
  ];
}

/** The form's values as the API wants them. */
function body(values) {
  var out = {};
  Object.keys(values).forEach(function (k) { out[k] = values[k]; });
  out.targetGroups = values.targetGroups ? values.targetGroups.split(/[,，\s]+/).filter(Boolean) : [];
  out.intervalSeconds = values.intervalSeconds ? Number(values.intervalSeconds) : null;
  if (values.jsonFields) {
    try { out.jsonFields = JSON.parse(values.jsonFields); } catch (e) {
      return Promise.reject({ field: 'jsonFields', message: tr('不是有效的 JSON', 'not valid JSON') });
    }
  } else {
    out.jsonFields = null;
  }
  return Promise.resolve(out);
}

function feedForm(page) {
  var form = el('form', { className: 'card form-grid three', id: 'new-feed', novalidate: 'novalidate' },
    [el('h3', { text: tr('新建订阅', 'New feed') })].concat(feedFields(page, null),
      [el('div', { className: 'form-actions' }, [submitButton(tr('创建', 'Create'))])]));
  onSubmit(form, function (values) {
    return body(values).then(function (b) { return page.api('POST', '/api/feeds', b); }).then(function (f) {
      form.reset();
      toast(tr('已创建订阅 ', 'Created feed ') + f.name, 'ok');
      return page.reload();
    });
  });
  return form;
}

function load(page) {
  return page.api('GET', '/api/feeds').then(function (feeds) {
    fill(page.list, [table(columns(page), feeds, tr('还没有订阅', 'No feeds yet'))].concat(goneLists(feeds)));
  });
}

// The server's error starts with what kind of failure it is; staff read that kind in their language first.
var FAILURES = [
  ['DNS', '域名无法解析'], ['timeout', '超时未响应'], ['connection refused', '连接被拒绝'], ['connection', '连接中断'],
  ['HTTP 404', '网页不存在（404）'], ['HTTP', '网站返回错误'], ['too large', '内容过大'], ['invalid XML', 'XML 格式错误'],
  ['not a feed', '不是订阅源'], ['unknown character set', '字符集未知'], ['could not import', '导入出错']
];

function failure(error) {
  var kind = FAILURES.filter(function (f) { return error.indexOf(f[0]) === 0; })[0];
  return kind ? tr(kind[1], kind[0]) : tr('失败', 'Failed');
}

function state(f) {
  if (!f.lastFetchAt) return badge(tr('尚未抓取', 'Not fetched yet'), 'muted');
  if (f.lastError) return el('span', null, [badge(failure(f.lastError), 'danger'), el('br'),
    el('span', { className: 'muted small', text: f.lastError })]);
  return badge(tr('正常', 'OK'), 'ok');
}

function columns(page) {
  return [
    { title: tr('名称', 'Name'), value: function (f) { return el('span', null, [el('strong', { text: f.name }), el('br'),
      el('span', { className: 'muted small', text: f.url })]); } },
    { title: tr('审核', 'Review'), value: function (f) { return f.trusted ? badge(tr('可信·直接发布', 'Trusted'), 'info') : tr('提交审核', 'For review'); } },
    { title: tr('上次抓取', 'Last fetch'), value: function (f) { return f.lastFetchAt ? formatDate(f.lastFetchAt, true) : '—'; } },
    { title: tr('上次成功', 'Last success'), value: function (f) { return f.lastSuccessAt ? formatDate(f.lastSuccessAt, true) : '—'; } },
    { title: tr('已导入', 'Imported'), value: function (f) { return String(f.entriesImported); } },
    { title: tr('状态', 'State'), value: state },
    { title: tr('操作', 'Actions'), className: 'actions', value: function (f) { return el('span', { className: 'row-actions' }, [
      button(tr('立即抓取', 'Fetch now'), function () { fetchNow(page, f); }, 'link'),
      button(tr('记录', 'Log'), function () { showLog(page, f); }, 'link'),
      button(tr('编辑', 'Edit'), function () { edit(page, f); }, 'link'),
      button(tr('删除', 'Delete'), function () { remove(page, f); }, 'link')]); } }
  ];
}

function goneLists(feeds) {
  return feeds.filter(function (f) { return f.gone.length; }).map(function (f) {
    return el('div', { className: 'card' }, [
      el('h3', { text: f.name + tr('：门户已不再列出的条目（未撤下，请决定是否撤回）', ': entries the portal no longer lists (still shown; decide whether to withdraw)') }),
      table([
        { title: tr('标题', 'Title'), value: function (g) { return g.title; } },
        { title: tr('信息', 'Item'), value: function (g) { return el('a', { href: '#edit/' + g.itemId, text: '#' + g.itemId }); } },
        { title: tr('发现时间', 'Noticed'), value: function (g) { return formatDate(g.since, true); } }
      ], f.gone, '')]);
  });
}

function fetchNow(page, f) {
  return page.api('POST', '/api/feeds/' + f.id + '/fetch').then(function (r) {
    toast(r.ok ? tr('新增 ', 'Added ') + r.added + tr('，更新 ', ', changed ') + r.changed + tr('，未变 ', ', unchanged ') + r.unchanged
      : tr('抓取失败：', 'Fetch failed: ') + r.error, r.ok ? 'ok' : 'error');
    return page.reload();
  });
}

function showLog(page, f) {
  return page.api('GET', '/api/feeds/' + f.id + '/log').then(function (log) {
    var dialog = openDialog(tr('抓取记录：', 'Fetch log: ') + f.name, [table([
      { title: tr('时间', 'When'), value: function (l) { return formatDate(l.at, true); } },
      { title: tr('结果', 'Result'), value: function (l) { return l.ok ? tr('新增 ', 'added ') + l.added + ' · ' + tr('更新 ', 'changed ') + l.changed
        + ' · ' + tr('移除 ', 'gone ') + l.gone + ' · ' + tr('跳过 ', 'skipped ') + l.skipped : l.error; } }
    ], log, tr('还没有记录', 'No fetches yet'))], [button(tr('关闭', 'Close'), function () { dialog.close(); })]);
  });
}

function edit(page, f) {
  formDialog(tr('编辑订阅 ', 'Edit feed ') + f.name, feedFields(page, f), tr('保存', 'Save'), function (values) {
    return body(values).then(function (b) { return page.api('PUT', '/api/feeds/' + f.id, b); }).then(function () {
      toast(tr('已保存', 'Saved'), 'ok');
      return page.reload();
    });
  });
}

function remove(page, f) {
  return confirmDialog(tr('删除订阅', 'Delete feed'), [f.name, tr('已导入的信息保留。', 'The items it brought stay.')]).then(function (yes) {
    return yes ? page.api('DELETE', '/api/feeds/' + f.id).then(function () { return page.reload(); }) : null;
  });
}
