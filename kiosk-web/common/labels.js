// The names of the API's codes on the screens and pages (kinds, alert levels, materials, interpretation forms), in
// Chinese and English: one table for touch, plaza, the mobile page and the admin page. Strings used in one place stay
// there, in both languages (common/i18n.js tr).
import { tr } from './i18n.js';

var KIND_NAMES = { notice: ['公示公告', 'Notice'], guide: ['办事指南', 'Office guide'], policy: ['政策文件', 'Policy'],
  interpretation: ['政策解读', 'Policy interpretation'], alert: ['预警信息', 'Warning'] };
var MATERIAL_FORMS = { original: ['原件', 'Original'], copy: ['复印件', 'Copy'], original_and_copy: ['原件和复印件', 'Original and copy'] };
var MATERIAL_FORMATS = { paper: ['纸质', 'paper'], electronic: ['电子', 'electronic'], paper_or_electronic: ['纸质或电子', 'paper or electronic'] };
var INTERPRETATION_FORMS = { text: ['文字解读', 'Text'], graphic: ['图解', 'Graphic'], media: ['音视频解读', 'Audio and video'],
  leader: ['负责人解读', 'By the head of office'], expert: ['专家解读', 'By an expert'], qa: ['问答', 'Q&A'] };
var ALERT_LEVELS = { blue: ['蓝色', 'Blue'], yellow: ['黄色', 'Yellow'], orange: ['橙色', 'Orange'], red: ['红色', 'Red'] };

// One of the pairs above in the current language.
function say(pairs, code) {
  var pair = pairs[code];
  return pair ? tr(pair[0], pair[1]) : code;
}

/** 红色预警 / Red warning */
export function alertName(level) {
  var pair = ALERT_LEVELS[level] || ['', ''];
  return tr(pair[0] + '预警', (pair[1] + ' warning').trim());
}

export function kindName(kind) {
  return say(KIND_NAMES, kind);
}

/** 原件 / Original */
export function materialFormName(code) {
  return say(MATERIAL_FORMS, code);
}

/** 纸质 / paper */
export function materialFormatName(code) {
  return say(MATERIAL_FORMATS, code);
}

/** 图解 / Graphic */
export function interpretationFormName(code) {
  return say(INTERPRETATION_FORMS, code);
}

/** 红色 / Red: the level alone. */
export function levelName(level) {
  return say(ALERT_LEVELS, level);
}

var CODE_LISTS = { kind: KIND_NAMES, materialForm: MATERIAL_FORMS, materialFormat: MATERIAL_FORMATS,
  interpretationForm: INTERPRETATION_FORMS, alertLevel: ALERT_LEVELS };

/** One of the code lists above as [{ value, text }] in the current language, for a form's choices. */
export function codeOptions(list) {
  var pairs = CODE_LISTS[list];
  return Object.keys(pairs).map(function (code) { return { value: code, text: say(pairs, code) }; });
}

