// 好差评: one rating of each item, and of the visit, per visit. The server counts a visit by its id (a new one at each
// reset) and refuses a second rating; the screen says the first one was recorded instead of offering it again.
import { el, clear } from '../common/dom.js';
import { tr, named } from '../common/i18n.js';
import { getJson, fetchJson } from '../common/get-json.js';
import { pairedScreenId } from './live.js';

var visit = newVisit();

function newVisit() {
  var bytes = new Uint8Array(12);
  (window.crypto || window.msCrypto).getRandomValues(bytes);
  return { id: 'v-' + Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join(''), rated: {} };
}

/** The next person's visit: nothing rated yet. */
export function startVisit() {
  visit = newVisit();
}

export function ratingMessage(result) {
  return {
    ok: tr('感谢您的评价！已记录您的评价。', 'Thank you! Your rating has been recorded.'),
    already: tr('已记录您的评价。每次使用，每项内容只能评价一次。', 'Your rating is recorded. You can rate each item once per visit.'),
    limited: tr('本机一小时内对这项内容的评价已达上限，感谢您的参与。', 'This screen has had the most ratings that count for this item this hour. Thank you.'),
    failed: tr('评价没有提交成功，请稍后再试。', 'Your rating was not sent; please try again.')
  }[result];
}

// The levels and reasons of a rating, as the server defines them (GET /api/ratings/options), fetched once.
var ratingOptions = null;

export function loadRatingOptions() {
  if (!ratingOptions) ratingOptions = getJson('/api/ratings/options').catch(function (e) { ratingOptions = null; throw e; });
  return ratingOptions;
}

/** The five level buttons; a tap sends the rating (plus extra()) once and hands done() ok, already, limited or failed. */
export function ratingButtons(extra, done) {
  var buttons = el('div', { className: 'rating-levels' });
  loadRatingOptions().then(function (o) {
    o.levels.forEach(function (l) {
      buttons.appendChild(el('button', { type: 'button', className: 'rate', 'data-level': l.code, text: named(l) }));
    });
  }).catch(function () { /* no rating offered */ });
  var sending = false;
  buttons.addEventListener('click', function (e) {
    var b = e.target.closest('button');
    if (!b || sending) return;
    var body = extra();
    var subject = body.itemId && body.context !== 'session' ? 'item ' + body.itemId : 'visit';
    if (visit.rated[subject]) { done('already'); return; }
    sending = true; // a second tap while the first is on its way sends nothing
    body.level = Number(b.dataset.level);
    body.screenId = pairedScreenId();
    body.sessionId = visit.id;
    var forVisit = visit;
    fetchJson('/api/ratings', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      .then(function () { return 'ok'; }, function (err) {
        if (err.status !== 429) return 'failed';
        return err.body && err.body.field === 'sessionId' ? 'already' : 'limited';
      })
      .then(function (result) {
        sending = false;
        if (result !== 'failed') forVisit.rated[subject] = true;
        done(result);
      });
  });
  return buttons;
}

/** 这份办事指南对您有帮助吗？ under a guide. */
export function ratingBox(item) {
  var box = el('section', { className: 'rating' }, [el('h2', { text: tr('这份办事指南对您有帮助吗？', 'Did this guide help you?') })]);
  function finished(result) {
    clear(box).appendChild(el('p', { className: result === 'failed' ? 'error' : 'thanks', text: ratingMessage(result) }));
  }
  if (visit.rated['item ' + item.id]) finished('already');
  else box.appendChild(ratingButtons(function () { return { itemId: item.id }; }, finished));
  return box;
}
