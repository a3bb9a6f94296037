import { el, clear, formatDate } from '../common/dom.js';
import { connect } from '../common/screen-link.js';
import { rotation, alerts } from '../common/playlist.js';
import { kindName } from '../common/render-item.js';

var stage = document.getElementById('stage');
var statusMark = document.getElementById('status');
var current = { state: null, index: 0, timer: null, shownId: null };
var LEVEL_NAMES = { blue: '蓝色', yellow: '黄色', orange: '橙色', red: '红色' };

function zone() {
  return (current.state && current.state.group && current.state.group.timezone) || 'Asia/Shanghai';
}

function qr(item) {
  return el('figure', { className: 'qr' }, [
    el('img', { src: item.links.qrSvg, alt: '扫码阅读全文' }),
    el('figcaption', { text: item.shortUrl })
  ]);
}

function showPairing(code) {
  clear(stage).appendChild(el('div', { className: 'pairing' }, [
    el('p', { text: '新屏幕，请在管理页输入配对码' }), el('p', { className: 'code', text: code || '……' })]));
}

function showAlert(a) {
  clear(stage).appendChild(el('div', { className: 'alert level-' + a.alert.level }, [
    el('p', { className: 'level', text: (LEVEL_NAMES[a.alert.level] || '') + '预警' }),
    el('h1', { text: a.title }),
    el('p', { text: a.alert.area + ' · 发布时间 ' + formatDate(a.publishStart, true) }),
    a.summary ? el('p', { text: a.summary }) : null,
    qr(a)
  ]));
}

function showItem(item) {
  clear(stage).appendChild(el('article', { className: 'item' }, [
    el('div', { className: 'text' }, [
      el('p', { className: 'meta', text: [kindName(item.kind), item.departmentName].filter(Boolean).join(' · ') }),
      el('h1', { text: item.title }),
      item.summary ? el('p', { className: 'summary', text: item.summary }) : null
    ]),
    qr(item)
  ]));
}

function render() {
  var s = current.state;
  if (!s || s.status === 'pending' || !s.status) return showPairing(s && s.pairingCode);
  var now = new Date();
  var active = alerts(s.alerts || [], now, zone());
  if (active.length) return showAlert(active[0]);
  var list = rotation(s.items || [], now, zone());
  if (!list.length) {
    clear(stage).appendChild(el('div', { className: 'idle' }, [el('p', { text: '政务公开' })]));
    return;
  }
  current.index = current.index % list.length;
  showItem(list[current.index]);
}

function tick() {
  var s = current.state;
  var list = s ? rotation(s.items || [], new Date(), zone()) : [];
  var duration = (list[current.index % (list.length || 1)] || {}).durationSeconds
    || (s && s.group && s.group.defaultDurationSeconds) || 12;
  current.index += 1;
  render();
  current.timer = setTimeout(tick, duration * 1000);
}

connect('plaza', function (update) {
  current.state = update.state;
  statusMark.textContent = update.online ? '' : '离线';
  statusMark.className = update.online ? '' : 'offline';
  render();
});
current.timer = setTimeout(tick, 12000);
