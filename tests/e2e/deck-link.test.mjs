// A presenter's deck from its link (issue 21): `?present=1&deck=…` walks the deck's slides in
// order with the keys, each slide showing its own view, filters, language and title; hostile
// deck links (truncated, another version, 10,000 slides, bad characters) get a notice in both
// languages naming what is wrong and the default story; markup in a title stays text.
//
// The links are written here by a small encoder of format version 1 (DATA.md "Deck links":
// numbers of 7 bits a byte, texts as length + UTF-8, raw DEFLATE, URL-safe base64), so the
// tests can also write links the explorer never would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateRawSync } from 'node:zlib';
import { serve, withPage, screenshot, BOOT_TIMEOUT } from './lib.mjs';

const SCREEN = { overview: 0, actions: 1, charts: 2, map: 3, timeline: 4, sources: 5, vision: 16, pillars: 17, hazards: 18 };
const FACET = { pillar: 0, shock: 3, stress: 4, area: 13, q: 14 };
const LANG = { id: 1, en: 2 };
const LEVEL = { region: 1, kecamatan: 2, kelurahan: 3 };

function number(out, n) {
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) b |= 0x80;
    out.push(b);
  } while (n > 0);
}
function text(out, s) {
  const b = Buffer.from(s, 'utf8');
  number(out, b.length);
  out.push(...b);
}
function optional(out, s) {
  if (s == null) return number(out, 0);
  const b = Buffer.from(s, 'utf8');
  number(out, b.length + 1);
  out.push(...b);
}

/** The bytes of a deck (before compression): `count` overrides the slide count written. */
export function deckBytes(slides, count = slides.length) {
  const out = [];
  number(out, count);
  for (const s of slides) {
    number(out, SCREEN[s.screen]);
    number(out, s.lang ? LANG[s.lang] : 0);
    number(out, s.level ? LEVEL[s.level] : 0);
    number(out, s.chart ?? 0);
    const sets = Object.entries(s.filters ?? {});
    number(out, sets.length);
    for (const [facet, values] of sets) {
      number(out, FACET[facet]);
      number(out, values.length);
      for (const v of values) text(out, v);
    }
    optional(out, s.action);
    optional(out, s.title);
    optional(out, s.note);
  }
  return Buffer.from(out);
}

/** The deck link (the value of `deck=`) of `bytes`, written as version `version`. */
export function deckLink(bytes, version = '1') {
  return version + deflateRawSync(bytes, { level: 9 }).toString('base64url');
}

const TALK = [
  { screen: 'map', lang: 'en', level: 'kecamatan', filters: { shock: ['flood'], area: ['31.72'] }, title: 'Flooding in North Jakarta', note: 'Start with the coast.' },
  { screen: 'actions', filters: { stress: ['water-scarcity'] }, title: 'Clean water', note: 'Who leads these?' },
  { screen: 'vision' },
];

const bar = (page) => page.locator('.present-bar .present-step-title');
const count = (page) => page.locator('.present-counter .present-count');

async function expectSlide(page, n, total) {
  await page.waitForFunction(
    (want) => document.querySelector('.present-counter .present-count')?.textContent === want,
    `${n + 1} / ${total}`,
    { timeout: 10_000 },
  );
  await page.waitForFunction((want) => new URL(location.href).searchParams.get('step') === (want ? String(want) : null), n, { timeout: 5_000 });
}

