// The map answers "what is here" (issue 23), at 375 × 812 (a touch phone) and 1280 px, in both
// languages (areas named in English where they have an English name: North Jakarta): selecting
// Jakarta Utara shows a card by the map, on the phone within the screen
// the visitor is looking at (a negative control shows that check can fail), with the area's
// name, its count (equal to the map's count and to the list "see all" opens, at the top of the
// page), the first initiatives as links to their details, and a link to the city-wide
// initiatives (those recorded for no area in the data file). In embed mode the card's links
// open the full explorer in a new tab. A map you can read: at kecamatan and kelurahan level the
// region outlines and names are drawn inside the map (a negative control shows the inside check
// can fail), every area is read aloud with its name, region and count, a selected area's name
// is printed and announced; the hint under the map speaks of touch on a touch phone and of
// keys and the mouse on a desktop.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serve, withPage, screenshot, BOOT_TIMEOUT } from './lib.mjs';
import { LANGS, DATA, pageUrl, waitForView } from './a11y-lib.mjs';

const NORTH = DATA.areas.find((a) => a.level === 'region' && a.name === 'Jakarta Utara');
/** An area's name as the map shows it in `lang`: the English name in English where it has one. */
const nameIn = (a, lang) => (lang === 'en' && a.name_en) || a.name;
const CITY_WIDE = DATA.actions.filter((a) => !(a.areas ?? []).length).map((a) => a.id).sort();
const TITLES = new Map(DATA.actions.map((a) => [a.id, a.title]));
const PHONE = { width: 375, height: 812 };
const WIDE = { width: 1280, height: 800 };

/** The card's box against the window: inside it (top and bottom on screen)? */
const cardInView = (page) =>
  page.evaluate(() => {
    const r = document.querySelector('section.map-answer').getBoundingClientRect();
    return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight;
  });

const BY_ID = new Map(DATA.areas.map((a) => [a.id, a]));
/** The region (root ancestor) of an area of the dataset. */
const regionOf = (a) => (a.parent && BY_ID.has(a.parent) ? regionOf(BY_ID.get(a.parent)) : a);
/** The regions named on the mainland (the inset's caption names the island region). */
const MAINLAND = DATA.areas.filter((a) => a.level === 'region' && a.name !== 'Kepulauan Seribu');
const mainlandRegions = (lang) => MAINLAND.map((a) => nameIn(a, lang)).sort();
const COUNT_WORD = { id: (n) => `${n} inisiatif`, en: (n) => `${n} initiative${n === 1 ? '' : 's'}` };
const LEVEL_WORD = { kecamatan: 'Kecamatan', kelurahan: 'Kelurahan' };

/** The region labels drawn, and those whose box is not inside the map's box. */
const regionLabels = (page) =>
  page.evaluate(() => {
    const svg = document.querySelector('svg.map-svg').getBoundingClientRect();
    const labels = [...document.querySelectorAll('svg.map-svg .regions text.region-label')];
    const outside = labels.filter((t) => {
      const r = t.getBoundingClientRect();
      const shown = getComputedStyle(t).display !== 'none' && r.width > 0;
      return !shown || r.left < svg.left || r.right > svg.right || r.top < svg.top || r.bottom > svg.bottom;
    });
    return { names: labels.map((t) => t.textContent).sort(), outside: outside.map((t) => t.textContent) };
  });

/** Taps (phone) or clicks (desktop) Jakarta Utara where its name is printed on the map. */
async function selectNorth(page, touch, lang) {
  const label = page.locator('svg.map-svg text.map-label.name', { hasText: nameIn(NORTH, lang) });
  await label.scrollIntoViewIfNeeded();
  const b = await label.boundingBox();
  const [x, y] = [b.x + b.width / 2, b.y + b.height + 4];
  if (touch) await page.touchscreen.tap(x, y);
  else await page.mouse.click(x, y);
  await page.waitForFunction((id) => new URL(location.href).searchParams.get('area') === id, NORTH.id);
  await page.locator('section.map-answer h2').waitFor();
}

/** True when the view's title is on the screen, near its top (the view opened at its start). */
const titleAtTop = (page) =>
  page.evaluate(() => {
    const r = document.querySelector('h1.view-title').getBoundingClientRect();
    return r.top > -1 && r.bottom <= innerHeight / 3 ? true : `title at ${r.top}..${r.bottom}, scrollY ${scrollY}, focus ${document.activeElement.outerHTML.slice(0, 60)}`;
  });

/** The ids of the initiatives the list shows. */
const listed = (page) => page.$$eval('ul.action-list li.action-item', (lis) => lis.map((li) => li.dataset.action));

/** Waits for the list view with `n` entries. */
async function waitForList(page, n) {
  const timeout = BOOT_TIMEOUT; // a new tab boots the app first
  await page.waitForFunction(() => new URL(location.href).searchParams.get('view') === 'actions', null, { timeout });
  await page.waitForFunction((k) => document.querySelectorAll('ul.action-list li.action-item').length === k, n, { timeout });
}

