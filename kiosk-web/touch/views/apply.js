// 依申请公开 at the touchscreen: a resident asks for information that is not published (Art. 29 of the regulation),
// in large type with the on-screen keyboard (Chinese through pinyin). Then a page to check it all, then the receipt:
// on paper where the screen has a printer (number, check code, date received, deadline in working days), and on the
// screen. The screen proves who it is, so staff see where it was received. Everything lives in param, which the
// idle reset throws away with the view.
import { el, clear } from '../../common/dom.js';
import { tr } from '../../common/i18n.js';
import { ID_TYPES, DELIVERIES, fieldsFor, fieldLabel, named, problem, firstProblem, normaliseId, submitApplication,
  submitFailure, maskName, maskPhone, receiptRows, receiptNotes } from '../../common/application-form.js';
import { entryKeyboard } from '../entry-keyboard.js';
import { pairedScreenProof } from '../live.js';
import { isOffline, offlineNote } from '../offline.js';
import { printLayout, printSheet } from '../print.js';
import { getJson } from '../../common/get-json.js';

var MAX = { name: 50, idNumber: 20, phone: 20, subject: 500, address: 300, email: 200 };
var TEXT_FIELDS = ['name', 'idNumber', 'phone', 'subject', 'address', 'email'];

function placeholder(field) {
  return {
    name: tr('点这里，用下方键盘输入拼音', 'Tap here and type below'),
    idNumber: tr('证件上的号码', 'The number on the document'),
    phone: tr('手机或带区号的电话', 'Mobile, or landline with area code'),
    subject: tr('例如：2025年本街道老旧小区改造资金使用情况', 'e.g. how the 2025 estate renovation funds were spent'),
    address: tr('省市县、街道、门牌号', 'Full postal address'),
    email: tr('例如 name@example.cn', 'e.g. name@example.cn')
  }[field];
}

function modeOf(field, values) {
  if (field === 'idNumber') return values.idType === 'resident_id' ? 'resident_id' : 'code';
  if (field === 'phone') return 'phone';
  if (field === 'email') return 'email';
  return 'chinese';
}

export var view = {
  id: 'apply',
  keepsInput: true,
  needsServer: true, // offline, it says so instead
  render: function (into, app, param) {
    if (isOffline()) { into.appendChild(offlineNote(['提交申请', 'applying is'])); return; }
    into.classList.add('apply-view'); // large type: many who apply here read small print badly
    if (!param.values) {
      param.values = { name: '', idType: 'resident_id', idNumber: '', phone: '', subject: '', delivery: 'collect', address: '', email: '' };
      param.active = 'name';
      param.stage = 'form';
      param.errors = {};
    }
    if (param.stage === 'done') receiptPage(into, app, param);
    else if (param.stage === 'confirm') confirmPage(into, app, param);
    else formPage(into, app, param);
  }
};

