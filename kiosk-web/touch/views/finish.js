// 结束使用: the end of a visit. The citizen rates the service (anonymous, with optional reasons) or skips it; then
// everything starts afresh for the next person.
import { el, clear } from '../../common/dom.js';
import { tr, named } from '../../common/i18n.js';
import { ratingButtons, loadRatingOptions, ratingMessage } from '../rating.js';
import { isOffline, offlineNote } from '../offline.js';

export var view = {
  id: 'finish',
  keepsInput: true, // a rating half made would be lost: content changes do not redraw it
  needsServer: true, // a rating is sent to the server: offline, a sentence says it is paused
  render: function (into, app) {
    if (isOffline()) {
      var done = el('button', { type: 'button', className: 'page-button', id: 'skip-rating', text: tr('结束使用', 'Finish') });
      done.addEventListener('click', app.reset);
      into.appendChild(offlineNote(['评价', 'rating is']));
      into.appendChild(done);
      return;
    }
    into.appendChild(el('h2', { text: tr('请您对本次查询服务进行评价（匿名）', 'Please rate this service (anonymous)') }));
    var chosen = {};
    var reasons = el('div', { className: 'reasons' });
    var skip = el('button', { type: 'button', className: 'page-button', id: 'skip-rating', text: tr('不评价，直接结束', 'Finish without rating') });
    skip.addEventListener('click', app.reset);
    var levels = ratingButtons(function () {
      return { context: 'session', reasons: Object.keys(chosen).filter(function (k) { return chosen[k]; }) };
    }, function (result) {
      clear(into).appendChild(el('p', { className: result === 'failed' ? 'error' : 'thanks', text: ratingMessage(result) }));
      setTimeout(app.reset, 3000);
    });
    into.appendChild(levels);
    into.appendChild(el('p', { className: 'lead', text: tr('可选：原因', 'Optional: why') }));
    into.appendChild(reasons);
    into.appendChild(skip);
    loadRatingOptions().then(function (o) {
      o.reasons.forEach(function (r) {
        var b = el('button', { type: 'button', className: 'word', 'aria-pressed': 'false', 'data-reason': r.code, text: named(r) });
        b.addEventListener('click', function () {
          chosen[r.code] = !chosen[r.code];
          b.setAttribute('aria-pressed', chosen[r.code] ? 'true' : 'false');
          b.textContent = (chosen[r.code] ? '✓ ' : '') + named(r); // not by colour alone
        });
        reasons.appendChild(b);
      });
    }).catch(function () { /* levels alone */ });
  }
};
