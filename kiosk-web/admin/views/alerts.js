// 预警: compose an emergency alert from a template, confirm, issue it to all or chosen screens at once; see who
// issued each one and clear it (解除) when the danger has passed.
import { el, formatDate } from '../../common/dom.js';
import { tr, named } from '../../common/i18n.js';
import { api } from '../api.js';
import { table, field, select, button, badge, fill, toast, confirmDialog, showError, clearErrors } from '../ui.js';
import { hazardName } from '../content-labels.js';
import { levelName, codeOptions } from '../../common/labels.js';
import { ended } from '../../common/playlist.js';
import { previewPane } from '../preview.js';

// Each template carries how long its alert stays up unless cleared first (有效时长, hours). Chinese weather warning
// signals (气象灾害预警信号发布与传播办法, 中国气象局令第16号, 2007) forecast the hazard within a window and stay in
// force until the observatory lifts or changes them, so the default must outlast the hazard rather than end in the
// middle of it: staff clear the alert (解除预警) when the signal is lifted.
//   typhoon 48 h: blue and yellow signals forecast arrival within 24 h (orange 12 h, red 6 h), and the gales and
//     rain of a typhoon passing a county last about another day;
//   rainstorm 12 h: the blue signal's window is 12 h (yellow 6 h, orange and red 3 h, each reissued while it rains);
//   heat 72 h at yellow (35 ℃ or more on three days running), 24 h at orange and red (37 ℃ / 40 ℃ within 24 h);
//   flood 24 h: a flood crest passes a county's reach of river in about a day, and the flood office reissues;
//   public health 72 h: such notices hold for days; reissue or clear them as the health office decides.
var TEMPLATES = {
  typhoon: { issuer: '县气象台', hours: 48, text: ['预计24小时内可能受台风影响。请关好门窗，加固围板、棚架、广告牌等易被风吹动的搭建物，切勿随意外出，远离危险地带。',
    'A typhoon may arrive within 24 hours. Close windows, secure loose structures, stay indoors and away from danger.'] },
  rainstorm: { issuer: '县气象台', hours: 12, text: ['预计将出现强降雨。请避免前往低洼、山区等危险地带，注意防范城乡积涝和山洪、地质灾害，驾车注意安全。',
    'Heavy rain is expected. Avoid low-lying and mountain areas, beware of flooding and landslides, drive with care.'] },
  flood: { issuer: '县防汛抗旱指挥部办公室', hours: 24, text: ['河道水位持续上涨。沿河低洼地区群众请注意安全，服从安排，及时转移。',
    'River levels are rising. People in low-lying riverside areas: follow instructions and move to safety in time.'] },
  heat: { issuer: '县气象台', hours: 72, levelHours: { orange: 24, red: 24 }, text: ['预计最高气温将达35℃以上。请减少户外活动，注意防暑降温，老人、儿童和户外作业人员尤需注意。',
    'Temperatures above 35 °C are expected. Limit outdoor activity and keep cool; take special care of the elderly and children.'] },
  public_health: { issuer: '县卫生健康局', hours: 72, text: ['请做好个人防护，出现相关症状请及时就医，关注官方发布的权威信息，不信谣、不传谣。',
    'Protect yourself, see a doctor if you have symptoms, and follow official information only.'] }
};

/** The template's validity at the level, in hours. */
function templateHours(hazard, level) {
  var t = TEMPLATES[hazard];
  return (t.levelHours && t.levelHours[level]) || t.hours;
}

export var view = {
  id: 'alerts',
  title: function () { return tr('预警', 'Alerts'); },
  roles: ['admin', 'reviewer'],
  render: function (root, session) {
    return Promise.all([api('GET', '/api/screen-groups'), api('GET', '/api/departments'), api('GET', '/api/alerts/policy'),
      api('GET', '/api/items?kind=alert&size=50')]).then(function (r) {
      var list = el('div');
      fill(root, [composer(session, r[0], r[1], r[2], function () { refresh(list); }), el('h3', { text: tr('预警记录', 'Alerts') }), list]);
      showList(list, r[3].items);
    });
  }
};

