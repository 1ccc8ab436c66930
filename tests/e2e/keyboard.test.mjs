// Keyboard only (issue 11): the main tasks without a mouse, in one session at 1280 px —
// the skip link leads to the content; the navigation opens the list; a shock is filtered with
// Space in the filter panel; an action opens with Enter (the focus moves to its details) and
// closes (the focus returns to its entry); a map area is selected with Enter; a chart's CSV is
// downloaded; the high-contrast switch and the theme control work from the keyboard; the
// presentation starts with Enter, moves with the arrow keys and Escape leaves it (the focus
// returns to the Present button). After every key press the focus is somewhere (never <body>),
// visibly marked (an outline, a box shadow, or for chart marks and map areas the focus stroke
// they draw) and on screen. No mouse event is sent: only page.keyboard.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serve, withPage, screenshot } from './lib.mjs';
import { pageUrl, waitForView } from './a11y-lib.mjs';

/** Where the focus is, whether it is visibly marked, whether it is on screen. */
function focusState(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return { lost: true, desc: String(el?.tagName) };
    const s = getComputedStyle(el);
    const colourShown = (c) => c && c !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(c);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 && colourShown(s.outlineColor);
    const shadow = s.boxShadow !== 'none';
    // Chart marks draw a focus stroke; map areas draw a focus outline over the map.
    const stroke = el instanceof SVGElement && s.stroke !== 'none' && parseFloat(s.strokeWidth) >= 2;
    const mapRing = el.matches('path.area') && !!document.querySelector('.overlays .focus-line');
    const r = el.getBoundingClientRect();
    const onScreen = r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth && (r.width > 0 || r.height > 0);
    const label = (el.getAttribute('aria-label') || el.textContent || el.value || '').trim().replace(/\s+/g, ' ').slice(0, 40);
    const desc = `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.classList.length ? '.' + [...el.classList].join('.') : ''} "${label}"`;
    return { lost: false, visible: outline || shadow || stroke || mapRing, onScreen, desc };
  });
}

async function assertFocus(page, where) {
  const f = await focusState(page);
  assert.equal(f.lost, false, `${where}: the focus fell back to the page (${f.desc})`);
  assert.ok(f.visible, `${where}: no visible focus indicator on ${f.desc}`);
  assert.ok(f.onScreen, `${where}: the focused ${f.desc} is off screen`);
  return f;
}

const isFocused = (page, selector) => page.evaluate((sel) => !!document.activeElement?.matches(sel), selector);

/** Presses Tab (or Shift+Tab) until the focus is on `selector`, checking the focus each time. */
async function tabTo(page, selector, { back = false, max = 200, where = selector } = {}) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    await assertFocus(page, `${where}, ${back ? 'Shift+Tab' : 'Tab'} ${i + 1}`);
    if (await isFocused(page, selector)) return;
  }
  throw new Error(`${max} key presses did not reach ${selector}`);
}

const param = (page, name) => new URL(page.url()).searchParams.get(name);

