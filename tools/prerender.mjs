#!/usr/bin/env node
// The first view, written into index.html at build time so a visitor reads it before the wasm
// has arrived. The built explorer itself draws it: this loads the built directory in headless
// Chromium (the same flags and strict-CSP server as the tests), once with an Indonesian and
// once with an English browser, waits for the overview, and keeps what the app put in #app.
// index.html gets the Indonesian one as `<div class="prerendered" lang="id" inert>` in #app
// and the English one in a <template> (so only one copy of its ids is ever in the page);
// public/prerender-gate.js shows the one the visitor's language asks for, or neither when the
// address asks for something else (another view, ?data=, an embed…). The live app takes over as soon as it has the dataset (src/ui/shell/app.rs), so a
// deployer who replaces dist/data/jakarta.json sees the old overview only until then
// (DEPLOY.md); running this again on dist/ refreshes it without a Rust toolchain.
//
// Run by tools/trunk-post-build.mjs (function `prerender`), or by hand: node tools/prerender.mjs DIR

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(url);
    await page.waitForFunction(
      () => document.querySelectorAll('#app article.pillar-card[data-pillar]').length >= 3 && !document.querySelector('#app > .prerendered'),
      null,
      { timeout: 60_000 },
    );
    if (errors.length) throw new Error(`the page failed (${locale}): ${errors.join('; ')}`);
    // The print colophon names the page's address, here the build's local server: it is
    // written by the live app alone (a prerender is not printed).
    return await page.evaluate(() => {
      for (const el of document.querySelectorAll('#app .print-colophon')) el.remove();
      return document.getElementById('app').innerHTML;
    });
  } finally {
    await context.close();
  }
}

/** Checks the captured markup can go into a page under the strict CSP, and tidies it. */
function tidy(markup, lang) {
  if (/127\.0\.0\.1|localhost/.test(markup)) {
    throw new Error(`the ${lang} overview names the build's local server; it cannot be shipped`);
  }
  if (/<script\b|<style\b|\sstyle\s*=|\son[a-z]+\s*=/i.test(markup)) {
    throw new Error(`the ${lang} overview has inline script or style; it cannot be prerendered under the CSP`);
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
    const id = tidy(await capture(browser, server.url, 'id-ID'), 'id');
    const en = tidy(await capture(browser, server.url, 'en-US'), 'en');
    return { id, en };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** `html` (index.html) without a prerendered overview. */
export function withoutPrerender(html) {
  return html.replace(new RegExp(`${START}[\\s\\S]*?${END}`), '');
}

/** `html` (index.html) with the prerendered overview in #app; an earlier one is replaced. */
export function withPrerender(html, { id, en }) {
  const block =
    `${START}<div class="prerendered" lang="id" inert>${id}</div>` +
    `<template id="prerender-en"><div class="prerendered" lang="en" inert>${en}</div></template>${END}`;
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
    console.log(`prerender: the overview in ${file} redrawn from ${dir}/data`);
  } catch (e) {
    console.error(`prerender: ${e.message}`);
    process.exit(1);
  }
}
