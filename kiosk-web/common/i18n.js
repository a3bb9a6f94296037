// Simplified Chinese by default, English as a switch. Strings stay where they are used, in both languages:
// tr('受理条件', 'Who may apply'). Content written by staff is not translated; names with an English form
// (categories, departments) use it.
var lang = 'zh';

export function setLang(value) {
  lang = value === 'en' ? 'en' : 'zh';
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
}

export function getLang() {
  return lang;
}

export function tr(zh, en) {
  return lang === 'en' ? en : zh;
}

/** An entry's name in the current language: { name, nameEn } from the catalogue, departments and groups. */
export function named(entry) {
  return lang === 'en' && entry && entry.nameEn ? entry.nameEn : entry && entry.name;
}