test('deck link: three slides walk in order with their views, filters, language and titles', async (t) => {
  const server = await serve();
  const link = deckLink(deckBytes(TALK));
  await withPage(t, { url: `${server.url}?present=1&lang=id&deck=${link}`, viewport: { width: 1280, height: 800 } }, async (page) => {
    await page.locator('.present').waitFor({ timeout: BOOT_TIMEOUT });
    await expectSlide(page, 0, 3);
    assert.equal(await bar(page).textContent(), 'Flooding in North Jakarta');
    // Slide 1 is the map of North Jakarta's kecamatan with floods, in English (its language).
    await page.locator('.present-stage .present-map').waitFor({ timeout: 10_000 });
    await page.waitForFunction(() => {
      const u = new URL(location.href).searchParams;
      return u.get('view') === 'map' && u.get('shock') === 'flood' && u.get('area') === '31.72' && u.get('level') === 'kecamatan' && u.get('lang') === 'en';
    }, null, { timeout: 5_000 });
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await screenshot(page, 'deck-link-1280-slide1-en');

    await page.keyboard.press('ArrowRight');
    await expectSlide(page, 1, 3);
    assert.equal(await bar(page).textContent(), 'Clean water');
    await page.waitForFunction(() => {
      const u = new URL(location.href).searchParams;
      return u.get('view') === 'actions' && u.get('stress') === 'water-scarcity' && !u.has('shock') && !u.has('area');
    }, null, { timeout: 5_000 });

    await page.keyboard.press('ArrowRight');
    await expectSlide(page, 2, 3);
    await page.locator('.present-stage .slide-vision').waitFor({ timeout: 5_000 });
    // No title of its own: the screen's own name; no language of its own: the one shown
    // (slide 1's English).
    assert.equal(await bar(page).textContent(), 'Vision');
    assert.equal(await count(page).textContent(), '3 / 3');
    assert.ok(await page.locator('.present-next').isDisabled(), 'the last slide stops the deck');

    await page.keyboard.press('ArrowLeft');
    await expectSlide(page, 1, 3);
    assert.equal(await bar(page).textContent(), 'Clean water');
    // Back goes to the slide before, as it was.
    await page.goBack();
    await expectSlide(page, 2, 3);
    // And the keys still move the slides: after Back, the new slide's view title did not
    // take the focus (the keys would have been its own).
    await page.goBack();
    await expectSlide(page, 1, 3);
    await page.keyboard.press('ArrowLeft');
    await expectSlide(page, 0, 3);
    assert.equal(await page.evaluate(() => document.activeElement?.matches('main h1') ?? false), false, 'no view title has the focus');
  });
});

const HOSTILE = [
  ['truncated', () => deckLink(deckBytes(TALK)).slice(0, 30), /truncated|damaged/, /terpotong|rusak/],
  ['version 9', () => deckLink(deckBytes(TALK), '9'), /unknown version 9/, /versi 9 tidak dikenal/],
  ['10,000 slides', () => deckLink(deckBytes(TALK, 10_000)), /10000 slides/, /10000 slide/],
  ['bad characters', () => '1abc$def', /character 5/, /karakter ke-5/],
];

for (const [name, make, en, id] of HOSTILE) {
  test(`deck link: ${name} → a notice naming what is wrong and the default story, in both languages`, async (t) => {
    const server = await serve();
    for (const [lang, says] of [['en', en], ['id', id]]) {
      await withPage(t, { url: `${server.url}?present=1&lang=${lang}&deck=${make()}` }, async (page) => {
        const notice = page.locator('.present-notice[role="alert"]');
        await notice.waitFor({ timeout: BOOT_TIMEOUT });
        assert.match(await notice.textContent(), says);
        assert.equal(await count(page).textContent(), '1 / 7', 'the default story');
        await page.locator('.present-stage .slide-vision').waitFor();
      });
    }
  });
}

test('deck link: markup in titles and notes is shown as text, never made into elements', async (t) => {
  const server = await serve();
  const script = '<script>window.pwned=1</script>';
  const img = '<img src=x onerror="window.pwned=2">';
  const link = deckLink(deckBytes([
    { screen: 'overview', title: script, note: img },
    { screen: 'sources', title: img },
  ]));
  await withPage(t, { url: `${server.url}?present=1&lang=en&deck=${link}` }, async (page) => {
    await page.locator('.present').waitFor({ timeout: BOOT_TIMEOUT });
    await expectSlide(page, 0, 2);
    assert.equal(await bar(page).textContent(), script);
    await page.keyboard.press('ArrowRight');
    await expectSlide(page, 1, 2);
    assert.equal(await bar(page).textContent(), img);
    const made = await page.evaluate(() => ({
      scripts: [...document.querySelectorAll('script')].filter((s) => s.textContent.includes('pwned')).length,
      imgs: document.querySelectorAll('img[onerror], img[src="x"]').length,
      pwned: window.pwned ?? null,
    }));
    assert.deepEqual(made, { scripts: 0, imgs: 0, pwned: null });
  });
});
