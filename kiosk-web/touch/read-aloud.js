// Read aloud (朗读): in the browser's own Chinese voice where it has one; otherwise the server speaks the item with
// its local engine (espeak-ng) in parts, the first of which plays while the next are made. With neither, there is
// no button: it would read nothing. Volume has buttons of its own, large enough for any finger.
import { el } from '../common/dom.js';
import { tr } from '../common/i18n.js';
import { getJson } from '../common/get-json.js';

var DEFAULT_VOLUME = 0.7;
var STEP = 0.15;
var readable = null; // { article, item } on screen, which a voice that arrives late may read
var volume = DEFAULT_VOLUME;
var playing = null; // the server's audio now playing, and how to stop it
var serverSpeech = null; // a promise of the server's /api/speech answer, asked once

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

function serverCanSpeak() {
  if (!serverSpeech) {
    serverSpeech = getJson('/api/speech').then(function (s) { return !!(s && s.available); },
      function () { serverSpeech = null; return false; });
  }
  return serverSpeech;
}

/** Puts 朗读 on the article, once, if there is a voice to read it (again when the voices arrive). */
export function offerReadAloud(article, item) {
  readable = { article: article, item: item };
  addReadAloud();
}

/** A new visit: nothing is read any more, and the volume is the usual one again. */
export function stopReading() {
  readable = null;
  volume = DEFAULT_VOLUME;
  stopAll();
}

function stopAll() {
  if (window.speechSynthesis) window.speechSynthesis.cancel();
  if (playing) playing.stop();
  playing = null;
}

function addReadAloud() {
  var r = readable;
  if (!r || !document.body.contains(r.article) || r.article.querySelector('.speech')) return;
  if (chineseVoice()) { r.article.insertBefore(controls(r, browserReader(r.article)), r.article.firstChild); return; }
  if (!r.item || !r.item.id) return; // the admin page's preview of an unsaved item: nothing on the server to speak
  serverCanSpeak().then(function (yes) {
    if (yes && readable === r && document.body.contains(r.article) && !r.article.querySelector('.speech')) {
      r.article.insertBefore(controls(r, serverReader(r.item)), r.article.firstChild);
    }
  });
}

// The 朗读 button and the volume buttons; reader.start(onEnd) and reader.setVolume(v) do the speaking.
function controls(r, reader) {
  var speak = el('button', { type: 'button', className: 'speak', text: tr('朗读', 'Read aloud') });
  var level = el('span', { className: 'volume-level', 'aria-live': 'polite' });
  function showLevel() { level.textContent = tr('音量 ', 'Volume ') + Math.round(volume * 100) + '%'; }
  function change(delta) {
    volume = Math.max(0.1, Math.min(1, Math.round((volume + delta) * 100) / 100));
    reader.setVolume(volume);
    showLevel();
  }
  function idle() { speak.textContent = tr('朗读', 'Read aloud'); speak.classList.remove('on'); }
  speak.addEventListener('click', function () {
    if (speak.classList.contains('on')) { stopAll(); idle(); return; }
    stopAll();
    speak.textContent = tr('停止朗读', 'Stop reading');
    speak.classList.add('on');
    reader.start(function () { if (readable === r) idle(); });
  });
  var down = el('button', { type: 'button', className: 'volume down', 'aria-label': tr('音量减小', 'Volume down'), text: tr('音量−', 'Vol −') });
  var up = el('button', { type: 'button', className: 'volume up', 'aria-label': tr('音量增大', 'Volume up'), text: tr('音量+', 'Vol +') });
  down.addEventListener('click', function () { change(-STEP); });
  up.addEventListener('click', function () { change(STEP); });
  showLevel();
  return el('div', { className: 'speech', role: 'group', 'aria-label': tr('朗读', 'Read aloud') }, [speak, down, up, level]);
}

function browserReader(article) {
  var synth = window.speechSynthesis;
  return {
    start: function (onEnd) {
      var u = new SpeechSynthesisUtterance(article.innerText);
      u.lang = 'zh-CN';
      u.voice = chineseVoice();
      u.volume = volume;
      u.onend = onEnd;
      synth.speak(u);
    },
    // an utterance keeps the volume it started with: the new one holds from the next 朗读
    setVolume: function () {}
  };
}

// The server's audio, part after part; the next part is asked for as one begins, so there is no pause between.
function serverReader(item) {
  var base = '/api/items/' + encodeURIComponent(item.id) + '/speech';
  var audio = null;
  return {
    start: function (onEnd) {
      var stopped = false;
      playing = { stop: function () { stopped = true; if (audio) audio.pause(); audio = null; } };
      getJson(base).then(function (s) {
        function part(k) {
          if (stopped) return;
          if (k >= s.parts.length) { onEnd(); return; }
          audio = new Audio(base + '/' + k + '?version=' + s.version);
          audio.volume = volume;
          audio.onended = function () { part(k + 1); };
          audio.onerror = function () { onEnd(); };
          if (k + 1 < s.parts.length) audio.onplaying = function () { fetch(base + '/' + (k + 1) + '?version=' + s.version); };
          var started = audio.play();
          if (started && started.catch) started.catch(function () { onEnd(); });
        }
        part(0);
      }, function () { onEnd(); });
    },
    setVolume: function (v) { if (audio) audio.volume = v; }
  };
}

if (window.speechSynthesis) {
  // Chromium loads its voices after the page: the list is empty at first and voiceschanged says when it is not.
  if (typeof window.speechSynthesis.addEventListener === 'function') window.speechSynthesis.addEventListener('voiceschanged', addReadAloud);
  else window.speechSynthesis.onvoiceschanged = addReadAloud;
}
