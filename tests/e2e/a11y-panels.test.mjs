// Accessibility checked by machine (issue 11), part 2: axe-core with the WCAG 2.1 A/AA rules on
// the panels and dialogs people open — an action's details, filters set (chips, counts, options
// with zero), every chart shown as a table, a focused chart mark with its tooltip, the map's
// table with an area selected, the share and embed dialogs — in the light theme (Indonesian)
// and the dark theme (English), and the filter panel unfolded on a phone. Zero violations.
import { test } from 'node:test';
import { serve, withPage } from './lib.mjs';
import { THEMES, ACTION, pageUrl, scheme, waitForView, audit } from './a11y-lib.mjs';

const PANELS = [
  {
    name: 'an action with its details',
    view: 'actions',
    params: { action: ACTION },
    open: async (page) => page.locator('article.action-detail').waitFor(),
  },
  {
    name: 'filters set (chips, counts, options with zero)',
    view: 'actions',
    params: { shock: 'flood', status: 'ongoing', q: 'banjir' },
    open: async (page) => page.locator('.active-filters .chips').waitFor(),
  },
  {
    name: 'every chart shown as a table',
    view: 'charts',
    open: async (page) => {
      const toggles = page.locator('button.chart-table-toggle');
      const n = await toggles.count();
      for (let i = 0; i < n; i++) await toggles.nth(i).click();
      await page.waitForFunction((k) => document.querySelectorAll('.chart-table table').length === k, n);
    },
  },
  {
    name: 'a chart mark focused, with its tooltip',
    view: 'charts',
    open: async (page) => {
      await page.locator('figure.chart rect.hit[tabindex="0"]').first().focus();
      await page.locator('.chart-tooltip').first().waitFor();
    },
  },
  {
    name: 'the map with its table open and an area selected',
    view: 'map',
    open: async (page) => {
      await page.locator('.map-table summary').click();
      await page.locator('.map-table tbody button.select').first().click();
      await page.waitForFunction(() => new URL(location.href).searchParams.has('area'));
    },
  },
  {
    name: 'the share dialog',
    view: 'overview',
    open: async (page) => {
      await page.locator('.header-tools .share-button').click();
      await page.locator('dialog.share-dialog[open]').waitFor();
    },
  },
  {
    name: 'the embed dialog',
    view: 'charts',
    open: async (page) => {
      await page.locator('.header-tools .embed-button').click();
      await page.locator('dialog.embed-dialog[open]').waitFor();
    },
  },
];

for (const theme of THEMES) {
  test(`axe WCAG 2.1 AA: open panels and dialogs · ${theme}`, async (t) => {
    const server = await serve();
    const lang = theme === 'dark' ? 'en' : 'id';
    for (const p of PANELS) {
      await t.test(p.name, async (st) => {
        const url = pageUrl(server, { view: p.view, lang, ...(p.params ?? {}) });
        await withPage(st, { url, contextOptions: scheme(theme) }, async (page) => {
          await waitForView(page, p.view);
          await p.open(page);
          await audit(page, `${p.view}-${p.name}-${theme}`);
        });
      });
    }
  });
}

test('axe WCAG 2.1 AA: the filter panel unfolded on a 375 px phone', async (t) => {
  const server = await serve();
  const url = pageUrl(server, { view: 'actions', lang: 'id' });
  await withPage(t, { url, viewport: { width: 375, height: 812 } }, async (page) => {
    await waitForView(page, 'actions');
    await page.locator('button.filter-toggle').click();
    await page.locator('#filter-panel.open').waitFor();
    await audit(page, 'actions-phone-filters');
  });
});
