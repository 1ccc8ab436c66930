// The facet table in the browser: the focus-area facet (declared once in src/model/facet.rs)
// shows in the filter panel with counts, filters the list, becomes a chip and a link; a link
// with unknown values is cleaned the same way on a first load and on back/forward (the
// address shows what is shown, and the notice says what was ignored).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, withPage, screenshot, waitForPillars, DIST } from './lib.mjs';

const data = JSON.parse(readFileSync(join(DIST, 'data', 'jakarta.json'), 'utf8'));
const withFocus = (id) => data.actions.filter((a) => (a.focus_areas ?? []).includes(id)).length;
const count = async (page) => page.locator('ul.action-list > li.action-item').count();

test('the focus-area facet filters the list, counts its options and makes a link', async (t) => {
  const server = await serve();
  const focus = data.focus_areas.find((f) => withFocus(f.id) > 0 && withFocus(f.id) < data.actions.length);
  assert.ok(focus, 'the bundled data has a focus area that narrows the list');
  for (const [lang, label] of [['id', 'Fokus utama'], ['en', 'Focus area']]) {
    await withPage(t, { url: `${server.url}?view=actions&lang=${lang}` }, async (page) => {
      await page.locator('.result-count').waitFor();
      const group = page.locator('.filter-panel details.facet', { hasText: label });
      assert.equal(await group.count(), 1, `one ${label} group in the panel`);
      await group.locator('summary').click();
      const name = focus.name[lang];
      const option = group.locator('.option', { hasText: name });
      assert.equal(
        (await option.locator('.count').innerText()).trim(),
        String(withFocus(focus.id)),
        'the option counts the actions with that focus area',
      );
      await option.locator('label').click();
      await page.waitForURL(new RegExp(`focus=${focus.id}`));
      await page.waitForFunction(
        (n) => document.querySelectorAll('ul.action-list > li.action-item').length === n,
        withFocus(focus.id),
      );
      assert.equal(await count(page), withFocus(focus.id));
      const chip = page.locator('.active-filters .chip.active', { hasText: name });
      assert.equal(await chip.count(), 1, 'the active focus area shows as a chip');
      await screenshot(page, `facets-focus-${lang}`);

      // The link reproduces the view; removing the chip restores the full list.
      const other = await page.context().newPage();
      await other.goto(page.url());
      await other.locator('.result-count').waitFor();
      assert.equal(await count(other), withFocus(focus.id), 'same list from the link');
      await other.close();
      await chip.click();
      await page.waitForFunction(() => !/focus=/.test(location.search));
      assert.equal(await count(page), Math.min(100, data.actions.length));
    });
  }
});

test('unknown link values are dropped on the first load and on back/forward alike', async (t) => {
  const server = await serve();
  await withPage(t, { url: `${server.url}?lang=en` }, async (page) => {
    await waitForPillars(page);
    const clean = (url) => new URL(url).search;

    // First load: the unknown focus area is dropped, the known one kept, and said so.
    await page.goto(`${server.url}?view=actions&lang=en&focus=mobility,atlantis`);
    await page.locator('.result-count').waitFor();
    await page.waitForFunction(() => !location.search.includes('atlantis'));
    assert.equal(clean(page.url()), '?view=actions&lang=en&focus=mobility');
    assert.match(await page.locator('.banner.notice').innerText(), /focus=atlantis/);
    assert.equal(await count(page), withFocus('mobility'));

    // A history entry with an unknown value (as an old or edited link would leave): going
    // back to it goes through the same check.
    await page.evaluate(() => {
      history.pushState(null, '', '?view=actions&lang=en&focus=governance,nowhere');
      history.pushState(null, '', '?view=actions&lang=en');
    });
    await page.goBack();
    await page.waitForFunction(() => location.search.includes('focus=governance') && !location.search.includes('nowhere'));
    assert.equal(clean(page.url()), '?view=actions&lang=en&focus=governance');
    await page.waitForFunction(
      (n) => document.querySelectorAll('ul.action-list > li.action-item').length === n,
      withFocus('governance'),
    );
    assert.match(await page.locator('.banner.notice').innerText(), /focus=nowhere/);
    assert.equal(await page.locator('.filter-panel input[type=checkbox]:checked').count(), 1);
  });
});
