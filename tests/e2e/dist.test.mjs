// Static checks on the built dist/: deployable under any sub-path, strict-CSP clean, datasets
// shipped as separate replaceable files, editorial sources not shipped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, readFileSync, readdirSync, statSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { DIST, ROOT, SELF_TEST_DIST } from './lib.mjs';

const html = () => readFileSync(join(DIST, 'index.html'), 'utf8');
const DATASETS = ['jakarta.json', 'chennai.json', 'strategy.schema.json'];

function attributeUrls(src) {
  const out = [];
  for (const tag of src.matchAll(/<[a-zA-Z][^>]*>/g)) {
    for (const a of tag[0].matchAll(/\s(src|href|action|formaction|poster|data|srcset)\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
      const v = a[3] ?? a[4] ?? a[5] ?? '';
      const list = a[1].toLowerCase() === 'srcset' ? v.split(',').map((s) => s.trim().split(/\s+/)[0]) : [v];
      for (const u of list) out.push({ attr: a[1], url: u, tag: tag[0] });
    }
  }
  return out;
}

test('dist/index.html: lang, title, viewport, noscript (id+en), loading placeholder', () => {
  const h = html();
  assert.match(h, /<html[^>]*\blang="id"/);
  const title = /<title>([^<]*)<\/title>/.exec(h);
  assert.ok(title && title[1].trim().length > 10, 'meaningful <title>');
  assert.match(h, /<meta[^>]+name="viewport"[^>]+width=device-width/);
  const noscript = /<noscript>([\s\S]*?)<\/noscript>/.exec(h);
  assert.ok(noscript, '<noscript> present');
  assert.match(noscript[1], /lang="id"[^>]*>[^<]*JavaScript/, 'Indonesian noscript message');
  assert.match(noscript[1], /lang="en"[^>]*>[^<]*JavaScript/, 'English noscript message');
  assert.match(h, /<div id="app">/, '<div id="app"> present');
  const loading = /<p class="app-loading"[^>]*>([\s\S]*?)<\/p>/.exec(h);
  assert.ok(loading, 'the loading placeholder in #app');
  assert.match(loading[1], /Memuat/);
  assert.match(loading[1], /Loading/);
  // The overview prerendered at build time (tools/prerender.mjs), both languages, each with
  // the hash of the dataset it was drawn from.
  assert.match(h, /<div id="app"><!--prerender--><div class="prerendered" lang="id" data-data="[0-9a-f]{8}">/);
  assert.match(h, /<template id="prerender-en"><div class="prerendered" lang="en" data-data="[0-9a-f]{8}">/);
  const gate = h.indexOf('<script src="./prerender-gate.js"></script>');
  assert.ok(gate > 0 && gate < h.indexOf('</head>'), 'the gate script, classic, in <head>');
  assert.ok(h.indexOf('<link rel="jrs-app-wasm"') < gate, 'after the link that names the wasm');
});

test('dist/index.html: every URL is relative (served under arbitrary sub-paths)', () => {
  const urls = attributeUrls(html());
  assert.ok(urls.length >= 3, 'found the asset URLs');
  for (const { attr, url, tag } of urls) {
    // The prerendered overview's links out to its sources are not files of the page.
    if (/^<a\s/.test(tag) && /\brel="[^"]*\bexternal\b/.test(tag) && url.startsWith('https://')) continue;
    assert.ok(!url.startsWith('/'), `absolute-path URL ${attr}="${url}" in ${tag}`);
    assert.ok(!/^[a-z][a-z0-9+.-]*:/i.test(url), `URL with a scheme ${attr}="${url}" in ${tag}`);
    if (url && !url.startsWith('#')) {
      const file = join(DIST, decodeURIComponent(url.split(/[?#]/)[0]));
      assert.ok(existsSync(file), `${attr}="${url}" refers to a file in dist/`);
    }
  }
});

test('dist/index.html: no inline script, inline style or inline event handler (strict CSP)', () => {
  const h = html();
  for (const m of h.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const executable = !/\btype=/.test(m[1]) || /\btype="?(module|text\/javascript)/.test(m[1]);
    if (executable) assert.match(m[1], /\bsrc=/, `inline script: ${m[0].slice(0, 200)}`);
  }
  assert.doesNotMatch(h, /<style\b/i);
  for (const tag of h.matchAll(/<[a-zA-Z][^>]*>/g)) {
    assert.doesNotMatch(tag[0], /\sstyle\s*=/i, `inline style in ${tag[0]}`);
    assert.doesNotMatch(tag[0], /\son[a-z]+\s*=/i, `inline handler in ${tag[0]}`);
  }
  const loader = /<script type="module" src="\.\/(boot-[^"]+)"/.exec(h);
  assert.ok(loader, 'an external module loader script');
  const code = readFileSync(join(DIST, loader[1]), 'utf8');
  const specifiers = [...code.matchAll(/(['"])([^'"\n]*\.(?:js|wasm))\1/g)].map((m) => m[2]);
  assert.ok(specifiers.some((s) => s.endsWith('.js')) && specifiers.some((s) => s.endsWith('.wasm')));
  for (const s of specifiers) {
    assert.ok(s.startsWith('./'), `loader refers to "${s}" with a relative URL`);
    assert.ok(existsSync(join(DIST, s)), `${s} exists in dist/`);
  }
});

test('dist/data/ ships the datasets as separate JSON files with unchanged data (without indentation); no editorial sources', () => {
  for (const f of DATASETS) {
    const shipped = join(DIST, 'data', f);
    assert.ok(existsSync(shipped), `dist/data/${f} exists`);
    const text = readFileSync(shipped, 'utf8');
    assert.doesNotThrow(() => JSON.parse(text), `dist/data/${f} is valid JSON`);
    const source = join(ROOT, 'data', f);
    if (existsSync(source)) {
      // The same data, every value in the same order; only the indentation is left out.
      const same = JSON.stringify(JSON.parse(readFileSync(source, 'utf8')));
      assert.equal(text.trim(), same, `dist/data/${f} holds exactly the data of data/${f}`);
      assert.ok(text.length < readFileSync(source, 'utf8').length, `dist/data/${f} is shipped without indentation`);
    }
  }
  assert.ok(!existsSync(join(DIST, 'data', 'editorial')), 'data/editorial/ is not shipped');
  const all = [];
  const walk = (d) => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else all.push(relative(DIST, p));
    }
  };
  walk(DIST);
  assert.ok(!all.some((p) => /editorial/i.test(p)), `no editorial file in dist: ${all.filter((p) => /editorial/i.test(p))}`);
});

test('public/ is copied to the root of dist/', () => {
  const pub = join(ROOT, 'public');
  if (!existsSync(pub)) return;
  const walk = (d) =>
    readdirSync(d).flatMap((e) => (statSync(join(d, e)).isDirectory() ? walk(join(d, e)) : [join(d, e)]));
  for (const f of walk(pub)) {
    const rel = relative(pub, f);
    assert.ok(existsSync(join(DIST, rel)), `public/${rel} is at dist/${rel}`);
  }
});

test('dist/: the shipped app exports no test hook (jrs_self_test_panic is in the test variant only)', () => {
  const files = readdirSync(DIST);
  const js = files.filter((f) => /^explorer-.*\.js$/.test(f));
  const wasm = files.filter((f) => /^explorer-.*_bg\.wasm$/.test(f));
  assert.equal(js.length, 1, `one app script: ${js}`);
  assert.equal(wasm.length, 1, `one app module: ${wasm}`);
  const wasmExports = (dir) => WebAssembly.Module.exports(new WebAssembly.Module(readFileSync(join(dir, wasm[0])))).map((e) => e.name);
  assert.equal(readFileSync(join(DIST, js[0]), 'utf8').includes('self_test'), false, `${js[0]} mentions no self-test hook`);
  assert.deepEqual(wasmExports(DIST).filter((n) => /self_test/.test(n)), [], `${wasm[0]} exports no self-test hook`);
  // Control: the same check finds the hook in the test variant, so it can see one.
  assert.ok(wasmExports(SELF_TEST_DIST).includes('jrs_self_test_panic'), `${SELF_TEST_DIST} exports it`);
  assert.ok(readFileSync(join(SELF_TEST_DIST, js[0]), 'utf8').includes('jrs_self_test_panic'));
});

test('negative control: the size check fails when the first view is over its target (bench/size-check.mjs)', () => {
  // The ./x test step runs it with bench/budget.json; here a 1 KB target that dist/ cannot meet.
  const budget = JSON.parse(readFileSync(join(ROOT, 'bench', 'budget.json'), 'utf8'));
  budget.first_view.target_bytes = 1024;
  const dir = mkdtempSync(join(tmpdir(), 'jrs-budget-'));
  const file = join(dir, 'budget.json');
  writeFileSync(file, JSON.stringify(budget));
  const r = spawnSync(process.execPath, [join(ROOT, 'bench', 'size-check.mjs'), '--dist', DIST, '--budget', file], {
    encoding: 'utf8',
    env: { ...process.env, SIZE_BUDGET_ENFORCE: '' },
  });
  rmSync(dir, { recursive: true, force: true });
  assert.equal(r.status, 1, `exit status 1 (no variable needed):\n${r.stdout}${r.stderr}`);
  assert.match(r.stdout, /FAIL: the first view is [\d.]+ KB, [\d.]+ KB over its 1\.0 KB target/);
});

test('negative control: with a dataset the prerender was not drawn from, the size check counts the wasm in the first view and fails', () => {
  // The gate starts the wasm at once for a changed dataset (DEPLOY.md), so the first view then
  // loads it: the check must count it (bench/lib.mjs wasmHeld) and the total is over 150 KB.
  const dir = mkdtempSync(join(tmpdir(), 'jrs-budget-'));
  cpSync(DIST, dir, { recursive: true });
  const file = join(dir, 'data', 'jakarta.json');
  writeFileSync(file, readFileSync(file, 'utf8') + '\n');
  const r = spawnSync(process.execPath, [join(ROOT, 'bench', 'size-check.mjs'), '--dist', dir], { encoding: 'utf8' });
  rmSync(dir, { recursive: true, force: true });
  assert.equal(r.status, 1, `exit status 1:\n${r.stdout}${r.stderr}`);
  assert.match(r.stdout, /first view, overview: +[\d.]+ KB \(wasm [1-9][\d.]+,.*wasm loaded: the prerendered overview was drawn from another dataset/);
  assert.match(r.stdout, /FAIL: the first view is [\d.]+ KB/);
});
