#!/usr/bin/env node
// Trunk post_build hook (see Trunk.toml). Node built-ins and esbuild.
//
// 1. Strict CSP: Trunk injects an INLINE <script type="module"> that imports the wasm-bindgen
//    JS glue and starts the wasm. A `script-src 'self'` policy blocks it. This hook moves the
//    body of every inline module script into an external, content-hashed file next to
//    index.html and references it with a relative <script type="module" src="./boot-….js">
//    (with an SRI hash, like Trunk's own preload links).
// 2. Checks the result, and fails the build (exit 1) if index.html still has an inline script,
//    an inline style (<style> or style="…"), an inline event handler (onclick="…"), or any URL
//    that is not relative (absolute path "/…", protocol-relative "//…" or "scheme:…"): dist/
//    must work when served under an arbitrary sub-path such as /jakarta/strategi/.
// 3. Checks that the editorial sources (data/editorial/) were not shipped.
// 4. Minifies the stylesheets and the wasm-bindgen JS glue index.html links (Trunk's own
//    minifier is all or nothing and rewrites index.html too), with esbuild (a devDependency,
//    installed by ./x setup), and writes their new SRI hashes into index.html: 3.5 KB less to
//    download on every first view (BENCHMARKS.md). The file names keep Trunk's content hash of
//    the source, which still changes whenever the source does.
// 5. Builds the lazy wasm module, `explorer-more` (src/bin/explorer-more.rs: the features few
//    visitors use, loaded on first use by public/lazy-module.js): cargo (same profile and
//    target dir as Trunk's build, so the library and dependencies are shared), wasm-bindgen
//    --target web, wasm-opt with the flags index.html gives the app's wasm (release only), the
//    glue minified like the app's; written as more-<hash>.js and more-<hash>_bg.wasm (16 hex
//    digits of their content, so the service worker caches them cache first) and named in
//    index.html by <link rel="jrs-lazy-js"> and <link rel="jrs-lazy-wasm">, which browsers do
//    not fetch (the service worker precaches them, as every href of index.html).
//
// Usage: run by Trunk with TRUNK_STAGING_DIR set; or by hand: node tools/trunk-post-build.mjs DIR

import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
import { prerender, withPrerender } from './prerender.mjs';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('trunk-post-build: no directory (TRUNK_STAGING_DIR unset and no argument)');
  process.exit(2);
}
const htmlPath = join(dir, 'index.html');
let html = readFileSync(htmlPath, 'utf8');
const problems = [];

// Script types that browsers execute (everything else, e.g. application/json, is a data block).
const isExecutable = (attrs) => {
  const m = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attrs);
  if (!m) return true;
  const t = m[1].toLowerCase();
  return t === 'module' || t === 'text/javascript' || t === 'application/javascript';
};
const isModule = (attrs) => /\btype\s*=\s*["']?module\b/i.test(attrs);

/** The loader with the wasm's start held while a prerendered view is on screen, until the
 *  visitor starts using the page or the dataset turns out to have changed (<html data-go>,
 *  set by public/prerender-gate.js, which also says why): a visitor who only reads never
 *  downloads the wasm. For any other address the wasm starts at once (the gate also preloads
 *  it then, see below). */
function onFirstUse(code) {
  const at = code.indexOf('const wasm = await init(');
  if (at < 0) {
    problems.push('the Trunk loader no longer starts the wasm with `const wasm = await init(`: update onFirstUse');
    return code;
  }
  // public/prerender-gate.js sets <html data-go> and sends `jrs-go` when the code is wanted: at
  // once without a prerendered view, else when the visitor starts using the page or the
  // dataset changed. A page without the gate (no data-pre) starts at once. While the gate is
  // still fetching a view file (`wait`), the app waits for it to be in the page or given up
  // (`jrs-prerender`) even after a use: the app is built hidden under a prerender or in sight,
  // and must know which (ui::ctx::stage).
  const root = 'document.documentElement';
  const wait =
    `if (${root}.getAttribute('data-pre') === 'wait') ` +
    `await new Promise((r) => document.addEventListener('jrs-prerender', r, { once: true }));\n` +
    `if (${root}.hasAttribute('data-pre') && !${root}.hasAttribute('data-go')) ` +
    `await new Promise((r) => document.addEventListener('jrs-go', r, { once: true }));\n`;
  return code.slice(0, at) + wait + code.slice(at);
}

let moved = 0;
html = html.replace(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi, (whole, attrs, body) => {
  if (/\bsrc\s*=/i.test(attrs) || !isExecutable(attrs)) return whole;
  if (!isModule(attrs)) {
    problems.push(`inline classic <script> cannot be externalised safely: ${whole.slice(0, 120)}…`);
    return whole;
  }
  const code = onFirstUse(body.trim()) + '\n';
  const hex = createHash('sha256').update(code).digest('hex').slice(0, 16);
  const file = `boot-${hex}.js`;
  writeFileSync(join(dir, file), code);
  const sri = 'sha384-' + createHash('sha384').update(code).digest('base64');
  moved += 1;
  // Keep any other attributes Trunk set (none today), except a build-time nonce.
  const rest = attrs.replace(/\s*\bnonce\s*=\s*("[^"]*"|'[^']*'|\S+)/gi, '').replace(/\s*\btype\s*=\s*["']?module["']?/i, '');
  return `<script type="module" src="./${file}" integrity="${sri}" crossorigin="anonymous"${rest}></script>`;
});

