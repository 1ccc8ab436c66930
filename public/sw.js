// Service worker of the Jakarta Resilience Strategy Explorer: after one visit, the app and
// its data keep working without internet (a workshop venue, a projector laptop).
// Plain JavaScript, no libraries. The app registers it (never in embed mode) as
// sw.js?v=<build>, where <build> comes from the hashed wasm file names, so every build gets
// its own cache and old caches are deleted when the new worker takes over.
//
// Strategies:
//   * page loads (navigations): network first, falling back to the cached index.html
//     (a new build is picked up as soon as the network answers);
//   * content-hashed files (explorer-<hash>.js / _bg.wasm, <name>-<hash>.css, boot-<hash>.js,
//     and the lazy module more-<hash>.js / _bg.wasm): cache first, they never change under the
//     same name;
//   * everything else, including data/*.json and ?data= files: network first, falling back to
//     the cache. These requests always ask the host whether the file changed (REVALIDATE:
//     a conditional request that bypasses the browser's heuristic freshness), so a web
//     team's data update shows at the next visit even on a host that sends no Cache-Control;
//     an unchanged file costs one round trip (304).
// The lazy module (<link rel="jrs-lazy-js"> and "jrs-lazy-wasm" in index.html) is cached at
// install unless the app registered the worker with `lazy=0` (a touch-first device, or a
// visitor saving data: src/ui/shell/offline.rs); then it is cached when a feature first loads it
// (cache first, below), or at once when the page asks (message "jrs-keep-lazy", sent when the
// explorer is installed as an app).
// Every URL is relative to the worker's scope, so dist/ works under any sub-path.
"use strict";

const PREFIX = "jrs-explorer-";
const VERSION = new URL(self.location.href).searchParams.get("v") || "dev";
const CACHE = PREFIX + VERSION;
/** Whether the lazy module is cached at install (see the header). */
const LAZY_AT_INSTALL = new URL(self.location.href).searchParams.get("lazy") !== "0";
const SCOPE = self.registration.scope;
const INDEX = new URL("./", SCOPE).href;
/** Files cached at install besides index.html and what it links to. */
const EXTRA = [
  "data/jakarta.json",
  "favicon.svg",
  "manifest.webmanifest",
  "icons/icon-192.png",
  "icons/icon-512.png",
  "icons/icon-maskable-512.png",
];
/** A content hash before the extension (or before `_bg.wasm`): Trunk writes its 64-bit hash in
 *  hex without leading zeros (so 15 digits in one build of 16, fewer rarely), the build's own
 *  hashes (boot-, more-) have 16 digits. */
const HASHED = /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$/;
/** How long a page load or data request waits for the network before using the cache. */
const NETWORK_TIMEOUT_MS = 4000;
/** How a network-first request that is not a page load goes to the network. */
const REVALIDATE = { cache: "no-cache" };

/** The same-origin, in-scope URLs that index.html refers to (stylesheets, scripts, wasm, and
 *  the lazy wasm module named by <link rel="jrs-lazy-js"> and <link rel="jrs-lazy-wasm">, which
 *  the page loads only when a visitor opens one of its features: cached here, it opens offline). */
function linkedUrls(html) {
  const urls = new Set();
  for (const m of html.matchAll(/\b(?:href|src)\s*=\s*"([^"]+)"/g)) {
    const u = new URL(m[1], INDEX);
    u.hash = "";
    // Links to the page itself with a query (the prerendered overview's) are not files.
    u.search = u.pathname === new URL(INDEX).pathname ? "" : u.search;
    if (u.origin === self.location.origin && u.href.startsWith(SCOPE) && u.href !== INDEX) {
      urls.add(u.href);
    }
  }
  return urls;
}

/** The lazy module's files named in index.html (<link rel="jrs-lazy-js|jrs-lazy-wasm">). */
function lazyUrls(html) {
  const urls = new Set();
  for (const m of html.matchAll(/<link\b[^>]*\brel\s*=\s*"jrs-lazy-(?:js|wasm)"[^>]*>/g)) {
    const href = /\bhref\s*=\s*"([^"]+)"/.exec(m[0]);
    if (href) urls.add(new URL(href[1], INDEX).href);
  }
  return urls;
}

async function cacheAll(cache, urls) {
  await Promise.all(
    [...urls].map(async (url) => {
      const r = await fetch(url, { cache: "no-cache" });
      if (!r.ok) throw new Error("sw: " + url + " answered " + r.status);
      await cache.put(url, r);
    }),
  );
}

async function precache() {
  const cache = await caches.open(CACHE);
  const res = await fetch(INDEX, { cache: "no-cache" });
  if (!res.ok) throw new Error("sw: index.html answered " + res.status);
  const html = await res.clone().text();
  await cache.put(INDEX, res);
  const urls = linkedUrls(html);
  for (const e of EXTRA) urls.add(new URL(e, SCOPE).href);
  if (!LAZY_AT_INSTALL) for (const u of lazyUrls(html)) urls.delete(u);
  await cacheAll(cache, urls);
}

/** Caches the lazy module now (what index.html in the cache names), unless it is there. */
async function keepLazy() {
  const cache = await caches.open(CACHE);
  const index = await cache.match(INDEX);
  if (!index) return;
  const missing = [];
  for (const u of lazyUrls(await index.text())) if (!(await cache.match(u))) missing.push(u);
  await cacheAll(cache, missing);
}

// Answers "jrs-lazy-kept" to the page that asked once the files are in the cache.
self.addEventListener("message", (event) => {
  if (!event.data || event.data.type !== "jrs-keep-lazy") return;
  const kept = keepLazy().then(
    () => event.source && event.source.postMessage({ type: "jrs-lazy-kept" }),
    () => {},
  );
  event.waitUntil(kept);
});

self.addEventListener("install", (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

/** True for a page of the app itself (the scope, or index.html, with any query). */
function isAppPage(url) {
  const path = url.origin + url.pathname;
  return path === INDEX || path === INDEX + "index.html";
}

/** Caches a good response (under `key`) without delaying the page. */
function remember(key, res) {
  if (res && res.ok && res.type === "basic") {
    const copy = res.clone();
    caches.open(CACHE).then((c) => c.put(key, copy)).catch(() => {});
  }
}

async function fromCache(key) {
  const cache = await caches.open(CACHE);
  return (await cache.match(key)) || (await caches.match(key)) || null;
}

/** Network first; the cached copy of `key` when the network fails or is too slow. */
async function networkFirst(request, key, init) {
  const network = fetch(request, init).then((res) => {
    remember(key, res);
    return res;
  });
  network.catch(() => {}); // a late failure after the cache answered is not an error
  const timeout = new Promise((resolve) => setTimeout(resolve, NETWORK_TIMEOUT_MS, null));
  try {
    const first = await Promise.race([network, timeout]);
    if (first) return first;
    // The network is slow: answer from the cache if we can, else keep waiting.
    return (await fromCache(key)) || (await network);
  } catch (err) {
    const cached = await fromCache(key);
    if (cached) return cached;
    throw err;
  }
}

async function cacheFirst(request) {
  const cached = await fromCache(request.url);
  if (cached) return cached;
  const res = await fetch(request);
  remember(request.url, res);
  return res;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.href.startsWith(SCOPE)) return;
  if (request.mode === "navigate") {
    event.respondWith(networkFirst(request, isAppPage(url) ? INDEX : request.url));
  } else if (HASHED.test(url.pathname)) {
    event.respondWith(cacheFirst(request));
  } else {
    event.respondWith(networkFirst(request, request.url, REVALIDATE));
  }
});
