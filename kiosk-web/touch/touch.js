// The service-hall touchscreen: an attract loop while nobody uses it; then home tiles for the disclosure catalogue,
// life events and enterprise stages; lists in pages (no scrolling surprises); every item with its QR code; search
// with an on-screen keyboard (pinyin or common words); a large-text mode; and a reset after a minute of idleness
// that forgets everything the last person did.
import { el, clear, formatDate } from '../common/dom.js';
import { renderItem, kindName, alertName } from '../common/render-item.js';
import { keyboard } from './keyboard.js';
import { tr, setLang, getLang, named } from '../common/i18n.js';
import { connect } from '../common/screen-link.js';
import { serverNow, serverDate } from '../common/clock.js';
import { alerts, rotation, ended, windowEdgePassed } from '../common/playlist.js';
import { watchIdle } from './idle.js';

var view = document.getElementById('view');
var attract = document.getElementById('attract');
var idleBox = document.getElementById('idle');
var largeButton = document.getElementById('large');
var MAIN_CATEGORIES = ['notices', 'office-guides', 'policy-documents', 'interpretations', 'org-functions'];
// These tiles list every item of a kind (a guide filed under 社会救助 is still a 办事指南).
var KIND_OF_CATEGORY = { notices: 'notice', 'office-guides': 'guide', 'policy-documents': 'policy', interpretations: 'interpretation' };
var PARAMS = new URLSearchParams(location.search);
var IDLE_SECONDS = Number(PARAMS.get('idle')) || 60;
var ATTRACT_SECONDS = Number(PARAMS.get('attract')) || 10; // seconds per notice of the attract loop

var history = []; // the views behind the current one, for 返回
var current = null; // { render: function } of the view on screen
var catalogue = null;
var attractTimer = null;
var link = null; // this screen's state from the server (common/screen-link.js)
var seenVersion = null;
var dismissed = {}; // alert id -> until (ms): a citizen may put an alert aside for a few minutes
var DISMISS_MS = 5 * 60 * 1000;
var alertBox = document.getElementById('alert');

function getJson(url) {
  return fetch(url, { headers: { Accept: 'application/json' } }).then(function (r) {
    if (!r.ok) throw new Error(r.status === 404 ? tr('这条信息不存在或已撤回。', 'This item does not exist or was withdrawn.') : unavailable());
    return r.json();
  });
}

function go(next) {
  if (current) history.push(current);
  show(next);
}

function show(next) {
  current = next;
  clear(view);
  view.scrollTop = 0;
  // A box of its own for each rendering: an answer that arrives after the next rendering began lands in a box
  // that is no longer on screen.
  var box = el('div', { className: 'view' });
  view.appendChild(box);
  next.render(box);
}

function back() {
  if (history.length) show(history.pop());
}

function unavailable() {
  return tr('暂时无法加载，请稍后再试。', 'Cannot load this now; please try again later.');
}

function showError(e, into) {
  clear(into).appendChild(el('p', { className: 'error', text: (e && e.message) || unavailable() }));
}

// ---------------------------------------------------------------- home

function tile(label, query, hint) {
  return el('button', { type: 'button', className: 'tile', 'data-query': query, 'data-label': label },
    [el('span', { className: 'tile-name', text: label }), hint ? el('span', { className: 'tile-hint', text: hint }) : null]);
}

