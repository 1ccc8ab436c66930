// Accessibility checked by machine (issue 11), part 3: what axe does not judge.
//   * semantics: one <main id="main">, a site header, a labelled navigation and a footer; one
//     <h1> that comes before every other heading; no skipped heading levels; every table with
//     a caption and a scope on every header cell; every chart with a title, a text summary and
//     a table; the map with a name, an introduction and a table of its areas; the result count
//     a polite live region that changes with the filters; states on the header's controls;
//     every provenance badge and map legend entry has words (never colour alone);
//   * themes: prefers-color-scheme: dark is honoured, ?theme=light|dark overrides it both ways,
//     high contrast wins over both; the high-contrast and theme controls keep their choice in
//     the URL;
//   * reflow: no sideways scrolling of the page at 320 CSS px on every view (both languages,
//     embed mode too); at 200 % page zoom, emulated exactly as the browser does it (a 1280 px
//     window at 200 % lays out 640 CSS px at device scale factor 2); and at 200 % text size
//     (the browser's default font size set from 16 to 32 px through the DevTools protocol, as
//     the "font size" setting does; the stylesheet sizes type in rem), with no control clipping
//     its text. An inline style or a style tag cannot be used: the strict CSP blocks them;
//   * prefers-reduced-motion: no animation runs once a view is shown, the loading spinner stops,
//     smooth scrolling is off; as a control, the spinner spins without the preference.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BOOT_TIMEOUT, serve, withPage, screenshot, assertNoSidewaysScroll } from './lib.mjs';
import { VIEWS, LANGS, pageUrl, waitForView, goToView } from './a11y-lib.mjs';

// ---- semantics -----------------------------------------------------------------------------
/** Headings, landmarks and tables of the page as it is now. */
async function structure(page) {
  return page.evaluate(() => {
    const shown = (el) => el.getClientRects().length > 0;
    const headings = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
      .filter(shown)
      .map((h) => ({ level: Number(h.tagName[1]), text: h.textContent.trim().slice(0, 60) }));
    const tables = [...document.querySelectorAll('table')].map((tb) => ({
      caption: tb.querySelector(':scope > caption')?.textContent.trim() ?? '',
      unscoped: [...tb.querySelectorAll('th')].filter(
        (th) => !['col', 'row', 'colgroup', 'rowgroup'].includes(th.getAttribute('scope')),
      ).length,
      headers: tb.querySelectorAll('th').length,
    }));
    return {
      mains: document.querySelectorAll('main, [role="main"]').length,
      mainId: document.querySelector('main')?.id ?? null,
      banners: document.querySelectorAll('header.site-header').length,
      navs: document.querySelectorAll('nav[aria-label]').length,
      footers: document.querySelectorAll('footer.site-footer').length,
      skip: document.querySelector('a.skip-link')?.getAttribute('href') ?? null,
      headings,
      tables,
    };
  });
}

function checkHeadings(headings, where) {
  const ones = headings.filter((h) => h.level === 1);
  assert.equal(ones.length, 1, `${where}: exactly one <h1>, got ${JSON.stringify(ones)}`);
  assert.equal(
    headings[0].level,
    1,
    `${where}: the <h1> comes before every other heading; the page starts with ${JSON.stringify(headings.slice(0, 3))}`,
  );
  for (let i = 1; i < headings.length; i++) {
    const [a, b] = [headings[i - 1], headings[i]];
    assert.ok(b.level <= a.level + 1, `${where}: the headings jump from h${a.level} "${a.text}" to h${b.level} "${b.text}"`);
  }
}

