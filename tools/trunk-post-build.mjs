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
//
// Usage: run by Trunk with TRUNK_STAGING_DIR set; or by hand: node tools/trunk-post-build.mjs DIR

import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';

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

let moved = 0;
html = html.replace(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi, (whole, attrs, body) => {
  if (/\bsrc\s*=/i.test(attrs) || !isExecutable(attrs)) return whole;
  if (!isModule(attrs)) {
    problems.push(`inline classic <script> cannot be externalised safely: ${whole.slice(0, 120)}…`);
    return whole;
  }
  const code = body.trim() + '\n';
  const hex = createHash('sha256').update(code).digest('hex').slice(0, 16);
  const file = `boot-${hex}.js`;
  writeFileSync(join(dir, file), code);
  const sri = 'sha384-' + createHash('sha384').update(code).digest('base64');
  moved += 1;
  // Keep any other attributes Trunk set (none today), except a build-time nonce.
  const rest = attrs.replace(/\s*\bnonce\s*=\s*("[^"]*"|'[^']*'|\S+)/gi, '').replace(/\s*\btype\s*=\s*["']?module["']?/i, '');
  return `<script type="module" src="./${file}" integrity="${sri}" crossorigin="anonymous"${rest}></script>`;
});

// ---- minify the linked stylesheets and the JS glue -------------------------------------------
/** Stylesheets the overview does not use: the charts, map and timeline views, the presentation
 *  and "open your data" (see public/styles-later.js). */
const LATER = /^(charts|map|present|open-data)-[0-9a-f]{16}\.css$/;
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

if (problems.length) {
  console.error('trunk-post-build: dist/index.html is not fit for a strict CSP / sub-path deployment:');
  for (const p of problems) console.error('  - ' + p);
  process.exit(1);
}
writeFileSync(htmlPath, html);
console.log(`trunk-post-build: ${moved} inline loader script(s) moved to external files; ${minified} stylesheet(s) and JS glue minified; all URLs relative; no inline script or style`);
