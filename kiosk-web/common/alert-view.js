// One emergency alert's words as every screen shows them: its level, title, area and when it was issued, the time in
// the display time zone (the screen's group's, common/zone.js). The plaza player and the touchscreen lay these out
// each in their own frame (plaza: beside a QR code, fitted to the screen; touch: over the page, with a close button).
import { el, formatDate } from './dom.js';
import { tr } from './i18n.js';
import { alertName } from './labels.js';

/** When the alert was issued, 2026年11月3日 14:05 in the zone. */
function issuedAt(a, zone) {
  return formatDate(a.publishStart || a.publishedAt, true, zone);
}

/** The alert in one line, for a strip: 红色预警 · title · area · time. */
export function alertLine(a, zone) {
  return alertName(a.alert.level) + ' · ' + a.title + ' · ' + a.alert.area + ' · ' + issuedAt(a, zone);
}

/**
 * The alert's text as nodes: level, title, area with the time issued, summary. options.heading is the title's tag
 * (h1 on the plaza, h2 on touch); options.words(text) gives a title's or summary's children (plaza/fit.js
 * endTogether keeps their last words together).
 */
export function alertText(a, zone, options) {
  var words = options.words || function (text) { return [text]; };
  return [
    el('p', { className: 'level alert-level', text: alertName(a.alert.level) }),
    el(options.heading, null, words(a.title)),
    el('p', { className: 'area' }, [a.alert.area + ' · ', el('span', { className: 'nowrap', text: tr('发布时间 ', 'issued ') + issuedAt(a, zone) })]),
    a.summary ? el('p', { className: 'summary' }, words(a.summary)) : null
  ];
}
