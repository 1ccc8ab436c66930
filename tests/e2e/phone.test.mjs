// Phones first (issue 18), at 375 × 812 in both languages:
//   * the header is at most 64 px tall: the title, the language as a two-letter button and one
//     menu button; the menu (a disclosure) holds present, share, embed, contrast and theme,
//     opens and closes with the keyboard (Escape returns the focus to its button) and closes
//     on a tap elsewhere;
//   * every view shows its content on the first screen: the overview's coverage table, the
//     first initiative, the top of the first chart, the map, the first timeline event and the
//     first source; the "not the official action list" notice is in full on the overview and
//     one line with a link to it elsewhere;
//   * a count in the overview's coverage table opens the list of exactly that many initiatives;
//   * a keyboard-only walk of the map: one tab stop, arrows to neighbours, Enter, announced;
//   * one counting rule: at region, kecamatan and kelurahan level the map, its table, the
//     area picker, the announcement, the list and the charts give the same number for an
//     area (at kelurahan level one where initiatives recorded for its kecamatan count), and
//     the map and the list say the rule in a sentence.
// Negative controls show the first-screen and header checks can fail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serve, withPage, screenshot } from './lib.mjs';
import { LANGS, DATA, pageUrl, waitForView, goToView } from './a11y-lib.mjs';

const PHONE = { width: 375, height: 812 };
const HEADER_MAX = 64;

/** Per view: the element whose top (and for short things, bottom) must be on the first screen. */
const CONTENT = {
  overview: { selector: 'section.coverage table.coverage-grid td.cov-cell', edge: 'bottom' },
  actions: { selector: 'ul.action-list li.action-item a', edge: 'bottom' },
  charts: { selector: 'figure.chart .chart-svg svg', edge: 'top' },
  map: { selector: 'svg.map-svg', edge: 'top', visible: 200 },
  timeline: { selector: 'ol.timeline li.event h2', edge: 'bottom' },
  sources: { selector: 'details.source-fold > summary', edge: 'bottom' },
};

/** Where the first element matching `selector` is, at the top of the page (no scrolling). */
async function place(page, selector) {
  return page.evaluate((sel) => {
    window.scrollTo(0, 0);
    const el = document.querySelector(sel);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, height: r.height, shown: r.width > 0 && r.height > 0, vh: innerHeight };
  }, selector);
}

/** Fails unless the view's content starts (or ends, for a short entry) above the fold. */
async function assertFirstScreen(page, where, { selector, edge, visible = 0 }) {
  const p = await place(page, selector);
  assert.ok(p, `${where}: ${selector} is on the page`);
  assert.ok(p.shown, `${where}: ${selector} is drawn`);
  const y = edge === 'bottom' ? p.bottom : p.top;
  assert.ok(
    y + visible <= p.vh,
    `${where}: the ${edge} of ${selector} is at ${Math.round(y)} px (+${visible} px shown); the first screen ends at ${p.vh} px`,
  );
}

async function headerHeight(page) {
  return page.evaluate(() => document.querySelector('header.site-header').getBoundingClientRect().height);
}

async function assertHeader(page, where) {
  const h = await headerHeight(page);
  assert.ok(h <= HEADER_MAX, `${where}: the header is ${h} px tall (at most ${HEADER_MAX})`);
}

