// Screens: which are online, up to date and showing what; pair new ones, rename, regroup, retire; see a playlist.
import { el, formatDate } from '../../common/dom.js';
import { tr, named } from '../../common/i18n.js';
import { table, field, select, onSubmit, submitButton, button, badge, toast, confirmDialog, formDialog, fill } from '../ui.js';
import { screenKindName, screenStateName } from '../labels.js';

var REFRESH_MS = 15000;
var timer = null;

export var view = {
  id: 'screens',
  title: function () { return tr('屏幕', 'Screens'); },
  roles: ['admin', 'reviewer', 'editor', 'viewer', 'disclosure'],
  render: render,
  leave: function () {
    clearInterval(timer);
    timer = null;
  }
};

function render(root, session) {
  var page = {
    api: session.api, admin: session.me.role === 'admin', offlineOnly: false, groups: [],
    list: el('div', { className: 'list' }), nodes: el('p', { className: 'muted', id: 'nodes', hidden: 'hidden' }), panel: el('section', { className: 'panel', id: 'playlist-panel', hidden: 'hidden' }),
    stamp: el('span', { className: 'muted stamp' })
  };
  page.reload = function () { return load(page); };
  root.appendChild(toolbar(page));
  return page.api('GET', '/api/screen-groups').then(function (groups) {
    if (!root.isConnected) return null; // another view opened while the groups were loading: no timer
    page.groups = groups;
    if (page.admin) root.appendChild(pairForm(page));
    root.appendChild(page.panel);
    root.appendChild(page.nodes);
    root.appendChild(page.list);
    clearInterval(timer);
    timer = setInterval(function () { page.reload().catch(function () {}); }, REFRESH_MS);
    return page.reload();
  });
}

function toolbar(page) {
  var offline = el('input', { type: 'checkbox', id: 'offline-only' });
  offline.addEventListener('change', function () {
    page.offlineOnly = offline.checked;
    page.reload();
  });
  return el('div', { className: 'toolbar' }, [
    el('label', { className: 'check' }, [offline, ' ' + tr('只看离线', 'Offline only')]),
    button(tr('刷新', 'Refresh'), function () { page.reload(); }),
    page.stamp]);
}

function load(page) {
  return Promise.all([page.api('GET', '/api/screens' + (page.offlineOnly ? '?offline=true' : '')),
    page.api('GET', '/api/nodes')]).then(function (got) {
    var screens = got[0];
    page.cluster = got[1].nodes.length > 1;
    showNodes(page, got[1].nodes);
    fill(page.list, [table(columns(page), screens, tr('没有屏幕', 'No screens'))]);
    page.stamp.textContent = tr('更新于 ', 'Updated ') + formatDate(new Date().toISOString(), true) + tr('，每 15 秒自动刷新', '; refreshes every 15 s');
  });
}

// Several nodes on one database: which run and how many screens each holds. A single node says nothing.
function showNodes(page, nodes) {
  page.nodes.hidden = !page.cluster;
  fill(page.nodes, page.cluster ? [el('span', { text: tr('服务节点：', 'Nodes: ') })].concat(nodes.map(function (n, i) {
    return el('span', {}, [(i ? ' · ' : ''), el('strong', { text: n.id }), ' ',
      n.running ? badge(tr('运行中', 'Running'), 'ok') : badge(tr('未运行', 'Not running'), 'danger'),
      n.running ? ' ' + tr(n.screens + ' 块屏', n.screens + ' screens') : '']);
  })) : []);
}

function groupOptions(page) {
  return page.groups.map(function (g) { return { value: g.code, text: named(g) }; });
}

function groupName(page, code) {
  var g = page.groups.filter(function (x) { return x.code === code; })[0];
  return g ? named(g) : code || '';
}

function columns(page) {
  return [
    { title: tr('名称', 'Name'), value: function (s) { return s.name || s.id; }, className: 'strong' },
    { title: tr('状态', 'Status'), value: statusBadges },
    { title: tr('最后在线', 'Last seen'), value: function (s) { return formatDate(s.lastSeenAt, true); } },
    { title: tr('地址', 'Address'), value: function (s) { return s.address; } }
  ].concat(page.cluster ? [{ title: tr('节点', 'Node'), value: function (s) { return s.node || '—'; } }] : []).concat([
    { title: tr('分辨率', 'Resolution'), value: function (s) { return s.width ? s.width + '×' + s.height : ''; } },
    { title: tr('类型', 'Kind'), value: function (s) { return screenKindName(s.kind); } },
    { title: tr('屏组', 'Group'), value: function (s) { return groupName(page, s.group); } },
    { title: tr('当前内容', 'Showing'), value: showing },
    { title: tr('内容版本', 'Version'), value: version },
    { title: tr('操作', 'Actions'), value: function (s) { return actions(page, s); }, className: 'actions' }
  ]);
}

function statusBadges(s) {
  var box = el('span', { className: 'badges' });
  if (s.status !== 'active') box.appendChild(badge(screenStateName(s.status), s.status === 'pending' ? 'info' : 'muted'));
  if (s.status !== 'retired') box.appendChild(s.online ? badge(tr('在线', 'Online'), 'ok') : badge(tr('离线', 'Offline'), 'danger'));
  return box;
}

