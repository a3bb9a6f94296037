// Fits text to its box: the largest size at which nothing overflows, found by bisection on one scale (--s, in px)
// that the stylesheet multiplies for each part. Chinese breaks between characters; Latin words and numbers stay
// whole, and a size at which one would have to be cut does not fit.
import { el } from '../common/dom.js';

var MIN_SCALE = 4;

function overflows(box) {
  if (box.scrollHeight > box.clientHeight + 1 || box.scrollWidth > box.clientWidth + 1) return true;
  var parts = box.querySelectorAll('*');
  for (var i = 0; i < parts.length; i++) {
    if (parts[i].scrollWidth > parts[i].clientWidth + 1) return true;
  }
  return false;
}

// Returns the scale it settled on.
function fitBox(box, max) {
  var lo = MIN_SCALE;
  var hi = Math.max(MIN_SCALE, max);
  box.style.setProperty('--s', hi + 'px');
  if (!overflows(box)) return hi;
  for (var i = 0; i < 14 && hi - lo > 0.5; i++) {
    var mid = (lo + hi) / 2;
    box.style.setProperty('--s', mid + 'px');
    if (overflows(box)) hi = mid; else lo = mid;
  }
  box.style.setProperty('--s', lo + 'px');
  return lo;
}

// How fast a line that does not fit moves: 4 Chinese characters a second. A character is one em wide, so the line
// moves 4 × its font size in px each second; Latin letters and digits, about half an em, pass at about 8 a second.
// Why 4: adults read Chinese text at about 250 to 300 characters a minute (4 to 5 a second); someone walking past a
// strip reads moving text, often from the side, so the line asks for the low end of that and no more. At 1920×320
// that is about 720 px a second, slow enough not to smear on an LED wall.
export var CHARS_PER_SECOND = 4;
var HOLD_MS = 2000; // still at the start (to find the first words) and at the end (to read the last ones)

// A single line scrolls when it is wider than its box: still, then moving at CHARS_PER_SECOND until its end is in
// view, still again, and over from the start. Returns the milliseconds of one such pass (0 when the line fits), so
// that the player can keep the item on screen until every character has been in view.
export function fitMarquee(line) {
  if (line.scroller) line.scroller.cancel();
  line.scroller = null;
  var box = line.parentNode;
  var extra = line.scrollWidth - box.clientWidth;
  line.classList.remove('moving');
  if (extra <= 0) return 0;
  var shift = extra + 20;
  var moveMs = shift / (CHARS_PER_SECOND * parseFloat(getComputedStyle(line).fontSize)) * 1000;
  var still = 'translateX(0)';
  var moved = 'translateX(' + (-shift) + 'px)';
  if (!line.animate) { // no Web Animations: the stylesheet's animation, 70% of it moving at the same speed
    line.style.setProperty('--shift', -shift + 'px');
    line.style.setProperty('--seconds', moveMs / 0.7 / 1000 + 's');
    line.classList.add('moving');
    return moveMs / 0.7;
  }
  var total = HOLD_MS + moveMs + HOLD_MS;
  line.scroller = line.animate([
    { transform: still, offset: 0 }, { transform: still, offset: HOLD_MS / total },
    { transform: moved, offset: (HOLD_MS + moveMs) / total }, { transform: moved, offset: 1 }
  ], { duration: total, iterations: Infinity, easing: 'linear' });
  return total;
}

// Text as nodes whose last two characters (with any punctuation after them) cannot be parted: the line breaks
// before them if it must, so no title or summary ends with one character alone on its last line.
var PUNCTUATION = /[\s!-\/:-@\[-`{-~\u00b7\u2010-\u2027\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]/;

export function endTogether(text) {
  var chars = Array.from(text || '');
  var kept = 0;
  var i = chars.length;
  while (i > 0 && kept < 2) {
    i -= 1;
    if (!PUNCTUATION.test(chars[i])) kept += 1;
  }
  if (kept < 2 || i === 0) return [chars.join('')];
  return [chars.slice(0, i).join(''), el('span', { className: 'nowrap', text: chars.slice(i).join('') })];
}

// Fits everything on the stage. Returns { large: false when a title could not be as large as minTitle (px),
// readMs: the longest pass of a scrolling line on it }.
export function fit(stage, minTitle) {
  var h = window.innerHeight;
  var w = window.innerWidth;
  var large = true;
  // Captions first: the QR is as wide as --qr whatever the text, but in portrait a caption's height is taken from
  // the text's box, so a caption fitted after the text made the fitted text overflow.
  var captions = stage.querySelectorAll('.qr figcaption');
  for (var j = 0; j < captions.length; j++) fitBox(captions[j], Math.min(h, w) / 12);
  var boxes = stage.querySelectorAll('.text, .pairing, .idle');
  for (var i = 0; i < boxes.length; i++) {
    var scale = fitBox(boxes[i], Math.min(h, w) / 6);
    if (boxes[i].classList.contains('text') && scale < (minTitle || 0)) large = false;
  }
  var lines = stage.querySelectorAll('.marquee');
  var readMs = 0;
  for (var k = 0; k < lines.length; k++) readMs = Math.max(readMs, fitMarquee(lines[k]));
  return { large: large, readMs: readMs };
}
