// Installs as an app (issue 21): index.html links public/manifest.webmanifest; it parses,
// its start_url and scope are the site itself wherever dist/ is served, every icon loads at
// its stated size (the maskable one fills its square, the others keep transparent corners),
// its colours are the page's background, and Chromium finds the page installable (CDP
// Page.getInstallabilityErrors). After one visit the service worker serves the manifest and
// the icons offline. Negative controls: a broken manifest gets installability errors and
// fails the checks; a service worker that does not cache the icons fails the offline check.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { DIST, BOOT_TIMEOUT, CHROMIUM, LAUNCH_ARGS, withPage, waitForPillars, tempDir, onCleanup } from './lib.mjs';
import { startServer } from './server.mjs';

const { chromium } = createRequire(import.meta.url)('playwright-core');

/** The manifest the page links, as the page sees it: its URL, content type and JSON. */
async function linkedManifest(page) {
  return page.evaluate(async () => {
    const link = document.querySelector('link[rel="manifest"]');
    if (!link) return null;
    const res = await fetch(link.href);
    return { href: link.href, attr: link.getAttribute('href'), type: res.headers.get('content-type'), text: await res.text() };
  });
}

/** What the page measures of an image: natural size and the alpha of a corner and the centre. */
async function measureIcon(page, url) {
  return page.evaluate(async (src) => {
    const img = new Image();
    img.src = src;
    try {
      await img.decode();
    } catch (e) {
      return { error: String(e) };
    }
    const c = document.createElement('canvas');
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const alpha = (x, y) => g.getImageData(x, y, 1, 1).data[3];
    return {
      width: img.naturalWidth,
      height: img.naturalHeight,
      corner: alpha(0, 0),
      centre: alpha(c.width >> 1, c.height >> 1),
    };
  }, url);
}

/**
 * Everything the manifest promises, checked directly; returns the problems (none when it
 * is right). `site` is the URL dist/ is served at.
 */
async function manifestProblems(page, site) {
  const problems = [];
  const linked = await linkedManifest(page);
  if (!linked) return ['no <link rel="manifest">'];
  if (linked.attr.startsWith('/') || /^[a-z]+:/i.test(linked.attr)) problems.push(`not relative: ${linked.attr}`);
  if (!/^application\/manifest\+json/.test(linked.type ?? '')) problems.push(`content type ${linked.type}`);
  let m;
  try {
    m = JSON.parse(linked.text);
  } catch (e) {
    return [...problems, `does not parse: ${e.message}`];
  }
  const at = (u) => new URL(u, linked.href).href;
  if (typeof m.name !== 'string' || !/Ketahanan Jakarta/.test(m.name)) problems.push(`name ${m.name}`);
  if (typeof m.short_name !== 'string' || !m.short_name || m.short_name.length > 20) problems.push(`short_name ${m.short_name}`);
  if (m.lang !== 'id') problems.push(`lang ${m.lang}`);
  if (!/Interactive explorer of the Jakarta Resilience Strategy/.test(m.description ?? '')) problems.push('no English in the description');
  if (m.display !== 'standalone') problems.push(`display ${m.display}`);
  if (typeof m.start_url !== 'string' || at(m.start_url) !== site) problems.push(`start_url ${m.start_url} is not ${site}`);
  if (typeof m.scope !== 'string' || at(m.scope) !== site) problems.push(`scope ${m.scope} is not ${site}`);
  const bg = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--bg').trim().toLowerCase());
  for (const key of ['theme_color', 'background_color']) {
    if (String(m[key]).toLowerCase() !== bg) problems.push(`${key} ${m[key]} is not the page background ${bg}`);
  }
  const icons = Array.isArray(m.icons) ? m.icons : [];
  const purposes = icons.map((i) => `${i.purpose ?? 'any'} ${i.sizes}`);
  for (const want of ['any 192x192', 'any 512x512', 'maskable 512x512']) {
    if (!purposes.includes(want)) problems.push(`no ${want} icon (${purposes.join(', ')})`);
  }
  for (const icon of icons) {
    const url = at(icon.src);
    if (!url.startsWith(site)) problems.push(`icon ${icon.src} outside the site`);
    if (icon.type !== 'image/png') problems.push(`icon ${icon.src} type ${icon.type}`);
    const [w, h] = String(icon.sizes).split('x').map(Number);
    const got = await measureIcon(page, url);
    if (got.error) {
      problems.push(`icon ${icon.src} does not load: ${got.error}`);
      continue;
    }
    if (got.width !== w || got.height !== h) problems.push(`icon ${icon.src} is ${got.width}x${got.height}, not ${icon.sizes}`);
    if (got.centre !== 255) problems.push(`icon ${icon.src} is not drawn in its centre`);
    // A maskable icon fills its square (the platform cuts its shape); the others have the
    // favicon's rounded, transparent corners.
    const cornerWanted = icon.purpose === 'maskable' ? 255 : 0;
    if (got.corner !== cornerWanted) problems.push(`icon ${icon.src} corner alpha ${got.corner}, not ${cornerWanted}`);
  }
  return problems;
}