// The app's wasm is not preloaded by index.html (the browser would fetch it before the first
// paint): it is named by <link rel="jrs-app-wasm"> (not fetched; the service worker precaches
// it as every href), and public/prerender-gate.js preloads it from there when no prerendered
// overview is shown.
let wasmLinks = 0;
html = html.replace(/<link\b[^>]*\brel="preload"[^>]*>/gi, (tag) => {
  const href = (/\bhref="(\.\/[^"]+_bg\.wasm)"/.exec(tag) || [])[1];
  if (!href) return tag;
  wasmLinks += 1;
  const sri = (/\bintegrity="([^"]*)"/.exec(tag) || [])[1];
  return `<link rel="jrs-app-wasm" href="${href}"${sri ? ` data-integrity="${sri}"` : ''}>`;
});
if (wasmLinks !== 1) problems.push(`expected one preload of the app's wasm in index.html, found ${wasmLinks}`);
// The gate reads that link: it goes at the end of <head>, after the tags Trunk adds there.
const GATE = '<script src="./prerender-gate.js"></script>';
if (!html.includes(GATE)) problems.push(`index.html has no ${GATE}`);
html = html.replace(GATE, '').replace(/<\/head>/i, `${GATE}</head>`);

// ---- minify the linked stylesheets and the JS glue -------------------------------------------
/** Stylesheets the overview does not use: the charts, map and timeline views, the presentation
 *  and "open your data" (see public/styles-later.js). */