for (const lang of LANGS) {
  test(`375 × 812 · ${lang}: a header of at most 64 px with the language and one menu`, async (t) => {
    const server = await serve();
    await withPage(t, { url: pageUrl(server, { lang }), viewport: PHONE }, async (page) => {
      await waitForView(page, 'overview');
      await assertHeader(page, 'overview');
      const menu = page.locator('header.site-header button.menu-button');
      const lang2 = page.locator('header.site-header button.lang-switch');
      assert.equal(await menu.isVisible(), true, 'the menu button is shown');
      assert.equal(await lang2.isVisible(), true, 'the language button stays in the header');
      assert.equal((await lang2.innerText()).trim(), lang === 'id' ? 'EN' : 'ID', 'a two-letter language button');
      assert.match(await lang2.getAttribute('title'), lang === 'id' ? /English \(EN\)/ : /Indonesia \(ID\)/);
      const tools = ['.present-button', '.share-button', '.embed-button', 'button.contrast-switch', 'select#theme-select'];
      for (const s of tools) assert.equal(await page.locator(`#header-tools ${s}`).isVisible(), false, `${s} folded away`);
      assert.equal(await menu.getAttribute('aria-expanded'), 'false');
      assert.equal(await menu.getAttribute('aria-controls'), 'header-tools');
      const box = await menu.boundingBox();
      assert.ok(box.height >= 44 && box.width >= 44, `the menu button is a large target (${box.width}×${box.height})`);

      // Keyboard: skip link, then the menu button; Enter opens, Tab walks the tools, Escape closes.
      await page.keyboard.press('Tab');
      assert.ok(await page.evaluate(() => document.activeElement.matches('a.skip-link')));
      await page.keyboard.press('Tab');
      assert.ok(await page.evaluate(() => document.activeElement.matches('button.menu-button')), 'the menu button is next');
      await page.keyboard.press('Enter');
      assert.equal(await menu.getAttribute('aria-expanded'), 'true');
      for (const s of tools) assert.equal(await page.locator(`#header-tools ${s}`).isVisible(), true, `${s} in the open menu`);
      // Every tool's label starts at the same place (the deck's two buttons sit in a wrapper).
      const starts = await page.evaluate(() =>
        ['.open-data-link', '.deck-open', 'button.contrast-switch'].map((sel) => {
          const b = document.querySelector(`#header-tools ${sel}`);
          const r = document.createRange();
          r.selectNodeContents(b);
          return Math.round(r.getBoundingClientRect().left - b.getBoundingClientRect().left);
        }),
      );
      assert.ok(Math.max(...starts) - Math.min(...starts) <= 2, `labels start together in the menu: ${starts}`);
      await assertHeader(page, 'with the menu open');
      await page.keyboard.press('Tab');
      assert.ok(
        await page.evaluate(() => !!document.activeElement.closest('#header-tools')),
        'Tab moves into the menu',
      );
      await screenshot(page, `phone-menu-open-${lang}`);
      await page.keyboard.press('Escape');
      assert.equal(await menu.getAttribute('aria-expanded'), 'false');
      assert.ok(await page.evaluate(() => document.activeElement.matches('button.menu-button')), 'Escape returns the focus');
      assert.equal(await page.locator('#header-tools .share-button').isVisible(), false);

      // A tool works from the menu: high contrast is kept in the URL; a tap elsewhere closes it.
      await menu.click();
      await page.locator('#header-tools button.contrast-switch').click();
      await page.waitForFunction(() => new URL(location.href).searchParams.get('contrast') === 'high');
      await page.locator('footer.site-footer').click();
      assert.equal(await menu.getAttribute('aria-expanded'), 'false', 'a tap outside closes the menu');

      // The share dialog opens from the menu, and Escape closes the dialog, not the menu.
      await menu.click();
      await page.locator('#header-tools .share-button').click();
      await page.locator('dialog[open]').waitFor();
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => !document.querySelector('dialog[open]'));
      assert.equal(await menu.getAttribute('aria-expanded'), 'true', 'the menu stays open behind the dialog');
      assert.ok(await page.evaluate(() => document.activeElement.matches('.share-button')), 'focus back on Share');

      // The language button switches in one tap.
      await lang2.click();
      const other = lang === 'id' ? 'en' : 'id';
      await page.waitForFunction((l) => document.documentElement.lang === l, other);
      await assertHeader(page, `after switching to ${other}`);
    });
  });

  test(`375 × 812 · ${lang}: every view shows its content on the first screen`, async (t) => {
    const server = await serve();
    await withPage(t, { url: pageUrl(server, { lang }), viewport: PHONE }, async (page) => {
      for (const [i, view] of Object.keys(CONTENT).entries()) {
        if (i === 0) await waitForView(page, view);
        else await goToView(page, view);
        await assertHeader(page, view);
        await assertFirstScreen(page, `${view} · ${lang}`, CONTENT[view]);
        if (view === 'overview') {
          assert.equal(await page.locator('#aligned-notice').isVisible(), true, 'the full notice on the overview');
          assert.equal(await page.locator('.aligned-notice.short').count(), 0);
        } else {
          // One line, with a link to the full explanation.
          const n = await page.evaluate(() => {
            const el = document.querySelector('.aligned-notice.short');
            if (!el) return null;
            const cs = getComputedStyle(el);
            const line = parseFloat(cs.lineHeight) || parseFloat(cs.fontSize) * 1.55;
            const inner = el.getBoundingClientRect().height - parseFloat(cs.paddingTop) - parseFloat(cs.paddingBottom);
            return { lines: Math.round(inner / line), link: !!el.querySelector('a[href]') };
          });
          assert.ok(n, `${view}: the short notice is shown`);
          assert.equal(n.lines, 1, `${view}: the notice is one line`);
          assert.ok(n.link, `${view}: the notice links to the full explanation`);
        }
        await screenshot(page, `phone-first-screen-${view}-${lang}`);
      }
      // The short notice's link leads to the full one on the overview.
      await page.locator('.aligned-notice.short a').click();
      await page.waitForFunction(() => (new URL(location.href).searchParams.get('view') ?? 'overview') === 'overview');
      await page.locator('#aligned-notice').waitFor();
      await page.waitForFunction(() => document.activeElement?.id === 'aligned-notice');
    });
  });
}

