// The views prerendered at build time (tools/prerender.mjs): the overview in index.html, the
// charts and map views in files public/prerender-gate.js fetches. A visitor reads them before
// the wasm has arrived, in their language; another address shows "Memuat…" instead; the live
// app takes their place without moving what is on screen, and a deployer's new dataset
// replaces what the prerender says once the app is live.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BOOT_TIMEOUT, DIST, serve, withPage, waitForPillars, screenshot, startUsing, tempDir } from './lib.mjs';
import { audit } from './a11y-lib.mjs';

const NO_SW = { serviceWorkers: 'block' };
const WASM = /\/explorer-[0-9a-f]+_bg\.wasm$/;

/** Holds the app's wasm until the returned function is called. */
async function holdWasm(page) {
  let release;
  const released = new Promise((r) => (release = r));
  await page.route(WASM, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

const title = (lang) => JSON.parse(readFileSync(join(DIST, 'data', 'jakarta.json'), 'utf8')).meta.title[lang];

for (const [locale, lang] of [['id-ID', 'id'], ['en-US', 'en']]) {
  for (const vp of [{ width: 375, height: 812 }, { width: 1280, height: 800 }]) {
    test(`before the wasm arrives, the overview is on screen in ${lang} at ${vp.width} px, and the app takes over in place`, async (t) => {
      const server = await serve();
      await withPage(t, { viewport: vp, allowOrigins: [server.url], contextOptions: { ...NO_SW, locale } }, async (page) => {
        const release = await holdWasm(page);
        await page.goto(server.url, { waitUntil: 'domcontentloaded', timeout: BOOT_TIMEOUT });
        const pre = page.locator('#app > .prerendered');
        const h1 = page.locator('#app h1').filter({ visible: true }).first();
        await h1.waitFor({ state: 'visible', timeout: BOOT_TIMEOUT });
        assert.equal(await pre.count(), 1, 'one prerendered overview');
        assert.equal(await page.locator('#prerender-en').count(), 0, 'the other language is gone from the page');
        assert.ok(await page.locator(`#app > .prerendered[lang="${lang}"] h1`).isVisible(), 'the one in the language shows');
        assert.equal(await page.evaluate(() => document.documentElement.lang), lang, '<html lang>');
        assert.equal(await h1.innerText(), title(lang), 'the title in the visitor language');
        const shown = page.locator(`#app > .prerendered[lang="${lang}"]`);
        assert.equal(await shown.locator('article.pillar-card').filter({ visible: true }).count(), 3, 'the three pillars');
        assert.ok((await shown.locator('.coverage-scroll table a').count()) > 0, 'the coverage table with its counts');
        assert.equal(await page.locator('#app .app-loading').isVisible(), false, 'no "Memuat…" over it');
        // On a phone the title and the coverage table start within the first screen.
        const table = await shown.locator('.coverage').first().boundingBox();
        assert.ok(table && table.y < vp.height, `the coverage section starts on the first screen (y ${table?.y})`);
        await screenshot(page, `prerender-${lang}-${vp.width}`);
        const before = await h1.boundingBox();
        const text = await page.locator('#app').innerText();

        release();
        await waitForPillars(page);
        const after = await page.locator('#app h1').first().boundingBox();
        assert.deepEqual(after, before, 'the title did not move when the app took over');
        assert.equal(await page.locator('#app').innerText(), text, 'the live overview reads as the prerendered one did');
        assert.equal(await page.locator('[inert]').count(), 0, 'nothing inert is left');
        assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-pre')), false);
      });
    });
  }
}

/** What a prerendered view shows once drawn, and its title in each language (the view's tab). */
const VIEWS = {
  charts: { drawn: '[data-chart] .chart-svg svg', title: { id: 'Grafik', en: 'Charts' } },
  map: { drawn: 'svg.map-svg', title: { id: 'Peta', en: 'Map' } },
};

for (const [view, { drawn, title: heading }] of Object.entries(VIEWS)) {
  for (const [locale, lang, vp] of [
    ['id-ID', 'id', { width: 375, height: 812 }],
    ['en-US', 'en', { width: 1280, height: 800 }],
  ]) {
    test(`before the wasm arrives, ?view=${view} is on screen in ${lang} at ${vp.width} px, drawn, and the app takes over in place`, async (t) => {
      const server = await serve();
      await withPage(t, { viewport: vp, allowOrigins: [server.url], contextOptions: { ...NO_SW, locale } }, async (page) => {
        const release = await holdWasm(page);
        await page.goto(`${server.url}?view=${view}`, { waitUntil: 'domcontentloaded', timeout: BOOT_TIMEOUT });
        const shown = page.locator(`#app > .prerendered[lang="${lang}"]`);
        const figure = shown.locator(drawn).first();
        await figure.waitFor({ state: 'visible', timeout: BOOT_TIMEOUT });
        assert.equal(await page.locator('#app > .prerendered').count(), 1, 'one prerendered view');
        assert.equal(await shown.locator('h1').innerText(), heading[lang], 'the view title in the visitor language');
        assert.equal(await page.evaluate(() => document.documentElement.lang), lang, '<html lang>');
        assert.equal(await page.locator('#app .app-loading').isVisible(), false, 'no "Memuat…" over it');
        // The live view is built beside it before it goes: its ids are its own.
        const ids = await shown.evaluate((el) => [...el.querySelectorAll('[id]')].map((e) => e.id));
        assert.ok(ids.length > 0 && ids.every((id) => id.startsWith('pre-')), `the prerender's ids are set apart: ${ids.filter((id) => !id.startsWith('pre-')).join(', ')}`);
        const box = await figure.boundingBox();
        // Its words at the size they are drawn at (the map's labels follow the drawing's size on screen).
        const word = await figure.locator('text').first().boundingBox();
        assert.ok(box && box.y < vp.height && box.width > vp.width / 3, `the drawing starts on the first screen and is sized for it (${JSON.stringify(box)})`);
        await screenshot(page, `prerender-${view}-${lang}-${vp.width}`);

        release();
        await startUsing(page);
        await page.waitForFunction(() => !document.querySelector('#app > .prerendered') && document.querySelector('#main'), null, { timeout: BOOT_TIMEOUT });
        const live = page.locator(drawn).filter({ visible: true }).first();
        await live.waitFor({ state: 'visible', timeout: BOOT_TIMEOUT });
        assert.deepEqual(await live.boundingBox(), box, 'the drawing did not move when the app took over');
        const liveWord = await live.locator('text').first().boundingBox();
        assert.ok(word && liveWord && Math.abs(liveWord.height - word.height) < 1, `its words kept their size (${word?.height} → ${liveWord?.height} px high)`);
        assert.equal(await page.locator('#app h1').first().innerText(), heading[lang]);
        assert.equal(await page.locator('[inert]').count(), 0, 'nothing inert is left');
        assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-pre')), false);
        // The live page is whole: its filter facets and the header's tools were built.
        assert.ok((await page.locator('input[type="checkbox"][id^="f-shock-"]').count()) > 0, 'the filter facets');
        assert.ok((await page.locator('#header-tools button').count()) > 0, "the header's tools");
      });
    });
  }
}

test('without the prerendered views (a deployer who left out dist/prerender/), ?view=charts shows "Memuat…" and then the live view', async (t) => {
  const dir = tempDir('jrs-prerender-');
  cpSync(DIST, dir, { recursive: true });
  rmSync(join(dir, 'prerender'), { recursive: true, force: true });
  const server = await serve({ dir });
  // The gate's request for the missing file is the one problem the page may report.
  await withPage(t, { allowOrigins: [server.url], allowProblems: true, contextOptions: NO_SW }, async (page, problems) => {
    const release = await holdWasm(page);
    const missing = page.waitForResponse((r) => /\/prerender\/charts\.id\.wide\.html$/.test(r.url()), { timeout: BOOT_TIMEOUT });
    await page.goto(`${server.url}?view=charts`, { waitUntil: 'domcontentloaded', timeout: BOOT_TIMEOUT });
    assert.equal((await missing).status(), 404, 'the gate asked for the file, and it is not there');
    await page.locator('#app .app-loading').waitFor({ state: 'visible', timeout: BOOT_TIMEOUT });
    assert.equal(await page.locator('#app > .prerendered').count(), 0);
    release();
    await page.locator('[data-chart] .chart-svg svg').first().waitFor({ state: 'visible', timeout: BOOT_TIMEOUT });
    // (The 404 itself, and the browser's console line about it.)
    assert.deepEqual(problems.filter((p) => !/\/prerender\/charts\.id\.wide\.html\b/.test(p)), [], 'nothing else went wrong');
  });
});

for (const query of ['?view=actions', '?data=data/chennai.json', '?lang=en&view=map&shock=flood']) {
  test(`an address that asks for something else (${query}) shows "Memuat…", not the overview, until the app is live`, async (t) => {
    const server = await serve();
    await withPage(t, { allowOrigins: [server.url], contextOptions: NO_SW }, async (page) => {
      const release = await holdWasm(page);
      await page.goto(server.url + query, { waitUntil: 'domcontentloaded', timeout: BOOT_TIMEOUT });
      await page.locator('#app .app-loading').waitFor({ state: 'visible', timeout: BOOT_TIMEOUT });
      assert.equal(await page.locator('#app > .prerendered, #prerender-en').count(), 0, 'no prerendered view');
      assert.ok(!(await page.locator('#app').innerText()).includes(title('id')), 'nothing of it reads');
      release();
      await page.locator('#main').waitFor({ state: 'visible', timeout: BOOT_TIMEOUT });
    });
  });
}

test('a deployer who replaces the dataset sees the new one once the app is live', async (t) => {
  const dir = tempDir('jrs-prerender-');
  cpSync(DIST, dir, { recursive: true });
  const file = join(dir, 'data', 'jakarta.json');
  const data = JSON.parse(readFileSync(file, 'utf8'));
  const renamed = `${data.meta.title.id} (diperbarui)`;
  data.meta.title.id = renamed;
  writeFileSync(file, JSON.stringify(data));
  const server = await serve({ dir });
  await withPage(t, { allowOrigins: [server.url], contextOptions: NO_SW, use: false }, async (page) => {
    const release = await holdWasm(page);
    await page.goto(server.url, { waitUntil: 'domcontentloaded', timeout: BOOT_TIMEOUT });
    const h1 = page.locator('#app h1').filter({ visible: true }).first();
    await h1.waitFor({ state: 'visible', timeout: BOOT_TIMEOUT });
    assert.equal(await h1.innerText(), title('id'), 'the build-time overview first');
    release();
    // Nobody touches the page: the gate finds the dataset changed and starts the explorer.
    await waitForPillars(page, { use: false });
    assert.equal(await page.evaluate(() => document.documentElement.getAttribute('data-go')), 'data', 'started because the dataset changed');
    assert.equal(await page.locator('#app h1').first().innerText(), renamed, 'then the replaced dataset');
  });
});

/** The headings in the browser's accessibility tree (what a screen reader gets). */
async function headingsForAT(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  return nodes.filter((n) => !n.ignored && n.role?.value === 'heading').map((n) => n.name?.value);
}

/** Waits until the gate has compared the dataset with the prerender's and the page is idle. */
async function readAndIdle(page) {
  await page.waitForFunction(() => document.documentElement.getAttribute('data-pre-data') === 'same', null, { timeout: BOOT_TIMEOUT });
  await page.evaluate(() => new Promise((idle) => requestIdleCallback(() => idle(), { timeout: 5000 })));
}

for (const query of ['', '?view=charts', '?view=map']) {
  test(`a visitor who only reads ${query || 'the overview'} on a phone downloads no wasm; the first key starts it (negative control)`, async (t) => {
    const server = await serve();
    await withPage(t, { viewport: { width: 375, height: 812 }, allowOrigins: [server.url], contextOptions: NO_SW, use: false }, async (page) => {
      const asked = [];
      page.on('request', (r) => asked.push(new URL(r.url()).pathname));
      await page.goto(server.url + query, { waitUntil: 'load', timeout: BOOT_TIMEOUT });
      await readAndIdle(page);
      assert.equal(asked.filter((p) => WASM.test(p)).length, 0, `no wasm requested while reading: ${asked.join(' ')}`);
      assert.ok(asked.includes('/data/jakarta.json'), 'the dataset was fetched to check the prerender against it');
      assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-go')), false);
      assert.equal(await page.locator('#app > .prerendered').count(), 1, 'the prerendered view is what shows');
      // Screen readers read it meanwhile (it is not inert): its title is in the browser's
      // accessibility tree (an inert prerender leaves no heading there).
      assert.ok((await headingsForAT(page)).includes(await page.locator('#app > .prerendered h1').innerText()), 'its h1 reaches assistive technology');
      // The detector fires: a key is a start, and the explorer comes.
      await page.keyboard.press('Shift');
      await page.waitForFunction(() => !document.querySelector('#app > .prerendered') && document.querySelector('#main'), null, { timeout: BOOT_TIMEOUT });
      assert.equal(asked.filter((p) => WASM.test(p)).length, 1, 'the wasm once the visitor started');
      assert.equal(asked.filter((p) => p === '/data/jakarta.json').length, 1, 'the app took the dataset the gate had fetched: one request');
      assert.equal(await page.evaluate(() => document.documentElement.getAttribute('data-go')), 'use', 'it says why it started');
      assert.equal(await page.evaluate(() => getComputedStyle(document.body, '::before').content), 'none', 'no loading bar once live');
    });
  });
}

test('a tap on the prerendered overview starts the explorer and is not lost: the tab tapped opens once it is live', async (t) => {
  const server = await serve();
  await withPage(t, { viewport: { width: 375, height: 812 }, allowOrigins: [server.url], contextOptions: { ...NO_SW, hasTouch: true, isMobile: true }, use: false }, async (page) => {
    const release = await holdWasm(page);
    await page.goto(server.url, { waitUntil: 'load', timeout: BOOT_TIMEOUT });
    await readAndIdle(page);
    const tab = page.locator('#app > .prerendered a[href*="view=charts"]').filter({ visible: true }).first();
    const box = await tab.boundingBox();
    assert.ok(box && box.y >= 0 && box.y + box.height <= 812, `the charts tab is on the first screen (${JSON.stringify(box)})`);
    const wentAt = page.waitForFunction(() => document.documentElement.getAttribute('data-go'), null, { timeout: BOOT_TIMEOUT });
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    assert.equal(await (await wentAt).jsonValue(), 'use', 'the tap started the explorer');
    assert.equal(await page.evaluate(() => getComputedStyle(document.body, '::before').content), '""', 'a bar runs along the top while the explorer comes');
    release();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('view') === 'charts', null, { timeout: BOOT_TIMEOUT });
    await page.locator('[data-chart] .chart-svg svg').first().waitFor({ state: 'visible', timeout: BOOT_TIMEOUT });
    assert.equal(await page.locator('#app > .prerendered').count(), 0);
    assert.equal(await page.locator('#app h1').first().innerText(), 'Grafik', 'the charts view the visitor tapped');
  });
});

test('a keyboard user on the prerendered overview: Tab and Enter on the charts tab start the explorer and open the charts view, without leaving the page', async (t) => {
  const server = await serve();
  await withPage(t, { allowOrigins: [server.url], contextOptions: NO_SW, use: false }, async (page) => {
    const release = await holdWasm(page);
    await page.goto(server.url, { waitUntil: 'load', timeout: BOOT_TIMEOUT });
    await readAndIdle(page);
    const tab = page.locator('#app > .prerendered a[href*="view=charts"]').filter({ visible: true }).first();
    await tab.focus();
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.documentElement.getAttribute('data-go')), 'use', 'the key started the explorer');
    assert.equal(new URL(page.url()).search, '', 'the prerendered link did not navigate on its own');
    release();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('view') === 'charts', null, { timeout: BOOT_TIMEOUT });
    await page.locator('[data-chart] .chart-svg svg').first().waitFor({ state: 'visible', timeout: BOOT_TIMEOUT });
    assert.equal(await page.locator('#app h1').first().innerText(), 'Grafik', 'the charts view the visitor chose');
  });
});

