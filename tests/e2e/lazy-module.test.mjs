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

// Presentation mode is the lazy module's: its frame's markup (the stage, the counter, the
// story's vision screen) is in that module's wasm, not in the app's.
test('the presentation frame is in the lazy module, not in the app wasm', () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const more = readFileSync(join(DIST, /href="\.\/(more-[0-9a-f]{16}_bg\.wasm)"/.exec(html)[1]));
  const app = readdirWasm('explorer-');
  for (const marker of ['present-stage', 'present-counter', 'slide-vision']) {
    assert.ok(more.includes(Buffer.from(marker)), `the lazy module draws ${marker}`);
    assert.equal(app.includes(Buffer.from(marker)), false, `the app wasm does not carry ${marker}`);
  }
  // The header's button stays in the app.
  assert.ok(app.includes(Buffer.from('present-button')), 'the app draws the Present button');
});

for (const lang of ['id', 'en']) {
  test(`the default view loads no lazy module; ?present=1 loads it and shows the first slide (${lang})`, async (t) => {
    const server = await serve();
    await withPage(t, { allowOrigins: [server.url], contextOptions: NO_SW }, async (page) => {
      const seen = recordRequests(page);
      await page.goto(`${server.url}?lang=${lang}`, { waitUntil: 'load', timeout: BOOT_TIMEOUT });
      await waitForPillars(page);
      await page.waitForLoadState('networkidle');
      assert.deepEqual(lazyRequests(seen), [], 'the site\'s default view requests no lazy module');

      seen.length = 0;
      await page.goto(`${server.url}?present=1&lang=${lang}`, { waitUntil: 'load', timeout: BOOT_TIMEOUT });
      await page.locator('.present main.present-stage[data-step="0"] h1#slide-title').waitFor({ timeout: BOOT_TIMEOUT });
      const requested = lazyRequests(seen).map((u) => new URL(u).pathname.split('/').pop());
      assert.equal(requested.length, 2, `its glue and its wasm, once each: ${requested}`);
      assert.equal((await page.locator('.present-step-title').innerText()).trim(), lang === 'id' ? 'Visi' : 'Vision');
      assert.equal((await page.locator('.present-count').innerText()).trim(), '1 / 7');
      assert.equal(await page.locator('.site-header').count(), 0, 'no site chrome while presenting');
      assert.equal(await page.locator('.lazy-status').count(), 0, 'no loading line once it is there');
    });
  });

  test(`a presentation whose module fails to load says so, tries again on request, and can be left (${lang})`, async (t) => {
    const server = await serve();
    const problems = await withPage(t, { allowOrigins: [server.url], allowProblems: true, contextOptions: NO_SW }, async (page) => {
      await page.route(LAZY, (route) =>
        route.request().url().endsWith('.wasm') ? route.fulfill({ status: 503, body: 'unavailable' }) : route.continue(),
      );
      await page.goto(`${server.url}?present=1&lang=${lang}`, { waitUntil: 'load', timeout: BOOT_TIMEOUT });
      const failed = page.locator('.present-failed[role="alert"]');
      await failed.waitFor({ timeout: BOOT_TIMEOUT });
      assert.match(await failed.innerText(), lang === 'id' ? /Presentasi tidak dapat dimuat/ : /The presentation could not be loaded/);
      assert.equal(await page.locator('.present-stage').count(), 0, 'no presentation');
      await screenshot(page, `present-module-failed-${lang}`);

      // Try again, still refused: the module is asked for again, and the line says so again
      // (not a blank page).
      const again = page.waitForRequest((r) => /_bg\.wasm$/.test(r.url()) && LAZY.test(new URL(r.url()).pathname));
      await page.locator('.present-failed button.lazy-retry').click();
      await again;
      await failed.waitFor({ timeout: BOOT_TIMEOUT });

      // Its Exit returns to the site.
      await page.locator('.present-failed button.present-exit').click();
      await waitForPillars(page);
      await page.waitForFunction(() => !new URL(location.href).searchParams.has('present'));

      // With the module reachable again, Back is the presentation, and it loads.
      await page.unroute(LAZY);
      await page.goBack();
      await page.locator('.present main.present-stage[data-step="0"]').waitFor({ timeout: BOOT_TIMEOUT });
      assert.equal(await page.locator('.lazy-status').count(), 0, 'the failure line is gone');
    });
    assert.ok(problems.length > 0, 'the refused wasm is seen as a problem');
    for (const p of problems) assert.match(p, /503|more-[0-9a-f]{16}|WebAssembly|wasm/i, p);
  });
}

