#!/usr/bin/env node
// The first-view size budget, checked by `./x test` after the release build (deterministic:
// the same build gives the same bytes). Brotli-compresses (quality 11, as tests/e2e/server.mjs
// --compress serves them) every file the first view of dist/ loads, for each view a visitor
// can arrive on prerendered (the overview, ?view=charts, ?view=map): the page, the JS, the CSS,
// the default dataset, the view's prerendered file, and the wasm unless the build holds it
// until the visitor starts using the page (bench/lib.mjs wasmHeld: the boot script waits for
// the gate, and the prerender was drawn from the dataset in dist/; ARCHITECTURE.md "Code on
// first use"). The largest of the three is compared with bench/budget.json. It FAILS when that
// is over first_view.target_bytes, with no environment variable or option to turn that off.
// It also reports what the first use adds (the wasm), so the whole explorer's size stays in
// view.
//
// Usage: node bench/size-check.mjs [--dist DIR] [--json] [--budget FILE (default bench/budget.json)]

import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT, readBudget, firstViewFiles, brotliSize, BUDGET_KINDS, ALL_KINDS, wasmHeld, kb } from './lib.mjs';
import { DATA_FILE, dataHash, viewFile, WIDTHS } from '../tools/prerender.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : dflt;
};
const dist = resolve(opt('--dist', join(ROOT, 'dist')));
if (!existsSync(join(dist, 'index.html'))) {
  console.error(`size-check: ${dist}/index.html not found: build first (./x build)`);
  process.exit(2);
}

const budget = readBudget(opt('--budget', undefined));
const fv = budget.first_view;
if (fv.default_data !== DATA_FILE) {
  console.error(`size-check: the budget's default dataset ${fv.default_data} is not the one prerendered (${DATA_FILE})`);
  process.exit(2);
}
const sized = (f) => {
  const raw = readFileSync(join(dist, f.path));
  return { ...f, raw: raw.length, br: brotliSize(raw) };
};
const loaded = firstViewFiles(dist, fv.default_data).map(sized);
const viewFiles = (view) => ['id', 'en'].flatMap((lang) => Object.keys(WIDTHS).map((w) => viewFile(view, lang, w)));
const sum = (files) => files.reduce((s, f) => s + (BUDGET_KINDS.includes(f.kind) ? f.br : 0), 0);

const views = ['overview', 'charts', 'map'].map((view) => {
  const hold = wasmHeld(dist, fv.default_data, view, (d) => dataHash(d), viewFiles);
  const files = loaded.filter((f) => !(hold.held && f.kind === 'wasm'));
  if (hold.page) files.push(sized({ path: hold.page, kind: 'html' }));
  const byKind = Object.fromEntries(ALL_KINDS.map((k) => [k, { raw: 0, br: 0, files: 0 }]));
  for (const f of files) {
    byKind[f.kind].raw += f.raw;
    byKind[f.kind].br += f.br;
    byKind[f.kind].files += 1;
  }
  return { view, hold, files, byKind, total: sum(files) };
});
const worstView = views.reduce((a, b) => (b.total > a.total ? b : a));
const total = worstView.total;
const whole = sum(loaded);
const target = fv.target_bytes;
const goal = fv.goal_bytes ?? target;
const HEADROOM = 0.03;

if (args.includes('--json')) {
  console.log(JSON.stringify({ dist, views, total, whole, target, goal }, null, 2));
}

const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
console.log(`First-view size of ${dist} (brotli q11; 1 KB = 1024 bytes)`);
console.log(`  ${pad('file', 46)} ${pad('kind', 9)} ${lpad('raw KB', 9)} ${lpad('brotli KB', 10)}`);
for (const f of [...loaded, ...views.flatMap((v) => v.files.filter((f) => f.path.startsWith('prerender/')))]) {
  console.log(`  ${pad(f.path, 46)} ${pad(f.kind, 9)} ${lpad(kb(f.raw), 9)} ${lpad(kb(f.br), 10)}`);
}
for (const v of views) {
  console.log(`  first view, ${pad(v.view + ':', 9)} ${lpad(kb(v.total), 6)} KB (` +
    BUDGET_KINDS.map((k) => `${k} ${kb(v.byKind[k].br)}`).join(', ') +
    `); wasm ${v.hold.held ? 'held until first use' : 'loaded'}: ${v.hold.why}`);
}
if (loaded.every((f) => f.kind !== 'geometry')) {
  console.log('  geometry: 0 KB (no boundary file is shipped: the map is computed from area centroids)');
}
console.log(`  the whole explorer, once a visitor uses it (the overview's files and the wasm): ${kb(whole)} KB`);
console.log(`  first view (the largest, ${worstView.view}): ${kb(total)} KB; target ${kb(target)} KB; goal ${kb(goal)} KB`);

// What a visitor needs before reading the overview prerendered into index.html
// (tools/prerender.mjs): the page, the stylesheets linked enabled, and the classic scripts of
// <head> (public/prerender-gate.js). Reported, not budgeted: the first view above is what the
// live explorer loads.
const html = readFileSync(join(dist, 'index.html'), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
const paintFiles = new Set(['index.html']);
for (const [, tag, attrs] of html.matchAll(/<(link|script)\b([^>]*)>/gi)) {
  const href = (/\b(?:href|src)="\.?\/?([^"]+)"/.exec(attrs) || [])[1];
  if (!href) continue;
  if (tag.toLowerCase() === 'link' && /\brel="stylesheet"/.test(attrs) && !/\bdisabled\b/.test(attrs)) paintFiles.add(href);
  if (tag.toLowerCase() === 'script' && !/\btype="module"/.test(attrs)) paintFiles.add(href);
}
const paint = [...paintFiles].reduce((sum, f) => sum + brotliSize(readFileSync(join(dist, f))), 0);
const prerendered = /<div class="prerendered"/.test(html);
console.log(`  first paint: ${kb(paint)} KB (${[...paintFiles].join(' + ')}; brotli)` +
  (prerendered ? ': the overview is prerendered into index.html' : ': no prerendered overview in index.html'));
if (args.includes('--json')) console.log(JSON.stringify({ first_paint: { files: [...paintFiles], bytes: paint, prerendered } }));

let failed = false;
if (total > target) {
  console.log(`FAIL: the first view is ${kb(total)} KB, ${kb(total - target)} KB over its ${kb(target)} KB target` +
    ` (first_view.target_bytes in bench/budget.json). Bring the size back under the target;`);
  console.log('      the target only goes down (see BENCHMARKS.md, "First-view size").');
  failed = true;
} else {
  console.log(`OK: within the ${kb(target)} KB target (${kb(target - total)} KB to spare).`);
  const lowered = Math.ceil((total * (1 + HEADROOM)) / 1024) * 1024;
  if (lowered < target && target > goal) {
    console.log(`      The size came down: lower first_view.target_bytes in bench/budget.json to ${lowered}` +
      ` (${kb(lowered)} KB = this size + ${HEADROOM * 100} %, or the goal ${kb(goal)} KB if that is higher).`);
  }
}
if (total > goal) {
  console.log(`      ${kb(total - goal)} KB over the ${kb(goal)} KB goal (${((total / goal) * 100).toFixed(0)}%); see BENCHMARKS.md for what would bring it in.`);
}
process.exit(failed ? 1 : 0);
