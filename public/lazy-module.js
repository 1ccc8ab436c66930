// Loads the explorer's second WebAssembly module, `explorer-more` (src/bin/explorer-more.rs:
// the features few visitors use, e.g. "open your data"), the first time one of them is shown,
// so the first view does not pay for it. The build (tools/trunk-post-build.mjs) names its two
// content-hashed files in index.html as <link rel="jrs-lazy-js"> and <link rel="jrs-lazy-wasm">:
// browsers fetch nothing for a link relation they do not know, and the service worker caches
// every href of index.html at install, so the module also opens offline. A dynamic import of
// a same-origin file is allowed by the page's policy (script-src 'self'), under any sub-path.
// The app calls window.jrsLazyModule() and gets the module's exports; a failed load is
// forgotten, so the next call (a "retry") tries again.
let loading = null;
self.jrsLazyModule = () => {
  if (!loading) {
    loading = (async () => {
      const js = document.querySelector('link[rel="jrs-lazy-js"]');
      const wasm = document.querySelector('link[rel="jrs-lazy-wasm"]');
      if (!js || !wasm) throw new Error('index.html names no lazy module (jrs-lazy-js, jrs-lazy-wasm)');
      const module = await import(js.href);
      await module.default({ module_or_path: wasm.href });
      return module;
    })();
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
};

// Installed as an app (a presenter's device for a workshop without internet): the service
// worker keeps the module at once, even where it would otherwise wait for its first use
// (public/sw.js, src/ui/shell/offline.rs).
const keepLazy = () =>
  navigator.serviceWorker?.ready.then((r) => r.active?.postMessage({ type: 'jrs-keep-lazy' })).catch(() => {});
if (matchMedia('(display-mode: standalone)').matches) keepLazy();
addEventListener('appinstalled', keepLazy);

// The presenter window (?presenter=1&lang=…&deck=…, opened by the presentation's "Presenter
// window" button) is the lazy module's alone: the app leaves the page (src/ui/mod.rs) and the
// module draws the current slide's note and the next slide (src/ui/present/presenter.rs).
const query = new URLSearchParams(location.search);
if (query.get('presenter') === '1') {
  const app = document.getElementById('app');
  const asked = query.get('lang');
  const lang = asked === 'id' || asked === 'en' ? asked : /^en\b/.test(navigator.language) ? 'en' : 'id';
  document.documentElement.lang = lang;
  document.documentElement.dataset.presenter = '';
  // The presentation's theme and contrast (its "Presenter window" button passes them on).
  const theme = query.get('theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
  if (query.get('contrast') === 'high') document.documentElement.dataset.contrast = 'high';
  const start = () =>
    self.jrsLazyModule().then(
      (m) => {
        app.replaceChildren();
        self.jrsPresenter = m.mount_presenter(app, lang, query.get('deck') ?? '');
      },
      (e) => {
        const p = document.createElement('p');
        p.className = 'lazy-status failed';
        p.setAttribute('role', 'alert');
        const why = e && e.message ? e.message : String(e);
        p.textContent = `${lang === 'en' ? 'The presenter window could not be loaded' : 'Jendela penyaji tidak dapat dimuat'} (${why}). `;
        const retry = document.createElement('button');
        retry.type = 'button';
        retry.className = 'lazy-retry';
        retry.textContent = lang === 'en' ? 'Try again' : 'Coba lagi';
        retry.addEventListener('click', start);
        p.append(retry);
        app.replaceChildren(p);
      },
    );
  start();
}