test('375 × 812: a count in the overview coverage table opens a list of that many initiatives', async (t) => {
  const server = await serve();
  await withPage(t, { url: pageUrl(server, { lang: 'en' }), viewport: PHONE }, async (page) => {
    await waitForView(page, 'overview');
    const cells = await page.$$eval('table.coverage-grid td.cov-cell', (tds) =>
      tds.map((td) => ({ n: Number(td.dataset.count), link: !!td.querySelector('a') })),
    );
    assert.ok(cells.length >= 3, 'a cell per pillar and shock or stress');
    assert.ok(cells.every((c) => (c.n > 0) === c.link), 'every non-zero count is a link; zero is not');
    assert.ok(cells.some((c) => c.n === 0), 'the gaps are shown');
    // The largest count, so the check means something.
    const best = await page.$$eval('table.coverage-grid td.cov-cell a', (as) => {
      const all = as.map((a, i) => ({ i, n: Number(a.parentElement.dataset.count), label: a.getAttribute('aria-label') }));
      return all.sort((x, y) => y.n - x.n)[0];
    });
    assert.ok(best.n > 1);
    assert.match(best.label, new RegExp(`^${best.n} initiatives: Jakarta \\w+, `), 'the link says what it counts');
    await page.locator('table.coverage-grid td.cov-cell a').nth(best.i).click();
    await waitForView(page, 'actions');
    // The address follows the change once it is painted.
    await page.waitForURL((u) => u.searchParams.has('pillar'));
    const url = new URL(page.url());
    assert.ok(url.searchParams.get('pillar'), 'filtered by the pillar');
    assert.ok(url.searchParams.get('shock') || url.searchParams.get('stress'), 'and by the shock or stress');
    await page.waitForFunction((n) => document.querySelectorAll('li.action-item').length === n, best.n);
    await screenshot(page, 'phone-coverage-cell-opened');
  });
});

test('negative controls: a tall header and content below the fold fail the checks', async (t) => {
  const server = await serve();
  await withPage(t, { url: pageUrl(server, { lang: 'id' }), viewport: PHONE }, async (page) => {
    await waitForView(page, 'overview');
    // The footer is far below the first screen.
    await assert.rejects(
      assertFirstScreen(page, 'footer', { selector: 'footer.site-footer', edge: 'top' }),
      /the first screen ends at 812 px/,
    );
    // CSSOM (allowed under the CSP): what a header that wraps its tools would do.
    await page.evaluate(() => { document.querySelector('header.site-header').style.paddingTop = '60px'; });
    await assert.rejects(assertHeader(page, 'padded header'), /at most 64/);
  });
});