function refresh(list) {
  return api('GET', '/api/items?kind=alert&size=50').then(function (r) { showList(list, r.items); });
}

function composer(session, groups, departments, policy, issued) {
  var hazard = select(Object.keys(TEMPLATES).map(function (h) { return { value: h, text: hazardName(h) }; }), 'rainstorm');
  var level = select(codeOptions('alertLevel'), 'yellow');
  var area = el('input', { value: '全县' });
  var title = el('input', { maxlength: 500 });
  var summary = el('textarea', { rows: 3 });
  var issuer = el('input');
  var hours = el('input', { type: 'number', min: 1, max: 168, value: templateHours('rainstorm', 'yellow') });
  // The department from alerts.defaultDepartment; without one, staff choose (a wrong guess would sign the alert
  // with another department's name).
  var dept = select([{ value: '', text: tr('请选择发布部门', 'Choose the department') }]
    .concat(departments.map(function (d) { return { value: d.code, text: named(d) }; })), policy.defaultDepartment || '');
  var all = el('input', { type: 'checkbox', checked: 'checked' });
  var groupBoxes = groups.map(function (g) { return { code: g.code, box: el('input', { type: 'checkbox', disabled: 'disabled' }), name: named(g) }; });
  var preview = previewPane();
  var edited = false;
  var hoursEdited = false;
  function fillTemplate() {
    var t = TEMPLATES[hazard.value];
    if (!edited) {
      title.value = area.value + hazardName(hazard.value) + levelName(level.value) + tr('预警', ' warning');
      summary.value = tr(t.text[0], t.text[1]);
    }
    if (!hoursEdited) hours.value = templateHours(hazard.value, level.value);
    issuer.value = t.issuer;
  }
  function input(status) {
    var now = Date.now();
    return {
      kind: 'alert', title: title.value, summary: summary.value, department: dept.value, category: 'emergency',
      status: status, publishStart: new Date(now - 60000).toISOString(), publishEnd: new Date(now + Number(hours.value || 0) * 3600000).toISOString(),
      priority: 100, targetGroups: all.checked ? [] : groupBoxes.filter(function (g) { return g.box.checked; }).map(function (g) { return g.code; }),
      alert: { level: level.value, hazard: hazard.value, area: area.value, issuer: issuer.value }
    };
  }
  var form = el('form', { className: 'form-grid alert-composer', novalidate: 'novalidate' }, [
    el('p', { className: 'form-error', role: 'alert' }),
    field(tr('模板（灾种）', 'Template (hazard)'), hazard, 'alert.hazard'), field(tr('级别', 'Level'), level, 'alert.level'),
    field(tr('影响区域', 'Area'), area, 'alert.area'), field(tr('标题', 'Title'), title, 'title'),
    field(tr('防御指引', 'What to do'), summary, 'summary'), field(tr('发布单位', 'Issued by'), issuer, 'alert.issuer'),
    field(tr('发布部门', 'Department'), dept, 'department'), field(tr('有效时长（小时）', 'Valid for (hours)'), hours, 'publishEnd'),
    el('div', { className: 'check-list', role: 'group' }, [el('label', { className: 'check' }, [all, tr('全部屏幕', 'All screens')])]
      .concat(groupBoxes.map(function (g) { return el('label', { className: 'check' }, [g.box, g.name]); }))
      .concat([el('span', { className: 'field-error', 'data-error-for': 'targetGroups' })])),
    el('p', { className: 'hint', text: policy.secondApprover
      ? tr('本系统要求第二位审核人批准后预警才会显示。', 'Here an alert shows only after a second reviewer approves it.')
      : tr('签发后立即显示在目标屏幕上（无需第二人批准）。', 'Issued alerts show on the target screens at once (no second approver).') }),
    el('div', { className: 'form-actions' }, [el('button', { type: 'submit', className: 'btn btn-danger', text: policy.secondApprover ? tr('提交预警待批准', 'Submit for approval') : tr('签发预警', 'Issue alert') })])]);
  all.addEventListener('change', function () { groupBoxes.forEach(function (g) { g.box.disabled = all.checked; }); });
  [hazard, level, area].forEach(function (n) { n.addEventListener('change', fillTemplate); });
  [title, summary].forEach(function (n) { n.addEventListener('input', function () { edited = true; }); });
  hours.addEventListener('input', function () { hoursEdited = true; });
  ['input', 'change'].forEach(function (event) {
    form.addEventListener(event, function () { preview.update(input('draft'), null, groups[0]); });
  });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    clearErrors(form);
    var body = input(policy.secondApprover ? 'submitted' : 'published');
    if (!body.department) {
      showError(form, { field: 'department', message: tr('请选择发布部门', 'Choose the department') });
      return;
    }
    var targets = body.targetGroups.length ? groupBoxes.filter(function (g) { return g.box.checked; }).map(function (g) { return g.name; }).join('、') : tr('全部屏幕', 'all screens');
    var department = departments.filter(function (d) { return d.code === body.department; })[0];
    confirmDialog(tr('确认签发预警？', 'Issue this alert?'), [body.title, levelName(body.alert.level) + ' · ' + body.alert.area,
      tr('发布部门：', 'Department: ') + (department ? named(department) : tr('（未选择）', '(none chosen)')),
      tr('目标：', 'Screens: ') + targets, tr('有效至 ', 'Until ') + formatDate(body.publishEnd, true),
      tr('签发人：', 'Issued by: ') + session.me.username]).then(function (yes) {
      if (!yes) return;
      return api('POST', '/api/items', input(body.status)).then(function () { // its window counts from now, not from the dialog
        toast(policy.secondApprover ? tr('已提交，等待第二位审核人批准', 'Submitted; waiting for a second approver') : tr('预警已签发', 'Alert issued'), 'ok');
        edited = false;
        hoursEdited = false;
        issued();
      });
    }).catch(function (err) { showError(form, err); });
  });
  fillTemplate();
  preview.update(input('draft'), null, groups[0]);
  return el('div', { className: 'editor' }, [form, preview.node]);
}

