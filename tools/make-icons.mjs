// Draws the app icons the web app manifest (public/manifest.webmanifest) lists, from
// public/favicon.svg, with headless Chromium (playwright-core and Debian's chromium, as the
// end-to-end tests use). The PNGs are committed; nothing runs at build time.
//
// Regenerate after changing favicon.svg (then check them with
// `E2E_DIST=$PWD/dist node --test tests/e2e/manifest.test.mjs` after `./x build`):
//
//   node tools/make-icons.mjs
//
// Writes public/icons/icon-192.png and icon-512.png (the favicon as it is, corners
// transparent) and icon-maskable-512.png (the favicon's background to the edges and its
// drawing within the middle 80 % circle every platform's mask keeps).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { LAUNCH_ARGS } from '../tests/e2e/chromium-args.mjs';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'public', 'icons');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

const favicon = readFileSync(join(ROOT, 'public', 'favicon.svg'), 'utf8');
const fill = favicon.match(/<rect\b[^>]*\bfill="(#[0-9a-fA-F]{3,6})"/)?.[1];
const drawing = [...favicon.matchAll(/<path\b[^>]*\/>/g)].map((m) => m[0]).join('');
if (!fill || !drawing) throw new Error('public/favicon.svg: expected a background <rect fill> and <path> drawing');
// The favicon's drawing spans about 13 of the 16 units from its centre to an edge; scaled by
// 0.7 it stays within the maskable safe zone (a circle of radius 0.4 × the width).
const maskable =
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="${fill}"/>` +
  `<g transform="translate(16 16) scale(0.7) translate(-16 -16)">${drawing}</g></svg>`;

const icons = [
  { file: 'icon-192.png', size: 192, svg: favicon },
  { file: 'icon-512.png', size: 512, svg: favicon },
  { file: 'icon-maskable-512.png', size: 512, svg: maskable },
];

mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });
try {
  for (const { file, size, svg } of icons) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const sized = svg.replace('<svg ', `<svg width="${size}" height="${size}" `);
    await page.setContent(
      `<!DOCTYPE html><html><head><style>html,body{margin:0;background:transparent}svg{display:block}</style></head><body>${sized}</body></html>`,
    );
    const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    writeFileSync(join(OUT, file), png);
    console.log(`public/icons/${file}: ${size}×${size}, ${png.length} bytes`);
    await page.close();
  }
} finally {
  await browser.close();
}
