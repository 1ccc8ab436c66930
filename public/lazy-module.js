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
