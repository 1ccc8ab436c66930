#!/usr/bin/env node
// The benchmark harness (`./x bench` runs it after a release build; see BENCHMARKS.md).
//
// Serves a copy of the built dist/ with brotli (as a real host would), next to synthetic
// datasets and a peer page drawing the same charts with Observable Plot, and measures in
// Debian's headless Chromium (playwright-core), over --runs cold runs (a fresh browser context,
// so an empty HTTP and code cache, for every page load), for each dataset:
//   * bytes of the first view by type (wasm, js, css, data, geometry, html), as served;
//   * navigation start → first chart in the page (?view=charts);
//   * filter click → end of the frame after the page settled, on the charts, actions and map
//     views (the peer: its charts), for applying a shock filter and for clearing it again;
//   * JS heap (after a forced GC) plus wasm linear memory, after load;
// and, for the bundled data only, the first chart on an emulated phone (4× slower CPU, slow 4G).
// Every figure is also given as a ratio to the peer. Writes bench/results.json, prints a
// table, writes bench-out/results.md, and with --update-doc replaces the generated part of
// BENCHMARKS.md.
//
// Usage: node bench/run.mjs [--dist dist] [--out bench-out] [--runs 5]
//          [--datasets jakarta,1000,10000,50000] [--no-phone] [--update-doc] [--results FILE]
//          [--shots DIR] [--from-results FILE (re-render only)]

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, release } from 'node:os';
import { join, resolve, relative } from 'node:path';
import { createRequire } from 'node:module';
import { startServer } from '../tests/e2e/server.mjs';
import { LAUNCH_ARGS as E2E_ARGS } from '../tests/e2e/chromium-args.mjs';
import { ROOT, BENCH, readBudget, classify, BUDGET_KINDS, ALL_KINDS, summary, median, kb, mb, ms } from './lib.mjs';
import { writeGrowthSvg } from './growth-svg.mjs';
import { initProbe, readMarks, readProbe, settle, clickAndMeasure } from './probe.mjs';

const require = createRequire(import.meta.url);

// ---- the selectors both pages are driven by (one place to change them) ------------------------
/** The first chart of the charts view: the drawn SVG inside a chart figure (src/ui/charts/figure.rs:
 *  <figure class="chart" data-chart=slug> … <div class="chart-svg"><svg>…). The peer page uses
 *  the same structure. (Not `[data-chart] svg`: the figure also holds an overlay svg.chart-hits.) */
export const FIRST_CHART = '[data-chart] .chart-svg svg';
/** The checkbox the filter measurement clicks: the first shock of the filter panel. */
export const FILTER_BOX = 'input[type="checkbox"][id^="f-shock-"]';
/** The explorer's header: present once the dataset is loaded and the shell rendered. */
const APP_SHELL = 'header.site-header';
/** The error screen (a dataset that cannot be loaded). */
const APP_ERROR = '.error-screen';
/** What "this view has drawn" means, per view. */
const VIEW_READY = {
  charts: FIRST_CHART,
  actions: 'ul.action-list, .empty-result',
  map: 'svg.map-svg',
};
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
// The end-to-end tests' flags, and exact heap figures for the memory measurement.
const LAUNCH_ARGS = [...E2E_ARGS, '--enable-precise-memory-info'];
/** The emulated phone: Lighthouse's "slow 4G" network and a 4× slower CPU, 375 px wide. */
const PHONE = {
  viewport: { width: 375, height: 812 },
  network: { latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 },
  cpu: 4,
};
const SYNTHETIC_AREAS = 317; // Jakarta's count (6 regions, 44 kecamatan, 267 kelurahan): only actions grow.

// ---- arguments ----------------------------------------------------------------------------------
const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 && i + 1 < argv.length ? argv[i + 1] : dflt;
};
const DIST = resolve(opt('--dist', join(ROOT, 'dist')));
const OUT = resolve(opt('--out', join(ROOT, 'bench-out')));
const RUNS = Math.max(1, Number(opt('--runs', '5')));
const DATASETS = opt('--datasets', 'jakarta,1000,10000,50000').split(',').map((s) => s.trim());
const PHONE_ON = !argv.includes('--no-phone');
const UPDATE_DOC = argv.includes('--update-doc');
const RESULTS = resolve(opt('--results', join(BENCH, 'results.json')));
const SHOTS = opt('--shots', null) && resolve(opt('--shots'));
const LOAD_TIMEOUT = Number(process.env.BENCH_LOAD_TIMEOUT_MS ?? 180_000);

const log = (...a) => console.error(...a);

