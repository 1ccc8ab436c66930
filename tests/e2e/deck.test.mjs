// A presenter's own deck built in the explorer (issue 21): "Add to my deck" on filtered views,
// titles and notes, reorder, remove and preview in "My deck", the deck kept in this browser,
// its link opened in another browser context (fresh storage) showing the same slides in order
// with ArrowRight/ArrowLeft; a 20-slide deck built through the interface with realistic titles
// and notes has a link under 2,000 characters. Both languages, 1280 and 375×812.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serve, withPage, screenshot, BOOT_TIMEOUT } from './lib.mjs';

const PHONE = { width: 375, height: 812 };

/** Opens `query` and waits for the app to show its view. */
async function open(page, server, query) {
  await page.goto(server.url + query);
  await page.locator('.deck-add').first().waitFor({ state: 'attached', timeout: BOOT_TIMEOUT });
}

/** A deck button (`deck-add`, `deck-open`): in the views' row on wide screens, in the
 * header's menu (opened first) on phones. */
async function tool(page, cls) {
  const menu = page.locator('header.site-header button.menu-button');
  if (await menu.isVisible()) {
    if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
    const b = page.locator(`#header-tools .${cls}`);
    await b.waitFor({ state: 'visible', timeout: 5_000 });
    return b;
  }
  return page.locator(`.views-bar .${cls}`);
}

/** Adds the view shown and waits until the live line says it became slide `n`. */
async function add(page, n, lang) {
  const menu = page.locator('header.site-header button.menu-button');
  const phone = await menu.isVisible();
  await (await tool(page, 'deck-add')).click();
  const said = lang === 'en' ? `Added as slide ${n} of your deck.` : `Ditambahkan sebagai slide ${n} dek Anda.`;
  await page.waitForFunction((want) => document.querySelector('.deck-said p')?.textContent === want, said, { timeout: 15_000 });
  if (phone) {
    // On a phone the menu folds away so the message and the view are seen; the focus goes
    // back to the menu button.
    assert.equal(await menu.getAttribute('aria-expanded'), 'false', 'adding closes the menu');
    assert.ok(await page.evaluate(() => document.activeElement?.matches('button.menu-button')), 'the focus is on the menu button');
    const box = await page.locator('.deck-said').boundingBox();
    assert.ok(box && box.height <= 110, `the message stays small on a phone (${box && box.height} px)`);
  }
}

/** Opens "My deck" and waits for `count` slides in the editor. */
async function openDeck(page, count) {
  await (await tool(page, 'deck-open')).click();
  await page.locator('dialog.deck-dialog[open]').waitFor({ timeout: 15_000 });
  await page.waitForFunction((n) => document.querySelectorAll('dialog[open] .deck-slide').length === n, count, { timeout: 10_000 });
}

const slide = (page, n) => page.locator(`dialog[open] .deck-slide[data-slide="${n}"]`);
const titles = (page) => page.$$eval('dialog[open] .deck-slide .deck-title', (els) => els.map((e) => e.value));
const screens = (page) => page.$$eval('dialog[open] .deck-slide .deck-slide-screen', (els) => els.map((e) => e.textContent));

/** Waits for the presentation to show slide n of total with this title in its bar. */
async function expectSlide(page, n, total, title) {
  await page.waitForFunction(
    ([count, want]) =>
      document.querySelector('.present-counter .present-count')?.textContent === count &&
      document.querySelector('.present-bar .present-step-title')?.textContent === want,
    [`${n + 1} / ${total}`, title],
    { timeout: 15_000 },
  );
}

/** Waits until the address has these parameters (`null`: absent); the address is written
 * once the page has painted the change. */
async function expectParams(page, want) {
  await page.waitForFunction((w) => {
    const u = new URL(location.href).searchParams;
    return Object.entries(w).every(([k, v]) => u.get(k) === v);
  }, want, { timeout: 5_000 });
}

