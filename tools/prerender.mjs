#!/usr/bin/env node
// The first view, written into index.html at build time so a visitor reads it before the wasm
// has arrived. The built explorer itself draws it: this loads the built directory in headless
// Chromium (the same flags and strict-CSP server as the tests), once with an Indonesian and
// once with an English browser, waits for the overview, and keeps what the app put in #app.
// index.html gets the Indonesian one as `<div class="prerendered" lang="id">` in #app
// and the English one in a <template> (so only one copy of its ids is ever in the page);
// public/prerender-gate.js shows the one the visitor's language asks for, or neither when the
// address asks for something else (?data=, a filter, an embed…). The charts and map views are
// prerendered too, each in both languages at a phone's and a desktop's width, into files of
// their own under prerender/ (VIEWS below) that the gate fetches only when the address asks
// for that view. The live app takes over as soon as it has the dataset (src/ui/shell/app.rs), so a
// deployer who replaces dist/data/jakarta.json sees the old overview only until then
// (DEPLOY.md); running this again on dist/ refreshes it without a Rust toolchain.
//
// Run by tools/trunk-post-build.mjs (function `prerender`), or by hand: node tools/prerender.mjs DIR

import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from '../tests/e2e/server.mjs';
import { LAUNCH_ARGS } from '../tests/e2e/chromium-args.mjs';

const require = createRequire(import.meta.url);
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const START = '<!--prerender-->';
const END = '<!--/prerender-->';

/** What the app shows in #app on the overview for a browser in `locale`, under the strict CSP. */
async function capture(browser, url, locale) {
  return captureView(browser, url, locale, { width: 1280, height: 800 }, {
    selector: '#app article.pillar-card[data-pillar]',
    min: 3,
  });
}

/** What the app shows in #app at `url` in a `viewport`-sized window for a browser in `locale`,
 *  once at least `ready.min` elements match `ready.selector` and the live app has taken over; for a view with charts,
 *  once the number of drawn charts has stayed the same for a few frames (they draw as they
 *  come near the screen). */