test('keyboard only: skip link, filter, action, map area, CSV, contrast, theme, presentation', async (t) => {
  const server = await serve();
  await withPage(t, { url: pageUrl(server, { lang: 'id' }), contextOptions: { acceptDownloads: true } }, async (page) => {
    await waitForView(page, 'overview');

    await t.test('the skip link is the first stop and leads to the content', async () => {
      await page.keyboard.press('Tab');
      assert.ok(await isFocused(page, 'a.skip-link'), 'first Tab: the skip link');
      const f = await assertFocus(page, 'skip link');
      assert.match(f.desc, /Langsung ke konten|Lewati|konten/i);
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.id === 'main');
      await assertFocus(page, 'after the skip link');
      await page.keyboard.press('Tab');
      assert.ok(await page.evaluate(() => !!document.activeElement?.closest('#main')), 'the next Tab stays in the content');
      await assertFocus(page, 'first control of the content');
    });

    await t.test('the navigation opens the list of initiatives', async () => {
      await tabTo(page, 'nav.views a[href*="view=actions"]', { back: true, where: 'back to the navigation' });
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => new URL(location.href).searchParams.get('view') === 'actions');
      await waitForView(page, 'actions');
      await assertFocus(page, 'after opening the list');
      assert.equal(await page.getAttribute('nav.views a[href*="view=actions"]', 'aria-current'), 'page');
    });

    await t.test('Space on a shock in the filter panel filters the list', async () => {
      const before = await page.locator('.result-count').innerText();
      await tabTo(page, 'input#f-shock-0', { where: 'to the first shock' });
      await page.keyboard.press('Space');
      await page.waitForFunction(() => new URL(location.href).searchParams.get('shock') === 'flood');
      assert.ok(await isFocused(page, 'input#f-shock-0'), 'the focus stays on the checkbox');
      assert.equal(await page.locator('input#f-shock-0').isChecked(), true);
      await page.waitForFunction((b) => document.querySelector('.result-count').innerText !== b, before);
      await assertFocus(page, 'after filtering');
    });

    let actionId = null;
    await t.test('Enter opens an action; its details get the focus; closing returns it', async () => {
      await tabTo(page, '.action-list li.action-item a', { where: 'to the first initiative' });
      actionId = await page.evaluate(() => document.activeElement.closest('li').dataset.action);
      await page.keyboard.press('Enter');
      await page.waitForFunction((id) => new URL(location.href).searchParams.get('action') === id, actionId);
      await page.waitForFunction(() => document.activeElement?.matches('article.action-detail'));
      await assertFocus(page, 'the opened details');
      await screenshot(page, 'keyboard-action-open');
      await tabTo(page, 'article.action-detail button.close', { where: 'to the close button' });
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => !new URL(location.href).searchParams.has('action'));
      await page.waitForFunction(
        (id) => document.activeElement?.closest('li.action-item')?.dataset.action === id,
        actionId,
      );
      await assertFocus(page, 'back on the entry after closing');
    });

    await t.test('Enter on a map area selects it', async () => {
      await tabTo(page, 'nav.views a[href*="view=map"]', { back: true, where: 'back to the navigation' });
      await page.keyboard.press('Enter');
      await waitForView(page, 'map');
      await tabTo(page, 'path.area', { where: 'to the map (one tab stop)' });
      // The arrow keys move between neighbouring areas until one with initiatives.
      const keys = ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowDown'];
      let area = null;
      for (let i = 0; i < 60 && !area; i++) {
        area = await page.evaluate(() => {
          const el = document.activeElement;
          return el?.matches('path.area') && Number(el.dataset.count) > 0 ? el.dataset.area : null;
        });
        if (area) break;
        await page.keyboard.press(keys[i % keys.length]);
        await assertFocus(page, `to a map area, arrow ${i + 1}`);
      }
      assert.ok(area, 'an area with initiatives is reachable with Tab and the arrow keys');
      await page.keyboard.press('Enter');
      await page.waitForFunction((a) => new URL(location.href).searchParams.get('area') === a, area);
      assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-pressed')), 'true');
      await assertFocus(page, 'after selecting the area');
      await screenshot(page, 'keyboard-map-area');
    });

    await t.test('a chart CSV downloads from the keyboard', async () => {
      await tabTo(page, 'nav.views a[href*="view=charts"]', { back: true, max: 400, where: 'back to the navigation' });
      await page.keyboard.press('Enter');
      await waitForView(page, 'charts');
      await tabTo(page, 'button.chart-download[data-format="csv"]', { where: 'to a CSV download' });
      const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
      assert.match(download.suggestedFilename(), /\.csv$/);
      const text = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
      assert.ok(text.split('\n').filter((l) => l.trim()).length >= 2, 'a header and rows');
      await assertFocus(page, 'after the download');
    });

    await t.test('high contrast and the theme from the keyboard, kept in the URL', async () => {
      await tabTo(page, 'button.contrast-switch', { back: true, max: 400, where: 'back to the header' });
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => new URL(location.href).searchParams.get('contrast') === 'high');
      assert.equal(await page.getAttribute('button.contrast-switch', 'aria-pressed'), 'true');
      await assertFocus(page, 'after high contrast');
      await page.keyboard.press('Space');
      await page.waitForFunction(() => !new URL(location.href).searchParams.has('contrast'));
      await tabTo(page, 'select#theme-select', { where: 'to the theme control' });
      await page.keyboard.press('ArrowDown');
      await page.waitForFunction(() => new URL(location.href).searchParams.get('theme') === 'light');
      await page.keyboard.press('ArrowDown');
      await page.waitForFunction(() => new URL(location.href).searchParams.get('theme') === 'dark');
      assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
      await assertFocus(page, 'after choosing the dark theme');
      await screenshot(page, 'keyboard-dark-theme');
    });

    await t.test('Enter starts the presentation; arrows move; Escape leaves', async () => {
      await tabTo(page, 'a.present-button', { back: true, where: 'to the Present button' });
      await page.keyboard.press('Enter');
      await page.locator('.present main.present-stage').waitFor();
      // The address follows the page once it has painted the change.
      await page.waitForFunction(() => new URL(location.href).searchParams.get('present') === '1');
      assert.equal(param(page, 'present'), '1');
      await page.waitForFunction(() => document.activeElement && document.activeElement !== document.body);
      await assertFocus(page, 'when the presentation starts');
      assert.ok(await page.evaluate(() => !!document.activeElement.closest('.present')), 'the focus is in the presentation');
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction(() => document.querySelector('main.present-stage')?.dataset.step === '1');
      await assertFocus(page, 'on the second step');
      await tabTo(page, 'button.present-next', { where: 'to the Next button' });
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.querySelector('main.present-stage')?.dataset.step === '2');
      await assertFocus(page, 'after Next');
      // Started from the header, the deck is in full screen: the first Escape leaves full
      // screen only (the deck stays, the focus with it), the second leaves the deck.
      assert.equal(await page.evaluate(() => document.fullscreenElement !== null), true, 'the Present button asked for full screen');
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => document.fullscreenElement === null);
      assert.equal(await page.locator('.present').count(), 1, 'the first Escape leaves full screen only');
      await assertFocus(page, 'after leaving full screen');
      await page.keyboard.press('Escape');
      await page.locator('.site-header').waitFor();
      await page.waitForFunction(() => !new URL(location.href).searchParams.has('present'));
      assert.equal(param(page, 'present'), null);
      await page.waitForFunction(() => document.activeElement?.matches('a.present-button'));
      await assertFocus(page, 'back on the Present button');
    });
  });
});

