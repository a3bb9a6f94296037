// A tile's list, in pages (no scrolling surprises); the entries and the pager are the search results' too.
import { el } from '../../common/dom.js';
import { tr, getLang } from '../../common/i18n.js';
import { kindName } from '../../common/labels.js';
import { getJson } from '../../common/get-json.js';
import { serverDate } from '../../common/clock.js';
import { ended } from '../../common/playlist.js';

/** Entries per page: fewer on a landscape screen. */
export function pageSize() {
  return window.innerHeight > window.innerWidth ? 8 : 5;
}

// param: { label, query, page }; the pager replaces this view with the next page, so 返回 goes back past all pages.
export var view = {
  id: 'list',
  render: function (into, app, param) {
    into.appendChild(el('h2', { text: param.label }));
    var size = pageSize();
    listPage(param.query, param.page, size).then(function (result) {
      if (!result.items.length) {
        into.appendChild(el('p', { className: 'empty', text: tr('这里暂时没有内容。', 'Nothing here at the moment.') }));
        return;
      }
      into.appendChild(el('ul', { className: 'list' }, result.items.map(function (i) { return entry(i, []); })));
      pager(into, param.page, Math.ceil(result.total / size), function (p) {
        app.replace('list', { label: param.label, query: param.query, page: p });
      });
    }).catch(function (e) { app.showError(e, into); });
  }
};

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

export function entry(item, marks) {
  var title = el('span', { className: 'entry-title' }, highlighted(item.title, marks || []));
  var department = getLang() === 'en' && item.departmentNameEn ? item.departmentNameEn : item.departmentName;
  var meta = el('span', { className: 'entry-meta', text: [kindName(item.kind), department].filter(Boolean).join(' · ') });
  return el('li', null, [el('button', { type: 'button', className: 'entry', 'data-id': item.id }, [title, meta])]);
}

export function pager(into, page, pages, goTo) {
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
