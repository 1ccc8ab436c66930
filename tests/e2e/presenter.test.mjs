// The presenter window (issue 21): the presentation's "Presenter window" button opens a second
// window of the same page (?presenter=1, drawn by the lazy module) that shows the current
// slide's heading and note and the next slide, kept in step through a BroadcastChannel under
// the strict CSP. Next in the presentation → the presenter window follows; Next (or a clicker
// key) in the presenter window → the presentation moves. A message about another deck is
// ignored (with its positive control). Screenshots and axe audits of the window at 1280 and
// 375×812, id and en.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, BOOT_TIMEOUT, serve, withPage, screenshot, assertNoSidewaysScroll, pressUntil } from './lib.mjs';
import { audit } from './a11y-lib.mjs';

const WORKSHOP = JSON.parse(readFileSync(join(ROOT, 'tests', 'fixtures', 'deck-workshop.json'), 'utf8'));
const STORY = {
  en: ['Vision', 'Pillars', 'Shocks and stresses', 'Coverage matrix', 'Map', 'Timeline', 'Sources'],
  id: ['Visi', 'Pilar', 'Guncangan dan tekanan', 'Matriks cakupan', 'Peta', 'Linimasa', 'Sumber'],
};
const WORDS = {
  en: { slide: (n, t) => `Slide ${n} of ${t}`, last: 'This is the last slide.', button: 'Presenter window', none: 'No note for this slide.' },
  id: { slide: (n, t) => `Slide ${n} dari ${t}`, last: 'Ini slide terakhir.', button: 'Jendela penyaji', none: 'Tidak ada catatan untuk slide ini.' },
};

