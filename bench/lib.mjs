// Shared by bench/run.mjs (the benchmark harness) and bench/size-check.mjs (the size budget in
// `./x test`): where things are, how a file is classified, which files make the first view,
// the brotli size of a file as the e2e server (and a careful host) serves it, statistics.
// Node built-ins only.

import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve, extname, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zc } from 'node:zlib';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const BENCH = join(ROOT, 'bench');
export const BUDGET_FILE = join(BENCH, 'budget.json');

/** The budget (bench/budget.json). */
export function readBudget(file = BUDGET_FILE) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/**
 * The kind of a served file, as the budget counts it: wasm, js, css, data (datasets),
 * geometry (boundary files; none is shipped: the map is computed from centroids), html, other.
 */
export function classify(path) {
  const p = String(path).split(/[?#]/)[0].toLowerCase();
  const ext = extname(p);
  if (ext === '.wasm') return 'wasm';
  if (ext === '.js' || ext === '.mjs') return 'js';
  if (ext === '.css') return 'css';
  if (ext === '.geojson' || ext === '.topojson' || /(^|\/)geo(metry)?\//.test(p)) return 'geometry';
  if (ext === '.json') return 'data';
  if (ext === '.html' || ext === '' || p.endsWith('/')) return 'html';
  return 'other';
}

/** The kinds that count towards the first-view budget: everything the first view loads (the
 *  page counts too: with the view prerendered into it, it carries the content). */
export const BUDGET_KINDS = ['wasm', 'js', 'css', 'data', 'geometry', 'html'];
/** Every kind, once: the budgeted ones and `other`. */
export const ALL_KINDS = [...BUDGET_KINDS, 'other'];

/** Brotli at quality 11 with a size hint, exactly as tests/e2e/server.mjs --compress does. */
export function brotliSize(buf) {
  return brotliCompressSync(buf, {
    params: { [zc.BROTLI_PARAM_QUALITY]: 11, [zc.BROTLI_PARAM_SIZE_HINT]: buf.length },
  }).length;
}

/**
 * The files a browser loads for the first view of a built dist/: index.html, every local
 * stylesheet, script, module preload and preload it references, the files those scripts import
 * (the boot script imports the wasm-bindgen glue, which loads the wasm), and the default
 * dataset. Returns [{ path (relative to dist), kind }].
 */
export function firstViewFiles(dist, defaultData) {
  const seen = new Map();
  const add = (rel, via) => {
    const clean = posix.normalize(rel.replace(/^\.\//, '')).split(/[?#]/)[0];
    if (!clean || clean.startsWith('..') || /^[a-z]+:/i.test(rel) || rel.startsWith('/')) return;
    if (seen.has(clean)) return;
    if (!existsSync(join(dist, clean))) throw new Error(`${via} references ${rel}, missing from ${dist}`);
    seen.set(clean, classify(clean));
    if (classify(clean) === 'js') {
      const src = readFileSync(join(dist, clean), 'utf8');
      // Static imports and the default wasm path of wasm-bindgen's glue ('…_bg.wasm').
      for (const m of src.matchAll(/(?:import|from)\s*\(?\s*['"](\.\/[^'"]+)['"]/g)) add(m[1], clean);
      for (const m of src.matchAll(/['"](\.\/[^'"]+\.wasm)['"]/g)) add(m[1], clean);
    }
  };
  add('index.html', 'dist');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const tags = html.replace(/<!--[\s\S]*?-->/g, '').matchAll(/<(link|script)\b([^>]*)>/gi);
  for (const [, tag, attrs] of tags) {
    const attr = (n) => (new RegExp(`\\b${n}\\s*=\\s*["']([^"']*)["']`, 'i').exec(attrs) || [])[1];
    if (tag.toLowerCase() === 'script') {
      if (attr('src')) add(attr('src'), 'index.html');
      continue;
    }
    const rel = (attr('rel') || '').toLowerCase();
    // A disabled stylesheet is not needed for the first paint, but public/styles-later.js
    // switches it on while the default view is idle, so every first visit downloads it: it
    // counts, as ./x bench counts it (it measures what the page requests).
    if (['stylesheet', 'modulepreload', 'preload'].includes(rel) && attr('href')) add(attr('href'), 'index.html');
  }
  if (defaultData) add(defaultData, 'the default dataset');
  return [...seen].map(([path, kind]) => ({ path, kind }));
}

/**
 * Whether a built dist/ holds the explorer's wasm until the visitor starts using the page, when
 * `view` (overview, charts or map) is prerendered and shown on its plain address: the boot
 * script waits for public/prerender-gate.js's `jrs-go` (tools/trunk-post-build.mjs), and the
 * view's prerender was drawn from the default dataset as it is in dist/ (the gate starts the
 * wasm at once for a changed dataset, see DEPLOY.md). Returns { held, why, page } where page is
 * the prerendered view's own file (none for the overview, which is in index.html) if held.
 */
export function wasmHeld(dist, defaultData, view, dataHash, viewFiles) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const boot = [...html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="\.\/([^"]+)"/g)].map((m) => m[1]);
  if (!boot.some((f) => existsSync(join(dist, f)) && /addEventListener\('jrs-go'/.test(readFileSync(join(dist, f), 'utf8')))) {
    return { held: false, why: 'the boot script does not wait for jrs-go' };
  }
  if (!html.includes('<script src="./prerender-gate.js"></script>')) return { held: false, why: 'no prerender gate in index.html' };
  const hash = dataHash(dist, defaultData);
  if (view === 'overview') {
    const m = /<div class="prerendered" lang="id" data-data="([0-9a-f]{8})">/.exec(html);
    if (!m) return { held: false, why: 'no prerendered overview in index.html' };
    if (m[1] !== hash) return { held: false, why: `the prerendered overview was drawn from another dataset (${m[1]}, not ${hash})` };
    return { held: true, why: 'the overview is prerendered in index.html', page: null };
  }
  // The largest of the view's files (language × width): the one a visitor may get.
  let page = null;
  for (const f of viewFiles(view)) {
    if (!existsSync(join(dist, f))) return { held: false, why: `${f} is missing` };
    const text = readFileSync(join(dist, f), 'utf8');
    if (!text.startsWith(`<!--jrs-data:${hash}-->`)) return { held: false, why: `${f} was drawn from another dataset` };
    const br = brotliSize(Buffer.from(text));
    if (!page || br > page.br) page = { path: f, br };
  }
  return { held: true, why: `the ${view} view is prerendered (${page.path}, the largest)`, page: page.path };
}

/** Median (mean of the middle two for an even count), ignoring null. */
export function median(xs) {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

/** Worst (largest) value, ignoring null. */
export function worst(xs) {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x));
  return v.length ? Math.max(...v) : null;
}

/** { median, worst, runs } for a list of samples. */
export function summary(xs) {
  return { median: median(xs), worst: worst(xs), runs: xs };
}

/** 1 KB = 1024 bytes throughout (the budget is 150 KB = 153,600 bytes). */
export const KB = 1024;
export const kb = (bytes) => (bytes === null || bytes === undefined ? '–' : (bytes / KB).toFixed(1));
export const mb = (bytes) => (bytes === null || bytes === undefined ? '–' : (bytes / (KB * KB)).toFixed(1));
export const ms = (x) => (x === null || x === undefined ? '–' : x >= 100 ? x.toFixed(0) : x.toFixed(1));
