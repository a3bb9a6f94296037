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

export function actionName(code) {
  var names = { create: tr('新建', 'Created'), update: tr('修改', 'Edited'), revise: tr('修改已发布内容', 'Changed the published item'),
    submit: tr('提交审核', 'Submitted'), approve: tr('审核通过并发布', 'Approved and published'),
    'return': tr('退回修改', 'Returned'), withdraw: tr('撤回', 'Withdrawn'), clear: tr('解除预警', 'All clear'),
    issue: tr('签发', 'Issued'), 'import': tr('导入', 'Imported') };
  return names[code] || code;
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