// ---- the site: a copy of dist/, the synthetic datasets, the peer page -------------------------
function datasetInfo(name) {
  if (name === 'jakarta') {
    let count = null;
    try {
      count = JSON.parse(readFileSync(join(DIST, 'data', 'jakarta.json'), 'utf8')).actions.length;
    } catch {
      /* reported as unknown */
    }
    return { name, label: 'Jakarta (bundled)', url: 'data/jakarta.json', actions: null, count };
  }
  const n = Number(name);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--datasets: ${name} is neither "jakarta" nor a number`);
  return { name: `synthetic-${n}`, label: `synthetic ${n.toLocaleString('en')}`, url: `bench-data/synthetic-${n}.json`, actions: n, count: n };
}

function ensureSynthetic(n) {
  const file = join(OUT, 'data', `synthetic-${n}.json`);
  if (existsSync(file)) return file;
  mkdirSync(join(OUT, 'data'), { recursive: true });
  log(`generating ${file}`);
  const r = spawnSync(
    'cargo',
    ['run', '--quiet', '--release', '--bin', 'jrs-data', '--', 'generate', '--actions', String(n),
      '--areas', String(SYNTHETIC_AREAS), '--seed', '1', '-o', file],
    { cwd: ROOT, stdio: 'inherit' },
  );
  if (r.status !== 0) throw new Error(`jrs-data generate --actions ${n} failed`);
  return file;
}

async function buildSite(datasets) {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`${DIST}/index.html not found: run ./x build`);
  const site = join(OUT, 'site');
  rmSync(site, { recursive: true, force: true });
  mkdirSync(site, { recursive: true });
  cpSync(DIST, site, { recursive: true, filter: (src) => !src.includes('/.stage') });
  mkdirSync(join(site, 'bench-data'), { recursive: true });
  for (const d of datasets) {
    if (d.actions) cpSync(ensureSynthetic(d.actions), join(site, d.url));
  }
  // The peer: one self-contained, minified ES module bundle (Plot + the d3 modules it uses).
  const esbuild = require('esbuild');
  await esbuild.build({
    entryPoints: [join(BENCH, 'peer', 'main.js')],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    outfile: join(site, 'peer.js'),
    logLevel: 'warning',
  });
  cpSync(join(BENCH, 'peer', 'index.html'), join(site, 'peer.html'));
  cpSync(join(BENCH, 'peer', 'peer.css'), join(site, 'peer.css'));
  return site;
}

/** Compresses every file once before measuring (a real host serves precompressed files). */
async function warm(server, site, datasets) {
  const files = ['index.html', 'peer.html', 'peer.js', 'peer.css', ...datasets.map((d) => d.url)];
  const html = readFileSync(join(site, 'index.html'), 'utf8');
  for (const m of html.matchAll(/(?:href|src)="\.\/([^"]+)"/g)) files.push(m[1]);
  await Promise.all(
    [...new Set(files)].map(async (f) => {
      const r = await fetch(server.url + f, { headers: { 'accept-encoding': 'br' } });
      await r.arrayBuffer();
    }),
  );
}

// ---- one page load -----------------------------------------------------------------------------
function pageUrl(server, subject, dataset, view) {
  const q = new URLSearchParams();
  if (subject === 'app') q.set('view', view);
  if (dataset.url !== 'data/jakarta.json' || subject === 'peer') q.set('data', dataset.url);
  return server.url + (subject === 'app' ? '' : 'peer.html') + '?' + q.toString();
}

function bytesByKind(resources, origin) {
  const out = Object.fromEntries(ALL_KINDS.map((k) => [k, 0]));
  for (const r of resources) {
    if (!r.url.startsWith(origin)) continue;
    const kind = r.navigation ? 'html' : classify(new URL(r.url).pathname);
    out[kind] += r.encoded;
  }
  out.total = BUDGET_KINDS.reduce((s, k) => s + out[k], 0);
  return out;
}

async function waitFor(page, predicate, timeout, what) {
  const t0 = Date.now();
  for (;;) {
    const s = await page.evaluate(readMarks);
    const v = predicate(s);
    if (v) return s;
    if (Date.now() - t0 > timeout) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * One cold load of `subject` ('app' or 'peer') with `dataset`. Measures bytes, first chart,
 * memory, and (unless phone) the filter updates. Returns a flat record.
 */
async function coldRun(browser, server, subject, dataset, { phone = false, shot = false } = {}) {
  const context = await browser.newContext({
    viewport: phone ? PHONE.viewport : { width: 1280, height: 800 },
    deviceScaleFactor: phone ? 2 : 1,
    isMobile: phone,
    hasTouch: phone,
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
  });
  const watch = { chart: FIRST_CHART };
  if (subject === 'app') Object.assign(watch, { shell: APP_SHELL, error: APP_ERROR });
  await context.addInitScript(initProbe, { watch });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text().slice(0, 300)}`));
  const cdp = await context.newCDPSession(page);
  if (phone) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...PHONE.network });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpu });
  }
  const rec = { subject, dataset: dataset.name, phone, error: null, notes: [] };
  try {
    await page.goto(pageUrl(server, subject, dataset, 'charts'), { waitUntil: 'commit', timeout: LOAD_TIMEOUT });
    let s = await waitFor(
      page,
      (p) =>
        (p.marks.chart && p.marks.chart.frame !== null) ||
        p.marks.error ||
        // The shell is up and nothing has moved for 3 s, yet no chart: the view has none.
        (p.marks.shell && p.now - Math.max(p.lastMutation, p.marks.shell.dom) > 3000),
      LOAD_TIMEOUT,
      'the first chart',
    );
    if (s.marks.error) {
      const why = await page.evaluate(
        () => (document.querySelector('.error-screen .error-reason, .error-screen .problem') || {}).textContent || '',
      );
      rec.error = `the app shows its error screen: ${why.trim().slice(0, 200)}`;
    } else if (!s.marks.chart) {
      // Not fatal: the other views' filter updates are still measured.
      rec.notes.push(`no element matches ${FIRST_CHART} in the charts view`);
    }
    rec.firstChartMs = s.marks.chart ? s.marks.chart.frame : null;
    rec.firstChartDomMs = s.marks.chart ? s.marks.chart.dom : null;
    rec.shellMs = s.marks.shell ? s.marks.shell.frame : null;
    await page.evaluate(settle, { quietMs: 500, maxMs: 20_000 });
    // What the first view loaded, before anyone touched it.
    s = await page.evaluate(readProbe);
    rec.bytes = bytesByKind(s.resources, server.origin);
    rec.rawDataBytes = s.resources.filter((r) => classify(new URL(r.url).pathname) === 'data').reduce((a, r) => a + r.decoded, 0);
    // A prerendered view holds the explorer's wasm until the visitor starts using the page
    // (public/prerender-gate.js): a key, as a visitor's first touch, and the time from it to
    // the live page (the wait a visitor's first tap has), on the phone with its network and CPU.
    const held = await page.evaluate(() => document.documentElement.hasAttribute('data-pre') && !document.documentElement.hasAttribute('data-go'));
    if (held) {
      const before = await page.evaluate(() => performance.now());
      await page.keyboard.press('Shift');
      const live = await page.waitForFunction(
        () => !document.documentElement.hasAttribute('data-pre') && !document.querySelector('#app > .prerendered') && performance.now(),
        null,
        { timeout: LOAD_TIMEOUT, polling: 'raf' },
      );
      rec.useToLiveMs = (await live.jsonValue()) - before;
      await page.evaluate(settle, { quietMs: 500, maxMs: 20_000 });
    }
    // The app's own User Timing measures (src/ui/ctx/perf.rs): the first of each name.
    rec.phases = await page.evaluate(() => {
      const out = {};
      for (const m of performance.getEntriesByType('measure')) {
        if (m.name.startsWith('jrs:') && !(m.name in out)) out[m.name] = { start: m.startTime, ms: m.duration };
      }
      return out;
    });
    s = await page.evaluate(readProbe);
    rec.bytesAfterUse = bytesByKind(s.resources, server.origin);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    rec.jsHeap = heap.usedSize;
    rec.wasmMemory = s.wasmBytes;
    rec.memory = heap.usedSize + s.wasmBytes;
    if (SHOTS && shot) {
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: join(SHOTS, `${subject}-${dataset.name}${phone ? '-phone' : ''}.png`), fullPage: false });
    }
    if (!phone && !rec.error) {
      rec.filter = {};
      const views = subject === 'app' ? ['charts', 'actions', 'map'] : ['charts'];
      for (const view of views) {
        if (view !== 'charts') {
          // Switch views inside the app (no reload), like a user would.
          await page.evaluate((v) => {
            const a = [...document.querySelectorAll('nav.views a')].find((x) => (x.getAttribute('href') || '').includes(`view=${v}`));
            if (a) a.click();
          }, view);
        }
        const ready = await page
          .waitForSelector(VIEW_READY[view], { timeout: 15_000, state: 'attached' })
          .then(() => true)
          .catch(() => false);
        await page.evaluate(settle, { quietMs: 500, maxMs: 30_000 });
        const apply = await page.evaluate(clickAndMeasure, { selector: FILTER_BOX, quietMs: 400, maxMs: 60_000 });
        await page.evaluate(settle, { quietMs: 300, maxMs: 30_000 });
        const clear = await page.evaluate(clickAndMeasure, { selector: FILTER_BOX, quietMs: 400, maxMs: 60_000 });
        rec.filter[view] = { ready, apply, clear };
      }
    }
  } catch (e) {
    rec.error = String(e && e.message ? e.message : e).split('\n')[0];
  } finally {
    rec.problems = problems.filter((p) => !/favicon/.test(p)).slice(0, 5);
    await context.close();
  }
  return rec;
}

