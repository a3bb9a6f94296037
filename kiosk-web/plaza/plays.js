// Proof of play kept in the browser: every showing is recorded with its true start and length, queued in
// localStorage (so it survives a restart and a day offline), and sent in batches that leave the queue only
// once the server has stored them.
var KEY = 'gongkai.plays';
var MAX_QUEUED = 5000; // the oldest are dropped beyond this: about three days of 15-second items
var BATCH = 200;

function load() {
  try {
    return JSON.parse(localStorage.getItem(KEY)) || [];
  } catch (e) {
    return [];
  }
}

export function PlayLog(send) {
  this.send = send;
  this.queue = load();
  this.current = null;
  this.inFlight = null;
}

PlayLog.prototype.save = function () {
  if (this.queue.length > MAX_QUEUED) this.queue.splice(0, this.queue.length - MAX_QUEUED);
  try { localStorage.setItem(KEY, JSON.stringify(this.queue)); } catch (e) { /* storage full: keep in memory */ }
};

PlayLog.prototype.start = function (item, now) {
  this.current = { itemId: item.id, itemVersion: item.version, startMs: now };
};

PlayLog.prototype.stop = function (now) {
  var c = this.current;
  this.current = null;
  if (!c || now - c.startMs < 500) return; // a flash during a re-layout is not a showing
  this.queue.push({ itemId: c.itemId, itemVersion: c.itemVersion, start: new Date(c.startMs).toISOString(),
    durationMs: now - c.startMs });
  this.save();
};

PlayLog.prototype.flush = function () {
  // An answer lost with its connection: send again after a minute; the server counts a resent play once.
  if (this.inFlight && Date.now() - this.inFlight.sentAt < 60000) return;
  this.inFlight = null;
  if (!this.queue.length) return;
  var batch = { type: 'played', batch: 'b' + Date.now(), plays: this.queue.slice(0, BATCH) };
  if (this.send(batch)) this.inFlight = { id: batch.batch, count: batch.plays.length, sentAt: Date.now() };
};

// The server's answer: stored (or refused as malformed, which no resend would fix), so those leave the queue.
PlayLog.prototype.confirmed = function (msg) {
  if (!this.inFlight || msg.batch !== this.inFlight.id) return;
  this.queue.splice(0, this.inFlight.count);
  this.inFlight = null;
  this.save();
  if (this.queue.length) this.flush();
};
