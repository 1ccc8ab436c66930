// Hostile and broken datasets through `?data=` in the browser: each one gives either the error
// screen listing what is wrong and where, with a working way back to the bundled data, or a
// safe rendering. Nothing from a dataset may run as code: the tests fail if a dialog opens, if
// an injected script or handler runs (`window.__pwned`), if markup from the data reaches the
// DOM, or if a link has a scheme other than http, https or mailto. Failed fetches (404, wrong
// content type, too large, no answer) say what failed and where. A panic shows the friendly
// error screen whose "copy details" button copies the details.
//
// The files are served from a temporary copy of dist/: a selection of tests/hostile/ plus files
// generated here (10 MB, 10,000 levels of nesting, a 1 MB string, payloads in every text).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, ROOT, BOOT_TIMEOUT, SELF_TEST_DIST, serve, withPage, tempDir, screenshot, waitForPillars, forbidDialogs } from './lib.mjs';

const HOSTILE = join(ROOT, 'tests', 'hostile');

/** From tests/hostile/: syntax, encoding, types, references, ids, payloads, links, unknown fields. */
const SAMPLES = [
  '03-truncated.json',
  '07-nan-literal.json',
  '08-infinity-literal.json',
  '11-invalid-utf8.json',
  '12-utf8-bom.json',
  '13-utf16-le-bom.json',
  '17-array-root.json',
  '21-raw-nul-in-string.json',
  '25-wrong-types-everywhere.json',
  '30-population-beyond-u64.json',
  '33-date-far-future.json',
  '44-dangling-everywhere.json',
  '45-duplicate-ids-everywhere.json',
  '47-parent-cycle.json',
  '48-rtl-override-in-id.json',
  '49-zero-width-in-id.json',
  '51-script-in-id.json',
  '53-rtl-override-in-text.json',
  '58-escaped-script-in-text.json',
  '60-javascript-link.json',
  '64-javascript-link-entity.json',
  '65-data-url-link.json',
  '66-vbscript-link.json',
  '67-attribute-breaking-link.json',
  '69-unknown-fields-nested.json',
];

// Handlers that would set `window.__pwned` and handlers that would open a dialog (`alert`),
// so both the code check and the dialog check have something to catch.
const PAYLOAD = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>"><svg onload=alert(1)><a href="javascript:alert(1)">x</a>`;
const bundled = () => JSON.parse(readFileSync(join(DIST, 'data', 'jakarta.json'), 'utf8'));

/** Appends the payload to every bilingual text ({id, en}) and to the free-text strings. */
function withPayloads(d) {
  const walk = (v) => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!v || typeof v !== 'object') return;
    const keys = Object.keys(v);
    if (typeof v.id === 'string' && typeof v.en === 'string' && keys.every((k) => ['id', 'en', 'editor_translated'].includes(k))) {
      v.id += ' ' + PAYLOAD;
      v.en += ' ' + PAYLOAD;
      return;
    }
    for (const k of keys) walk(v[k]);
  };
  walk(d);
  for (const a of d.actions) {
    if (typeof a.lead === 'string') a.lead += ' ' + PAYLOAD;
    if (Array.isArray(a.partners)) a.partners = a.partners.map((p) => p + ' ' + PAYLOAD);
  }
  for (const a of d.areas) a.name += ' ' + PAYLOAD;
  for (const s of d.sources) {
    s.title += ' ' + PAYLOAD;
    s.publisher += ' ' + PAYLOAD;
  }
  if (typeof d.meta.editors === 'string') d.meta.editors += ' ' + PAYLOAD;
  return d;
}

