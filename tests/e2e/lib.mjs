// Shared helpers for the end-to-end tests (node --test, playwright-core, Debian's Chromium).
//
//   import { test } from 'node:test';
//   import { serve, withPage, waitForPillars } from './lib.mjs';
//   test('…', async (t) => {
//     const server = await serve();                       // dist/ on a free port, strict CSP
//     await withPage(t, { url: server.url }, async (page) => { … });
//   });
//
// One browser and one server per option set are started per test file (node --test runs each
// file in its own process) and closed when the file's tests are done. withPage() FAILS the test
// on any console error, uncaught page error, CSP violation, failed same-origin request, or request
// to another origin (blocked). Screenshots go to $E2E_SCREENSHOTS, default
// ${CARGO_TARGET_DIR:-target}/e2e-screenshots.

import { after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { startServer } from './server.mjs';

const require = createRequire(import.meta.url);
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = resolve(process.env.E2E_DIST ?? join(ROOT, 'dist'));
export const SCREENSHOTS = resolve(
  process.env.E2E_SCREENSHOTS ??
    join(process.env.CARGO_TARGET_DIR ? resolve(ROOT, process.env.CARGO_TARGET_DIR) : join(ROOT, 'target'), 'e2e-screenshots'),
);
/**
 * The test variant of the app (`./x test` and `./x e2e` build it): dist/ with the
 * `explorer-self-test` binary, which adds `jrs_self_test_panic()` for the panic-screen tests.
 */
export const SELF_TEST_DIST = resolve(
  process.env.E2E_SELF_TEST_DIST ??
    join(process.env.CARGO_TARGET_DIR ? resolve(ROOT, process.env.CARGO_TARGET_DIR) : join(ROOT, 'target'), 'dist-self-test'),
);
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const PILLARS = [
  { id: 'siap', name: 'Jakarta Siap' },
  { id: 'sehat', name: 'Jakarta Sehat' },
  { id: 'terhubung', name: 'Jakarta Terhubung' },
];
/** How long to wait for the app to boot (first wasm compile on a busy 2-core CI machine). */
export const BOOT_TIMEOUT = Number(process.env.E2E_BOOT_TIMEOUT_MS ?? 30_000);

export { LAUNCH_ARGS } from './chromium-args.mjs';
import { LAUNCH_ARGS } from './chromium-args.mjs';

let browserPromise = null;
const servers = new Map();
const cleanups = [];

after(async () => {
  for (const fn of cleanups.splice(0).reverse()) {
    try {
      await fn();
    } catch {
      /* best effort */
    }
  }
});

/** Register a clean-up to run when this test file is done. */
export function onCleanup(fn) {
  cleanups.push(fn);
}

/** The shared browser: Debian's Chromium, headless, fresh user data dir. */
export async function browser() {
  if (!browserPromise) {
    browserPromise = (async () => {
      if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: run ./x setup`);
      const { chromium } = require('playwright-core');
      // launch() gives every run a fresh, throw-away user data dir (playwright refuses
      // --user-data-dir here; launchPersistentContext would share one context across tests).
      const b = await chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: LAUNCH_ARGS,
        timeout: 60_000,
      });
      onCleanup(() => b.close());
      return b;
    })();
  }
  return browserPromise;
}

/**
 * Serve a dist directory (default: the built dist/) with the strict CSP. Same options as
 * startServer() in server.mjs ({ dir, base, compress, framePort, spa, headers }). Memoised per
 * option set within a test file; closed when the file is done.
 */
export async function serve(options = {}) {
  const opts = { dir: DIST, port: 0, ...options };
  const key = JSON.stringify(opts);
  if (!servers.has(key)) {
    if (!existsSync(join(opts.dir, 'index.html'))) {
      throw new Error(`${opts.dir}/index.html not found: build first (./x test or trunk build --release)`);
    }
    const p = startServer(opts);
    servers.set(key, p);
    onCleanup(async () => (await p).close());
  }
  return servers.get(key);
}

/** Records CSP violations from inside the page (they also reach the console as errors). */
const INIT_SCRIPT = `(() => {
  const record = (e) => console.error('CSP violation: ' + e.violatedDirective + ' blocked ' +
    (e.blockedURI || 'inline') + ' at ' + (e.sourceFile || '') + ':' + (e.lineNumber || 0));
  document.addEventListener('securitypolicyviolation', record, true);
})();`;

/**
 * Open a page in a fresh browser context, run fn(page, problems), then fail the test if the page
 * logged a console error, threw, violated the CSP, requested another origin, or a same-origin
 * request failed (HTTP >= 400 or network error). Options:
 *   url            navigate there first (waits for 'load')
 *   viewport       { width, height } (default 1280×800)
 *   allowOrigins   extra origins the page may contact (e.g. the embedding test origin)
 *   allowProblems  true to record problems without failing (negative tests inspect them)
 *   screenshot     name: take a full-page screenshot at the end (also taken on failure)
 *   contextOptions extra playwright context options (locale, default 'id-ID'; colorScheme, …)
 */
export async function withPage(t, options, fn) {
  const {
    url,
    viewport = { width: 1280, height: 800 },
    allowOrigins = [],
    allowProblems = false,
    screenshot: shotName,
    contextOptions = {},
    // After `url` has loaded, wait until the live app has taken over from a prerendered view
    // (waitForLive); off for a page whose app is not meant to start.
    live = true,
    // At every page load, start the explorer as a visitor's first key would (startUsing); off
    // for a test of what a visitor who has not touched the page gets.
    use = true,
  } = options ?? {};
  const b = await browser();
  // Indonesian by default: the site's primary language (tests may pass another locale).
  const context = await b.newContext({
    viewport,
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    ...contextOptions,
  });
  await context.addInitScript({ content: INIT_SCRIPT });
  const problems = [];
  const allowed = new Set(allowOrigins.map((o) => new URL(o).origin));
  if (url) allowed.add(new URL(url).origin);

  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (/^(data|blob):/.test(u)) return route.continue();
    const origin = new URL(u).origin;
    if (allowed.has(origin)) return route.continue();
    problems.push(`request to another origin: ${u}`);
    return route.abort('blockedbyclient');
  });

  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const loc = msg.location();
      problems.push(`console error: ${msg.text()}${loc && loc.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err && (err.stack || err.message || err)}`));
  page.on('requestfailed', (req) => {
    const f = req.failure();
    if (f && f.errorText === 'net::ERR_BLOCKED_BY_CLIENT') return; // already recorded above
    // The browser's own favicon request, a stylesheet that public/styles-later.js switched
    // on while the page was idle (charts, map, present, open-data), or a prerendered view
    // public/prerender-gate.js was fetching, cut short by the test's next navigation: not the
    // app's doing (a missing file is a 404, reported elsewhere).
    if (f && f.errorText === 'net::ERR_ABORTED' && /\/(favicon\.svg|(charts|map|present|open-data)-[0-9a-f]+\.css|prerender\/(charts|map)\.(id|en)\.(narrow|wide)\.html)$/.test(new URL(req.url()).pathname)) return;
    problems.push(`request failed: ${req.url()} ${f ? f.errorText : ''}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()} for ${res.url()}`);
  });
  page.problems = problems;
  if (use) page.on('load', () => startUsing(page));

  let failed = true;
  try {
    if (url) {
      await page.goto(url, { waitUntil: 'load', timeout: BOOT_TIMEOUT });
      if (live) await waitForLive(page, { use });
    }
    await fn(page, problems);
    failed = false;
  } finally {
    const name = shotName ?? (failed ? `FAILED-${slug(t?.name ?? 'page')}` : null);
    if (name) {
      try {
        await screenshot(page, name);
      } catch {
        /* page may be gone */
      }
    }
    await context.close();
  }
  if (!allowProblems) {
    assert.deepEqual(problems, [], `the page reported problems:\n  ${problems.join('\n  ')}`);
  }
  return problems;
}

function slug(s) {
  return String(s).replace(/[^a-zA-Z0-9._-]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);
}

/** Full-page screenshot to SCREENSHOTS/<name>.png; returns the path. */
export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = join(SCREENSHOTS, `${slug(name)}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  return file;
}

/**
 * With a prerendered view on screen the explorer's wasm comes when the visitor starts using the
 * page (public/prerender-gate.js, <html data-go>): when the page is still waiting for that, this
 * does what a visitor's mouse moving over it does (a mousemove on the window: neither a key
 * nor a touch, which public/styles-later.js also listens for; tests/e2e/prerender.test.mjs
 * checks real keys and taps). withPage calls it at every page load unless `use: false`.
 * `page` may also be a Frame (the explorer in another site's iframe).
 */
export async function startUsing(page) {
  await page
    .evaluate(() => {
      const root = document.documentElement;
      if (root.hasAttribute('data-pre') && !root.hasAttribute('data-go')) window.dispatchEvent(new MouseEvent('mousemove'));
    })
    .catch(() => {});
}

/**
 * Wait until no prerendered view is in the page (tools/prerender.mjs: the overview, charts and
 * map views are drawn at build time and shown until the live app takes over, or the page says
 * why it cannot). Until then a selector can find the prerender's copy of an element.
 */
export async function waitForLive(page, { timeout = BOOT_TIMEOUT, use = true } = {}) {
  if (use) await startUsing(page);
  await page.waitForFunction(
    () => !document.querySelector('#app > .prerendered') && document.documentElement.getAttribute('data-pre') !== 'wait',
    null,
    { timeout },
  );
}

/**
 * Wait until the live app has rendered the three pillar cards; returns the locator of the cards.
 * Contract: <article class="pillar-card" data-pillar="siap|sehat|terhubung"> with the pillar names.
 */
export async function waitForPillars(page, { timeout = BOOT_TIMEOUT, use = true } = {}) {
  // `page` may also be a playwright Frame (e.g. the app inside the cross-origin embedding page).
  if (use) await startUsing(page);
  const cards = page.locator('article.pillar-card[data-pillar]');
  await cards.first().waitFor({ state: 'visible', timeout });
  // All three, not just the first (rendering may be incremental).
  // The live app's, not the overview prerendered into index.html (tools/prerender.mjs), which
  // shows the same cards until the app has the dataset.
  await page.waitForFunction(
    () =>
      document.querySelectorAll('article.pillar-card[data-pillar]').length >= 3 &&
      !document.querySelector('#app > .prerendered'),
    null,
    { timeout },
  );
  return cards;
}

/** Run an axe-core audit in the page (works under the strict CSP: evaluated, not injected). */
export async function runAxe(page, options = {}) {
  const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  return page.evaluate(
    async (opts) => {
      // eslint-disable-next-line no-undef
      const r = await axe.run(opts.context ?? document, opts.run ?? {});
      return { violations: r.violations, passes: r.passes.length, incomplete: r.incomplete };
    },
    { context: options.context, run: options.run },
  );
}

/** Fails the test (through `problems`) on any dialog: alert, confirm, prompt, beforeunload. */
export function forbidDialogs(page, problems) {
  page.on('dialog', async (d) => {
    problems.push(`a dialog opened (${d.type()}): ${d.message()}`);
    await d.dismiss().catch(() => {});
  });
}

/** Fails when the page scrolls sideways; names what sticks out to the right. */
export async function assertNoSidewaysScroll(page, where) {
  const o = await page.evaluate(() => {
    const width = window.innerWidth;
    // What sticks out to the right, for the failure message.
    const culprits = [...document.querySelectorAll('body *')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.right > width + 1 && !el.closest('.visually-hidden');
      })
      .slice(0, 6)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} (right ${Math.round(el.getBoundingClientRect().right)})`);
    return {
      scrollWidth: document.documentElement.scrollWidth,
      bodyScrollWidth: document.body.scrollWidth,
      width,
      culprits,
    };
  });
  assert.ok(
    o.scrollWidth <= o.width && o.bodyScrollWidth <= o.width,
    `${where}: the page scrolls sideways (scrollWidth ${o.scrollWidth}/${o.bodyScrollWidth} > ${o.width}); sticking out: ${o.culprits.join(', ')}`,
  );
}

/** Copy a directory tree (used by tests that serve a modified dist). */
export { cpSync as copyDir } from 'node:fs';
/** A temporary directory removed when the test file is done. */
export function tempDir(prefix = 'jrs-e2e-') {
  const d = mkdtempSync(join(tmpdir(), prefix));
  onCleanup(() => rmSync(d, { recursive: true, force: true }));
  return d;
}

/** Where a presentation is: its slide and how far that slide is scrolled. */
const stageState = () => {
  const m = document.querySelector('main.present-stage');
  return { step: m?.getAttribute('data-step'), top: m?.scrollTop };
};

/** In a presentation, presses `key` until slide `want` (0-based) shows: each press must scroll
 *  the slide or move to another within `timeout` ms (a slide taller than the screen scrolls
 *  first, as a clicker's Page Down does), at most `max` presses. Returns the presses used. */
export async function pressUntil(page, key, want, { max = 15, timeout = 10_000 } = {}) {
  for (let i = 1; i <= max; i++) {
    const before = await page.evaluate(stageState);
    await page.keyboard.press(key);
    await page.waitForFunction(
      ({ step, top }) => {
        const m = document.querySelector('main.present-stage');
        return m.getAttribute('data-step') !== step || m.scrollTop !== top;
      },
      before,
      { timeout },
    );
    if (Number(await page.locator('main.present-stage').getAttribute('data-step')) === want) return i;
  }
  throw new Error(`${JSON.stringify(key)} did not reach slide ${want + 1} in ${max} presses`);
}
