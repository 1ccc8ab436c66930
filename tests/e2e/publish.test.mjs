// What a city official sees when publishing their own data: numbered lists (the problem report,
// the sources) whose numbers from 10 up are whole; the warnings of a file that loads, counted and
// listed; and, with a file open in this browser, Share and Embed saying that their link opens the
// published data, not that file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, DIST, BOOT_TIMEOUT, serve, withPage, screenshot, tempDir } from './lib.mjs';

const chennai = JSON.parse(readFileSync(join(ROOT, 'data', 'chennai.json'), 'utf8'));

/** A copy of Chennai whose pillars have no English name: it loads, with one warning each. */
function chennaiWithWarnings() {
  const d = structuredClone(chennai);
  for (const p of d.pillars) p.name.en = '';
  const file = join(tempDir('jrs-publish-'), 'chennai-warnings.json');
  writeFileSync(file, JSON.stringify(d));
  return { file, warnings: d.pillars.length };
}

/** A copy of Chennai with an error in each of its actions (an unknown pillar): it does not load. */
function chennaiWithErrors() {
  const d = structuredClone(chennai);
  for (const a of d.actions) a.pillars = ['no-such-pillar'];
  for (const p of d.pillars) p.name.en = '';
  const file = join(tempDir('jrs-publish-'), 'chennai-errors.json');
  writeFileSync(file, JSON.stringify(d));
  return file;
}

/**
 * For the `ol` matched by `selector`: the room left of its items (its left padding) and the
 * width the markers of item 10 and of its last item need ("10. ", "190. ") in the items' font.
 * A marker wider than that room spills out of the list's box, where it is cut off.
 */
async function markerRoom(page, selector) {
  return page.locator(selector).first().evaluate((ol) => {
    const items = ol.querySelectorAll(':scope > li');
    const ctx = document.createElement('canvas').getContext('2d');
    const need = (li, n) => {
      const cs = getComputedStyle(li);
      ctx.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
      return ctx.measureText(`${n}. `).width;
    };
    return {
      items: items.length,
      room: parseFloat(getComputedStyle(ol).paddingLeft),
      need10: items.length >= 10 ? need(items[9], 10) : 0,
      needLast: items.length ? need(items[items.length - 1], items.length) : 0,
    };
  });
}

function assertRoom(r, where) {
  assert.ok(r.items >= 10, `${where}: the list has at least 10 items (${r.items})`);
  assert.ok(r.room >= r.need10, `${where}: "10." needs ${r.need10.toFixed(1)} px, the list leaves ${r.room} px`);
  assert.ok(r.room >= r.needLast, `${where}: "${r.items}." needs ${r.needLast.toFixed(1)} px, the list leaves ${r.room} px`);
}

test('numbered lists leave room for their numbers from 10 up: sources, problem report (negative control: the old padding)', async (t) => {
  const server = await serve();
  await withPage(t, { url: `${server.url}?view=sources`, viewport: { width: 375, height: 812 } }, async (page) => {
    await page.locator('details.source-fold > summary').click({ timeout: BOOT_TIMEOUT });
    await page.locator('ol.source-list > li').nth(9).waitFor({ timeout: BOOT_TIMEOUT });
    const sources = await markerRoom(page, 'ol.source-list');
    assertRoom(sources, 'the source list');
    await screenshot(page, 'publish-sources-375');
    // The check sees the clipping the issue reported: the list's old padding is too narrow.
    const old = await page.locator('ol.source-list').first().evaluate((ol) => {
      ol.style.paddingLeft = '1.3rem';
      return parseFloat(getComputedStyle(ol).paddingLeft);
    });
    assert.throws(() => assertRoom({ ...sources, room: old }, 'old padding'), /needs/);

    // The problem report of a file that does not load: more than ten problems.
    await page.locator('#open-data-input').setInputFiles(chennaiWithErrors());
    await page.locator('.open-data-report ol.problems > li').nth(9).waitFor({ timeout: BOOT_TIMEOUT });
    assertRoom(await markerRoom(page, '.open-data-report ol.problems'), 'the problem report');
    await page.locator('.open-data-report').scrollIntoViewIfNeeded();
    await screenshot(page, 'publish-problem-report-375');
  });
});

