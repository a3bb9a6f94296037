// The content editor's building blocks: a fieldset per section, inputs bound to the model (the item being written),
// editable lists (a guide's materials and steps), check lists, and the sections every kind has: themes, schedule
// (the publish window in the display time zone, dayparting, duration, target groups).
import { el, clear } from '../common/dom.js';
import { tr, named } from '../common/i18n.js';
import { displayZone, toZoneInput, fromZoneInput } from '../common/zone.js';
import { field, select, button } from './ui.js';

var DAYS = [[1, '一', 'Mon'], [2, '二', 'Tue'], [3, '三', 'Wed'], [4, '四', 'Thu'], [5, '五', 'Fri'], [6, '六', 'Sat'], [7, '日', 'Sun']];

export function section(title) {
  return el('fieldset', { className: 'form-section' }, [el('legend', { text: title })]);
}

/** Keeps model[key] in step with the input inside the field; parse and show convert between the two when given. */
export function bound(model, key, fieldNode, parse, show) {
  var input = fieldNode.querySelector('input, select, textarea');
  var value = model[key];
  input.value = show ? show(value) : value === null || value === undefined ? '' : value;
  input.addEventListener(input.tagName === 'SELECT' ? 'change' : 'input', function () {
    var v = parse ? parse(input.value) : (input.value === '' ? null : input.value);
    if (v === null || v === undefined) delete model[key]; else model[key] = v;
  });
  return fieldNode;
}

export function boundList(model, key, fieldNode) {
  var input = fieldNode.querySelector('input');
  input.value = (model[key] || []).join(', ');
  input.addEventListener('input', function () {
    model[key] = input.value.split(/[,，、]/).map(function (s) { return s.trim(); }).filter(Boolean);
  });
  return fieldNode;
}

export function number(raw) {
  return raw === '' || raw === null ? null : Number(raw);
}

export function sub(model, key) {
  if (!model[key]) model[key] = {};
  return model[key];
}

/** An editable list of short texts, one input per line with add and remove. */
export function stringList(model, key, label) {
  return rowList(model[key] || (model[key] = []), label, null, 'guide.' + key);
}

/** An editable list of rows: objects with the given columns, or strings when columns is null. */
export function rowList(rows, label, columns, errorKey) {
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

export function themesSection(m, lists) {
  var s = section(tr('主题与场景', 'Themes'));
  s.appendChild(checkList(m, 'lifeEvents', tr('个人生命周期', 'Life events'), lists.catalogue.lifeEvents));
  s.appendChild(checkList(m, 'enterpriseStages', tr('企业生命周期', 'Enterprise stages'), lists.catalogue.enterpriseStages));
  return s;
}

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

// 开始时间（北京时间）: the publish window is typed in the display time zone, whatever zone this computer is in; staff
// know China's as 北京时间, any other by its name (开始时间（Europe/Berlin 时间）).
function zoneLabel(zh, en) {
  var zone = displayZone() || Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (zone === 'Asia/Shanghai') return tr(zh + '（北京时间）', en + ' (Beijing time)');
  return tr(zh + '（' + zone + ' 时间）', en + ' (' + zone + ' time)');
}

export function scheduleSection(m, lists) {
  var s = section(tr('排期', 'Schedule'));
  s.appendChild(bound(m, 'publishStart', field(zoneLabel('开始时间', 'Start'), el('input', { type: 'datetime-local' }), 'publishStart'),
    fromZoneInput, toZoneInput));
  s.appendChild(bound(m, 'publishEnd', field(zoneLabel('结束时间', 'End'), el('input', { type: 'datetime-local' }), 'publishEnd'),
    fromZoneInput, toZoneInput));
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
    .concat(lists.groups.map(function (g) {
      var box = el('input', { type: 'checkbox', checked: groups.indexOf(g.code) >= 0 ? 'checked' : null });
      box.addEventListener('change', function () {
        var at = groups.indexOf(g.code);
        if (box.checked && at < 0) groups.push(g.code);
        if (!box.checked && at >= 0) groups.splice(at, 1);
      });
      return el('label', { className: 'check' }, [box, named(g)]);
    })).concat([el('span', { className: 'field-error', 'data-error-for': 'targetGroups' })])));
  return s;
}