test('keyboard only on a phone: skip link, then the folded filter panel opens with Enter', async (t) => {
  const server = await serve();
  const opts = { url: pageUrl(server, { view: 'actions', lang: 'en' }), viewport: { width: 375, height: 812 } };
  await withPage(t, opts, async (page) => {
    await waitForView(page, 'actions');
    await page.keyboard.press('Tab');
    assert.ok(await isFocused(page, 'a.skip-link'));
    await assertFocus(page, 'skip link on a phone');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'main');
    await tabTo(page, 'button.filter-toggle', { where: 'to the filter button' });
    assert.equal(await page.getAttribute('button.filter-toggle', 'aria-expanded'), 'false');
    await page.keyboard.press('Enter');
    assert.equal(await page.getAttribute('button.filter-toggle', 'aria-expanded'), 'true');
    await tabTo(page, 'input#f-pillar-0', { where: 'into the unfolded panel' });
    await page.keyboard.press('Space');
    await page.waitForFunction(() => new URL(location.href).searchParams.has('pillar'));
    await assertFocus(page, 'after filtering on a phone');
  });
});

test('negative control: a focused control without an outline fails the focus check', async (t) => {
  const server = await serve();
  await withPage(t, { url: pageUrl(server, { lang: 'en' }) }, async (page) => {
    await waitForView(page, 'overview');
    await page.keyboard.press('Tab');
    await assertFocus(page, 'skip link');
    // CSSOM (allowed under the CSP): what a stray `outline: none` would do.
    await page.evaluate(() => { document.activeElement.style.outline = 'none'; });
    await assert.rejects(assertFocus(page, 'skip link without outline'), /no visible focus indicator/);
    await page.evaluate(() => document.activeElement.blur());
    await assert.rejects(assertFocus(page, 'after blur'), /fell back to the page/);
  });
});