for (const lang of ['id', 'en']) {
  test(`a file that loads with warnings shows them, counted and folded (${lang})`, async (t) => {
    const server = await serve();
    const { file, warnings } = chennaiWithWarnings();
    await withPage(t, { url: `${server.url}?view=sources&lang=${lang}` }, async (page) => {
      await page.locator('#open-data-input').setInputFiles(file);
      const banner = page.locator('.banner.local-data');
      await banner.waitFor({ timeout: BOOT_TIMEOUT });
      const summary = banner.locator('details.local-warnings > summary');
      assert.equal(
        (await summary.innerText()).trim(),
        lang === 'id' ? `${warnings} peringatan` : `${warnings} warnings`,
        'the banner counts the warnings',
      );
      const list = banner.locator('details.local-warnings ol.problems > li.problem.warning');
      assert.equal(await list.first().isVisible(), false, 'folded until asked for');
      await summary.click();
      await list.first().waitFor();
      assert.equal(await list.count(), warnings, 'every warning is listed');
      assert.match(await list.first().innerText(), lang === 'id' ? /pillars\[0\]\.name\.en.*terjemahan bahasa Inggris/s : /pillars\[0\]\.name\.en.*missing English translation/s);
      await screenshot(page, `publish-warnings-${lang}`);
    });
    // Negative control: the same data without warnings has no warnings line.
    await withPage(t, { url: `${server.url}?view=sources&lang=${lang}` }, async (page) => {
      await page.locator('#open-data-input').setInputFiles(join(ROOT, 'data', 'chennai.json'));
      await page.locator('.banner.local-data').waitFor({ timeout: BOOT_TIMEOUT });
      assert.equal(await page.locator('.banner.local-data details.local-warnings').count(), 0);
    });
  });
}

const NOTE = {
  id: 'Tautan ini membuka data yang diterbitkan, bukan berkas yang sedang terbuka di peramban ini.',
  en: 'This link opens the published data, not the file open in this browser.',
};

/** Opens the header's `tool` dialog (share or embed) and returns its local-data note's text, or null. */
async function dialogNote(page, tool) {
  await page.locator(`.header-tools .${tool}-button`).click();
  const dialog = page.locator(`dialog.${tool}-dialog[open]`);
  await dialog.waitFor();
  const note = dialog.locator('.local-link-note');
  const text = (await note.count()) ? (await note.innerText()).trim() : null;
  await dialog.locator('button.close').click();
  await page.locator(`dialog.${tool}-dialog[open]`).waitFor({ state: 'detached' });
  return text;
}

test('with a file open in this browser, Share (with its QR code) and Embed say their link opens the published data', async (t) => {
  const server = await serve();
  await withPage(t, { url: `${server.url}?view=sources` }, async (page) => {
    // The bundled data: the link opens what is shown, nothing to say.
    await page.locator('#open-data-input').waitFor({ state: 'attached', timeout: BOOT_TIMEOUT });
    assert.equal(await dialogNote(page, 'share'), null, 'no note with the published data');
    assert.equal(await dialogNote(page, 'embed'), null, 'no note with the published data');
    await page.locator('#open-data-input').setInputFiles(join(ROOT, 'data', 'chennai.json'));
    await page.locator('.banner.local-data').waitFor({ timeout: BOOT_TIMEOUT });
    for (const lang of ['id', 'en']) {
      if (lang === 'en') {
        await page.locator('button.lang-switch').click();
        await page.waitForFunction(() => document.documentElement.lang === 'en');
      }
      assert.equal(await dialogNote(page, 'share'), NOTE[lang], `share (${lang})`);
      assert.equal(await dialogNote(page, 'embed'), NOTE[lang], `embed (${lang})`);
    }
    await page.locator('.header-tools .share-button').click();
    await page.locator('dialog.share-dialog[open] .qr-code svg').waitFor();
    await screenshot(page, 'publish-share-local-en');
  });
});

// ---- the source list folded behind its count ----------------------------------------------------

const SHIPPED = JSON.parse(readFileSync(join(DIST, 'data', 'jakarta.json'), 'utf8'));
const SOURCE_COUNT = { id: (n) => `${n} sumber`, en: (n) => (n === 1 ? '1 source' : `${n} sources`) };