for (const [lang, viewport, size] of [['en', { width: 1280, height: 800 }, '1280'], ['id', PHONE, '375']]) {
  test(`deck (${lang}, ${size}): three filtered views become a deck, edited, kept, and shown the same from its link elsewhere`, async (t) => {
    const server = await serve();
    let link = '';
    await withPage(t, { viewport, allowOrigins: [server.url] }, async (page) => {
      await open(page, server, `?view=map&lang=${lang}&shock=flood&area=31.72`);
      await add(page, 1, lang);
      await open(page, server, `?view=actions&lang=${lang}&stress=water-scarcity`);
      await add(page, 2, lang);
      await open(page, server, `?view=charts&lang=${lang}&pillar=sehat`);
      await add(page, 3, lang);
      await open(page, server, `?view=timeline&lang=${lang}`);
      await add(page, 4, lang);
      // The live line opens the deck.
      await page.locator('.deck-said-open').click();
      await page.locator('dialog.deck-dialog[open]').waitFor({ timeout: 15_000 });
      await page.waitForFunction(() => document.querySelectorAll('dialog[open] .deck-slide').length === 4, null, { timeout: 10_000 });
      // What each slide shows, in words, with the data's names once the dataset has loaded.
      const flood = lang === 'en' ? 'Flooding' : 'Banjir';
      const north = lang === 'en' ? 'North Jakarta' : 'Jakarta Utara';
      await page.waitForFunction(([a, b]) => {
        const t = document.querySelector('dialog[open] .deck-slide[data-slide="1"] .deck-slide-shows')?.textContent ?? '';
        return t.includes(a) && t.includes(b);
      }, [flood, north], { timeout: 10_000 });
      await slide(page, 1).locator('.deck-title').fill('Flooding in North Jakarta');
      await slide(page, 1).locator('.deck-note').fill('Start with the coast.');
      const counter = await slide(page, 1).locator('.deck-note-count').textContent();
      assert.match(counter, /21 (of|dari) 280/);
      await slide(page, 2).locator('.deck-title').fill('Clean water for everyone');
      await slide(page, 3).locator('.deck-title').fill('Sehat: <b>health</b>');
      await screenshot(page, `deck-editor-${size}-${lang}`);
      // Reorder: the map slide moves down, below the water slide.
      await slide(page, 1).locator('.deck-down').click();
      await page.waitForFunction(() => document.querySelector('dialog[open] .deck-slide[data-slide="2"] .deck-title')?.value === 'Flooding in North Jakarta', null, { timeout: 5_000 });
      assert.deepEqual(await titles(page), ['Clean water for everyone', 'Flooding in North Jakarta', 'Sehat: <b>health</b>', '']);
      // The first slide cannot move up, the last not down.
      assert.ok(await slide(page, 1).locator('.deck-up').isDisabled());
      assert.ok(await slide(page, 4).locator('.deck-down').isDisabled());
      // Remove the timeline.
      await slide(page, 4).locator('.deck-remove').click();
      await page.waitForFunction(() => document.querySelectorAll('dialog[open] .deck-slide').length === 3, null, { timeout: 5_000 });
      // Kept in this browser: a reload shows the same deck.
      await page.reload();
      await page.locator('.deck-open').first().waitFor({ state: 'attached', timeout: BOOT_TIMEOUT });
      await openDeck(page, 3);
      assert.deepEqual(await titles(page), ['Clean water for everyone', 'Flooding in North Jakarta', 'Sehat: <b>health</b>']);
      assert.equal(await slide(page, 2).locator('.deck-note').inputValue(), 'Start with the coast.');
      // Preview opens the slide's view and closes the dialog.
      await slide(page, 2).locator('.deck-preview').click();
      await page.locator('dialog.deck-dialog[open]').waitFor({ state: 'detached', timeout: 5_000 });
      await page.waitForFunction(() => {
        const u = new URL(location.href).searchParams;
        return u.get('view') === 'map' && u.get('shock') === 'flood' && u.get('area') === '31.72';
      }, null, { timeout: 5_000 });
      // The link: copied (or, where the browser refuses, selected in its field).
      await openDeck(page, 3);
      await page.locator('dialog[open] .deck-copy').click();
      await page.waitForFunction(() => (document.querySelector('dialog[open] .deck-copied')?.textContent ?? '') !== '', null, { timeout: 5_000 });
      link = await page.locator('#deck-link').inputValue();
      assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/\?present=1&deck=1[A-Za-z0-9_-]+$/);
      // "Present this deck" starts it here.
      await page.locator('dialog[open] .deck-present').click();
      await expectSlide(page, 0, 3, 'Clean water for everyone');
    });
    // Another browser context: no storage, the link alone.
    await withPage(t, { url: `${link}&lang=${lang}`, viewport }, async (page) => {
      await expectSlide(page, 0, 3, 'Clean water for everyone');
      await expectParams(page, { view: 'actions', stress: 'water-scarcity', shock: null });
      await page.keyboard.press('ArrowRight');
      await expectSlide(page, 1, 3, 'Flooding in North Jakarta');
      await expectParams(page, { view: 'map', shock: 'flood', area: '31.72', stress: null, step: '1' });
      await page.locator('.present-stage .present-map').waitFor({ timeout: 10_000 });
      await screenshot(page, `deck-slide-${size}-${lang}`);
      await page.keyboard.press('ArrowRight');
      // Markup in a title is text.
      await expectSlide(page, 2, 3, 'Sehat: <b>health</b>');
      assert.equal(await page.locator('.present-bar b').count(), 0);
      await expectParams(page, { view: 'charts', pillar: 'sehat', shock: null, area: null, step: '2' });
      await page.keyboard.press('ArrowLeft');
      await expectSlide(page, 1, 3, 'Flooding in North Jakarta');
      // Nothing from the first browser: this one's deck is empty.
      assert.equal(await page.evaluate(() => localStorage.getItem('jrs-deck')), null);
    });
  });
}