test('semantics: landmarks, heading order, tables, text alternatives, states', async (t) => {
  const server = await serve();
  await withPage(t, { url: pageUrl(server, { view: VIEWS[0], lang: 'en' }) }, async (page) => {
    for (const [i, view] of VIEWS.entries()) {
      if (i === 0) await waitForView(page, view);
      else await goToView(page, view);
      await t.test(view, async () => {
        if (view === 'charts') {
          const toggles = page.locator('button.chart-table-toggle');
          for (let k = 0; k < (await toggles.count()); k++) await toggles.nth(k).click();
          await page.locator('.chart-table table').first().waitFor();
        }
        if (view === 'map') await page.locator('.map-table summary').click();
        const s = await structure(page);
        assert.equal(s.mains, 1, 'one main landmark');
        assert.equal(s.mainId, 'main', 'main is the skip link target');
        assert.equal(s.skip, '#main', 'a skip link to the content');
        assert.equal(s.banners, 1, 'one site header');
        assert.ok(s.navs >= 1, 'a labelled navigation');
        assert.equal(s.footers, 1, 'one footer');
        for (const tb of s.tables) {
          assert.ok(tb.caption.length > 0, `${view}: every table has a caption`);
          assert.ok(tb.headers > 0, `${view}: every table has header cells`);
          assert.equal(tb.unscoped, 0, `${view}: every header cell of "${tb.caption}" has a scope`);
        }
        if (view === 'charts') {
          const figs = await page.locator('figure.chart').evaluateAll((fs) =>
            fs.map((f) => ({
              name: f.dataset.chart,
              title: f.querySelector('figcaption .chart-title')?.textContent.trim() ?? '',
              summary: f.querySelector('figcaption .chart-summary')?.textContent.trim() ?? '',
              table: !!f.querySelector('.chart-table table caption'),
              drawing: f.querySelector('.chart-svg')?.getAttribute('aria-hidden'),
            })),
          );
          assert.ok(figs.length >= 5, `${figs.length} charts`);
          for (const f of figs) {
            assert.ok(f.title && f.summary.length > 20, `chart ${f.name} has a title and a text summary`);
            assert.ok(f.table, `chart ${f.name} has a table with a caption`);
            assert.equal(f.drawing, 'true', `chart ${f.name}: the drawing itself is hidden from screen readers (its marks and table speak)`);
          }
        }
        if (view === 'map') {
          const rows = await page.locator('.map-table tbody tr').count();
          const areas = await page.locator('svg.map-svg path.area').count();
          assert.ok(rows >= areas && rows > 0, `the map has a table of its ${areas} areas (${rows} rows)`);
          assert.equal(await page.locator('svg.map-svg[aria-label]').count(), 1, 'the map has a name');
          assert.ok((await page.locator('.map-intro').innerText()).length > 20, 'the map has a text introduction');
          const unnamed = await page.locator('svg.map-svg path.area:not([aria-label])').count();
          assert.equal(unnamed, 0, 'every area has a name with its count');
        }
        // Never colour alone: every provenance badge and map legend entry says what it means.
        const wordless = await page.evaluate(() =>
          [...document.querySelectorAll('.badge, .legend-items li')]
            .filter((el) => el.getClientRects().length > 0 && el.textContent.trim() === '')
            .map((el) => el.outerHTML.slice(0, 80)),
        );
        assert.deepEqual(wordless, [], `${view}: badges or legend entries without words`);
        if (['actions', 'charts', 'map'].includes(view)) {
          const live = page.locator('.result-count[role="status"][aria-live="polite"]');
          assert.equal(await live.count(), 1, `${view}: the result count is a polite live region`);
        }
        const current = page.locator('nav.views a[aria-current="page"]');
        assert.equal(await current.count(), 1, 'one navigation link is aria-current=page');
        const href = await current.getAttribute('href');
        assert.equal(new URLSearchParams(href.replace(/^[^?]*\??/, '')).get('view') ?? 'overview', view);
        assert.equal(await page.getAttribute('button.contrast-switch', 'aria-pressed'), 'false');
        assert.equal(await page.locator('#theme-select').count(), 1, 'the theme control');
        checkHeadings(s.headings, view);
      });
    }
  });
});

test('semantics: the live region announces the new count when a filter changes', async (t) => {
  const server = await serve();
  await withPage(t, { url: pageUrl(server, { view: 'actions', lang: 'en' }) }, async (page) => {
    await waitForView(page, 'actions');
    const live = page.locator('.result-count[role="status"]');
    const before = await live.innerText();
    await page.locator('#f-shock-0').check();
    await page.waitForFunction((b) => document.querySelector('.result-count').innerText !== b, before);
    assert.match(await live.innerText(), /\d+/);
    assert.equal(await page.locator('#f-shock-0').isChecked(), true);
    assert.equal(await page.locator('.result-count[role="status"]').count(), 1, 'the same live region, not a new one');
  });
});

