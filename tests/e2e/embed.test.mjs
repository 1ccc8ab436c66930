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

/**
 * The demo host page on another origin, its iframe pointed at the app's origin. Options:
 * `frameOrigins` more origins the frame may navigate to; `script` a replacement for the demo's
 * embed-demo.js text (negative controls feed it a broken listener).
 */
async function hostPage(appServer, { frameOrigins = [], script = null, allow = null } = {}) {
  const dir = tempDir('jrs-embed-host-');
  const iframe = demoIframe();
  assert.ok(iframe.includes(`src="${DEMO_SRC}"`));
  let frame = iframe.replace(`src="${DEMO_SRC}"`, `src="${appServer.url}?embed=1"`);
  if (allow !== null) frame = frame.replace(/allow="[^"]*"/, `allow="${allow}"`);
  const html = demoHtml().replace(iframe, frame);
  writeFileSync(join(dir, 'index.html'), html);
  if (script === null) copyFileSync(join(DIST, 'embed-demo.js'), join(dir, 'embed-demo.js'));
  else writeFileSync(join(dir, 'embed-demo.js'), script);
  // The host's own policy: ours, plus permission to frame the explorer's origin.
  const host = await startServer({
    dir,
    port: 0,
    headers: { 'Content-Security-Policy': `${CSP}; frame-src ${[appServer.origin, ...frameOrigins].join(' ')}` },
  });
  onCleanup(() => host.close());
  assert.notEqual(host.origin, appServer.origin);
  return host;
}

/** The explorer's frame inside the host page, once it is loaded from the app's origin. */
async function appFrame(page, server) {
  const handle = await page.locator('iframe[data-jrs-embed]').elementHandle();
  const frame = await handle.contentFrame();
  assert.ok(frame, 'the iframe has a frame');
  await frame.waitForURL((u) => u.href.startsWith(server.url), { timeout: BOOT_TIMEOUT });
  return frame;
}

/** Resolves on the next animation frame of `page`: a sign that layout and effects have run. */
const nextFrame = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));

/**
 * Whether the iframe fits its content within 2 px with no scrolling inside it, checked once per
 * animation frame of the host page until it does or `timeout` ms pass. Returns the last reading.
 */
async function measureFit(page, iframe, frame, timeout = 6_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const outer = await iframe.evaluate((f) => f.clientHeight);
    const inner = await frame.evaluate(() => ({
      content: document.querySelector('.embed-shell').getBoundingClientRect().height,
      scroll: document.documentElement.scrollHeight,
    }));
    const last = { outer, ...inner };
    last.ok = Math.abs(outer - inner.content) <= 2 && inner.scroll <= outer + 2;
    if (last.ok || Date.now() > deadline) return last;
    await nextFrame(page);
  }
}

/**
 * Posts `data` to the host page's window from `from` (a frame, or the page itself) and resolves
 * once the host page has dispatched that message to all its listeners: a listener added after
 * the demo's runs after it for the same event, so when it fires the demo has handled it.
 */
