// Accessibility checked by machine (issue 11), part 2: axe-core with the WCAG 2.1 A/AA rules in
// high-contrast mode (over the light and the dark system theme), in presentation mode (the
// first step in both languages and themes, every step in Indonesian, high contrast) and in
// embed mode (every view, without the site's chrome). Zero violations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serve, withPage } from './lib.mjs';
import { VIEWS, LANGS, THEMES, ACTION, PRESENT_STEPS, pageUrl, scheme, waitForView, goToView, audit } from './a11y-lib.mjs';

for (const theme of THEMES) {
  test(`axe WCAG 2.1 AA: high contrast over ${theme}`, async (t) => {
    const server = await serve();
    const url = pageUrl(server, { view: 'actions', lang: theme === 'dark' ? 'en' : 'id', contrast: 'high', action: ACTION });
    await withPage(t, { url, contextOptions: scheme(theme) }, async (page) => {
      await waitForView(page, 'actions');
      assert.equal(await page.getAttribute('html', 'data-contrast'), 'high');
      await t.test('actions with an action open', () => audit(page, `actions-high-contrast-${theme}`));
      for (const view of ['overview', 'charts', 'map']) {
        await goToView(page, view);
        await t.test(view, () => audit(page, `${view}-high-contrast-${theme}`));
      }
    });
  });
}

for (const lang of LANGS) {
  for (const theme of THEMES) {
    test(`axe WCAG 2.1 AA: presentation step 1 · ${lang} · ${theme}`, async (t) => {
      const server = await serve();
      const url = pageUrl(server, { present: '1', step: '0', lang });
      const opts = { url, viewport: { width: 1920, height: 1080 }, contextOptions: scheme(theme) };
      await withPage(t, opts, async (page) => {
        await waitForView(page, 'present');
        await audit(page, `present-0-${lang}-${theme}`);
      });
    });
  }
}

test('axe WCAG 2.1 AA: every presentation step (id), and high contrast', async (t) => {
  const server = await serve();
  const url = pageUrl(server, { present: '1', step: '0', lang: 'id' });
  await withPage(t, { url }, async (page) => {
    await waitForView(page, 'present');
    for (let step = 0; step < PRESENT_STEPS; step++) {
      if (step > 0) {
        await page.locator('button.present-next').click();
        await page.waitForFunction((s) => document.querySelector('main.present-stage')?.dataset.step === s, String(step));
      }
      if (step === 3) await page.locator('figure.chart .chart-svg svg').waitFor();
      if (step === 4) await page.locator('svg.map-svg path.area').first().waitFor({ state: 'attached' });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      await t.test(`step ${step + 1}`, () => audit(page, `present-step-${step + 1}`));
    }
  });
  await withPage(t, { url: pageUrl(server, { present: '1', lang: 'en', contrast: 'high' }) }, async (page) => {
    await waitForView(page, 'present');
    await t.test('step 1 in high contrast', () => audit(page, 'present-high-contrast'));
  });
});

test('axe WCAG 2.1 AA: embed mode, every view', async (t) => {
  const server = await serve();
  for (const [i, view] of VIEWS.entries()) {
    const lang = i % 2 ? 'id' : 'en';
    const theme = i % 3 ? 'light' : 'dark';
    await t.test(`${view} · ${lang} · ${theme}`, async (st) => {
      const url = pageUrl(server, { embed: '1', view, lang });
      await withPage(st, { url, viewport: { width: 800, height: 700 }, contextOptions: scheme(theme) }, async (page) => {
        await waitForView(page, view);
        assert.equal(await page.locator('.site-header').count(), 0, 'no site chrome when embedded');
        await audit(page, `embed-${view}-${lang}-${theme}`);
      });
    });
  }
});
