// The content editor: every item kind with its fields (guides' materials and steps as editable lists), category,
// tags, publish window, dayparting, duration and target groups, next to the live preview and the item's history.
import { el, clear, formatDate } from '../common/dom.js';
import { tr, named } from '../common/i18n.js';
import { codeOptions } from '../common/render-item.js';
import { api } from './api.js';
import { field, select, button, toast, showError, clearErrors, confirmDialog } from './ui.js';
import { statusBadge, statusName, actionName, fieldName, hazardName, HAZARDS, toLocalInput, fromLocalInput }
  from './content-labels.js';
import { previewPane } from './preview.js';

var DAYS = [[1, '一', 'Mon'], [2, '二', 'Tue'], [3, '三', 'Wed'], [4, '四', 'Thu'], [5, '五', 'Fri'], [6, '六', 'Sat'], [7, '日', 'Sun']];

/** Opens the editor in root for item id, or for a new item when id is 'new'. */
export function itemEditor(root, session, id) {
  var isNew = id === 'new';
  return Promise.all([
    api('GET', '/api/categories'), api('GET', '/api/departments'), api('GET', '/api/screen-groups'),
    isNew ? Promise.resolve(null) : api('GET', '/api/items/' + id),
    api('GET', '/api/items?kind=policy&status=published&size=100')
  ]).then(function (r) {
    new Editor(root, session, { catalogue: r[0], departments: r[1], groups: r[2], policies: r[4].items }, r[3]).render();
  });
}

