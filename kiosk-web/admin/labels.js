// What the API's codes are called on the page, in Chinese and English. Codes stay as the API spells them.
import { tr } from '../common/i18n.js';

function lookup(table, code) {
  var entry = table()[code];
  return entry === undefined ? code : entry;
}

/** [{ value, text }] for a select, in the table's order. */
export function options(table) {
  var t = table();
  return Object.keys(t).map(function (code) { return { value: code, text: t[code] }; });
}

export function roles() {
  return { admin: tr('管理员', 'Administrator'), reviewer: tr('审核员', 'Reviewer'), editor: tr('编辑', 'Editor'),
    viewer: tr('只读', 'Viewer'), disclosure: tr('公开办（依申请公开）', 'Disclosure office') };
}

export function roleName(code) {
  return lookup(roles, code);
}

export function channels() {
  return { in_person: tr('当面', 'In person'), letter: tr('信函', 'Letter'), fax: tr('传真', 'Fax'),
    email: tr('电子邮件', 'E-mail'), online: tr('网上申请', 'Online'), other: tr('其他', 'Other') };
}

export function channelName(code) {
  return code === 'kiosk' ? tr('触摸屏自助申请', 'At a touchscreen') : lookup(channels, code);
}

/** The kinds of applicant of the annual report's table 3 (国办公开办函〔2021〕30号). */
export function applicantTypes() {
  return { natural_person: tr('自然人', 'Natural person'), commercial: tr('商业企业', 'Business'),
    research: tr('科研机构', 'Research institution'), public_interest: tr('社会公益组织', 'Public-interest organisation'),
    legal_service: tr('法律服务机构', 'Legal service'), other_org: tr('其他组织', 'Other organisation') };
}

/** Table 3's results with their sub-reasons, in the table's order. */
export function results() {
  return {
    disclosed: tr('予以公开', 'Disclosed'), partly: tr('部分公开', 'Partly disclosed'),
    withheld_1: tr('不予公开 · 属于国家秘密', 'Withheld: state secret'),
    withheld_2: tr('不予公开 · 其他法律行政法规禁止公开', 'Withheld: barred by other laws'),
    withheld_3: tr('不予公开 · 危及“三安全一稳定”', 'Withheld: endangers security or stability'),
    withheld_4: tr('不予公开 · 保护第三方合法权益', 'Withheld: third parties\' rights'),
    withheld_5: tr('不予公开 · 属于三类内部事务信息', 'Withheld: internal affairs'),
    withheld_6: tr('不予公开 · 属于四类过程性信息', 'Withheld: information in process'),
    withheld_7: tr('不予公开 · 属于行政执法案卷', 'Withheld: enforcement files'),
    withheld_8: tr('不予公开 · 属于行政查询事项', 'Withheld: administrative enquiry'),
    unavailable_1: tr('无法提供 · 本机关不掌握相关政府信息', 'Cannot provide: not held here'),
    unavailable_2: tr('无法提供 · 没有现成信息需要另行制作', 'Cannot provide: would have to be made'),
    unavailable_3: tr('无法提供 · 补正后申请内容仍不明确', 'Cannot provide: still unclear after correction'),
    not_processed_1: tr('不予处理 · 信访举报投诉类申请', 'Not processed: petition or complaint'),
    not_processed_2: tr('不予处理 · 重复申请', 'Not processed: repeated'),
    not_processed_3: tr('不予处理 · 要求提供公开出版物', 'Not processed: a publication'),
    not_processed_4: tr('不予处理 · 无正当理由大量反复申请', 'Not processed: mass repeated requests'),
    not_processed_5: tr('不予处理 · 要求行政机关确认或重新出具已获取信息', 'Not processed: confirm or reissue'),
    other_1: tr('其他处理 · 逾期不补正，不再处理', 'Other: no correction in time'),
    other_2: tr('其他处理 · 逾期未缴费，不再处理', 'Other: fee not paid in time'),
    other_3: tr('其他处理 · 其他', 'Other')
  };
}

export function resultName(code) {
  return lookup(results, code);
}

export function replyTypes() {
  return { published: tr('已主动公开', 'Already published'), disclosed: tr('予以公开', 'Disclosed'),
    partly: tr('部分公开', 'Partly disclosed'), not_disclosed: tr('不予公开', 'Not disclosed'),
    not_exist: tr('信息不存在', 'Does not exist'), not_this_office: tr('非本机关负责公开', 'Not this office\'s information'),
    unclear: tr('申请内容不明确', 'Request unclear') };
}

export function replyName(code) {
  return lookup(replyTypes, code);
}

export function applicationStates() {
  return { received: tr('已收到', 'Received'), handling: tr('办理中', 'Handling'),
    correction_requested: tr('待补正', 'Correction requested'), answered: tr('已答复', 'Answered') };
}

export function applicationStateName(code) {
  return lookup(applicationStates, code);
}

export function screenKinds() {
  return { plaza: tr('大屏/LED', 'Wall / LED'), touch: tr('触摸屏', 'Touchscreen') };
}

export function screenKindName(code) {
  return lookup(screenKinds, code);
}

export function screenStates() {
  return { pending: tr('待配对', 'Waiting to pair'), active: tr('在用', 'Active'), retired: tr('已停用', 'Retired') };
}

export function screenStateName(code) {
  return lookup(screenStates, code);
}
