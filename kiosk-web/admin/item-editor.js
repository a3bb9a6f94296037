// The content editor: every item kind with its fields (editor-kinds.js), category, tags, publish window, dayparting,
// duration and target groups (editor-fields.js), next to the live preview and the item's history.
// Plain functions over one editor state { root, me, lists, item, model, preview, form }, like the views.
import { el, clear, formatDate } from '../common/dom.js';
import { tr, named } from '../common/i18n.js';
import { codeOptions } from '../common/labels.js';
import { api } from './api.js';
import { field, select, button, toast, showError, clearErrors, confirmDialog } from './ui.js';
import { statusBadge, statusName, actionName, fieldName } from './content-labels.js';
import { previewPane } from './preview.js';
import { section, bound, boundList, themesSection, scheduleSection } from './editor-fields.js';
import { kindSection } from './editor-kinds.js';

/** Opens the editor in root for item id, or for a new item when id is 'new'. */
export function itemEditor(root, session, id) {
  var isNew = id === 'new';
  return Promise.all([
    api('GET', '/api/categories'), api('GET', '/api/departments'), api('GET', '/api/screen-groups'),
    isNew ? Promise.resolve(null) : api('GET', '/api/items/' + id),
    api('GET', '/api/items?kind=policy&status=published&size=100')
  ]).then(function (r) {
    render(editorState(root, session, { catalogue: r[0], departments: r[1], groups: r[2], policies: r[4].items }, r[3]));
  });
}

function editorState(root, session, lists, item) {
  var pending = item && item.review && item.review.pending;
  // A published item is edited as a change for review; the change already waiting is what we continue.
  var model = item ? inputOf(pending ? pending.content : item) : blank(session.me);
  model.version = item ? item.version : null;
  return { root: root, me: session.me, lists: lists, item: item, model: model, preview: previewPane(), form: null, previewTimer: null };
}

function clone(o) {
  return JSON.parse(JSON.stringify(o));
}

function blank(me) {
  return { kind: 'notice', title: '', summary: '', body: '', bodyFormat: 'text', department: me.department || '',
    category: 'notices', tags: [], lifeEvents: [], enterpriseStages: [], targetGroups: [], priority: 50 };
}

var INPUT_FIELDS = ['kind', 'title', 'summary', 'body', 'bodyFormat', 'department', 'category', 'lifeEvents',
  'enterpriseStages', 'tags', 'sourceUrl', 'publishStart', 'publishEnd', 'priority', 'durationSeconds', 'schedule',
  'targetGroups', 'guide', 'policy', 'interpretation', 'alert'];

/** The fields of an item (or of a change under review) that a save sends. */
export function inputOf(item) {
  var m = {};
  INPUT_FIELDS.forEach(function (f) { if (item[f] !== undefined && item[f] !== null) m[f] = clone(item[f]); });
  return m;
}

function render(ed) {
  var item = ed.item;
  ed.form = el('form', { className: 'editor-form', novalidate: 'novalidate' });
  ed.form.addEventListener('submit', function (e) { e.preventDefault(); });
  ed.form.addEventListener('input', function () { changed(ed); });
  ed.form.addEventListener('change', function () { changed(ed); });
  var title = item ? tr('编辑：', 'Edit: ') + item.title : tr('新建内容', 'New item');
  var head = el('div', { className: 'view-head' }, [el('h3', { text: title }), item ? statusBadge(item.status) : null,
    el('a', { href: '#/items', className: 'btn', text: tr('返回列表', 'Back to the list') })]);
  clear(ed.root).appendChild(head);
  ed.root.appendChild(banner(item));
  ed.root.appendChild(el('div', { className: 'editor' }, [ed.form, ed.preview.node]));
  if (item) ed.root.appendChild(historyPanel(item.id));
  fillForm(ed);
  changed(ed);
}