async function captureView(browser, url, locale, viewport, ready) {
  const context = await browser.newContext({ locale, viewport, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(url);
    await page.waitForFunction(
      (r) => document.querySelectorAll(r.selector).length >= r.min && !document.querySelector('#app > .prerendered'),
      ready,
      { timeout: 60_000 },
    );
    await page.evaluate(
      () =>
        new Promise((done) => {
          let last = -1;
          let same = 0;
          const look = () => {
            const n = document.querySelectorAll('#app svg').length;
            same = n === last ? same + 1 : 0;
            last = n;
            if (same >= 5) done();
            else requestAnimationFrame(look);
          };
          requestAnimationFrame(look);
        }),
    );
    if (errors.length) throw new Error(`the page failed (${locale}): ${errors.join('; ')}`);
    // The print colophon names the page's address, here the build's local server: it is
    // written by the live app alone (a prerender is not printed). A chart further down than
    // two screens keeps its frame but not its drawing: the live app draws it long before
    // anyone scrolls there, and the prerender is quicker to fetch and to put on screen.
    return await page.evaluate(() => {
      for (const el of document.querySelectorAll('#app .print-colophon')) el.remove();
      const far = 2 * innerHeight;
      for (const svg of document.querySelectorAll('#app [data-chart] .chart-svg svg')) {
        if (svg.getBoundingClientRect().top > far) svg.closest('.chart-svg').replaceChildren();
      }
      return document.getElementById('app').innerHTML;
    });
  } finally {
    await context.close();
  }
}

/** Checks the captured markup can go into a page under the strict CSP, and tidies it. */
function tidy(markup, what) {
  if (/127\.0\.0\.1|localhost/.test(markup)) {
    throw new Error(`the ${what} names the build's local server; it cannot be shipped`);
  }
  if (/<script\b|<style\b|\sstyle\s*=|\son[a-z]+\s*=/i.test(markup)) {
    throw new Error(`the ${what} has inline script or style; it cannot be prerendered under the CSP`);
  }
  // Leptos's empty comment markers (where a view may later put something): the prerender is
  // never updated, so they only cost bytes.
  return markup.replace(/<!---->/g, '').trim();
}

/** Renders the overview in both languages from the built directory `dir` (index.html without a prerender). */
export async function prerender(dir) {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: run ./x setup`);
  const { chromium } = require('playwright-core');
  const server = await startServer({ dir, port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });
  try {
    const id = tidy(await capture(browser, server.url, 'id-ID'), 'id overview');
    const en = tidy(await capture(browser, server.url, 'en-US'), 'en overview');
    const data = dataHash(dir);
    await prerenderViews(browser, server.url, dir, data);
    return { id, en, data };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The views other than the overview that are prerendered, each into files of its own that
 *  public/prerender-gate.js fetches when the address asks for the view (so the overview's
 *  visitors do not download them), with what says the live view has drawn. */
export const VIEWS = {
  charts: { selector: '#app [data-chart] .chart-svg svg', min: 1 },
  map: { selector: '#app svg.map-svg', min: 1 },
};
/** The window sizes a view is prerendered at: its charts are drawn for the width, so a phone
 *  gets the narrow one (public/prerender-gate.js: below 640 px) and anything wider the wide one. */
export const WIDTHS = {
  narrow: { width: 375, height: 812 },
  wide: { width: 1280, height: 800 },
};
/** Where a prerendered view goes in the built directory. */
export const VIEW_DIR = 'prerender';
export const viewFile = (view, lang, width) => `${VIEW_DIR}/${view}.${lang}.${width}.html`;

/** The ids of a prerendered view with `pre-` before them, and every reference to them (labels,
 *  ARIA relations, fragment links, SVG paint servers): the live view is built beside it before
 *  it goes, and a lookup by id must find the live element, not the prerendered one. */
export function apart(markup) {
  const one = (v) => (v ? `pre-${v}` : v);
  return markup
    .replace(/(\s(?:id|for))="([^"]*)"/g, (_, a, v) => `${a}="${one(v)}"`)
    .replace(/(\saria-(?:labelledby|describedby|controls|owns|activedescendant|details|errormessage|flowto))="([^"]*)"/g,
      (_, a, v) => `${a}="${v.split(/\s+/).filter(Boolean).map(one).join(' ')}"`)
    .replace(/(\s(?:xlink:)?href)="#([^"]+)"/g, (_, a, v) => `${a}="#${one(v)}"`)
    .replace(/url\(#([^)]+)\)/g, (_, v) => `url(#${one(v)})`);
}

/** Style the app set from script (the map's frame follows the window's height) cannot be
 *  parsed under the CSP's `style-src 'self'`: it is kept as `data-pre-style`, which
 *  public/prerender-gate.js sets from script when it puts the view into the page. */
export function styleKept(markup) {
  return markup.replace(/<[a-zA-Z][^>]*>/g, (tag) => tag.replace(/\sstyle="([^"]*)"/, ' data-pre-style="$1"'));
}

/** The dataset a prerender is drawn from, relative to the built directory. */
export const DATA_FILE = 'data/jakarta.json';

/** FNV-1a (32 bits) of the dataset's bytes, as 8 hex digits: each prerender carries it, and
 *  public/prerender-gate.js computes the same on the file it fetches, so a dataset replaced
 *  without running this again starts the live explorer at once (DEPLOY.md). */
export function dataHash(dir) {
  const bytes = readFileSync(resolve(dir, DATA_FILE));
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Prerenders every view of VIEWS, in both languages and both WIDTHS, into `dir`/VIEW_DIR,
 *  each file opening with the hash of the dataset it was drawn from (`<!--jrs-data:…-->`). */
async function prerenderViews(browser, url, dir, data) {
  const out = resolve(dir, VIEW_DIR);
  rmSync(out, { recursive: true, force: true });
  const pages = {};
  for (const [view, ready] of Object.entries(VIEWS)) {
    for (const [locale, lang] of [['id-ID', 'id'], ['en-US', 'en']]) {
      for (const [width, viewport] of Object.entries(WIDTHS)) {
        const markup = await captureView(browser, `${url}?view=${view}`, locale, viewport, ready);
        pages[viewFile(view, lang, width)] = apart(tidy(styleKept(markup), `${lang} ${view} view (${width})`));
      }
    }
  }
  mkdirSync(out, { recursive: true });
  for (const [file, markup] of Object.entries(pages)) writeFileSync(resolve(dir, file), `<!--jrs-data:${data}-->${markup}`);
}

/** `html` (index.html) without a prerendered overview. */
export function withoutPrerender(html) {
  return html.replace(new RegExp(`${START}[\\s\\S]*?${END}`), '');
}

/** `html` (index.html) with the prerendered overview in #app, carrying the hash of the
 *  dataset it was drawn from (`data-data`); an earlier one is replaced. */
export function withPrerender(html, { id, en, data }) {
  const block =
    `${START}<div class="prerendered" lang="id" data-data="${data}">${id}</div>` +
    `<template id="prerender-en"><div class="prerendered" lang="en" data-data="${data}">${en}</div></template>${END}`;
  const cleared = withoutPrerender(html);
  const at = /<div id="app">/.exec(cleared);
  if (!at) throw new Error('index.html has no <div id="app">');
  const i = at.index + at[0].length;
  return cleared.slice(0, i) + block + cleared.slice(i);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = resolve(process.argv[2] ?? 'dist');
  const file = resolve(dir, 'index.html');
  try {
    // The page draws itself without the old prerender (which would otherwise be kept).
    const bare = withoutPrerender(readFileSync(file, 'utf8'));
    writeFileSync(file, bare);
    writeFileSync(file, withPrerender(bare, await prerender(dir)));
    console.log(`prerender: the overview in ${file} and the views in ${resolve(dir, VIEW_DIR)} redrawn from ${dir}/data`);
  } catch (e) {
    console.error(`prerender: ${e.message}`);
    process.exit(1);
  }
}
