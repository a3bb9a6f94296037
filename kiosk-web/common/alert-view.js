// One emergency alert's words as every screen shows them: its level, title, area, who issued it (a CAP feed's sender,
// or the issuer staff named) and when it was issued (a CAP message's sent time, else its publish time), the time in
// the display time zone (the screen's group's, common/zone.js). The plaza player and the touchscreen lay these out
// each in their own frame (plaza: beside a QR code, fitted to the screen; touch: over the page, with a close button).
import { el, formatDate } from './dom.js';
import { tr } from './i18n.js';
import { alertName } from './labels.js';

/** When the alert was issued, 2026年11月3日 14:05 in the zone. */
function issuedAt(a, zone) {
  return formatDate(a.alert.issuedAt || a.publishStart || a.publishedAt, true, zone);
}

/** 示范县气象台发布 (issued by 示范县气象台), or '' when the alert names no issuer. */
function issuedBy(a) {
  var issuer = a.alert.issuer && String(a.alert.issuer).trim();
  return issuer ? tr(issuer + '发布', 'issued by ' + issuer) : '';
}

/** The alert in one line, for a strip: 红色预警 · title · area · 示范县气象台发布 · time. */
export function alertLine(a, zone) {
  return [alertName(a.alert.level), a.title, a.alert.area, issuedBy(a), issuedAt(a, zone)]
    .filter(Boolean).join(' · ');
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
    issuedBy(a) ? el('p', { className: 'issuer', text: issuedBy(a) }) : null,
    a.summary ? el('p', { className: 'summary' }, words(a.summary)) : null
  ];
}
