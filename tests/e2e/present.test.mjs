// Presentation mode and print (issue 8): ?present=1 moves through all seven steps by keyboard
// (arrows, Page Up/Down as sent by clickers, Space, Home/End), the step is in the URL, steps
// respond to clicks, Escape leaves, type is projector-sized at 1920×1080; and every view
// prints as a clean A4 page (PDFs saved next to the screenshots).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { serve, withPage, waitForPillars, screenshot, SCREENSHOTS, BOOT_TIMEOUT, pressUntil } from './lib.mjs';

const PROJECTOR = { width: 1920, height: 1080 };
const STEPS = 7;

const counter = (page) => page.locator('.present-counter .present-count');
const stepInUrl = (page) => Number(new URL(page.url()).searchParams.get('step') ?? '0');

async function expectStep(page, n) {
  await page.waitForFunction(
    (want) => document.querySelector('.present-counter .present-count')?.textContent === want,
    `${n + 1} / ${STEPS}`,
    { timeout: 5_000 },
  );
  assert.equal(await counter(page).textContent(), `${n + 1} / ${STEPS}`);
  // The address follows the page once it has painted the change.
  await page.waitForFunction((want) => Number(new URL(location.href).searchParams.get('step') ?? '0') === want, n, { timeout: 5_000 });
  assert.equal(stepInUrl(page), n, `URL step after reaching step ${n + 1}`);
  assert.equal(await page.locator('main.present-stage').getAttribute('data-step'), String(n));
}

