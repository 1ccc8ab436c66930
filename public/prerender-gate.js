// Shows the overview written into index.html at build time (tools/prerender.mjs) while the
// wasm is on its way, when the address asks for the overview: no query, or only `lang` or
// `view=overview`. English when the address or else the browser prefers it (as the app
// decides), Indonesian otherwise. For any other address (another view, ?data=, an embed, a
// presentation…) it removes the prerendered overview, and "Memuat…" shows until the app is
// live. Loaded as a classic script in <head>, so <html data-pre> is set before the first
// paint; style/main.css shows the prerender only under it. The app removes the prerender when
// it has the dataset (src/ui/shell/app.rs).
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
  document.addEventListener('DOMContentLoaded', function () {
    var shown = document.querySelector('#app > .prerendered');
    var en = document.getElementById('prerender-en');
    if (shown && ok && lang === 'en' && en) shown.replaceWith(en.content.cloneNode(true));
    else if (shown && !ok) shown.remove();
    if (en) en.remove();
  });
})();
