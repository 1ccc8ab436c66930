// Presenting offline (issue 21): after one visit (the service worker installed, the lazy module
// in its cache) the network is cut (browser offline and the server stopped); a deck link (five
// slides of four views) then opens in presentation mode and every slide is walked with the
// keys a clicker or keyboard sends, each slide's view and title checked; the presenter window
// opens and follows offline too, with each slide's note.
// In both languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, DIST, BOOT_TIMEOUT, withPage, waitForPillars, screenshot, onCleanup, pressUntil } from './lib.mjs';
import { startServer } from './server.mjs';

/** The workshop deck (tests/fixtures/deck-workshop.json, tied to the encoder by
 *  tests/presenter.rs): five slides of four views; what each slide's stage shows. */
const WORKSHOP = JSON.parse(readFileSync(join(ROOT, 'tests', 'fixtures', 'deck-workshop.json'), 'utf8'));
const SHOWS = {
  map: '.present-stage svg.map-svg path.area',
  actions: '.present-stage :is(ul.action-list > li.action-item, .empty-result)',
  sources: '.present-stage :is(ol.source-list li, details)',
  charts: '.present-stage figure.chart[data-chart] .chart-svg svg',
};
/** The keys each move uses: clickers send Page Down/Up, keyboards the arrows and Space. */
const FORWARD = ['PageDown', 'ArrowRight', ' ', 'PageDown', 'ArrowDown', 'ArrowRight'];

/** Waits until the service worker controls the page (it activates only once its install has
 *  cached index.html and everything it links), then checks its cache holds the lazy module. */
async function installed(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: BOOT_TIMEOUT });
  const cached = await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    const lazy = [...document.querySelectorAll('link[rel="jrs-lazy-js"], link[rel="jrs-lazy-wasm"]')].map((l) => l.href);
    const hits = await Promise.all(lazy.map((u) => caches.match(u)));
    return { lazy, cached: hits.filter(Boolean).length };
  });
  assert.equal(cached.lazy.length, 2, 'index.html names the lazy module');
  assert.equal(cached.cached, 2, `the service worker cached the lazy module: ${cached.lazy}`);
}

for (const lang of ['id', 'en']) {
  test(`offline: a deck link opens, every slide is walked with the keys, the presenter window follows (${lang})`, async (t) => {
    const server = await startServer({ dir: DIST, port: 0 });
    let closed = false;
    onCleanup(() => (closed ? undefined : server.close()));
    await withPage(t, { url: `${server.url}?lang=${lang}` }, async (page, problems) => {
      await waitForPillars(page);
      await installed(page);
      // Cut the network: the browser is offline and the server is gone.
      await page.context().setOffline(true);
      await server.close();
      closed = true;

      await page.goto(`${server.url}?present=1&lang=${lang}&deck=${WORKSHOP.link}`);
      const slides = WORKSHOP.slides;
      const total = slides.length;
      const heading = `heading_${lang}`;
      for (let i = 0; i < total; i++) {
        if (i > 0) await pressUntil(page, FORWARD[(i - 1) % FORWARD.length], i);
        await page.waitForFunction(
          (want) => document.querySelector('.present-counter .present-count')?.textContent === want,
          `${i + 1} / ${total}`,
          { timeout: BOOT_TIMEOUT },
        );
        await page.locator(SHOWS[slides[i].view]).first().waitFor({ state: 'attached', timeout: BOOT_TIMEOUT });
        assert.equal(await page.locator('.present-step-title').textContent(), slides[i][heading], `slide ${i + 1}`);
        assert.equal(await page.locator('.present-notice').count(), 0, 'the deck link was read');
      }
      await screenshot(page, `deck-offline-last-${lang}`);
      // And back with the keys for the other direction.
      await pressUntil(page, 'PageUp', total - 2);
      await pressUntil(page, 'ArrowLeft', total - 3);

      // The presenter window opens from the cache, shows the note and follows.
      const [win] = await Promise.all([page.context().waitForEvent('page'), page.locator('button.present-presenter').click()]);
      win.on('pageerror', (e) => problems.push(`presenter window: ${e.message}`));
      win.on('console', (m) => m.type() === 'error' && problems.push(`presenter window: ${m.text()}`));
      const shown = (n) =>
        win.waitForFunction(
          ({ h, note }) =>
            document.querySelector('.presenter-heading')?.textContent === h &&
            (note === null || document.querySelector('.presenter-now .presenter-note')?.textContent === note),
          { h: slides[n][heading], note: slides[n].note },
          { timeout: BOOT_TIMEOUT },
        );
      await shown(total - 3);
      await page.bringToFront();
      await page.keyboard.press('ArrowRight');
      await shown(total - 2);
      await win.keyboard.press('PageDown');
      await page.waitForFunction((s) => document.querySelector('main.present-stage')?.dataset.step === s, String(total - 1));
      await shown(total - 1);
      await page.context().setOffline(false);
    });
  });
}

