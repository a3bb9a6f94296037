// 排期: what each screen group shows through a chosen day, resolved on the server exactly as the screens resolve
// it; and the settings a group's screens share (default duration, night hours, viewing distance).
import { el } from '../../common/dom.js';
import { tr, named } from '../../common/i18n.js';
import { kindName, levelName } from '../../common/labels.js';
import { api } from '../api.js';
import { field, select, fill, toast, onSubmit, submitButton, badge } from '../ui.js';

var DAY_MINUTES = 24 * 60;

export var view = {
  id: 'schedule',
  title: function () { return tr('排期', 'Schedule'); },
  roles: ['admin', 'reviewer', 'editor', 'viewer', 'disclosure'],
  render: function (root, session) {
    return api('GET', '/api/screen-groups').then(function (groups) {
      if (!groups.length) {
        fill(root, [el('p', { text: tr('还没有屏幕组。', 'There are no screen groups yet.') })]);
        return;
      }
      var group = select(groups.map(function (g) { return { value: g.code, text: named(g) }; }), groups[0].code);
      var date = el('input', { type: 'date' });
      var timeline = el('div', { className: 'timeline-box' });
      var settings = el('div');
      var filters = el('form', { className: 'filters' }, [field(tr('屏幕组', 'Screen group'), group, 'group'),
        field(tr('日期', 'Date'), date, 'date')]);
      filters.addEventListener('submit', function (e) { e.preventDefault(); });
      fill(root, [el('p', { className: 'hint', text: tr('所选屏幕组一天内的播放内容，按屏幕的同一规则计算（时段、优先级、预警、夜间）。',
        'What the group shows through the day, resolved by the screens\' own rules (dayparting, priority, alerts, night).') }),
        filters, timeline, settings]);
      function load() {
        var chosen = groups.filter(function (g) { return g.code === group.value; })[0];
        if (session.me.role === 'admin') fill(settings, [groupSettings(chosen)]);
        var query = date.value ? '?date=' + date.value : '';
        return api('GET', '/api/screen-groups/' + encodeURIComponent(group.value) + '/timeline' + query).then(function (t) {
          if (!date.value) date.value = t.date;
          fill(timeline, [bar(t.segments), segmentsTable(t.segments)]);
        }, function (err) { fill(timeline, [el('p', { className: 'error', text: err.message })]); });
      }
      group.addEventListener('change', load);
      date.addEventListener('change', load);
      return load();
    });
  }
};

function minutes(hhmm) {
  var p = hhmm.split(':');
  return Number(p[0]) * 60 + Number(p[1]) + (p[2] ? Number(p[2]) / 60 : 0);
}

/** The day as one bar: alerts red, items blue, nothing grey, night darker. */
function bar(segments) {
  var box = el('div', { className: 'timeline', role: 'img', 'aria-label': tr('全天播放时间线', 'The day\'s timeline') });
  segments.forEach(function (s) {
    var width = (minutes(s.to) - minutes(s.from)) / DAY_MINUTES * 100;
    var kind = s.alert ? 'alert' : s.items.length ? 'items' : 'empty';
    var segment = el('div', { className: 'segment ' + kind + (s.night ? ' night' : ''), title: s.from + '–' + s.to + ' ' + summary(s) });
    segment.style.width = width + '%'; // CSSOM: the CSP allows no inline style attributes
    box.appendChild(segment);
  });
  var ticks = el('div', { className: 'timeline-ticks' }, [0, 3, 6, 9, 12, 15, 18, 21, 24].map(function (h) {
    var tick = el('span', { text: (h < 10 ? '0' : '') + h + ':00' });
    tick.style.left = (h / 24 * 100) + '%';
    return tick;
  }));
  return el('div', null, [box, ticks]);
}

function summary(s) {
  if (s.alert) return tr('预警：', 'Alert: ') + s.alert.title;
  return s.items.length ? s.items.length + tr(' 条轮播', ' items in rotation') : tr('无内容', 'nothing');
}

