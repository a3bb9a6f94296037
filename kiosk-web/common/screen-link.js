// A screen's link to the server: identity kept across restarts, hello with the last version held, snapshot and
// changes applied to a local copy that survives reloads, and reconnects with exponential backoff plus jitter so
// that thousands of screens do not all return in the same second after a server restart.
import { observeServerTime } from './clock.js';

// Each kind of player keeps its own identity: /plaza and /touch opened in one browser profile are two screens.
// (One shared key once made a touch page take over a paired plaza screen and turn its kind into touch.)
var STORE_PREFIX = 'gongkai.screen.';
var LEGACY_KEY = 'gongkai.screen'; // before identities were kept per kind
var PLAZA_TRACE = 'gongkai.plays'; // written only by the plaza player (plaza/plays.js)
var CLOCK_CHECK_MS = 5 * 60 * 1000; // a ping for the server's time this often while connected

function read(key) {
  try {
    return JSON.parse(localStorage.getItem(key));
  } catch (e) {
    return null;
  }
}

// The identity under the old shared key goes to one kind only, and is then removed so that no other can take it:
// to a plaza page always; to a touch page only where no plaza player has run in this profile (a kiosk that
// shows /touch alone keeps its pairing; a profile that showed both gives it to the plaza, which was there first).
function adoptLegacy(kind) {
  try {
    var legacy = read(LEGACY_KEY);
    if (!legacy || !legacy.screenId) return null;
    if (kind !== 'plaza' && localStorage.getItem(PLAZA_TRACE) !== null) return null;
    localStorage.setItem(STORE_PREFIX + kind, JSON.stringify(legacy));
    localStorage.removeItem(LEGACY_KEY);
    return legacy;
  } catch (e) {
    return null;
  }
}

function load(kind) {
  return read(STORE_PREFIX + kind) || adoptLegacy(kind) || {};
}

/** The identity this browser keeps for a kind of screen: { screenId, secret } once it has had one, else {}. */
export function identity(kind) {
  return load(kind);
}

function save(kind, state) {
  try {
    localStorage.setItem(STORE_PREFIX + kind, JSON.stringify(state));
  } catch (e) { /* storage full or disabled: keep running from memory */ }
}

// Milliseconds before reconnect attempt n (1, 2, ...), given a random number in [0, 1): a ceiling that doubles from
// 5 s up to a minute, and a delay spread over most of it, so that after a server restart 10,000 screens come back
// over several seconds, not in the same one.
export function reconnectDelay(attempt, random) {
  var ceiling = Math.min(60000, 5000 * Math.pow(2, Math.min(attempt, 5) - 1));
  return ceiling * (0.2 + 0.8 * random);
}

// onState({online, state}) on every change; onMessage(msg) for other messages (such as "played" replies).
// Returns { send(msg) }: true when the message went out on an open socket.
export function connect(kind, onState, onMessage) {
  var state = load(kind);
  state.items = state.items || [];
  state.alerts = state.alerts || [];
  var attempt = 0;
  var socket = null;
  var welcomed = false; // this socket's hello has been answered
  var helloAt = null; // Date.now() when this socket's hello went out
  var pingAt = null; // Date.now() when the last ping went out

  function emit(online) {
    onState({ online: online, state: state });
  }

  function upsert(list, incoming, removed) {
    var byId = {};
    list.forEach(function (i) { byId[i.id] = i; });
    incoming.forEach(function (i) { byId[i.id] = i; });
    (removed || []).forEach(function (id) { delete byId[id]; });
    return Object.keys(byId).map(function (k) { return byId[k]; });
  }

  function handle(msg) {
    if (msg.type === 'pong') {
      if (msg.serverTime) observeServerTime(msg.serverTime, pingAt);
      return;
    }
    if (msg.type === 'welcome') {
      welcomed = true;
      if (msg.serverTime) observeServerTime(msg.serverTime, helloAt);
      ping(); // answered at once, not behind the server's queue: a closer measure of the clock
      state.screenId = msg.screenId;
      if (msg.secret) state.secret = msg.secret;
      state.status = msg.status;
      state.pairingCode = msg.pairingCode;
      state.name = msg.name;
      if (msg.status !== 'active') { state.items = []; state.alerts = []; state.version = 0; }
    } else if (msg.type === 'snapshot') {
      state.version = msg.version;
      state.group = msg.group;
      state.items = msg.items;
      state.alerts = msg.alerts;
    } else if (msg.type === 'change') {
      state.version = Math.max(state.version || 0, msg.version);
      if (msg.group) state.group = msg.group;
      state.items = upsert(state.items, msg.items, msg.removed);
      state.alerts = upsert(state.alerts, msg.alerts, msg.removed);
    } else {
      if (onMessage) onMessage(msg);
      return;
    }
    save(kind, state);
    if (msg.type !== 'welcome' && socket) socket.send(JSON.stringify({ type: 'ack', version: state.version }));
    emit(true);
  }

  function open() {
    var url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws/screen';
    socket = new WebSocket(url);
    socket.onopen = function () {
      attempt = 0;
      helloAt = Date.now();
      socket.send(JSON.stringify({ type: 'hello', kind: kind, screenId: state.screenId, secret: state.secret,
        width: window.innerWidth, height: window.innerHeight, lastVersion: state.version || 0,
        group: state.group ? state.group.code : null }));
    };
    socket.onmessage = function (e) {
      try { handle(JSON.parse(e.data)); } catch (err) { /* ignore a malformed message */ }
    };
    socket.onclose = function () {
      socket = null;
      welcomed = false;
      emit(false);
      attempt += 1;
      setTimeout(open, reconnectDelay(attempt, Math.random()));
    };
  }

  function ping() {
    if (!socket || !welcomed) return;
    pingAt = Date.now();
    socket.send(JSON.stringify({ type: 'ping' }));
  }

  setInterval(ping, CLOCK_CHECK_MS);

  emit(false);
  open();
  return {
    send: function (msg) {
      if (!socket || !welcomed || state.status !== 'active') return false;
      socket.send(JSON.stringify(msg));
      return true;
    }
  };
}