// Trunk's hash is 64 bits in hex without leading zeros: up to 16 digits.
const LATER = /^(charts|map|present|open-data)-[0-9a-f]{1,16}\.css$/;
let minified = 0;
html = html.replace(/<link\b[^>]*>/gi, (tag) => {
  const rel = (/\brel="([^"]*)"/i.exec(tag) || [])[1];
  const href = (/\bhref="\.\/([^"/]+\.(css|js))"/i.exec(tag) || [])[1];
  if (!href || !['stylesheet', 'modulepreload'].includes(rel) || !/\bintegrity="/i.test(tag)) return tag;
  const file = join(dir, href);
  const source = readFileSync(file, 'utf8');
  let code;
  try {
    // The glue keeps wasm-bindgen's names (whitespace and syntax only): stack traces stay
    // readable, and the data-update test switches revalidation off by one of those names.
    const options = href.endsWith('.css')
      ? { loader: 'css', minify: true }
      : { loader: 'js', format: 'esm', minifyWhitespace: true, minifySyntax: true };
    code = transformSync(source, options).code;
  } catch (e) {
    problems.push(`could not minify ${href}: ${e.message}`);
    return tag;
  }
  writeFileSync(file, code);
  minified += 1;
  const sri = 'sha384-' + createHash('sha384').update(code).digest('base64');
  const out = tag.replace(/\bintegrity="[^"]*"/i, `integrity="${sri}"`);
  // What the first view does not show is linked disabled (not downloaded): public/styles-later.js
  // switches it on when it is used.
  return LATER.test(href) ? out.replace(/(\s*\/?>)$/, ' disabled$1') : out;
});
if (minified === 0) problems.push('no stylesheet or JS glue with an integrity hash found to minify in index.html');
// The two small scripts of public/ that every page loads (copied as they are by Trunk, with
// their comments): minified in dist/ too, every visitor pays for their bytes.
for (const name of ['lazy-module.js', 'styles-later.js', 'prerender-gate.js']) {
  const file = join(dir, name);
  try {
    const format = name === 'prerender-gate.js' ? 'iife' : 'esm';
    writeFileSync(file, transformSync(readFileSync(file, 'utf8'), { loader: 'js', format, minify: true }).code);
  } catch (e) {
    problems.push(`could not minify ${name}: ${e.message}`);
  }
}

// ---- the lazy wasm module (explorer-more) ------------------------------------------------------
/** The wasm-opt parameters index.html gives the app's wasm (data-wasm-opt and -params). */
function wasmOptArgs() {
  const source = readFileSync(new URL('../index.html', import.meta.url), 'utf8');
  const tag = /<link\b[^>]*data-bin="explorer"[^>]*>/.exec(source)?.[0] ?? '';
  const level = /\bdata-wasm-opt="([^"]*)"/.exec(tag)?.[1];
  const params = /\bdata-wasm-opt-params="([^"]*)"/.exec(tag)?.[1] ?? '';
  if (!level) throw new Error('index.html gives the explorer no data-wasm-opt level');
  return [`-O${level}`, ...params.split(/\s+/).filter(Boolean)];
}