let site = null;
/** The temporary site: dist/ plus hostile/ (memoised per test file). */
async function hostileSite() {
  if (site) return site;
  const dir = tempDir('jrs-hostile-');
  cpSync(DIST, dir, { recursive: true });
  const h = join(dir, 'hostile');
  mkdirSync(h);
  for (const f of SAMPLES) cpSync(join(HOSTILE, f), join(h, f));
  // 10 MB: over the 8 MiB limit (refused from its Content-Length, before reading it).
  const big = bundled();
  big.actions[0].description = { id: 'x'.repeat(5_300_000), en: 'y'.repeat(5_300_000) };
  writeFileSync(join(h, 'ten-megabytes.json'), JSON.stringify(big));
  // 10,000 levels of nesting.
  writeFileSync(join(h, 'deep-nesting.json'), `{"meta": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`);
  // A 1 MB string in the first action's description (over the 20,000-character limit)...
  const huge = bundled();
  huge.actions[0].description = { id: 'Panjang'.repeat(150_000), en: 'Long'.repeat(262_144) };
  writeFileSync(join(h, 'one-megabyte-string.json'), JSON.stringify(huge));
  // ...and a valid one: a 19,000-character word with no place to break it.
  const long = bundled();
  long.actions[0].description = { id: 'a'.repeat(19_000), en: 'b'.repeat(19_000) };
  writeFileSync(join(h, 'long-unbroken-word.json'), JSON.stringify(long));
  // A valid dataset with markup and script payloads in every text it shows.
  writeFileSync(join(h, 'payloads.json'), JSON.stringify(withPayloads(bundled())));
  // Wrong content types, and an over-limit file.
  writeFileSync(join(h, 'page.html'), '<!doctype html><title>not data</title><p>hello</p>');
  cpSync(join(dir, 'favicon.svg'), join(h, 'picture.svg'));
  site = await serve({ dir });
  return site;
}

/**
 * What markup from data would leave in the page: scripts without src, on* attributes,
 * images or SVGs that are not the app's own, links with other schemes, and whether any
 * injected code ran. Returns a list of findings (empty = safe). Runs in the page.
 */
function findInjected() {
  const found = [];
  if (window.__pwned !== undefined) found.push('window.__pwned was set: injected code ran');
  for (const s of document.querySelectorAll('script')) {
    if (!s.src && s.textContent.trim() !== '') found.push(`inline <script>: ${s.textContent.slice(0, 60)}`);
  }
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      if (/^on/i.test(a.name)) found.push(`<${el.localName} ${a.name}="${a.value.slice(0, 40)}">`);
    }
  }
  for (const img of document.querySelectorAll('img')) {
    const src = img.getAttribute('src') || '';
    if (src === 'x' || !/^(data:|blob:|\.\/|[a-z0-9-]+\.(svg|png))/i.test(src)) found.push(`<img src="${src.slice(0, 40)}">`);
  }
  for (const a of document.querySelectorAll('[href]')) {
    const href = a.getAttribute('href');
    let scheme = null;
    try {
      scheme = new URL(href, location.href).protocol;
    } catch {
      found.push(`unparsable href ${href.slice(0, 60)}`);
      continue;
    }
    // blob: only for the app's own downloads (same origin).
    const ownBlob = scheme === 'blob:' && href.startsWith(`blob:${location.origin}/`);
    if (!['http:', 'https:', 'mailto:'].includes(scheme) && !ownBlob) found.push(`href with ${scheme} ${href.slice(0, 60)}`);
  }
  return found;
}

/** The page settled on the error screen or the explorer; returns which, and checks safety. */
async function settled(page, name = '') {
  await page
    .waitForFunction(
      () =>
        document.querySelector('main.error-screen') ||
        (document.querySelector('main#main h1') && !document.querySelector('.loading')),
      null,
      { timeout: BOOT_TIMEOUT },
    )
    .catch((e) => {
      throw new Error(`${name}: neither the error screen nor the explorer appeared: ${e.message}`);
    });
  const text = (await page.locator('main').first().innerText()).trim();
  assert.ok(text.length > 20, 'the page is not blank');
  assert.deepEqual(await page.evaluate(findInjected), [], 'nothing from the data runs or becomes markup');
  return (await page.locator('main.error-screen').count()) > 0 ? 'error' : 'explorer';
}

/**
 * Downloads at 1 MB/s, so that the app's refusal of the 10 MB file (from its Content-Length)
 * always comes before its last byte: the download it leaves unread is then always cut short,
 * once the page moves on (without this the outcome depended on whether the whole file had
 * already arrived, and the test was flaky).
 */
async function slowDownloads(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: 1_000_000, uploadThroughput: -1 });
}