function homeView() {
  return {
    render: function (into) {
      if (!catalogue) {
        into.appendChild(el('p', { text: tr('正在加载…', 'Loading…') }));
        getJson('/api/categories').then(function (c) { catalogue = c; if (current && current.home) show(current); }).catch(function (e) { showError(e, into); });
        return;
      }
      var main = catalogue.categories.filter(function (c) { return MAIN_CATEGORIES.indexOf(c.code) >= 0; })
        .sort(function (a, b) { return MAIN_CATEGORIES.indexOf(a.code) - MAIN_CATEGORIES.indexOf(b.code); });
      // A category named like a life event (就业 is both a disclosure domain and a life event) is not a second tile
      // of the same name: the life event's tile lists both.
      var sameAs = {};
      catalogue.categories.forEach(function (c) {
        catalogue.lifeEvents.forEach(function (l) { if (c.code === l.code || c.name === l.name) sameAs[l.code] = c.code; });
      });
      var merged = Object.keys(sameAs).map(function (k) { return sameAs[k]; });
      var more = catalogue.categories.filter(function (c) { return MAIN_CATEGORIES.indexOf(c.code) < 0 && merged.indexOf(c.code) < 0; });
      into.appendChild(el('p', { className: 'lead', text: tr('请点击您要查找的内容，或点上方“搜索”。', 'Tap what you are looking for, or tap Search above.') }));
      into.appendChild(el('h2', { text: tr('政务公开目录', 'Government information') }));
      into.appendChild(el('div', { className: 'tiles main' }, main.map(function (c) {
        return tile(named(c), KIND_OF_CATEGORY[c.code] ? 'kind=' + KIND_OF_CATEGORY[c.code] : 'category=' + c.code);
      })));
      into.appendChild(el('h2', { text: tr('个人办事（按人生阶段）', 'For people, by life event') }));
      into.appendChild(el('div', { className: 'tiles' }, catalogue.lifeEvents.map(function (c) {
        return tile(named(c), 'lifeEvent=' + c.code + (sameAs[c.code] ? '|category=' + sameAs[c.code] : ''));
      })));
      into.appendChild(el('h2', { text: tr('企业办事（按经营阶段）', 'For businesses, by stage') }));
      into.appendChild(el('div', { className: 'tiles' }, catalogue.enterpriseStages.map(function (c) { return tile(named(c), 'enterpriseStage=' + c.code); })));
      into.appendChild(el('h2', { text: tr('依申请公开', 'Information on request') }));
      var lookup = el('button', { type: 'button', className: 'tile', id: 'applications', text: tr('查询申请办理进度', 'Where is my request?') });
      lookup.addEventListener('click', function () { go(applicationView()); });
      into.appendChild(el('div', { className: 'tiles' }, [lookup]));
      into.appendChild(el('h2', { text: tr('更多公开内容', 'More') }));
      into.appendChild(el('div', { className: 'tiles small' }, more.map(function (c) { return tile(named(c), 'category=' + c.code); })));
    },
    home: true
  };
}

// ---------------------------------------------------------------- lists, in pages

function pageSize() {
  return window.innerHeight > window.innerWidth ? 8 : 5;
}

function listView(label, query, page) {
  return {
    render: function (into) {
      into.appendChild(el('h2', { text: label }));
      var size = pageSize();
      listPage(query, page, size).then(function (result) {
        if (!result.items.length) {
          into.appendChild(el('p', { className: 'empty', text: tr('这里暂时没有内容。', 'Nothing here at the moment.') }));
          return;
        }
        into.appendChild(el('ul', { className: 'list' }, result.items.map(function (i) { return entry(i, []); })));
        pager(into, page, Math.ceil(result.total / size), function (p) { show(listView(label, query, p)); });
      }).catch(function (e) { showError(e, into); });
    }
  };
}

// One page of a tile's list. A tile of several queries (a|b) lists the items of any of them, each once, in the
// server's order (priority, then newest first).
var MERGED_PAGES = 5; // of 100 items per query: more than a county publishes on one subject at a time

function listPage(query, page, size) {
  var queries = query.split('|');
  if (queries.length === 1) {
    return getJson('/api/items?' + query + '&size=' + size + '&page=' + page).then(function (r) {
      return { items: r.items.filter(notEnded), total: r.total };
    });
  }
  return Promise.all(queries.map(function (q) { return allItems(q, 1, []); })).then(function (lists) {
    var byId = {};
    var items = [];
    lists.forEach(function (list) {
      list.filter(notEnded).forEach(function (i) { if (!byId[i.id]) { byId[i.id] = true; items.push(i); } });
    });
    items.sort(function (a, b) {
      return (b.priority - a.priority) || (startOf(b) - startOf(a)) || (b.id - a.id);
    });
    return { items: items.slice((page - 1) * size, page * size), total: items.length };
  });
}

function allItems(query, page, into) {
  return getJson('/api/items?' + query + '&size=100&page=' + page).then(function (r) {
    var all = into.concat(r.items);
    return all.length < r.total && page < MERGED_PAGES ? allItems(query, page + 1, all) : all;
  });
}

function startOf(item) {
  return Date.parse(item.publishStart || item.createdAt) || 0;
}

// The screen redraws a list when an item's window ends by its own reckoning of the server's clock (windowsEnded);
// that reckoning can be a second or two ahead of the server's, which then still lists the item: the screen's
// own rule decides, as the players' rules do offline.
function notEnded(item) {
  return !ended(item, serverDate());
}

function entry(item, marks) {
  var title = el('span', { className: 'entry-title' }, highlighted(item.title, marks || []));
  var department = getLang() === 'en' && item.departmentNameEn ? item.departmentNameEn : item.departmentName;
  var meta = el('span', { className: 'entry-meta', text: [kindName(item.kind), department].filter(Boolean).join(' · ') });
  return el('li', null, [el('button', { type: 'button', className: 'entry', 'data-id': item.id }, [title, meta])]);
}