for (const [size, viewport] of [['375 × 812', PHONE], ['1280', WIDE]]) {
  for (const lang of LANGS) {
    test(`${size} · ${lang}: selecting Jakarta Utara answers what is done there`, async (t) => {
      const server = await serve();
      const touch = viewport === PHONE;
      const contextOptions = touch ? { hasTouch: true, isMobile: true } : {};
      await withPage(t, { url: pageUrl(server, { view: 'map', level: 'region', lang }), viewport, contextOptions }, async (page) => {
        await waitForView(page, 'map');
        assert.equal(await page.locator('section.map-answer h2').count(), 0, 'no card before a selection');
        await selectNorth(page, touch, lang);
        const card = page.locator('section.map-answer');
        assert.equal(await card.locator('h2').innerText(), nameIn(NORTH, lang));
        assert.ok(await cardInView(page), 'the card is on the screen the visitor is looking at');
        const n = Number(await card.locator('.answer-count').getAttribute('data-count'));
        const mapN = Number(await page.getAttribute(`svg.map-svg path.area[data-area="${NORTH.id}"]`, 'data-count'));
        assert.ok(n > 0, 'initiatives act in Jakarta Utara');
        assert.equal(n, mapN, "the card's count is the map's count for the area");
        assert.match(await card.locator('.answer-count strong').innerText(), new RegExp(`\\b${n}\\b`));
        const first = await card.locator('.answer-list a').evaluateAll((as) => as.map((a) => ({ text: a.textContent, href: a.getAttribute('href') })));
        assert.equal(first.length, Math.min(3, n), 'the first initiatives are named');
        for (const a of first) {
          const id = new URLSearchParams(a.href.slice(1)).get('action');
          assert.equal(a.text, TITLES.get(id)[lang], `a link to ${id} named by its title`);
        }
        const wide = await card.locator('.answer-city').innerText();
        assert.match(wide, new RegExp(`\\b${CITY_WIDE.length}\\b`), 'the city-wide count is in the card');
        await screenshot(page, `map-answer-${touch ? 375 : 1280}-${lang}`);
        if (touch) {
          // Negative control: the same card left in the flow under the map is off the screen.
          await card.evaluate((el) => { el.style.position = 'static'; });
          assert.equal(await cardInView(page), false, 'the in-view check fails for a card below the fold');
          await card.evaluate((el) => { el.style.position = ''; });
        }

        // "See all N" opens the list, at the top, with exactly N initiatives.
        await card.locator('.answer-all').click();
        await waitForList(page, n);
        // The address follows the change once it is painted (so Back returns to the card).
        await page.waitForURL((u) => u.searchParams.get('view') === 'actions');
        assert.equal(new URL(page.url()).searchParams.get('area'), NORTH.id);
        assert.equal(await titleAtTop(page), true, 'the list opens at its top');
        assert.deepEqual((await listed(page)).slice(0, first.length), first.map((a) => new URLSearchParams(a.href.slice(1)).get('action')));

        // Back to the map; an initiative's link opens its details.
        await page.goBack();
        await waitForView(page, 'map');
        await card.locator('.answer-list a').first().click();
        const detail = page.locator('article.action-detail #action-detail-title');
        await detail.waitFor({ timeout: BOOT_TIMEOUT });
        assert.equal(await detail.innerText(), first[0].text);
        await page.waitForURL((u) => u.searchParams.has('action'));

        // One tap from the map reaches the city-wide initiatives.
        await page.goBack();
        await waitForView(page, 'map');
        await card.locator('.answer-city').click();
        await waitForList(page, CITY_WIDE.length);
        assert.equal(new URL(page.url()).searchParams.get('area'), null);
        assert.deepEqual((await listed(page)).sort(), CITY_WIDE, 'exactly the initiatives recorded for no area');
        assert.equal(await titleAtTop(page), true, 'the list opens at its top');
      });
    });
  }
}

test('with no area selected, the city-wide count beside the map is a link to those initiatives', async (t) => {
  const server = await serve();
  await withPage(t, { url: pageUrl(server, { view: 'map', lang: 'en' }), viewport: PHONE }, async (page) => {
    await waitForView(page, 'map');
    const box = page.locator('.map-city-wide');
    assert.equal(Number(await box.getAttribute('data-count')), CITY_WIDE.length);
    await box.locator('a').click();
    await waitForList(page, CITY_WIDE.length);
    assert.equal(new URL(page.url()).searchParams.get('scope'), 'city');
    assert.deepEqual((await listed(page)).sort(), CITY_WIDE);
  });
});