// The project's realistic talk (tests/deck.rs TALK): 20 views, titles of about 30 characters,
// notes of about 80.
const TALK = [
  ["?view=map&shock=flood&area=31.72&level=kecamatan", "Banjir di pesisir Jakarta Utara", "Mulai dari peta: wilayah pesisir utara paling sering tergenang saat hujan deras."],
  ["?view=actions&shock=flood&area=31.72", "Inisiatif banjir di Jakarta Utara", "Daftar ini hanya inisiatif yang tercatat; tanyakan peserta apa yang terlewat."],
  ["?view=actions&stress=water-scarcity", "Air bersih untuk semua warga", "Kelangkaan air: sambungan pipa, air tanah, dan penurunan muka tanah saling terkait."],
  ["?view=actions&tie=strategy", "Yang disebut strategi itu sendiri", "Hanya inisiatif yang sumbernya menyebut strategi ketahanan secara langsung."],
  ["?view=map&level=kecamatan", "Kecamatan tanpa inisiatif", "Area pucat di peta belum punya inisiatif tercatat; apakah datanya yang kurang?"],
  ["?view=charts&pillar=siap", "Pilar Jakarta Siap: kesiapsiagaan", "Kesiapsiagaan bencana: lihat guncangan mana yang paling banyak dijawab."],
  ["?view=charts&pillar=sehat&stress=land-subsidence", "Jakarta Sehat dan penurunan tanah", "Dua isu yang jarang dibahas bersama, padahal air tanah menghubungkan keduanya."],
  ["?view=actions&lead=Dinas+Sumber+Daya+Air+(DSDA)+DKI+Jakarta", "Peran Dinas Sumber Daya Air", "Satu dinas memimpin banyak inisiatif air; siapa mitranya di tingkat kota?"],
  ["?view=actions&action=ingub-52-2020-pengendalian-banjir", "Instruksi Gubernur 52/2020", "Satu kebijakan yang menggerakkan banyak dinas sekaligus untuk pengendalian banjir."],
  ["?view=timeline", "Bagaimana strategi dibuat", "Dari penilaian awal 2017 sampai peluncuran Agustus 2019 bersama 100 Resilient Cities."],
  ["?view=charts&status=ongoing&prov=confirmed", "Yang sedang berjalan sekarang", "Hanya status yang dikonfirmasi sumber; yang lain disimpulkan dari tanggal."],
  ["?view=map&shock=earthquake&level=region", "Gempa bumi: kesiapan per kota", "Risiko gempa lebih jarang dibicarakan daripada banjir, tapi dampaknya luas."],
  ["?view=actions&focus=mobility&pillar=terhubung", "Jakarta Terhubung: mobilitas", "Transportasi umum sebagai ketahanan: saat banjir, jalur mana yang tetap jalan?"],
  ["?view=actions&lang=en&shock=disease-outbreak", "Disease outbreaks, in English", "Switch to English for our guests from partner cities; same data, same filters."],
  ["?view=charts&driver=hw-public-health", "Public health in the framework", "The City Resilience Framework driver for public health and what answers it."],
  ["?view=map&scope=city", "Inisiatif untuk seluruh kota", "Yang berlaku untuk seluruh kota tidak muncul di peta; hitungannya terpisah."],
  ["?view=actions&q=sekolah", "Sekolah dan madrasah aman bencana", "Cari kata 'sekolah': pendidikan kebencanaan dari sekolah sampai madrasah."],
  ["?view=actions&area=31.71.01&level=kelurahan", "Satu kelurahan, dari dekat", "Turun ke tingkat kelurahan untuk melihat apa yang tercatat di lingkungan sendiri."],
  ["?view=charts&quality=inclusive,integrated", "Inklusif dan terintegrasi", "Dua kualitas ketahanan yang paling sulit diukur; inisiatif mana yang mengklaimnya?"],
  ["?view=sources", "Sumber, asal-usul dan lisensi", "Setiap catatan punya sumber dan asal-usulnya; data CC BY 4.0, silakan dipakai ulang."]
];