function pager(into, page, pages, goTo) {
  if (pages <= 1) return;
  var prev = el('button', { type: 'button', className: 'page-button', text: tr('上一页', 'Previous'), disabled: page <= 1 });
  var next = el('button', { type: 'button', className: 'page-button', text: tr('下一页', 'Next'), disabled: page >= pages });
  prev.addEventListener('click', function () { goTo(page - 1); });
  next.addEventListener('click', function () { goTo(page + 1); });
  into.appendChild(el('div', { className: 'pager' }, [prev, el('span', { text: tr('第 ' + page + ' / ' + pages + ' 页', 'Page ' + page + ' of ' + pages) }), next]));
}

// Text with the matched words marked; built from text nodes, never from markup.
function highlighted(text, marks) {
  var words = marks.filter(Boolean).sort(function (a, b) { return b.length - a.length; });
  var out = [];
  var rest = text;
  while (rest.length) {
    var best = -1;
    var word = null;
    words.forEach(function (w) {
      var at = rest.indexOf(w);
      if (at >= 0 && (best < 0 || at < best)) { best = at; word = w; }
    });
    if (best < 0) { out.push(rest); break; }
    if (best > 0) out.push(rest.substring(0, best));
    out.push(el('mark', { text: word }));
    rest = rest.substring(best + word.length);
  }
  return out;
}

// ---------------------------------------------------------------- one item

function itemView(id) {
  return {
    render: function (into) {
      getJson('/api/items/' + id).then(function (item) { itemPage(item, into); })
        .catch(function (e) { showError(e, into); });
    }
  };
}

var readable = null; // the article on screen, which a voice that arrives late may read

function itemPage(item, into) {
  var article = el('article', { className: 'item', 'data-id': item.id }, renderItem(item, function (rid) { return '#item-' + rid; }));
  linkify(article);
  if (item.kind === 'guide') article.appendChild(ratingBox(item));
  var qr = el('figure', { className: 'qr' }, [
    item.links ? el('img', { src: item.links.qrSvg, alt: tr('二维码', 'QR code') }) : el('div', { className: 'qr-later' }),
    el('figcaption', { text: item.links ? tr('扫码在手机上阅读全文', 'Scan to read it on your phone')
      : tr('保存后生成二维码', 'The QR code is made when the item is saved') })]);
  into.appendChild(el('div', { className: 'detail' }, [article, qr]));
  readable = article;
  addReadAloud();
}

// ---------------------------------------------------------------- read aloud, only where a Chinese voice exists

// The browser's Chinese voice (mainland first), or null: with no voice, speech would read nothing.
function chineseVoice() {
  var synth = window.speechSynthesis;
  if (!synth || typeof SpeechSynthesisUtterance === 'undefined' || typeof synth.getVoices !== 'function') return null;
  var voices = synth.getVoices() || [];
  var chinese = [];
  for (var i = 0; i < voices.length; i++) {
    if (/^(zh|cmn)([-_]|$)/i.test(voices[i].lang || '')) chinese.push(voices[i]);
  }
  var mainland = chinese.filter(function (v) { return !/(TW|HK|MO|Hant)/i.test(v.lang); });
  return mainland[0] || chinese[0] || null;
}

// Puts 朗读 on the article on screen, once, if there is a voice to read it (also called when the voices arrive).
function addReadAloud() {
  var article = readable;
  if (!article || !document.body.contains(article) || article.querySelector('.speak') || !chineseVoice()) return;
  article.insertBefore(readAloudButton(article), article.firstChild);
}

function readAloudButton(article) {
  var synth = window.speechSynthesis;
  var button = el('button', { type: 'button', className: 'speak', text: tr('朗读', 'Read aloud') });
  button.addEventListener('click', function () {
    if (synth.speaking) { synth.cancel(); button.textContent = tr('朗读', 'Read aloud'); return; }
    var u = new SpeechSynthesisUtterance(article.innerText);
    u.lang = 'zh-CN';
    u.voice = chineseVoice();
    u.onend = function () { button.textContent = tr('朗读', 'Read aloud'); };
    synth.speak(u);
    button.textContent = tr('停止朗读', 'Stop reading');
  });
  return button;
}

if (window.speechSynthesis) {
  // Chromium loads its voices after the page: the list is empty at first and voiceschanged says when it is not.
  if (typeof window.speechSynthesis.addEventListener === 'function') window.speechSynthesis.addEventListener('voiceschanged', addReadAloud);
  else window.speechSynthesis.onvoiceschanged = addReadAloud;
}

// ---------------------------------------------------------------- outside addresses: shown, never opened

