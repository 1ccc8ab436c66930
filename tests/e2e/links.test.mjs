// Links that carry a view: the Share dialog's link (the one the dialog gives and copies, not the
// address bar), opened in a new page, gives the same view; and `?data=` naming another origin
// fails with a clear message instead of a request the page's policy would block.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serve, withPage, waitForPillars, BOOT_TIMEOUT } from './lib.mjs';

/** What a reader sees of the view: language, view, filters, the list and the open action. */
async function viewSignature(page) {
  await page.locator('ul.action-list > li.action-item').first().waitFor({ timeout: BOOT_TIMEOUT });
  await page.locator('article.action-detail').waitFor({ timeout: BOOT_TIMEOUT });
  return page.evaluate(() => ({
    lang: document.documentElement.lang,
    heading: document.querySelector('main#main h1')?.textContent.trim(),
    current: [...document.querySelectorAll('nav.views [aria-current="page"]')].map((a) => a.textContent.trim()),
    checked: [...document.querySelectorAll('.filters input:checked')].map((i) => i.id),
    items: [...document.querySelectorAll('ul.action-list > li.action-item')].map((li) => li.textContent.trim().slice(0, 80)),
    detail: document.querySelector('article.action-detail')?.textContent.trim().slice(0, 200),
  }));
}

/** Through the app: the actions view, a shock filter, an open action; returns the dialog's link. */
async function shareLinkOfAView(page) {
  await page.locator('nav.views a[href*="view=actions"]').first().click();
  await page.locator('ul.action-list > li.action-item').first().waitFor();
  await page.locator('label[for="f-shock-1"]').click();
  await page.waitForURL(/shock=/);
  await page.locator('ul.action-list > li.action-item a').nth(1).click();
  await page.waitForURL(/action=/);
  await page.locator('.header-tools .share-button').click();
  const dialog = page.locator('dialog.share-dialog');
  await page.waitForFunction(() => document.querySelector('dialog.share-dialog')?.open === true);
  const link = await dialog.locator('#share-url').inputValue();
  // "Copy link" copies exactly that link.
  await dialog.locator('button.copy-link').click();
  await page.waitForFunction(() => document.querySelector('dialog.share-dialog .dialog-status')?.textContent.trim().length > 0);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link, 'the copied text is the shown link');
  await page.keyboard.press('Escape');
  return link;
}

test('the Share dialog’s link, copied and opened in a new page, gives the same view', async (t) => {
  const server = await serve();
  let link;
  let original;
  const permissions = { permissions: ['clipboard-read', 'clipboard-write'] };
  await withPage(t, { url: `${server.url}?lang=en`, contextOptions: permissions }, async (page) => {
    await waitForPillars(page);
    link = await shareLinkOfAView(page);
    original = await viewSignature(page);
  });
  assert.ok(link.startsWith(server.url), `an absolute link to the site: ${link}`);
  const params = new URL(link).searchParams;
  for (const key of ['view', 'shock', 'action', 'lang']) assert.ok(params.has(key), `the link keeps ${key}: ${link}`);
  assert.ok(original.checked.length > 0 && original.items.length > 0 && original.detail, JSON.stringify(original));
  // A new page (new context: nothing carried over but the link).
  await withPage(t, { url: link }, async (page) => {
    assert.deepEqual(await viewSignature(page), original, 'the same view from the link alone');
  });
  // Negative control: a link that lost one parameter gives another view, and the comparison sees it.
  const lossy = new URL(link);
  lossy.searchParams.delete('shock');
  await withPage(t, { url: lossy.href }, async (page) => {
    const other = await viewSignature(page);
    assert.notDeepEqual(other, original, 'without the shock filter the view differs');
    assert.throws(() => assert.deepEqual(other, original), /Expected values to be strictly deep-equal/);
  });
});

test('?data= naming another origin: a clear message, and no request to it', async (t) => {
  const server = await serve();
  const elsewhere = 'https://example.org/strategy.json';
  // The reason is in English in both languages, as every fetch reason is (the sentence around it is translated).
  for (const [lang, words] of [['en', /^Could not load .*: files from another site are not allowed/], ['id', /files from another site are not allowed/]]) {
    await withPage(t, { url: `${server.url}?data=${encodeURIComponent(elsewhere)}&lang=${lang}` }, async (page) => {
      const screen = page.locator('main.error-screen');
      await screen.waitFor({ timeout: BOOT_TIMEOUT });
      const reason = await screen.locator('.error-reason').innerText();
      assert.ok(reason.includes(elsewhere), `names the link: ${reason}`);
      assert.match(reason, words, `says why: ${reason}`);
      await screen.locator('a.back-to-bundled').click();
      await waitForPillars(page);
    });
  }
  // Negative control: the same origin's file is fetched (so the refusal above is about the origin).
  await withPage(t, { url: `${server.url}?data=${encodeURIComponent(`${server.url}data/chennai.json`)}&lang=en` }, async (page) => {
    await page.locator('article.pillar-card').first().waitFor({ timeout: BOOT_TIMEOUT });
    assert.equal(await page.locator('main.error-screen').count(), 0);
  });
});
