// Embedding (issue 8): the "Embed" dialog shows exactly the snippet the demo host page uses
// (public/embed-demo.html + embed-demo.js); on a host page on ANOTHER origin, the iframe's
// height follows the embedded content within 2 px after every change; the listener ignores
// messages that do not come from the iframe; embed mode has no site chrome and links to the
// full explorer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, BOOT_TIMEOUT, serve, withPage, waitForPillars, screenshot, tempDir, onCleanup } from './lib.mjs';
import { startServer, CSP } from './server.mjs';

const DEMO_SRC = './?embed=1';
const demoHtml = () => readFileSync(join(DIST, 'embed-demo.html'), 'utf8');
const demoJs = () => readFileSync(join(DIST, 'embed-demo.js'), 'utf8');
const demoIframe = () => {
  const line = demoHtml().split('\n').find((l) => l.startsWith('<iframe data-jrs-embed '));
  assert.ok(line, 'embed-demo.html has the snippet’s iframe on its own line');
  return line;
};

/** The demo host page on another origin, its iframe pointed at the app's origin. */
async function hostPage(appServer) {
  const dir = tempDir('jrs-embed-host-');
  const iframe = demoIframe();
  assert.ok(iframe.includes(`src="${DEMO_SRC}"`));
  const html = demoHtml().replace(iframe, iframe.replace(`src="${DEMO_SRC}"`, `src="${appServer.url}?embed=1"`));
  writeFileSync(join(dir, 'index.html'), html);
  copyFileSync(join(DIST, 'embed-demo.js'), join(dir, 'embed-demo.js'));
  // The host's own policy: ours, plus permission to frame the explorer's origin.
  const host = await startServer({
    dir,
    port: 0,
    headers: { 'Content-Security-Policy': `${CSP}; frame-src ${appServer.origin}` },
  });
  onCleanup(() => host.close());
  assert.notEqual(host.origin, appServer.origin);
  return host;
}

test('the Embed dialog shows exactly the demo host page’s snippet, for the current view', async (t) => {
  const server = await serve();
  await withPage(t, { url: server.url }, async (page) => {
    await waitForPillars(page);
    await page.locator('.header-tools .embed-button').click();
    const code = page.locator('#embed-code');
    await code.waitFor();
    assert.equal(await page.locator('dialog.embed-dialog').evaluate((d) => d.open), true);
    const snippet = await code.inputValue();
    const expected =
      demoIframe().replace(`src="${DEMO_SRC}"`, `src="${server.url}?embed=1"`) + '\n<script>\n' + demoJs() + '</script>\n';
    assert.equal(snippet, expected, 'dialog snippet = demo page iframe (src aside) + embed-demo.js');
    for (const a of ['title="', 'loading="lazy"', 'allow="fullscreen; clipboard-write; web-share"', 'height="']) {
      assert.ok(snippet.includes(a), `snippet has ${a}`);
    }
    await screenshot(page, 'embed-dialog-1280');
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('dialog.embed-dialog').evaluate((d) => d.open), false, 'Escape closes it');

    // The snippet follows the view: charts with a shock filter, in English.
    await page.goto(server.url + '?view=charts&shock=flood&lang=en');
    await page.locator('.header-tools .embed-button').click();
    const other = await page.locator('#embed-code').inputValue();
    assert.ok(other.includes(`src="${server.url}?view=charts&amp;lang=en&amp;shock=flood&amp;embed=1"`), other.split('\n')[0]);
    assert.ok(other.includes('title="Jakarta Resilience Strategy Explorer — Charts"'));
  });
});