// The same rule as org.gongkai.qr.ItemLinks (keep the two in step): http(s) addresses in ASCII, without the
// punctuation of the sentence around them.
var URL_IN_TEXT = /https?:\/\/[A-Za-z0-9\-._~:/?#\[\]@!$&()*+,;=%]+/gi;

function trimUrl(url) {
  var u = url;
  for (;;) {
    var last = u.charAt(u.length - 1);
    var unbalanced = (last === ')' && u.indexOf('(') < 0) || (last === ']' && u.indexOf('[') < 0);
    if ('.,;:!?'.indexOf(last) < 0 && !unbalanced) return u;
    u = u.substring(0, u.length - 1);
  }
}

// Addresses written in the item's text become links, so that a citizen can take them home (showLink).
function linkify(root) {
  var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, null, false);
  var texts = [];
  for (var t = walker.nextNode(); t; t = walker.nextNode()) {
    if (!t.parentNode.closest('a, button')) texts.push(t);
  }
  texts.forEach(function (node) {
    var text = node.nodeValue;
    var parts = [];
    var at = 0;
    var m;
    URL_IN_TEXT.lastIndex = 0;
    while ((m = URL_IN_TEXT.exec(text)) !== null) {
      var url = trimUrl(m[0]);
      if (url.length <= 'https://'.length) continue;
      if (m.index > at) parts.push(text.substring(at, m.index));
      parts.push(el('a', { href: url, className: 'text-link', text: url }));
      at = m.index + url.length;
      URL_IN_TEXT.lastIndex = at;
    }
    if (!parts.length) return;
    if (at < text.length) parts.push(text.substring(at));
    parts.forEach(function (part) {
      node.parentNode.insertBefore(typeof part === 'string' ? document.createTextNode(part) : part, node);
    });
    node.parentNode.removeChild(node);
  });
}

var linkPanel = document.getElementById('link-panel');

function closeLink() {
  linkPanel.hidden = true;
  clear(linkPanel);
}

// An outside address of the item on screen: its QR code and short address to take home, and the address itself.
function showLink(url, itemId) {
  var qrBox = el('div', { className: 'link-code' }, [el('p', { text: tr('正在生成二维码…', 'Making the QR code…') })]);
  var close = el('button', { type: 'button', id: 'link-close', text: tr('关闭', 'Close') });
  close.addEventListener('click', closeLink);
  clear(linkPanel).appendChild(el('div', { className: 'link-box', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'link-title' }, [
    el('h2', { id: 'link-title', text: tr('请用手机扫码打开', 'Open it on your phone') }),
    el('p', { className: 'link-why', text: tr('本机不打开外部网站。请扫描二维码，或记下短地址在手机上打开。',
      'This screen does not open other websites. Scan the code, or note the short address and open it on your phone.') }),
    qrBox,
    el('p', { className: 'link-label', text: tr('网址', 'Address') }),
    el('p', { className: 'link-url', text: url }),
    close]));
  linkPanel.hidden = false;
  var none = function () {
    clear(qrBox).appendChild(el('p', { className: 'link-none', text: tr('这个网址暂时没有二维码，请记下上面的网址。',
      'There is no QR code for this address at the moment; please note the address.') }));
  };
  if (!itemId) { none(); return; }
  getJson('/api/items/' + itemId + '/links').then(function (r) {
    var found = r.links.filter(function (l) { return l.url === url; })[0];
    if (!found) { none(); return; } // the item changed or went since its page was drawn
    clear(qrBox);
    qrBox.appendChild(el('img', { className: 'link-qr', src: found.qrSvg, alt: tr('二维码', 'QR code') }));
    qrBox.appendChild(el('p', { className: 'link-label', text: tr('短地址', 'Short address') }));
    qrBox.appendChild(el('p', { className: 'link-short', text: found.shortUrl }));
  }).catch(none);
}

// Nothing on this screen may leave the kiosk: every link is handled here, before the browser could follow it.
function guardLinks(e) {
  var a = e.target.closest ? e.target.closest('a') : null;
  if (!a) return;
  e.preventDefault();
  if (e.type !== 'click') return;
  var href = a.getAttribute('href') || '';
  if (href.indexOf('#item-') === 0) {
    go(itemView(href.substring(6)));
  } else if (/^https?:\/\//i.test(href)) {
    var article = a.closest('article[data-id]');
    showLink(href, article ? article.getAttribute('data-id') : null);
  }
}
['click', 'auxclick', 'dragstart'].forEach(function (type) { document.addEventListener(type, guardLinks, true); });
// A long press would offer 在新标签页中打开 (open in a new tab).
document.addEventListener('contextmenu', function (e) { e.preventDefault(); }, true);

// One rating of each item, and of the visit, per visit: the server counts a visit by this id (a new one at each
// reset) and refuses a second rating; the screen says the first one was recorded instead of offering it again.
var visit = newVisit();

function newVisit() {
  var bytes = new Uint8Array(12);
  (window.crypto || window.msCrypto).getRandomValues(bytes);
  return { id: 'v-' + Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join(''), rated: {} };
}

