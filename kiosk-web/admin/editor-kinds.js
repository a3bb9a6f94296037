// The fields of each kind of item in the content editor: a guide's (materials and steps as editable lists), a
// policy's, an interpretation's and an alert's. Each section(m, lists) binds its inputs to m[kind].
import { el } from '../common/dom.js';
import { tr } from '../common/i18n.js';
import { codeOptions } from '../common/labels.js';
import { field, select } from './ui.js';
import { hazardName, HAZARDS } from './content-labels.js';
import { section, bound, number, sub, stringList, rowList } from './editor-fields.js';

/** The section of the kind's own fields, or null for a notice. */
export function kindSection(m, lists) {
  var details = { guide: guideSection, policy: policySection, interpretation: interpretationSection, alert: alertSection }[m.kind];
  return details ? details(m, lists) : null;
}

function guideSection(m) {
  var g = sub(m, 'guide');
  var s = section(tr('办事指南', 'Office guide'));
  s.appendChild(bound(g, 'implementingBody', field(tr('实施主体', 'Implementing body'), el('input'), 'guide.implementingBody')));
  s.appendChild(bound(g, 'applicants', field(tr('申请对象', 'Who may apply'), el('input'), 'guide.applicants')));
  s.appendChild(stringList(g, 'conditions', tr('受理条件', 'Conditions')));
  s.appendChild(rowList(g.materials || (g.materials = []), tr('申请材料', 'Materials'), [
    { key: 'name', label: tr('材料名称', 'Name') },
    { key: 'form', label: tr('形式', 'Form'), options: codeOptions('materialForm') },
    { key: 'originals', label: tr('原件份数', 'Originals'), type: 'number' },
    { key: 'copies', label: tr('复印件份数', 'Copies'), type: 'number' },
    { key: 'format', label: tr('载体', 'Format'), options: codeOptions('materialFormat') }],
    'guide.materials'));
  s.appendChild(rowList(g.steps || (g.steps = []), tr('办理流程', 'Steps'), [
    { key: 'name', label: tr('环节', 'Step') }, { key: 'description', label: tr('说明', 'Description') }], 'guide.steps'));
  s.appendChild(rowList(g.fees || (g.fees = []), tr('收费', 'Fees'), [
    { key: 'item', label: tr('收费项目', 'Item') }, { key: 'standard', label: tr('标准', 'Amount') }], 'guide.fees'));
  s.appendChild(bound(g, 'statutoryDays', field(tr('法定时限（工作日）', 'Statutory limit (working days)'), el('input', { type: 'number', min: 0 }), 'guide.statutoryDays'), number));
  s.appendChild(bound(g, 'promisedDays', field(tr('承诺时限（工作日）', 'Promised (working days)'), el('input', { type: 'number', min: 0 }), 'guide.promisedDays'), number));
  s.appendChild(bound(g, 'visits', field(tr('到现场次数', 'Visits needed'), el('input', { type: 'number', min: 0 }), 'guide.visits'), number));
  var place = sub(g, 'place');
  s.appendChild(bound(place, 'hall', field(tr('办理地点', 'Hall'), el('input'), 'guide.place.hall')));
  s.appendChild(bound(place, 'window', field(tr('窗口', 'Window'), el('input'), 'guide.place.window')));
  s.appendChild(bound(g, 'hours', field(tr('办理时间', 'Opening hours'), el('input'), 'guide.hours')));
  s.appendChild(bound(g, 'phone', field(tr('咨询电话', 'Phone'), el('input'), 'guide.phone')));
  s.appendChild(bound(g, 'complaintsPhone', field(tr('监督投诉电话', 'Complaints phone'), el('input'), 'guide.complaintsPhone')));
  s.appendChild(stringList(g, 'legalBasis', tr('设定依据', 'Legal basis')));
  return s;
}

function policySection(m) {
  var p = sub(m, 'policy');
  var s = section(tr('政策文件', 'Policy'));
  s.appendChild(bound(p, 'issuingBody', field(tr('发文机关', 'Issuing body'), el('input'), 'policy.issuingBody')));
  s.appendChild(bound(p, 'documentNumber', field(tr('发文字号', 'Document number'), el('input'), 'policy.documentNumber')));
  s.appendChild(bound(p, 'indexNumber', field(tr('索引号', 'Index number'), el('input'), 'policy.indexNumber')));
  s.appendChild(bound(p, 'subject', field(tr('主题分类', 'Subject'), el('input'), 'policy.subject')));
  s.appendChild(bound(p, 'writtenDate', field(tr('成文日期', 'Written'), el('input', { type: 'date' }), 'policy.writtenDate')));
  s.appendChild(bound(p, 'publishedDate', field(tr('发布日期', 'Published'), el('input', { type: 'date' }), 'policy.publishedDate')));
  return s;
}

function interpretationSection(m, lists) {
  var i = sub(m, 'interpretation');
  var s = section(tr('政策解读', 'Interpretation'));
  var policies = [{ value: '', text: tr('请选择', 'Choose') }].concat(lists.policies.map(function (p) {
    return { value: p.id, text: p.title };
  }));
  s.appendChild(bound(i, 'policyId', field(tr('所解读的政策', 'Policy interpreted'), select(policies, i.policyId), 'interpretation.policyId'), number));
  s.appendChild(bound(i, 'form', field(tr('解读形式', 'Form'), select(codeOptions('interpretationForm'), i.form || 'text'), 'interpretation.form')));
  s.appendChild(bound(i, 'interpreter', field(tr('解读人', 'Interpreter'), el('input'), 'interpretation.interpreter')));
  return s;
}

function alertSection(m) {
  var a = sub(m, 'alert');
  if (!a.level) a.level = 'yellow';
  var s = section(tr('预警', 'Alert'));
  s.appendChild(bound(a, 'level', field(tr('级别', 'Level'), select(codeOptions('alertLevel'), a.level), 'alert.level')));
  s.appendChild(bound(a, 'hazard', field(tr('灾种', 'Hazard'), select(HAZARDS.map(function (h) { return { value: h, text: hazardName(h) }; }), a.hazard || 'other'), 'alert.hazard')));
  s.appendChild(bound(a, 'area', field(tr('影响区域', 'Area'), el('input'), 'alert.area')));
  s.appendChild(bound(a, 'issuer', field(tr('发布单位', 'Issued by'), el('input'), 'alert.issuer')));
  return s;
}
