// The embed builder (issue 24): each embed kind, loaded in an iframe by a host page on ANOTHER
// origin, sizes itself (the iframe fits its content within 2 px), shows only what was chosen
// (one chart with its table and downloads, the map alone, the whole explorer with its tabs;
// the filters and the title hidden when asked), keeps the language it was given and links to
// the full explorer; in the Embed dialog, the code wraps and the live preview follows the
// options.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, BOOT_TIMEOUT, serve, withPage, waitForPillars, screenshot, tempDir, onCleanup } from './lib.mjs';
import { startServer, CSP } from './server.mjs';

const OPEN_FULL = { id: 'Buka penjelajah lengkap', en: 'Open the full explorer' };

/** The demo host page (its snippet and listener as shipped) on another origin, framing `src`. */
async function hostPage(appServer, src) {
  const dir = tempDir('jrs-embed-builder-');
  const html = readFileSync(join(DIST, 'embed-demo.html'), 'utf8');
  assert.ok(html.includes('src="./?embed=1"'));
  writeFileSync(join(dir, 'index.html'), html.replace('src="./?embed=1"', `src="${src.replace(/&/g, '&amp;')}"`));
  copyFileSync(join(DIST, 'embed-demo.js'), join(dir, 'embed-demo.js'));
  const host = await startServer({
    dir,
    port: 0,
    headers: { 'Content-Security-Policy': `${CSP}; frame-src ${appServer.origin}` },
  });
  onCleanup(() => host.close());
  assert.notEqual(host.origin, appServer.origin);
  return host;
}

const nextFrame = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));

/** Waits (frame by frame) until the iframe fits its content within 2 px; returns the reading. */
async function fits(page, iframe, frame, label) {
  const deadline = Date.now() + 8_000;
  for (;;) {
    const outer = await iframe.evaluate((f) => f.clientHeight);
    const inner = await frame.evaluate(() => ({
      content: document.querySelector('.embed-shell').getBoundingClientRect().height,
      scroll: document.documentElement.scrollHeight,
    }));
    const ok = Math.abs(outer - inner.content) <= 2 && inner.scroll <= outer + 2;
    if (ok) return outer;
    if (Date.now() > deadline) assert.fail(`${label}: iframe ${outer}px vs content ${inner.content}px (scroll ${inner.scroll})`);
    await nextFrame(page);
  }
}

const KINDS = [
  { part: 'matrix', view: 'charts', lang: 'en', chart: 'coverage-matrix', query: '&filters=0' },
  { part: 'status', view: 'charts', lang: 'id', chart: 'by-status', query: '&filters=0&header=0' },
  { part: 'gantt', view: 'charts', lang: 'en', chart: 'timeframes', query: '' }, // filters shown
  { part: 'map', view: 'map', lang: 'id', map: true, query: '&filters=0' },
  { part: 'explorer', view: 'overview', lang: 'en', tabs: true, query: '' },
];

