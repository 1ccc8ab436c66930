// Smoke test: the built app boots in Chromium under the strict CSP and shows the three pillars.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, truncateSync, statSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, PILLARS, serve, withPage, waitForPillars, screenshot, tempDir } from './lib.mjs';

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'mobile', width: 375, height: 812 },
];

async function assertPillars(page) {
  const cards = await waitForPillars(page);
  assert.equal(await cards.count(), 3, 'exactly three pillar cards');
  const ids = await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-pillar')));
  assert.deepEqual([...ids].sort(), PILLARS.map((p) => p.id).sort(), 'one card per pillar id');
  for (const p of PILLARS) {
    const card = page.locator(`article.pillar-card[data-pillar="${p.id}"]`);
    assert.equal(await card.count(), 1, `one card for ${p.id}`);
    assert.match(await card.innerText(), new RegExp(p.name), `card ${p.id} names "${p.name}"`);
  }
}

for (const vp of VIEWPORTS) {
  test(`boots and shows the three pillar cards at ${vp.width}×${vp.height} (${vp.name})`, async (t) => {
    const server = await serve();
    // Indonesian locale: the pillar names are checked in Indonesian.
    const contextOptions = { locale: 'id-ID' };
    await withPage(t, { url: server.url, viewport: vp, contextOptions }, async (page) => {
      await assertPillars(page);
      // The static "Memuat… / Loading…" placeholder is gone once the app has rendered.
      assert.equal(await page.locator('#app .app-loading').count(), 0, 'loading placeholder replaced');
      assert.equal(await page.getAttribute('html', 'lang'), 'id');
      await screenshot(page, `smoke-${vp.name}-${vp.width}x${vp.height}`);
    });
  });
}

test('boots when dist/ is served under the sub-path /jakarta/strategi/', async (t) => {
  const server = await serve({ base: '/jakarta/strategi/' });
  assert.match(server.url, /\/jakarta\/strategi\/$/);
  await withPage(t, { url: server.url, contextOptions: { locale: 'id-ID' } }, async (page) => {
    await assertPillars(page);
    await screenshot(page, 'smoke-subpath');
  });
});

test('negative control: a truncated .wasm makes the pillar check fail', async (t) => {
  // Proves the smoke check can fail: the same dist with a broken wasm must not show the pillars.
  const broken = tempDir('jrs-broken-dist-');
  cpSync(DIST, broken, { recursive: true });
  const wasm = readdirSync(broken).filter((f) => f.endsWith('.wasm'));
  assert.ok(wasm.length >= 1, 'dist has a .wasm file');
  for (const f of wasm) truncateSync(join(broken, f), Math.floor(statSync(join(broken, f)).size / 3));
  const server = await serve({ dir: broken });
  const problems = await withPage(t, { url: server.url, allowProblems: true, live: false }, async (page) => {
    await assert.rejects(waitForPillars(page, { timeout: 5_000 }), /Timeout|timeout/, 'pillars must not appear');
    await screenshot(page, 'smoke-negative-truncated-wasm');
  });
  assert.ok(problems.length > 0, 'the broken boot is reported as a page/console error');
});

test('boots inside a cross-origin <iframe> (embedding page on another origin)', async (t) => {
  const server = await serve({ framePort: 0 });
  assert.notEqual(server.frameOrigin, server.origin);
  const opts = { url: server.frameUrl, allowOrigins: [server.origin], contextOptions: { locale: 'id-ID' } };
  await withPage(t, opts, async (page) => {
    await page.locator('#app-frame').waitFor();
    const frame = page.frames().find((f) => f.url().startsWith(server.url));
    assert.ok(frame, 'the app frame is loaded from the app origin');
    const cards = await waitForPillars(frame);
    assert.equal(await cards.count(), 3);
    await screenshot(page, 'smoke-cross-origin-iframe');
  });
});

// The stylesheets of what the overview does not show (charts, map, presentation, open your
// data) are linked disabled and switched on by public/styles-later.js: after the page has
// loaded on the overview, at once for a link that opens another view.
// Trunk's hash is 64 bits in hex without leading zeros: up to 16 digits (15 in one build of 16).
const LATER_CSS = /\/(charts|map|present|open-data)-[0-9a-f]{1,16}\.css$/;
const laterTimes = (page) =>
  page.evaluate((src) => {
    const re = new RegExp(src);
    const nav = performance.getEntriesByType('navigation')[0];
    const css = performance.getEntriesByType('resource').filter((e) => re.test(new URL(e.name).pathname));
    const links = [...document.querySelectorAll('link[rel="stylesheet"]')].filter((l) => re.test(new URL(l.href).pathname));
    return { load: nav.loadEventStart, starts: css.map((e) => e.startTime), links: links.length, on: links.every((l) => !l.disabled && l.sheet) };
  }, LATER_CSS.source);

test('the overview downloads the other views’ stylesheets only after it has loaded, then switches them on', async (t) => {
  const server = await serve();
  await withPage(t, { url: server.url + '?lang=id' }, async (page) => {
    await waitForPillars(page);
    await page.waitForFunction((src) => {
      const ls = [...document.querySelectorAll('link[rel="stylesheet"]')].filter((l) => new RegExp(src).test(new URL(l.href).pathname));
      return ls.length === 4 && ls.every((l) => !l.disabled && l.sheet);
    }, LATER_CSS.source);
    const r = await laterTimes(page);
    assert.equal(r.starts.length, 4, 'the four stylesheets were downloaded once switched on');
    assert.ok(r.load > 0 && r.starts.every((s) => s >= r.load), `after the load event (${r.load.toFixed(0)} ms): ${r.starts.map((s) => s.toFixed(0))}`);
    // The presentation is styled (present.css): a grid of bar, stage and controls.
    await page.locator('.present-button').first().click();
    await page.waitForFunction(() => {
      const p = document.querySelector('.present');
      return p && getComputedStyle(p).display === 'grid';
    });
  });
});

test('negative control: a link to the map view switches its stylesheet on before the page has loaded', async (t) => {
  const server = await serve();
  await withPage(t, { url: server.url + '?view=map&lang=en' }, async (page) => {
    await page.locator('svg.map-svg').waitFor();
    const r = await laterTimes(page);
    assert.ok(r.on, 'all switched on');
    assert.ok(r.starts.some((s) => s < r.load), `downloaded before the load event (${r.load.toFixed(0)} ms): ${r.starts.map((s) => s.toFixed(0))}`);
    assert.equal(await page.locator('.map-table').evaluate((e) => getComputedStyle(e).borderTopStyle), 'solid', 'the map view is styled');
  });
});