// ---- themes --------------------------------------------------------------------------------
const bodyBackground = (page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

test('themes: prefers-color-scheme: dark is honoured and ?theme= overrides it both ways', async (t) => {
  const server = await serve();
  const cases = [
    { colorScheme: 'light', params: {}, want: 'rgb(255, 255, 255)' },
    { colorScheme: 'dark', params: {}, want: 'rgb(18, 21, 26)' },
    { colorScheme: 'light', params: { theme: 'dark' }, want: 'rgb(18, 21, 26)' },
    { colorScheme: 'dark', params: { theme: 'light' }, want: 'rgb(255, 255, 255)' },
    { colorScheme: 'light', params: { contrast: 'high' }, want: 'rgb(0, 0, 0)' },
    { colorScheme: 'dark', params: { contrast: 'high', theme: 'light' }, want: 'rgb(0, 0, 0)' },
  ];
  for (const c of cases) {
    const url = pageUrl(server, { lang: 'id', ...c.params });
    await withPage(t, { url, contextOptions: { colorScheme: c.colorScheme } }, async (page) => {
      await waitForView(page, 'overview');
      assert.equal(await bodyBackground(page), c.want, `system ${c.colorScheme}, ${JSON.stringify(c.params)}`);
    });
  }
});

test('themes: the high-contrast and theme controls keep their choice in the URL', async (t) => {
  const server = await serve();
  await withPage(t, { url: pageUrl(server, { lang: 'en' }), contextOptions: { colorScheme: 'light' } }, async (page) => {
    await waitForView(page, 'overview');
    const hc = page.locator('button.contrast-switch');
    assert.equal(await hc.getAttribute('aria-pressed'), 'false');
    await hc.click();
    await page.waitForURL(/contrast=high/);
    assert.equal(await hc.getAttribute('aria-pressed'), 'true');
    assert.equal(await page.getAttribute('html', 'data-contrast'), 'high');
    await screenshot(page, 'a11y-high-contrast-1280');
    await hc.click();
    await page.waitForURL((u) => !u.searchParams.has('contrast'));
    assert.equal(await hc.getAttribute('aria-pressed'), 'false');

    const select = page.locator('#theme-select');
    assert.equal(await select.inputValue(), 'auto');
    assert.match(await page.locator('label[for="theme-select"]').innerText(), /Theme/);
    await select.selectOption('dark');
    await page.waitForURL(/theme=dark/);
    assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
    assert.equal(await bodyBackground(page), 'rgb(18, 21, 26)');
    await screenshot(page, 'a11y-theme-dark-1280');
    // The link reproduces it.
    await page.reload();
    await waitForView(page, 'overview');
    assert.equal(await page.locator('#theme-select').inputValue(), 'dark');
    assert.equal(await bodyBackground(page), 'rgb(18, 21, 26)');
    await page.locator('#theme-select').selectOption('auto');
    await page.waitForURL((u) => !u.searchParams.has('theme'));
    assert.equal(await page.getAttribute('html', 'data-theme'), null);
  });
});

// ---- reflow --------------------------------------------------------------------------------
// assertNoSidewaysScroll (lib.mjs) names what sticks out; guards.test.mjs shows it can fail.

for (const lang of LANGS) {
  test(`reflow: every view at 320 CSS px without sideways scrolling · ${lang}`, async (t) => {
    const server = await serve();
    const viewport = { width: 320, height: 640 };
    await withPage(t, { url: pageUrl(server, { view: VIEWS[0], lang }), viewport }, async (page) => {
      for (const [i, view] of VIEWS.entries()) {
        if (i === 0) await waitForView(page, view);
        else await goToView(page, view);
        await assertNoSidewaysScroll(page, `${view} at 320 px`);
        if (lang === 'id') await screenshot(page, `a11y-reflow-320-${view}`);
        if (view === 'actions') {
          await page.locator('button.filter-toggle').click();
          await assertNoSidewaysScroll(page, 'actions with the filter panel open at 320 px');
        }
      }
    });
    await withPage(t, { url: pageUrl(server, { embed: '1', lang }), viewport }, async (page) => {
      await waitForView(page, 'overview');
      await assertNoSidewaysScroll(page, 'embed mode at 320 px');
    });
  });
}

test('reflow: 200 % page zoom (a 1280 px window at 200 % = 640 CSS px at scale factor 2)', async (t) => {
  const server = await serve();
  const opts = {
    url: pageUrl(server, { view: VIEWS[0], lang: 'id' }),
    viewport: { width: 640, height: 400 },
    contextOptions: { deviceScaleFactor: 2 },
  };
  await withPage(t, opts, async (page) => {
    assert.equal(await page.evaluate(() => window.devicePixelRatio), 2);
    for (const [i, view] of VIEWS.entries()) {
      if (i === 0) await waitForView(page, view);
      else await goToView(page, view);
      await assertNoSidewaysScroll(page, `${view} at 200 % zoom`);
    }
  });
});

test('reflow: 200 % text size (default font 16 → 32 px) at 1280 px, no control clips its text', async (t) => {
  const server = await serve();
  await withPage(t, { viewport: { width: 1280, height: 800 }, allowOrigins: [server.url] }, async (page) => {
    // Set once the page's own renderer runs (a setting made on about:blank is lost when the
    // page loads in another process), then load the page again with it.
    await page.goto(pageUrl(server, { view: VIEWS[0], lang: 'id' }), { waitUntil: 'load', timeout: BOOT_TIMEOUT });
    await waitForView(page, VIEWS[0]);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
    await page.reload({ waitUntil: 'load', timeout: BOOT_TIMEOUT });
    for (const [i, view] of VIEWS.entries()) {
      if (i === 0) await waitForView(page, view);
      else {
        await goToView(page, view);
        // The emulated setting does not survive a history entry change (a real browser
        // setting does): set it again.
        await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      }
      const root = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
      assert.equal(root, 32, `${view}: the root text is twice the default size`);
      const body = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('main p') ?? document.body).fontSize));
      assert.ok(body >= 28, `${view}: body text follows the setting (${body} px)`);
      await assertNoSidewaysScroll(page, `${view} at 200 % text`);
      const clipped = await page.evaluate(() =>
        [...document.querySelectorAll('button, a.button, nav.views a, select, label, .chip, .badge')]
          .filter((el) => el.getClientRects().length > 0 && el.offsetWidth > 2)
          .filter((el) => !el.closest('.visually-hidden, .skip-map, .skip-link'))
          .filter((el) => {
            const s = getComputedStyle(el);
            const clips = s.overflowX !== 'visible' || s.textOverflow === 'ellipsis';
            return clips && el.scrollWidth > el.clientWidth + 2;
          })
          .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${el.textContent.trim().slice(0, 30)}"`),
      );
      assert.deepEqual(clipped, [], `${view}: controls that cut off their text at 200 % text`);
      if (view === 'overview' || view === 'actions') await screenshot(page, `a11y-text-200-${view}`);
    }
  });
});