for (const lang of LANGS) {
  test(`375 × 812 · ${lang}: a keyboard-only walk of the map (one tab stop, arrows, Enter, announced)`, async (t) => {
    const server = await serve();
    await withPage(t, { url: pageUrl(server, { view: 'map', level: 'kecamatan', lang }), viewport: PHONE }, async (page) => {
      await waitForView(page, 'map');
      const active = () => page.evaluate(() => {
        const el = document.activeElement;
        if (!el?.matches('path.area')) return { area: null, desc: `${el?.tagName}.${el?.className?.baseVal ?? el?.className}` };
        const r = el.getBoundingClientRect();
        return { area: el.dataset.area, n: Number(el.dataset.count), x: r.x + r.width / 2, y: r.y + r.height / 2, label: el.getAttribute('aria-label') };
      });
      // Tab from the start of the page until the map: one press enters it, the next leaves it.
      let here = { area: null };
      let presses = 0;
      while (!here.area && presses < 60) {
        await page.keyboard.press('Tab');
        presses++;
        here = await active();
      }
      assert.ok(here.area, `the map is reached with Tab (${presses} presses)`);
      assert.match(here.label, /: \d+ /, 'the area has a name with its count');
      await page.keyboard.press('Tab');
      assert.equal((await active()).area, null, 'the next Tab leaves the map: it is one tab stop');
      await page.keyboard.press('Shift+Tab');
      assert.equal((await active()).area, here.area, 'Shift+Tab comes back to the same area');

      // Arrows move to a neighbour in their direction; walk until an area with initiatives.
      const moves = { ArrowRight: [1, 0], ArrowDown: [0, 1], ArrowLeft: [-1, 0], ArrowUp: [0, -1] };
      const keys = ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowDown'];
      let moved = 0;
      for (let i = 0; i < 60 && !(here.n > 0 && moved >= 2); i++) {
        const key = keys[i % keys.length];
        const next = await (async () => { await page.keyboard.press(key); return active(); })();
        assert.ok(next.area, `${key}: the focus stays on the map`);
        if (next.area !== here.area) {
          const [dx, dy] = moves[key];
          assert.ok((next.x - here.x) * dx + (next.y - here.y) * dy > 0, `${key} moved the focus that way`);
          moved++;
        }
        here = next;
      }
      assert.ok(moved >= 2 && here.n > 0, 'the arrows reach an area with initiatives');
      await page.keyboard.press('Enter');
      await page.waitForFunction((a) => new URL(location.href).searchParams.get('area') === a, here.area);
      assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-pressed')), 'true');
      // The selection and the list's new count are announced.
      const status = page.locator('.map-announce[role="status"][aria-live="polite"]');
      await page.waitForFunction(() => /\d/.test(document.querySelector('.map-announce')?.textContent ?? ''));
      const said = await status.textContent();
      const name = here.label.split(':')[0];
      assert.ok(said.includes(name), `"${said}" names ${name}`);
      await screenshot(page, `phone-map-keyboard-${lang}`);
      const listed = Number(said.match(/(\d[\d.,]*)/)[1].replace(/[.,]/g, ''));
      await goToView(page, 'actions');
      await page.waitForFunction((n) => document.querySelectorAll('li.action-item').length === n, listed);
    });
  });
}

/** The last number in a text ("…, 5 of 12." → 12), thousands separators removed. */
const lastNumber = (text) => Number((text.match(/\d[\d.,]*\d|\d/g) ?? []).pop()?.replace(/[.,]/g, '') ?? NaN);

/** Per level: the area to check. Kelurahan: one whose kecamatan has initiatives recorded for it
 * as a whole (where the rule matters); the others: the area with the largest count. */
