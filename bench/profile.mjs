#!/usr/bin/env node
// Where the time of a filter update goes: serves a copy of dist/ whose wasm keeps its function
// names (the wasm and JS glue that bench/wasm-breakdown.mjs leaves in bench-out/wasm/; the
// Subresource Integrity attributes are dropped from the copy's index.html since the files
// differ), opens a view, clicks the first shock filter a few times under the Chrome DevTools
// Protocol CPU profiler, and prints the functions with the most self time (wasm and JS),
// grouped like the size breakdown.
//
// Usage: node bench/wasm-breakdown.mjs && node bench/profile.mjs [--view charts|actions|map]
//          [--data bench-data/synthetic-10000.json] [--clicks 6] [--top 30]
// (--data needs the file under bench-out/site/, i.e. a previous bench/run.mjs.)

import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { startServer } from '../tests/e2e/server.mjs';
import { ROOT } from './lib.mjs';

const require = createRequire(import.meta.url);
const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 && i + 1 < argv.length ? argv[i + 1] : dflt;
};
const DIST = resolve(opt('--dist', join(ROOT, 'dist')));
const WASMDIR = resolve(opt('--wasm-dir', join(ROOT, 'bench-out', 'wasm')));
const VIEW = opt('--view', 'charts');
const DATA = opt('--data', null);
const CLICKS = Number(opt('--clicks', '6'));
const TOP = Number(opt('--top', '30'));
/** --boot: profile the page load up to the view's first content instead of filter clicks. */
const BOOT = argv.includes('--boot');
const FILTER_BOX = 'input[type="checkbox"][id^="f-shock-"]';

if (!existsSync(join(WASMDIR, 'named.opt.wasm'))) {
  console.error(`${WASMDIR}/named.opt.wasm not found: run node bench/wasm-breakdown.mjs first`);
  process.exit(2);
}
const site = join(ROOT, 'bench-out', 'profile-site');
rmSync(site, { recursive: true, force: true });
mkdirSync(site, { recursive: true });
cpSync(DIST, site, { recursive: true, filter: (s) => !s.includes('/.stage') });
if (existsSync(join(ROOT, 'bench-out', 'site', 'bench-data'))) {
  cpSync(join(ROOT, 'bench-out', 'site', 'bench-data'), join(site, 'bench-data'), { recursive: true });
}
const files = readdirSync(site);
const wasm = files.find((f) => f.endsWith('_bg.wasm'));
const glue = files.find((f) => f === wasm.replace('_bg.wasm', '.js'));
cpSync(join(WASMDIR, 'named.opt.wasm'), join(site, wasm));
writeFileSync(join(site, glue), readFileSync(join(WASMDIR, 'named.js'), 'utf8').replaceAll('named_bg.wasm', wasm));
const html = readFileSync(join(site, 'index.html'), 'utf8').replace(/\s+integrity="[^"]*"/g, '');
writeFileSync(join(site, 'index.html'), html);

const server = await startServer({ dir: site, port: 0, compress: true });
const { chromium } = require('playwright-core');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const q = new URLSearchParams({ view: VIEW });
  if (DATA) q.set('data', DATA);
  let cdp;
  if (BOOT) {
    // Same origin first, so the navigation keeps the renderer (and the profiler) alive.
    await page.goto(`${server.url}favicon.svg`);
    cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await page.goto(`${server.url}?${q}`, { waitUntil: 'commit' });
    // The view's first content; the overview's is the live app's pillar cards (not the
    // prerendered ones), so the profile covers the app's start up to it.
    await page.waitForFunction(
      () => document.querySelector('[data-chart] .chart-svg svg, ul.action-list, svg.map-svg, #main article.pillar-card') && !document.querySelector('#app > .prerendered'),
      null,
      { timeout: 120_000 },
    );
  } else {
    await page.goto(`${server.url}?${q}`, { waitUntil: 'load' });
    await page.waitForSelector(FILTER_BOX, { timeout: 120_000, state: 'attached' });
    await page.waitForTimeout(1500);
    cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    for (let i = 0; i < CLICKS; i++) {
      await page.evaluate((sel) => document.querySelector(sel).click(), FILTER_BOX);
      await page.waitForTimeout(400);
    }
  }
  const { profile } = await cdp.send('Profiler.stop');
  // Self time per node: samples × interval, by function name.
  const dt = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const d = profile.timeDeltas[i + 1] ?? 0;
    dt.set(profile.samples[i], (dt.get(profile.samples[i]) || 0) + d);
  }
  const self = new Map();
  let total = 0;
  for (const n of profile.nodes) {
    const t = (dt.get(n.id) || 0) / 1000;
    const name = n.callFrame.functionName || `(${n.callFrame.url ? 'anonymous' : 'native'})`;
    if (['(idle)', '(program)', '(garbage collector)'].includes(name)) {
      self.set(name, (self.get(name) || 0) + t);
      continue;
    }
    total += t;
    self.set(name, (self.get(name) || 0) + t);
  }
  // Inclusive time per function (each sample counted once per function on its stack).
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const incl = new Map();
  for (const [id, d] of dt) {
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const name = byId.get(cur).callFrame.functionName;
      if (!name || seen.has(name)) continue;
      seen.add(name);
      incl.set(name, (incl.get(name) || 0) + d / 1000);
    }
  }
  const rows = [...self].sort((a, b) => b[1] - a[1]);
  console.log(`${BOOT ? 'page load' : `${CLICKS} filter clicks`} on ${VIEW}${DATA ? ` (${DATA})` : ''}: ${total.toFixed(1)} ms of script self time`);
  for (const [name, t] of rows.slice(0, TOP)) {
    console.log(`  ${t.toFixed(1).padStart(8)} ms  ${name.replace(/::h[0-9a-f]{16}$/, '').slice(0, 150)}`);
  }
  console.log(`\nInclusive time (the function and everything it called), app functions:`);
  const own = [...incl].filter(([n]) => /jrs::/.test(n)).sort((a, b) => b[1] - a[1]);
  for (const [name, t] of own.slice(0, TOP)) {
    console.log(`  ${t.toFixed(1).padStart(8)} ms  ${name.replace(/::h[0-9a-f]{16}$/, '').slice(0, 150)}`);
  }
  writeFileSync(join(ROOT, 'bench-out', `profile-${VIEW}.cpuprofile`), JSON.stringify(profile));
  console.log(`(full profile: bench-out/profile-${VIEW}.cpuprofile, opens in Chromium DevTools)`);
} finally {
  await browser.close();
  await server.close();
}