/** What shows that a view has drawn the dataset's text (charts draw after the first paint). */
const VIEW_DRAWN = {
  actions: () => document.querySelectorAll('ul.action-list > li.action-item').length > 0,
  charts: () => {
    const figures = [...document.querySelectorAll('figure.chart[data-chart]')];
    return figures.length > 0 && figures.every((f) => f.querySelector('svg'));
  },
  map: () => document.querySelectorAll('svg.map-svg path.area').length > 0,
  timeline: () => document.querySelectorAll('ol.timeline li.event').length > 0,
  sources: () => document.querySelectorAll('ol.source-list li').length > 0,
};

/** Waits until `view` has drawn, then for the next animation frame (effects have run). */
async function viewDrawn(page, view) {
  await page.waitForFunction(VIEW_DRAWN[view], null, { timeout: BOOT_TIMEOUT });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
}

test(`${SAMPLES.length} hostile files and 4 generated ones through ?data=: an error screen or a safe page, never code`, async (t) => {
  const server = await hostileSite();
  const outcomes = {};
  let warningsSeen = 0;
  for (const name of [...SAMPLES, 'deep-nesting.json', 'ten-megabytes.json', 'one-megabyte-string.json', 'long-unbroken-word.json']) {
    const refusedDownload = name === 'ten-megabytes.json';
    const problems = await withPage(t, { allowOrigins: [server.url], allowProblems: refusedDownload }, async (page, problems) => {
      forbidDialogs(page, problems);
      if (refusedDownload) await slowDownloads(page);
      await page.goto(`${server.url}?data=hostile/${name}&lang=en`);
      const kind = await settled(page, name);
      outcomes[name] = kind;
      if (kind === 'error') {
        const screen = page.locator('main.error-screen');
        assert.equal((await screen.locator('h1').innerText()).trim(), 'The data cannot be shown', name);
        assert.match(await screen.locator('.error-source').innerText(), new RegExp(`hostile/${name.replace('.', '\\.')}`), `${name}: names the file`);
        const listed = await screen.locator('ol.problems li.problem').count();
        const reason = await screen.locator('.error-reason').count();
        assert.ok(listed > 0 || reason > 0, `${name}: says what is wrong`);
        if (listed > 0) {
          const first = screen.locator('ol.problems li.problem').first();
          assert.ok((await first.locator('.path').innerText()).trim().length > 0, `${name}: the problem says where`);
          assert.ok((await first.locator('.message').innerText()).trim().length > 3, `${name}: and what`);
        }
        // Errors come first; a warning says so in words (not only in grey).
        if (listed > 0) {
          assert.equal(await screen.locator('ol.problems li.problem').first().getAttribute('class'), 'problem error', `${name}: errors first`);
          for (const label of await screen.locator('li.problem.warning .severity').allInnerTexts()) {
            assert.match(label, /^warning$/i, `${name}: warnings are labelled`);
          }
          warningsSeen += await screen.locator('li.problem.warning').count();
          assert.equal(
            await screen.locator('li.problem.warning').count(),
            await screen.locator('li.problem.warning .severity').count(),
            `${name}: every warning is labelled`,
          );
        }
        // The way back works from every error screen, and keeps the language.
        const back = screen.locator('a.back-to-bundled');
        assert.equal(await back.getAttribute('href'), './?lang=en', `${name}: offers the bundled data`);
        await back.click();
        await waitForPillars(page);
      }
    });
    if (refusedDownload) {
      // Exactly one problem: the download the app refused, cut short. Anything else fails.
      assert.deepEqual(problems.map((p) => p.replace(/\/\/[^/]+\//, '//host/')), ['request failed: http://host/hostile/ten-megabytes.json net::ERR_ABORTED']);
    }
  }
  // The corpus really exercises both outcomes, and the clear cases come out as expected.
  for (const name of ['03-truncated.json', '11-invalid-utf8.json', '13-utf16-le-bom.json', '17-array-root.json', '25-wrong-types-everywhere.json', '44-dangling-everywhere.json', '60-javascript-link.json', '66-vbscript-link.json', 'deep-nesting.json', 'ten-megabytes.json', 'one-megabyte-string.json']) {
    assert.equal(outcomes[name], 'error', `${name} is refused`);
  }
  assert.ok(warningsSeen > 0, 'some error screen also lists warnings (labelled, after the errors)');
  for (const name of ['12-utf8-bom.json', 'long-unbroken-word.json']) {
    assert.equal(outcomes[name], 'explorer', `${name} is shown`);
  }
});

test('the error screen: problems with their paths, readable at 375 px, and "back" restores the bundled data', async (t) => {
  const server = await hostileSite();
  await withPage(t, { url: `${server.url}?data=hostile/25-wrong-types-everywhere.json&lang=id`, viewport: { width: 375, height: 812 } }, async (page, problems) => {
    forbidDialogs(page, problems);
    assert.equal(await settled(page), 'error');
    assert.equal((await page.locator('main.error-screen h1').innerText()).trim(), 'Data tidak dapat ditampilkan');
    const paths = await page.locator('ol.problems li.problem .path').allInnerTexts();
    assert.ok(paths.length >= 5, `lists every problem (${paths.length})`);
    assert.ok(paths.some((p) => /^[a-z_]+(\[\d+\])?(\.[a-z_]+)*/.test(p)), `paths like actions[0].title: ${paths.slice(0, 3)}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `no sideways scrolling at 375 px (${overflow} px)`);
    await screenshot(page, 'hostile-error-screen-375-id');
    await page.locator('main.error-screen a.back-to-bundled').click();
    await waitForPillars(page);
    assert.equal(new URL(page.url()).searchParams.get('data'), null, 'back on the bundled data');
    assert.equal(new URL(page.url()).searchParams.get('lang'), 'id', 'in the same language');
  });
});

test('payloads in every text render as text on every view; nothing runs, no markup, safe links', async (t) => {
  const server = await hostileSite();
  const base = `${server.url}?data=hostile/payloads.json&lang=en`;
  await withPage(t, { url: base }, async (page, problems) => {
    forbidDialogs(page, problems);
    assert.equal(await settled(page), 'explorer', 'a valid dataset with odd text is shown');
    // The payload is visible as literal text.
    assert.ok((await page.locator('article.pillar-card').first().innerText()).includes('<script>window.__pwned=1</script>'), 'shown literally');
    // Every view, through the app's own navigation (no reload).
    const go = (view) => page.locator(`nav.views a[href*="view=${view}"]`).first().click();
    for (const view of ['actions', 'charts', 'map', 'timeline', 'sources']) {
      await go(view);
      await page.waitForURL(new RegExp(`view=${view}`));
      await viewDrawn(page, view);
      assert.deepEqual(await page.evaluate(findInjected), [], `${view}: nothing injected`);
    }
    // An action's details show every field (lead, partners, places, sources).
    await go('actions');
    await page.locator('ul.action-list > li.action-item a').first().click();
    const detail = page.locator('article.action-detail');
    await detail.waitFor();
    assert.ok((await detail.innerText()).includes('<img src=x onerror="window.__pwned=1">'), 'the detail shows the payload as text');
    // Chart tables carry the text too: open one.
    await go('charts');
    await page.locator('button.chart-table-toggle').first().click();
    await page.locator('figure.chart table').first().waitFor();
    assert.deepEqual(await page.evaluate(findInjected), [], 'tables: nothing injected');
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
  });
});

test('a 19,000-character word does not break the layout of the details on a phone', async (t) => {
  const server = await hostileSite();
  const id = bundled().actions[0].id;
  await withPage(t, { url: `${server.url}?data=hostile/long-unbroken-word.json&view=actions&action=${encodeURIComponent(id)}&lang=en`, viewport: { width: 375, height: 812 } }, async (page) => {
    await page.locator('article.action-detail .description').waitFor({ timeout: BOOT_TIMEOUT });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `no sideways scrolling (${overflow} px)`);
    const box = await page.locator('article.action-detail').boundingBox();
    assert.ok(box && box.width <= 375, `the details fit the screen (${box && box.width} px)`);
  });
});

test('?data= that cannot be fetched: 404, wrong content type, too large, no answer; each says what and where', async (t) => {
  const server = await hostileSite();
  const cases = [
    { file: 'hostile/missing.json', reason: /HTTP 404/, problem: /HTTP 404 for .*hostile\/missing\.json/ },
    { file: 'hostile/page.html', reason: /text\/html.*not a JSON file/ },
    { file: 'hostile/picture.svg', reason: /image\/svg\+xml.*not a JSON file/ },
    // Refused from its Content-Length; the download it does not read is aborted.
    { file: 'hostile/ten-megabytes.json', reason: /too large/, slow: true, problem: /^request failed: .*hostile\/ten-megabytes\.json net::ERR_ABORTED$/ },
  ];
  for (const c of cases) {
    const problems = await withPage(t, { allowOrigins: [server.url], allowProblems: true }, async (page) => {
      if (c.slow) await slowDownloads(page);
      await page.goto(`${server.url}?data=${c.file}&lang=en`);
      assert.equal(await settled(page), 'error', c.file);
      const reason = await page.locator('main.error-screen .error-reason').innerText();
      assert.match(reason, new RegExp(`Could not load ${c.file.replace('.', '\\.')}`), `${c.file}: says where`);
      assert.match(reason, c.reason, `${c.file}: says what (${reason})`);
      await page.locator('main.error-screen a.back-to-bundled').click();
      await waitForPillars(page);
    });
    if (c.slow) {
      // Exactly one problem: the refused download, aborted. Any other failed request fails.
      assert.equal(problems.length, 1, `${c.file}: only the aborted download: ${problems.join('; ')}`);
      assert.match(problems[0], c.problem);
    } else if (c.problem) {
      // The browser reports the failed request in up to three ways; all about that URL only.
      assert.ok(problems.some((p) => c.problem.test(p)), problems.join('; '));
      assert.ok(problems.every((p) => p.includes(c.file)), `only the expected failure: ${problems.join('; ')}`);
    } else {
      assert.deepEqual(problems, [], `${c.file}: no other problem`);
    }
  }
});

test('?data= with no answer gives up after the page timeout setting (jrs-fetch-timeout) with a clear message', async (t) => {
  // The shipped index.html sets 20 s; a copy of dist/ sets 2 s, as a web team may.
  const dir = tempDir('jrs-timeout-');
  cpSync(DIST, dir, { recursive: true });
  const index = join(dir, 'index.html');
  const html = readFileSync(index, 'utf8');
  const shipped = '<meta name="jrs-fetch-timeout" content="20" />';
  assert.ok(html.includes(shipped), 'index.html ships the 20 s timeout setting');
  writeFileSync(index, html.replace(shipped, '<meta name="jrs-fetch-timeout" content="2" />'));
  const server = await serve({ dir });
  const problems = await withPage(t, { allowOrigins: [server.url], allowProblems: true }, async (page) => {
    // Hold the request: never answer it.
    await page.route('**/hostile/never.json', () => {});
    await page.goto(`${server.url}?data=hostile/never.json&lang=en`);
    await page.locator('.loading').waitFor({ timeout: BOOT_TIMEOUT });
    const started = Date.now();
    await page.locator('main.error-screen').waitFor({ timeout: 20_000 });
    const waited = Date.now() - started;
    assert.ok(waited < 15_000, `gave up after the 2 s setting, not the default 20 s (${waited} ms)`);
    const reason = await page.locator('main.error-screen .error-reason').innerText();
    assert.match(reason, /Could not load hostile\/never\.json: no answer within 2 seconds/);
    await page.locator('main.error-screen a.back-to-bundled').click();
    await waitForPillars(page);
  });
  // The app aborted the request it gave up on; nothing else went wrong.
  assert.deepEqual(problems.map((p) => p.replace(/\/\/[^/]+\//, '//host/')), ['request failed: http://host/hostile/never.json net::ERR_ABORTED']);
});

test('a panic shows the error screen; "copy details" copies them (id and en)', async (t) => {
  // The test variant of the app, which exports the deliberate panic (dist/ does not).
  const server = await serve({ dir: SELF_TEST_DIST });
  for (const [lang, heading, copied] of [['id', /Terjadi kesalahan/, 'Tersalin'], ['en', /Something unexpected went wrong/, 'Copied']]) {
    const problems = await withPage(
      t,
      { url: `${server.url}?lang=${lang}`, allowProblems: true, contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] } },
      async (page) => {
        await waitForPillars(page);
        // The deliberate panic of the test variant (src/bin/explorer-self-test.rs).
        await page.evaluate(() => {
          try {
            window.wasmBindings.jrs_self_test_panic();
          } catch {
            /* the wasm traps after the panic hook ran */
          }
        });
        const screen = page.locator('main.error-screen.panic');
        await screen.waitFor({ timeout: 5_000 });
        assert.match(await screen.locator('h1').innerText(), heading);
        const details = await screen.locator('pre').innerText();
        assert.match(details, /self-test: a deliberate panic/);
        assert.match(details, /src\/bin\/explorer-self-test\.rs:\d+:\d+/, 'with the source location');
        const button = screen.locator('button');
        await button.click();
        await page.waitForFunction((t) => document.querySelector('main.panic button')?.textContent === t, copied);
        assert.equal(await page.evaluate(() => navigator.clipboard.readText()), details);
        assert.equal(await screen.locator('a.button').getAttribute('href'), './');
        await screenshot(page, `panic-screen-${lang}`);
      },
    );
    // Exactly what a panic leaves: the hook's console message and the trap.
    assert.ok(problems.length >= 1 && problems.length <= 2, problems.join('\n'));
    assert.ok(problems.every((p) => /self-test: a deliberate panic|unreachable|RuntimeError/.test(p)), problems.join('\n'));
  }
});

test('without a clipboard, "copy details" selects the details so they can be copied by hand', async (t) => {
  const server = await serve({ dir: SELF_TEST_DIST });
  const problems = await withPage(t, { url: `${server.url}?lang=en`, allowProblems: true }, async (page) => {
    await waitForPillars(page);
    await page.evaluate(() => {
      // As on a page that is not a secure context: no navigator.clipboard at all.
      delete Navigator.prototype.clipboard;
      try {
        window.wasmBindings.jrs_self_test_panic();
      } catch {
        /* the wasm traps after the panic hook ran */
      }
    });
    const screen = page.locator('main.error-screen.panic');
    await screen.waitFor({ timeout: 5_000 });
    assert.equal(await page.evaluate(() => navigator.clipboard), undefined, 'the clipboard is really gone');
    const details = await screen.locator('pre').innerText();
    await screen.locator('button').click();
    await page.waitForFunction(() => window.getSelection().toString().length > 0, null, { timeout: 5_000 });
    assert.equal((await page.evaluate(() => window.getSelection().toString())).trim(), details.trim(), 'the details are selected');
    assert.equal((await screen.locator('button').innerText()).trim(), 'Copy details', 'it does not claim to have copied');
  });
  assert.ok(problems.every((p) => /self-test: a deliberate panic|unreachable|RuntimeError/.test(p)), problems.join('\n'));
});

test('negative control: markup inserted into the page is found by the check', async (t) => {
  const server = await serve();
  await withPage(t, { url: server.url, allowProblems: true }, async (page) => {
    await waitForPillars(page);
    assert.deepEqual(await page.evaluate(findInjected), [], 'the app as shipped is clean');
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.innerHTML = '<img src=x onerror="1"><a href="javascript:void 0">x</a><a href="data:text/html,x">y</a><svg onload="1"></svg>';
      const s = document.createElement('script');
      s.textContent = '/* inert: added after load, blocked by the CSP */';
      p.append(s);
      document.querySelector('main').append(p);
      window.__pwned = 1;
    });
    const found = await page.evaluate(findInjected);
    assert.ok(found.some((f) => /__pwned/.test(f)), found.join('; '));
    assert.ok(found.some((f) => /onerror/.test(f)), found.join('; '));
    assert.ok(found.some((f) => /img src="x"/.test(f)), found.join('; '));
    assert.ok(found.some((f) => /javascript:/.test(f)), found.join('; '));
    assert.ok(found.some((f) => /href with data:/.test(f)), found.join('; '));
    assert.ok(found.some((f) => /<svg onload/.test(f)), found.join('; '));
    assert.ok(found.some((f) => /inline <script>/.test(f)), found.join('; '));
  });
});
