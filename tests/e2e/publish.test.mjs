// What a city official sees when publishing their own data: numbered lists (the problem report,
// the sources) whose numbers from 10 up are whole; the warnings of a file that loads, counted and
// listed; and, with a file open in this browser, Share and Embed saying that their link opens the
// published data, not that file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, BOOT_TIMEOUT, serve, withPage, screenshot, tempDir } from './lib.mjs';

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
