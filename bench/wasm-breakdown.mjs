#!/usr/bin/env node
// Where the wasm bytes go: runs wasm-bindgen and wasm-opt -Oz on the release wasm the way Trunk
// does, but KEEPING the function names, and groups twiggy's per-function sizes by crate (and the
// app's own code by module). Names live in a custom section that twiggy reports separately and
// production strips, so the sizes are those of the code as shipped (to within a few %: with
// names kept, wasm-opt's output differs slightly). Function names are approximate owners: with
// LTO, code is inlined into its callers (e.g. serde's deserializers into the loader).
//
// Needs: a release build of the wasm (`./x build`, or `cargo build --release --target
// wasm32-unknown-unknown --bin explorer`), wasm-bindgen and wasm-opt (./x setup), and twiggy
// (`cargo install twiggy`; optional tooling, not installed by ./x setup).
//
// Usage: node bench/wasm-breakdown.mjs [--wasm target/wasm32-unknown-unknown/release/explorer.wasm]
//          [--out bench-out/wasm] [--top 40] [--json] [--reuse (the modules already in --out)]

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT, kb, brotliSize } from './lib.mjs';

const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 && i + 1 < argv.length ? argv[i + 1] : dflt;
};
const WASM = resolve(opt('--wasm', join(ROOT, 'target', 'wasm32-unknown-unknown', 'release', 'explorer.wasm')));
const OUT = resolve(opt('--out', join(ROOT, 'bench-out', 'wasm')));
const TOP = Number(opt('--top', '40'));
const bin = (name) => (existsSync(join(ROOT, 'node_modules', '.bin', name)) ? join(ROOT, 'node_modules', '.bin', name) : name);

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 28, ...options });
  if (r.error || r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed: ${(r.error && r.error.message) || r.stderr}`);
  }
  return r.stdout;
}

const named = join(OUT, 'named.opt.wasm');
const stripped = join(OUT, 'stripped.opt.wasm');
// --reuse: regroup the modules an earlier run left in --out (e.g. after changing the grouping).
if (!(argv.includes('--reuse') && existsSync(named) && existsSync(stripped))) {
  if (!existsSync(WASM)) {
    console.error(`${WASM} not found: build the release wasm first (./x build)`);
    process.exit(2);
  }
  mkdirSync(OUT, { recursive: true });
  run('wasm-bindgen', ['--keep-debug', '--target', 'web', '--out-dir', OUT, '--out-name', 'named', WASM]);
  const features = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-mutable-globals'];
  run(bin('wasm-opt'), ['-Oz', '-g', '--strip-producers', '--low-memory-unused', ...features, join(OUT, 'named_bg.wasm'), '-o', named]);
  run(bin('wasm-opt'), ['-Oz', '--strip-debug', '--strip-producers', '--low-memory-unused', ...features, join(OUT, 'named_bg.wasm'), '-o', stripped]);
}
const br = (f) => brotliSize(readFileSync(f));
const shippedRaw = readFileSync(stripped).length;
const shippedBr = br(stripped);

const csv = run('twiggy', ['top', '-n', '1000000', '-f', 'csv', named]);
const rows = [];
for (const line of csv.split('\n').slice(1)) {
  if (!line.trim()) continue;
  // Name may be quoted with doubled quotes; the numbers follow.
  const m = /^("(?:[^"]|"")*"|[^,]*),(\d+),/.exec(line);
  if (!m) continue;
  const name = m[1].startsWith('"') ? m[1].slice(1, -1).replace(/""/g, '"') : m[1];
  rows.push({ name, size: Number(m[2]) });
}

const FAMILIES = [
  [/^(leptos\w*|tachys|reactive_graph|reactive_stores|any_spawner|or_poisoned|throw_error|send_wrapper|next_tuple|oco_ref|hydration_context|server_fn\w*|futures\w*|slotmap|pin_project\w*)$/, 'Leptos runtime + views (leptos, tachys, reactive_graph, futures)'],
  [/^(serde|serde_core|serde_json|serde_path_to_error|ryu|itoa|memchr)$/, 'serde + serde_json + serde_path_to_error'],
  [/^(wasm_bindgen\w*|js_sys|web_sys|gloo\w*)$/, 'wasm-bindgen, js-sys, web-sys, gloo'],
  [/^(plotters\w*)$/, 'plotters'],
  [/^(qrcode)$/, 'qrcode'],
  [/^(csv|csv_core)$/, 'csv'],
  [/^(hashbrown|indexmap|rustc_hash|ahash|foldhash)$/, 'hash maps (hashbrown, indexmap)'],
  [/^(dlmalloc)$/, 'allocator (dlmalloc)'],
];

const PRIMITIVES = ['str', 'char', 'bool', 'f32', 'f64', 'u8', 'u16', 'u32', 'u64', 'u128', 'usize', 'i8', 'i16', 'i32', 'i64', 'i128', 'isize'];

/** The crate (or group) a demangled item belongs to. */
function owner(name) {
  if (name.startsWith('data segment')) return ['data segments (.rodata: strings, tables)', null];
  if (name.includes('"function names" subsection') || name.startsWith('"') || /subsection|custom section/.test(name)) return [null, null];
  if (/^code\[\d+\]$/.test(name)) return ['unnamed functions (wasm-bindgen shims)', null];
  if (/^(table|elem|type|import|export|global|memory|start)\[/.test(name) || /^[a-z]+\[\d+\]$/.test(name)) return ['wasm structure (types, imports, exports, tables)', null];
  let s = name.replace(/^<+/, '').replace(/^(&mut |&|\*const |\*mut |\[|\(|dyn )+/, '');
  let first = /^([A-Za-z_][A-Za-z0-9_]*)/.exec(s);
  // "<T as tachys::…>::f": a generic type; the trait's crate owns the code.
  if (!first || /^[A-Z]$/.test(first[1]) || first[1] === 'impl' || (PRIMITIVES.includes(first[1]) && / as /.test(name))) {
    const as = / as ([A-Za-z_][A-Za-z0-9_]*)/.exec(name);
    if (as) first = as;
  }
  let crate = first ? first[1] : 'other';
  if (['import', 'export'].includes(crate)) return ['wasm structure (types, imports, exports, tables)', null];
  if (PRIMITIVES.includes(crate) || ['compiler_builtins', 'memcmp', 'memcpy', 'memset', 'memmove'].includes(crate) || crate.startsWith('__')) crate = 'core';
  if (crate === 'core' || crate === 'alloc' || crate === 'std') {
    if (/core(\[[0-9a-f]+\])?::fmt|::fmt::|Display>::fmt|Debug>::fmt|Formatter/.test(name)) return ['formatting (core::fmt, Display/Debug impls)', null];
    return ['core / alloc / std (incl. generic iterator and collection code instantiated by the app)', null];
  }
  for (const [re, group] of FAMILIES) if (re.test(crate)) return [group, crate];
  if (crate === 'jrs' || crate === 'explorer') {
    // Per feature: the app's module and its first sub-module (jrs::ui::map, jrs::model::load).
    const mod = /^(?:jrs|explorer)::(\w+)(?:::([a-z]\w*))?/.exec(s);
    if (!mod) return ['the app itself (jrs)', 'jrs'];
    return ['the app itself (jrs)', mod[2] && !/^(__|h[0-9a-f]{16}$)/.test(mod[2]) ? `jrs::${mod[1]}::${mod[2]}` : `jrs::${mod[1]}`];
  }
  return [`other: ${crate}`, crate];
}

const groups = new Map();
const sub = new Map();
let total = 0;
for (const r of rows) {
  const [g, c] = owner(r.name);
  if (!g) continue;
  total += r.size;
  groups.set(g, (groups.get(g) || 0) + r.size);
  if (c) sub.set(`${g}|${c}`, (sub.get(`${g}|${c}`) || 0) + r.size);
}
// Crates below 1 KB go into one line.
for (const [g, n] of [...groups]) {
  if (g.startsWith('other: ') && n < 1024) {
    groups.delete(g);
    groups.set('other crates (each < 1 KB)', (groups.get('other crates (each < 1 KB)') || 0) + n);
  }
}
const sorted = [...groups].sort((a, b) => b[1] - a[1]);
const topItems = rows
  .filter((r) => owner(r.name)[0])
  .sort((a, b) => b.size - a.size)
  .slice(0, TOP);

const result = { wasm: WASM, shippedRaw, shippedBr, counted: total, groups: sorted, sub: [...sub].sort((a, b) => b[1] - a[1]), top: topItems };
writeFileSync(join(OUT, 'breakdown.json'), JSON.stringify(result, null, 1));
if (argv.includes('--json')) {
  console.log(JSON.stringify(result, null, 1));
} else {
  console.log(`${WASM}\nthis build with names stripped: ${kb(shippedRaw)} KB raw, ${kb(shippedBr)} KB brotli` +
    ' (wasm-bindgen --keep-debug changes wasm-opt\'s output a little: Trunk\'s file is within a few % of it)\n');
  console.log('| group | KB (raw) | share |');
  console.log('|---|---:|---:|');
  for (const [g, n] of sorted) console.log(`| ${g} | ${kb(n)} | ${((n / total) * 100).toFixed(1)}% |`);
  console.log('\nwithin groups (KB raw):');
  for (const [k, n] of result.sub.slice(0, 60)) console.log(`  ${k.replace('|', ' → ')}: ${kb(n)}`);
  console.log(`\ntop ${TOP} items (bytes raw):`);
  for (const r of topItems) console.log(`  ${String(r.size).padStart(7)}  ${r.name.slice(0, 160)}`);
}