test('presentation: all seven steps by keyboard, step in the URL, large type, Escape leaves', async (t) => {
  const server = await serve();
  await withPage(t, { url: server.url + '?present=1&lang=id', viewport: PROJECTOR }, async (page) => {
    await page.locator('.present').waitFor({ timeout: BOOT_TIMEOUT });
    assert.equal(new URL(page.url()).searchParams.get('present'), '1');
    await expectStep(page, 0);
    assert.equal(await page.locator('.site-header').count(), 0, 'no site chrome while presenting');

    // Projector-sized type: body text of the slide at least 28 px on 1920×1080.
    const sizes = await page.evaluate(() =>
      [...document.querySelectorAll('.present-stage p, .present-stage blockquote, .present-stage li')]
        .map((e) => parseFloat(getComputedStyle(e).fontSize)),
    );
    assert.ok(sizes.length > 0);
    assert.ok(Math.min(...sizes) >= 28, `slide text ≥ 28 px, got ${Math.min(...sizes)}`);
    // High contrast: black on white (or the user's high-contrast palette).
    const colours = await page.evaluate(() => {
      const s = getComputedStyle(document.querySelector('.present-stage'));
      return [s.color, getComputedStyle(document.querySelector('.present')).backgroundColor];
    });
    assert.deepEqual(colours, ['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
    await screenshot(page, 'present-1920-step1-vision');

    // Forward through every step with the keys clickers and keyboards send.
    const forward = ['ArrowRight', 'PageDown', ' ', 'ArrowDown', 'ArrowRight', 'PageDown'];
    const names = ['pillars', 'hazards', 'coverage', 'map', 'timeline', 'sources'];
    for (let i = 0; i < forward.length; i++) {
      const presses = await pressUntil(page, forward[i], i + 1, { timeout: 5_000 });
      if (forward[i] === 'ArrowRight') assert.equal(presses, 1, 'ArrowRight always moves at once');
      await expectStep(page, i + 1);
      assert.equal(await page.locator('main.present-stage').evaluate((m) => m.scrollTop), 0, 'a step starts at its top');
      await screenshot(page, `present-1920-step${i + 2}-${names[i]}`);
    }
    await page.keyboard.press('ArrowRight');
    await expectStep(page, 6); // stays on the last step
    for (const [key, want] of [['PageUp', 5], ['ArrowLeft', 4], ['ArrowUp', 3], ['Home', 0], ['End', 6]]) {
      await pressUntil(page, key, want, { timeout: 5_000 });
      await expectStep(page, want);
    }
    // A slide taller than the screen (the timeline): Page Down scrolls it before moving on.
    await page.keyboard.press('ArrowLeft');
    await expectStep(page, 5);
    const stage = page.locator('main.present-stage');
    const tall = await stage.evaluate((m) => m.scrollHeight > m.clientHeight + 1);
    if (tall) {
      await page.keyboard.press('PageDown');
      await page.waitForFunction(() => document.querySelector('main.present-stage').scrollTop > 0);
      await expectStep(page, 5);
    }
    await pressUntil(page, 'PageDown', 6, { timeout: 5_000 });
    // The on-screen buttons work too.
    await page.locator('button.present-prev').click();
    await expectStep(page, 5);
    await page.locator('button.present-next').click();
    await expectStep(page, 6);
    assert.equal(await page.locator('button.present-next').isDisabled(), true, 'no next on the last step');

    // Back button: each step is a history entry.
    await page.goBack();
    await expectStep(page, 5);

    // Escape leaves presentation mode: the site is back and the URL has no present/step.
    await page.keyboard.press('Escape');
    await page.locator('.site-header').waitFor();
    assert.equal(await page.locator('.present').count(), 0);
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('present'));
    const u = new URL(page.url());
    assert.equal(u.searchParams.get('present'), null);
    assert.equal(u.searchParams.get('step'), null);
  });
});

test('presentation: a link opens the deck at any step; steps respond to clicks', async (t) => {
  const server = await serve();
  await withPage(t, { url: server.url + '?present=1&step=1&lang=en', viewport: PROJECTOR }, async (page) => {
    await page.locator('.present').waitFor({ timeout: BOOT_TIMEOUT });
    await expectStep(page, 1);
    // Drill into a pillar: its targets and initiatives appear, the filter is in the URL.
    const pillar = page.locator('button.present-choice[data-pillar="sehat"]');
    await pillar.click();
    assert.equal(await pillar.getAttribute('aria-pressed'), 'true');
    await page.waitForURL(/pillar=sehat/);
    assert.ok((await page.locator('.present-detail .present-list li').count()) > 0, 'targets/initiatives listed');
    await expectStep(page, 1); // a click on a step does not move the deck
    await screenshot(page, 'present-1920-pillar-drilled-en');
    // Space on the focused pillar button toggles it (it does not move to the next step).
    await pillar.focus();
    await page.keyboard.press(' ');
    await page.waitForFunction(() => !/pillar=/.test(location.search));
    assert.equal(await pillar.getAttribute('aria-pressed'), 'false');
    await expectStep(page, 1);
    // Shocks and stresses: choose one.
    await page.keyboard.press('PageDown');
    await expectStep(page, 2);
    await page.locator('button.present-chip[data-hazard="flood"]').click();
    await page.waitForURL(/shock=flood/);
    assert.ok((await page.locator('.present-detail .present-list li').count()) > 0);
    await screenshot(page, 'present-1920-hazard-drilled-en');
    // Its back button clears the choice.
    await page.locator('.present-detail button.present-back').click();
    await page.waitForFunction(() => !/shock=/.test(location.search));
    assert.equal(await page.locator('.present-detail').count(), 0, 'the choice is closed');
    await expectStep(page, 2);
  });

  await withPage(t, { url: server.url + '?present=1&step=99' }, async (page) => {
    await page.locator('.present').waitFor({ timeout: BOOT_TIMEOUT });
    assert.equal(await counter(page).textContent(), `${STEPS} / ${STEPS}`, 'a step past the end shows the last');
  });
});

test('presentation: the header button starts it; phones get a usable deck', async (t) => {
  const server = await serve();
  await withPage(t, { url: server.url + '?lang=id' }, async (page) => {
    await waitForPillars(page);
    await page.locator('.header-tools .present-button').click();
    await page.locator('.present').waitFor();
    await expectStep(page, 0);
    await page.locator('button.present-exit').click();
    await waitForPillars(page);
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('present'));
    assert.equal(new URL(page.url()).searchParams.get('present'), null);
  });
  await withPage(t, { url: server.url + '?present=1&step=2&lang=id', viewport: { width: 375, height: 812 } }, async (page) => {
    await page.locator('.present').waitFor({ timeout: BOOT_TIMEOUT });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling on a phone (${overflow}px)`);
    await screenshot(page, 'present-375-step3');
  });
});

const KEYS = {
  id: {
    window: '← → atau Page Up/Down untuk berpindah · B mengosongkan layar · Esc untuk keluar',
    full: '← → atau Page Up/Down untuk berpindah · B mengosongkan layar · Esc keluar dari layar penuh, Esc kedua dari presentasi',
  },
  en: {
    window: '← → or Page Up/Down to move · B blanks the screen · Esc to leave',
    full: '← → or Page Up/Down to move · B blanks the screen · Esc leaves full screen, a second Esc the presentation',
  },
};
const BLANKED = {
  id: 'Layar dikosongkan. Tekan tombol apa saja untuk kembali.',
  en: 'The screen is blank. Press any key to return.',
};

for (const lang of ['id', 'en']) {
  test(`presentation (${lang}): B or the full stop blanks the screen; any key or a click brings the same slide back`, async (t) => {
    const server = await serve();
    await withPage(t, { url: `${server.url}?present=1&lang=${lang}&step=2`, viewport: { width: 1280, height: 720 } }, async (page) => {
      await page.locator('.present').waitFor({ timeout: BOOT_TIMEOUT });
      await expectStep(page, 2);
      const blank = page.locator('.present-blank');
      // Black over the whole screen, the bar and the counter included, or not there at all.
      const covers = () =>
        page.evaluate(() => {
          const el = document.querySelector('.present-blank');
          const r = el.getBoundingClientRect();
          const top = document.elementFromPoint(innerWidth / 2, 10);
          return r.width >= innerWidth && r.height >= innerHeight && top === el && getComputedStyle(el).backgroundColor === 'rgb(0, 0, 0)';
        });
      const said = () => page.locator('.present p.visually-hidden[role="status"]').last().textContent();
      assert.equal(await blank.isVisible(), false, 'not blank to begin with');
      assert.equal(await covers(), false, 'the check sees a slide that is not covered');
      for (const [key, back] of [['b', 'ArrowRight'], ['.', 'PageDown'], ['B', 'Escape']]) {
        await page.keyboard.press(key);
        await blank.waitFor({ state: 'visible', timeout: 5_000 });
        assert.ok(await covers(), `${key} blanks the whole screen`);
        assert.equal((await said()).trim(), BLANKED[lang]);
        await page.keyboard.press(back);
        await blank.waitFor({ state: 'hidden', timeout: 5_000 });
        // The key only brought the slide back: same step, still presenting.
        await expectStep(page, 2);
        assert.equal(await page.locator('.present').count(), 1, `${back} after a blank screen does not leave`);
      }
      await page.keyboard.press('b');
      await blank.waitFor({ state: 'visible', timeout: 5_000 });
      await screenshot(page, `present-blank-${lang}`);
      await blank.click();
      await blank.waitFor({ state: 'hidden', timeout: 5_000 });
      await expectStep(page, 2);
      // And the keys move on again (a slide taller than the screen scrolls first), also
      // after a click on the slide's text (which focuses the app's slot around the deck).
      await pressUntil(page, 'ArrowRight', 3);
      await expectStep(page, 3);
      await page.locator('.present-kicker').click();
      await pressUntil(page, 'ArrowRight', 4);
      await expectStep(page, 4);
    });
  });
}

const keysHint = (page) => page.locator('.present-keys').innerText();
const inFullscreen = (page, yes) =>
  page.waitForFunction((want) => (document.fullscreenElement !== null) === want, yes, { timeout: 5_000 });

for (const lang of ['id', 'en']) {
  test(`presentation at 1280×720 (${lang}): full screen hides its button, Escape leaves full screen then the deck, no frame around the slide, a closing link with its QR code`, async (t) => {
    const server = await serve();
    await withPage(t, { url: `${server.url}?present=1&lang=${lang}`, viewport: { width: 1280, height: 720 } }, async (page) => {
      await page.locator('.present').waitFor({ timeout: BOOT_TIMEOUT });
      // No frame around the whole slide: the stage takes the focus from script only, unringed.
      const stage = page.locator('main.present-stage');
      assert.equal(await stage.getAttribute('tabindex'), '-1');
      await page.keyboard.press('ArrowRight');
      await expectStep(page, 1);
      await stage.focus();
      assert.equal(await stage.evaluate((m) => getComputedStyle(m).outlineStyle), 'none', 'no frame on the focused slide');
      // The controls keep their visible focus.
      await page.locator('button.present-exit').focus();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement.className), 'present-exit');
      assert.notEqual(await page.locator('button.present-exit').evaluate((b) => getComputedStyle(b).outlineStyle), 'none', 'a focused control shows its focus');

      // Full screen, as headless Chromium supports it (the Fullscreen API, from a click).
      assert.equal(await page.evaluate(() => document.fullscreenEnabled), true, 'this Chromium offers full screen');
      const full = page.locator('button.present-fullscreen');
      assert.equal(await full.isVisible(), true);
      assert.equal((await keysHint(page)).trim(), KEYS[lang].window);
      await full.click();
      await inFullscreen(page, true);
      await page.waitForFunction(() => getComputedStyle(document.querySelector('button.present-fullscreen')).display === 'none');
      assert.equal(await full.isVisible(), false, 'no Full screen button in full screen');
      assert.equal((await keysHint(page)).trim(), KEYS[lang].full, 'the screen says what Escape does');
      await screenshot(page, `present-1280x720-fullscreen-${lang}`);
      // The first Escape leaves full screen only.
      await page.keyboard.press('Escape');
      await inFullscreen(page, false);
      await full.waitFor({ state: 'visible' });
      assert.equal(await page.locator('.present').count(), 1, 'still presenting');
      assert.equal((await keysHint(page)).trim(), KEYS[lang].window);
      assert.equal(new URL(page.url()).searchParams.get('present'), '1');

      // The last slide ends with the link and its QR code, not the template downloads.
      await page.keyboard.press('End');
      await expectStep(page, STEPS - 1);
      const closing = page.locator('.present-closing');
      await closing.waitFor();
      const link = (await closing.locator('.present-url a').innerText()).trim();
      const expected = new URL(page.url());
      expected.searchParams.delete('present');
      expected.searchParams.delete('step');
      assert.equal(link, expected.href, 'the link opens this explorer outside the presentation');
      // The QR code is drawn by the lazy module: it arrives once that has loaded.
      await closing.locator('.qr-code svg').first().waitFor();
      assert.equal(await closing.locator('.qr-code svg').count(), 1, 'with its QR code');
      assert.equal(await closing.locator('.qr-code').getAttribute('aria-busy'), 'false');
      assert.equal(await page.locator('.present #open-data, .present .download-templates').count(), 0, 'no template buttons');
      await closing.scrollIntoViewIfNeeded();
      await screenshot(page, `present-1280x720-closing-${lang}`);

      // Out of full screen, Escape leaves the presentation.
      await page.keyboard.press('Escape');
      await page.locator('.present').waitFor({ state: 'detached' });
      await page.waitForFunction(() => !new URL(location.href).searchParams.has('present'));
    });
  });
}

test('presentation in full screen: two Escapes before the browser has left full screen leave the presentation', async (t) => {
  const server = await serve();
  await withPage(t, { url: `${server.url}?present=1&lang=en`, viewport: { width: 1280, height: 720 } }, async (page) => {
    await page.locator('.present').waitFor({ timeout: BOOT_TIMEOUT });
    await page.locator('button.present-fullscreen').click();
    await inFullscreen(page, true);
    // A quick double press: both keys in one task, so the second comes before the browser
    // has left full screen (as a clicker's or an impatient presenter's can).
    await page.evaluate(() => {
      for (let i = 0; i < 2; i++) {
        (document.activeElement ?? document.body).dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
      }
    });
    await page.locator('.present').waitFor({ state: 'detached', timeout: 5_000 });
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('present'));
    await inFullscreen(page, false);
  });
});

// ---- 16:9: the matrix and the map fit 1280×720 with labels of at least 16 px ------------------

/**
 * What a 1280×720 slide shows: the stage's scrolling, where the legend is, and the smallest text
 * on screen: SVG text by its font size times the drawing's scale on screen (a chart's viewBox
 * squeezed into its box shrinks its labels), HTML text by its font size times its CSS zoom.
 */
const slideFit = () => {
  const stage = document.querySelector('main.present-stage');
  const visible = (e) => e.checkVisibility() && e.getBoundingClientRect().width > 1 && e.getBoundingClientRect().height > 1;
  const labels = [];
  for (const t of stage.querySelectorAll('svg text')) {
    if (!t.textContent.trim() || !visible(t)) continue;
    const svg = t.ownerSVGElement;
    const scale = svg.getBoundingClientRect().width / (svg.viewBox.baseVal?.width || svg.getBoundingClientRect().width);
    labels.push({ px: parseFloat(getComputedStyle(t).fontSize) * scale, text: t.textContent.trim() });
  }
  for (const e of stage.querySelectorAll('*')) {
    if (e.closest('svg') || !visible(e)) continue;
    if (![...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
    labels.push({ px: parseFloat(getComputedStyle(e).fontSize) * (e.currentCSSZoom ?? 1), text: e.textContent.trim().slice(0, 40) });
  }
  labels.sort((a, b) => a.px - b.px);
  const legend = stage.querySelector('.map-legend, .chart-frame');
  const r = legend?.getBoundingClientRect();
  const s = stage.getBoundingClientRect();
  return {
    scroll: { height: stage.scrollHeight, client: stage.clientHeight, width: stage.scrollWidth, clientWidth: stage.clientWidth },
    page: { height: document.documentElement.scrollHeight, width: document.documentElement.scrollWidth, vh: innerHeight, vw: innerWidth },
    legend: r && { top: r.top, bottom: r.bottom, left: r.left, right: r.right },
    stage: { top: s.top, bottom: s.bottom, left: s.left, right: s.right },
    smallest: labels[0],
    count: labels.length,
  };
};

const SLIDES_16_9 = [
  { step: 3, name: 'matrix', drawn: '.present-coverage .chart-svg svg text' },
  { step: 4, name: 'map', drawn: 'svg.map-svg .labels text, svg.map-svg .regions text' },
];

async function openSlide(page, server, lang, slide) {
  await page.goto(`${server.url}?present=1&step=${slide.step}&lang=${lang}`);
  await page.locator('.present').waitFor({ timeout: BOOT_TIMEOUT });
  await page.waitForFunction((sel) => [...document.querySelectorAll(sel)].some((t) => t.checkVisibility()), slide.drawn, { timeout: BOOT_TIMEOUT });
  // The drawing follows its measured size: wait until two frames in a row agree.
  let before = '';
  for (let i = 0; i < 20; i++) {
    const now = JSON.stringify(await page.evaluate(slideFit));
    if (now === before) break;
    before = now;
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
  }
  return page.evaluate(slideFit);
}

function assertFits(fit, where) {
  assert.ok(fit.scroll.height <= fit.scroll.client, `${where}: the slide does not scroll (${fit.scroll.height} > ${fit.scroll.client} px)`);
  assert.ok(fit.scroll.width <= fit.scroll.clientWidth, `${where}: nothing runs off sideways (${fit.scroll.width} > ${fit.scroll.clientWidth} px)`);
  assert.ok(fit.page.height <= fit.page.vh && fit.page.width <= fit.page.vw, `${where}: the page does not scroll (${JSON.stringify(fit.page)})`);
  assert.ok(fit.legend, `${where}: a legend is shown`);
  assert.ok(fit.legend.bottom <= fit.stage.bottom && fit.legend.top >= fit.stage.top && fit.legend.right <= fit.stage.right,
    `${where}: the legend is inside the slide (${JSON.stringify(fit.legend)} in ${JSON.stringify(fit.stage)})`);
  assert.ok(fit.count > 20, `${where}: labels measured (${fit.count})`);
  assert.ok(fit.smallest.px >= 16, `${where}: every label at least 16 px, "${fit.smallest.text}" is ${fit.smallest.px.toFixed(1)} px`);
}

for (const lang of ['id', 'en']) {
  test(`presentation at 1280×720 (${lang}): the matrix and the map fit without scrolling, legend in view, labels ≥ 16 px`, async (t) => {
    const server = await serve();
    await withPage(t, { viewport: { width: 1280, height: 720 }, allowOrigins: [server.url] }, async (page) => {
      // 1280×720, and a 1920×1080 projector (the same 16:9, larger type).
      for (const size of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
        await page.setViewportSize(size);
        for (const slide of SLIDES_16_9) {
          const fit = await openSlide(page, server, lang, slide);
          const where = `${slide.name} (${lang}, ${size.width}×${size.height})`;
          t.diagnostic(`${where}: ${JSON.stringify(fit)}`);
          assertFits(fit, where);
          await screenshot(page, `present-${size.width}x${size.height}-${slide.name}-${lang}`);
        }
      }
      await page.setViewportSize({ width: 1280, height: 720 });
      // The matrix slide keeps its figure for screen readers (its title, the drawing's name).
      await page.goto(`${server.url}?present=1&step=3&lang=${lang}`);
      await page.locator('.present-coverage .chart-svg svg').waitFor({ timeout: BOOT_TIMEOUT });
      assert.equal(await page.getByRole('figure').count(), 1, 'the matrix is still a figure');
      assert.ok((await page.locator('.present-coverage .chart-title').innerText()).length > 0);
    });
  });
}

test('negative control: the 16:9 check sees small labels, a scrolling slide and a legend out of view', async (t) => {
  const server = await serve();
  const force = (css) => (page) => page.evaluate((css) => {
    const s = new CSSStyleSheet();
    s.replaceSync(css);
    document.adoptedStyleSheets = [s];
  }, css);
  await withPage(t, { viewport: { width: 1280, height: 720 }, allowOrigins: [server.url] }, async (page) => {
    // The matrix unzoomed: its 14 px text.
    await openSlide(page, server, 'en', SLIDES_16_9[0]);
    await force('.present-coverage .chart-frame { zoom: 1; }')(page);
    // A resize redraws it at the frame's width (a change of zoom alone is not a resize): one
    // drawing pixel per screen pixel.
    await page.setViewportSize({ width: 1260, height: 720 });
    await page.waitForFunction(() => {
      const svg = document.querySelector('.present-coverage .chart-svg svg');
      return Math.abs(svg.viewBox.baseVal.width - svg.getBoundingClientRect().width) < 1;
    });
    const small = await page.evaluate(slideFit);
    assert.ok(small.smallest.px < 16, `a forced small font is seen (${small.smallest.px})`);
    assert.throws(() => assertFits(small, 'forced'), /at least 16 px/);
    // The map slide with more content than fits: it scrolls and its legend leaves the view.
    await page.setViewportSize({ width: 1280, height: 720 });
    await openSlide(page, server, 'en', SLIDES_16_9[1]);
    await force('.present-map .map-legend { margin-top: 720px !important; } .present-map .map-svg { height: 640px; }')(page);
    await page.waitForFunction(() => document.querySelector('main.present-stage').scrollHeight > document.querySelector('main.present-stage').clientHeight);
    const tall = await page.evaluate(slideFit);
    assert.throws(() => assertFits(tall, 'forced'), /does not scroll|legend is inside/);
    assert.ok(tall.legend.bottom > tall.stage.bottom || tall.legend.right > tall.stage.right, 'the legend is seen out of view');
  });
});

for (const lang of ['id', 'en']) {
  test(`presentation (${lang}): a map slide with an area selected stays within the slide's width, its card on the first screen`, async (t) => {
    // A presenter's map slide of one area (e.g. "the kecamatan with no initiative"): its card
    // joins the side, which ran off the right edge when it wrapped into more columns.
    const server = await serve();
    await withPage(t, { viewport: { width: 1280, height: 720 }, allowOrigins: [server.url] }, async (page) => {
      for (const size of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
        await page.setViewportSize(size);
        await page.goto(`${server.url}?present=1&step=4&area=31.72&lang=${lang}`);
        await page.locator('.present-map .map-answer').waitFor({ timeout: BOOT_TIMEOUT });
        await page.locator('.present-map .map-svg').waitFor();
        const box = await page.evaluate(() => {
          const stage = document.querySelector('main.present-stage');
          const card = document.querySelector('.present-map .map-answer h2, .present-map .map-answer h3, .present-map .map-answer').getBoundingClientRect();
          return { client: stage.clientWidth, scroll: stage.scrollWidth, card: { top: card.top, right: card.right }, height: innerHeight };
        });
        const where = `${lang}, ${size.width}×${size.height}`;
        t.diagnostic(`${where}: ${JSON.stringify(box)}`);
        // (Before the fix: 1,976 px of content in a 1,280 px slide.)
        assert.ok(box.scroll <= box.client + 1, `${where}: nothing runs past the slide's right edge (${box.scroll} > ${box.client})`);
        assert.ok(box.card.top < box.height && box.card.right <= size.width, `${where}: the area's card is on the first screen`);
      }
    });
  });
}

// ---- print --------------------------------------------------------------------------------------

const PRINTS = [
  { name: 'overview', query: '?lang=id', ready: 'article.pillar-card', maxPages: 3 },
  { name: 'actions-selected', query: '?view=actions&lang=id&shock=flood', ready: 'ul.action-list', select: true, maxPages: 3 },
  // The charts view has seven charts: one or two per page.
  { name: 'charts', query: '?view=charts&lang=en', ready: '.results', maxPages: 10, charts: 7 },
  { name: 'map', query: '?view=map&lang=en', ready: '.results', maxPages: 4, map: true },
];

/** The number of pages in a PDF made by Chromium (its /Type /Page objects). */
const pdfPages = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

/** Waits until the charts (drawn after the first paint) and the map have drawn, and a frame. */
async function drawn(page, { charts = 0, map = false }) {
  await page.waitForFunction(
    ({ charts, map }) => {
      const figures = [...document.querySelectorAll('figure.chart[data-chart]')];
      return figures.length >= charts && figures.every((f) => f.querySelector('svg')) &&
        (!map || document.querySelectorAll('svg.map-svg path.area').length > 0);
    },
    { charts, map },
    { timeout: BOOT_TIMEOUT },
  );
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
}

for (const p of PRINTS) {
  test(`print: ${p.name} gives A4 pages with the view, its sources and its link`, async (t) => {
    const server = await serve();
    await withPage(t, { url: server.url + p.query }, async (page) => {
      await page.locator(p.ready).first().waitFor({ timeout: BOOT_TIMEOUT });
      // The live app's view, not the overview prerendered into index.html.
      await page.waitForFunction(() => !document.querySelector('#app > .prerendered'), null, { timeout: BOOT_TIMEOUT });
      if (p.select) {
        await page.locator('ul.action-list > li.action-item a').first().click();
        await page.locator('article.action-detail').waitFor();
      }
      await drawn(page, p); // charts and map draw after the data
      await page.emulateMedia({ media: 'print' });
      const colophon = page.locator('.print-colophon');
      assert.equal(await colophon.isVisible(), true, 'the print colophon shows in print');
      const printed = (await colophon.locator('.print-link .print-url').textContent()).trim();
      assert.equal(printed, page.url(), 'the printed link is the view’s link');
      // The sources behind the view are written out for print (on screen the list is not built).
      await colophon.locator('ol.source-list li').first().waitFor({ state: 'attached' });
      assert.ok((await colophon.locator('ol.source-list li').count()) >= 1, 'the printed page lists its sources');
      assert.equal(await page.locator('.header-tools').isVisible(), false, 'no buttons on paper');
      if (p.select) {
        assert.equal(await page.locator('ul.action-list').isVisible(), false, 'only the selected action');
      }
      mkdirSync(SCREENSHOTS, { recursive: true });
      const file = join(SCREENSHOTS, `print-${p.name}.pdf`);
      const pdf = await page.pdf({ path: file, format: 'A4', printBackground: true });
      const pages = pdfPages(pdf);
      assert.ok(pages >= 1 && pages <= p.maxPages, `${p.name}: ${pages} A4 page(s), at most ${p.maxPages}`);
      t.diagnostic(`${file}: ${pages} page(s)`);
      await page.emulateMedia({ media: 'screen' });
    });
  });
}

test('print: the overview printed at once, before the idle stylesheets are on, is the same A4 print', async (t) => {
  const server = await serve();
  await withPage(t, { allowOrigins: [server.url] }, async (page) => {
    // The browser never idle and no touch or key: public/styles-later.js leaves the views'
    // stylesheets off, as on a page printed straight after it has loaded.
    await page.context().addInitScript(() => {
      window.requestIdleCallback = () => 0;
    });
    await page.goto(server.url + '?lang=id', { waitUntil: 'load', timeout: BOOT_TIMEOUT });
    await waitForPillars(page);
    const off = await page.evaluate(() => document.querySelectorAll('link[rel="stylesheet"][disabled]').length);
    assert.ok(off >= 1, `the later stylesheets are still off (${off})`);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.print-colophon').isVisible(), true, 'the print colophon shows');
    assert.equal(await page.locator('.filter-toggle, .skip-link').first().isVisible(), false, 'no controls on paper');
    const pages = pdfPages(await page.pdf({ format: 'A4', printBackground: true }));
    assert.ok(pages >= 1 && pages <= 3, `the overview prints on 1–3 pages (${pages})`);
  });
});

test('negative control: the page count sees a view that runs over its pages', async (t) => {
  const server = await serve();
  await withPage(t, { url: server.url + '?lang=id' }, async (page) => {
    await waitForPillars(page);
    await page.emulateMedia({ media: 'print' });
    const normal = pdfPages(await page.pdf({ format: 'A4', printBackground: true }));
    assert.ok(normal >= 1 && normal <= 3, `the overview prints on 1–3 pages (${normal})`);
    // Six A4 heights more of content: the count must grow by at least six.
    await page.evaluate(() => {
      const tall = document.createElement('div');
      tall.style.height = `${6 * 297}mm`;
      document.querySelector('main').append(tall);
    });
    const longer = pdfPages(await page.pdf({ format: 'A4', printBackground: true }));
    assert.ok(longer >= normal + 6, `the count sees the extra pages (${normal} → ${longer})`);
    assert.ok(longer > 3, 'so the overview’s "at most 3 pages" check would fail on it');
  });
});
