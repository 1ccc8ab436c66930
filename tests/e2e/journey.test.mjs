// The visitor's journey of issue 23, on a 375 × 812 phone in both languages: from the overview
// to the flooding initiatives in Jakarta Utara (KSB, NCICD, MURIA, Kampung Akuarium: found in
// the data file by the counting rule, not listed here) in at most 4 taps and 2 scrolls. The
// journey counts every tap and every scroll it makes; a tap only hits what is on the screen
// (so a hidden scroll cannot slip in), and a negative control shows the counts can fail.
// Also: a search for "flood North Jakarta" / "banjir jakarta utara" finds exactly them; a view
// opened from a tab, a chip or a chart mark starts at its top (or at the opened initiative);
// an initiative's details give its sources first and fold a long list of places.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serve, withPage, screenshot, BOOT_TIMEOUT } from './lib.mjs';
import { DATA, LANGS, pageUrl, waitForView } from './a11y-lib.mjs';

const PHONE = { width: 375, height: 812 };
const NORTH = DATA.areas.find((a) => a.level === 'region' && a.name === 'Jakarta Utara');
const PARENT = new Map(DATA.areas.map((a) => [a.id, a.parent ?? null]));

/** The area and the areas it lies in. */
function chain(id) {
  const out = [];
  for (let x = id; x && !out.includes(x); x = PARENT.get(x)) out.push(x);
  return out;
}

/** The counting rule (src/model/in_area.rs): recorded for the area, inside it, or containing it. */
const isIn = (action, area) => (action.areas ?? []).some((x) => chain(x).includes(area) || chain(area).includes(x));

/** The flooding initiatives in Jakarta Utara, from the data. */
const EXPECTED = DATA.actions.filter((a) => a.hazards.includes('flood') && isIn(a, NORTH.id));

/** Counts the taps and scrolls of a journey. */
class Journey {
  constructor(page) {
    this.page = page;
    this.taps = 0;
    this.scrolls = 0;
    this.steps = [];
  }

  /** One tap on `locator`, which must already be on the screen (no hidden scroll). */
  async tap(locator, what) {
    const box = await locator.boundingBox();
    const vh = await this.page.evaluate(() => innerHeight);
    if (!box || box.y < 0 || box.y + box.height > vh) {
      throw new Error(`tap on ${what}: it is not on the screen (${box ? `${Math.round(box.y)} px` : 'not drawn'})`);
    }
    this.taps += 1;
    this.steps.push(`tap ${what}`);
    await this.page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
  }

  /** One scroll gesture that brings `locator` onto the screen. */
  async scrollTo(locator, what) {
    this.scrolls += 1;
    this.steps.push(`scroll to ${what}`);
    await locator.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  }

  /** Typing is neither a tap nor a scroll. */
  async type(text) {
    this.steps.push(`type "${text}"`);
    await this.page.keyboard.type(text);
  }
}

/** Fails unless the journey stayed within `taps` and `scrolls`. */
function assertWithin(j, { taps, scrolls }) {
  assert.ok(
    j.taps <= taps && j.scrolls <= scrolls,
    `${j.taps} taps and ${j.scrolls} scrolls (at most ${taps} and ${scrolls}): ${j.steps.join(' → ')}`,
  );
}

/** The ids the list shows, once it shows `n` entries. */
async function listedWhen(page, n) {
  await page.waitForFunction((k) => document.querySelectorAll('ul.action-list li.action-item').length === k, n);
  return page.$$eval('ul.action-list li.action-item', (lis) => lis.map((li) => li.dataset.action));
}

/** Where the view starts: the page at its top and the view's title focused. */
async function openedAtTop(page) {
  await page.waitForFunction(() => document.activeElement?.matches('main h1'), null, { timeout: BOOT_TIMEOUT });
  return page.evaluate(() => scrollY);
}

const touch = { hasTouch: true, isMobile: true };
const ids = (list) => list.map((a) => a.id);

