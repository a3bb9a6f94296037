// The attention tone: orange and red warnings (from a feed or from staff) sound a short chime when they first take
// over a screen, on groups with alertSound on, at alertVolume (0-100), and in the group's night hours only when red.
// shouldSound is the rule, pure; attend() keeps which alerts were already heard, so a re-render or a reconnect is
// silent and an upgrade (orange to red) sounds again. The chime is synthesised (WebAudio), no file, works offline.
// Browsers block audio without a tap unless started with --autoplay-policy=no-user-gesture-required (the kiosk start
// line in README.md): then the context stays suspended, onBlocked(true) is called (plaza shows a notice) and the
// chime plays at the first tap (touch) or when the browser lets the context run.
var RANKS = { orange: 1, red: 2 };

/**
 * Should this alert sound now? group: its settings (alertSound, alertVolume); atNight: the group's night hours now
 * (playlist.js night); heardLevel: the level this alert had when it last took over this screen, or null.
 */
export function shouldSound(alert, group, atNight, heardLevel) {
  var level = alert && alert.alert && alert.alert.level;
  var rank = RANKS[level] || 0;
  if (!rank) return false;
  if (group && group.alertSound === false) return false;
  if (volumeOf(group) <= 0) return false;
  if (atNight && level !== 'red') return false;
  return rank > (RANKS[heardLevel] || 0);
}

function volumeOf(group) {
  var v = group && group.alertVolume;
  return typeof v === 'number' ? Math.max(0, Math.min(100, v)) : 60;
}

var heard = {}; // alert id -> the level it had when it took over this screen
var context = null;
var pending = 0; // the volume of a chime waiting for the browser to let audio run, 0 when none
var blockedListener = function () {};
var played = 0;

/** The alert on screen now: sounds it when shouldSound says so, and remembers it either way. */
export function attend(alert, group, atNight) {
  if (!alert || !alert.alert) return;
  var was = heard[alert.id] || null;
  var level = alert.alert.level;
  if ((RANKS[level] || 0) >= (RANKS[was] || 0)) heard[alert.id] = level;
  if (shouldSound(alert, group, atNight, was)) chime(volumeOf(group));
}

/** listener(true) when the browser blocks the tone, listener(false) once it plays. */
export function onBlocked(listener) {
  blockedListener = listener;
}

/** The first tap anywhere lets audio run (touch): a chime that was blocked plays then. */
export function unlockOnGesture() {
  function unlock() {
    if (context && context.state !== 'running') context.resume();
  }
  document.addEventListener('pointerdown', unlock, true);
  document.addEventListener('touchstart', unlock, true);
  document.addEventListener('keydown', unlock, true);
}

function audio() {
  if (context) return context;
  var Ctx = window.AudioContext || window.webkitAudioContext;
  if (!Ctx) return null;
  context = new Ctx();
  context.onstatechange = function () {
    mark();
    if (context.state === 'running' && pending) {
      var v = pending;
      pending = 0;
      blockedListener(false);
      tones(v);
    }
  };
  return context;
}

function chime(volume) {
  var ctx = audio();
  if (!ctx) return;
  if (ctx.state === 'running') {
    tones(volume);
    return;
  }
  pending = volume;
  var resumed = ctx.resume();
  setTimeout(function () {
    if (ctx.state !== 'running' && pending) blockedListener(true);
  }, 500);
  return resumed;
}

// Two tones (880 Hz, 660 Hz), three times: about two seconds, soft edges so that nothing clicks.
function tones(volume) {
  var ctx = context;
  var peak = 0.6 * volume / 100;
  var t = ctx.currentTime + 0.05;
  for (var i = 0; i < 3; i++) {
    note(ctx, 880, t, peak);
    note(ctx, 660, t + 0.3, peak);
    t += 0.8;
  }
  played++;
  mark();
}

function note(ctx, frequency, start, peak) {
  var osc = ctx.createOscillator();
  var gain = ctx.createGain();
  osc.type = 'sine';
  osc.frequency.value = frequency;
  gain.gain.setValueAtTime(0, start);
  gain.gain.linearRampToValueAtTime(peak, start + 0.02);
  gain.gain.linearRampToValueAtTime(0, start + 0.28);
  osc.connect(gain);
  gain.connect(ctx.destination);
  osc.start(start);
  osc.stop(start + 0.3);
}

// For the people looking after a screen and the browser tests: chimes played and the audio context's state.
function mark() {
  var root = document.documentElement;
  root.setAttribute('data-tones', String(played));
  root.setAttribute('data-audio', context ? context.state : 'none');
}