test('embed: the card works and its links open the full explorer in a new tab', async (t) => {
  const server = await serve();
  const url = pageUrl(server, { embed: '1', view: 'map', level: 'region', area: NORTH.id });
  await withPage(t, { url, viewport: { width: 700, height: 900 } }, async (page) => {
    await waitForView(page, 'map');
    const card = page.locator('section.map-answer');
    await card.locator('h2').waitFor();
    assert.equal(await card.locator('h2').innerText(), NORTH.name, 'in Indonesian, the official name');
    const n = Number(await card.locator('.answer-count').getAttribute('data-count'));
    const links = await card.locator('a').evaluateAll((as) => as.map((a) => ({ target: a.target, rel: a.rel, href: a.getAttribute('href') })));
    assert.ok(links.length >= 3, 'the card has its links');
    for (const l of links) {
      assert.equal(l.target, '_blank', `${l.href} opens a new tab`);
      assert.match(l.rel, /noopener/);
      assert.equal(new URLSearchParams(l.href.slice(1)).get('embed'), null, `${l.href} opens the full explorer`);
    }
    const [tab] = await Promise.all([page.context().waitForEvent('page'), card.locator('.answer-all').click()]);
    await tab.waitForLoadState('load', { timeout: BOOT_TIMEOUT });
    await waitForList(tab, n);
    assert.equal(new URL(tab.url()).searchParams.get('area'), NORTH.id);
    assert.equal(await tab.locator('.embed-shell').count(), 0, 'the full explorer, not the embed');
    // The embed itself stays on its map.
    assert.equal(new URL(page.url()).searchParams.get('view'), 'map');
  });
});

for (const [size, viewport] of [['375 × 812', PHONE], ['1280', WIDE]]) {
  for (const lang of LANGS) {
    test(`${size} · ${lang}: kecamatan and kelurahan maps show region outlines and names, and read every area aloud`, async (t) => {
      const server = await serve();
      const touch = viewport === PHONE;
      const contextOptions = touch ? { hasTouch: true, isMobile: true } : {};
      await withPage(t, { url: pageUrl(server, { view: 'map', level: 'kecamatan', lang }), viewport, contextOptions }, async (page) => {
        for (const level of ['kecamatan', 'kelurahan']) {
          if (level === 'kelurahan') {
            await page.locator('.map-levels button[data-level="kelurahan"]').click();
            await page.waitForFunction(() => document.querySelector('svg.map-svg')?.dataset.level === 'kelurahan');
          }
          await waitForView(page, 'map');
          await page.locator('svg.map-svg').scrollIntoViewIfNeeded();
          const d = await page.getAttribute('svg.map-svg .regions path.region-borders', 'd');
          assert.ok(d && d.length > 100, `${level}: the region outlines are drawn`);
          const labels = await regionLabels(page);
          assert.deepEqual(labels.names, mainlandRegions(lang), `${level}: every mainland region is named`);
          assert.deepEqual(labels.outside, [], `${level}: the region names are shown inside the map`);
          // Every area is read aloud with its name, region and count.
          const wrong = await page.$$eval('svg.map-svg path.area', (els) => els.map((e) => [e.dataset.area, e.dataset.count, e.getAttribute('aria-label')]));
          const bad = wrong.filter(([id, n, label]) => {
            const a = BY_ID.get(id);
            return label !== `${LEVEL_WORD[level]} ${a.name}, ${nameIn(regionOf(a), lang)}: ${COUNT_WORD[lang](Number(n))}`;
          });
          assert.deepEqual(bad.slice(0, 3), [], `${level}: aria-label = name, region: count (${bad.length} wrong)`);
        }
        await screenshot(page, `map-regions-${touch ? 375 : 1280}-${lang}`);
        // Negative control: a region name moved off the map is reported.
        await page.locator('svg.map-svg .regions text.region-label').first().evaluate((el) => el.setAttribute('x', '-5000'));
        assert.equal((await regionLabels(page)).outside.length, 1, 'the inside check catches a name off the map');

        // A selected kecamatan: its name is printed on the map and announced with its region.
        await page.locator('.map-levels button[data-level="kecamatan"]').click();
        await page.waitForFunction(() => document.querySelector('svg.map-svg')?.dataset.level === 'kecamatan');
        const pick = DATA.areas.find((a) => a.level === 'kecamatan' && regionOf(a).id === NORTH.id);
        await page.locator(`svg.map-svg path.area[data-area="${pick.id}"]`).dispatchEvent('click');
        await page.waitForFunction((id) => new URL(location.href).searchParams.get('area') === id, pick.id);
        const printed = await page.$$eval('svg.map-svg text.map-label.name', (ts) => ts.filter((t) => t.getAttribute('display') !== 'none').map((t) => t.textContent));
        assert.ok(printed.includes(pick.name), `${pick.name} is printed on the map (${printed.join(', ')})`);
        await page.waitForFunction((name) => document.querySelector('.map-announce')?.textContent.includes(name), `${pick.name}, ${nameIn(NORTH, lang)}`);

        // The hint speaks of the device in hand.
        const hint = await page.locator('.map-hint').innerText();
        if (touch) {
          assert.match(hint, lang === 'id' ? /Ketuk/ : /Tap/, 'touch gestures on a touch screen');
          assert.doesNotMatch(hint, /Tab |Ctrl/, 'no keys on a touch screen');
        } else {
          assert.match(hint, /Tab .*Ctrl/s, 'keys and Ctrl + scroll with a mouse and keyboard');
          assert.doesNotMatch(hint, lang === 'id' ? /Ketuk|Cubit/ : /Tap|Pinch/, 'no touch gestures on a desktop');
        }
      });
    });
  }
}