function banner(item) {
  var pending = item && item.review && item.review.pending;
  var lines = [];
  if (item && item.status === 'returned' && item.review.returnReason) {
    lines.push(tr('审核退回：', 'Returned by the reviewer: ') + item.review.returnReason);
  }
  if (pending && pending.returnReason && pending.status === 'returned') {
    lines.push(tr('修改被退回：', 'The change was returned: ') + pending.returnReason);
  }
  if (item && item.status === 'published') {
    lines.push(pending ? tr('以下是待审核的修改（' + statusName(pending.status) + '）；屏幕上仍显示已发布的版本。',
      'Below is the change under review (' + pending.status + '); screens keep showing the published version.')
      : tr('修改已发布的内容会生成新版本，审核通过前屏幕上仍显示当前版本。',
        'Changing a published item makes a new version; screens keep the current one until it is approved.'));
  }
  return el('div', { className: lines.length ? 'banner' : 'banner empty' }, lines.map(function (l) { return el('p', { text: l }); }));
}

// ------------------------------------------------------------------ form

function fillForm(ed) {
  var m = ed.model;
  var f = clear(ed.form);
  f.appendChild(el('p', { className: 'form-error', role: 'alert' }));
  var basics = section(tr('基本信息', 'Basics'));
  var kind = select(codeOptions('kind'), m.kind);
  kind.disabled = !!ed.item;
  kind.addEventListener('change', function () {
    m.kind = kind.value;
    ['guide', 'policy', 'interpretation', 'alert'].forEach(function (k) { if (k !== m.kind) delete m[k]; });
    fillForm(ed);
  });
  basics.appendChild(field(tr('类型', 'Kind'), kind, 'kind'));
  basics.appendChild(bound(m, 'title', field(tr('标题', 'Title'), el('input', { maxlength: 500 }), 'title')));
  basics.appendChild(bound(m, 'summary', field(tr('摘要（屏幕上显示）', 'Summary (shown on screens)'), el('textarea', { rows: 2, maxlength: 2000 }), 'summary')));
  basics.appendChild(bound(m, 'body', field(tr('正文（空行分段，“- ”开头为列表）', 'Body (blank line between paragraphs, "- " for lists)'), el('textarea', { rows: 8 }), 'body')));
  var depts = ed.lists.departments.map(function (d) { return { value: d.code, text: named(d) }; });
  var dept = select(depts, m.department);
  if (ed.me.role === 'editor') dept.disabled = true;
  basics.appendChild(bound(m, 'department', field(tr('发布部门', 'Department'), dept, 'department')));
  var cats = ed.lists.catalogue.categories.map(function (c) { return { value: c.code, text: named(c) }; });
  basics.appendChild(bound(m, 'category', field(tr('栏目', 'Category'), select(cats, m.category), 'category')));
  basics.appendChild(boundList(m, 'tags', field(tr('标签（逗号分隔；“ticker”为滚动字幕）', 'Tags (comma separated; "ticker" scrolls along the bottom)'), el('input'), 'tags')));
  basics.appendChild(bound(m, 'sourceUrl', field(tr('原文链接（扫码打开；空则打开手机页）', 'Source URL (opened by the QR code; empty: the mobile page)'), el('input', { type: 'url' }), 'sourceUrl')));
  f.appendChild(basics);
  var details = kindSection(m, ed.lists);
  if (details) f.appendChild(details);
  f.appendChild(themesSection(m, ed.lists));
  f.appendChild(scheduleSection(m, ed.lists));
  f.appendChild(actions(ed));
}

// ------------------------------------------------------------------ saving and review actions

function actions(ed) {
  var item = ed.item;
  var me = ed.me;
  var bar = el('div', { className: 'form-actions sticky' });
  if (me.role === 'viewer' || me.role === 'disclosure') return bar; // they read content only
  bar.appendChild(button(tr('保存草稿', 'Save draft'), function () { save(ed, 'draft'); }));
  bar.appendChild(button(tr('保存并提交审核', 'Save and submit for review'), function () { save(ed, 'submitted'); }, 'primary'));
  if (item && item.status === 'published') {
    bar.appendChild(button(tr('撤回（从所有屏幕撤下）', 'Withdraw (off every screen)'), function () { withdraw(ed); }, 'danger'));
  }
  if (item && !item.publishedAt && item.status !== 'published') {
    bar.appendChild(button(tr('删除草稿', 'Delete draft'), function () { remove(ed); }, 'danger'));
  }
  return bar;
}

