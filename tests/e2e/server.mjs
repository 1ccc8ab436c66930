#!/usr/bin/env node
// Static file server for the built dist/ (Node built-ins only), used by `./x serve` and the
// end-to-end tests. It behaves like the strict production host the app must work on:
//   * every response carries the strict Content-Security-Policy below;
//   * correct MIME types (application/wasm for streaming compilation, application/json, ...);
//   * optional mounting under a sub-path (--base /jakarta/strategi/): anything outside it is 404,
//     the base without its trailing slash redirects to the base with it;
//   * optional brotli/gzip negotiation (--compress);
//   * no directory listings, no path traversal, no symlinks out of the served directory;
//   * optionally a second origin (--frame-port, e.g. port+1) that serves a page embedding the app
//     in a cross-origin <iframe> (GET /?path=<app path and query>);
//   * files are sent with `Cache-Control: no-cache` and Last-Modified; --plain-host instead acts
//     like many default server setups: no Cache-Control at all, an ETag, and 304 Not Modified
//     for a conditional request (If-None-Match / If-Modified-Since) whose copy is current.
//
// CLI:    node tests/e2e/server.mjs [--dir dist] [--port 8080] [--host 127.0.0.1]
//                                   [--base /] [--compress] [--frame-port N] [--spa] [--quiet]
//                                   [--plain-host]
// Module: import { startServer } from './server.mjs';
//         const s = await startServer({ dir, port: 0, base: '/x/', compress: true, framePort: 0,
//                                       plainHost: true, log: (line) => … });
//         s.url (app URL with trailing slash), s.origin, s.frameUrl, s.frameOrigin, await s.close()

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { realpath, stat, readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { brotliCompress, gzip, constants as zc } from 'node:zlib';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "img-src 'self' data: blob:; connect-src 'self'";

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.geojson': 'application/geo+json',
  '.xml': 'application/xml',
  '.pdf': 'application/pdf',
};
const COMPRESSIBLE = /^(text\/|application\/(wasm|json|javascript|manifest\+json|geo\+json|xml)|image\/svg\+xml)/;

const brotli = promisify(brotliCompress);
const gzipP = promisify(gzip);