function Editor(root, session, lists, item) {
  this.root = root;
  this.me = session.me;
  this.lists = lists;
  this.item = item;
  var pending = item && item.review && item.review.pending;
  // A published item is edited as a change for review; the change already waiting is what we continue.
  this.model = item ? inputOf(pending ? pending.content : item) : blank(this.me);
  this.model.version = item ? item.version : null;
  this.preview = previewPane();
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

Editor.prototype.render = function () {
  var self = this;
  var item = this.item;
  this.form = el('form', { className: 'editor-form', novalidate: 'novalidate' });
  this.form.addEventListener('submit', function (e) { e.preventDefault(); });
  this.form.addEventListener('input', function () { self.changed(); });
  this.form.addEventListener('change', function () { self.changed(); });
  var title = item ? tr('编辑：', 'Edit: ') + item.title : tr('新建内容', 'New item');
  var head = el('div', { className: 'view-head' }, [el('h3', { text: title }), item ? statusBadge(item.status) : null,
    el('a', { href: '#/items', className: 'btn', text: tr('返回列表', 'Back to the list') })]);
  clear(this.root).appendChild(head);
  this.root.appendChild(this.banner());
  this.root.appendChild(el('div', { className: 'editor' }, [this.form, this.preview.node]));
  if (item) this.root.appendChild(historyPanel(item.id));
  this.fillForm();
  this.changed();
};

Editor.prototype.banner = function () {
  var item = this.item;
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
};

// ------------------------------------------------------------------ form

Editor.prototype.fillForm = function () {
  var m = this.model;
  var self = this;
  var f = clear(this.form);
  f.appendChild(el('p', { className: 'form-error', role: 'alert' }));
  var basics = section(tr('基本信息', 'Basics'));
  var kind = select(codeOptions('kind'), m.kind);
  kind.disabled = !!this.item;
  kind.addEventListener('change', function () {
    m.kind = kind.value;
    ['guide', 'policy', 'interpretation', 'alert'].forEach(function (k) { if (k !== m.kind) delete m[k]; });
    self.fillForm();
  });
  basics.appendChild(field(tr('类型', 'Kind'), kind, 'kind'));
  basics.appendChild(bound(m, 'title', field(tr('标题', 'Title'), el('input', { maxlength: 500 }), 'title')));
  basics.appendChild(bound(m, 'summary', field(tr('摘要（屏幕上显示）', 'Summary (shown on screens)'), el('textarea', { rows: 2, maxlength: 2000 }), 'summary')));
  basics.appendChild(bound(m, 'body', field(tr('正文（空行分段，“- ”开头为列表）', 'Body (blank line between paragraphs, "- " for lists)'), el('textarea', { rows: 8 }), 'body')));
  var depts = this.lists.departments.map(function (d) { return { value: d.code, text: named(d) }; });
  var dept = select(depts, m.department);
  if (this.me.role === 'editor') dept.disabled = true;
  basics.appendChild(bound(m, 'department', field(tr('发布部门', 'Department'), dept, 'department')));
  var cats = this.lists.catalogue.categories.map(function (c) { return { value: c.code, text: named(c) }; });
  basics.appendChild(bound(m, 'category', field(tr('栏目', 'Category'), select(cats, m.category), 'category')));
  basics.appendChild(boundList(m, 'tags', field(tr('标签（逗号分隔；“ticker”为滚动字幕）', 'Tags (comma separated; "ticker" scrolls along the bottom)'), el('input'), 'tags')));
  basics.appendChild(bound(m, 'sourceUrl', field(tr('原文链接（扫码打开；空则打开手机页）', 'Source URL (opened by the QR code; empty: the mobile page)'), el('input', { type: 'url' }), 'sourceUrl')));
  f.appendChild(basics);
  var details = { guide: guideSection, policy: policySection, interpretation: interpretationSection, alert: alertSection }[m.kind];
  if (details) f.appendChild(details.call(this, m));
  f.appendChild(this.themesSection(m));
  f.appendChild(this.scheduleSection(m));
  f.appendChild(this.actions());
};

function section(title) {
  return el('fieldset', { className: 'form-section' }, [el('legend', { text: title })]);
}

/** Keeps model[key] in step with the input inside the field; parse and show convert between the two when given. */
function bound(model, key, fieldNode, parse, show) {
  var input = fieldNode.querySelector('input, select, textarea');
  var value = model[key];
  input.value = show ? show(value) : value === null || value === undefined ? '' : value;
  input.addEventListener(input.tagName === 'SELECT' ? 'change' : 'input', function () {
    var v = parse ? parse(input.value) : (input.value === '' ? null : input.value);
    if (v === null || v === undefined) delete model[key]; else model[key] = v;
  });
  return fieldNode;
}

function boundList(model, key, fieldNode) {
  var input = fieldNode.querySelector('input');
  input.value = (model[key] || []).join(', ');
  input.addEventListener('input', function () {
    model[key] = input.value.split(/[,，、]/).map(function (s) { return s.trim(); }).filter(Boolean);
  });
  return fieldNode;
}

function number(raw) {
  return raw === '' || raw === null ? null : Number(raw);
}

function sub(model, key) {
  if (!model[key]) model[key] = {};
  return model[key];
}

function guideSection(m) {
  var g = sub(m, 'guide');
  var s = section(tr('办事指南', 'Office guide'));
  s.appendChild(bound(g, 'implementingBody', field(tr('实施主体', 'Implementing body'), el('input'), 'guide.implementingBody')));
  s.appendChild(bound(g, 'applicants', field(tr('申请对象', 'Who may apply'), el('input'), 'guide.applicants')));
  s.appendChild(stringList(g, 'conditions', tr('受理条件', 'Conditions')));
  s.appendChild(rowList(g.materials || (g.materials = []), tr('申请材料', 'Materials'), [
    { key: 'name', label: tr('材料名称', 'Name') },
    { key: 'form', label: tr('形式', 'Form'), options: codeOptions('materialForm') },
    { key: 'originals', label: tr('原件份数', 'Originals'), type: 'number' },
    { key: 'copies', label: tr('复印件份数', 'Copies'), type: 'number' },
    { key: 'format', label: tr('载体', 'Format'), options: codeOptions('materialFormat') }],
    'guide.materials'));
  s.appendChild(rowList(g.steps || (g.steps = []), tr('办理流程', 'Steps'), [
    { key: 'name', label: tr('环节', 'Step') }, { key: 'description', label: tr('说明', 'Description') }], 'guide.steps'));
  s.appendChild(rowList(g.fees || (g.fees = []), tr('收费', 'Fees'), [
    { key: 'item', label: tr('收费项目', 'Item') }, { key: 'standard', label: tr('标准', 'Amount') }], 'guide.fees'));
  s.appendChild(bound(g, 'statutoryDays', field(tr('法定时限（工作日）', 'Statutory limit (working days)'), el('input', { type: 'number', min: 0 }), 'guide.statutoryDays'), number));
  s.appendChild(bound(g, 'promisedDays', field(tr('承诺时限（工作日）', 'Promised (working days)'), el('input', { type: 'number', min: 0 }), 'guide.promisedDays'), number));
  s.appendChild(bound(g, 'visits', field(tr('到现场次数', 'Visits needed'), el('input', { type: 'number', min: 0 }), 'guide.visits'), number));
  var place = sub(g, 'place');
  s.appendChild(bound(place, 'hall', field(tr('办理地点', 'Hall'), el('input'), 'guide.place.hall')));
  s.appendChild(bound(place, 'window', field(tr('窗口', 'Window'), el('input'), 'guide.place.window')));
  s.appendChild(bound(g, 'hours', field(tr('办理时间', 'Opening hours'), el('input'), 'guide.hours')));
  s.appendChild(bound(g, 'phone', field(tr('咨询电话', 'Phone'), el('input'), 'guide.phone')));
  s.appendChild(bound(g, 'complaintsPhone', field(tr('监督投诉电话', 'Complaints phone'), el('input'), 'guide.complaintsPhone')));
  s.appendChild(stringList(g, 'legalBasis', tr('设定依据', 'Legal basis')));
  return s;
}

function policySection(m) {
  var p = sub(m, 'policy');
  var s = section(tr('政策文件', 'Policy'));
  s.appendChild(bound(p, 'issuingBody', field(tr('发文机关', 'Issuing body'), el('input'), 'policy.issuingBody')));
  s.appendChild(bound(p, 'documentNumber', field(tr('发文字号', 'Document number'), el('input'), 'policy.documentNumber')));
  s.appendChild(bound(p, 'indexNumber', field(tr('索引号', 'Index number'), el('input'), 'policy.indexNumber')));
  s.appendChild(bound(p, 'subject', field(tr('主题分类', 'Subject'), el('input'), 'policy.subject')));
  s.appendChild(bound(p, 'writtenDate', field(tr('成文日期', 'Written'), el('input', { type: 'date' }), 'policy.writtenDate')));
  s.appendChild(bound(p, 'publishedDate', field(tr('发布日期', 'Published'), el('input', { type: 'date' }), 'policy.publishedDate')));
  return s;
}

function interpretationSection(m) {
  var i = sub(m, 'interpretation');
  var s = section(tr('政策解读', 'Interpretation'));
  var policies = [{ value: '', text: tr('请选择', 'Choose') }].concat(this.lists.policies.map(function (p) {
    return { value: p.id, text: p.title };
  }));
  s.appendChild(bound(i, 'policyId', field(tr('所解读的政策', 'Policy interpreted'), select(policies, i.policyId), 'interpretation.policyId'), number));
  s.appendChild(bound(i, 'form', field(tr('解读形式', 'Form'), select(codeOptions('interpretationForm'), i.form || 'text'), 'interpretation.form')));
  s.appendChild(bound(i, 'interpreter', field(tr('解读人', 'Interpreter'), el('input'), 'interpretation.interpreter')));
  return s;
}

function alertSection(m) {
  var a = sub(m, 'alert');
  if (!a.level) a.level = 'yellow';
  var s = section(tr('预警', 'Alert'));
  s.appendChild(bound(a, 'level', field(tr('级别', 'Level'), select(codeOptions('alertLevel'), a.level), 'alert.level')));
  s.appendChild(bound(a, 'hazard', field(tr('灾种', 'Hazard'), select(HAZARDS.map(function (h) { return { value: h, text: hazardName(h) }; }), a.hazard || 'other'), 'alert.hazard')));
  s.appendChild(bound(a, 'area', field(tr('影响区域', 'Area'), el('input'), 'alert.area')));
  s.appendChild(bound(a, 'issuer', field(tr('发布单位', 'Issued by'), el('input'), 'alert.issuer')));
  return s;
}

/** An editable list of short texts, one input per line with add and remove. */
function stringList(model, key, label) {
  return rowList(model[key] || (model[key] = []), label, null, 'guide.' + key);
}

/** An editable list of rows: objects with the given columns, or strings when columns is null. */
function rowList(rows, label, columns, errorKey) {
  var box = el('div', { className: 'row-list', 'data-list': errorKey });
  function draw() {
    clear(box);
    box.appendChild(el('div', { className: 'row-list-head' }, [el('span', { text: label }),
      button(tr('添加', 'Add'), function () { rows.push(columns ? {} : ''); draw(); }, 'small')]));
    rows.forEach(function (row, index) {
      var inputs = columns ? columns.map(function (c) { return cellInput(row, c); }) : [stringInput(rows, index)];
      var remove = button('×', function () {
        rows.splice(index, 1);
        draw();
        box.dispatchEvent(new Event('input', { bubbles: true }));
      }, 'icon');
      remove.setAttribute('aria-label', tr('删除这一行', 'Remove this row'));
      box.appendChild(el('div', { className: 'row' }, inputs.concat([remove])));
    });
    box.appendChild(el('span', { className: 'field-error', 'data-error-for': errorKey }));
  }
  draw();
  return box;
}

function stringInput(rows, index) {
  var input = el('input', { 'aria-label': String(index + 1) });
  input.value = rows[index] || '';
  input.addEventListener('input', function () { rows[index] = input.value; });
  return input;
}

function cellInput(row, c) {
  var input = c.options ? select([{ value: '', text: '' }].concat(c.options), row[c.key])
    : el('input', { type: c.type || 'text', placeholder: c.label, 'aria-label': c.label });
  if (!c.options) input.value = row[c.key] === undefined || row[c.key] === null ? '' : row[c.key];
  input.addEventListener(c.options ? 'change' : 'input', function () {
    var v = input.value === '' ? null : c.type === 'number' ? Number(input.value) : input.value;
    if (v === null) delete row[c.key]; else row[c.key] = v;
  });
  return input;
}

Editor.prototype.themesSection = function (m) {
  var s = section(tr('主题与场景', 'Themes'));
  s.appendChild(checkList(m, 'lifeEvents', tr('个人生命周期', 'Life events'), this.lists.catalogue.lifeEvents));
  s.appendChild(checkList(m, 'enterpriseStages', tr('企业生命周期', 'Enterprise stages'), this.lists.catalogue.enterpriseStages));
  return s;
};

function checkList(model, key, label, entries) {
  if (!model[key]) model[key] = [];
  var chosen = model[key];
  return el('div', { className: 'check-list', role: 'group', 'aria-label': label }, [el('span', { className: 'label', text: label })]
    .concat(entries.map(function (e) {
      var box = el('input', { type: 'checkbox', value: e.code, checked: chosen.indexOf(e.code) >= 0 ? 'checked' : null });
      box.addEventListener('change', function () {
        var at = chosen.indexOf(e.code);
        if (box.checked && at < 0) chosen.push(e.code);
        if (!box.checked && at >= 0) chosen.splice(at, 1);
      });
      return el('label', { className: 'check' }, [box, named(e)]);
    })).concat([el('span', { className: 'field-error', 'data-error-for': key })]));
}

Editor.prototype.scheduleSection = function (m) {
  var s = section(tr('排期', 'Schedule'));
  s.appendChild(bound(m, 'publishStart', field(tr('开始时间（北京时间）', 'Start (Beijing time)'), el('input', { type: 'datetime-local' }), 'publishStart'),
    fromLocalInput, toLocalInput));
  s.appendChild(bound(m, 'publishEnd', field(tr('结束时间（北京时间）', 'End (Beijing time)'), el('input', { type: 'datetime-local' }), 'publishEnd'),
    fromLocalInput, toLocalInput));
  s.appendChild(bound(m, 'priority', field(tr('优先级（0–100，高者先播）', 'Priority (0–100, higher first)'), el('input', { type: 'number', min: 0, max: 100 }), 'priority'), number));
  s.appendChild(bound(m, 'durationSeconds', field(tr('每次播放秒数（空则用屏幕组默认）', 'Seconds on screen (empty: the group default)'), el('input', { type: 'number', min: 1, max: 600 }), 'durationSeconds'), number));
  var schedule = m.schedule || { days: [], hours: [] };
  var days = schedule.days || [];
  s.appendChild(el('div', { className: 'check-list', role: 'group' }, [el('span', { className: 'label', text: tr('播放日（不选为每天）', 'Days (none: every day)') })]
    .concat(DAYS.map(function (d) {
      var box = el('input', { type: 'checkbox', checked: days.indexOf(d[0]) >= 0 ? 'checked' : null });
      box.addEventListener('change', function () {
        days = days.filter(function (x) { return x !== d[0]; });
        if (box.checked) days.push(d[0]);
        days.sort();
        setSchedule();
      });
      return el('label', { className: 'check' }, [box, tr('周' + d[1], d[2])]);
    }))));
  var hours = el('input', { placeholder: '08:00-12:00, 14:00-17:30' });
  hours.value = (schedule.hours || []).map(function (h) { return h.from + '-' + h.to; }).join(', ');
  hours.addEventListener('input', setSchedule);
  s.appendChild(field(tr('播放时段（空为全天）', 'Hours (empty: all day)'), hours, 'schedule'));
  function setSchedule() {
    var ranges = hours.value.split(/[,，]/).map(function (r) { return r.trim(); }).filter(Boolean).map(function (r) {
      var parts = r.split(/\s*[-–~至]\s*/);
      return { from: parts[0], to: parts[1] || '' };
    });
    if (!days.length && !ranges.length) delete m.schedule; else m.schedule = { days: days.slice(), hours: ranges };
  }
  var groups = m.targetGroups;
  s.appendChild(el('div', { className: 'check-list', role: 'group' }, [el('span', { className: 'label', text: tr('屏幕组（不选为全部）', 'Screen groups (none: all)') })]
    .concat(this.lists.groups.map(function (g) {
      var box = el('input', { type: 'checkbox', checked: groups.indexOf(g.code) >= 0 ? 'checked' : null });
      box.addEventListener('change', function () {
        var at = groups.indexOf(g.code);
        if (box.checked && at < 0) groups.push(g.code);
        if (!box.checked && at >= 0) groups.splice(at, 1);
      });
      return el('label', { className: 'check' }, [box, named(g)]);
    })).concat([el('span', { className: 'field-error', 'data-error-for': 'targetGroups' })])));
  return s;
};

// ------------------------------------------------------------------ saving and review actions

Editor.prototype.actions = function () {
  var self = this;
  var item = this.item;
  var me = this.me;
  var bar = el('div', { className: 'form-actions sticky' });
  if (me.role === 'viewer' || me.role === 'disclosure') return bar; // they read content only
  bar.appendChild(button(tr('保存草稿', 'Save draft'), function () { self.save('draft'); }));
  bar.appendChild(button(tr('保存并提交审核', 'Save and submit for review'), function () { self.save('submitted'); }, 'primary'));
  if (item && item.status === 'published') {
    bar.appendChild(button(tr('撤回（从所有屏幕撤下）', 'Withdraw (off every screen)'), function () { self.withdraw(); }, 'danger'));
  }
  if (item && !item.publishedAt && item.status !== 'published') {
    bar.appendChild(button(tr('删除草稿', 'Delete draft'), function () { self.remove(); }, 'danger'));
  }
  return bar;
};

Editor.prototype.changed = function () {
  var self = this;
  clearTimeout(this.previewTimer);
  this.previewTimer = setTimeout(function () {
    var groups = self.lists.groups;
    var target = self.model.targetGroups && self.model.targetGroups.length ? self.model.targetGroups[0] : null;
    var group = groups.filter(function (g) { return g.code === target; })[0] || groups[0];
    self.preview.update(self.payload('draft'), self.item && self.item.id, group);
  }, 400);
};

Editor.prototype.payload = function (status) {
  var body = clone(this.model);
  body.status = status;
  if (body.kind === 'guide' && body.guide) {
    ['conditions', 'legalBasis'].forEach(function (k) {
      if (body.guide[k]) body.guide[k] = body.guide[k].filter(function (s) { return s && s.trim(); });
    });
  }
  return body;
};

Editor.prototype.save = function (status) {
  var self = this;
  var item = this.item;
  clearErrors(this.form);
  var request = item ? api('PUT', '/api/items/' + item.id, this.payload(status)) : api('POST', '/api/items', this.payload(status));
  return request.then(function (saved) {
    toast(status === 'submitted' ? tr('已保存并提交审核', 'Saved and submitted for review') : tr('草稿已保存', 'Draft saved'), 'ok');
    if (item && item.id === saved.id) itemEditor(self.root, { me: self.me }, saved.id);
    else location.hash = '#/items/' + saved.id;
  }, function (err) { showError(self.form, err); });
};

Editor.prototype.withdraw = function () {
  var self = this;
  confirmDialog(tr('撤回这条内容？', 'Withdraw this item?'), [this.item.title,
    tr('它会立即从所有屏幕和公开页面撤下，记录会保留。', 'It leaves every screen and public page at once; its record is kept.')])
    .then(function (yes) {
      if (!yes) return;
      return api('POST', '/api/items/' + self.item.id + '/withdraw').then(function () {
        toast(tr('已撤回', 'Withdrawn'), 'ok');
        itemEditor(self.root, { me: self.me }, self.item.id);
      });
    }).catch(function (err) { showError(self.form, err); });
};

Editor.prototype.remove = function () {
  var self = this;
  confirmDialog(tr('删除这份草稿？', 'Delete this draft?'), [this.item.title]).then(function (yes) {
    if (!yes) return;
    return api('DELETE', '/api/items/' + self.item.id).then(function () {
      toast(tr('已删除', 'Deleted'), 'ok');
      location.hash = '#/items';
    });
  }).catch(function (err) { showError(self.form, err); });
};

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
