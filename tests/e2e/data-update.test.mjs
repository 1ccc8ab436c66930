// A data update reaches a returning visitor whatever caching headers the host sends (issue 22).
// The host here is like many default server setups: no Cache-Control, a Last-Modified a month
// back (so the browser would treat its copy as fresh for about three days), an ETag, and 304s.
// The browser's HTTP cache stays ON: nothing in this file routes requests (request
// interception in the test driver switches the cache off), so the tabs are opened by hand in
// one browser context (one profile) instead of through withPage().
//
// The control is the same visit with revalidation switched off in a copy of dist/: sw.js
// fetches without `cache: "no-cache"`, the loader's request-cache table maps the app's
// "no-cache" to "default", and so does the prerender gate's request. It must show the old data, which proves the test can fail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, BOOT_TIMEOUT, browser, waitForPillars, screenshot, tempDir, onCleanup } from './lib.mjs';
import { startServer } from './server.mjs';

const UPDATED = 'Jakarta Siap (data update)';
const MONTH = 30 * 24 * 3600;

/** Sets the modification time of every file under `dir` to `seconds` (Unix time). */
function touchAll(dir, seconds) {
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) utimesSync(join(e.parentPath ?? e.path, e.name), seconds, seconds);
  }
}

/** Replaces `from` by `to` in `file` once; fails when `from` is not there. */
function patch(file, from, to) {
  const text = readFileSync(file, 'utf8');
  assert.ok(from.test ? from.test(text) : text.includes(from), `${file} has ${from}`);
  writeFileSync(file, text.replace(from, to));
  return { before: text, after: text.replace(from, to) };
}

const sri = (text) => 'sha384-' + createHash('sha384').update(text).digest('base64');

/** The pre-issue-22 behaviour: data requests may be answered by the browser's HTTP cache. */
function switchOffRevalidation(dir) {
  patch(join(dir, 'sw.js'), 'const REVALIDATE = { cache: "no-cache" };', 'const REVALIDATE = {};');
  const glue = readdirSync(dir).find((f) => /^explorer-[0-9a-f]+\.js$/.test(f));
  assert.ok(glue, 'the wasm-bindgen loader is in dist/');
  const { before, after } = patch(
    join(dir, glue),
    /(__wbindgen_enum_RequestCache\s*=\s*\[[^\]]*)"no-cache"/,
    '$1"default"',
  );
  // The prerender gate fetches the dataset to compare it with the prerendered view, and the
  // app takes those bytes: that request revalidates too.
  patch(join(dir, 'prerender-gate.js'), /(jakarta\.json['"],\s*\{\s*cache:\s*)['"]no-cache['"]/, '$1"default"');
  // index.html preloads the loader with its SRI hash: keep it valid for the patched file.
  const html = join(dir, 'index.html');
  if (readFileSync(html, 'utf8').includes(sri(before))) patch(html, sri(before), sri(after));
}

/** A copy of dist/ whose files were last changed a month ago. */
function site({ revalidate }) {
  const dir = tempDir('jrs-plain-host-');
  cpSync(DIST, dir, { recursive: true });
  if (!revalidate) switchOffRevalidation(dir);
  touchAll(dir, Date.now() / 1000 - MONTH);
  return dir;
}

/** Opens a tab of `context` at `url`; console errors, page errors and off-origin requests go to `problems`. */
async function tab(context, url, problems) {
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  await page.goto(url, { waitUntil: 'load', timeout: BOOT_TIMEOUT });
  return page;
}

async function siapName(page) {
  await waitForPillars(page);
  return (await page.locator('article.pillar-card[data-pillar="siap"] h3').innerText()).trim();
}

/** Waits until the service worker's cache holds data/jakarta.json with `name` as the siap pillar's name. */
async function swCacheHas(page, name) {
  await page.waitForFunction(
    async (want) => {
      for (const key of await caches.keys()) {
        const res = await (await caches.open(key)).match('data/jakarta.json');
        if (res) return (await res.json()).pillars.find((p) => p.id === 'siap')?.name?.id === want;
      }
      return false;
    },
    name,
    { timeout: BOOT_TIMEOUT, polling: 100 },
  );
}

/**
 * The visit: once, then (data unchanged) again, then after the web team replaces the
 * data, then with the host stopped. Returns the siap pillar's name seen at each step and the
 * host's answers to the data requests of the unchanged visit. With `embed`, the pages are in
 * embed mode, which registers no service worker: the app's own request alone must revalidate
 * (there is no offline step then).
 */
async function returningVisitor(t, dir, { embed = false } = {}) {
  const log = [];
  const server = await startServer({ dir, port: 0, plainHost: true, log: (l) => log.push(l) });
  let closed = false;
  onCleanup(() => (closed ? undefined : server.close()));
  const context = await (await browser()).newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
  onCleanup(() => context.close());
  const problems = [];
  context.on('request', (r) => {
    if (!r.url().startsWith(server.origin) && !/^(data|blob):/.test(r.url())) problems.push(`request to another origin: ${r.url()}`);
  });
  const url = server.url + (embed ? '?embed=1&lang=en' : '?lang=en');
  const seen = {};
  const dataRequests = () => log.filter((l) => / GET \/data\/jakarta\.json /.test(l)).map((l) => l.split(' ')[0]);

  // 1. The first visit: the service worker installs and caches the data.
  const first = await tab(context, url, problems);
  seen.first = await siapName(first);
  const original = JSON.parse(readFileSync(join(dir, 'data', 'jakarta.json'), 'utf8'));
  if (!embed) {
    await first.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: BOOT_TIMEOUT });
    await swCacheHas(first, original.pillars.find((p) => p.id === 'siap').name.id);
  }
  await first.close();

  // 2. Back with the data unchanged: the host is asked, and answers 304.
  const before = dataRequests().length;
  const again = await tab(context, url, problems);
  seen.unchanged = await siapName(again);
  seen.unchangedRequests = dataRequests().slice(before);
  seen.controlled = await again.evaluate(() => navigator.serviceWorker.controller !== null);
  await again.close();

  // 3. The web team replaces the data file (a valid dataset; the siap pillar is renamed).
  const data = structuredClone(original);
  const siap = data.pillars.find((p) => p.id === 'siap');
  siap.name = { ...siap.name, en: UPDATED, id: UPDATED };
  writeFileSync(join(dir, 'data', 'jakarta.json'), JSON.stringify(data, null, 2));
  const updated = await tab(context, url, problems);
  seen.updated = await siapName(updated);
  await screenshot(updated, `data-update${embed ? '-embed' : ''}-${seen.updated === UPDATED ? 'shown' : 'not-shown'}`);
  if (seen.updated === UPDATED && !embed) await swCacheHas(updated, UPDATED);
  await updated.close();

  // 4. The host is stopped: the last good data comes from the service worker's cache.
  let offline;
  if (embed) {
    offline = await tab(context, server.url + '?embed=1&lang=en', problems);
    await waitForPillars(offline);
  } else {
    await server.close();
    closed = true;
    offline = await tab(context, url, problems);
    seen.offline = await siapName(offline);
  }

  // The problem watch can fire (its negative control), then must hold only that.
  const logged = offline.waitForEvent('console', (m) => m.text() === 'negative control');
  await offline.evaluate(() => console.error('negative control'));
  await logged;
  assert.ok(problems.includes('console error: negative control'), 'the problem watch records console errors');
  seen.problems = problems.filter((p) => p !== 'console error: negative control');
  await offline.close();
  return seen;
}