function buildLazyModule() {
  const release = (process.env.TRUNK_PROFILE ?? 'release') === 'release';
  const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  const profile = release ? ['--release'] : [];
  run('cargo', ['build', '--offline', ...profile, '--target', 'wasm32-unknown-unknown', '--bin', 'explorer-more']);
  const meta = JSON.parse(execFileSync('cargo', ['metadata', '--offline', '--no-deps', '--format-version', '1'], { encoding: 'utf8', maxBuffer: 1 << 26 }));
  const wasmIn = join(meta.target_directory, 'wasm32-unknown-unknown', release ? 'release' : 'debug', 'explorer-more.wasm');
  const tmp = mkdtempSync(join(tmpdir(), 'jrs-more-'));
  try {
    run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', tmp, '--out-name', 'more', wasmIn]);
    let wasmFile = join(tmp, 'more_bg.wasm');
    if (release) {
      const opt = join(tmp, 'more_opt.wasm');
      run('wasm-opt', [...wasmOptArgs(), wasmFile, '-o', opt]);
      wasmFile = opt;
    }
    const wasm = readFileSync(wasmFile);
    const js = transformSync(readFileSync(join(tmp, 'more.js'), 'utf8'), {
      loader: 'js',
      format: 'esm',
      minifyWhitespace: true,
      minifySyntax: true,
    }).code;
    const hex = (b) => createHash('sha256').update(b).digest('hex').slice(0, 16);
    const names = { js: `more-${hex(js)}.js`, wasm: `more-${hex(wasm)}_bg.wasm` };
    writeFileSync(join(dir, names.js), js);
    writeFileSync(join(dir, names.wasm), wasm);
    return names;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

try {
  const more = buildLazyModule();
  const links = `<link rel="jrs-lazy-js" href="./${more.js}"><link rel="jrs-lazy-wasm" href="./${more.wasm}">`;
  if (!/<\/head>/i.test(html)) throw new Error('index.html has no </head>');
  html = html.replace(/<\/head>/i, `${links}</head>`);
} catch (e) {
  problems.push(`the lazy module (explorer-more) did not build: ${e.message}`);
}

// ---- the shipped datasets without indentation (same data; 1 KB less brotli for Jakarta) -------
// data/*.json in the repository stays indented for editing; either form may be deployed.
for (const f of existsSync(join(dir, 'data')) ? readdirSync(join(dir, 'data')) : []) {
  if (!f.endsWith('.json')) continue;
  const file = join(dir, 'data', f);
  try {
    writeFileSync(file, JSON.stringify(JSON.parse(readFileSync(file, 'utf8'))) + '\n');
  } catch (e) {
    problems.push(`dist/data/${f} is not valid JSON: ${e.message}`);
  }
}

// ---- checks -------------------------------------------------------------------------------
/** Adds to `problems` what in `html` would break under the strict CSP or a sub-path. */
function check(html) {
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (!/\bsrc\s*=/i.test(m[1]) && isExecutable(m[1]) && m[2].trim() !== '') {
      problems.push('inline <script> left in index.html');
    }
  }
  if (/<style\b/i.test(html)) problems.push('inline <style> element in index.html');
  // Attributes inside tags only (not text): find every tag, then look at its attributes.
  for (const tag of html.matchAll(/<[a-zA-Z][^>]*>/g)) {
    const t = tag[0];
    if (/\sstyle\s*=/i.test(t)) problems.push(`inline style attribute: ${t}`);
    if (/\son[a-z]+\s*=/i.test(t)) problems.push(`inline event handler: ${t}`);
    for (const a of t.matchAll(/\s(src|href|action|formaction|poster|data|srcset|content)\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
      const name = a[1].toLowerCase();
      const value = a[3] ?? a[4] ?? a[5] ?? '';
      if (name === 'content' && !/http-equiv\s*=\s*["']?refresh/i.test(t)) continue;
      // A link out to a source (the prerendered overview's): not a file of the page.
      if (name === 'href' && /^<a\s/i.test(t) && /\brel="[^"]*\bexternal\b/i.test(t) && /^https:\/\//i.test(value)) continue;
      const urls = name === 'srcset' ? value.split(',').map((s) => s.trim().split(/\s+/)[0]) : [value];
      for (const u of urls) {
        if (u === '' || u.startsWith('#')) continue;
        if (u.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(u)) {
          problems.push(`non-relative URL ${name}="${u}" in ${t}`);
        }
      }
    }
  }
  // The moved loader must import and fetch with relative specifiers too.
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="\.\/(boot-[0-9a-f]+\.js)"/g)) {
    const code = readFileSync(join(dir, m[1]), 'utf8');
    for (const s of code.matchAll(/(['"`])([^'"`\n]*\.(?:js|wasm))\1/g)) {
      if (!s[2].startsWith('./')) problems.push(`non-relative URL "${s[2]}" in ${m[1]}`);
    }
  }
  if (existsSync(join(dir, 'data', 'editorial'))) problems.push('data/editorial/ must not be shipped in dist/');
}
check(html);

// ---- the first view, prerendered (tools/prerender.mjs) --------------------------------------
// The built page draws its own overview in headless Chromium; index.html then carries it, so
// a visitor reads it before the wasm has arrived. Checked like the rest of index.html.
if (!problems.length) {
  writeFileSync(htmlPath, html);
  try {
    html = withPrerender(html, await prerender(dir));
    check(html);
  } catch (e) {
    problems.push(`the overview could not be prerendered: ${e.message}`);
  }
}

if (problems.length) {
  console.error('trunk-post-build: dist/index.html is not fit for a strict CSP / sub-path deployment:');
  for (const p of problems) console.error('  - ' + p);
  process.exit(1);
}
writeFileSync(htmlPath, html);
console.log(`trunk-post-build: ${moved} inline loader script(s) moved to external files; ${minified} stylesheet(s) and JS glue minified; the lazy module built; the overview prerendered; all URLs relative; no inline script or style`);