function ratingMessage(result) {
  return {
    ok: tr('感谢您的评价！已记录您的评价。', 'Thank you! Your rating has been recorded.'),
    already: tr('已记录您的评价。每次使用，每项内容只能评价一次。', 'Your rating is recorded. You can rate each item once per visit.'),
    limited: tr('本机一小时内对这项内容的评价已达上限，感谢您的参与。', 'This screen has had the most ratings that count for this item this hour. Thank you.'),
    failed: tr('评价没有提交成功，请稍后再试。', 'Your rating was not sent; please try again.')
  }[result];
}

// The levels and reasons of a rating, as the server defines them (GET /api/ratings/options), fetched once.
var ratingOptions = null;

function loadRatingOptions() {
  if (!ratingOptions) ratingOptions = getJson('/api/ratings/options').catch(function (e) { ratingOptions = null; throw e; });
  return ratingOptions;
}

// The five level buttons; a tap sends the rating (plus `extra`) once and hands done() ok, already, limited or failed.
function ratingButtons(extra, done) {
  var buttons = el('div', { className: 'rating-levels' });
  loadRatingOptions().then(function (o) {
    o.levels.forEach(function (l) {
      buttons.appendChild(el('button', { type: 'button', className: 'rate', 'data-level': l.code, text: named(l) }));
    });
  }).catch(function () { /* no rating offered */ });
  var sending = false;
  buttons.addEventListener('click', function (e) {
    var b = e.target.closest('button');
    if (!b || sending) return;
    var body = extra();
    var subject = body.itemId && body.context !== 'session' ? 'item ' + body.itemId : 'visit';
    if (visit.rated[subject]) { done('already'); return; }
    sending = true; // a second tap while the first is on its way sends nothing
    body.level = Number(b.dataset.level);
    body.screenId = pairedScreenId();
    body.sessionId = visit.id;
    var forVisit = visit;
    fetch('/api/ratings', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (r) {
        if (r.ok) return 'ok';
        if (r.status !== 429) return 'failed';
        return r.json().then(function (err) { return err.field === 'sessionId' ? 'already' : 'limited'; }, function () { return 'limited'; });
      }, function () { return 'failed'; })
      .then(function (result) {
        sending = false;
        if (result !== 'failed') forVisit.rated[subject] = true;
        done(result);
      });
  });
  return buttons;
}

function ratingBox(item) {
  var box = el('section', { className: 'rating' }, [el('h2', { text: tr('这份办事指南对您有帮助吗？', 'Did this guide help you?') })]);
  function finished(result) {
    clear(box).appendChild(el('p', { className: result === 'failed' ? 'error' : 'thanks', text: ratingMessage(result) }));
  }
  if (visit.rated['item ' + item.id]) finished('already');
  else box.appendChild(ratingButtons(function () { return { itemId: item.id }; }, finished));
  return box;
}

// ---------------------------------------------------------------- search

function searchView() {
  var text = '';
  var box = el('p', { className: 'search-box', 'aria-live': 'polite' });
  var results = el('div', { className: 'results' });
  function showText(t) {
    text = t;
    box.textContent = t || tr('请用下方键盘输入拼音或首字母，例如 ylbx（养老保险）', 'Type pinyin or initials below, e.g. ylbx (养老保险)');
    box.classList.toggle('placeholder', !t);
  }
  function run(q, page) {
    if (!q.trim()) return;
    clear(results).appendChild(el('p', { text: tr('正在查找…', 'Searching…') }));
    var size = pageSize();
    getJson('/api/search?q=' + encodeURIComponent(q) + '&size=' + size + '&page=' + page).then(function (r) {
      clear(results);
      if (!r.items.length) {
        results.appendChild(el('p', { className: 'empty', text: tr('没有找到“' + q + '”，换个词试试。', 'Nothing found for "' + q + '"; try another word.') }));
        return;
      }
      results.appendChild(el('p', { className: 'count', text: tr('找到 ' + r.total + ' 条', r.total + ' found') }));
      results.appendChild(el('ul', { className: 'list' }, r.items.map(function (i) { return entry(i, i.highlights); })));
      pager(results, page, Math.ceil(r.total / size), function (p) { run(q, p); });
    }).catch(function (e) { clear(results).appendChild(el('p', { className: 'error', text: e.message })); });
  }
  return {
    keepsInput: true, // typed text would be lost: content changes do not redraw it
    render: function (into) {
      showText(text);
      into.appendChild(box);
      into.appendChild(keyboard(showText, function (q) { run(q, 1); }));
      into.appendChild(results);
    }
  };
}

// ---------------------------------------------------------------- end of a visit: rate it, then start afresh