// ---- aggregation --------------------------------------------------------------------------------
function aggregate(runs) {
  const ok = runs.filter((r) => !r.error);
  const pick = (f) => summary(runs.map((r) => { try { return f(r); } catch { return null; } }).map((v) => v ?? null));
  const out = {
    runs: runs.length,
    errors: [...new Set(runs.filter((r) => r.error).map((r) => r.error))],
    notes: [...new Set(runs.flatMap((r) => r.notes || []))],
    problems: [...new Set(runs.flatMap((r) => r.problems || []))].slice(0, 5),
    firstChartMs: pick((r) => r.firstChartMs),
    shellMs: pick((r) => r.shellMs),
    phases: phaseSummary(runs),
    // Memory of a page showing its error screen says nothing about the app: left out.
    jsHeap: pick((r) => (r.error ? null : r.jsHeap)),
    wasmMemory: pick((r) => (r.error ? null : r.wasmMemory)),
    memory: pick((r) => (r.error ? null : r.memory)),
    // A prerendered view: from the visitor's first key to the live page.
    useToLiveMs: runs.some((r) => r.useToLiveMs !== undefined) ? pick((r) => r.useToLiveMs) : null,
    bytesAfterUse: median(runs.filter((r) => r.bytesAfterUse).map((r) => r.bytesAfterUse.total)),
    bytes: ok.length || runs.some((r) => r.bytes) ? {} : null,
  };
  const withBytes = runs.filter((r) => r.bytes);
  if (withBytes.length) {
    for (const k of [...ALL_KINDS, 'total']) out.bytes[k] = median(withBytes.map((r) => r.bytes[k]));
    out.rawDataBytes = median(withBytes.map((r) => r.rawDataBytes));
  }
  const views = new Set(runs.flatMap((r) => Object.keys(r.filter || {})));
  if (views.size) {
    out.filter = {};
    for (const v of views) {
      const f = (k) => pick((r) => r.filter[v][k].ms);
      out.filter[v] = {
        ready: runs.every((r) => !r.filter || !r.filter[v] || r.filter[v].ready),
        apply: f('apply'),
        clear: f('clear'),
        applyHistory: pick((r) => r.filter[v].apply.historyMs),
        clearHistory: pick((r) => r.filter[v].clear.historyMs),
        notes: [...new Set(runs.flatMap((r) => (r.filter && r.filter[v] ? [r.filter[v].apply.error, r.filter[v].clear.error] : [])).filter(Boolean))],
      };
    }
  }
  return out;
}

