// Renders an item as the API returns it: body blocks, and the fields of guides, policies,
// interpretations and alerts, in the order a citizen needs them. Shared by the mobile page, touch and admin.
import { el, formatDate } from './dom.js';

var KIND_NAMES = { notice: '公示公告', guide: '办事指南', policy: '政策文件', interpretation: '政策解读', alert: '预警信息' };
var MATERIAL_FORMS = { original: '原件', copy: '复印件', original_and_copy: '原件和复印件' };
var MATERIAL_FORMATS = { paper: '纸质', electronic: '电子', paper_or_electronic: '纸质或电子' };
var INTERPRETATION_FORMS = { text: '文字解读', graphic: '图解', media: '音视频解读', leader: '负责人解读', expert: '专家解读', qa: '问答' };
var ALERT_LEVELS = { blue: '蓝色', yellow: '黄色', orange: '橙色', red: '红色' };

export function kindName(kind) {
  return KIND_NAMES[kind] || kind;
}

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

// One card per material: a five-column table cannot be read on a phone.
function renderMaterial(m) {
  var counts = [];
  if (m.originals) counts.push('原件' + m.originals + '份');
  if (m.copies) counts.push('复印件' + m.copies + '份');
  var facts = [counts.length ? counts.join('，') : MATERIAL_FORMS[m.form] || m.form, MATERIAL_FORMATS[m.format]]
    .filter(Boolean).join(' · ');
  return el('li', null, [
    el('strong', { className: 'material-name', text: m.name }),
    facts ? el('span', { className: 'material-facts', text: facts }) : null,
    m.source ? el('span', { className: 'material-facts', text: '来源：' + m.source }) : null,
    m.note ? el('span', { className: 'material-note', text: m.note }) : null
  ]);
}

function days(n) {
  if (n === null || n === undefined) return null;
  return n === 0 ? '即办' : n + '个工作日';
}

function renderGuide(g) {
  var place = g.place || {};
  var where = [place.hall, place.floor, place.window].filter(Boolean).join(' ');
  return [
    section('受理条件', [para(g.applicants), list(g.conditions)]),
    section('申请材料', [g.materials && g.materials.length ? el('ol', { className: 'materials' }, g.materials.map(renderMaterial)) : null]),
    section('办理流程', [g.steps && g.steps.length ? el('ol', { className: 'steps' }, g.steps.map(function (s) {
      return el('li', null, [el('strong', { text: s.name }), s.description ? el('span', { text: '：' + s.description }) : null]);
    })) : null]),
    section('办理时限与收费', [table([
      row('法定办结时限', days(g.statutoryDays)),
      row('承诺办结时限', days(g.promisedDays)),
      row('到现场次数', g.visits !== null && g.visits !== undefined ? (g.visits === 0 ? '0次（可全程网上办理）' : '最多' + g.visits + '次') : null),
      row('收费', g.fees && g.fees.length ? null : '不收费')
    ]), g.fees && g.fees.length ? list(g.fees.map(function (f) {
      return f.item + '：' + (f.standard || '') + (f.basis ? '（依据：' + f.basis + '）' : '') + (f.waivable ? '，可减免' : '');
    })) : null]),
    section('办理地点与时间', [table([
      row('实施机关', g.implementingBody), row('地点', where), row('地址', place.address),
      row('办公时间', g.hours), row('咨询电话', g.phone), row('投诉电话', g.complaintsPhone), linkRow('网上办理', g.onlineUrl)
    ])]),
    section('设定依据', [list(g.legalBasis)]),
    section('常见问题', g.faq && g.faq.length ? g.faq.map(function (f) {
      return el('div', { className: 'faq' }, [el('p', { className: 'q', text: '问：' + f.q }), el('p', { text: '答：' + f.a })]);
    }) : [])
  ];
}

function renderPolicy(p) {
  return [table([row('索引号', p.indexNumber), row('发文机关', p.issuingBody), row('发文字号', p.documentNumber),
    row('成文日期', formatDate(p.writtenDate)), row('发布日期', formatDate(p.publishedDate)), row('主题分类', p.subject)])];
}

function renderRelated(item, linkFor) {
  if (!item.related || !item.related.length) return null;
  var title = item.kind === 'policy' ? '相关解读' : '解读的政策文件';
  return section(title, [el('ul', { className: 'related' }, item.related.map(function (r) {
    var label = (r.form ? '【' + (INTERPRETATION_FORMS[r.form] || r.form) + '】' : '') + r.title;
    return el('li', null, [el('a', { href: linkFor(r.id), text: label })]);
  }))]);
}

/** The whole item as a list of nodes. linkFor(id) gives the address of a related item. */
export function renderItem(item, linkFor) {
  var nodes = [];
  var date = item.policy && item.policy.publishedDate ? item.policy.publishedDate : item.publishStart || item.publishedAt;
  var meta = [];
  [kindName(item.kind), item.departmentName, formatDate(date)].filter(Boolean).forEach(function (text, i) {
    if (i) meta.push(' · '); // outside the spans, so the line may break here and nowhere inside a date
    meta.push(el('span', { text: text }));
  });
  nodes.push(el('p', { className: 'meta' }, meta));
  nodes.push(el('h1', { text: item.title }));
  if (item.alert) {
    nodes.push(el('p', { className: 'alert-level level-' + item.alert.level,
      text: (ALERT_LEVELS[item.alert.level] || '') + '预警 · ' + item.alert.area + (item.alert.issuer ? ' · ' + item.alert.issuer : '') }));
  }
  if (item.interpretation) {
    nodes.push(el('p', { className: 'meta', text: INTERPRETATION_FORMS[item.interpretation.form] || '' }));
  }
  if (item.summary) nodes.push(el('p', { className: 'summary', text: item.summary }));
  if (item.policy) nodes = nodes.concat(renderPolicy(item.policy));
  nodes = nodes.concat(renderBlocks(item.blocks));
  if (item.guide) nodes = nodes.concat(renderGuide(item.guide));
  nodes.push(renderRelated(item, linkFor));
  if (item.publishEnd) {
    var ended = new Date(item.publishEnd).getTime() <= Date.now();
    nodes.push(el('p', { className: ended ? 'meta ended' : 'meta',
      text: (ended ? '已于 ' + formatDate(item.publishEnd, true) + ' 到期，仅供查阅' : '有效期至 ' + formatDate(item.publishEnd, true)) }));
  }
  return nodes.filter(Boolean);
}
