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
//   `jrs-prerender` on the document. Style the app had set from script comes as
//   `data-pre-style` and is set from script here (the CSP forbids it in markup). A file that cannot be fetched leaves "Memuat…" on screen, as before.
// For any other address the wasm is preloaded at once. The app removes the prerender and the
// attribute when it has the dataset (src/ui/shell/app.rs).
//
// When the explorer's code comes (ARCHITECTURE.md "Code on first use"): with a prerendered view
// on screen the visitor reads it without the wasm (400 KB, most of what a first visit would
// otherwise download). The gate sets <html data-go> and sends `jrs-go` on the document when the
// code is wanted; the app's loader (tools/trunk-post-build.mjs) waits for that:
// - `now`: nothing prerendered is on screen (any other address, a view file that could not be
//   had, a page built without a prerender);
// - `use`: the visitor started using the page: a key, a tap or click, a touch, the wheel, a
//   scroll, or a mouse moving over it. A click on the prerendered page is remembered and, once
//   the live page has replaced it, given to what is at the same place on the page (a filter, a
//   tab…), so the first tap is not lost;
// - `data`: the dataset on the server is not the one the prerender was drawn from (a web team
//   replaced dist/data/jakarta.json without running tools/prerender.mjs): once the view is on
//   screen the gate fetches the dataset (the app reads it from the browser's cache later) and
//   compares its FNV-1a hash with the one the prerender carries (`data-data` on the overview,
//   a leading `<!--jrs-data:…-->` in a view file); a file it cannot fetch counts as changed.
//   When they are the same, `data-pre-data="same"`. Either way the app takes the bytes from
//   `window.jrsData` (a promise, so also while they are on their way) and does not ask the
//   host a second time.
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

  // ---- when the explorer's code is fetched (see the header) ----
  var USE = ['keydown', 'pointerdown', 'touchstart', 'wheel', 'scroll', 'mousemove'];
  var go = function (why) {
    if (root.hasAttribute('data-go')) return;
    root.setAttribute('data-go', why);
    USE.forEach(function (type) {
      window.removeEventListener(type, used, true);
    });
    document.dispatchEvent(new Event('jrs-go'));
  };
  var used = function () {
    go('use');
  };
  if (!ok) go('now');
  else
    USE.forEach(function (type) {
      window.addEventListener(type, used, { capture: true, passive: true });
    });
  // The last click on the prerendered page, where on the page it was. The prerender takes no
  // pointer (style/main.css: a tap reaches #app, not what was under it); a link or control of
  // it reached from the keyboard (or anything that takes a pointer after all) does nothing
  // itself: its click is cancelled, and its place kept for the live page.
  var tap = null;
  if (ok)
    document.addEventListener(
      'click',
      function (e) {
        var pre = root.getAttribute('data-pre');
        if (!(pre === 'id' || pre === 'en') || !e.isTrusted) return;
        var own = e.target && e.target.closest && e.target.closest('#app > .prerendered');
        if (own) e.preventDefault();
        if (own && !e.detail) {
          var r = e.target.getBoundingClientRect();
          tap = { x: r.left + r.width / 2 + window.scrollX, y: r.top + r.height / 2 + window.scrollY };
        } else tap = { x: e.pageX, y: e.pageY };
      },
      true,
    );
  // Once the app has removed data-pre, the remembered click goes to what is now at its place.
  if (ok)
    new MutationObserver(function (changes, watcher) {
      if (root.hasAttribute('data-pre')) return;
      watcher.disconnect();
      var at = tap;
      tap = null;
      if (!at) return;
      requestAnimationFrame(function () {
        var under = document.elementFromPoint(at.x - window.scrollX, at.y - window.scrollY);
        var app = document.getElementById('app');
        var target = under && under.closest('a[href], button, summary, label, input, select, textarea, [role="button"], [role="tab"], [role="checkbox"], [role="option"], [role="link"]');
        if (!target || !app || !app.contains(target) || target.closest('[inert]')) return;
        if (/^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName) && !/^(checkbox|radio)$/.test(target.type)) target.focus();
        else target.click();
      });
    }).observe(root, { attributes: true, attributeFilter: ['data-pre'] });
  // FNV-1a (32 bits) of the bytes, as 8 hex digits: tools/prerender.mjs writes the same.
  var fnv = function (bytes) {
    var h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
    return ('0000000' + (h >>> 0).toString(16)).slice(-8);
  };
  // With the view on screen and painted (the browser's first largest paint, at most 1 s), the
  // dataset is compared with the one the view was drawn from (the `data/jakarta.json` of
  // BUNDLED_DATA in src/ui/ctx/loading.rs).
  var check = function (drawnFrom) {
    new Promise(function (painted) {
      setTimeout(painted, 1000);
      if ((PerformanceObserver.supportedEntryTypes || []).indexOf('largest-contentful-paint') >= 0) {
        var o = new PerformanceObserver(function () {
          o.disconnect();
          setTimeout(painted, 0);
        });
        o.observe({ type: 'largest-contentful-paint', buffered: true });
      } else requestAnimationFrame(painted);
    })
      .then(function () {
        if (root.hasAttribute('data-go')) return null;
        var got = fetch('./data/jakarta.json', { cache: 'no-cache' })
          .then(function (r) {
            var type = r.headers.get('content-type') || '';
            return r.ok && (!type || type.indexOf('json') >= 0) ? r.arrayBuffer() : null;
          })
          .catch(function () {
            return null;
          });
        // The app takes these bytes (src/ui/ctx/loading.rs) instead of asking the host again,
        // even while they are on their way; if they are not there within 4 s, it asks itself.
        window.jrsData = Promise.race([
          got,
          new Promise(function (none) {
            setTimeout(none, 4000, null);
          }),
        ]);
        return got;
      })
      .then(function (buf) {
        if (root.hasAttribute('data-go')) return;
        if (buf && drawnFrom && fnv(new Uint8Array(buf)) === drawnFrom) root.setAttribute('data-pre-data', 'same');
        else go('data');
      })
      .catch(function () {
        go('data');
      });
  };

  var settle = function () {
    var shown = document.querySelector('#app > .prerendered');
    var en = document.getElementById('prerender-en');
    if (shown && overview && lang === 'en' && en) {
      shown.replaceWith(en.content.cloneNode(true));
      shown = document.querySelector('#app > .prerendered');
    } else if (shown && !overview) shown.remove();
    if (en) en.remove();
    if (overview) {
      if (shown) check(shown.getAttribute('data-data'));
      else go('now');
    }
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
    var settled = function (to, drawnFrom) {
      if (root.getAttribute('data-pre') === 'wait') root.setAttribute('data-pre', to);
      document.dispatchEvent(new Event('jrs-prerender'));
      if (to === 'off') go('now');
      else check(drawnFrom);
    };
    // A network that stalls does not hold the app back: after 4 s the gate gives up.
    setTimeout(function () {
      if (root.getAttribute('data-pre') === 'wait') settled('off');
    }, 4000);
    Promise.all([markup, parsed, styled])
      .then(function (got) {
        var app = document.getElementById('app');
        if (!got[0] || !app || root.getAttribute('data-pre') !== 'wait') return settled('off');
        var div = document.createElement('div');
        div.className = 'prerendered';
        div.lang = lang;
        div.innerHTML = got[0];
        var kept = div.querySelectorAll('[data-pre-style]');
        for (var i = 0; i < kept.length; i++) kept[i].style.cssText = kept[i].getAttribute('data-pre-style');
        app.insertBefore(div, app.firstChild);
        settled(lang, (/^<!--jrs-data:([0-9a-f]{8})-->/.exec(got[0]) || [])[1]);
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
