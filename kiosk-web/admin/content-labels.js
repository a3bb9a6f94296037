// Names of the content codes (statuses, history actions, hazards) on the admin page, in Chinese and English.
import { tr } from '../common/i18n.js';
import { badge } from './ui.js';

export function statusName(code) {
  var names = { draft: tr('草稿', 'Draft'), submitted: tr('待审核', 'Submitted'), returned: tr('已退回', 'Returned'),
    published: tr('已发布', 'Published'), withdrawn: tr('已撤回', 'Withdrawn') };
  return names[code] || code;
}

export function statusBadge(code) {
  var kinds = { draft: 'muted', submitted: 'info', returned: 'warn', published: 'ok', withdrawn: 'muted' };
  return badge(statusName(code), kinds[code]);
}

// The actions of an item's history by the codes the server stores: HistoryAction in Java and the CHECK of
// item_history.action (V9__history_actions.sql) list the same names (HistoryActionNamesUnitTest).
var ACTION_NAMES = {
  create: ['新建', 'Created'],
  update: ['修改', 'Edited'],
  revise: ['修改已发布内容', 'Changed the published item'],
  submit: ['提交审核', 'Submitted'],
  approve: ['审核通过并发布', 'Approved and published'],
  'return': ['退回修改', 'Returned'],
  withdraw: ['撤回', 'Withdrawn'],
  clear: ['解除预警', 'All clear'],
  issue: ['签发', 'Issued'],
  'import': ['导入', 'Imported']
};

export var HISTORY_ACTIONS = Object.keys(ACTION_NAMES);

export function actionName(code) {
  var names = ACTION_NAMES.hasOwnProperty(code) ? ACTION_NAMES[code] : null;
  return names ? tr(names[0], names[1]) : code;
}

export function fieldName(code) {
  var names = { title: tr('标题', 'Title'), summary: tr('摘要', 'Summary'), body: tr('正文', 'Body'),
    guide: tr('办事指南', 'Guide'), policy: tr('文件信息', 'Policy'), interpretation: tr('解读', 'Interpretation'),
    alert: tr('预警', 'Alert'), category: tr('栏目', 'Category'), tags: tr('标签', 'Tags'), sourceUrl: tr('原文链接', 'Source URL'),
    publishStart: tr('开始时间', 'Start'), publishEnd: tr('结束时间', 'End'), priority: tr('优先级', 'Priority'),
    durationSeconds: tr('播放时长', 'Duration'), schedule: tr('分时段', 'Dayparting'), targetGroups: tr('屏幕组', 'Screen groups') };
  return names[code] || code;
}

export var HAZARDS = ['typhoon', 'rainstorm', 'flood', 'heat', 'public_health', 'cold', 'gale', 'fog', 'snow', 'thunder',
  'hail', 'drought', 'haze', 'other'];

export function hazardName(code) {
  var names = { typhoon: tr('台风', 'Typhoon'), rainstorm: tr('暴雨', 'Rainstorm'), flood: tr('洪水', 'Flood'),
    heat: tr('高温', 'Heat'), public_health: tr('公共卫生', 'Public health'), cold: tr('寒潮', 'Cold wave'),
    gale: tr('大风', 'Gale'), fog: tr('大雾', 'Fog'), snow: tr('暴雪', 'Snowstorm'), thunder: tr('雷电', 'Thunder'),
    hail: tr('冰雹', 'Hail'), drought: tr('干旱', 'Drought'), haze: tr('霾', 'Haze'), other: tr('其他', 'Other') };
  return names[code] || code;
}