function formPage(into, app, param) {
  // The server reads its pinyin dictionary on first use (a few seconds after a restart): ask now, while the
  // citizen reads the form, so that the first letter typed does not wait for it.
  getJson('/api/ime?pinyin=a&limit=1').catch(function () {});
  var values = param.values;
  var composing = '';
  var boxes = {};
  into.appendChild(el('h2', { text: tr('依申请公开：申请公开政府信息', 'Ask for government information') }));
  into.appendChild(el('p', { className: 'lead', text: tr('没有主动公开的信息，可以在这里申请。请逐项填写，填好后核对提交；所填信息只用于办理您的申请。',
    'Ask here for information that is not published. Fill in each line, then check and send; what you give is used only for your application.') }));
  var form = el('div', { className: 'apply-fields' });
  var keyboardBox = el('div', { className: 'apply-keyboard' });
  into.appendChild(el('div', { className: 'apply' }, [form, keyboardBox]));

  function target(field) {
    return { mode: modeOf(field, values), text: values[field], max: MAX[field],
      onChange: function (text, letters) { values[field] = text; composing = letters; delete param.errors[field]; paint(); },
      onNext: function () { check(field); focus(nextField(field)); } };
  }
  var board = entryKeyboard(target(param.active));
  keyboardBox.appendChild(board);

  function nextField(field) {
    var order = fieldsFor(values).filter(function (f) { return TEXT_FIELDS.indexOf(f) >= 0; });
    var at = order.indexOf(field);
    return order[at + 1] || field;
  }

  function check(field) {
    var message = problem(field, values);
    if (message) param.errors[field] = message; else delete param.errors[field];
  }

  function focus(field) {
    param.active = field;
    composing = '';
    board.retarget(target(field));
    build();
  }

  function choices(field, list) {
    return el('div', { className: 'choices', role: 'group', 'aria-label': fieldLabel(field) }, list.map(function (c) {
      var b = el('button', { type: 'button', className: 'choice', 'data-choice': c.code, 'aria-pressed': values[field] === c.code ? 'true' : 'false',
        text: tr(c.zh, c.en) });
      b.addEventListener('click', function () {
        values[field] = c.code;
        if (field === 'idType') { delete param.errors.idNumber; if (param.active === 'idNumber') board.retarget(target('idNumber')); }
        if (field === 'delivery' && TEXT_FIELDS.indexOf(param.active) >= 0 && fieldsFor(values).indexOf(param.active) < 0) focus('subject');
        build();
      });
      return b;
    }));
  }

  function row(field) {
    var label = el('span', { className: 'apply-label', text: fieldLabel(field) });
    var content;
    if (field === 'idType') content = choices('idType', ID_TYPES);
    else if (field === 'delivery') content = choices('delivery', DELIVERIES);
    else {
      content = boxes[field] = el('button', { type: 'button', className: 'field-box', 'data-field': field });
      content.addEventListener('click', function () { if (param.active !== field) { board.settle(); focus(field); } });
    }
    var error = param.errors[field] ? el('p', { className: 'error field-error', 'data-error-for': field, text: param.errors[field] }) : null;
    return el('div', { className: 'apply-row', 'data-row': field }, [label, content, error]);
  }

  function paint() {
    Object.keys(boxes).forEach(function (field) {
      var b = boxes[field];
      var active = field === param.active;
      clear(b);
      var text = field === 'idNumber' ? normaliseId(values[field]) : values[field];
      if (text) b.appendChild(document.createTextNode(text));
      if (active && composing) b.appendChild(el('u', { className: 'composing-in-field', text: composing }));
      if (!text && !(active && composing)) b.appendChild(el('span', { className: 'placeholder', text: placeholder(field) }));
      b.classList.toggle('active', active);
      b.setAttribute('aria-pressed', active ? 'true' : 'false');
    });
  }

  function build() {
    boxes = {};
    clear(form);
    fieldsFor(values).forEach(function (f) { form.appendChild(row(f)); });
    var review = el('button', { type: 'button', className: 'go-button', id: 'apply-review', text: tr('核对并提交', 'Check and send') });
    review.addEventListener('click', function () {
      board.settle();
      param.errors = {};
      fieldsFor(values).forEach(check);
      var first = firstProblem(values);
      if (first) { focus(TEXT_FIELDS.indexOf(first.field) >= 0 ? first.field : param.active); return; }
      param.stage = 'confirm';
      app.replace('apply', param);
    });
    form.appendChild(review);
    paint();
  }
  build();
}

