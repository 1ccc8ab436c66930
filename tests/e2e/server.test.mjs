// Tests of the static server itself (no browser): MIME types, CSP header, sub-path mounting,
// path traversal, compression negotiation, the cross-origin embedding page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startServer, CSP, negotiateEncoding } from './server.mjs';

let root;
let dir;
let s;
let sub;
const BIG = JSON.stringify({ items: Array.from({ length: 500 }, (_, i) => ({ i, name: `item ${i}` })) });

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'jrs-server-test-'));
  dir = join(root, 'dist');
  mkdirSync(join(dir, 'data'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!DOCTYPE html><title>t</title>');
  writeFileSync(join(dir, 'app_bg.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  writeFileSync(join(dir, 'app.js'), 'export default 1;\n');
  writeFileSync(join(dir, 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(dir, 'data', 'jakarta.json'), BIG);
  writeFileSync(join(root, 'secret.txt'), 'outside dist');
  symlinkSync(join(root, 'secret.txt'), join(dir, 'link.txt'));
  s = await startServer({ dir, port: 0, compress: true, framePort: 0 });
  sub = await startServer({ dir, port: 0, base: '/jakarta/strategi/' });
});
after(async () => {
  await s.close();
  await sub.close();
  rmSync(root, { recursive: true, force: true });
});

/** Raw GET (no URL normalisation, unlike fetch) → { status, headers, body: Buffer }. */
function get(server, path, headers = {}, method = 'GET') {
  return new Promise((ok, fail) => {
    const req = request({ host: server.host, port: server.port, path, method, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });
}

test('serves files with correct MIME types and the strict CSP', async () => {
  const cases = [
    ['/', 'text/html'],
    ['/index.html', 'text/html'],
    ['/app_bg.wasm', 'application/wasm'],
    ['/app.js', 'text/javascript'],
    ['/icon.svg', 'image/svg+xml'],
    ['/data/jakarta.json', 'application/json'],
  ];
  for (const [path, type] of cases) {
    const r = await get(s, path);
    assert.equal(r.status, 200, path);
    assert.ok(r.headers['content-type'].startsWith(type), `${path}: ${r.headers['content-type']}`);
    assert.equal(r.headers['content-security-policy'], CSP, path);
    assert.equal(r.headers['x-content-type-options'], 'nosniff');
  }
  const missing = await get(s, '/nope.js');
  assert.equal(missing.status, 404);
  assert.equal(missing.headers['content-security-policy'], CSP);
  assert.equal((await get(s, '/', {}, 'POST')).status, 405);
  const head = await get(s, '/app.js', {}, 'HEAD');
  assert.equal(head.status, 200);
  assert.equal(head.body.length, 0);
});

test('blocks path traversal, dotfiles and symlinks out of dist', async () => {
  for (const path of [
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/data/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/data/%2e%2e/%2e%2e/secret.txt',
    '/%00index.html',
    '/link.txt',
    '/.hidden',
  ]) {
    const r = await get(s, path);
    assert.equal(r.status, 404, `${path} → ${r.status}`);
    assert.doesNotMatch(r.body.toString(), /outside dist/);
  }
});

test('mounts under a sub-path: outside is 404, base without slash redirects', async () => {
  assert.equal(sub.url, `${sub.origin}/jakarta/strategi/`);
  assert.equal((await get(sub, '/jakarta/strategi/')).status, 200);
  assert.equal((await get(sub, '/jakarta/strategi/app_bg.wasm')).headers['content-type'], 'application/wasm');
  assert.equal((await get(sub, '/')).status, 404);
  assert.equal((await get(sub, '/app.js')).status, 404);
  assert.equal((await get(sub, '/jakarta/app.js')).status, 404);
  const r = await get(sub, '/jakarta/strategi?x=1');
  assert.equal(r.status, 308);
  assert.equal(r.headers.location, '/jakarta/strategi/?x=1');
  assert.equal((await get(sub, '/jakarta/strategi/data')).status, 308);
});

test('negotiates brotli and gzip when --compress is on', async () => {
  const br = await get(s, '/data/jakarta.json', { 'accept-encoding': 'gzip, deflate, br' });
  assert.equal(br.headers['content-encoding'], 'br');
  assert.equal(br.headers.vary, 'Accept-Encoding');
  assert.equal(brotliDecompressSync(br.body).toString(), BIG);
  assert.ok(br.body.length < BIG.length / 3);
  const gz = await get(s, '/data/jakarta.json', { 'accept-encoding': 'gzip' });
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.equal(gunzipSync(gz.body).toString(), BIG);
  const plain = await get(s, '/data/jakarta.json');
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.equal(plain.body.toString(), BIG);
  const wasm = await get(s, '/app_bg.wasm', { 'accept-encoding': 'br' });
  assert.equal(wasm.headers['content-type'], 'application/wasm');
  assert.equal(negotiateEncoding('br;q=0, gzip;q=0.5'), 'gzip');
  assert.equal(negotiateEncoding('identity'), 'identity');
  assert.equal(negotiateEncoding('*'), 'br');
  const off = await get(sub, '/jakarta/strategi/data/jakarta.json', { 'accept-encoding': 'br' });
  assert.equal(off.headers['content-encoding'], undefined, 'no compression without --compress');
});

test('second origin serves a page that iframes the app cross-origin', async () => {
  assert.notEqual(s.frameOrigin, s.origin);
  const r = await get({ host: s.host, port: s.framePort }, '/?path=%3Flang%3Den');
  assert.equal(r.status, 200);
  const page = r.body.toString();
  assert.match(page, new RegExp(`<iframe[^>]+src="${s.url.replace(/[.]/g, '\\.')}\\?lang=en"`));
  assert.match(r.headers['content-security-policy'], new RegExp(`frame-src ${s.origin}`));
  assert.doesNotMatch(page, /<script|style=/);
});

test('plainHost: no Cache-Control, an ETag that changes with the file, 304 for a current copy', async () => {
  const plain = await startServer({ dir, port: 0, plainHost: true });
  try {
    const first = await get(plain, '/data/jakarta.json');
    assert.equal(first.status, 200);
    assert.equal(first.headers['cache-control'], undefined, 'no Cache-Control');
    assert.match(first.headers.etag, /^"[0-9a-f]+-[0-9a-f]+"$/);
    assert.ok(first.headers['last-modified'], 'Last-Modified');
    const byTag = await get(plain, '/data/jakarta.json', { 'If-None-Match': first.headers.etag });
    assert.equal(byTag.status, 304);
    assert.equal(byTag.body.length, 0, 'a 304 has no body');
    const byDate = await get(plain, '/data/jakarta.json', { 'If-Modified-Since': first.headers['last-modified'] });
    assert.equal(byDate.status, 304);
    const stale = await get(plain, '/data/jakarta.json', { 'If-None-Match': '"0-0"' });
    assert.equal(stale.status, 200, 'another ETag gets the file');
    assert.equal(stale.body.toString(), BIG);
    // The file changes: the old ETag no longer matches.
    const file = join(dir, 'data', 'changed.json');
    writeFileSync(file, '{"v":1}');
    const v1 = await get(plain, '/data/changed.json');
    writeFileSync(file, '{"v":22}');
    const v2 = await get(plain, '/data/changed.json', { 'If-None-Match': v1.headers.etag });
    assert.equal(v2.status, 200);
    assert.equal(v2.body.toString(), '{"v":22}');
    assert.notEqual(v2.headers.etag, v1.headers.etag);
    // The default server keeps sending Cache-Control: no-cache and never answers 304.
    const normal = await get(s, '/index.html', { 'If-Modified-Since': first.headers['last-modified'] });
    assert.equal(normal.status, 200);
    assert.equal(normal.headers['cache-control'], 'no-cache');
  } finally {
    await plain.close();
  }
});
