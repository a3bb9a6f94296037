// 依申请公开: an applicant looks up their application by its number and check code, typed on the screen keyboard.
// The code is not shown as typed; too many wrong codes pause lookups on this screen, and the screen says for how long.
import { el, clear, formatDate } from '../../common/dom.js';
import { tr } from '../../common/i18n.js';
import { getJson, failureText } from '../../common/get-json.js';
import { keyboard } from '../keyboard.js';
import { pairedScreenId } from '../live.js';
import { isOffline, offlineNote } from '../offline.js';

// param keeps what the view holds while it is open: the two fields, which one is being typed, and the answer.
export var view = {
  id: 'application',
  keepsInput: true, // typed text would be lost: content changes do not redraw it
  needsServer: true, // offline, it says so instead
  render: function (into, app, param) {
    if (isOffline()) { into.appendChild(offlineNote(['查询申请办理进度', 'looking up an application is'])); return; }
    if (!param.fields) {
      param.fields = { number: '', code: '' };
      param.active = 'number';
      param.answer = el('div', { className: 'application', 'aria-live': 'polite' });
    }
    var fields = param.fields;
    var boxes = {
      number: el('button', { type: 'button', className: 'field-box active', 'data-field': 'number' }),
      code: el('button', { type: 'button', className: 'field-box', 'data-field': 'code' })
    };
    function paint() {
      boxes.number.textContent = tr('申请编号：', 'Request number: ') + (fields.number || tr('（例如 YSQ2026-000123）', '(e.g. YSQ2026-000123)'));
      // The code is not shown as typed: others in the hall may be looking.
      boxes.code.textContent = tr('查询码：', 'Check code: ') + (fields.code ? new Array(fields.code.length + 1).join('●')
        : tr('（受理时告知的 8 位查询码）', '(the 8 characters you were given)'));
      boxes.number.classList.toggle('active', param.active === 'number');
      boxes.code.classList.toggle('active', param.active === 'code');
    }
    into.appendChild(el('h2', { text: tr('依申请公开：查询办理进度', 'Information on request: where is my request?') }));
    into.appendChild(el('div', { className: 'fields' }, [boxes.number, boxes.code]));
    var board = keyboard(function (t) { fields[param.active] = t; paint(); }, function () {
      if (param.active === 'number' && fields.number && !fields.code) { focus('code'); return; }
      lookUp(fields, param.answer);
    }, { digits: true, submitLabel: tr('查询', 'Look up') });
    function focus(field) {
      param.active = field;
      board.setText(fields[field]);
      paint();
    }
    into.addEventListener('click', function (e) {
      var b = e.target.closest('.field-box');
      if (b) focus(b.dataset.field);
    });
    paint();
    into.appendChild(board);
    into.appendChild(param.answer);
  }
};

function lookUp(fields, answer) {
  if (!fields.number || !fields.code) return;
  clear(answer).appendChild(el('p', { text: tr('正在查询…', 'Looking it up…') }));
  var screenId = pairedScreenId();
  getJson('/api/applications/lookup?number=' + encodeURIComponent(fields.number) + '&code=' + encodeURIComponent(fields.code)
    + (screenId ? '&screenId=' + encodeURIComponent(screenId) : '')).catch(function (e) {
    if (e.status === 429) return { throttled: (e.body && e.body.retryAfterSeconds) || e.retryAfter || 60 };
    if (e.status) return null; // not found, or the number or code is malformed: the same answer
    throw e;
  }).then(function (a) {
    clear(answer);
    if (a && a.throttled) {
      // Too many wrong codes from this screen: say so, and for how long, instead of a plain "not found".
      var minutes = Math.ceil(a.throttled / 60);
      answer.appendChild(el('p', { className: 'error', id: 'lookup-throttled', text: tr(
        '查询码输错次数过多，为保护申请人信息，本机暂停查询 ' + minutes + ' 分钟，请稍后再试或到窗口咨询。',
        'Too many wrong check codes: to protect applicants, lookups on this screen are paused for ' + minutes
          + (minutes === 1 ? ' minute' : ' minutes') + '. Please try again later or ask at the counter.') }));
      return;
    }
    if (!a) {
      answer.appendChild(el('p', { className: 'error', text: tr('没有查到：请核对申请编号和查询码。', 'Not found: please check the number and the code.') }));
      return;
    }
    answer.appendChild(el('table', { className: 'facts' }, [el('tbody', null, [
      [tr('申请编号', 'Number'), a.number], [tr('办理状态', 'State'), a.statusName], [tr('收到日期', 'Received'), formatDate(a.receivedOn)],
      [tr('答复期限', 'Answer due'), a.deadline ? formatDate(a.deadline) + tr('（还有 ' + a.workingDaysLeft + ' 个工作日）', ' (' + a.workingDaysLeft + ' working days left)') : null],
      [tr('答复日期', 'Answered'), a.answeredOn ? formatDate(a.answeredOn) : null], [tr('答复结果', 'Answer'), a.replyName || null]
    ].filter(function (r) { return r[1]; }).map(function (r) {
      return el('tr', null, [el('th', { scope: 'row', text: r[0] }), el('td', { text: r[1] })]);
    }))]));
    if (a.calendarComplete === false) {
      answer.appendChild(el('p', { className: 'note', text: tr('期限按工作日估算，以受理机关告知为准。', 'The due date is an estimate in working days; the office’s notice counts.') }));
    }
  }).catch(function (e) { clear(answer).appendChild(el('p', { className: 'error', text: failureText(e) })); });
}