// The lazy module (presentation, deck, open your data) is large. On a phone (a touch-first
// device) or for a visitor saving data, the service worker does not download it in the
// background at install: only a feature's first use does. Installed as an app, the explorer
// asks the worker to keep it at once, so a deck still opens offline. (The desktop tests above
// are the control: there the same cache check finds the module after one visit.)
for (const variant of ['phone', 'save-data']) {
  test(`offline (${variant}): the lazy module is not downloaded in the background; installed as an app, it is kept and a deck opens offline`, async (t) => {
    const requested = [];
    const server = await startServer({ dir: DIST, port: 0, log: (line) => requested.push(line) });
    let closed = false;
    onCleanup(() => (closed ? undefined : server.close()));
    const phone = variant === 'phone';
    await withPage(
      t,
      {
        allowOrigins: [server.url],
        viewport: phone ? { width: 375, height: 812 } : undefined,
        contextOptions: phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {},
      },
      async (page) => {
        if (!phone) {
          await page.context().addInitScript(() => {
            Object.defineProperty(Navigator.prototype, 'connection', { configurable: true, get: () => ({ saveData: true }) });
          });
        }
        await page.goto(`${server.url}?lang=id`, { waitUntil: 'load', timeout: BOOT_TIMEOUT });
        await waitForPillars(page);
        await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: BOOT_TIMEOUT });
        const cache = () =>
          page.evaluate(async () => {
            const reg = await navigator.serviceWorker.ready;
            const lazy = [...document.querySelectorAll('link[rel="jrs-lazy-js"], link[rel="jrs-lazy-wasm"]')].map((l) => l.href);
            const app = document.querySelector('link[rel="jrs-app-wasm"]').href;
            const hits = await Promise.all(lazy.map((u) => caches.match(u)));
            return { worker: reg.active.scriptURL, lazy: hits.filter(Boolean).length, app: !!(await caches.match(app)) };
          });
        const before = await cache();
        assert.match(before.worker, /[?&]lazy=0\b/, 'the worker is told to wait for a first use');
        assert.ok(before.app, 'the app itself is cached for offline use');
        assert.equal(before.lazy, 0, 'the lazy module is not in the cache');
        assert.deepEqual(requested.filter((l) => /\/more-/.test(l)), [], 'nothing downloaded the lazy module');

        // Installed as an app: the worker keeps the module now, and says so when it has.
        const kept = page.evaluate(
          () =>
            new Promise((resolve) =>
              navigator.serviceWorker.addEventListener('message', (e) => e.data?.type === 'jrs-lazy-kept' && resolve(true)),
            ),
        );
        await page.evaluate(() => window.dispatchEvent(new Event('appinstalled')));
        assert.equal(await kept, true);
        assert.equal((await cache()).lazy, 2, 'the installed app keeps the lazy module');

        await page.context().setOffline(true);
        await server.close();
        closed = true;
        await page.goto(`${server.url}?present=1&lang=id&deck=${WORKSHOP.link}`);
        await page.waitForFunction(
          (want) => document.querySelector('.present-counter .present-count')?.textContent === want,
          `1 / ${WORKSHOP.slides.length}`,
          { timeout: BOOT_TIMEOUT },
        );
        await page.locator(SHOWS[WORKSHOP.slides[0].view]).first().waitFor({ state: 'attached', timeout: BOOT_TIMEOUT });
        assert.equal(await page.locator('.present-step-title').textContent(), WORKSHOP.slides[0].heading_id);
        await page.context().setOffline(false);
      },
    );
  });
}