test('on a host without Cache-Control, the next visit shows the updated data; with the host stopped, the last good data', async (t) => {
  const seen = await returningVisitor(t, site({ revalidate: true }));
  assert.equal(seen.first, 'Jakarta Siap');
  assert.equal(seen.unchanged, 'Jakarta Siap');
  assert.ok(seen.controlled, 'the returning visit goes through the service worker');
  assert.deepEqual(seen.unchangedRequests, ['304'], 'an unchanged file costs one round trip, answered 304');
  assert.equal(seen.updated, UPDATED, 'the new data is shown at the next visit');
  assert.equal(seen.offline, UPDATED, 'host stopped: the last good data is shown');
  assert.deepEqual(seen.problems, []);
});

test('without a service worker (embed mode), the app request itself revalidates: the next visit shows the updated data', async (t) => {
  const seen = await returningVisitor(t, site({ revalidate: true }), { embed: true });
  assert.equal(seen.first, 'Jakarta Siap');
  assert.equal(seen.controlled, false, 'embed mode: no service worker');
  assert.deepEqual(seen.unchangedRequests, ['304'], 'an unchanged file costs one round trip, answered 304');
  assert.equal(seen.updated, UPDATED, 'the new data is shown at the next visit');
  assert.deepEqual(seen.problems, []);
});

for (const embed of [false, true]) {
  test(`negative control${embed ? ' (embed mode)' : ''}: with revalidation switched off, the next visit shows the old data`, async (t) => {
    const seen = await returningVisitor(t, site({ revalidate: false }), { embed });
    assert.equal(seen.first, 'Jakarta Siap');
    assert.equal(seen.controlled, !embed);
    assert.deepEqual(seen.unchangedRequests, [], 'the host is not even asked');
    assert.equal(seen.updated, 'Jakarta Siap', 'the browser kept its heuristically fresh copy: old data');
    if (!embed) assert.equal(seen.offline, 'Jakarta Siap');
    assert.deepEqual(seen.problems, []);
  });
}
