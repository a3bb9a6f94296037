// Fits text to its box: the largest size at which nothing overflows, found by bisection on one scale (--s, in px)
// that the stylesheet multiplies for each part. Chinese breaks between characters; Latin words and numbers stay
// whole, and a size at which one would have to be cut does not fit.
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

// A single line scrolls when it is wider than its box; how far and how long are set for the CSS animation.
export function fitMarquee(line) {
  var box = line.parentNode;
  var extra = line.scrollWidth - box.clientWidth;
  line.classList.toggle('moving', extra > 0);
  if (extra > 0) { // starts readable, holds, then moves until its end is in view, and begins again
    line.style.setProperty('--shift', -(extra + 20) + 'px');
    line.style.setProperty('--seconds', Math.max(6, extra / 100 + 4) + 's');
  }
}

// Fits everything on the stage; returns false when a title could not be as large as minTitle (px).
export function fit(stage, minTitle) {
  var h = window.innerHeight;
  var w = window.innerWidth;
  var large = true;
  var boxes = stage.querySelectorAll('.text, .pairing, .idle');
  for (var i = 0; i < boxes.length; i++) {
    var scale = fitBox(boxes[i], Math.min(h, w) / 6);
    if (boxes[i].classList.contains('text') && scale < (minTitle || 0)) large = false;
  }
  var captions = stage.querySelectorAll('.qr figcaption');
  for (var j = 0; j < captions.length; j++) fitBox(captions[j], Math.min(h, w) / 12);
  var lines = stage.querySelectorAll('.marquee');
  for (var k = 0; k < lines.length; k++) fitMarquee(lines[k]);
  return large;
}
