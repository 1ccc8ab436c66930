// Shows a view prerendered at build time (tools/prerender.mjs) while the wasm is on its way,
// when the address asks for nothing but a prerendered view and a language: no query, or only
// `lang` and `view` (overview, charts or map). English when the address or else the browser
// prefers it (as the app decides), Indonesian otherwise. A classic script at the end of
// <head>: it runs before the body is parsed and sets <html data-pre> to the language, or to
// `off` for any other address (?data=, a filter, an embed, a presentation…); style/main.css
// shows the prerendered view of that language under it and hides the rest of #app meanwhile.
// - The overview is in index.html. As soon as the page is parsed (readyState "interactive",
//   before the module scripts run) the gate swaps in the English copy from its <template>, or
//   removes it for any other address, so one copy at most is ever in the page.
// - The charts and map views are files of their own (prerender/<view>.<lang>.<narrow|wide>.html,
//   narrow below 640 px): `data-pre` is `wait` while the gate fetches the file and switches on
//   the stylesheets the view needs, and the file goes into #app, and `data-pre` to the
//   language, when all three are there, unless the app has taken over by then (it removes
//   `data-pre`); `off` if the file cannot be had within 4 s. Either way the gate then sends
//   `jrs-prerender` on the document: the app's loader waits for it before fetching the wasm. Style the app had set from script comes as `data-pre-style` and is set from
//   script here (the CSP forbids it in markup). A file that cannot be fetched leaves "Memuat…" on screen, as before.
// For any other address the wasm is preloaded at once (with a prerendered view, the loader
// starts it once the view is on screen). The app removes the prerender and the attribute when it has the
// dataset (src/ui/shell/app.rs).
(function () {
  var q = new URLSearchParams(location.search);
  var ok = true;
  var view = 'overview';
  var seen = {};
  q.forEach(function (v, k) {
    if (seen[k]) ok = false;
    seen[k] = true;
    if (k === 'view' && (v === 'overview' || v === 'charts' || v === 'map')) view = v;
    else if (!(k === 'lang' && (v === 'id' || v === 'en'))) ok = false;
  });
  var lang = q.get('lang') || (/^en\b/i.test(navigator.language || '') ? 'en' : 'id');
  var overview = ok && view === 'overview';
  var fetched = ok && !overview;
  var root = document.documentElement;
  root.setAttribute('data-pre', overview ? lang : fetched ? 'wait' : 'off');
  if (ok) root.setAttribute('lang', lang);
  var settle = function () {
    var shown = document.querySelector('#app > .prerendered');
    var en = document.getElementById('prerender-en');
    if (shown && overview && lang === 'en' && en) shown.replaceWith(en.content.cloneNode(true));
    else if (shown && !overview) shown.remove();
    if (en) en.remove();
  };
  var parsed = new Promise(function (done) {
    document.addEventListener('readystatechange', function once() {
      document.removeEventListener('readystatechange', once);
      settle();
      done();
    });
  });
  if (fetched) {
    var wide = (window.innerWidth || root.clientWidth) >= 640;
    var file = './prerender/' + view + '.' + lang + '.' + (wide ? 'wide' : 'narrow') + '.html';
    var markup = fetch(file).then(function (r) {
      return r.ok ? r.text() : null;
    });
    // The stylesheets the first view does not use are linked disabled (public/styles-later.js
    // switches them on later): they are switched on now, and the view waits for its own
    // (charts-<hash>.css, map-<hash>.css).
    var own = new RegExp('(^|/)' + view + '-[0-9a-f]+\\.css$');
    var sheets = Array.prototype.slice.call(document.querySelectorAll('link[rel="stylesheet"][disabled]'));
    var styled = Promise.all(
      sheets.map(function (l) {
        var wait = new Promise(function (done) {
          l.addEventListener('load', done);
          l.addEventListener('error', done);
        });
        l.disabled = false;
        return own.test(l.getAttribute('href') || '') ? wait : null;
      }),
    );
    // The app's loader waits for this before it fetches the wasm (tools/trunk-post-build.mjs).
    var settled = function (to) {
      if (root.getAttribute('data-pre') === 'wait') root.setAttribute('data-pre', to);
      document.dispatchEvent(new Event('jrs-prerender'));
    };
    // A network that stalls does not hold the app back: after 4 s the gate gives up.
    setTimeout(function () {
      settled('off');
    }, 4000);
    Promise.all([markup, parsed, styled])
      .then(function (got) {
        var app = document.getElementById('app');
        if (!got[0] || !app || root.getAttribute('data-pre') !== 'wait') return settled('off');
        var div = document.createElement('div');
        div.className = 'prerendered';
        div.lang = lang;
        div.setAttribute('inert', '');
        div.innerHTML = got[0];
        var kept = div.querySelectorAll('[data-pre-style]');
        for (var i = 0; i < kept.length; i++) kept[i].style.cssText = kept[i].getAttribute('data-pre-style');
        app.insertBefore(div, app.firstChild);
        settled(lang);
      })
      .catch(function () {
        settled('off');
      });
  }
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
