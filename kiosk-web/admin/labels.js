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