function showing(s) {
  if (!s.currentItemTitle) return '—';
  return s.currentItemTitle + (s.currentItemVersion ? ' (v' + s.currentItemVersion + ')' : '');
}

function version(s) {
  if (s.status !== 'active') return '—';
  return el('span', { className: 'badges' }, [s.ackedVersion === null || s.ackedVersion === undefined ? '—' : String(s.ackedVersion),
    s.ackedLatest ? badge(tr('最新', 'Latest'), 'ok') : badge(tr('未同步', 'Behind'), 'warn')]);
}

function actions(page, s) {
  var box = el('span', { className: 'row-actions' });
  if (s.status === 'active') box.appendChild(button(tr('播放列表', 'Playlist'), function () { showPlaylist(page, s); }, 'link'));
  if (!page.admin || s.status === 'pending') return box;
  box.appendChild(button(tr('编辑', 'Edit'), function () { edit(page, s); }, 'link'));
  if (s.status === 'active') box.appendChild(button(tr('停用', 'Retire'), function () { retire(page, s); }, 'link-danger'));
  else box.appendChild(button(tr('启用', 'Reactivate'), function () { setStatus(page, s, 'active'); }, 'link'));
  return box;
}

function pairForm(page) {
  var form = el('form', { className: 'card inline-form', id: 'pair', novalidate: 'novalidate' }, [
    el('h3', { text: tr('配对新屏幕', 'Pair a new screen') }),
    field(tr('配对码（屏幕上显示的 6 位数字）', 'Pairing code (6 digits on the screen)'),
      el('input', { inputmode: 'numeric', maxlength: 6, autocomplete: 'off' }), 'code'),
    field(tr('名称', 'Name'), el('input', { maxlength: 200 }), 'name'),
    field(tr('屏组', 'Group'), select(groupOptions(page)), 'group'),
    el('div', { className: 'form-actions' }, [submitButton(tr('配对', 'Pair'))])]);
  onSubmit(form, function (values) {
    return page.api('POST', '/api/screens/pair', values).then(function (screen) {
      form.reset();
      toast(tr('已配对：', 'Paired: ') + (screen.name || screen.id), 'ok');
      return page.reload();
    });
  });
  return form;
}

function edit(page, s) {
  formDialog(tr('编辑屏幕', 'Edit screen'), [
    field(tr('名称', 'Name'), el('input', { maxlength: 200, value: s.name || '' }), 'name'),
    field(tr('屏组', 'Group'), select(groupOptions(page), s.group), 'group')
  ], tr('保存', 'Save'), function (values) {
    return page.api('PUT', '/api/screens/' + encodeURIComponent(s.id), { name: values.name || '', group: values.group })
      .then(function () { toast(tr('已保存', 'Saved'), 'ok'); return page.reload(); });
  });
}

function retire(page, s) {
  confirmDialog(tr('停用屏幕', 'Retire screen'), [
    tr('停用后，屏幕“' + (s.name || s.id) + '”将断开连接，不再显示内容。', 'Screen "' + (s.name || s.id) + '" will be disconnected and show nothing.'),
    tr('之后可以在这里重新启用。', 'You can reactivate it here later.')
  ]).then(function (yes) { if (yes) setStatus(page, s, 'retired'); });
}

function setStatus(page, s, status) {
  return page.api('PUT', '/api/screens/' + encodeURIComponent(s.id), { status: status }).then(function () {
    toast(status === 'retired' ? tr('已停用', 'Retired') : tr('已启用', 'Reactivated'), 'ok');
    return page.reload();
  }, function (err) { toast(err.message, 'danger'); });
}

function showPlaylist(page, s) {
  page.api('GET', '/api/screens/' + encodeURIComponent(s.id) + '/playlist').then(function (p) {
    page.panel.hidden = false;
    fill(page.panel, [
      el('div', { className: 'panel-head' }, [
        el('h3', { text: tr('播放列表：', 'Playlist: ') + (s.name || s.id) }),
        el('span', { className: 'muted', text: formatDate(p.at, true) + ' · ' + tr('内容版本 ', 'version ') + p.version }),
        button(tr('关闭', 'Close'), function () { page.panel.hidden = true; }, 'link')]),
      el('div', { className: 'columns' }, [
        playlistPart(tr('轮播', 'Rotation'), p.rotation), playlistPart(tr('滚动字幕', 'Ticker'), p.ticker),
        playlistPart(tr('预警', 'Alerts'), p.alerts)])]);
    page.panel.scrollIntoView({ block: 'nearest' });
  }, function (err) { toast(err.message, 'danger'); });
}

function playlistPart(title, entries) {
  return el('div', null, [el('h4', { text: title + '（' + entries.length + '）' }),
    entries.length ? el('ol', null, entries.map(function (i) {
      return el('li', null, [i.title, el('span', { className: 'muted', text: i.publishEnd
        ? ' · ' + tr('至 ', 'until ') + formatDate(i.publishEnd, true) : '' })]);
    })) : el('p', { className: 'muted', text: tr('无', 'None') })]);
}
