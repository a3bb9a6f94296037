package org.gongkai.touch;

import com.microsoft.playwright.Page;

import java.util.List;
import java.util.Map;

/**
 * The sizes and the layout of what a touch view shows, measured on every element the browser renders (issue 15.4):
 * every text at least {@code minText} px with a line height of at least 1.3; every touch target (button, link,
 * field) at least {@code minTarget} px each way; no text, target or picture overlapping another that it does not
 * contain, at every scroll position of the view; and no text breaking into a column (wrapping in a box narrower
 * than six characters). Only what is on top is measured: under an overlay (attract loop, alert, link panel, idle
 * countdown) only the overlay and what is drawn above it.
 */
final class TouchLayout {
    private TouchLayout() {}

    /** What was measured in one view, and what failed. */
    record Result(String view, long texts, long targets, List<String> failures) {}

    static final String MEASURE = """
            ({ minText, minTarget }) => {
              const failures = [];
              const name = e => '<' + e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                  + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().replace(/\\s+/g, '.') : '') + '>';
              const visibleChain = e => { for (let n = e; n; n = n.parentElement) if (+getComputedStyle(n).opacity === 0) return false;
                                          return true; };
              const shown = e => e.getClientRects().length > 0 && getComputedStyle(e).visibility === 'visible'
                  && visibleChain(e);
              // the topmost overlay hides what is under it; the pairing code is drawn with the attract loop
              const top = ['#alert', '#idle', '#link-panel', '#attract'].map(s => document.querySelector(s))
                  .filter(e => e && shown(e))[0];
              const roots = !top ? [document.body] : top.id === 'attract' ? [top, document.getElementById('pairing')] : [top];
              const under = e => roots.some(r => r.contains(e));

              const texts = [];
              for (const root of roots) {
                const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
                for (let t = walker.nextNode(); t; t = walker.nextNode()) {
                  const text = t.textContent.trim();
                  if (!text || !shown(t.parentElement) || !under(t.parentElement)) continue;
                  const range = document.createRange(); range.selectNodeContents(t);
                  if (!range.getClientRects().length) continue;
                  texts.push({ node: t, owner: t.parentElement, text: text, range: range });
                }
              }
              const targets = [...document.querySelectorAll('button, a[href], input, select, textarea, [role=button], [tabindex]')]
                  .filter(e => e.tabIndex >= 0 && shown(e) && under(e));
              const pictures = [...document.querySelectorAll('img, svg, canvas, video')].filter(e => shown(e) && under(e));

              for (const t of texts) {
                const s = getComputedStyle(t.owner);
                const size = parseFloat(s.fontSize);
                const where = '"' + t.text.slice(0, 24) + '" ' + name(t.owner);
                if (size < minText - 0.01) failures.push('text ' + size.toFixed(1) + ' px: ' + where);
                const line = s.lineHeight === 'normal' ? NaN : parseFloat(s.lineHeight);
                if (!(line / size >= 1.3 - 0.001)) failures.push('line height ' + s.lineHeight + ' at ' + size.toFixed(1) + ' px: ' + where);
                const tops = [...t.range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top));
                const lines = tops.filter((top, i) => tops.findIndex(o => Math.abs(o - top) <= 2) === i).length;
                if (lines > 1) {
                  const box = t.owner.closest('*:not(span):not(mark):not(a):not(strong):not(em)') || t.owner;
                  const width = box.getBoundingClientRect().width
                      - parseFloat(getComputedStyle(box).paddingLeft) - parseFloat(getComputedStyle(box).paddingRight);
                  if (width < 6 * size) failures.push('breaks into a column (' + lines + ' lines in ' + Math.round(width) + ' px): ' + where);
                }
              }
              for (const e of targets) {
                const rects = [...e.getClientRects()].filter(r => r.width > 0 && r.height > 0);
                if (!rects.length) continue;
                const width = Math.max(...rects.map(r => r.width));
                const height = Math.min(...rects.map(r => r.height));
                if (width < minTarget - 0.5 || height < minTarget - 0.5) {
                  failures.push('target ' + Math.round(width) + '×' + Math.round(height) + ' px: "'
                      + (e.textContent || e.getAttribute('aria-label') || '').trim().slice(0, 24) + '" ' + name(e));
                }
              }

              // Overlaps, as drawn: each box cut by the boxes that clip it (the scrolling view), at every scroll
              // position of the view
              const clipOf = e => {
                let c = { left: 0, top: 0, right: innerWidth, bottom: innerHeight };
                for (let n = e.parentElement; n; n = n.parentElement) {
                  const s = getComputedStyle(n);
                  if (s.overflowX !== 'visible' || s.overflowY !== 'visible') {
                    const r = n.getBoundingClientRect();
                    c = { left: Math.max(c.left, r.left), top: Math.max(c.top, r.top),
                          right: Math.min(c.right, r.right), bottom: Math.min(c.bottom, r.bottom) };
                  }
                }
                return c;
              };
              const cut = (r, c) => ({ left: Math.max(r.left, c.left), top: Math.max(r.top, c.top),
                                      right: Math.min(r.right, c.right), bottom: Math.min(r.bottom, c.bottom) });
              const boxes = () => texts.map(t => ({ owner: t.owner, what: '"' + t.text.slice(0, 16) + '" ' + name(t.owner),
                                                   rects: [...t.range.getClientRects()] }))
                  .concat(targets.concat(pictures).map(e => ({ owner: e, what: name(e), rects: [...e.getClientRects()] })))
                  .map(b => { const c = clipOf(b.owner);
                              return Object.assign(b, { rects: b.rects.map(r => cut(r, c)).filter(r => r.right - r.left > 1 && r.bottom - r.top > 1) }); })
                  .filter(b => b.rects.length);
              const overlaps = new Set();
              const look = () => {
                const all = boxes();
                for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) {
                  const a = all[i], b = all[j];
                  if (a.owner === b.owner || a.owner.contains(b.owner) || b.owner.contains(a.owner)) continue;
                  const hit = a.rects.some(p => b.rects.some(q =>
                      Math.min(p.right, q.right) - Math.max(p.left, q.left) > 2 && Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top) > 2));
                  if (hit) overlaps.add('overlaps: ' + a.what + ' and ' + b.what);
                }
              };
              const view = document.getElementById('view');
              const scrolls = !top && view && view.scrollHeight > view.clientHeight;
              if (scrolls) {
                for (let k = 0; k < 20; k++) {
                  view.scrollTop = k * view.clientHeight * 0.8;
                  look();
                  if (view.scrollTop + view.clientHeight >= view.scrollHeight - 1) break;
                }
                view.scrollTop = 0;
              } else {
                look();
              }
              failures.push(...overlaps);
              return { texts: texts.length, targets: targets.length, failures: failures };
            }""";

    /** Large text (大字): 24 px text and 60 px targets; otherwise 44 px targets and no minimum for text. */
    @SuppressWarnings("unchecked")
    static Result measure(Page page, String view, boolean large) {
        Map<String, Object> r = (Map<String, Object>) page.evaluate(MEASURE,
                Map.of("minText", large ? 24 : 0, "minTarget", large ? 60 : 44));
        return new Result(view, ((Number) r.get("texts")).longValue(), ((Number) r.get("targets")).longValue(),
                (List<String>) r.get("failures"));
    }
}
