// What the sources confirm, on screen: the two rankings of shocks and stresses side by side,
// each naming its source, and every initiative's tie to the strategy in words with a legend.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serve, withPage, waitForPillars, screenshot } from './lib.mjs';

const RANKINGS = {
  id: {
    main: { title: 'Ancaman utama menurut ringkasan strategi', items: ['Banjir', 'Gempa bumi'] },
    pra: {
      title: 'Tiga teratas penilaian awal ketahanan (PRA)',
      items: ['Kerusuhan sipil', 'Wabah penyakit', 'Banjir', 'Akses terhadap pangan yang aman dan bermutu',
        'Akses terhadap air bersih yang berkelanjutan', 'Kemiskinan dan ketimpangan ekonomi'],
    },
  },
  en: {
    main: { title: 'Main threats in the strategy summary', items: ['Flooding', 'Earthquake'] },
    pra: {
      title: 'Top three of the preliminary resilience assessment (PRA)',
      items: ['Civil unrest', 'Disease outbreak', 'Flooding', 'Access to safe, quality food',
        'Access to sustainable clean water', 'Poverty and economic inequality'],
    },
  },
};

for (const lang of ['id', 'en']) {
  for (const vp of [{ width: 375, height: 812 }, { width: 1280, height: 900 }]) {
    test(`overview (${lang}, ${vp.width}px): both rankings, in order, each with its own source`, async (t) => {
      const server = await serve();
      await withPage(t, { url: `${server.url}?lang=${lang}`, viewport: vp }, async (page) => {
        await waitForPillars(page);
        const section = page.locator('section.hazards');
        const main = section.locator('article.ranking[data-ranking="strategy-main-threats"]');
        const pra = section.locator('article.ranking[data-ranking="pra-top-three"]');
        await main.waitFor();
        for (const [card, want, source] of [
          [main, RANKINGS[lang].main, /dml\.or\.id/],
          [pra, RANKINGS[lang].pra, /PreventionWeb/],
        ]) {
          assert.equal((await card.locator('h4').textContent()).trim(), want.title);
          const items = await card.locator('ol.ranking-list li').allInnerTexts();
          assert.deepEqual(items.map((s) => s.trim()), want.items, 'the items in the source\'s order');
          assert.match(await card.locator('.ranking-source').innerText(), source, 'names its source');
        }
        // Each card links to its own source, not the other's.
        assert.match(await main.locator('.ranking-source a').getAttribute('href'), /dml\.or\.id/);
        assert.match(await pra.locator('.ranking-source a').getAttribute('href'), /preventionweb\.net/);
        await screenshot(page, `data-fidelity-rankings-${lang}-${vp.width}`);
      });
    });
  }
}

test('initiatives: every entry shows its tie in words; the legend explains the five ties', async (t) => {
  const server = await serve();
  await withPage(t, { url: `${server.url}?view=actions&lang=en`, viewport: { width: 1280, height: 900 } }, async (page) => {
    const items = page.locator('.action-list .action-item');
    await items.first().waitFor();
    assert.equal(await items.count(), 48);
    // Entries off screen are not rendered until scrolled near (content-visibility), so
    // their words are read as text, and one far down the list is scrolled to and read as
    // shown.
    const ties = await items.locator('.tie').allTextContents();
    assert.equal(ties.length, 48, 'one tie label per initiative');
    const last = items.last();
    await last.scrollIntoViewIfNeeded();
    const shown = await page.waitForFunction(
      () => document.querySelector('.action-list .action-item:last-child .tie')?.innerText.trim() || null,
    );
    assert.equal(await shown.jsonValue(), ties[47].trim());
    const count = (label) => ties.filter((s) => s.trim() === label).length;
    assert.equal(count('Source: tied to the strategy'), 4);
    assert.equal(count('Source: tied to the programme'), 8);
    assert.equal(count('Source: Secretariat partnership'), 4);
    assert.equal(count('Source: only reported'), 2);
    assert.equal(count('Editors: by theme only'), 30);
    // No initiative claims "Confirmed" any more: the tags are the editors'.
    assert.equal(await items.locator('.badge.prov-confirmed').count(), 0);
    const legend = page.locator('details.tie-legend');
    await legend.locator('summary').click();
    assert.equal(await legend.locator('dt').count(), 5);
    assert.match(await legend.innerText(), /says it is part of, serves or complements the strategy itself/);
    await screenshot(page, 'data-fidelity-ties-en-1280');
  });
});

test('detail: the tie in words and a status marked as the editors\' inference', async (t) => {
  const server = await serve();
  const url = `${server.url}?view=actions&lang=id&action=forum-jakarta-berketahanan-gempa`;
  await withPage(t, { url, viewport: { width: 375, height: 812 } }, async (page) => {
    const detail = page.locator('.action-detail');
    await detail.waitFor();
    assert.match(await detail.locator('.tie-detail').innerText(), /Sumber: terkait strategi/);
    assert.match(await detail.locator('.status-basis').innerText(), /disimpulkan penyunting/);
    await screenshot(page, 'data-fidelity-detail-id-375');
  });
});

test('filter: "a source ties it to the strategy itself" keeps the four, from the link and from the panel', async (t) => {
  const server = await serve();
  for (const [lang, w] of [['en', 1280], ['id', 375]]) {
    await withPage(t, { url: `${server.url}?view=actions&lang=${lang}&tie=strategy`, viewport: { width: w, height: 812 } }, async (page) => {
      const items = page.locator('.action-list .action-item');
      await items.first().waitFor();
      assert.equal(await items.count(), 4);
      const ties = await items.locator('.tie').allInnerTexts();
      assert.equal(new Set(ties.map((s) => s.trim())).size, 1, 'all four carry the same tie');
    });
  }
  // From the panel: the tie group is folded; open it and tick the strongest tie.
  await withPage(t, { url: `${server.url}?view=actions&lang=en`, viewport: { width: 1280, height: 900 } }, async (page) => {
    const items = page.locator('.action-list .action-item');
    await items.first().waitFor();
    const before = await items.count();
    const box = page.locator('input[type="checkbox"][id^="f-tie-"]').first();
    const group = page.locator('details.facet', { has: box });
    await group.locator('summary').click();
    await box.check();
    await page.waitForFunction(() => document.querySelectorAll('.action-list .action-item').length === 4);
    assert.ok(before > 4, `the list had ${before} before`);
    await page.waitForFunction(() => new URL(location.href).searchParams.get('tie') === 'strategy');
  });
});
