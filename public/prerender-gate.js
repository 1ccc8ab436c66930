// Shows the overview written into index.html at build time (tools/prerender.mjs) while the
// wasm is on its way, when the address asks for the overview: no query, or only `lang` or
// `view=overview`. English when the address or else the browser prefers it (as the app
// decides), Indonesian otherwise. A classic script at the end of <head>: it runs before the
// body is parsed and sets <html data-pre> to the language, or to `off` for any other address
// (another view, ?data=, an embed, a presentation…); style/main.css shows the prerendered
// overview of that language under it and hides the rest of #app meanwhile. As soon as the
// page is parsed (readyState "interactive", before the module scripts run) it swaps in the
// English copy from its <template>, or removes the prerender for `off`, so one copy at most
// is ever in the page. With `off` the wasm is preloaded at once (with the overview shown, the
// loader starts it after the first paint). The app removes the prerender and the attribute
// when it has the dataset (src/ui/shell/app.rs).
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
  var settle = function () {
    var shown = document.querySelector('#app > .prerendered');
    var en = document.getElementById('prerender-en');
    if (shown && ok && lang === 'en' && en) shown.replaceWith(en.content.cloneNode(true));
    else if (shown && !ok) shown.remove();
    if (en) en.remove();
  };
  document.addEventListener('readystatechange', function once() {
    document.removeEventListener('readystatechange', once);
    settle();
  });
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
})();