for (const k of KINDS) {
  test(`embed kind "${k.part}" (${k.lang}) from another origin: sizes itself, shows only what was chosen, language fixed, links to the full explorer`, async (t) => {
    const server = await serve();
    const view = k.view === 'overview' ? '' : `view=${k.view}&`;
    const src = `${server.url}?${view}lang=${k.lang}&embed=1&part=${k.part}${k.query}`;
    const host = await hostPage(server, src);
    await withPage(t, { url: host.url, allowOrigins: [server.origin], viewport: { width: 1280, height: 900 } }, async (page) => {
      const iframe = page.locator('iframe[data-jrs-embed]');
      const frame = await (await iframe.elementHandle()).contentFrame();
      await frame.waitForURL((u) => u.href.startsWith(server.url), { timeout: BOOT_TIMEOUT });
      await frame.locator(`.embed-shell[data-part="${k.part}"]`).waitFor({ timeout: BOOT_TIMEOUT });
      if (k.chart) await frame.locator(`figure.chart[data-chart="${k.chart}"] .chart-svg svg`).waitFor({ timeout: BOOT_TIMEOUT });
      if (k.map) await frame.locator('svg.map-svg path.area').first().waitFor({ timeout: BOOT_TIMEOUT });
      if (k.tabs) await waitForPillars(frame);
      const height = await fits(page, iframe, frame, k.part);
      t.diagnostic(`${k.part}: iframe ${height}px`);

      // Only what was chosen.
      assert.equal(await frame.locator('.site-header, .site-footer').count(), 0, 'no site chrome');
      const filtersShown = () => frame.locator('aside.filters').evaluateAll((as) => as.some((a) => a.checkVisibility()));
      // (the overview has no filter panel: the explorer's is checked on its map below)
      if (!k.tabs) assert.equal(await filtersShown(), !k.query.includes('filters=0'), 'the filters as chosen');
      assert.equal(await frame.locator('.embed-title').count(), k.query.includes('header=0') ? 0 : 1, 'the title as chosen');
      if (k.chart) {
        assert.deepEqual(await frame.locator('figure.chart').evaluateAll((fs) => fs.map((f) => f.dataset.chart)), [k.chart], 'one chart');
        assert.equal(await frame.locator('svg.map-svg').count(), 0);
        // Its table and downloads stay.
        await frame.locator('button.chart-table-toggle').click();
        await frame.locator('.chart-table table').waitFor();
        assert.equal(await frame.locator('button.chart-download').count(), 3, 'SVG, PNG, CSV');
        await fits(page, iframe, frame, `${k.part} with its table`);
        if (k.query.includes('filters=0')) assert.ok(height < 1500, `a compact page (${height}px; the charts view was about 7,100 px)`);
      }
      if (k.map) {
        assert.equal(await frame.locator('figure.chart').count(), 0, 'no chart');
        assert.equal(await frame.locator('.map-legend').isVisible(), true, 'with its legend');
      }
      if (k.tabs) {
        assert.equal(await frame.locator('nav.embed-tabs a').count(), 6, 'every view, by its tab');
        const before = height;
        await frame.locator('nav.embed-tabs a[href*="view=map"]').click();
        await frame.locator('svg.map-svg path.area').first().waitFor({ timeout: BOOT_TIMEOUT });
        assert.notEqual(await fits(page, iframe, frame, 'explorer → map'), before, 'the height follows the view');
        assert.equal(await filtersShown(), true, 'the filters as chosen');
      }
      // The language it was given, whatever the visitor's browser says (id-ID here).
      const open = frame.locator('.embed-header a.embed-open');
      assert.match(await open.innerText(), new RegExp(OPEN_FULL[k.lang]));
      assert.equal(await frame.evaluate(() => document.documentElement.lang), k.lang);
      // "Open the full explorer": the view that holds it, in a new tab, without the embed options.
      const full = new URL(await open.getAttribute('href'), frame.url());
      assert.equal(await open.getAttribute('target'), '_blank');
      for (const key of ['embed', 'part', 'filters', 'header']) assert.equal(full.searchParams.get(key), null, key);
      assert.equal(full.searchParams.get('view') ?? 'overview', k.tabs ? 'map' : k.view, 'the view that holds it');
      await screenshot(page, `embed-kind-${k.part}-${k.lang}`);
    });
  });
}