/** Parse an Accept-Encoding header into the encoding we will use (br > gzip > identity). */
export function negotiateEncoding(header) {
  const q = new Map();
  for (const part of String(header || '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    let weight = 1;
    for (const p of params) {
      const m = /^\s*q=([0-9.]+)\s*$/.exec(p);
      if (m) weight = Number(m[1]);
    }
    q.set(name, weight);
  }
  const ok = (n) => (q.has(n) ? q.get(n) > 0 : q.has('*') && q.get('*') > 0);
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return 'identity';
}

/** True when a conditional request's copy is current (If-None-Match wins over If-Modified-Since). */
function notModified(reqHeaders, etag, mtime) {
  const inm = reqHeaders['if-none-match'];
  if (inm !== undefined) {
    return inm.split(',').some((t) => t.trim() === '*' || t.trim().replace(/^W\//, '') === etag);
  }
  const ims = Date.parse(reqHeaders['if-modified-since'] ?? '');
  return !Number.isNaN(ims) && Math.floor(mtime.getTime() / 1000) * 1000 <= ims;
}

function normaliseBase(base) {
  let b = String(base || '/');
  if (!b.startsWith('/')) b = '/' + b;
  if (!b.endsWith('/')) b += '/';
  if (b.split('/').some((seg) => seg === '..' || seg === '.')) throw new Error(`bad --base ${base}`);
  return b;
}

function embedPage(appUrl) {
  // No inline script or style: the page only needs an iframe. The caller passes ?path=… to
  // choose the app URL inside the base (query and hash included).
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Cross-origin embed test page</title></head>
<body>
<h1>Embedding page (another origin)</h1>
<iframe id="app-frame" title="Jakarta Resilience Strategy Explorer" src="${appUrl
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')}" width="1024" height="720"></iframe>
</body>
</html>
`;
}

/**
 * Start the server. Returns { url, origin, port, base, frameUrl, frameOrigin, framePort, close }.
 * port 0 picks a free port; framePort 0 picks a free one for the embedding origin; framePort
 * undefined/null disables it.
 */
export async function startServer(options = {}) {
  const dir = await realpath(resolve(options.dir ?? 'dist'));
  const host = options.host ?? '127.0.0.1';
  const base = normaliseBase(options.base ?? '/');
  const compress = Boolean(options.compress);
  const spa = Boolean(options.spa);
  const plainHost = Boolean(options.plainHost);
  const log = options.log ?? (options.quiet === false ? (line) => process.stderr.write(line + '\n') : () => {});
  const cache = new Map(); // `${file}:${mtime}:${enc}` -> Buffer
  const extraHeaders = options.headers ?? {};

  const send = (res, status, body, type = 'text/plain; charset=utf-8', headers = {}) => {
    res.writeHead(status, {
      'Content-Type': type,
      'Content-Length': Buffer.byteLength(body),
      'Content-Security-Policy': CSP,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
      ...headers,
    });
    res.end(res.req.method === 'HEAD' ? undefined : body);
  };

  async function resolveFile(urlPath) {
    // urlPath is the part after the base, still percent-encoded.
    let decoded;
    try {
      decoded = decodeURIComponent(urlPath);
    } catch {
      return null;
    }
    if (decoded.includes('\0') || decoded.includes('\\')) return null;
    const segments = decoded.split('/');
    if (segments.some((s) => s === '..' || s === '.')) return null;
    if (segments.some((s) => s.startsWith('.') && s !== '')) return null; // no dotfiles (.stage, …)
    let file = resolve(dir, '.' + sep + segments.join(sep));
    if (file !== dir && !file.startsWith(dir + sep)) return null;
    let st;
    try {
      st = await stat(file);
      if (st.isDirectory()) {
        if (!decoded.endsWith('/') && decoded !== '') return { redirect: true };
        file = join(file, 'index.html');
        st = await stat(file);
      }
      const real = await realpath(file);
      if (real !== dir && !real.startsWith(dir + sep)) return null; // symlink out of dist
      if (!st.isFile()) return null;
      return { file: real, st };
    } catch {
      return null;
    }
  }

  async function body(file, st, enc) {
    const key = `${file}:${st.mtimeMs}:${st.size}:${enc}`;
    let buf = cache.get(key);
    if (!buf) {
      const raw = await readFile(file);
      if (enc === 'br') {
        buf = await brotli(raw, {
          params: { [zc.BROTLI_PARAM_QUALITY]: 11, [zc.BROTLI_PARAM_SIZE_HINT]: raw.length },
        });
      } else if (enc === 'gzip') buf = await gzipP(raw, { level: 9 });
      else buf = raw;
      cache.set(key, buf);
    }
    return buf;
  }

  const server = createServer(async (req, res) => {
    const started = Date.now();
    res.on('finish', () => log(`${res.statusCode} ${req.method} ${req.url} ${Date.now() - started}ms`));
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return send(res, 405, 'Method Not Allowed\n', undefined, { Allow: 'GET, HEAD' });
      }
      const u = new URL(req.url, 'http://x');
      let path = u.pathname;
      if (path + '/' === base) {
        return send(res, 308, `Moved to ${base}\n`, undefined, { Location: base + u.search });
      }
      if (!path.startsWith(base)) return send(res, 404, 'Not Found\n');
      let found = await resolveFile(path.slice(base.length));
      if (found && found.redirect) {
        return send(res, 308, 'Moved\n', undefined, { Location: path + '/' + u.search });
      }
      if (!found && spa && !extname(path)) found = await resolveFile('');
      if (!found) return send(res, 404, 'Not Found\n');
      const { file, st } = found;
      const type = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
      const headers = {
        'Content-Type': type,
        'Content-Security-Policy': CSP,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': 'no-cache',
        'Last-Modified': st.mtime.toUTCString(),
        ...extraHeaders,
      };
      let enc = 'identity';
      if (compress && COMPRESSIBLE.test(type)) {
        headers.Vary = 'Accept-Encoding';
        enc = negotiateEncoding(req.headers['accept-encoding']);
      }
      if (plainHost) {
        delete headers['Cache-Control'];
        headers.ETag = `"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}${enc === 'identity' ? '' : '-' + enc}"`;
        if (notModified(req.headers, headers.ETag, st.mtime)) {
          delete headers['Content-Type'];
          res.writeHead(304, headers);
          return res.end();
        }
      }
      if (enc !== 'identity') {
        const buf = await body(file, st, enc);
        headers['Content-Encoding'] = enc;
        headers['Content-Length'] = buf.length;
        res.writeHead(200, headers);
        return res.end(req.method === 'HEAD' ? undefined : buf);
      }
      headers['Content-Length'] = st.size;
      res.writeHead(200, headers);
      if (req.method === 'HEAD' || st.size === 0) return res.end();
      // Exactly the bytes announced: a file that grows while it is sent (an editor saving,
      // a deploy) must not put extra bytes on a kept-alive connection.
      createReadStream(file, { start: 0, end: st.size - 1 }).on('error', () => res.destroy()).pipe(res);
    } catch (err) {
      if (!res.headersSent) send(res, 500, 'Internal Server Error\n');
      else res.destroy();
      log(`error: ${err && err.stack}`);
    }
  });

  const listen = (srv, port) =>
    new Promise((ok, fail) => {
      srv.once('error', fail);
      srv.listen(port, host, () => ok(srv.address().port));
    });
  const port = await listen(server, options.port ?? 0);
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const origin = `http://${urlHost}:${port}`;
  const result = { dir, host, port, base, origin, url: origin + base };

  let frame = null;
  if (options.framePort !== undefined && options.framePort !== null) {
    frame = createServer((req, res) => {
      const u = new URL(req.url, 'http://x');
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method Not Allowed\n');
      if (u.pathname !== '/' && u.pathname !== '/embed.html') return send(res, 404, 'Not Found\n');
      const rel = (u.searchParams.get('path') ?? '').replace(/^\/+/, '');
      const page = embedPage(new URL(rel, result.url).href);
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': `default-src 'self'; frame-src ${origin}`,
        'Content-Length': Buffer.byteLength(page),
        'Cache-Control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : page);
    });
    const fp = await listen(frame, options.framePort === 'auto' ? port + 1 : options.framePort);
    result.framePort = fp;
    result.frameOrigin = `http://${urlHost}:${fp}`;
    result.frameUrl = result.frameOrigin + '/';
  }

  const sockets = new Set();
  for (const s of [server, frame].filter(Boolean)) {
    s.on('connection', (c) => {
      sockets.add(c);
      c.on('close', () => sockets.delete(c));
    });
  }
  result.close = () =>
    new Promise((ok) => {
      for (const c of sockets) c.destroy();
      let pending = frame ? 2 : 1;
      const done = () => --pending === 0 && ok();
      server.close(done);
      if (frame) frame.close(done);
    });
  return result;
}

function parseArgs(argv) {
  const o = { dir: 'dist', port: 8080, host: '127.0.0.1', base: '/', compress: false, quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--dir') o.dir = val();
    else if (a === '--port') o.port = Number(val());
    else if (a === '--host') o.host = val();
    else if (a === '--base') o.base = val();
    else if (a === '--compress') o.compress = true;
    else if (a === '--frame-port') {
      const v = val();
      o.framePort = v === 'auto' ? 'auto' : Number(v);
    } else if (a === '--spa') o.spa = true;
    else if (a === '--plain-host') o.plainHost = true;
    else if (a === '--quiet') o.quiet = true;
    else if (a === '-h' || a === '--help') {
      console.log(
        'usage: node tests/e2e/server.mjs [--dir dist] [--port 8080] [--host 127.0.0.1] [--base /]\n' +
          '                                 [--compress] [--frame-port N|auto] [--spa] [--quiet] [--plain-host]',
      );
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  return o;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(String(e.message));
    process.exit(2);
  }
  const s = await startServer(opts);
  console.log(`Serving ${s.dir} at ${s.url}${opts.compress ? ' (brotli/gzip)' : ''}`);
  if (s.frameUrl) console.log(`Cross-origin embedding page at ${s.frameUrl}`);
  const stop = () => s.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
