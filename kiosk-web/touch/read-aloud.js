// Read aloud (朗读), offered only where the browser has a Chinese voice: with no voice, speech would read nothing.
import { el } from '../common/dom.js';
import { tr } from '../common/i18n.js';

var readable = null; // the article on screen, which a voice that arrives late may read

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

/** Puts 朗读 on the article, once, if there is a voice to read it (again when the voices arrive). */
export function offerReadAloud(article) {
  readable = article;
  addReadAloud();
}

/** A new visit: nothing is read any more. */
export function stopReading() {
  readable = null;
  if (window.speechSynthesis) window.speechSynthesis.cancel();
}

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