/**
 * Chromium's own verdict on the page at `url`, over the DevTools protocol. A browser profile
 * of its own: the tests' usual contexts are off the record, which Chromium never installs
 * from ('in-incognito').
 */
async function installabilityErrors(url) {
  const context = await chromium.launchPersistentContext(tempDir('jrs-profile-'), {
    executablePath: CHROMIUM,
    headless: true,
    args: LAUNCH_ARGS,
    colorScheme: 'light',
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url, { waitUntil: 'load', timeout: BOOT_TIMEOUT });
    await waitForPillars(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    return installabilityErrors.map((e) => e.errorId);
  } finally {
    await context.close();
  }
}

for (const base of ['/', '/jakarta/strategi/']) {
  test(`the page links a manifest that installs the site under ${base}`, async (t) => {
    const server = await startServer({ dir: DIST, port: 0, base });
    onCleanup(() => server.close());
    await withPage(t, { url: server.url + '?lang=id', contextOptions: { colorScheme: 'light' } }, async (page) => {
      await waitForPillars(page);
      assert.deepEqual(await manifestProblems(page, server.url), []);
    });
    assert.deepEqual(await installabilityErrors(server.url + '?lang=id'), [], 'Chromium finds the page installable');
  });
}

test('negative control: a broken manifest fails the checks and Chromium says why', async (t) => {
  const dir = tempDir('jrs-manifest-dist-');
  cpSync(DIST, dir, { recursive: true });
  const file = join(dir, 'manifest.webmanifest');
  const m = JSON.parse(readFileSync(file, 'utf8'));
  writeFileSync(
    file,
    JSON.stringify({ ...m, start_url: 'https://example.org/', display: 'browser', icons: m.icons.filter((i) => i.purpose === 'maskable') }),
  );
  const server = await startServer({ dir, port: 0 });
  onCleanup(() => server.close());
  await withPage(t, { url: server.url + '?lang=en', contextOptions: { colorScheme: 'light' } }, async (page) => {
    await waitForPillars(page);
    const problems = await manifestProblems(page, server.url);
    assert.ok(problems.some((p) => p.startsWith('start_url')), problems.join('; '));
    assert.ok(problems.some((p) => p.startsWith('display')), problems.join('; '));
    assert.ok(problems.some((p) => p.startsWith('no any 192x192')), problems.join('; '));
  });
  const errors = await installabilityErrors(server.url + '?lang=en');
  for (const id of ['start-url-not-valid', 'manifest-display-not-supported', 'manifest-missing-suitable-icon']) {
    assert.ok(errors.includes(id), `Chromium names ${id}: ${errors}`);
  }
  assert.ok(!errors.includes('in-incognito'), `a profile of its own: ${errors}`);
});

async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, {
    timeout: BOOT_TIMEOUT,
  });
}

/** With the network gone: the manifest's JSON and each icon's size, as loaded from the cache. */
async function offlineLoads(page) {
  const linked = await linkedManifest(page).catch((e) => ({ error: String(e) }));
  if (!linked || linked.error) return { manifest: null, icons: [] };
  let m;
  try {
    m = JSON.parse(linked.text);
  } catch {
    return { manifest: null, icons: [] };
  }
  const icons = [];
  for (const icon of m.icons) {
    const got = await measureIcon(page, new URL(icon.src, linked.href).href);
    icons.push({ src: icon.src, ok: !got.error && `${got.width}x${got.height}` === icon.sizes });
  }
  return { manifest: m.name, icons };
}

async function visitThenOffline(t, dir, allowProblems) {
  const server = await startServer({ dir, port: 0, base: '/jakarta/' });
  let closed = false;
  onCleanup(() => (closed ? undefined : server.close()));
  let result;
  await withPage(t, { url: server.url + '?lang=id', allowProblems }, async (page) => {
    await waitForPillars(page);
    await controlled(page);
    await page.context().setOffline(true);
    await server.close();
    closed = true;
    result = await offlineLoads(page);
    await page.context().setOffline(false);
  });
  return result;
}

test('after one visit the manifest and the icons load offline', async (t) => {
  const got = await visitThenOffline(t, DIST, false);
  assert.match(got.manifest ?? '', /Ketahanan Jakarta/);
  assert.equal(got.icons.length, 3);
  assert.deepEqual(got.icons.filter((i) => !i.ok), [], 'every icon from the cache');
});

test('negative control: a service worker that does not cache the icons fails the offline check', async (t) => {
  const dir = tempDir('jrs-manifest-sw-');
  cpSync(DIST, dir, { recursive: true });
  const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
  const stripped = sw.replace(/^\s*"icons\/[^"]+",?\n/gm, '');
  assert.notEqual(stripped, sw, 'the icons are in the worker\'s install list');
  writeFileSync(join(dir, 'sw.js'), stripped);
  const got = await visitThenOffline(t, dir, true);
  assert.match(got.manifest ?? '', /Ketahanan Jakarta/, 'the linked manifest is still cached');
  assert.ok(got.icons.length === 3 && got.icons.every((i) => !i.ok), JSON.stringify(got.icons));
});