// ---- reduced motion --------------------------------------------------------------------------
const spinnerAnimation = (page) =>
  page.evaluate(() => {
    // The loading spinner is gone once the data is in: add one to read its computed style.
    const s = document.createElement('div');
    s.className = 'spinner';
    document.body.append(s);
    const name = getComputedStyle(s).animationName;
    s.remove();
    return name;
  });

test('prefers-reduced-motion: no animation runs on any view; the spinner stops', async (t) => {
  const server = await serve();
  const reduce = { reducedMotion: 'reduce' };
  const running = (page) =>
    page.evaluate(() =>
      document.getAnimations().map((a) => `${a.animationName ?? a.transitionProperty ?? 'animation'} on ${a.effect?.target?.className ?? ''}`),
    );
  await withPage(t, { url: pageUrl(server, { view: VIEWS[0], lang: 'id' }), contextOptions: reduce }, async (page) => {
    assert.equal(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches), true);
    for (const [i, view] of VIEWS.entries()) {
      if (i === 0) await waitForView(page, view);
      else await goToView(page, view);
      assert.deepEqual(await running(page), [], `${view}: animations running with reduced motion`);
    }
    assert.equal(await spinnerAnimation(page), 'none', 'the spinner does not spin');
    assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior), 'auto');
  });
  await withPage(t, { url: pageUrl(server, { present: '1', lang: 'id' }), contextOptions: reduce }, async (page) => {
    await waitForView(page, 'present');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector('main.present-stage')?.dataset.step === '1');
    assert.deepEqual(await running(page), [], 'presentation: animations running with reduced motion');
  });
  // Control: without the preference the spinner spins (so the check above can fail).
  await withPage(t, { url: pageUrl(server, { lang: 'id' }), contextOptions: { reducedMotion: 'no-preference' } }, async (page) => {
    await waitForView(page, 'overview');
    assert.equal(await spinnerAnimation(page), 'spin');
  });
});
