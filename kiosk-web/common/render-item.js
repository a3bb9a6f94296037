// Renders an item as the API returns it: body blocks, and the fields of guides, policies,
// interpretations and alerts, in the order a citizen needs them. Shared by the mobile page, touch and admin.
import { el, formatDate } from './dom.js';
import { tr, getLang } from './i18n.js';
import { kindName, alertName, materialFormName, materialFormatName, interpretationFormName } from './labels.js';
import { serverDate } from './clock.js';
import { ended as hasEnded } from './playlist.js';

export function renderBlocks(blocks) {
  return (blocks || []).map(function (b) {
    if (b.type === 'ul' || b.type === 'ol') {
      return el(b.type, null, (b.items || []).map(function (t) { return el('li', { text: t }); }));
    }
    return el(b.type === 'h' ? 'h3' : 'p', { text: b.text });
  });
}

function section(title, children) {
  var body = children.filter(Boolean);
  if (!body.length) return null;
  return el('section', { className: 'field' }, [el('h2', { text: title })].concat(body));
}

function para(text) {
  return text ? el('p', { text: text }) : null;
}

function list(items, ordered) {
  if (!items || !items.length) return null;
  return el(ordered ? 'ol' : 'ul', null, items.map(function (t) { return el('li', { text: t }); }));
}

function row(label, value) {
  if (value === null || value === undefined || value === '') return null;
  return el('tr', null, [el('th', { scope: 'row', text: label }), el('td', { text: String(value) })]);
}

function linkRow(label, url) {
  if (!url) return null;
  return el('tr', null, [el('th', { scope: 'row', text: label }), el('td', null, [el('a', { href: url, rel: 'noopener', text: url })])]);
}

function table(rows) {
  var present = rows.filter(Boolean);
  return present.length ? el('table', { className: 'facts' }, [el('tbody', null, present)]) : null;
}

/** How many originals and copies of a material, or its form where no count is given: 原件1份，复印件1份. */
export function materialCounts(m) {
  var counts = [];
  if (m.originals) counts.push(tr('原件' + m.originals + '份', m.originals + ' original'));
  if (m.copies) counts.push(tr('复印件' + m.copies + '份', m.copies + ' cop' + (m.copies > 1 ? 'ies' : 'y')));
  return counts.length ? counts.join(tr('，', ', ')) : materialFormName(m.form);
}

// One card per material: a five-column table cannot be read on a phone.
function renderMaterial(m) {
  var facts = [materialCounts(m), m.format ? materialFormatName(m.format) : null]
    .filter(Boolean).join(' · ');
  return el('li', null, [
    el('strong', { className: 'material-name', text: m.name }),
    facts ? el('span', { className: 'material-facts', text: facts }) : null,
    m.source ? el('span', { className: 'material-facts', text: tr('来源：', 'From: ') + m.source }) : null,
    m.note ? el('span', { className: 'material-note', text: m.note }) : null
  ]);
}

/** A time limit in working days (0: on the spot), or null when none is given. */
export function days(n) {
  if (n === null || n === undefined) return null;
  return n === 0 ? tr('即办', 'on the spot') : tr(n + '个工作日', n + ' working days');
}