test('Escape while the presentation is loading goes back to the site, and the module arriving later does not start it', async (t) => {
  const server = await serve();
  await withPage(t, { allowOrigins: [server.url], contextOptions: NO_SW }, async (page) => {
    // The module's wasm is held back until the test lets it through.
    let release;
    const held = new Promise((r) => (release = r));
    await page.route(LAZY, async (route) => {
      if (!route.request().url().endsWith('.wasm')) return route.continue();
      await held;
      return route.continue();
    });
    await page.goto(`${server.url}?lang=en`, { waitUntil: 'load', timeout: BOOT_TIMEOUT });
    await waitForPillars(page);
    await page.locator('header .present-button').first().click();
    await page.locator('.present-slot-status[role="status"]').waitFor({ timeout: BOOT_TIMEOUT });
    await page.waitForFunction(() => new URL(location.href).searchParams.get('present') === '1');
    assert.equal(await page.locator('.present-slot').count(), 1, 'the presentation is loading');
    await page.keyboard.press('Escape');
    await waitForPillars(page);
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('present'), null, { timeout: BOOT_TIMEOUT });
    assert.equal(await page.locator('.present-slot').count(), 0, 'the loading slot is gone');
    // The module now arrives: the site stays.
    const loaded = page.waitForResponse((r) => LAZY.test(new URL(r.url()).pathname) && r.url().endsWith('.wasm'));
    release();
    await loaded;
    await page.evaluate(() => window.jrsLazyModule().then(() => true));
    // The app's own wait for the module has run by the second frame after it arrived.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    assert.equal(await page.locator('.present').count(), 0, 'no presentation after leaving it');
    assert.ok(!new URL(page.url()).searchParams.has('present'), 'the address stays the site\'s');
    assert.equal(await page.locator('header .present-button').first().isVisible(), true);
  });
});

test('Escape after the module has loaded but before the presentation has read its data also goes back to the site', async (t) => {
  const server = await serve();
  await withPage(t, { allowOrigins: [server.url], contextOptions: NO_SW }, async (page) => {
    await page.goto(`${server.url}?lang=en`, { waitUntil: 'load', timeout: BOOT_TIMEOUT });
    await waitForPillars(page);
    // The presentation reads the dataset again, in its own module: hold that read back.
    let release;
    const held = new Promise((r) => (release = r));
    let asked;
    const dataAsked = new Promise((r) => (asked = r));
    await page.route(/\/data\/jakarta\.json/, async (route) => {
      asked();
      await held;
      return route.continue();
    });
    await page.locator('header .present-button').first().click();
    await dataAsked; // the module is mounted and waits for its data
    assert.equal(await page.locator('.present').count(), 0, 'no presentation frame yet');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('present'), null, { timeout: BOOT_TIMEOUT });
    await waitForPillars(page);
    release();
    assert.equal(await page.locator('.present').count(), 0, 'the site, not the presentation');
  });
});

// The app and the lazy module's presentation each keep their own state, read from the one
// address: Back and Forward go in and out of the presentation and between its steps.
test('back and forward go in and out of the presentation and through its steps', async (t) => {
  const server = await serve();
  await withPage(t, { url: `${server.url}?lang=en&view=actions`, contextOptions: NO_SW }, async (page) => {
    await page.locator('a.present-button').waitFor({ timeout: BOOT_TIMEOUT });
    const step = (n) => page.locator(`.present main.present-stage[data-step="${n}"]`).waitFor({ timeout: BOOT_TIMEOUT });
    const site = async () => {
      await page.locator('nav.views a.current[href*="view=actions"]').waitFor({ timeout: BOOT_TIMEOUT });
      assert.equal(await page.locator('.present').count(), 0, 'the presentation is gone');
    };
    await page.locator('a.present-button').click();
    await step(0);
    await page.keyboard.press('ArrowRight');
    await step(1);
    await page.locator('button.present-exit').click();
    await site();
    assert.equal(new URL(page.url()).searchParams.get('view'), 'actions');
    await page.goBack();
    await step(1);
    await page.goBack();
    await step(0);
    await page.goBack();
    await site();
    await page.goForward();
    await step(0);
    await page.goForward();
    await step(1);
    // The last entry: the site again (the exit).
    await page.goForward();
    await site();
  });
});