async function postAndWaitHandled(page, from, data) {
  const seen = page.evaluate(
    (marker) =>
      new Promise((resolve) => {
        window.addEventListener('message', function seen(e) {
          if (e.data && e.data.marker === marker) {
            window.removeEventListener('message', seen);
            resolve(e.origin);
          }
        });
      }),
    data.marker,
  );
  // The listener above is in place once evaluate() has returned the promise's setup.
  await page.evaluate(() => true);
  await from.evaluate((d) => (window === window.parent ? window : window.parent).postMessage(d, '*'), data);
  return seen;
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
    for (const a of ['title="', 'loading="lazy"', 'allow="fullscreen; clipboard-write"', 'height="']) {
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
    const frame = await appFrame(page, server);
    await waitForPillars(frame);

    // Embed mode: no site header, nav or footer; a compact header links to the full view.
    assert.equal(await frame.locator('.site-header, nav.views, .site-footer').count(), 0);
    const open = frame.locator('.embed-header a.embed-open');
    assert.equal(await open.getAttribute('target'), '_blank');
    assert.equal(new URL(await open.getAttribute('href'), frame.url()).href, server.url);

    async function fits(label) {
      const last = await measureFit(page, iframe, frame);
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
      // The app has handled the tick once the box is checked and the URL has changed (the
      // list may or may not grow: a shock can add no initiative the others did not bring).
      const url = frame.url();
      await frame.locator(`label[for="${id}"]`).click();
      await frame.waitForURL((u) => u.href !== url, { timeout: 5_000 });
      assert.equal(await frame.locator(`#${id}`).isChecked(), true, `${id} is ticked`);
      await nextFrame(frame);
      await fits(`actions, after ticking ${id}`);
    }
    // Open an action: the detail panel makes the content taller.
    await frame.locator('ul.action-list > li.action-item a').first().click();
    await frame.locator('article.action-detail').waitFor();
    await fits('action detail');
    await screenshot(page, 'embed-host-actions-detail');

    // The listener ignores height messages that do not come from the iframe.
    const before = await iframe.evaluate((f) => f.clientHeight);
    await postAndWaitHandled(page, page, { type: 'jrs-embed-height', height: 123, marker: 'from-host' });
    await nextFrame(page);
    assert.equal(await iframe.evaluate((f) => f.clientHeight), before, 'a message from the host itself is ignored');
  });
});

/** Counts calls to navigator.serviceWorker.register() in `window.__swRegisterCalls`. */
const COUNT_SW_REGISTER = `(() => {
  window.__swRegisterCalls = 0;
  const register = ServiceWorkerContainer.prototype.register;
  ServiceWorkerContainer.prototype.register = function (...args) {
    window.__swRegisterCalls += 1;
    return register.apply(this, args);
  };
})();`;

/**
 * The host page's console messages (of every type) about the iframe's `allow` list, once the
 * explorer has loaded in the iframe. With `expect`, waits for such a message first.
 */
async function allowWarnings(t, server, allow, expect = false) {
  const host = await hostPage(server, { allow });
  const seen = [];
  await withPage(t, { allowOrigins: [server.origin, host.origin] }, async (page) => {
    page.on('console', (m) => {
      if (/Unrecognized feature/.test(m.text())) seen.push(m.text());
    });
    const warned = expect
      ? page.waitForEvent('console', { predicate: (m) => /Unrecognized feature/.test(m.text()), timeout: BOOT_TIMEOUT })
      : null;
    await page.goto(host.url);
    await waitForPillars(await appFrame(page, server));
    if (warned) await warned;
  });
  return seen;
}

test('the embed code allows only features the host browser recognises (no "Unrecognized feature" on the host page)', async (t) => {
  const server = await serve();
  assert.doesNotMatch(demoIframe(), /web-share/);
  assert.deepEqual(await allowWarnings(t, server, null), [], 'the snippet as the dialog gives it');
  // Negative control: the old allow list puts the warning in the host page's console.
  const old = await allowWarnings(t, server, 'fullscreen; clipboard-write; web-share', true);
  assert.ok(old.some((m) => m.includes("'web-share'")), `the old allow list is reported: ${old}`);
});