function renderGuide(g) {
  var place = g.place || {};
  var where = [place.hall, place.floor, place.window].filter(Boolean).join(' ');
  return [
    section(tr('受理条件', 'Who may apply'), [para(g.applicants), list(g.conditions)]),
    section(tr('申请材料', 'Materials'), [g.materials && g.materials.length ? el('ol', { className: 'materials' }, g.materials.map(renderMaterial)) : null]),
    section(tr('办理流程', 'Steps'), [g.steps && g.steps.length ? el('ol', { className: 'steps' }, g.steps.map(function (s) {
      return el('li', null, [el('strong', { text: s.name }), s.description ? el('span', { text: tr('：', ': ') + s.description }) : null]);
    })) : null]),
    section(tr('办理时限与收费', 'Time limits and fees'), [table([
      row(tr('法定办结时限', 'Statutory time limit'), days(g.statutoryDays)),
      row(tr('承诺办结时限', 'Promised time limit'), days(g.promisedDays)),
      row(tr('到现场次数', 'Visits in person'), g.visits !== null && g.visits !== undefined ? (g.visits === 0
        ? tr('0次（可全程网上办理）', 'none (can be done online)') : tr('最多' + g.visits + '次', 'at most ' + g.visits)) : null),
      row(tr('收费', 'Fees'), g.fees && g.fees.length ? null : tr('不收费', 'free'))
    ]), g.fees && g.fees.length ? list(g.fees.map(function (f) {
      return f.item + tr('：', ': ') + (f.standard || '') + (f.basis ? tr('（依据：', ' (basis: ') + f.basis + tr('）', ')') : '')
        + (f.waivable ? tr('，可减免', ', can be waived') : '');
    })) : null]),
    section(tr('办理地点与时间', 'Where and when'), [table([
      row(tr('实施机关', 'Office'), g.implementingBody), row(tr('地点', 'Place'), where), row(tr('地址', 'Address'), place.address),
      row(tr('办公时间', 'Hours'), g.hours), row(tr('咨询电话', 'Enquiries'), g.phone), row(tr('投诉电话', 'Complaints'), g.complaintsPhone),
      linkRow(tr('网上办理', 'Online'), g.onlineUrl)
    ])]),
    section(tr('设定依据', 'Legal basis'), [list(g.legalBasis)]),
    section(tr('常见问题', 'Questions'), g.faq && g.faq.length ? g.faq.map(function (f) {
      return el('div', { className: 'faq' }, [el('p', { className: 'q', text: tr('问：', 'Q: ') + f.q }), el('p', { text: tr('答：', 'A: ') + f.a })]);
    }) : [])
  ];
}

function renderPolicy(p) {
  return [table([row(tr('索引号', 'Index number'), p.indexNumber), row(tr('发文机关', 'Issued by'), p.issuingBody),
    row(tr('发文字号', 'Document number'), p.documentNumber), row(tr('成文日期', 'Written'), formatDate(p.writtenDate)),
    row(tr('发布日期', 'Published'), formatDate(p.publishedDate)), row(tr('主题分类', 'Subject'), p.subject)])];
}

function renderRelated(item, linkFor) {
  if (!item.related || !item.related.length) return null;
  var title = item.kind === 'policy' ? tr('相关解读', 'Interpretations') : tr('解读的政策文件', 'The policy it interprets');
  return section(title, [el('ul', { className: 'related' }, item.related.map(function (r) {
    var label = (r.form ? tr('【', '[') + interpretationFormName(r.form) + tr('】', '] ') : '') + r.title;
    return el('li', null, [el('a', { href: linkFor(r.id), text: label })]);
  }))]);
}

/** The whole item as a list of nodes. linkFor(id) gives the address of a related item. */
export function renderItem(item, linkFor) {
  var nodes = [];
  var date = item.policy && item.policy.publishedDate ? item.policy.publishedDate : item.publishStart || item.publishedAt;
  var meta = [];
  var department = getLang() === 'en' && item.departmentNameEn ? item.departmentNameEn : item.departmentName;
  [kindName(item.kind), department, formatDate(date)].filter(Boolean).forEach(function (text, i) {
    if (i) meta.push(' · '); // outside the spans, so the line may break here and nowhere inside a date
    meta.push(el('span', { text: text }));
  });
  nodes.push(el('p', { className: 'meta' }, meta));
  nodes.push(el('h1', { text: item.title }));
  if (item.alert) {
    nodes.push(el('p', { className: 'alert-level level-' + item.alert.level,
      text: alertName(item.alert.level) + ' · ' + item.alert.area + (item.alert.issuer ? ' · ' + item.alert.issuer : '') }));
  }
  if (item.interpretation) {
    nodes.push(el('p', { className: 'meta', text: interpretationFormName(item.interpretation.form || 'text') }));
  }
  if (item.summary) nodes.push(el('p', { className: 'summary', text: item.summary }));
  if (item.policy) nodes = nodes.concat(renderPolicy(item.policy));
  nodes = nodes.concat(renderBlocks(item.blocks));
  if (item.guide) nodes = nodes.concat(renderGuide(item.guide));
  nodes.push(renderRelated(item, linkFor));
  if (item.publishEnd) {
    var ended = hasEnded(item, serverDate());
    nodes.push(el('p', { className: ended ? 'meta ended' : 'meta',
      text: (ended ? tr('已于 ' + formatDate(item.publishEnd, true) + ' 到期，仅供查阅', 'Ended ' + formatDate(item.publishEnd, true) + '; kept for reference')
        : tr('有效期至 ', 'Valid until ') + formatDate(item.publishEnd, true)) }));
  }
  return nodes.filter(Boolean);
}
