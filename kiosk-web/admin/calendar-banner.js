// A warning for the staff who count disclosure deadlines: the State Council's holiday notice for this year, or from
// 1 December for next year, is not in the server's calendar, so deadlines in that year count Monday to Friday
// until someone adds the year's file. The server decides which years are missing (GET /api/work-calendar).
import { el } from '../common/dom.js';
import { tr } from '../common/i18n.js';
import { api } from './api.js';

// Admins, who can put the file on the server, and the disclosure office, who answer for the deadlines.
var ROLES = ['admin', 'disclosure'];

/** The calendar when a year is missing and this member of staff should hear of it; otherwise null. */
export function loadCalendarWarning(me) {
  if (ROLES.indexOf(me.role) < 0) return Promise.resolve(null);
  return api('GET', '/api/work-calendar').then(function (c) {
    return c && c.missing && c.missing.length ? c : null;
  }, function () { return null; });
}

export function calendarBanner(calendar) {
  var years = calendar.missing.join(tr('、', ', '));
  var file = calendar.missing.map(function (y) { return y + '.yaml'; }).join(tr('、', ', '));
  var lines = [
    el('strong', { text: tr('缺少 ' + years + ' 年节假日安排', 'No holiday calendar for ' + years) }),
    el('p', { text: tr('依申请公开的答复期限落在 ' + years + ' 年的，目前按周一至周五计算，可能算错。',
      'Disclosure deadlines that fall in ' + years + ' are counted Monday to Friday for now and may be wrong.') }),
    el('p', { text: tr('国务院办公厅发布《关于' + years + '年部分节假日安排的通知》后，请由管理员按通知把 ' + file
      + ' 放入节假日目录（格式见 config/holidays/README.md），并重启服务。',
      'Once the State Council publishes its notice on the ' + years + ' holidays, an admin puts ' + file
      + ' into the holidays directory (format in config/holidays/README.md) and restarts the server.') })
  ];
  if (calendar.directory) lines.push(el('p', { className: 'muted', text: tr('节假日目录：', 'Holidays directory: ') + calendar.directory }));
  return el('div', { className: 'banner calendar-banner', id: 'calendar-banner', role: 'status' }, lines);
}
