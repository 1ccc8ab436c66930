#!/usr/bin/env node
// Lighthouse on the built explorer (`./x bench` runs it after bench/run.mjs; see BENCHMARKS.md).
//
// Serves the built dist/ with tests/e2e/server.mjs --compress (brotli, the production CSP, as
// bench/run.mjs does) and runs Lighthouse (the npm package `lighthouse`, an exact
// devDependency) in Debian's headless Chromium with its default mobile profile: a simulated
// mid-range phone (4× slower CPU) on slow 4G. Pages: the default view, ?view=charts and
// ?view=map. Each page is measured --runs times (default 3); the report gives the median run
// (by performance score) with its performance score, Largest Contentful Paint and Total
// Blocking Time, and the worst of each. Reported, never asserted (timings are noisy here).
// Writes bench/lighthouse.json; with --update-doc replaces the block between the
// bench:lighthouse markers in BENCHMARKS.md.
//
// Usage: node bench/lighthouse.mjs [--dist dist] [--runs 3] [--update-doc]

import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve, relative } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { startServer } from '../tests/e2e/server.mjs';
import { LAUNCH_ARGS } from '../tests/e2e/chromium-args.mjs';
import { ROOT, BENCH } from './lib.mjs';

const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 && i + 1 < argv.length ? argv[i + 1] : dflt;
};
const DIST = resolve(opt('--dist', join(ROOT, 'dist')));
const RUNS = Math.max(1, Number(opt('--runs', '3')));
const UPDATE_DOC = argv.includes('--update-doc');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const RESULTS = join(BENCH, 'lighthouse.json');
const DOC = join(ROOT, 'BENCHMARKS.md');
/** The pages the issue "Lean first view" sets targets for. */
const PAGES = [
  { name: 'default view (overview)', query: '' },
  { name: '?view=charts', query: '?view=charts' },
  { name: '?view=map', query: '?view=map' },
];
/** The targets for each page (reported, not asserted). */
const TARGET = { performance: 95, lcpMs: 2000, tbtMs: 150 };
// The end-to-end tests' flags (headless without a GPU, no traffic but the local server).
const CHROME_FLAGS = LAUNCH_ARGS;

const log = (s) => process.stderr.write(s + '\n');

if (!existsSync(join(DIST, 'index.html'))) {
  log(`lighthouse: ${DIST}/index.html not found: build first (./x build)`);
  process.exit(2);
}

/** One Lighthouse run of `url` (mobile preset): score 0–100, LCP and TBT in ms. */
async function audit(lighthouse, port, url) {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance'],
  });
  const lhr = result?.lhr;
  if (!lhr) throw new Error(`Lighthouse returned no report for ${url}`);
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
  const num = (id) => {
    const v = lhr.audits[id]?.numericValue;
    if (typeof v !== 'number') throw new Error(`Lighthouse report of ${url} has no ${id}`);
    return v;
  };
  const score = lhr.categories.performance.score;
  if (typeof score !== 'number') throw new Error(`Lighthouse gave no performance score for ${url}`);
  return {
    performance: Math.round(score * 100),
    lcpMs: num('largest-contentful-paint'),
    tbtMs: num('total-blocking-time'),
    fcpMs: num('first-contentful-paint'),
    version: lhr.lighthouseVersion,
  };
}

function summarise(runs) {
  const byScore = [...runs].sort((a, b) => a.performance - b.performance);
  const median = byScore[Math.floor((byScore.length - 1) / 2)];
  return {
    median,
    worst: {
      performance: byScore[0].performance,
      lcpMs: Math.max(...runs.map((r) => r.lcpMs)),
      tbtMs: Math.max(...runs.map((r) => r.tbtMs)),
    },
  };
}

const s1 = (ms) => (ms / 1000).toFixed(1);
const within = (m) =>
  m.performance >= TARGET.performance && m.lcpMs <= TARGET.lcpMs && m.tbtMs <= TARGET.tbtMs ? 'within' : '**over**';

function table(results) {
  const lines = [
    `Lighthouse ${results.version}, mobile preset (simulated slow 4G, 4× CPU slowdown), Debian's headless Chromium,`,
    `${results.date}, ${results.runs} runs per page (median run by score; worst of each figure), load ${results.load.join(' ')}.`,
    '',
    '| page | performance | LCP | TBT | FCP | worst (performance / LCP / TBT) | target (≥ 95, ≤ 2.0 s, ≤ 150 ms) |',
    '|---|---:|---:|---:|---:|---:|---|',
  ];
  for (const p of results.pages) {
    const m = p.median;
    lines.push(
      `| ${p.name} | ${m.performance} | ${s1(m.lcpMs)} s | ${Math.round(m.tbtMs)} ms | ${s1(m.fcpMs)} s |` +
        ` ${p.worst.performance} / ${s1(p.worst.lcpMs)} s / ${Math.round(p.worst.tbtMs)} ms | ${within(m)} |`,
    );
  }
  return lines.join('\n');
}

function updateDoc(md) {
  const start = '<!-- bench:lighthouse:start -->';
  const end = '<!-- bench:lighthouse:end -->';
  const doc = readFileSync(DOC, 'utf8');
  const i = doc.indexOf(start);
  const j = doc.indexOf(end);
  if (i < 0 || j < i) throw new Error(`BENCHMARKS.md has no ${start} … ${end} block`);
  writeFileSync(DOC, doc.slice(0, i + start.length) + '\n' + md + '\n' + doc.slice(j));
  log(`updated ${relative(ROOT, DOC)}`);
}

async function main() {
  const { default: lighthouse } = await import('lighthouse');
  const { launch } = await import('chrome-launcher');
  const server = await startServer({ dir: DIST, port: 0, compress: true });
  log(`lighthouse: serving ${relative(ROOT, DIST) || DIST} at ${server.url} (brotli), ${RUNS} runs per page`);
  const chrome = await launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  const pages = [];
  let version = '';
  try {
    // One discarded run: the first start-up of Chromium's caches is not the page's.
    await audit(lighthouse, chrome.port, server.url);
    for (const page of PAGES) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) {
        const r = await audit(lighthouse, chrome.port, server.url + page.query);
        version = r.version;
        runs.push(r);
        log(`  ${page.name} run ${i + 1}/${RUNS}: performance ${r.performance}, LCP ${s1(r.lcpMs)} s, TBT ${Math.round(r.tbtMs)} ms`);
      }
      pages.push({ name: page.name, query: page.query, ...summarise(runs), runs });
    }
  } finally {
    await chrome.kill();
    await server.close();
  }
  const results = {
    about: 'Written by bench/lighthouse.mjs (./x bench). Lighthouse mobile preset; times in ms; median run by score and the worst of each figure.',
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    version,
    runs: RUNS,
    cpu: cpus()[0]?.model ?? 'unknown',
    load: loadavg().map((x) => x.toFixed(1)),
    target: TARGET,
    pages,
  };
  writeFileSync(RESULTS, JSON.stringify(results, null, 1) + '\n');
  log(`wrote ${relative(ROOT, RESULTS)}`);
  const md = table(results);
  console.log(md);
  if (UPDATE_DOC) updateDoc(md);
}

main().catch((e) => {
  log(`lighthouse: ${e.stack || e}`);
  process.exit(1);
});
