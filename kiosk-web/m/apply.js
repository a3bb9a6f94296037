// /m/apply: the application for information (依申请公开) on a phone, with the phone's own keyboard; the same fields,
// checks and receipt as the touchscreen's form (common/application-form.js). It arrives as an online application.
import { el, clear } from '../common/dom.js';
import { tr, setLang, getLang } from '../common/i18n.js';
import { ID_TYPES, DELIVERIES, fieldsFor, fieldLabel, problem, submitApplication, submitFailure, receiptRows,
  receiptNotes } from '../common/application-form.js';

var main = document.getElementById('apply');
var values = { name: '', idType: 'resident_id', idNumber: '', phone: '', subject: '', delivery: 'collect', address: '', email: '' };
var INPUTS = {
  name: { autocomplete: 'name', maxlength: 50 },
  idNumber: { autocomplete: 'off', maxlength: 20, autocapitalize: 'characters' },
  phone: { type: 'tel', autocomplete: 'tel', maxlength: 20 },
  address: { autocomplete: 'street-address', maxlength: 300 },
  email: { type: 'email', autocomplete: 'email', maxlength: 200 }
};

if (new URLSearchParams(location.search).get('lang') === 'en') setLang('en');

function input(field) {
  var attrs = { id: 'f-' + field, name: field, value: values[field] };
  Object.keys(INPUTS[field] || {}).forEach(function (k) { attrs[k] = INPUTS[field][k]; });
  var node = field === 'subject' ? el('textarea', { id: 'f-subject', name: 'subject', maxlength: 1000, rows: 4 }) : el('input', attrs);
  if (field === 'subject') node.value = values.subject;
  node.addEventListener('input', function () {
    values[field] = node.value;
    var shown = document.getElementById('e-' + field);
    if (shown) shown.parentNode.removeChild(shown); // the message was about what is no longer there
  });
  return node;
}

function choices(field, list) {
  return el('fieldset', { id: 'f-' + field }, [el('legend', { text: fieldLabel(field) })].concat(list.map(function (c) {
    var radio = el('input', { type: 'radio', name: field, value: c.code, checked: values[field] === c.code ? 'checked' : null });
    radio.addEventListener('change', function () { values[field] = c.code; if (field === 'delivery') form(); });
    return el('label', { className: 'choice' }, [radio, tr(c.zh, c.en)]);
  })));
}

function showErrors(errors) {
  Array.prototype.forEach.call(main.querySelectorAll('.field-error'), function (n) { n.parentNode.removeChild(n); });
  var first = null;
  Object.keys(errors).forEach(function (field) {
    var node = document.getElementById('f-' + field);
    if (!node) return;
    var message = el('p', { className: 'field-error', id: 'e-' + field, text: errors[field] });
    node.parentNode.insertBefore(message, node.nextSibling);
    node.setAttribute('aria-describedby', 'e-' + field);
    if (!first) first = node;
  });
  if (first) first.focus();
}

function form() {
  clear(main);
  var lang = el('button', { type: 'button', className: 'lang', text: getLang() === 'en' ? '中文' : 'English' });
  lang.addEventListener('click', function () { setLang(getLang() === 'en' ? 'zh' : 'en'); form(); });
  main.appendChild(lang);
  main.appendChild(el('h1', { text: tr('申请公开政府信息', 'Ask for government information') }));
  main.appendChild(el('p', { text: tr('没有主动公开的信息，可以在这里申请。所填信息只用于办理您的申请。',
    'Ask here for information that is not published. What you give is used only for your application.') }));
  var f = el('form', { novalidate: 'novalidate' }, fieldsFor(values).map(function (field) {
    if (field === 'idType') return choices('idType', ID_TYPES);
    if (field === 'delivery') return choices('delivery', DELIVERIES);
    return el('label', { 'for': 'f-' + field }, [fieldLabel(field), input(field)]);
  }).concat([el('button', { type: 'submit', className: 'go', id: 'apply-send', text: tr('提交申请', 'Send') })]));
  f.addEventListener('submit', function (e) {
    e.preventDefault();
    var errors = {};
    fieldsFor(values).forEach(function (field) { var m = problem(field, values); if (m) errors[field] = m; });
    if (Object.keys(errors).length) { showErrors(errors); return; }
    var send = document.getElementById('apply-send');
    send.disabled = true;
    submitApplication(values, null).then(done, function (err) {
      send.disabled = false;
      var shown = {};
      if (err.status === 400 && err.field) shown[err.field] = submitFailure(err, false);
      else shown.subject = submitFailure(err, false);
      showErrors(shown);
    });
  });
  main.appendChild(f);
}

function done(receipt) {
  clear(main);
  main.appendChild(el('h1', { id: 'apply-done', text: tr('申请已提交', 'Your application has been sent') }));
  main.appendChild(el('table', { className: 'facts' }, [el('tbody', null, receiptRows(receipt).map(function (r, i) {
    return el('tr', null, [el('th', { scope: 'row', text: r[0] }), el('td', { className: i < 2 ? 'code' : null, text: r[1] })]);
  }))]));
  receiptNotes(receipt).forEach(function (n) { main.appendChild(el('p', { className: 'note', text: n })); });
  main.appendChild(el('p', { className: 'note', text: tr('请截屏或记下申请编号和查询码。', 'Take a screenshot or write down the number and check code.') }));
}

form();