test('embed mode at 375 px: compact header, no horizontal scrolling, no service worker', async (t) => {
  const server = await serve();
  await withPage(t, { allowOrigins: [server.url], viewport: { width: 375, height: 700 } }, async (page) => {
    await page.addInitScript({ content: COUNT_SW_REGISTER });
    await page.goto(server.url + '?embed=1&lang=en');
    await waitForPillars(page, { timeout: BOOT_TIMEOUT });
    assert.equal(await page.locator('.site-header').count(), 0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling (${overflow}px)`);
    // Embedded pages never register the offline service worker. The app decides while it
    // builds the page shell, so once the pillars show the decision has been made.
    assert.equal(await page.evaluate(() => window.__swRegisterCalls), 0, 'register() was not called');
    assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
    await screenshot(page, 'embed-375-en');
  });
  // Control: the same count on the full site sees the registration, so 0 above means something.
  await withPage(t, { allowOrigins: [server.url] }, async (page) => {
    await page.addInitScript({ content: COUNT_SW_REGISTER });
    await page.goto(server.url + '?lang=en');
    await waitForPillars(page);
    assert.equal(await page.evaluate(() => window.__swRegisterCalls), 1, 'the full site registers it once');
  });
});

/** A third origin with a page the embedded frame can be sent to. */
async function foreignSite() {
  const dir = tempDir('jrs-embed-foreign-');
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>another site</title><p>another site</p>');
  const foreign = await startServer({ dir, port: 0 });
  onCleanup(() => foreign.close());
  return foreign;
}

/**
 * Sends the embedded frame to another origin and, from there, posts a height message to the
 * host; returns the iframe's height before and after the host handled the message.
 */
async function foreignMessage(t, server, host, foreign) {
  const opts = { url: host.url, allowOrigins: [server.origin, foreign.origin], viewport: { width: 1280, height: 900 } };
  let result;
  await withPage(t, opts, async (page) => {
    const iframe = page.locator('iframe[data-jrs-embed]');
    const frame = await appFrame(page, server);
    await waitForPillars(frame);
    assert.ok((await measureFit(page, iframe, frame)).ok, 'the iframe fits the explorer first');
    // The same iframe (same contentWindow), now showing a page of another origin.
    await frame.evaluate((u) => location.assign(u), foreign.url);
    await frame.waitForURL((u) => u.href.startsWith(foreign.url));
    const before = await iframe.evaluate((f) => f.clientHeight);
    const origin = await postAndWaitHandled(page, frame, { type: 'jrs-embed-height', height: 321, marker: 'foreign' });
    assert.equal(origin, foreign.origin, 'the message came from the other origin');
    await nextFrame(page);
    result = { before, after: await iframe.evaluate((f) => f.clientHeight) };
  });
  return result;
}

test('the demo host ignores a height message from the iframe once it shows another origin', async (t) => {
  const server = await serve();
  const foreign = await foreignSite();
  const host = await hostPage(server, { frameOrigins: [foreign.origin] });
  const { before, after } = await foreignMessage(t, server, host, foreign);
  assert.notEqual(before, 321);
  assert.equal(after, before, 'a message from another origin does not resize the iframe');
});

test('negative control: a host listener without the origin check is caught resizing on a foreign message', async (t) => {
  const server = await serve();
  const foreign = await foreignSite();
  const check = 'if (event.origin !== new URL(frame.src, document.baseURI).origin) return;';
  assert.ok(demoJs().includes(check), 'embed-demo.js has the origin check this control removes');
  const host = await hostPage(server, { frameOrigins: [foreign.origin], script: demoJs().replace(check, '') });
  const { before, after } = await foreignMessage(t, server, host, foreign);
  assert.notEqual(before, 321);
  assert.equal(after, 321, 'without the check the foreign message resizes the iframe, so the test above can fail');
});

test('negative control: fits() reports an iframe that does not follow its content', async (t) => {
  const server = await serve();
  // The host page without the demo's listener: the iframe keeps its initial height.
  const host = await hostPage(server, { script: '/* no listener */\n' });
  const opts = { url: host.url, allowOrigins: [server.origin], viewport: { width: 1280, height: 900 } };
  await withPage(t, opts, async (page) => {
    const iframe = page.locator('iframe[data-jrs-embed]');
    const frame = await appFrame(page, server);
    await waitForPillars(frame);
    const last = await measureFit(page, iframe, frame, 1_500);
    assert.equal(last.ok, false, `fits() must report the mismatch: iframe ${last.outer}px, content ${last.content}px`);
    assert.ok(Math.abs(last.outer - last.content) > 2, 'the heights differ');
  });
});
