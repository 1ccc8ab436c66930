// The stylesheets of what the first view does not show (the charts, map and timeline views,
// the presentation, "open your data") are linked `disabled` in index.html
// (tools/trunk-post-build.mjs), so the first view does not wait for them or download them.
// They are switched on here: at once when the address opens something other than the
// overview, else at the visitor's first touch, click or key, or when the browser is idle
// after the page has loaded, whichever comes first. The service worker caches them with the
// rest, so they work offline.
const later = [...document.querySelectorAll('link[rel="stylesheet"][disabled]')];
const on = () => {
  for (const l of later) l.disabled = false;
};
const q = new URLSearchParams(location.search);
const overview = (q.get('view') ?? 'overview') === 'overview';
if (!overview || ['present', 'presenter', 'data', 'boundaries', 'embed', 'slide'].some((k) => q.has(k))) {
  on();
} else {
  for (const t of ['pointerdown', 'keydown', 'touchstart']) addEventListener(t, on, { once: true, capture: true });
  addEventListener('load', () => (self.requestIdleCallback ?? setTimeout)(on), { once: true });
}