function confirmPage(into, app, param) {
  var v = param.values;
  into.appendChild(el('h2', { text: tr('请核对您的申请', 'Please check your application') }));
  var rows = fieldsFor(v).map(function (f) {
    var value = f === 'idType' ? named(ID_TYPES, v.idType) : f === 'delivery' ? named(DELIVERIES, v.delivery)
      : f === 'idNumber' ? normaliseId(v.idNumber) : v[f];
    return el('tr', null, [el('th', { scope: 'row', text: fieldLabel(f) }), el('td', { text: value })]);
  });
  into.appendChild(el('table', { className: 'facts apply-summary' }, [el('tbody', null, rows)]));
  into.appendChild(el('p', { className: 'note', text: tr('点“确认提交”即表示您确认以上信息真实，并同意用于办理本申请。',
    'By tapping Send you confirm that this is true and agree that it is used to handle this application.') }));
  var answer = el('div', { 'aria-live': 'polite' });
  var edit = el('button', { type: 'button', className: 'page-button', id: 'apply-edit', text: tr('返回修改', 'Change it') });
  var send = el('button', { type: 'button', className: 'go-button', id: 'apply-send', text: tr('确认提交', 'Send') });
  edit.addEventListener('click', function () { param.stage = 'form'; app.replace('apply', param); });
  send.addEventListener('click', function () {
    if (send.disabled) return;
    send.disabled = true;
    clear(answer).appendChild(el('p', { text: tr('正在提交…', 'Sending…') }));
    submitApplication(v, pairedScreenProof()).then(function (receipt) {
      param.receipt = receipt;
      param.stage = 'done';
      app.replace('apply', param);
      var layout = printLayout();
      if (layout) printSheet(layout, receiptSheet(receipt, v));
    }, function (e) {
      send.disabled = false;
      if (e.status === 400 && e.field) {
        param.stage = 'form';
        param.errors = {};
        param.errors[e.field] = submitFailure(e, true);
        if (TEXT_FIELDS.indexOf(e.field) >= 0) param.active = e.field;
        app.replace('apply', param);
        return;
      }
      clear(answer).appendChild(el('p', { className: 'error', id: 'apply-failed', text: submitFailure(e, true) }));
    });
  });
  into.appendChild(el('div', { className: 'apply-actions' }, [edit, send]));
  into.appendChild(answer);
}

function factsTable(receipt) {
  return el('table', { className: 'facts receipt-facts' }, [el('tbody', null, receiptRows(receipt).map(function (r, i) {
    return el('tr', null, [el('th', { scope: 'row', text: r[0] }), el('td', { className: i < 2 ? 'code' : null, text: r[1] })]);
  }))]);
}

// The paper receipt: the applicant's name and phone half hidden (others see the tray), everything else in full.
function receiptSheet(receipt, v) {
  return [
    el('h1', { text: tr('政府信息公开申请回执', 'Receipt: application for government information') }),
    factsTable(receipt),
    el('p', null, [el('strong', { text: tr('申请人：', 'Applicant: ') }), document.createTextNode(maskName(v.name) + '  ' + maskPhone(v.phone))]),
    el('p', null, [el('strong', { text: tr('获取方式：', 'Receive by: ') }), document.createTextNode(named(DELIVERIES, v.delivery))])
  ].concat(receiptNotes(receipt).map(function (n) { return el('p', { className: 'print-note', text: n }); }));
}

function receiptPage(into, app, param) {
  var receipt = param.receipt;
  into.appendChild(el('h2', { id: 'apply-done', text: tr('申请已提交', 'Your application has been sent') }));
  var box = el('div', { className: 'item receipt' }, [factsTable(receipt)].concat(receiptNotes(receipt).map(function (n) {
    return el('p', { className: 'note', text: n });
  })));
  into.appendChild(box);
  var layout = printLayout();
  var actions = [];
  if (layout) {
    into.appendChild(el('p', { className: 'lead', text: tr('回执正在打印，请取走保存。', 'The receipt is printing: please take it with you.') }));
    var again = el('button', { type: 'button', className: 'page-button', id: 'apply-print', text: tr('再打印一张', 'Print another') });
    again.addEventListener('click', function () {
      if (document.getElementById('print-done').hidden) printSheet(layout, receiptSheet(receipt, param.values));
    });
    actions.push(again);
  } else {
    into.appendChild(el('p', { className: 'lead', text: tr('本机没有打印机：请抄下或用手机拍下申请编号和查询码。', 'This screen has no printer: please write down or photograph the number and check code.') }));
  }
  var finish = el('button', { type: 'button', className: 'go-button', id: 'apply-finish', text: tr('完成，清除我的信息', 'Done: clear my details') });
  finish.addEventListener('click', function () { app.reset(); });
  actions.push(finish);
  into.appendChild(el('div', { className: 'apply-actions' }, actions));
}
