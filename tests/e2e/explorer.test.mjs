// The explorer's core journey: filter by a shock, the list shrinks, open an action, copy the
// link, open it in a new page and get the same view; back/forward; both languages; phones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serve, withPage, waitForPillars, screenshot } from './lib.mjs';

const count = async (page) => page.locator('ul.action-list > li.action-item').count();
const resultText = async (page) => page.locator('.result-count').innerText();

async function openActions(page, url) {
  await page.goto(url);
  await page.locator('.result-count').waitFor();
}

test('filter by a shock, open an action, the copied link reproduces the view', async (t) => {
  const server = await serve();
  await withPage(t, { url: server.url + '?view=actions&lang=id', contextOptions: { locale: 'id-ID' } }, async (page) => {
    const context = page.context();
    await page.locator('.result-count').waitFor();
    const all = await count(page);
    assert.equal(all, 48, 'all 48 aligned initiatives listed without filters');
    assert.match(await resultText(page), /^48 dari 48 inisiatif ditampilkan$/);

    // Filter by the shock "Banjir" (flood).
    await page.locator('.filter-panel label', { hasText: 'Banjir' }).first().click();
    await page.waitForURL(/shock=flood/);
    const flooded = await count(page);
    assert.ok(flooded > 0 && flooded < all, `list shrinks (${flooded} of ${all})`);
    assert.match(await resultText(page), new RegExp(`^${flooded} dari 48 inisiatif ditampilkan$`));
    // The active filter shows as a removable chip.
    assert.equal(await page.locator('.active-filters .chip.active', { hasText: 'Banjir' }).count(), 1);

    // Open the first action.
    const first = page.locator('ul.action-list > li.action-item a').first();
    const title = (await first.innerText()).trim();
    await first.click();
    await page.waitForURL(/action=/);
    const detail = page.locator('article.action-detail');
    await detail.waitFor();
    assert.equal((await detail.locator('h2').innerText()).trim(), title);
    assert.ok((await detail.locator('.source-list li').count()) >= 1, 'the detail lists its sources');
    assert.equal(await detail.locator('.provenance .badge').first().isVisible(), true, 'provenance badge shown');
    await screenshot(page, 'explorer-filtered-detail-id');

    // "Copy the link": the URL is the link. Open it in a new page.
    const link = page.url();
    const other = await context.newPage();
    await other.goto(link);
    await other.locator('article.action-detail h2').waitFor();
    assert.equal((await other.locator('article.action-detail h2').innerText()).trim(), title);
    assert.equal(await count(other), flooded, 'same filtered list in the new page');
    assert.equal(await other.locator('.filter-panel input[type=checkbox]:checked').count(), 1);
    await other.close();
  });
});

test('back and forward restore filters and the selected action', async (t) => {
  const server = await serve();
  await withPage(t, { url: server.url + '?lang=id' }, async (page) => {
    await waitForPillars(page);
    // From the overview, a shock chip opens the filtered list.
    await page.locator('.hazards button.chip', { hasText: 'Gempa bumi' }).click();
    await page.waitForURL(/view=actions.*shock=earthquake/);
    const quake = await count(page);
    assert.ok(quake > 0);
    await page.locator('ul.action-list > li.action-item a').first().click();
    await page.waitForURL(/action=/);
    await page.goBack();
    await page.waitForURL((u) => !/action=/.test(u.toString()));
    assert.equal(await page.locator('article.action-detail').count(), 0, 'detail closed after back');
    assert.equal(await count(page), quake);
    await page.goBack();
    await waitForPillars(page);
    assert.ok(!/shock=/.test(page.url()), 'back at the unfiltered overview');
    await page.goForward();
    await page.waitForURL(/shock=earthquake/);
    assert.equal(await count(page), quake, 'forward restores the filtered list');
  });
});

test('a pillar card opens the list filtered by that pillar alone', async (t) => {
  const server = await serve();
  // A filter set before (here a status) is replaced, not combined.
  await withPage(t, { url: server.url + '?lang=en&status=ongoing' }, async (page) => {
    await waitForPillars(page);
    const button = page.locator('article.pillar-card[data-pillar="siap"] a.button');
    const said = Number((await button.innerText()).match(/^(\d+) related initiatives$/)?.[1]);
    assert.ok(said > 0, 'the card says how many initiatives serve the pillar');
    const href = await button.getAttribute('href');
    await button.click();
    await page.waitForURL(/view=actions/);
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('pillar'), 'siap');
    assert.equal(url.searchParams.get('status'), null, 'the earlier filter is gone');
    assert.equal(url.search, new URL(href, page.url()).search, 'the click goes where the link points');
    await page.locator('.result-count').waitFor();
    assert.equal(await count(page), said, 'the list holds as many as the card said');
  });
});