test('the data has the four flooding initiatives in Jakarta Utara the journey looks for', () => {
  const titles = EXPECTED.map((a) => a.title.en).join(' | ');
  for (const part of ['KSB', 'NCICD', 'MURIA', 'Kampung Akuarium']) assert.ok(titles.includes(part), `${part} in ${titles}`);
});

for (const lang of LANGS) {
  test(`375 × 812 · ${lang}: overview → flooding initiatives in Jakarta Utara in ≤ 4 taps and ≤ 2 scrolls`, async (t) => {
    const server = await serve();
    await withPage(t, { url: pageUrl(server, { lang }), viewport: PHONE, contextOptions: touch }, async (page) => {
      await waitForView(page, 'overview');
      const j = new Journey(page);
      const flood = DATA.hazards.find((h) => h.id === 'flood').name[lang];
      const chip = page.locator('section.hazards button.chip[data-hazard="flood"]');
      assert.match(await chip.innerText(), new RegExp(flood));
      await j.scrollTo(chip, `the ${flood} chip`);
      await j.tap(chip, flood);
      await waitForView(page, 'actions');
      assert.equal(await openedAtTop(page), 0, 'the list opens at its top');
      await j.tap(page.locator('#filter-search'), 'the search box');
      await j.type(lang === 'id' ? 'jakarta utara' : 'North Jakarta');
      const shown = await listedWhen(page, EXPECTED.length);
      assert.deepEqual(shown, ids(EXPECTED));
      const titles = await page.locator('ul.action-list .action-title').allInnerTexts();
      assert.deepEqual(titles, EXPECTED.map((a) => a.title[lang]));
      const last = page.locator('ul.action-list li.action-item').last();
      await j.scrollTo(last, 'the last result');
      await screenshot(page, `journey-${lang}`);
      assertWithin(j, { taps: 4, scrolls: 2 });
    });
  });

  test(`375 × 812 · ${lang}: one search names the hazard and the place`, async (t) => {
    const server = await serve();
    await withPage(t, { url: pageUrl(server, { lang }), viewport: PHONE, contextOptions: touch }, async (page) => {
      await waitForView(page, 'overview');
      const j = new Journey(page);
      await j.tap(page.locator('nav.views a[href*="view=actions"]'), 'the Initiatives tab');
      await waitForView(page, 'actions');
      await j.tap(page.locator('#filter-search'), 'the search box');
      await j.type(lang === 'id' ? 'banjir jakarta utara' : 'flood North Jakarta');
      assert.deepEqual(await listedWhen(page, EXPECTED.length), ids(EXPECTED));
      assert.ok(new URL(page.url()).searchParams.get('q'), 'the search is in the address');
      assertWithin(j, { taps: 2, scrolls: 0 });
    });
  });
}

test('375 × 812: a view opened from a tab starts at its top; a chart mark opens its initiative on the screen', async (t) => {
  const server = await serve();
  await withPage(t, { url: pageUrl(server, { lang: 'id' }), viewport: PHONE, contextOptions: touch }, async (page) => {
    await waitForView(page, 'overview');
    // From a tab, far down the overview: the sources open at their top, their tab in view.
    await page.locator('footer.site-footer').evaluate((el) => el.scrollIntoView());
    await page.waitForFunction(() => scrollY > 1000);
    await page.locator('nav.views a[href*="view=sources"]').click();
    await waitForView(page, 'sources');
    assert.equal(await openedAtTop(page), 0, 'the sources open at their top');
    const inNav = await page.evaluate(() => {
      const n = document.querySelector('nav.views').getBoundingClientRect();
      const a = document.querySelector('nav.views a.current').getBoundingClientRect();
      return a.left >= n.left && a.right <= n.right;
    });
    assert.equal(inNav, true, 'the current tab is in view in the tab bar');
    // From a chart mark far down the charts (a bar of the Gantt): the initiative it names
    // opens, on the screen.
    await page.locator('nav.views a[href*="view=charts"]').click();
    await waitForView(page, 'charts');
    const actionIds = DATA.actions.map((a) => a.id);
    await page.waitForFunction((known) => [...document.querySelectorAll('main figure.chart rect.hit')].some((r) => known.includes(r.dataset.key)), actionIds, { timeout: BOOT_TIMEOUT });
    const key = await page.$$eval('main figure.chart rect.hit', (rs, known) => rs.map((r) => r.dataset.key).filter((k) => known.includes(k)).pop(), actionIds);
    const mark = page.locator(`main figure.chart rect.hit[data-key="${key}"]`).first();
    await mark.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.waitForFunction(() => scrollY > 1000);
    await mark.click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('view') === 'actions');
    const title = page.locator('article.action-detail #action-detail-title');
    await title.waitFor({ timeout: BOOT_TIMEOUT });
    await page.waitForFunction(() => document.activeElement?.matches('article.action-detail'));
    const at = await title.evaluate((el) => el.getBoundingClientRect().top);
    assert.ok(at >= 0 && at < 812, `the opened initiative's title is on the screen (at ${Math.round(at)} px)`);
  });
});

