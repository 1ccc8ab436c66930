// A long list stays usable: with 250 actions the list shows one page of 100, "show more" adds
// the next page, a filter change starts again at one page, and a link to an action beyond the
// first page still shows it in the list. The dataset is made by the test (Jakarta's records,
// each action repeated under new ids, marked synthetic) in a temporary copy of dist/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, serve, withPage, tempDir, screenshot } from './lib.mjs';

const TOTAL = 250;
const items = (page) => page.locator('ul.action-list > li.action-item');

function longDataset() {
  const d = JSON.parse(readFileSync(join(DIST, 'data', 'jakarta.json'), 'utf8'));
  const base = d.actions;
  d.meta.synthetic = true;
  d.actions = Array.from({ length: TOTAL }, (_, k) => {
    const a = structuredClone(base[k % base.length]);
    a.id = `${a.id}-t${k}`;
    return a;
  });
  return d;
}

async function site() {
  const dir = tempDir('jrs-long-list-');
  cpSync(DIST, dir, { recursive: true });
  writeFileSync(join(dir, 'data', 'long.json'), JSON.stringify(longDataset()));
  return serve({ dir });
}

test('250 actions: one page of 100, "show more" adds 100, a filter starts again at one page', async (t) => {
  const server = await site();
  await withPage(t, { url: `${server.url}?data=data/long.json&view=actions&lang=en` }, async (page) => {
    await page.locator('.result-count').waitFor();
    assert.match(await page.locator('.result-count').innerText(), /250/);
    assert.equal(await items(page).count(), 100, 'the first page');
    const more = page.locator('.show-more');
    assert.match(await more.innerText(), /Showing 100 of 250\./);
    await more.locator('button').click();
    await page.waitForFunction(() => document.querySelectorAll('ul.action-list > li.action-item').length === 200);
    assert.match(await more.innerText(), /Showing 200 of 250\./);
    await more.locator('button').click();
    await page.waitForFunction(() => document.querySelectorAll('ul.action-list > li.action-item').length === 250);
    assert.equal(await page.locator('.show-more').count(), 0, 'no button once all are shown');
    // Entries are unique and in dataset order.
    const ids = await items(page).evaluateAll((els) => els.map((e) => e.dataset.action));
    assert.equal(new Set(ids).size, 250);
    assert.equal(ids[0], longDataset().actions[0].id);
    assert.equal(ids[249], longDataset().actions[249].id);

    // Filtering by flood: the count says how many match; the list shows at most one page.
    await page.locator('.filter-panel label', { hasText: 'Flood' }).first().click();
    await page.waitForURL(/shock=flood/);
    const m = /^(\d+) of 250/.exec(await page.locator('.result-count').innerText());
    assert.ok(m, 'the result count names the matches');
    const matches = Number(m[1]);
    await page.waitForFunction((n) => document.querySelectorAll('ul.action-list > li.action-item').length === n, Math.min(matches, 100));
    if (matches > 100) {
      assert.match(await page.locator('.show-more').innerText(), new RegExp(`Showing 100 of ${matches}\\.`));
    }
    await screenshot(page, 'long-list-en');
  });
});

test('a link to the 180th action shows its details and keeps it in the list (Indonesian)', async (t) => {
  const server = await site();
  const target = longDataset().actions[179].id;
  await withPage(t, { url: `${server.url}?data=data/long.json&view=actions&lang=id&action=${encodeURIComponent(target)}` }, async (page) => {
    await page.locator('article.action-detail').waitFor();
    assert.equal(await items(page).count(), 200, 'two pages, so the selected entry is in the list');
    assert.equal(await page.locator(`li.action-item.selected[data-action="${target}"]`).count(), 1);
    assert.match(await page.locator('.show-more').innerText(), /Menampilkan 200 dari 250\./);
    assert.match(await page.locator('.show-more button').innerText(), /Tampilkan 50 lagi/);
    await screenshot(page, 'long-list-selected-id');
  });
});
