// 首页: tiles for the disclosure catalogue, life events, enterprise stages, the application lookup and the rest.
import { el } from '../../common/dom.js';
import { tr, named } from '../../common/i18n.js';
import { getJson } from '../../common/get-json.js';
import { isOffline, offlineNote } from '../offline.js';

var MAIN_CATEGORIES = ['notices', 'office-guides', 'policy-documents', 'interpretations', 'org-functions'];
// These tiles list every item of a kind (a guide filed under 社会救助 is still a 办事指南).
var KIND_OF_CATEGORY = { notices: 'notice', 'office-guides': 'guide', 'policy-documents': 'policy', interpretations: 'interpretation' };
var catalogue = null; // GET /api/categories, once
var loading = null; // that request while it is on its way: a redraw before it answers sends no second one

// A tile opens the list of its query (the shell's click handler reads data-query and data-label).
function tile(label, query, hint) {
  return el('button', { type: 'button', className: 'tile', 'data-query': query, 'data-label': label },
    [el('span', { className: 'tile-name', text: label }), hint ? el('span', { className: 'tile-hint', text: hint }) : null]);
}

export var view = {
  id: 'home',
  render: function (into, app) {
    if (!catalogue) {
      into.appendChild(el('p', { text: tr('正在加载…', 'Loading…') }));
      if (!loading) loading = getJson('/api/categories').then(function (c) { catalogue = c; }, function (e) { loading = null; throw e; });
      loading.then(function () { app.redraw('home'); }, function (e) { app.showError(e, into); });
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
    lookup.addEventListener('click', function () { app.open('application', {}); });
    var apply = el('button', { type: 'button', className: 'tile', id: 'apply', text: tr('申请公开政府信息', 'Ask for information') });
    apply.addEventListener('click', function () { app.open('apply', {}); });
    into.appendChild(isOffline() ? offlineNote(['提交申请和查询办理进度', 'applying and looking up an application are'])
      : el('div', { className: 'tiles' }, [apply, lookup]));
    into.appendChild(el('h2', { text: tr('更多公开内容', 'More') }));
    into.appendChild(el('div', { className: 'tiles small' }, more.map(function (c) { return tile(named(c), 'category=' + c.code); })));
  }
};
