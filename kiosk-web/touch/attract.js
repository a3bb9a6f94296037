// The attract loop while nobody uses the screen: the notices this screen's group shows now, one after another, each
// with its QR code, and an invitation to touch the screen.
import { el, clear } from '../common/dom.js';
import { kindName } from '../common/labels.js';
import { serverDate } from '../common/clock.js';
import { rotation } from '../common/playlist.js';
import { screenZone } from '../common/zone.js';
import { screenState } from './live.js';

var attract = document.getElementById('attract');
var ATTRACT_SECONDS = Number(new URLSearchParams(location.search).get('attract')) || 10; // seconds per notice
var attractTimer = null;

function touchToStart() {
  return '请触摸屏幕开始查询 · Touch the screen to start';
}

// The notices this screen's group shows now (the screen's own copy, so the loop runs offline too); none before
// the screen is paired into a group: other groups' notices are not this screen's to show.
function attractItems() {
  var s = screenState();
  if (!s || s.status !== 'active') return [];
  return rotation(s.items || [], serverDate(), screenZone(s)).filter(function (i) { return i.kind === 'notice' && i.links; });
}

export function attractShown() {
  return !attract.hidden;
}

export function startAttract() {
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

export function stopAttract() {
  clearTimeout(attractTimer);
  attract.hidden = true;
}

/** onTouch() when someone touches the attract loop. */
export function onAttractTouched(onTouch) {
  attract.addEventListener('pointerdown', function (e) { e.preventDefault(); onTouch(); });
}