/** Where an element is: its top in the page, and whether it is on screen now. */
const whereIs = (sel) => {
  const e = document.querySelector(sel);
  if (!e) return null;
  const r = e.getBoundingClientRect();
  return { pageTop: r.top + scrollY, onScreen: r.bottom > 0 && r.top < innerHeight && r.height > 0, visible: e.checkVisibility() };
};

for (const lang of ['id', 'en']) {
  for (const viewport of [{ width: 375, height: 812 }, { width: 1280, height: 800 }]) {
    test(`sources folded behind their count (${lang}, ${viewport.width}): "Open your data" near, a link to a source opens the list at it, print lists them`, async (t) => {
      const server = await serve();
      const n = SHIPPED.sources.length;
      await withPage(t, { url: `${server.url}?view=sources&lang=${lang}`, viewport }, async (page) => {
        const fold = page.locator('details.source-fold');
        const summary = fold.locator('> summary');
        await summary.waitFor({ timeout: BOOT_TIMEOUT });
        assert.equal((await summary.innerText()).trim(), SOURCE_COUNT[lang](n), 'the count from the data');
        assert.equal(await fold.evaluate((d) => d.open), false, 'folded');
        assert.equal(await page.locator('ol.source-list > li').count(), n, 'every source is in the page');
        assert.equal(await page.locator('ol.source-list > li').first().isVisible(), false, 'behind the count');
        // "Open your data" is within three screens of the top (it was about 24 on a phone).
        // (The panel comes with the lazy module: wait until it is mounted.)
        await page.locator('#open-data').waitFor({ state: 'attached', timeout: BOOT_TIMEOUT });
        const open = await page.evaluate(whereIs, '#open-data');
        assert.ok(open && open.pageTop < 3 * viewport.height, `"Open your data" at ${open?.pageTop} px`);
        assert.ok((await page.evaluate(whereIs, 'details.source-fold > summary')).onScreen, 'the count is on the first screen');
        await screenshot(page, `sources-folded-${lang}-${viewport.width}`);
        // Opened, it lists every source; the open list is ~ 190 items long.
        await summary.click();
        await page.locator('ol.source-list > li').nth(n - 1).waitFor();
        const opened = await page.evaluate(whereIs, '#open-data');
        assert.ok(opened.pageTop > open.pageTop + 20 * 20, 'the list opens above "Open your data"');
        await summary.click();
        await page.waitForFunction(() => !document.querySelector('details.source-fold').open);

        // A link to a source, followed on this page: the list opens at it.
        const later = SHIPPED.sources[n - 3].id;
        await page.evaluate((id) => { location.hash = `#source-${id}`; }, later);
        await page.waitForFunction(() => document.querySelector('details.source-fold').open);
        await page.waitForFunction((id) => {
          const r = document.getElementById(`source-${id}`).getBoundingClientRect();
          return r.height > 0 && r.top >= -1 && r.bottom <= innerHeight + 1;
        }, later);
        // Printed, the list is written out even when folded.
        await page.evaluate(() => { document.querySelector('details.source-fold').open = false; });
        await page.emulateMedia({ media: 'print' });
        assert.equal(await page.locator('ol.source-list > li').nth(n - 1).isVisible(), true, 'printed open');
        await page.emulateMedia({ media: 'screen' });
        assert.equal(await page.locator('ol.source-list > li').nth(n - 1).isVisible(), false, 'folded on screen');
      });
      // A link to a source, opened from elsewhere: the list is open at it on arrival.
      const first = SHIPPED.sources[n - 1].id;
      await withPage(t, { url: `${server.url}?view=sources&lang=${lang}#source-${first}`, viewport }, async (page) => {
        await page.locator('details.source-fold[open]').waitFor({ timeout: BOOT_TIMEOUT });
        await page.waitForFunction((id) => {
          const r = document.getElementById(`source-${id}`).getBoundingClientRect();
          return r.height > 0 && r.top >= -1 && r.bottom <= innerHeight + 1;
        }, first);
        await screenshot(page, `sources-link-${lang}-${viewport.width}`);
      });
      // Negative control: a fragment that names no source leaves the list folded.
      await withPage(t, { url: `${server.url}?view=sources&lang=${lang}#method-title`, viewport }, async (page) => {
        await page.locator('details.source-fold > summary').waitFor({ timeout: BOOT_TIMEOUT });
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
        assert.equal(await page.locator('details.source-fold').evaluate((d) => d.open), false);
      });
    });
  }
}