function changed(ed) {
  clearTimeout(ed.previewTimer);
  ed.previewTimer = setTimeout(function () {
    var groups = ed.lists.groups;
    var target = ed.model.targetGroups && ed.model.targetGroups.length ? ed.model.targetGroups[0] : null;
    var group = groups.filter(function (g) { return g.code === target; })[0] || groups[0];
    ed.preview.update(payload(ed, 'draft'), ed.item && ed.item.id, group);
  }, 400);
}

function payload(ed, status) {
  var body = clone(ed.model);
  body.status = status;
  if (body.kind === 'guide' && body.guide) {
    ['conditions', 'legalBasis'].forEach(function (k) {
      if (body.guide[k]) body.guide[k] = body.guide[k].filter(function (s) { return s && s.trim(); });
    });
  }
  return body;
}

function save(ed, status) {
  var item = ed.item;
  clearErrors(ed.form);
  var request = item ? api('PUT', '/api/items/' + item.id, payload(ed, status)) : api('POST', '/api/items', payload(ed, status));
  return request.then(function (saved) {
    toast(status === 'submitted' ? tr('已保存并提交审核', 'Saved and submitted for review') : tr('草稿已保存', 'Draft saved'), 'ok');
    if (item && item.id === saved.id) itemEditor(ed.root, { me: ed.me }, saved.id);
    else location.hash = '#/items/' + saved.id;
  }, function (err) { showError(ed.form, err); });
}

function withdraw(ed) {
  confirmDialog(tr('撤回这条内容？', 'Withdraw this item?'), [ed.item.title,
    tr('它会立即从所有屏幕和公开页面撤下，记录会保留。', 'It leaves every screen and public page at once; its record is kept.')])
    .then(function (yes) {
      if (!yes) return;
      return api('POST', '/api/items/' + ed.item.id + '/withdraw').then(function () {
        toast(tr('已撤回', 'Withdrawn'), 'ok');
        itemEditor(ed.root, { me: ed.me }, ed.item.id);
      });
    }).catch(function (err) { showError(ed.form, err); });
}

function remove(ed) {
  confirmDialog(tr('删除这份草稿？', 'Delete this draft?'), [ed.item.title]).then(function (yes) {
    if (!yes) return;
    return api('DELETE', '/api/items/' + ed.item.id).then(function () {
      toast(tr('已删除', 'Deleted'), 'ok');
      location.hash = '#/items';
    });
  }).catch(function (err) { showError(ed.form, err); });
}

// ------------------------------------------------------------------ history

/** Who did what and when, with the text that changed (red: removed, green: added). */
export function historyPanel(itemId) {
  var box = el('section', { className: 'history' }, [el('h3', { text: tr('历史记录', 'History') })]);
  api('GET', '/api/items/' + itemId + '/history').then(function (entries) {
    entries.slice().reverse().forEach(function (e) {
      var changes = (e.changes || []).map(function (c) {
        return el('div', { className: 'change' }, [el('span', { className: 'change-field', text: fieldName(c.field) })]
          .concat(c.lines.map(function (l) {
            return el('div', { className: 'diff ' + (l.op === '+' ? 'added' : 'removed'), text: l.op + ' ' + l.text });
          })));
      });
      box.appendChild(el('div', { className: 'history-entry' }, [
        el('p', { className: 'history-head' }, [el('strong', { text: actionName(e.action) }), ' · ' + e.actor + ' · '
          + formatDate(e.at, true) + (e.version ? ' · v' + e.version : '')]),
        e.note ? el('p', { className: 'note', text: tr('理由：', 'Reason: ') + e.note }) : null
      ].concat(changes)));
    });
  }, function (err) { box.appendChild(el('p', { className: 'error', text: err.message })); });
  return box;
}