test('deck: 20 slides built through the interface with realistic titles and notes make a link under 2,000 characters', async (t) => {
  const server = await serve();
  await withPage(t, { allowOrigins: [server.url] }, async (page) => {
    for (const [i, [query]] of TALK.entries()) {
      await open(page, server, query + '&lang=id');
      await add(page, i + 1, 'id');
    }
    await openDeck(page, 20);
    for (const [i, [, title, note]] of TALK.entries()) {
      await slide(page, i + 1).locator('.deck-title').fill(title);
      await slide(page, i + 1).locator('.deck-note').fill(note);
    }
    assert.deepEqual(await titles(page), TALK.map((x) => x[1]));
    // A note reads as text: it wraps inside its box (no sideways scrolling) in the page's
    // font, and its box is a few lines high, not a code editor's.
    const note = await slide(page, 1).locator('.deck-note').evaluate((el) => ({
      wraps: el.scrollWidth <= el.clientWidth + 1,
      mono: /mono/i.test(getComputedStyle(el).fontFamily),
      lines: el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight),
    }));
    assert.ok(note.wraps, 'a long note wraps in its box');
    assert.ok(!note.mono, 'a note is in the page font');
    assert.ok(note.lines >= 2 && note.lines <= 6, `a note box of ${note.lines.toFixed(1)} lines`);
    const link = await page.locator('#deck-link').inputValue();
    assert.ok(link.length < 2000, `the 20-slide deck's link is ${link.length} characters`);
    // Its QR code is beside it, drawn when unfolded (a code holds at most 2,953 bytes; this
    // link fits in one).
    assert.equal(await page.locator('dialog[open] .deck-qr .qr-code').count(), 0, 'not drawn while folded');
    await page.locator('dialog[open] .deck-qr summary').click();
    await page.locator('dialog[open] .deck-qr .qr-code svg').waitFor({ timeout: 5_000 });
    assert.equal(await page.locator('dialog[open] .deck-qr .qr-code svg').count(), 1, 'the deck link as a QR code');
    assert.ok((await page.locator('dialog[open] .deck-qr .qr-code').getAttribute('aria-label')).length > 0);
    const u = new URL(link);
    assert.equal(u.searchParams.get('present'), '1');
    // Every view kept its name in the list.
    assert.equal((await screens(page)).length, 20);
    console.log(`20-slide deck link: ${link.length} characters (deck= ${u.searchParams.get('deck').length})`);
  });
});

test('deck: a full deck refuses one more slide and says so', async (t) => {
  const server = await serve();
  await withPage(t, { allowOrigins: [server.url] }, async (page) => {
    await open(page, server, '?lang=en');
    // 50 slides kept in this browser (the default story's link is short; the deck is made
    // through the interface, then the store's limit is reached by adding).
    for (let i = 1; i <= 50; i++) await add(page, i, 'en');
    await (await tool(page, 'deck-add')).click();
    await page.waitForFunction(() => (document.querySelector('.deck-said p')?.textContent ?? '').includes('50 slides, the most a deck can hold'), null, { timeout: 15_000 });
    await openDeck(page, 50);
  });
});

test('deck: where the browser refuses storage, the deck still works for the page and says so', async (t) => {
  const server = await serve();
  await withPage(t, { allowOrigins: [server.url] }, async (page) => {
    // A browser that refuses to keep anything (a private mode, a full quota).
    await page.context().addInitScript(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('refused', 'QuotaExceededError');
      };
    });
    await open(page, server, '?view=map&lang=en&shock=flood');
    await (await tool(page, 'deck-add')).click();
    await page.waitForFunction(() => {
      const t = document.querySelector('.deck-said p')?.textContent ?? '';
      return t.startsWith('Added as slide 1 of your deck.') && t.includes('refuses to keep data');
    }, null, { timeout: 15_000 });
    // Same page, another view: the deck kept in memory grows.
    await page.locator('nav.views a', { hasText: 'Initiatives' }).click();
    await (await tool(page, 'deck-add')).click();
    await page.waitForFunction(() => (document.querySelector('.deck-said p')?.textContent ?? '').startsWith('Added as slide 2 of your deck.'), null, { timeout: 15_000 });
    await openDeck(page, 2);
    await page.locator('dialog[open] .deck-warning[role="alert"]').waitFor({ timeout: 5_000 });
    assert.equal(await page.evaluate(() => localStorage.getItem('jrs-deck')), null, 'nothing was kept');
  });
});
