// Idle reset: after `seconds` without a touch, a short countdown, then `reset()` so that nothing of the last
// person's lookup is left for the next one. Any touch during the countdown keeps the session.
var WARN_SECONDS = 10;

export function watchIdle(seconds, onWarn, onReset) {
  var last = Date.now();
  var warned = false;
  function touched() {
    last = Date.now();
    if (warned) { warned = false; onWarn(null); }
  }
  ['pointerdown', 'keydown', 'wheel'].forEach(function (type) { document.addEventListener(type, touched, true); });
  setInterval(function () {
    var left = Math.ceil(seconds - (Date.now() - last) / 1000);
    if (left <= 0) {
      warned = false;
      onWarn(null);
      last = Date.now();
      onReset();
    } else if (left <= Math.min(WARN_SECONDS, seconds / 2)) {
      warned = true;
      onWarn(left);
    }
  }, 250);
  return { touched: touched };
}