for (const [query, vp] of [['', { width: 375, height: 812 }], ['?view=charts', { width: 375, height: 812 }], ['?view=map', { width: 1280, height: 800 }]]) {
  test(`what a screen reader gets from the prerendered ${query || 'overview'} before it is used passes axe's WCAG 2.1 A/AA rules (${vp.width} px)`, async (t) => {
    const server = await serve();
    await withPage(t, { viewport: vp, allowOrigins: [server.url], contextOptions: NO_SW, use: false }, async (page) => {
      await page.goto(server.url + query, { waitUntil: 'load', timeout: BOOT_TIMEOUT });
      await readAndIdle(page);
      await audit(page, `the prerendered ${query || 'overview'}`);
      assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-go')), false, 'audited before the explorer started');
    });
  });
}

test('a key pressed while the map view file is still on its way starts the explorer only once the file is in the page', async (t) => {
  const server = await serve();
  await withPage(t, { allowOrigins: [server.url], contextOptions: NO_SW, use: false }, async (page) => {
    const order = [];
    page.on('request', (r) => WASM.test(new URL(r.url()).pathname) && order.push('wasm'));
    let release;
    const held = new Promise((r) => (release = r));
    await page.route(/\/prerender\/map\.id\.wide\.html$/, async (route) => {
      await held;
      order.push('view file');
      await route.continue();
    });
    await page.goto(`${server.url}?view=map`, { waitUntil: 'load', timeout: BOOT_TIMEOUT });
    assert.equal(await page.evaluate(() => document.documentElement.getAttribute('data-pre')), 'wait');
    await page.keyboard.press('Shift');
    assert.equal(await page.evaluate(() => document.documentElement.getAttribute('data-go')), 'use');
    await page.evaluate(() => new Promise((idle) => requestIdleCallback(() => idle(), { timeout: 5000 })));
    release();
    await page.waitForFunction(() => !document.documentElement.hasAttribute('data-pre') && document.querySelector('#app svg.map-svg'), null, { timeout: BOOT_TIMEOUT });
    assert.deepEqual(order, ['view file', 'wasm'], 'the wasm after the view file');
    // Built hidden under the view and measured at the swap: the map's words at their size.
    const label = await page.locator('#app svg.map-svg text').first().boundingBox();
    assert.ok(label && label.height > 10, `the map's labels are drawn at their size (${label?.height} px high)`);
  });
});