/** The same guards withPage() puts on its page, for a window the page opens. */
function guard(page, problems, name) {
  page.on('console', (m) => m.type() === 'error' && problems.push(`${name}: console error: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`${name}: page error: ${e && (e.stack || e.message || e)}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`${name}: HTTP ${r.status()} for ${r.url()}`));
  page.on('requestfailed', (r) => problems.push(`${name}: request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
}

/** Waits until the presenter window shows slide `n` (1-based) of `total` with `heading`. */
async function expectShown(win, lang, n, total, heading) {
  await win.waitForFunction(
    ({ want, heading }) =>
      document.querySelector('.presenter-counter')?.textContent === want &&
      document.querySelector('.presenter-heading')?.textContent === heading,
    { want: WORDS[lang].slide(n, total), heading },
    { timeout: 10_000 },
  );
}

/** Waits until the presentation shows step `n` (0-based) of `total`, in its counter and URL. */
async function expectStep(page, n, total) {
  await page.waitForFunction(
    ({ want, n }) =>
      document.querySelector('.present-counter .present-count')?.textContent === want &&
      Number(new URL(location.href).searchParams.get('step') ?? '0') === n,
    { want: `${n + 1} / ${total}`, n },
    { timeout: 10_000 },
  );
}

/** Clicks the presentation's button and returns the presenter window, guarded. */
async function openPresenter(page, problems, lang) {
  const button = page.locator('button.present-presenter');
  assert.equal((await button.textContent()).trim(), WORDS[lang].button);
  const [win] = await Promise.all([page.context().waitForEvent('page'), button.click()]);
  guard(win, problems, 'presenter window');
  await win.waitForLoadState('load');
  return win;
}

for (const lang of ['id', 'en']) {
  test(`the presenter window follows the presentation and steers it (${lang})`, async (t) => {
    const server = await serve();
    await withPage(t, { url: `${server.url}?present=1&lang=${lang}` }, async (page, problems) => {
      await page.locator('.present').waitFor({ timeout: BOOT_TIMEOUT });
      const win = await openPresenter(page, problems, lang);
      // Same page, same origin, the presenter's address.
      const u = new URL(win.url());
      assert.equal(u.origin + u.pathname, new URL(server.url).origin + new URL(server.url).pathname);
      assert.equal(u.searchParams.get('presenter'), '1');
      assert.equal(u.searchParams.get('lang'), lang);
      await expectShown(win, lang, 1, 7, STORY[lang][0]);
      assert.equal(await win.locator('.presenter-next-heading').textContent(), STORY[lang][1]);
      assert.equal(await win.locator('.presenter-note').textContent(), WORDS[lang].none);
      assert.equal(await win.locator('html').getAttribute('lang'), lang);

      // Next in the presentation (keys and button): the presenter window follows.
      await page.bringToFront();
      await page.keyboard.press('ArrowRight');
      await expectStep(page, 1, 7);
      await expectShown(win, lang, 2, 7, STORY[lang][1]);
      assert.equal(await win.locator('.presenter-next-heading').textContent(), STORY[lang][2]);
      await page.locator('button.present-next').click();
      await expectStep(page, 2, 7);
      await expectShown(win, lang, 3, 7, STORY[lang][2]);

      // Next in the presenter window (button, then a clicker's keys): the presentation moves.
      await win.bringToFront();
      await win.locator('button.presenter-next-button').click();
      await expectStep(page, 3, 7);
      await expectShown(win, lang, 4, 7, STORY[lang][3]);
      await win.locator('body').click({ position: { x: 5, y: 5 } });
      await win.keyboard.press('PageDown');
      await expectStep(page, 4, 7);
      await expectShown(win, lang, 5, 7, STORY[lang][4]);
      await win.keyboard.press('PageUp');
      await expectStep(page, 3, 7);
      await win.keyboard.press('ArrowRight');
      await expectStep(page, 4, 7);
      await win.locator('button.presenter-prev').click();
      await expectStep(page, 3, 7);
      await win.keyboard.press('End');
      await expectStep(page, 6, 7);
      await expectShown(win, lang, 7, 7, STORY[lang][6]);
      assert.equal(await win.locator('.presenter-last').textContent(), WORDS[lang].last);
      assert.equal(await win.locator('button.presenter-next-button').isDisabled(), true, 'no next on the last slide');

      // A window opened later asks and is told the slide on screen.
      const late = await page.context().newPage();
      guard(late, problems, 'second presenter window');
      await late.goto(`${server.url}?presenter=1&lang=${lang}`);
      await expectShown(late, lang, 7, 7, STORY[lang][6]);
      await late.close();

      for (const [name, size] of [['1280', { width: 1280, height: 800 }], ['375', { width: 375, height: 812 }]]) {
        await win.setViewportSize(size);
        await assertNoSidewaysScroll(win, `presenter window ${name} ${lang}`);
        await screenshot(win, `presenter-window-${name}-${lang}`);
        await audit(win, `presenter-window-${name}-${lang}`);
      }
      // On a phone the presentation's bar does not offer a second window (one row of tools).
      await page.setViewportSize({ width: 375, height: 812 });
      await page.locator('button.present-presenter').waitFor({ state: 'hidden' });
      await assertNoSidewaysScroll(page, `presentation 375 ${lang}`);
      await screenshot(page, `presenter-button-375-${lang}`);
    });
  });
}

test('the presenter window takes the presentation’s dark theme and high contrast', async (t) => {
  const server = await serve();
  await withPage(t, { url: `${server.url}?present=1&lang=en&theme=dark&contrast=high` }, async (page, problems) => {
    await page.locator('.present').waitFor({ timeout: BOOT_TIMEOUT });
    const win = await openPresenter(page, problems, 'en');
    const u = new URL(win.url());
    assert.equal(u.searchParams.get('theme'), 'dark');
    assert.equal(u.searchParams.get('contrast'), 'high');
    await expectShown(win, 'en', 1, 7, STORY.en[0]);
    const look = (p) =>
      p.evaluate(() => ({
        theme: document.documentElement.dataset.theme ?? null,
        contrast: document.documentElement.dataset.contrast ?? null,
        bg: getComputedStyle(document.body).backgroundColor,
      }));
    const [shown, presenter] = [await look(page), await look(win)];
    assert.deepEqual(presenter, shown, 'the presenter window looks like the presentation');
    assert.equal(presenter.theme, 'dark');
    // Dark: the page's background is darker than mid-grey.
    const [r, g, b] = presenter.bg.match(/\d+/g).map(Number);
    assert.ok(r + g + b < 3 * 128, `a dark background (${presenter.bg})`);
    await screenshot(win, 'presenter-dark-contrast-en');
  });
});

test('the presenter window shows a deck’s notes as text, and ignores another deck’s messages', async (t) => {
  const server = await serve();
  const slides = WORKSHOP.slides;
  // Stands in for the presentation: a page of the same origin on the same channel.
  await withPage(t, { url: `${server.url}?lang=en` }, async (page, problems) => {
    await page.evaluate(() => {
      window.heard = [];
      window.deckChannel = new BroadcastChannel('jrs-deck');
      window.deckChannel.onmessage = (e) => window.heard.push(e.data);
    });
    const win = await page.context().newPage();
    guard(win, problems, 'presenter window');
    await win.goto(`${server.url}?presenter=1&lang=en&deck=${WORKSHOP.link}`);
    await win.locator('.presenter-waiting').waitFor({ timeout: BOOT_TIMEOUT });
    // On opening, it asks which slide is shown; the ask names the deck.
    const ask = await page.waitForFunction(() => window.heard.find((m) => m.startsWith('ask ')), null, { timeout: 10_000 });
    const [, id] = (await ask.jsonValue()).split(' ');
    assert.match(id, /^[0-9a-f]{16}$/);
    // Record every heading the window ever shows.
    await win.evaluate(() => {
      window.shown = [];
      new MutationObserver(() => {
        const h = document.querySelector('.presenter-heading')?.textContent;
        if (h && window.shown.at(-1) !== h) window.shown.push(h);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    // Another deck's message first, then this deck's: channel messages arrive in order, so
    // once slide 2 shows, the foreign one has been read, and it must not have shown slide 4.
    const other = id.slice(0, 15) + (id[15] === '0' ? '1' : '0');
    await page.evaluate(([other, id]) => {
      window.deckChannel.postMessage(`show ${other} 3`);
      window.deckChannel.postMessage('show 0123 3');
      window.deckChannel.postMessage(`show ${id} 1`);
    }, [other, id]);
    await expectShown(win, 'en', 2, slides.length, slides[1].heading_en);
    assert.deepEqual(await win.evaluate(() => window.shown), [slides[1].heading_en], 'the other deck’s message was ignored');
    // The positive control: the same message with this deck's id is followed.
    await page.evaluate((id) => window.deckChannel.postMessage(`show ${id} 3`), id);
    await expectShown(win, 'en', 4, slides.length, slides[3].heading_en);
    // Markup in a title is shown as the characters it is; the note keeps its line breaks.
    assert.equal(await win.locator('.presenter-heading b').count(), 0, 'no element made from the title');
    const note = win.locator('.presenter-now .presenter-note');
    assert.equal(await note.textContent(), slides[3].note);
    assert.equal(await note.evaluate((n) => getComputedStyle(n).whiteSpace), 'pre-line');
    const lines = await note.evaluate((n) => n.getClientRects().length && n.innerText.split('\n').length);
    assert.equal(lines, slides[3].note.split('\n').length, 'each line of the note on its own line');
    assert.equal(await win.locator('.presenter-next-heading').textContent(), slides[4].heading_en);
    await screenshot(win, 'presenter-window-deck-note-en');
    await audit(win, 'presenter-window-deck-note-en');

    // Next and Previous in the window ask the presentation to move (it answers with show).
    await page.evaluate(() => (window.heard = []));
    await win.locator('button.presenter-next-button').click();
    await page.waitForFunction((want) => window.heard.includes(want), `go ${id} 4`, { timeout: 10_000 });
    await win.locator('button.presenter-prev').click();
    await page.waitForFunction((want) => window.heard.includes(want), `go ${id} 2`, { timeout: 10_000 });
    // The window shows what the presentation announces, not what it asked for.
    await expectShown(win, 'en', 4, slides.length, slides[3].heading_en);
    await page.evaluate((id) => window.deckChannel.postMessage(`show ${id} 4`), id);
    await expectShown(win, 'en', 5, slides.length, slides[4].heading_en);
    assert.equal(await win.locator('.presenter-last').count(), 1);
  });
});

test('a presenter window of an unreadable deck link says so and follows the default story', async (t) => {
  const server = await serve();
  await withPage(t, { url: `${server.url}?present=1&lang=en` }, async (page, problems) => {
    await page.locator('.present').waitFor({ timeout: BOOT_TIMEOUT });
    const win = await page.context().newPage();
    guard(win, problems, 'presenter window');
    await win.goto(`${server.url}?presenter=1&lang=en&deck=${WORKSHOP.link.slice(0, 40)}`);
    await win.locator('.presenter-problem').waitFor({ timeout: BOOT_TIMEOUT });
    assert.match(await win.locator('.presenter-problem').textContent(), /cannot be read \(.+\); the default story is shown/);
    await expectShown(win, 'en', 1, 7, STORY.en[0]);
  });
});

test('with a deck: the presenter window shows each slide’s note and the next slide, both ways in step', async (t) => {
  const server = await serve();
  const slides = WORKSHOP.slides;
  const total = slides.length;
  await withPage(t, { url: `${server.url}?present=1&lang=en&deck=${WORKSHOP.link}` }, async (page, problems) => {
    await expectStep(page, 0, total);
    const win = await openPresenter(page, problems, 'en');
    assert.equal(new URL(win.url()).searchParams.get('deck'), WORKSHOP.link, 'the window is told the deck');
    const noteIs = (n) =>
      win.waitForFunction((want) => document.querySelector('.presenter-now .presenter-note')?.textContent === want, slides[n].note ?? WORDS.en.none, {
        timeout: 10_000,
      });
    await expectShown(win, 'en', 1, total, slides[0].heading_en);
    await noteIs(0);
    assert.equal(await win.locator('.presenter-next-heading').textContent(), slides[1].heading_en);
    // Next in the presentation: the presenter window shows the next slide's note.
    await page.bringToFront();
    // The first slide (a map with its area's card) is taller than the screen: Page Down, as a
    // clicker sends it, scrolls through it and then moves on.
    await pressUntil(page, 'PageDown', 1);
    await expectStep(page, 1, total);
    await expectShown(win, 'en', 2, total, slides[1].heading_en);
    await noteIs(1);
    await page.keyboard.press('ArrowRight');
    await expectStep(page, 2, total);
    await expectShown(win, 'en', 3, total, slides[2].heading_en);
    await noteIs(2);
    // Next in the presenter window: the presentation shows the next slide, its own view.
    await win.bringToFront();
    await win.locator('button.presenter-next-button').click();
    await expectStep(page, 3, total);
    await page.locator('.present-stage svg.map-svg path.area').first().waitFor({ state: 'attached', timeout: BOOT_TIMEOUT });
    assert.equal(await page.locator('.present-step-title').textContent(), slides[3].heading_en);
    await expectShown(win, 'en', 4, total, slides[3].heading_en);
    await noteIs(3);
    await win.keyboard.press('PageUp');
    await expectStep(page, 2, total);
    await expectShown(win, 'en', 3, total, slides[2].heading_en);
  });
});
