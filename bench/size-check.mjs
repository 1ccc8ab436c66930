#!/usr/bin/env node
// The first-view size budget, checked by `./x test` after the release build (deterministic:
// the same build gives the same bytes). Brotli-compresses (quality 11, as tests/e2e/server.mjs
// --compress serves them) every file the first view of dist/ loads: the wasm, the JS, the CSS,
// the default dataset and the default geometry (none: the map is computed from centroids), and
// compares the total with bench/budget.json:
//   * above first_view.ceiling_bytes (the recorded size plus a little headroom): FAILS, so the
//     size cannot grow unnoticed; raise the ceiling in budget.json on purpose, with a note;
//   * above first_view.target_bytes (150 KB): reported as OVER BUDGET; fails only when
//     SIZE_BUDGET_ENFORCE=1 (turn that on in CI once the app is within the target).
//
// Usage: node bench/size-check.mjs [--dist DIR] [--json]

import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT, readBudget, firstViewFiles, brotliSize, BUDGET_KINDS, kb } from './lib.mjs';

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

const budget = readBudget();
const fv = budget.first_view;
const files = firstViewFiles(dist, fv.default_data).map((f) => {
  const raw = readFileSync(join(dist, f.path));
  return { ...f, raw: raw.length, br: brotliSize(raw) };
});
const byKind = Object.fromEntries([...BUDGET_KINDS, 'html', 'other'].map((k) => [k, { raw: 0, br: 0, files: 0 }]));
for (const f of files) {
  byKind[f.kind].raw += f.raw;
  byKind[f.kind].br += f.br;
  byKind[f.kind].files += 1;
}
const total = BUDGET_KINDS.reduce((s, k) => s + byKind[k].br, 0);
const target = fv.target_bytes;
const ceiling = fv.ceiling_bytes ?? null;
const enforce = process.env.SIZE_BUDGET_ENFORCE === '1';

if (args.includes('--json')) {
  console.log(JSON.stringify({ dist, files, byKind, total, target, ceiling }, null, 2));
}

const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
console.log(`First-view size of ${dist} (brotli q11; 1 KB = 1024 bytes)`);
console.log(`  ${pad('file', 46)} ${pad('kind', 9)} ${lpad('raw KB', 9)} ${lpad('brotli KB', 10)}`);
for (const f of files) {
  console.log(`  ${pad(f.path, 46)} ${pad(f.kind, 9)} ${lpad(kb(f.raw), 9)} ${lpad(kb(f.br), 10)}`);
}
console.log('  by kind (brotli KB): ' + BUDGET_KINDS.map((k) => `${k} ${kb(byKind[k].br)}`).join(', ') +
  `; html ${kb(byKind.html.br)} (not budgeted)`);
if (byKind.geometry.files === 0) {
  console.log('  geometry: 0 KB (no boundary file is shipped: the map is computed from area centroids)');
}
console.log(`  total (wasm + js + css + data + geometry): ${kb(total)} KB; target ${kb(target)} KB` +
  (ceiling ? `; ceiling ${kb(ceiling)} KB` : ''));

let failed = false;
if (ceiling && total > ceiling) {
  console.log(`FAIL: the first view grew past the recorded ceiling by ${kb(total - ceiling)} KB.`);
  console.log('      Bring it back under, or raise first_view.ceiling_bytes in bench/budget.json on purpose');
  console.log('      (with a note in BENCHMARKS.md saying what the bytes buy).');
  failed = true;
}
if (total > target) {
  console.log(`OVER BUDGET: ${kb(total)} KB is ${kb(total - target)} KB over the ${kb(target)} KB target` +
    ` (${((total / target) * 100).toFixed(0)}%). See BENCHMARKS.md for what would bring it in.`);
  if (enforce) {
    console.log('FAIL: SIZE_BUDGET_ENFORCE=1');
    failed = true;
  } else {
    console.log('      (reported, not enforced: set SIZE_BUDGET_ENFORCE=1 to fail on it)');
  }
} else {
  console.log(`OK: within the ${kb(target)} KB target (${kb(target - total)} KB to spare).`);
}
process.exit(failed ? 1 : 0);