function segmentsTable(segments) {
  var rows = segments.map(function (s) {
    var what = s.alert
      ? [el('span', { className: 'level-chip level-' + s.alert.level, text: levelName(s.alert.level) }), ' ' + s.alert.title]
      : s.items.length ? [el('ol', null, s.items.map(function (i) {
        return el('li', null, [el('a', { href: '#/items/' + i.id, text: i.title }),
          ' · ' + kindName(i.kind) + ' · ' + i.durationSeconds + tr(' 秒', ' s')]);
      }))] : [tr('（无内容，屏幕显示待机画面）', '(nothing: the screen shows its idle picture)')];
    var ticker = s.ticker && s.ticker.length ? el('p', { className: 'hint', text: tr('滚动字幕：', 'Ticker: ')
      + s.ticker.map(function (t) { return t.title; }).join(' ◆ ') }) : null;
    return el('tr', null, [el('td', { className: 'nowrap', text: s.from + '–' + s.to }),
      el('td', null, [s.night ? badge(tr('夜间', 'Night'), 'muted') : null]), el('td', null, what.concat([ticker]))]);
  });
  return el('div', { className: 'table-wrap' }, [el('table', null, [
    el('thead', null, [el('tr', null, [el('th', { text: tr('时段', 'Time') }), el('th', { text: '' }), el('th', { text: tr('播放内容', 'What shows') })])]),
    el('tbody', null, rows)])]);
}

function groupSettings(g) {
  function input(type, value, attrs) {
    var node = el('input', attrs || {});
    node.type = type;
    node.value = value === null || value === undefined ? '' : value;
    return node;
  }
  var sound = input('checkbox', '');
  sound.checked = g.alertSound !== false;
  var form = el('form', { className: 'form-grid two group-settings', novalidate: 'novalidate' }, [
    el('h3', { className: 'wide', text: tr('屏幕组设置：', 'Group settings: ') + named(g) }),
    el('p', { className: 'form-error', role: 'alert' }),
    field(tr('名称', 'Name'), input('text', g.name), 'name'),
    field(tr('英文名称', 'English name'), input('text', g.nameEn), 'nameEn'),
    field(tr('默认每条播放秒数', 'Default seconds per item'), input('number', g.defaultDurationSeconds, { min: 1, max: 600 }), 'defaultDurationSeconds'),
    field(tr('观看距离（米）', 'Viewing distance (m)'), input('number', g.viewingDistanceMeters, { min: 0.1, step: 0.1 }), 'viewingDistanceMeters'),
    field(tr('画面高度（米，可空）', 'Picture height (m, optional)'), input('number', g.screenHeightMeters, { min: 0.1, step: 0.01 }), 'screenHeightMeters'),
    field(tr('夜间开始', 'Night from'), input('time', g.nightStart), 'nightStart'),
    field(tr('夜间结束', 'Night until'), input('time', g.nightEnd), 'nightEnd'),
    field(tr('橙色、红色预警提示音（有扬声器的屏幕；夜间仅红色）', 'Tone for orange and red warnings (screens with speakers; at night red only)'),
      sound, 'alertSound'),
    field(tr('提示音音量（0–100）', 'Tone volume (0–100)'), input('number', g.alertVolume === undefined ? 60 : g.alertVolume, { min: 0, max: 100, step: 1 }), 'alertVolume'),
    field(tr('触摸屏打印（本组查询机所接打印机）', 'Printing at the touchscreens (the printer attached)'), select([
      { value: 'none', text: tr('无打印机', 'No printer') },
      { value: 'receipt80', text: tr('80毫米小票打印机', '80 mm receipt printer') },
      { value: 'a4', text: tr('A4打印机', 'A4 printer') }], g.printLayout || 'none'), 'printLayout'),
    el('div', { className: 'form-actions' }, [submitButton(tr('保存设置', 'Save settings'))])]);
  return onSubmit(form, function (v) {
    var body = { name: v.name, nameEn: v.nameEn, defaultDurationSeconds: num(v.defaultDurationSeconds),
      viewingDistanceMeters: num(v.viewingDistanceMeters), screenHeightMeters: num(v.screenHeightMeters),
      nightStart: v.nightStart, nightEnd: v.nightEnd, alertSound: v.alertSound, alertVolume: num(v.alertVolume),
      printLayout: v.printLayout };
    return api('PUT', '/api/screen-groups/' + encodeURIComponent(g.code), body).then(function (saved) {
      Object.keys(saved).forEach(function (k) { g[k] = saved[k]; });
      toast(tr('已保存，屏幕会立即更新', 'Saved; the screens update at once'), 'ok');
    });
  });
}

function num(v) {
  return v === null || v === undefined || v === '' ? null : Number(v);
}