function pickArea(level, drawn) {
  if (level !== 'kelurahan') return drawn.sort((a, b) => b.n - a.n)[0];
  const byId = new Map(DATA.areas.map((a) => [a.id, a]));
  const recordedKecamatan = new Set(DATA.actions.flatMap((a) => a.areas ?? []).filter((id) => byId.get(id)?.level === 'kecamatan'));
  return drawn.find((d) => recordedKecamatan.has(byId.get(d.code)?.parent));
}

for (const lang of LANGS) {
  test(`375 × 812 · ${lang}: map, table, area picker, list and charts count an area alike at all three levels`, async (t) => {
    const server = await serve();
    for (const level of ['region', 'kecamatan', 'kelurahan']) {
      await withPage(t, { url: pageUrl(server, { view: 'map', level, lang }), viewport: PHONE }, async (page) => {
        await waitForView(page, 'map');
        const drawn = await page.$$eval('svg.map-svg path.area', (els) => els.map((e) => ({ code: e.dataset.area, n: Number(e.dataset.count) })));
        const area = pickArea(level, drawn);
        assert.ok(area && area.n > 0, `${level}: an area with initiatives to check`);
        if (level === 'kelurahan') {
          const direct = DATA.actions.filter((a) => (a.areas ?? []).includes(area.code)).length;
          assert.ok(area.n > direct, `${area.code}: ${area.n} counted, ${direct} recorded for the kelurahan itself: its kecamatan's count too`);
        }
        const where = `${lang} · ${level} · ${area.code}`;
        // The sentence that says the rule, beside the map.
        const rule = page.locator('.map-side .area-rule');
        assert.match(await rule.innerText(), /kecamatan/, `${where}: the map says the counting rule`);
        assert.match(await rule.innerText(), lang === 'id' ? /wilayah/ : /area/);
        // The map's table writes its rows while open: open it, read, fold it again.
        await page.evaluate(() => { document.querySelector('.map-table').open = true; });
        const tableN = await page.waitForFunction((code) => {
          const td = document.querySelector(`.map-table tbody tr[data-area="${code}"] td.num`);
          return td && Number(td.textContent.replace(/[.,]/g, ''));
        }, area.code).then((h) => h.jsonValue());
        await page.evaluate(() => { document.querySelector('.map-table').open = false; });
        assert.equal(tableN, area.n, `${where}: the map's table`);
        // Select it: the announcement and the area picker follow.
        await page.locator(`svg.map-svg path.area[data-area="${area.code}"]`).dispatchEvent('click');
        await page.waitForFunction((a) => new URL(location.href).searchParams.get('area') === a, area.code);
        await page.waitForFunction((a) => document.querySelector(`svg.map-svg path.area[data-area="${a}"]`)?.getAttribute('aria-pressed') === 'true', area.code);
        assert.equal(lastNumber(await page.locator('.map-announce').textContent()), area.n, `${where}: the announcement`);
        const option = await page.$eval(`aside.filters select option[value="${area.code}"]`, (o) => ({ text: o.textContent, selected: o.selected }));
        assert.ok(option.selected, `${where}: the area picker shows the area`);
        assert.equal(lastNumber(option.text), area.n, `${where}: the area picker's count (${option.text})`);
        await goToView(page, 'actions');
        await page.waitForFunction((n) => document.querySelectorAll('ul.action-list li.action-item').length === n, area.n);
        assert.match(await page.locator('.results .area-rule').innerText(), /kecamatan/, `${where}: the list says the rule`);
        await goToView(page, 'charts');
        const summary = page.locator('figure[data-chart="by-status"] .chart-summary');
        await page.waitForFunction(() => /\d/.test(document.querySelector('figure[data-chart="by-status"] .chart-summary')?.textContent ?? ''));
        assert.equal(lastNumber(await summary.textContent()), area.n, `${where}: the status chart counts as many`);
      });
    }
  });
}