function finishView() {
  return {
    keepsInput: true, // typed text would be lost: content changes do not redraw it
    render: function (into) {
      into.appendChild(el('h2', { text: tr('请您对本次查询服务进行评价（匿名）', 'Please rate this service (anonymous)') }));
      var chosen = {};
      var reasons = el('div', { className: 'reasons' });
      var skip = el('button', { type: 'button', className: 'page-button', id: 'skip-rating', text: tr('不评价，直接结束', 'Finish without rating') });
      skip.addEventListener('click', reset);
      var levels = ratingButtons(function () {
        return { context: 'session', reasons: Object.keys(chosen).filter(function (k) { return chosen[k]; }) };
      }, function (result) {
        clear(into).appendChild(el('p', { className: result === 'failed' ? 'error' : 'thanks', text: ratingMessage(result) }));
        setTimeout(reset, 3000);
      });
      into.appendChild(levels);
      into.appendChild(el('p', { className: 'lead', text: tr('可选：原因', 'Optional: why') }));
      into.appendChild(reasons);
      into.appendChild(skip);
      loadRatingOptions().then(function (o) {
          o.reasons.forEach(function (r) {
            var b = el('button', { type: 'button', className: 'word', 'aria-pressed': 'false', 'data-reason': r.code, text: named(r) });
            b.addEventListener('click', function () {
              chosen[r.code] = !chosen[r.code];
              b.setAttribute('aria-pressed', chosen[r.code] ? 'true' : 'false');
              b.textContent = (chosen[r.code] ? '✓ ' : '') + named(r); // not by colour alone
            });
            reasons.appendChild(b);
          });
        }).catch(function () { /* levels alone */ });
    }
  };
}

// ---------------------------------------------------------------- disclosure on request: look up an application

function applicationView() {
  var fields = { number: '', code: '' };
  var active = 'number';
  var boxes = {
    number: el('button', { type: 'button', className: 'field-box active', 'data-field': 'number' }),
    code: el('button', { type: 'button', className: 'field-box', 'data-field': 'code' })
  };
  var answer = el('div', { className: 'application', 'aria-live': 'polite' });
  function paint() {
    boxes.number.textContent = tr('申请编号：', 'Request number: ') + (fields.number || tr('（例如 YSQ2026-000123）', '(e.g. YSQ2026-000123)'));
    // The code is not shown as typed: others in the hall may be looking.
    boxes.code.textContent = tr('查询码：', 'Check code: ') + (fields.code ? new Array(fields.code.length + 1).join('●')
      : tr('（受理时告知的 8 位查询码）', '(the 8 characters you were given)'));
    boxes.number.classList.toggle('active', active === 'number');
    boxes.code.classList.toggle('active', active === 'code');
  }
  function lookUp() {
    if (!fields.number || !fields.code) return;
    clear(answer).appendChild(el('p', { text: tr('正在查询…', 'Looking it up…') }));
    var screenId = pairedScreenId();
    fetch('/api/applications/lookup?number=' + encodeURIComponent(fields.number) + '&code=' + encodeURIComponent(fields.code)
      + (screenId ? '&screenId=' + encodeURIComponent(screenId) : ''), { headers: { Accept: 'application/json' } }).then(function (r) {
      if (r.status === 429) return r.json().then(function (e) { return { throttled: e.retryAfterSeconds || Number(r.headers.get('Retry-After')) || 60 }; });
      return r.ok ? r.json() : null;
    }).then(function (a) {
      clear(answer);
      if (a && a.throttled) {
        // Too many wrong codes from this screen: say so, and for how long, instead of a plain "not found".
        var minutes = Math.ceil(a.throttled / 60);
        answer.appendChild(el('p', { className: 'error', id: 'lookup-throttled', text: tr(
          '查询码输错次数过多，为保护申请人信息，本机暂停查询 ' + minutes + ' 分钟，请稍后再试或到窗口咨询。',
          'Too many wrong check codes: to protect applicants, lookups on this screen are paused for ' + minutes
            + (minutes === 1 ? ' minute' : ' minutes') + '. Please try again later or ask at the counter.') }));
        return;
      }
      if (!a) {
        answer.appendChild(el('p', { className: 'error', text: tr('没有查到：请核对申请编号和查询码。', 'Not found: please check the number and the code.') }));
        return;
      }
      answer.appendChild(el('table', { className: 'facts' }, [el('tbody', null, [
        [tr('申请编号', 'Number'), a.number], [tr('办理状态', 'State'), a.statusName], [tr('收到日期', 'Received'), formatDate(a.receivedOn)],
        [tr('答复期限', 'Answer due'), a.deadline ? formatDate(a.deadline) + tr('（还有 ' + a.workingDaysLeft + ' 个工作日）', ' (' + a.workingDaysLeft + ' working days left)') : null],
        [tr('答复日期', 'Answered'), a.answeredOn ? formatDate(a.answeredOn) : null], [tr('答复结果', 'Answer'), a.replyName || null]
      ].filter(function (r) { return r[1]; }).map(function (r) {
        return el('tr', null, [el('th', { scope: 'row', text: r[0] }), el('td', { text: r[1] })]);
      }))]));
      if (a.calendarComplete === false) {
        answer.appendChild(el('p', { className: 'note', text: tr('期限按工作日估算，以受理机关告知为准。', 'The due date is an estimate in working days; the office’s notice counts.') }));
      }
    }).catch(function () { clear(answer).appendChild(el('p', { className: 'error', text: unavailable() })); });
  }
  return {
    keepsInput: true, // typed text would be lost: content changes do not redraw it
    render: function (into) {
      into.appendChild(el('h2', { text: tr('依申请公开：查询办理进度', 'Information on request: where is my request?') }));
      into.appendChild(el('div', { className: 'fields' }, [boxes.number, boxes.code]));
      var board = keyboard(function (t) { fields[active] = t; paint(); }, function () {
        if (active === 'number' && fields.number && !fields.code) { focus('code'); return; }
        lookUp();
      }, { digits: true, submitLabel: tr('查询', 'Look up') });
      function focus(field) {
        active = field;
        board.setText(fields[field]);
        paint();
      }
      into.addEventListener('click', function (e) {
        var b = e.target.closest('.field-box');
        if (b) focus(b.dataset.field);
      });
      paint();
      into.appendChild(board);
      into.appendChild(answer);
    }
  };
}

