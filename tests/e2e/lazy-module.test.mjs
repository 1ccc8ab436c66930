// The lazy wasm module (src/bin/explorer-more.rs, public/lazy-module.js): features few visitors
// use ("open your data") are a second wasm module that the first view never loads, and that is
// loaded when such a feature is first shown: under the strict CSP, under a sub-path, and again
// after a failed load ("try again"). Offline use is checked in offline.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, BOOT_TIMEOUT, serve, withPage, waitForPillars, screenshot } from './lib.mjs';

// Without the service worker: it fetches the module in the background at install (for offline
// use, checked in offline.test.mjs), and what it serves bypasses the test's request routing.
const NO_SW = { serviceWorkers: 'block' };
const LAZY = /\/more-[0-9a-f]{16}(_bg\.wasm|\.js)$/;

/** Every URL the page requests from now on. */
function recordRequests(page) {
  const seen = [];
  page.on('request', (r) => seen.push(r.url()));
  return seen;
}
const lazyRequests = (seen) => seen.filter((u) => LAZY.test(new URL(u).pathname));

test('dist/index.html names the lazy module, and both of its files are in dist/', () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const js = /<link rel="jrs-lazy-js" href="\.\/(more-[0-9a-f]{16}\.js)">/.exec(html);
  const wasm = /<link rel="jrs-lazy-wasm" href="\.\/(more-[0-9a-f]{16}_bg\.wasm)">/.exec(html);
  assert.ok(js && wasm, 'a jrs-lazy-js and a jrs-lazy-wasm link');
  for (const f of [js[1], wasm[1]]) assert.ok(existsSync(join(DIST, f)), `${f} is in dist/`);
  // The app's own wasm does not carry the panel: its texts are in the lazy module only.
  const app = readdirWasm('explorer-');
  const more = readFileSync(join(DIST, wasm[1]));
  const marker = Buffer.from('strategy-templates-csv.zip');
  assert.ok(more.includes(marker), 'the lazy module makes the templates zip');
  assert.equal(app.includes(marker), false, 'the app wasm does not');
});

// Trunk writes its hash without leading zeros (15 digits at times), so any length here.
function readdirWasm(prefix) {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const name = new RegExp(`href="\\./(${prefix}[0-9a-f]+_bg\\.wasm)"`).exec(html)[1];
  return readFileSync(join(DIST, name));
}

test('the overview does not load the lazy module; opening Sources & method does (same page)', async (t) => {
  const server = await serve();
  await withPage(t, { allowOrigins: [server.url], contextOptions: NO_SW }, async (page) => {
    const seen = recordRequests(page);
    await page.goto(`${server.url}?lang=id`, { waitUntil: 'load', timeout: BOOT_TIMEOUT });
    await waitForPillars(page);
    // Everything the first view starts (stylesheets switched on when idle, data) has settled.
    await page.waitForLoadState('networkidle');
    assert.ok(seen.some((u) => u.endsWith('/lazy-module.js')), 'the small loader is there');
    assert.deepEqual(lazyRequests(seen), [], 'no request for the lazy module on the overview');

    await page.locator('nav.views a[href*="view=sources"]').first().click();
    await page.locator('#open-data-input').waitFor({ state: 'attached', timeout: BOOT_TIMEOUT });
    const requested = lazyRequests(seen).map((u) => new URL(u).pathname.split('/').pop());
    assert.equal(requested.length, 2, `its glue and its wasm, once each: ${requested}`);
    assert.equal(await page.locator('.lazy-status').count(), 0, 'no loading line once it is there');
    assert.equal((await page.locator('#open-data-title').innerText()).trim(), 'Buka data Anda');
    // The mounted panel follows the app's language.
    await page.locator('button.lang-switch').click();
    await page.waitForFunction(() => document.querySelector('#open-data-title')?.textContent.trim() === 'Open your data');
  });
});

test('leaving Sources & method unmounts the panel the lazy module mounted', async (t) => {
  const server = await serve();
  await withPage(t, { url: `${server.url}?view=sources&lang=id`, contextOptions: NO_SW }, async (page) => {
    await page.locator('#open-data-input').waitFor({ state: 'attached', timeout: BOOT_TIMEOUT });
    // The app's container, kept after the app drops it: the lazy module's panel is in it.
    await page.evaluate(() => (window.slot = document.querySelector('.open-data-slot')));
    assert.equal(await page.evaluate(() => window.slot.querySelectorAll('#open-data').length), 1);
    await page.locator('nav.views a[href*="view=actions"]').first().click();
    await page.waitForFunction(() => !window.slot.isConnected);
    // The app only removes its container; the panel's nodes go because the module unmounted it.
    await page.waitForFunction(() => window.slot.childElementCount === 0);
  });
});

test('under a sub-path the lazy module loads from that path', async (t) => {
  const base = '/jakarta/strategi/';
  const server = await serve({ base });
  await withPage(t, { allowOrigins: [server.url], contextOptions: NO_SW }, async (page) => {
    const seen = recordRequests(page);
    await page.goto(`${server.url}?view=sources&lang=en`, { waitUntil: 'load', timeout: BOOT_TIMEOUT });
    await page.locator('#open-data-input').waitFor({ state: 'attached', timeout: BOOT_TIMEOUT });
    const lazy = lazyRequests(seen);
    assert.equal(lazy.length, 2, `glue and wasm: ${lazy}`);
    for (const u of lazy) assert.ok(new URL(u).pathname.startsWith(base), `${u} is under ${base}`);
  });
});

for (const lang of ['id', 'en']) {
  test(`a lazy module that fails to load says so, and "try again" loads it (${lang})`, async (t) => {
    const server = await serve();
    const problems = await withPage(t, { allowOrigins: [server.url], allowProblems: true, contextOptions: NO_SW }, async (page) => {
      let refused = 0;
      await page.route(LAZY, (route) => {
        if (!route.request().url().endsWith('.wasm')) return route.continue();
        refused += 1;
        return route.fulfill({ status: 503, body: 'unavailable' });
      });
      await page.goto(`${server.url}?view=sources&lang=${lang}`, { waitUntil: 'load', timeout: BOOT_TIMEOUT });
      const failed = page.locator('.lazy-status.failed[role="alert"]');
      await failed.waitFor({ timeout: BOOT_TIMEOUT });
      assert.match(await failed.innerText(), lang === 'id' ? /tidak dapat dimuat/ : /could not be loaded/);
      assert.equal(await page.locator('#open-data-input').count(), 0, 'no panel');
      await screenshot(page, `lazy-failed-${lang}`);
      assert.equal(refused, 1);

      await page.unroute(LAZY);
      await page.locator('button.lazy-retry').click();
      await page.locator('#open-data-input').waitFor({ state: 'attached', timeout: BOOT_TIMEOUT });
      assert.equal(await page.locator('.lazy-status').count(), 0, 'the failure line is gone');
    });
    // The only problems are the refused file itself.
    assert.ok(problems.length > 0, 'the refused wasm is seen as a problem');
    for (const p of problems) assert.match(p, /503|more-[0-9a-f]{16}|WebAssembly|wasm/i, p);
  });
}
