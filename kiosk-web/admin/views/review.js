// 审核: what waits for a reviewer, oldest first. A reviewer reads the change (preview and text diff), then approves
// and publishes it (保密审查 done) or returns it with a reason. Nobody approves their own change.
import { el, formatDate } from '../../common/dom.js';
import { tr } from '../../common/i18n.js';
import { kindName } from '../../common/labels.js';
import { api } from '../api.js';
import { table, button, fill, toast, formDialog, field, confirmDialog, showError } from '../ui.js';
import { historyPanel, inputOf } from '../item-editor.js';
import { previewPane } from '../preview.js';

export var view = {
  id: 'review',
  title: function () { return tr('审核', 'Review'); },
  roles: ['admin', 'reviewer'],
  render: function (root, session, param) {
    return param ? detail(root, session, param) : queue(root);
  }
};

function queue(root) {
  return api('GET', '/api/reviews').then(function (items) {
    fill(root, [el('p', { className: 'hint', text: tr('审核通过即发布到屏幕；作者本人不能审核自己的修改。',
      'Approving publishes to the screens; nobody approves their own change.') }), table([
        { title: tr('标题', 'Title'), value: function (i) { return el('a', { href: '#/review/' + i.id, text: underReview(i).title }); } },
        { title: tr('类型', 'Kind'), value: function (i) { return kindName(i.kind); } },
        { title: tr('部门', 'Department'), value: function (i) { return i.departmentName || i.department; } },
        { title: tr('审核内容', 'Change'), value: function (i) { return i.review.pending ? tr('修改已发布内容', 'Change to a published item') : tr('新内容', 'New item'); } },
        { title: tr('提交人', 'Submitted by'), value: function (i) { return i.review.pending ? i.review.pending.updatedBy : i.updatedBy; } },
        { title: tr('提交时间', 'Submitted'), value: function (i) { return formatDate(i.review.pending ? i.review.pending.updatedAt : i.updatedAt, true); } }
      ], items, tr('没有待审核的内容', 'Nothing waits for review'))]);
  });
}

/** The content under review: the waiting change of a published item, or the item itself. */
function underReview(item) {
  return item.review && item.review.pending ? item.review.pending.content : item;
}

function detail(root, session, id) {
  return api('GET', '/api/items/' + id).then(function (item) {
    var pending = item.review && item.review.pending;
    var content = underReview(item);
    var preview = previewPane();
    var actions = el('div', { className: 'form-actions' });
    var box = el('div', { className: 'review-detail' }, [
      el('p', { text: kindName(item.kind) + ' · ' + (item.departmentName || item.department) }),
      el('h3', { text: content.title }),
      content.summary ? el('p', { className: 'summary', text: content.summary }) : null,
      el('pre', { className: 'body-text', text: content.body || '' }),
      pending ? el('p', { className: 'banner', text: tr('这是对已发布内容的修改；通过后替换屏幕上的版本。', 'This changes a published item; approving replaces the version on screen.') }) : null,
      actions]);
    var waiting = item.status === 'submitted' || (pending && pending.status === 'submitted');
    if (waiting) {
      actions.appendChild(button(tr('审核通过并发布', 'Approve and publish'), function () { approve(item, box, session); }, 'primary'));
      actions.appendChild(button(tr('退回修改', 'Return to the author'), function () { sendBack(item); }, 'danger'));
    } else {
      actions.appendChild(el('p', { text: tr('这条内容当前没有待审核的修改。', 'Nothing of this item waits for review.') }));
    }
    fill(root, [el('div', { className: 'view-head' }, [el('h3', { text: tr('审核：', 'Review: ') + content.title }),
      el('a', { href: '#/review', className: 'btn', text: tr('返回待审核列表', 'Back to the queue') })]),
      el('div', { className: 'editor' }, [box, preview.node]), historyPanel(item.id)]);
    var input = inputOf(content);
    input.status = 'draft';
    preview.update(input, item.id, null);
  });
}

function approve(item, box, session) {
  var pending = item.review && item.review.pending;
  confirmDialog(tr('审核通过并发布？', 'Approve and publish?'), [underReview(item).title,
    tr('确认已完成保密审查。发布后立即推送到所有目标屏幕，审核人记为 ' + session.me.username + '。',
      'Confirm the confidentiality review is done. It goes to every target screen at once, approved by ' + session.me.username + '.')])
    .then(function (yes) {
      if (!yes) return;
      var version = pending ? pending.revision : item.version;
      return api('POST', '/api/items/' + item.id + '/approve', { version: version }).then(function () {
        toast(tr('已发布', 'Published'), 'ok');
        location.hash = '#/review';
      });
    }).catch(function (err) { showError(box, err); });
}

function sendBack(item) {
  var reason = el('textarea', { rows: 4, maxlength: 2000 });
  formDialog(tr('退回修改', 'Return to the author'), [field(tr('退回理由（作者可见）', 'Reason (the author sees it)'), reason, 'reason')],
    tr('退回', 'Return'), function (values) {
      return api('POST', '/api/items/' + item.id + '/return', { reason: values.reason || '' }).then(function () {
        toast(tr('已退回', 'Returned'), 'ok');
        location.hash = '#/review';
      });
    });
}