test('the Embed dialog builds the code: options change the URL, the code wraps, the preview follows', async (t) => {
  const server = await serve();
  await withPage(t, { url: `${server.url}?view=charts&lang=en`, viewport: { width: 1280, height: 900 } }, async (page) => {
    await page.locator('figure.chart').first().waitFor({ timeout: BOOT_TIMEOUT });
    await page.locator('.header-tools .embed-button').click();
    const code = page.locator('#embed-code');
    const preview = page.locator('dialog.embed-dialog iframe.embed-preview');
    // The preview loads on request only (opening the dialog loads nothing).
    assert.equal(await preview.count(), 0);
    await page.locator('button.embed-preview-toggle').click();
    await preview.waitFor();
    const src = () => preview.getAttribute('src');
    assert.equal(await src(), `${server.url}?view=charts&lang=en&embed=1`, 'starts with this view');
    const previewFrame = async () => (await preview.elementHandle()).contentFrame();
    await (await previewFrame()).locator('.embed-shell figure.chart').first().waitFor({ timeout: BOOT_TIMEOUT });

    // The preview follows each change (at a person's pace: each one drawn before the next).
    const settle = async (want) => {
      await page.waitForFunction((w) => document.querySelector('iframe.embed-preview').getAttribute('src') === w, want);
      const f = await previewFrame();
      await f.waitForURL((u) => u.href === want, { timeout: BOOT_TIMEOUT });
      await f.locator('.embed-shell main > *').first().waitFor({ timeout: BOOT_TIMEOUT });
      return f;
    };
    // The map alone, no filters, each visitor's language.
    await page.locator('#embed-part').selectOption('map');
    await settle(`${server.url}?view=map&lang=en&embed=1&part=map`);
    await page.locator('#embed-filters').uncheck();
    await settle(`${server.url}?view=map&lang=en&embed=1&part=map&filters=0`);
    await page.locator('#embed-lang').selectOption('');
    const want = `${server.url}?view=map&embed=1&part=map&filters=0`;
    const frame = await settle(want);
    assert.ok((await code.inputValue()).includes(`src="${want.replace(/&/g, '&amp;')}"`), 'the code is that URL');
    assert.ok((await code.inputValue()).includes('title="Jakarta Resilience Strategy Explorer — The map alone"'));
    await frame.locator('svg.map-svg path.area').first().waitFor({ timeout: BOOT_TIMEOUT });
    assert.equal(await frame.locator('figure.chart').count(), 0, 'the preview shows the map alone');

    // One chart, in Indonesian, without its title.
    await page.locator('#embed-part').selectOption('matrix');
    await settle(`${server.url}?view=charts&embed=1&part=matrix&filters=0`);
    await page.locator('#embed-header').uncheck();
    await settle(`${server.url}?view=charts&embed=1&part=matrix&filters=0&header=0`);
    await page.locator('#embed-lang').selectOption('id');
    const f2 = await settle(`${server.url}?view=charts&lang=id&embed=1&part=matrix&filters=0&header=0`);
    await f2.locator('figure.chart[data-chart="coverage-matrix"]').waitFor({ timeout: BOOT_TIMEOUT });
    assert.equal(await f2.locator('.embed-title').count(), 0);
    assert.match(await f2.locator('a.embed-open').innerText(), /Buka penjelajah lengkap/);

    // The code wraps: the whole src is on screen, no sideways scrolling in the box.
    const box = await code.evaluate((c) => ({ ws: getComputedStyle(c).whiteSpace, sw: c.scrollWidth, cw: c.clientWidth }));
    assert.equal(box.ws, 'pre-wrap');
    assert.ok(box.sw <= box.cw, `no sideways scrolling in the code (${box.sw} > ${box.cw})`);
    await screenshot(page, 'embed-builder-1280');
    // Closed, the preview is gone (it loads only while the dialog is open, when asked for).
    await page.keyboard.press('Escape');
    await preview.waitFor({ state: 'detached' });
  });
  await withPage(t, { url: `${server.url}?lang=id`, viewport: { width: 375, height: 812 } }, async (page) => {
    await waitForPillars(page);
    await page.locator('button.menu-button').click();
    await page.locator('.header-tools .embed-button').click();
    await page.locator('button.embed-preview-toggle').click();
    await page.locator('dialog.embed-dialog iframe.embed-preview').waitFor();
    const overflow = await page.evaluate(() => document.querySelector('dialog.embed-dialog').scrollWidth - document.querySelector('dialog.embed-dialog').clientWidth);
    assert.ok(overflow <= 0, `the dialog fits a phone (${overflow}px)`);
    await screenshot(page, 'embed-builder-375-id');
  });
});