test("375 × 812: an initiative's details give its sources first and fold a long list of places", async (t) => {
  const server = await serve();
  const many = [...DATA.actions].sort((a, b) => b.areas.length - a.areas.length)[0];
  assert.ok(many.areas.length > 5, 'an initiative with many places');
  for (const lang of LANGS) {
    await withPage(t, { url: pageUrl(server, { view: 'actions', action: many.id, lang }), viewport: PHONE }, async (page) => {
      const detail = page.locator('article.action-detail');
      await detail.waitFor({ timeout: BOOT_TIMEOUT });
      const firstTerm = await detail.locator('dl.facts dt').first().innerText();
      assert.equal(firstTerm, lang === 'id' ? 'Sumber' : 'Sources', 'the sources come first');
      const visible = () => detail.locator('dd:has(.more-places) li').evaluateAll((lis) => lis.filter((li) => li.offsetParent).length);
      assert.equal(await visible(), 5, 'five places shown');
      const more = detail.locator('.more-places summary');
      const word = lang === 'id' ? `semua ${many.areas.length} tempat` : `all ${many.areas.length} places`;
      assert.equal((await more.innerText()).trim(), word);
      await more.click();
      await page.waitForFunction((n) => [...document.querySelectorAll('dd:has(.more-places) li')].filter((li) => li.offsetParent).length === n, many.areas.length);
      await screenshot(page, `journey-detail-${lang}`);
    });
  }
});

test('negative control: a longer journey fails the count, and a tap off the screen is refused', async (t) => {
  const server = await serve();
  await withPage(t, { url: pageUrl(server, { lang: 'id' }), viewport: PHONE, contextOptions: touch }, async (page) => {
    await waitForView(page, 'overview');
    const j = new Journey(page);
    const chip = page.locator('section.hazards button.chip[data-hazard="flood"]');
    await assert.rejects(j.tap(chip, 'a chip below the fold'), /not on the screen/);
    assert.equal(j.taps, 0, 'a refused tap is not counted');
    for (let i = 0; i < 3; i++) await j.scrollTo(chip, 'the chip again');
    assert.throws(() => assertWithin(j, { taps: 4, scrolls: 2 }), /3 scrolls/);
    j.taps = 5;
    j.scrolls = 0;
    assert.throws(() => assertWithin(j, { taps: 4, scrolls: 2 }), /5 taps/);
  });
});

/** Scrolls the initiatives list down to its item `nth` (as far as a visitor would read: the
 *  page below `below` px) and waits until the position is kept in the history entry, which
 *  happens once the scroll has ended. Returns the position. */
async function downTheList(page, nth, below) {
  await page.locator('ul.action-list li.action-item').nth(nth).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.waitForFunction((min) => scrollY > min, below);
  const left = await page.evaluate(() => scrollY);
  await page.waitForFunction((y) => history.state === y, left);
  return left;
}

