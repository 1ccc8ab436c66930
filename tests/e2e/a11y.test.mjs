// Accessibility checked by machine (issue 11), part 1: axe-core with the WCAG 2.0/2.1 A and AA
// rules (tags wcag2a, wcag2aa, wcag21a, wcag21aa) on every view, in Bahasa Indonesia and
// English, in the light and the dark theme (from prefers-color-scheme), every view reached by
// switching between them through the navigation. Zero violations; when there are some, each
// is printed with its rule, WCAG criteria and elements. A negative control proves the audit
// can fail.
// Part 2 (a11y-panels.test.mjs): the panels and dialogs people open. Part 3
// (a11y-modes.test.mjs): high contrast, presentation and embed modes. Part 4
// (a11y-layout.test.mjs): semantics, themes, reflow, text zoom, reduced motion. Keyboard-only
// use: keyboard.test.mjs. Colour contrast of the themes and palettes: tests/contrast.rs.
// (Several files because node --test gives each file, not each test, the time limit.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serve, withPage, screenshot } from './lib.mjs';
import { VIEWS, LANGS, THEMES, pageUrl, scheme, waitForView, goToView, audit } from './a11y-lib.mjs';

// One page per language and theme: the first view from its link, the others through the
// navigation (so switching views is audited too).
for (const lang of LANGS) {
  for (const theme of THEMES) {
    test(`axe WCAG 2.1 AA: every view · ${lang} · ${theme}`, async (t) => {
      const server = await serve();
      const url = pageUrl(server, { view: VIEWS[0], lang });
      await withPage(t, { url, contextOptions: scheme(theme) }, async (page) => {
        for (const [i, view] of VIEWS.entries()) {
          if (i === 0) await waitForView(page, view);
          else await goToView(page, view);
          await t.test(`${view}`, async () => {
            await audit(page, `${view}-${lang}-${theme}`);
          });
        }
        if (lang === 'en' && theme === 'dark') await screenshot(page, 'a11y-sources-en-dark');
      });
    });
  }
}

test('negative control: the audit fails on a nameless button and an image without alt', async (t) => {
  const server = await serve();
  await withPage(t, { url: pageUrl(server, { lang: 'id' }) }, async (page) => {
    await waitForView(page, 'overview');
    // Built with the DOM API (allowed under the CSP), as a careless component could.
    await page.evaluate(() => {
      const b = document.createElement('button');
      b.type = 'button';
      const img = document.createElement('img');
      img.src = 'favicon.svg';
      document.querySelector('#main').append(b, img);
    });
    await assert.rejects(audit(page, 'negative-control'), (e) => /button-name/.test(e.message) && /image-alt/.test(e.message));
  });
});
