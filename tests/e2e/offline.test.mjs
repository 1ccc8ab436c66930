// Offline use (issue 8): after one visit the service worker keeps the app and its data; with
// the network cut off (browser offline AND the server stopped) a reload shows the pillars and
// filtering works, and the lazy wasm module ("open your data") opens. Also: dist/ under a sub-path keeps working, and a new build's data shows
// up when online (data/*.json is network first).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, BOOT_TIMEOUT, withPage, waitForPillars, screenshot, tempDir, onCleanup } from './lib.mjs';
import { startServer } from './server.mjs';

async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, {
    timeout: BOOT_TIMEOUT,
  });
  return page.evaluate(async () => {
    const r = await navigator.serviceWorker.ready;
    return { script: r.active.scriptURL, scope: r.scope, caches: await caches.keys() };
  });
}

for (const base of ['/', '/jakarta/strategi/']) {
  test(`after one visit the app loads and filters offline (base ${base})`, async (t) => {
    const server = await startServer({ dir: DIST, port: 0, base });
    let closed = false;
    onCleanup(() => (closed ? undefined : server.close()));
    await withPage(t, { url: server.url + '?lang=id' }, async (page) => {
      await waitForPillars(page);
      const sw = await controlled(page);
      assert.match(sw.script, /\/sw\.js\?v=[0-9a-z]+$/, 'registered with the build version');
      assert.equal(sw.scope, server.url, 'scoped to where dist/ is served');
      assert.ok(sw.caches.some((c) => c.startsWith('jrs-explorer-')), `a versioned cache: ${sw.caches}`);

      // Cut the network: the browser is offline and the server is gone.
      await page.context().setOffline(true);
      await server.close();
      closed = true;

      await page.reload({ waitUntil: 'load' });
      const cards = await waitForPillars(page);
      assert.equal(await cards.count(), 3, 'the pillars render offline');
      assert.notEqual(await page.evaluate(() => navigator.serviceWorker.controller), null);

      // Filtering works offline: a shock chip opens the filtered list.
      await page.locator('.hazards .chips .chip').first().click();
      await page.waitForURL(/view=actions.*shock=/);
      const items = await page.locator('ul.action-list > li.action-item').count();
      assert.ok(items > 0 && items < 48, `filtered list offline (${items} of 48)`);
      await page.locator('.filter-panel label[for="f-shock-1"]').click();
      await page.waitForFunction((n) => document.querySelectorAll('ul.action-list > li.action-item').length !== n, items);
      // Another view and a deck link, from the cache too.
      await page.goto(server.url + '?present=1&step=2&lang=id');
      await page.locator('.present').waitFor();
      await screenshot(page, `offline-present-${base === '/' ? 'root' : 'subpath'}`);
      // "Open your data" is in the lazy wasm module, never loaded online in this test: the
      // service worker cached it at install, so it opens offline too.
      await page.goto(server.url + '?view=sources&lang=id');
      await page.locator('#open-data-input').waitFor({ state: 'attached', timeout: BOOT_TIMEOUT });
      await page.context().setOffline(false);
    });
  });
}

test('online, a data update shows up at once (data is network first), and sw.js is plain', async (t) => {
  const dir = tempDir('jrs-offline-dist-');
  cpSync(DIST, dir, { recursive: true });
  const server = await startServer({ dir, port: 0 });
  onCleanup(() => server.close());
  await withPage(t, { url: server.url + '?lang=en' }, async (page) => {
    await waitForPillars(page);
    await controlled(page);
    // The web team replaces the dataset: rename a pillar.
    const file = join(dir, 'data', 'jakarta.json');
    const data = JSON.parse(readFileSync(file, 'utf8'));
    const p = data.pillars.find((x) => x.id === 'siap');
    p.name = { ...p.name, en: 'Ready Jakarta (updated)' };
    writeFileSync(file, JSON.stringify(data));
    await page.reload();
    await waitForPillars(page);
    assert.match(await page.locator('article.pillar-card[data-pillar="siap"]').innerText(), /updated/);
  });
  const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
  assert.ok(!/\bimport\b|importScripts/.test(sw), 'sw.js loads no library');
});

test('negative control: a service worker that caches nothing fails the offline check', async (t) => {
  // Proves the offline test can fail: same dist, but sw.js only takes control and caches nothing.
  const dir = tempDir('jrs-nocache-dist-');
  cpSync(DIST, dir, { recursive: true });
  writeFileSync(
    join(dir, 'sw.js'),
    'self.addEventListener("install", () => self.skipWaiting());\n' +
      'self.addEventListener("activate", (e) => e.waitUntil(self.clients.claim()));\n' +
      'self.addEventListener("fetch", () => {});\n',
  );
  const server = await startServer({ dir, port: 0 });
  let closed = false;
  onCleanup(() => (closed ? undefined : server.close()));
  const problems = await withPage(t, { url: server.url + '?lang=id', allowProblems: true }, async (page) => {
    await waitForPillars(page);
    await controlled(page);
    await page.context().setOffline(true);
    await server.close();
    closed = true;
    await page.reload({ waitUntil: 'load' }).catch(() => {});
    await assert.rejects(waitForPillars(page, { timeout: 3_000 }), /Timeout|timeout/, 'no pillars without the cache');
  });
  assert.ok(problems.length > 0, 'the failed offline load is reported');
});