test('both languages: switch, URL parameter, html lang and live-region wording', async (t) => {
  const server = await serve();
  await withPage(t, { url: server.url + '?view=actions', contextOptions: { locale: 'id-ID' } }, async (page) => {
    await page.locator('.result-count').waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'id');
    assert.match(await resultText(page), /inisiatif ditampilkan/);
    await page.locator('button.lang-switch').click();
    await page.waitForURL(/lang=en/);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.match(await resultText(page), /^48 of 48 initiatives shown$/);
    assert.equal(await page.locator('nav.views a[aria-current=page]').innerText(), 'Initiatives');
    await screenshot(page, 'explorer-actions-en');
  });
  // An English browser gets English by default; ?lang=id overrides it.
  await withPage(t, { url: server.url, contextOptions: { locale: 'en-GB' } }, async (page) => {
    await waitForPillars(page);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await page.goto(server.url + '?lang=id');
    await waitForPillars(page);
    assert.equal(await page.getAttribute('html', 'lang'), 'id');
  });
});

test('search ignores case and diacritics; clear all restores the list', async (t) => {
  const server = await serve();
  await withPage(t, { url: server.url + '?view=actions&lang=id' }, async (page) => {
    await page.locator('.result-count').waitFor();
    await page.fill('#filter-search', 'SIAGA BÉNCANA');
    await page.waitForURL(/q=/);
    const n = await count(page);
    assert.ok(n >= 1 && n < 48, `search narrows the list (${n})`);
    const titles = await page.locator('ul.action-list .action-title').allInnerTexts();
    assert.ok(titles.some((s) => /siaga bencana/i.test(s)), 'a matching title is listed');
    await page.locator('button.clear-all').click();
    await page.waitForFunction(() => document.querySelectorAll('ul.action-list > li').length === 48);
  });
});

test('unknown link parameters are ignored and invalid values dropped with a notice', async (t) => {
  const server = await serve();
  await withPage(t, { url: server.url + '?view=actions&lang=id&utm_source=x&shock=banjr&action=nope' }, async (page) => {
    await page.locator('.result-count').waitFor();
    assert.equal(await count(page), 48, 'the invalid shock is not applied');
    const notice = page.locator('.banner.notice');
    await notice.waitFor();
    const text = await notice.innerText();
    assert.match(text, /shock=banjr/);
    assert.match(text, /action=nope/);
    assert.doesNotMatch(text, /utm_source/);
  });
});

test('phone at 375 px: filters fold away, no horizontal scrolling, targets are large', async (t) => {
  const server = await serve();
  const viewport = { width: 375, height: 812 };
  await withPage(t, { url: server.url + '?view=actions&lang=id', viewport }, async (page) => {
    await page.locator('.result-count').waitFor();
    const toggle = page.locator('button.filter-toggle');
    assert.equal(await toggle.isVisible(), true, 'filter toggle shown on phones');
    assert.equal(await page.locator('#filter-panel').isVisible(), false, 'panel folded');
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    await page.locator('#filter-panel label', { hasText: 'Kebakaran' }).click();
    await page.waitForURL(/shock=fire/);
    const overflow = await page.evaluate(() => document.scrollingElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no horizontal page scroll (overflow ${overflow}px)`);
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('button, nav.views a, .action-item a, select, input[type=search]')]
        .filter((e) => e.offsetParent !== null)
        .map((e) => e.getBoundingClientRect())
        .filter((r) => r.height < 44).length,
    );
    assert.equal(small, 0, 'every visible control is at least 44 px high');
    await screenshot(page, 'explorer-phone-375');
  });
});

test('every view renders in both languages without console errors', async (t) => {
  const server = await serve();
  for (const lang of ['id', 'en']) {
    for (const view of ['overview', 'actions', 'charts', 'map', 'timeline', 'sources']) {
      await withPage(t, { url: `${server.url}?view=${view}&lang=${lang}` }, async (page) => {
        await page.locator('main#main').waitFor();
        await page.waitForFunction(() => !document.querySelector('.loading'));
        assert.equal(await page.locator('nav.views a[aria-current=page]').count(), 1);
        const h1 = await page.locator('main h1').count();
        assert.ok(h1 >= 1, `${view}/${lang} has a heading`);
        await screenshot(page, `view-${view}-${lang}`);
      });
    }
  }
});