test('375 × 812: Back returns to where the visitor left a view, Forward to the top of the next', async (t) => {
  const server = await serve();
  await withPage(t, { url: pageUrl(server, { view: 'actions', lang: 'en' }), viewport: PHONE, contextOptions: touch }, async (page) => {
    await waitForView(page, 'actions');
    const left = await downTheList(page, 12, 1500);
    // Opened from where the visitor is (as from the keyboard): the test's own click would
    // first scroll the page up to the tab, and that top would be where the list was left.
    await page.locator('nav.views a[href*="view=map"]').evaluate((a) => a.click());
    await waitForView(page, 'map');
    assert.equal(await openedAtTop(page), 0, 'the map opens at its top');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('view') === 'map');
    await page.goBack();
    await waitForView(page, 'actions');
    await page.waitForFunction((y) => Math.abs(scrollY - y) <= 2, left);
    await page.goForward();
    await waitForView(page, 'map');
    await page.waitForFunction(() => scrollY === 0);
  });
});

test('375 × 812: a reload keeps where the visitor was in the list', async (t) => {
  const server = await serve();
  await withPage(t, { url: pageUrl(server, { view: 'actions', lang: 'id' }), viewport: PHONE, contextOptions: touch }, async (page) => {
    await waitForView(page, 'actions');
    const left = await downTheList(page, 10, 1200);
    await page.reload();
    await waitForView(page, 'actions');
    await page.waitForFunction((y) => Math.abs(scrollY - y) <= 2, left);
  });
});

/** Waits until "Open your data" (the panel, loaded on demand) shows its title on the screen. */
async function openDataOnScreen(page) {
  await page.locator('#open-data h2').waitFor({ timeout: BOOT_TIMEOUT });
  await page.waitForFunction(() => {
    const r = document.querySelector('#open-data h2').getBoundingClientRect();
    return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight;
  }, null, { timeout: BOOT_TIMEOUT });
  assert.equal(await page.evaluate(() => document.querySelector('main h1').textContent.length > 0 && !!document.querySelector('details.source-fold')), true, 'in Sources & method');
}

for (const lang of LANGS) {
  test(`375 × 812 · ${lang}: "Open your data" in ≤ 2 taps from the overview (the menu), or from the overview's own link`, async (t) => {
    const server = await serve();
    await withPage(t, { url: pageUrl(server, { lang }), viewport: PHONE, contextOptions: touch }, async (page) => {
      await waitForView(page, 'overview');
      const j = new Journey(page);
      await j.tap(page.locator('button.menu-button'), 'the menu');
      const link = page.locator('.header-tools a.open-data-link');
      await link.waitFor();
      assert.equal((await link.innerText()).trim(), lang === 'id' ? 'Buka data Anda' : 'Open your data');
      await j.tap(link, 'Open your data');
      await openDataOnScreen(page);
      assertWithin(j, { taps: 2, scrolls: 0 });
      await screenshot(page, `journey-open-data-menu-${lang}`);
    });
    await withPage(t, { url: pageUrl(server, { lang }), viewport: PHONE, contextOptions: touch }, async (page) => {
      await waitForView(page, 'overview');
      const j = new Journey(page);
      const link = page.locator('main .overview-open-data a');
      await j.scrollTo(link, 'the overview’s link');
      await j.tap(link, 'Open your data');
      await openDataOnScreen(page);
      assertWithin(j, { taps: 1, scrolls: 1 });
    });
  });
}

test('1280: the overview\'s link opens "Open your data" (the header keeps one row); a link to it opens the sources there', async (t) => {
  const server = await serve();
  await withPage(t, { url: pageUrl(server, { lang: 'en' }), viewport: { width: 1280, height: 800 } }, async (page) => {
    await waitForView(page, 'overview');
    assert.equal(await page.locator('.header-tools a.open-data-link').isVisible(), false, 'not in the wide header');
    await page.locator('main .overview-open-data a').click();
    await openDataOnScreen(page);
    await screenshot(page, 'journey-open-data-1280');
  });
  await withPage(t, { url: `${server.url}?view=sources&lang=id#open-your-data`, viewport: PHONE }, async (page) => {
    await openDataOnScreen(page);
  });
});