/** Medians of the app's phases before the first chart (User Timing, src/ui/ctx/perf.rs). */
function phaseSummary(runs) {
  const withPhases = runs.filter((r) => r.phases && r.phases['jrs:start']);
  if (!withPhases.length) return null;
  const pick = (f) => summary(withPhases.map((r) => { try { return f(r.phases, r); } catch { return null; } }).map((v) => v ?? null));
  const draws = (p) => Object.entries(p).filter(([k]) => k.startsWith('jrs:draw:'));
  return {
    running: pick((p) => p['jrs:start'].ms),
    fetch: pick((p) => p['jrs:fetch'].ms),
    load: pick((p) => p['jrs:load'].ms),
    // The first chart drawn, and every other chart drawn before the first one was on screen.
    drawFirst: pick((p) => draws(p).sort((a, b) => a[1].start - b[1].start)[0][1].ms),
    drawOthersBefore: pick((p, r) => {
      const d = draws(p).sort((a, b) => a[1].start - b[1].start);
      return d.slice(1).filter(([, m]) => m.start < r.firstChartMs).reduce((a, [, m]) => a + m.ms, 0);
    }),
    drawAll: pick((p) => draws(p).reduce((a, [, m]) => a + m.ms, 0)),
  };
}

const ratio = (a, b) => (a === null || a === undefined || !b ? null : a / b);

function ratios(app, peer) {
  if (!app || !peer) return null;
  const r = {
    firstChart: ratio(app.firstChartMs.median, peer.firstChartMs.median),
    memory: ratio(app.memory.median, peer.memory.median),
    bytes: app.bytes && peer.bytes ? ratio(app.bytes.total, peer.bytes.total) : null,
  };
  if (app.filter && peer.filter && peer.filter.charts) {
    for (const v of Object.keys(app.filter)) {
      r[`filterApply_${v}`] = ratio(app.filter[v].apply.median, peer.filter.charts.apply.median);
      r[`filterClear_${v}`] = ratio(app.filter[v].clear.median, peer.filter.charts.clear.median);
    }
  }
  return r;
}

function checkBudget(budget, byDataset, phone) {
  const lines = [];
  const jak = byDataset.jakarta;
  if (jak && jak.app.bytes) {
    const t = jak.app.bytes.total;
    lines.push({ what: 'first view bytes (Jakarta, brotli)', value: `${kb(t)} KB`, limit: `${kb(budget.first_view.goal_bytes ?? budget.first_view.target_bytes)} KB`, ok: t <= (budget.first_view.goal_bytes ?? budget.first_view.target_bytes) });
  }
  for (const [name, d] of Object.entries(byDataset)) {
    if (d.ratios && d.ratios.firstChart !== null) {
      lines.push({ what: `first chart / peer (${d.label})`, value: d.ratios.firstChart.toFixed(2), limit: `≤ ${budget.first_chart.max_ratio_to_peer.toFixed(1)}`, ok: d.ratios.firstChart <= budget.first_chart.max_ratio_to_peer });
    }
    const limit = budget.filter_update.max_median_ms[name];
    if (limit !== undefined && d.app.filter) {
      for (const [v, f] of Object.entries(d.app.filter)) {
        const m = f.apply.median;
        lines.push({ what: `filter update, ${v} view (${d.label})`, value: m === null ? 'n/a' : `${ms(m)} ms`, limit: `≤ ${limit} ms`, ok: m !== null && m <= limit });
      }
    } else if (limit !== undefined) {
      lines.push({ what: `filter update (${d.label})`, value: 'n/a', limit: `≤ ${limit} ms`, ok: false });
    }
  }
  if (phone && phone.ratios && phone.ratios.firstChart !== null) {
    lines.push({ what: 'first chart / peer (Jakarta, emulated phone)', value: phone.ratios.firstChart.toFixed(2), limit: `≤ ${budget.first_chart.max_ratio_to_peer.toFixed(1)}`, ok: phone.ratios.firstChart <= budget.first_chart.max_ratio_to_peer });
  }
  return lines;
}