// ---------------------------------------------------------------- attract loop and reset

function touchToStart() {
  return '请触摸屏幕开始查询 · Touch the screen to start';
}

// The notices this screen's group shows now (the screen's own copy, so the loop runs offline too); none before
// the screen is paired into a group: other groups' notices are not this screen's to show.
function attractItems() {
  var s = link && link.state;
  if (!s || s.status !== 'active') return [];
  var zone = (s.group && s.group.timezone) || 'Asia/Shanghai';
  return rotation(s.items || [], serverDate(), zone).filter(function (i) { return i.kind === 'notice' && i.links; });
}

function startAttract() {
  attract.hidden = false;
  clearTimeout(attractTimer);
  var i = 0;
  function next() {
    if (attract.hidden) return;
    var items = attractItems();
    if (!items.length) {
      clear(attract).appendChild(el('p', { className: 'attract-hint', text: touchToStart() }));
    } else {
      var item = items[i++ % items.length];
      clear(attract).appendChild(el('div', { className: 'attract-item' }, [
        el('p', { className: 'attract-meta', text: kindName(item.kind) + ' · ' + (item.departmentName || '') }),
        el('h2', { text: item.title }),
        item.summary ? el('p', { text: item.summary }) : null,
        el('img', { src: item.links.qrSvg, alt: 'QR' }),
        el('p', { className: 'attract-hint', text: touchToStart() })]));
    }
    // with nothing to show yet, look again soon: the group's notices arrive once the screen is connected
    attractTimer = setTimeout(next, (items.length ? ATTRACT_SECONDS : 1) * 1000);
  }
  next();
}

function stopAttract() {
  clearTimeout(attractTimer);
  attract.hidden = true;
  go(homeView());
}

var contrastButton = document.getElementById('contrast');

function setContrast(on) {
  document.body.classList.toggle('contrast', on);
  contrastButton.setAttribute('aria-pressed', on ? 'true' : 'false');
  contrastButton.textContent = on ? tr('标准色', 'Normal colours') : tr('高对比', 'High contrast');
}

function setLarge(on) {
  document.body.classList.toggle('large', on);
  largeButton.setAttribute('aria-pressed', on ? 'true' : 'false');
  largeButton.textContent = on ? tr('标准字', 'Normal text') : tr('大字', 'Large text');
}

// While staff have not yet paired this screen, its code shows small in a corner.
function paintPairing() {
  var s = link && link.state;
  document.getElementById('pairing').textContent = s && s.status === 'pending' && s.pairingCode
    ? tr('本机配对码 ', 'Pairing code ') + s.pairingCode : '';
}

// The header's words in the current language.
function paintChrome() {
  var words = { back: ['返回', 'Back'], home: ['首页', 'Home'], search: ['搜索', 'Search'], finish: ['结束使用', 'Finish'],
    stay: ['继续使用', 'Keep using'] };
  Object.keys(words).forEach(function (id) { document.getElementById(id).textContent = tr(words[id][0], words[id][1]); });
  document.querySelector('header h1').textContent = tr('政务公开查询', 'Government Information');
  var langButton = document.getElementById('lang');
  langButton.textContent = getLang() === 'en' ? '中文' : 'English';
  langButton.setAttribute('lang', getLang() === 'en' ? 'zh-CN' : 'en');
  setLarge(document.body.classList.contains('large'));
  setContrast(document.body.classList.contains('contrast'));
  paintPairing();
}

function setLanguage(value) {
  setLang(value);
  paintChrome();
  if (current && attract.hidden) show(current);
}

