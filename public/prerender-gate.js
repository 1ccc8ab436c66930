// Shows the overview written into index.html at build time (tools/prerender.mjs) while the
// wasm is on its way, when the address asks for the overview: no query, or only `lang` or
// `view=overview`. English when the address or else the browser prefers it (as the app
// decides), Indonesian otherwise. For any other address (another view, ?data=, an embed, a
// presentation…) it removes the prerendered overview, and "Memuat…" shows until the app is
// live. A classic script right after #app in index.html: it runs as soon as the prerender is
// parsed, before the first paint, and sets <html data-pre>, under which style/main.css shows
// the prerender. The app removes the prerender when it has the dataset (src/ui/shell/app.rs).
(function () {
  var q = new URLSearchParams(location.search);
  var ok = true;
  q.forEach(function (v, k) {
    if (!((k === 'lang' && (v === 'id' || v === 'en')) || (k === 'view' && v === 'overview'))) ok = false;
  });
  var lang = q.get('lang') || (/^en\b/i.test(navigator.language || '') ? 'en' : 'id');
  var root = document.documentElement;
  root.setAttribute('data-pre', ok ? lang : 'off');
  if (ok) root.setAttribute('lang', lang);
  var shown = document.querySelector('#app > .prerendered');
  var en = document.getElementById('prerender-en');
  if (shown && ok && lang === 'en' && en) shown.replaceWith(en.content.cloneNode(true));
  else if (shown && !ok) shown.remove();
  // The loader starts the wasm after the first paint when the overview is shown; otherwise
  // nothing is worth showing before it, so it is fetched at once (index.html names it).
  var wasm = document.querySelector('link[rel="jrs-app-wasm"]');
  if (!ok && wasm) {
    var l = document.createElement('link');
    l.rel = 'preload';
    l.as = 'fetch';
    l.type = 'application/wasm';
    l.crossOrigin = 'anonymous';
    if (wasm.getAttribute('data-integrity')) l.integrity = wasm.getAttribute('data-integrity');
    l.href = wasm.getAttribute('href');
    document.head.appendChild(l);
  }
  if (en) en.remove();
})();