// ---- reporting ----------------------------------------------------------------------------------
const mw = (s) => (s && s.median !== null ? `${ms(s.median)} / ${ms(s.worst)}` : 'n/a');
const bw = (s) => (s && s.median !== null ? `${mb(s.median)} / ${mb(s.worst)}` : 'n/a');
const rt = (x) => (x === null || x === undefined ? '–' : `${x.toFixed(2)}×`);

function markdown(results) {
  const L = [];
  const { byDataset, phone, budgetCheck, machine } = results;
  L.push(`Run ${results.date} on ${machine.cpu} (${machine.cores} cores, load ${machine.loadBefore.join(' ')}), ${machine.chromium}, ${results.runs} cold runs per figure; median / worst. Ratios are app median ÷ peer median.`);
  L.push('');
  L.push('**Bytes of the first view** (`?view=charts`, brotli as served, KB, before the page is touched; for the bundled data the view is prerendered and the explorer\'s wasm comes at the first use, then the whole explorer is "after first use")');
  L.push('');
  L.push('| dataset | page | wasm | js | css | data | geometry | html | total (budgeted) | ratio to peer | after first use |');
  L.push('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const d of Object.values(byDataset)) {
    for (const [who, a] of [['explorer', d.app], ['peer', d.peer]]) {
      if (!a || !a.bytes) continue;
      const b = a.bytes;
      L.push(`| ${d.label} | ${who} | ${kb(b.wasm)} | ${kb(b.js)} | ${kb(b.css)} | ${kb(b.data)} | ${kb(b.geometry)} | ${kb(b.html)} | ${kb(b.total)} | ${who === 'explorer' ? rt(d.ratios && d.ratios.bytes) : ''} | ${a.bytesAfterUse ? kb(a.bytesAfterUse) : '–'} |`);
    }
  }
  const uses = [...Object.values(byDataset).map((d) => [d.label, d.app]), ...(phone ? [['Jakarta, emulated phone³', phone.app]] : [])].filter(([, a]) => a && a.useToLiveMs);
  if (uses.length) {
    L.push('');
    L.push('**First use → live page** (ms, median / worst; a prerendered view: from the visitor\'s first key to the live explorer in its place, the wait a first tap has; reported, not budgeted)');
    L.push('');
    L.push('| dataset | first use → live |');
    L.push('|---|---:|');
    for (const [label, a] of uses) L.push(`| ${label} | ${mw(a.useToLiveMs)} |`);
  }
  L.push('');
  L.push('**Time and memory** (ms; memory MB = JS heap after GC + wasm linear memory)');
  L.push('');
  L.push('| dataset | page | first chart | ratio | filter: charts | filter: actions | filter: map | ratio (charts) | memory | ratio |');
  L.push('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const d of Object.values(byDataset)) {
    for (const [who, a] of [['explorer', d.app], ['peer', d.peer]]) {
      if (!a) continue;
      const f = (v) => (a.filter && a.filter[v] ? mw(a.filter[v].apply) + (a.filter[v].ready ? '' : ' ¹') : 'n/a');
      const r = who === 'explorer' ? d.ratios || {} : {};
      const err = a.errors.length || a.notes.length ? ' ²' : '';
      L.push(`| ${d.label} | ${who}${err} | ${mw(a.firstChartMs)} | ${who === 'explorer' ? rt(r.firstChart) : ''} | ${f('charts')} | ${who === 'explorer' ? f('actions') : ''} | ${who === 'explorer' ? f('map') : ''} | ${who === 'explorer' ? rt(r.filterApply_charts) : ''} | ${bw(a.memory)} | ${who === 'explorer' ? rt(r.memory) : ''} |`);
    }
  }
  if (phone) {
    for (const [who, a] of [['explorer', phone.app], ['peer', phone.peer]]) {
      L.push(`| Jakarta, emulated phone³ | ${who} | ${mw(a.firstChartMs)} | ${who === 'explorer' ? rt(phone.ratios && phone.ratios.firstChart) : ''} | | | | | | |`);
    }
  }
  L.push('');
  L.push('**Where the explorer\'s time to the first chart goes** (ms, median; the app\'s User Timing measures, `src/ui/ctx/perf.rs`; the rest is building the page, style, layout and paint)');
  L.push('');
  L.push('| dataset | navigation → wasm running | fetch the dataset | read, validate, index | draw the first chart | draw other charts before it shows | first chart on screen | all seven charts drawn (wasm) |');
  L.push('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const d of Object.values(byDataset)) {
    const p = d.app && d.app.phases;
    if (!p) continue;
    const m = (x) => (x && x.median !== null && x.median !== undefined ? ms(x.median) : 'n/a');
    L.push(`| ${d.label} | ${m(p.running)} | ${m(p.fetch)} | ${m(p.load)} | ${m(p.drawFirst)} | ${m(p.drawOthersBefore)} | ${m(d.app.firstChartMs)} | ${m(p.drawAll)} |`);
  }
  if (phone && phone.app && phone.app.phases) {
    const p = phone.app.phases;
    const m = (x) => (x && x.median !== null && x.median !== undefined ? ms(x.median) : 'n/a');
    L.push(`| Jakarta, emulated phone³ | ${m(p.running)} | ${m(p.fetch)} | ${m(p.load)} | ${m(p.drawFirst)} | ${m(p.drawOthersBefore)} | ${m(phone.app.firstChartMs)} | ${m(p.drawAll)} |`);
  }
  L.push('');
  L.push('**Growth with the number of actions** (explorer medians; × = factor over the previous row; peer in brackets)');
  L.push('');
  L.push('| actions | data KB (raw → brotli) | first chart ms | filter ms: charts | actions | map | memory MB |');
  L.push('|---:|---:|---:|---:|---:|---:|---:|');
  const grow = Object.values(byDataset).filter((d) => d.actions).sort((a, b) => a.actions - b.actions);
  let prev = null;
  for (const d of grow) {
    const a = d.app;
    const p = d.peer;
    const val = (f) => { try { return f(a); } catch { return null; } };
    const pv = (f) => { try { return f(p); } catch { return null; } };
    const cell = (f, fmt) => {
      const v = val(f);
      const pr = prev ? (() => { try { return f(prev.app); } catch { return null; } })() : null;
      const factor = v !== null && pr ? ` (×${(v / pr).toFixed(1)})` : '';
      const peer = pv(f);
      return v === null ? `n/a${peer !== null ? ` [${fmt(peer)}]` : ''}` : `${fmt(v)}${factor}${peer !== null ? ` [${fmt(peer)}]` : ''}`;
    };
    const dataCell = a.bytes ? `${kb(a.rawDataBytes)} → ${kb(a.bytes.data)}` : p && p.bytes ? `${kb(p.rawDataBytes)} → ${kb(p.bytes.data)}` : 'n/a';
    L.push(`| ${d.actions.toLocaleString('en')}${d.label.startsWith('Jakarta') ? ' (Jakarta)' : ''} | ${dataCell} | ${cell((x) => x.firstChartMs.median, ms)} | ${cell((x) => x.filter.charts.apply.median, ms)} | ${cell((x) => x.filter.actions.apply.median, ms)} | ${cell((x) => x.filter.map.apply.median, ms)} | ${cell((x) => x.memory.median, mb)} |`);
    prev = d;
  }
  L.push('');
  L.push('**Clearing the filter again** (ms, median / worst; back to every action: the list grows back)');
  L.push('');
  L.push('| dataset | charts | actions | map | peer |');
  L.push('|---|---:|---:|---:|---:|');
  for (const d of Object.values(byDataset)) {
    const c = (a, v) => (a && a.filter && a.filter[v] ? mw(a.filter[v].clear) : 'n/a');
    L.push(`| ${d.label} | ${c(d.app, 'charts')} | ${c(d.app, 'actions')} | ${c(d.app, 'map')} | ${c(d.peer, 'charts')} |`);
  }
  L.push('');
  const hist = Object.values(byDataset).filter((d) => d.app.filter && d.app.filter.charts && d.app.filter.charts.applyHistory);
  if (hist.length) {
    L.push('**Of which `history.pushState`** (ms, median, apply / clear; the explorer writes every filter change into the URL, the peer does not; slower under the DevTools Protocol the harness drives the browser with than in a plain browser)');
    L.push('');
    L.push('| dataset | charts | actions | map |');
    L.push('|---|---:|---:|---:|');
    for (const d of hist) {
      const h = (v) => (d.app.filter[v] && d.app.filter[v].applyHistory ? `${ms(d.app.filter[v].applyHistory.median)} / ${ms(d.app.filter[v].clearHistory.median)}` : 'n/a');
      L.push(`| ${d.label} | ${h('charts')} | ${h('actions')} | ${h('map')} |`);
    }
    L.push('');
  }
  const notes = [];
  const notReady = Object.values(byDataset).some((d) => d.app.filter && Object.values(d.app.filter).some((f) => !f.ready));
  if (notReady) notes.push(`¹ the view had not drawn its content (${Object.entries(VIEW_READY).map(([k, v]) => `${k}: \`${v}\``).join(', ')}) when measured; the figure covers what did update (filter panel, counts, chips).`);
  for (const d of Object.values(byDataset)) {
    for (const [who, a] of [['explorer', d.app], ['peer', d.peer]]) {
      const all = a ? [...a.errors, ...a.notes] : [];
      if (all.length) notes.push(`² ${d.label}, ${who}: ${all.join('; ')}`);
    }
  }
  if (phone) notes.push(`³ 375 px viewport, CPU throttled ${PHONE.cpu}×, network ${PHONE.network.latency} ms latency, ${((PHONE.network.downloadThroughput * 8) / 1024 / 1024).toFixed(1)} Mbit/s down (Chrome DevTools Protocol emulation).`);
  for (const n of notes) L.push(n + '  ');
  L.push('');
  L.push('**Budget** (bench/budget.json)');
  L.push('');
  L.push('| figure | measured | budget | |');
  L.push('|---|---:|---:|---|');
  for (const b of budgetCheck) L.push(`| ${b.what} | ${b.value} | ${b.limit} | ${b.ok ? 'within' : '**over**'} |`);
  return L.join('\n');
}

function printTable(results) {
  const { byDataset, phone } = results;
  const rows = [['dataset', 'page', 'budget KB', 'first chart', 'filter charts', 'filter actions', 'filter map', 'memory MB']];
  for (const d of Object.values(byDataset)) {
    for (const [who, a] of [['explorer', d.app], ['peer', d.peer]]) {
      if (!a) continue;
      const f = (v) => (a.filter && a.filter[v] ? mw(a.filter[v].apply) : '');
      rows.push([d.label, who + (a.errors.length ? ' (!)' : ''), a.bytes ? kb(a.bytes.total) : '', mw(a.firstChartMs), f('charts'), f('actions'), f('map'), bw(a.memory)]);
    }
    if (d.ratios) {
      const r = d.ratios;
      rows.push(['', 'ratio', rt(r.bytes), rt(r.firstChart), rt(r.filterApply_charts), rt(r.filterApply_actions), rt(r.filterApply_map), rt(r.memory)]);
    }
  }
  if (phone) {
    rows.push(['Jakarta phone', 'explorer', '', mw(phone.app.firstChartMs), '', '', '', '']);
    rows.push(['Jakarta phone', 'peer', '', mw(phone.peer.firstChartMs), '', '', '', '']);
    rows.push(['', 'ratio', '', rt(phone.ratios.firstChart), '', '', '', '']);
  }
  const w = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  console.log('\nmedian / worst over ' + results.runs + ' cold runs (ms, KB brotli, MB)');
  for (const r of rows) console.log(r.map((c, i) => String(c).padEnd(w[i])).join('  '));
  console.log('\nbudget:');
  for (const b of results.budgetCheck) console.log(`  ${b.ok ? 'within' : 'OVER  '}  ${b.what}: ${b.value} (budget ${b.limit})`);
  for (const d of Object.values(byDataset)) {
    for (const [who, a] of [['explorer', d.app], ['peer', d.peer]]) {
      const all = a ? [...a.errors, ...a.notes] : [];
      if (all.length) console.log(`  note: ${d.label}, ${who}: ${all.join('; ')}`);
    }
  }
}

function updateDoc(md) {
  const file = join(ROOT, 'BENCHMARKS.md');
  const start = '<!-- bench:results:start -->';
  const end = '<!-- bench:results:end -->';
  const doc = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const i = doc.indexOf(start);
  const j = doc.indexOf(end);
  if (i < 0 || j < i) {
    log(`BENCHMARKS.md has no ${start} … ${end} block: not updated`);
    return;
  }
  writeFileSync(file, doc.slice(0, i + start.length) + '\n' + md + '\n' + doc.slice(j));
  log('updated the results block of BENCHMARKS.md');
}

function pkgVersion(name) {
  try {
    return JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}

function machineInfo() {
  const v = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' });
  const git = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
  return {
    cpu: (cpus()[0] || {}).model || 'unknown CPU',
    cores: cpus().length,
    memoryGB: Math.round(totalmem() / 1024 ** 3),
    kernel: release(),
    node: process.version,
    chromium: (v.stdout || '').trim() || CHROMIUM,
    playwright: pkgVersion('playwright-core'),
    plot: pkgVersion('@observablehq/plot'),
    esbuild: pkgVersion('esbuild'),
    commit: (git.stdout || '').trim() || null,
    loadBefore: loadavg().map((x) => x.toFixed(1)),
  };
}

// ---- main ---------------------------------------------------------------------------------------
/** --from-results FILE: re-render the table (and with --update-doc the doc) without measuring. */
function rerender(file) {
  const results = JSON.parse(readFileSync(file, 'utf8'));
  // Re-aggregate from the per-run records of that run when they are still in bench-out/.
  for (const d of Object.values(results.byDataset)) {
    const raw = join(OUT, `raw-${d.url.split('/').pop()}`);
    if (existsSync(raw)) {
      const runs = JSON.parse(readFileSync(raw, 'utf8'));
      d.app = aggregate(runs.app);
      d.peer = aggregate(runs.peer);
      d.ratios = ratios(d.app, d.peer);
    }
  }
  if (results.phone && existsSync(join(OUT, 'raw-phone.json'))) {
    const runs = JSON.parse(readFileSync(join(OUT, 'raw-phone.json'), 'utf8'));
    results.phone = { app: aggregate(runs.app), peer: aggregate(runs.peer) };
    results.phone.ratios = ratios(results.phone.app, results.phone.peer);
  }
  results.budgetCheck = checkBudget(readBudget(), results.byDataset, results.phone);
  const md = markdown(results);
  mkdirSync(OUT, { recursive: true });
  writeFileSync(RESULTS, JSON.stringify(results, null, 1) + '\n');
  writeFileSync(join(OUT, 'results.md'), md + '\n');
  printTable(results);
  if (UPDATE_DOC) {
    updateDoc(md);
    log(`wrote ${relative(ROOT, writeGrowthSvg(results))} (the growth curves of BENCHMARKS.md)`);
  }
}

async function main() {
  if (opt('--from-results', null)) return rerender(resolve(opt('--from-results')));
  const budget = readBudget();
  const datasets = DATASETS.map(datasetInfo);
  const machine = machineInfo();
  log(`bench: ${RUNS} cold runs × ${datasets.map((d) => d.name).join(', ')}${PHONE_ON ? ' + phone' : ''}`);
  const site = await buildSite(datasets);
  const server = await startServer({ dir: site, port: 0, compress: true });
  log(`serving ${relative(ROOT, site)} at ${server.url} (brotli)`);
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS, timeout: 60_000 });
  const t0 = Date.now();
  const byDataset = {};
  let phone = null;
  try {
    log('compressing the served files once (brotli q11)…');
    await warm(server, site, datasets);
    // Discard one warm-up load of each page (first Chromium start-up costs are not the app's).
    await coldRun(browser, server, 'app', datasets[0]);
    await coldRun(browser, server, 'peer', datasets[0]);
    for (const d of datasets) {
      const runs = { app: [], peer: [] };
      for (let i = 0; i < RUNS; i++) {
        // Alternate the order so drifting machine load hits both pages alike.
        const order = i % 2 ? ['peer', 'app'] : ['app', 'peer'];
        for (const who of order) {
          const r = await coldRun(browser, server, who, d, { shot: i === 0 });
          runs[who].push(r);
          log(`  ${d.name} run ${i + 1}/${RUNS} ${who}: first chart ${ms(r.firstChartMs)} ms` +
            (r.filter ? `, filter ${Object.entries(r.filter).map(([v, f]) => `${v} ${ms(f.apply.ms)}/${ms(f.clear.ms)}`).join(' ')}` : '') +
            `, memory ${mb(r.memory)} MB${r.error ? `  [${r.error}]` : ''}`);
        }
      }
      const app = aggregate(runs.app);
      const peer = aggregate(runs.peer);
      byDataset[d.name] = { label: d.label, url: d.url, actions: d.count, app, peer, ratios: ratios(app, peer), raw: runs };
    }
    if (PHONE_ON) {
      const d = datasetInfo('jakarta');
      const runs = { app: [], peer: [] };
      for (let i = 0; i < RUNS; i++) {
        for (const who of i % 2 ? ['peer', 'app'] : ['app', 'peer']) {
          const r = await coldRun(browser, server, who, d, { phone: true, shot: i === 0 });
          runs[who].push(r);
          log(`  phone run ${i + 1}/${RUNS} ${who}: first chart ${ms(r.firstChartMs)} ms${r.error ? `  [${r.error}]` : ''}`);
        }
      }
      const app = aggregate(runs.app);
      const peer = aggregate(runs.peer);
      phone = { app, peer, ratios: ratios(app, peer), raw: runs };
    }
  } finally {
    await browser.close();
    await server.close();
  }
  // Raw per-run records are kept in bench-out/; bench/results.json keeps the summaries and the
  // per-run samples of each figure.
  for (const d of Object.values(byDataset)) {
    writeFileSync(join(OUT, `raw-${d.url.split('/').pop()}`), JSON.stringify(d.raw, null, 1));
    delete d.raw;
  }
  if (phone) {
    writeFileSync(join(OUT, 'raw-phone.json'), JSON.stringify(phone.raw, null, 1));
    delete phone.raw;
  }
  const results = {
    about: 'Written by bench/run.mjs (./x bench). Times in ms, sizes in bytes; median, worst and the per-run samples.',
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    runs: RUNS,
    machine: { ...machine, loadAfter: loadavg().map((x) => x.toFixed(1)), minutes: ((Date.now() - t0) / 60000).toFixed(1) },
    selectors: { firstChart: FIRST_CHART, filter: FILTER_BOX, viewReady: VIEW_READY },
    phoneProfile: PHONE,
    byDataset,
    phone,
  };
  results.budgetCheck = checkBudget(budget, byDataset, phone);
  const md = markdown(results);
  mkdirSync(OUT, { recursive: true });
  writeFileSync(RESULTS, JSON.stringify(results, null, 1) + '\n');
  writeFileSync(join(OUT, 'results.md'), md + '\n');
  printTable(results);
  log(`\nwrote ${relative(ROOT, RESULTS)} and ${relative(ROOT, join(OUT, 'results.md'))} (${results.machine.minutes} min)`);
  if (UPDATE_DOC) {
    updateDoc(md);
    log(`wrote ${relative(ROOT, writeGrowthSvg(results))} (the growth curves of BENCHMARKS.md)`);
  }
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exit(1);
});