test('cross-origin demo host page: the iframe fits its content within 2 px after each change', async (t) => {
  const server = await serve();
  const host = await hostPage(server);
  const opts = { url: host.url, allowOrigins: [server.origin], viewport: { width: 1280, height: 900 } };
  await withPage(t, opts, async (page) => {
    const iframe = page.locator('iframe[data-jrs-embed]');
    await iframe.waitFor();
    assert.equal(await iframe.getAttribute('sandbox'), 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads');
    let frame;
    await page.waitForFunction(() => true);
    for (let i = 0; i < 100 && !frame; i++) {
      frame = page.frames().find((f) => f.url().startsWith(server.url));
      if (!frame) await page.waitForTimeout(100);
    }
    assert.ok(frame, 'the explorer loads in the iframe from its own origin');
    await waitForPillars(frame);

    // Embed mode: no site header, nav or footer; a compact header links to the full view.
    assert.equal(await frame.locator('.site-header, nav.views, .site-footer').count(), 0);
    const open = frame.locator('.embed-header a.embed-open');
    assert.equal(await open.getAttribute('target'), '_blank');
    assert.equal(new URL(await open.getAttribute('href'), frame.url()).href, server.url);

    async function fits(label) {
      let last;
      for (let i = 0; i < 60; i++) {
        const outer = await iframe.evaluate((f) => f.clientHeight);
        const inner = await frame.evaluate(() => ({
          content: document.querySelector('.embed-shell').getBoundingClientRect().height,
          scroll: document.documentElement.scrollHeight,
        }));
        last = { outer, ...inner };
        if (Math.abs(outer - inner.content) <= 2 && inner.scroll <= outer + 2) break;
        await page.waitForTimeout(100);
      }
      assert.ok(Math.abs(last.outer - last.content) <= 2, `${label}: iframe ${last.outer}px vs content ${last.content}px`);
      assert.ok(last.scroll <= last.outer + 2, `${label}: no scrolling inside the iframe (${last.scroll} > ${last.outer})`);
      t.diagnostic(`${label}: iframe ${last.outer}px, content ${last.content.toFixed(1)}px`);
      return last.outer;
    }

    const h0 = await fits('overview');
    await screenshot(page, 'embed-host-overview');
    // A shock chip opens the filtered list of initiatives inside the iframe.
    await frame.locator('.hazards .chips .chip').first().click();
    await frame.locator('ul.action-list').waitFor();
    const h1 = await fits('actions, one shock');
    assert.notEqual(h1, h0, 'the height changed with the content');
    // Tick more shocks in the filter panel: the list (and the iframe) change each time.
    for (const id of ['f-shock-1', 'f-shock-2']) {
      const before = await frame.locator('ul.action-list > li').count().catch(() => 0);
      await frame.locator(`label[for="${id}"]`).click();
      await frame.waitForFunction(
        (n) => document.querySelectorAll('ul.action-list > li').length !== n,
        before,
        { timeout: 5_000 },
      ).catch(() => {});
      await fits(`actions, after ticking ${id}`);
    }
    // Open an action: the detail panel makes the content taller.
    await frame.locator('ul.action-list > li.action-item a').first().click();
    await frame.locator('article.action-detail').waitFor();
    await fits('action detail');
    await screenshot(page, 'embed-host-actions-detail');

    // The listener ignores height messages that do not come from the iframe.
    const before = await iframe.evaluate((f) => f.clientHeight);
    await page.evaluate(() => window.postMessage({ type: 'jrs-embed-height', height: 123 }, '*'));
    await page.waitForTimeout(200);
    assert.equal(await iframe.evaluate((f) => f.clientHeight), before, 'a message from the host itself is ignored');
  });
});

test('embed mode at 375 px: compact header, no horizontal scrolling', async (t) => {
  const server = await serve();
  await withPage(t, { url: server.url + '?embed=1&lang=en', viewport: { width: 375, height: 700 } }, async (page) => {
    await waitForPillars(page, { timeout: BOOT_TIMEOUT });
    assert.equal(await page.locator('.site-header').count(), 0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling (${overflow}px)`);
    // Embedded pages never register the offline service worker.
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
    await screenshot(page, 'embed-375-en');
  });
});