// Forget everything the last person did: views, search text, large text, language; back to the attract loop.
function reset() {
  setLanguage('zh');
  visit = newVisit();
  dismissed = {};
  history = [];
  current = null;
  clear(view);
  setLarge(false);
  setContrast(false);
  closeLink();
  readable = null;
  if (window.speechSynthesis) window.speechSynthesis.cancel();
  startAttract();
}

view.addEventListener('click', function (e) {
  var target = e.target.closest('button, a');
  if (!target) return;
  if (target.dataset.query) go(listView(target.dataset.label, target.dataset.query, 1));
  else if (target.dataset.id && target.classList.contains('entry')) go(itemView(target.dataset.id));
});
attract.addEventListener('pointerdown', function (e) { e.preventDefault(); stopAttract(); });
document.getElementById('home').addEventListener('click', function () { history = []; current = null; go(homeView()); });
document.getElementById('back').addEventListener('click', back);
document.getElementById('search').addEventListener('click', function () { go(searchView()); });
document.getElementById('finish').addEventListener('click', function () { go(finishView()); });
document.getElementById('lang').addEventListener('click', function () { setLanguage(getLang() === 'en' ? 'zh' : 'en'); });
largeButton.addEventListener('click', function () { setLarge(!document.body.classList.contains('large')); });
contrastButton.addEventListener('click', function () { setContrast(!document.body.classList.contains('contrast')); });
document.getElementById('stay').addEventListener('click', function () { /* the touch itself keeps the session */ });

// ---------------------------------------------------------------- live: alerts and changed content

function showAlerts() {
  var s = link && link.state;
  var active = s && s.status === 'active' ? alerts(s.alerts || [], serverDate(), (s.group && s.group.timezone) || 'Asia/Shanghai') : [];
  var now = Date.now();
  var a = active.filter(function (x) { return !(dismissed[x.id] > now); })[0];
  var key = a ? a.id + ':' + a.version : '';
  if (alertBox.getAttribute('data-key') === key) return;
  alertBox.setAttribute('data-key', key);
  alertBox.hidden = !a;
  clear(alertBox);
  if (!a) return;
  alertBox.className = 'level-' + a.alert.level;
  var close = el('button', { type: 'button', id: 'dismiss', text: tr('我知道了（暂时关闭）', 'I have read it (hide for now)') });
  close.addEventListener('click', function () { dismissed[a.id] = Date.now() + DISMISS_MS; showAlerts(); });
  alertBox.appendChild(el('div', { className: 'alert-body' }, [
    el('p', { className: 'alert-level', text: alertName(a.alert.level) }),
    el('h2', { text: a.title }),
    el('p', { text: a.alert.area + tr(' · 发布时间 ', ' · issued ') + formatDate(a.publishStart || a.publishedAt, true) }),
    a.summary ? el('p', { text: a.summary }) : null,
    el('img', { src: a.links.qrSvg, alt: 'QR' }),
    close]));
}

function pairedScreenId() {
  var s = link && link.state;
  return s && s.status === 'active' ? s.screenId : undefined;
}

// New, changed, withdrawn and expired content: what is on screen is loaded again, in place.
function contentChanged(state) {
  var version = state.status === 'active' ? state.version : null;
  if (seenVersion !== null && version !== seenVersion && current && attract.hidden && !current.keepsInput) show(current);
  seenVersion = version;
}

// An item's window ending sends no message: the screen watches the ends of the items it holds.
var windowsCheckedAt = serverNow();
function windowsEnded() {
  var now = serverNow();
  var s = link && link.state;
  var passed = s && windowEdgePassed(s.items || [], new Date(windowsCheckedAt), new Date(now));
  windowsCheckedAt = now;
  if (passed && current && attract.hidden && !current.keepsInput) show(current);
}

// ?preview: the admin page's live preview of an item being written; no screen connection, no idle reset.
var PREVIEW = new URLSearchParams(location.search).has('preview');
if (PREVIEW) {
  window.addEventListener('message', function (e) {
    if (e.origin !== location.origin || !e.data || e.data.type !== 'gongkai-preview') return;
    attract.hidden = true;
    show({ render: function (into) { itemPage(e.data.item, into); } });
  });
}

link = { state: null };
if (!PREVIEW) connect('touch', function (update) {
  link.state = update.state;
  paintPairing();
  contentChanged(update.state);
  showAlerts();
});
setInterval(showAlerts, 1000); // alerts that expire or were put aside for a while
setInterval(windowsEnded, 1000);

if (!PREVIEW) watchIdle(IDLE_SECONDS, function (left) {
  idleBox.hidden = left === null || !attract.hidden;
  if (left !== null) {
    document.getElementById('idle-text').textContent = tr('无人操作，' + left + ' 秒后返回首页', 'No one is using the screen: back to the start in ' + left + ' s');
  }
}, function () {
  if (attract.hidden) reset();
});
if (!PREVIEW) reset();