function showList(into, alerts) {
  var now = new Date();
  fill(into, [table([
    { title: tr('标题', 'Title'), value: function (a) { return a.title; } },
    { title: tr('级别', 'Level'), value: function (a) { return el('span', { className: 'level-chip level-' + a.alert.level, text: levelName(a.alert.level) }); } },
    { title: tr('状态', 'State'), value: function (a) { return stateBadge(a, now); } },
    { title: tr('签发人', 'Issued by'), value: function (a) { return (a.review && a.review.approvedBy) || a.createdBy; } },
    { title: tr('签发时间', 'Issued'), value: function (a) { return formatDate(a.review && a.review.approvedAt || a.createdAt, true); } },
    { title: tr('有效至', 'Until'), value: function (a) { return formatDate(a.publishEnd, true); } },
    { title: tr('目标', 'Screens'), value: function (a) { return a.targetGroups.length ? a.targetGroups.join('、') : tr('全部', 'All'); } },
    { title: '', value: function (a) { return a.status === 'published' && !ended(a, now) ? clearButton(a, into) : ''; } }
  ], alerts, tr('还没有预警', 'No alerts yet'))]);
}

function stateBadge(a, now) {
  if (a.status === 'published') {
    return !ended(a, now) ? badge(tr('生效中', 'Active'), 'danger') : badge(tr('已过期', 'Expired'), 'muted');
  }
  if (a.status === 'withdrawn') return badge(tr('已解除', 'Cleared'), 'muted');
  return badge(a.status === 'submitted' ? tr('待批准', 'Awaiting approval') : a.status, 'info');
}

function clearButton(a, list) {
  return button(tr('解除预警', 'All clear'), function () {
    confirmDialog(tr('解除预警？', 'Clear this alert?'), [a.title, tr('将立即从所有屏幕撤下。', 'It leaves every screen at once.')])
      .then(function (yes) {
        if (!yes) return;
        return api('POST', '/api/items/' + a.id + '/clear').then(function () { toast(tr('预警已解除', 'Alert cleared'), 'ok'); refresh(list); });
      }).catch(function (err) { toast(err.message, 'danger'); });
  }, 'danger');
}
