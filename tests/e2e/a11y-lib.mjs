// Helpers shared by the accessibility tests (a11y*.test.mjs, keyboard.test.mjs): wait until a
// view has drawn, run axe-core with the WCAG 2.1 A/AA rules and fail with a readable list of
// violations, build URLs. (The tests are split over several files because node --test gives
// each file, not each test, the suite's time limit.)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, BOOT_TIMEOUT, runAxe, screenshot } from './lib.mjs';

/** axe-core rule tags: WCAG 2.0 and 2.1, levels A and AA. */
export const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
export const VIEWS = ['overview', 'actions', 'charts', 'map', 'timeline', 'sources'];
export const LANGS = ['id', 'en'];
export const THEMES = ['light', 'dark'];
export const DATA = JSON.parse(readFileSync(join(DIST, 'data', 'jakarta.json'), 'utf8'));
/** An action of the bundled dataset (for "open an action"). */
export const ACTION = DATA.actions[0].id;
export const PRESENT_STEPS = 7;

export const pageUrl = (server, params) => `${server.url}?${new URLSearchParams(params)}`;
/** Playwright context options for a system colour scheme. */
export const scheme = (theme) => ({ colorScheme: theme === 'dark' ? 'dark' : 'light' });

const READY = {
  overview: () => document.querySelectorAll('article.pillar-card[data-pillar]').length >= 3,
  actions: () => !!document.querySelector('.action-list, .empty-result'),
  charts: () => {
    const figs = [...document.querySelectorAll('figure.chart[data-chart]')];
    return figs.length > 0 && figs.every((f) => f.querySelector('.chart-svg svg'));
  },
  map: () => document.querySelectorAll('svg.map-svg path.area').length > 0,
  timeline: () => document.querySelectorAll('ol.timeline li.event').length > 0,
  sources: () => document.querySelectorAll('ol.source-list li').length > 0,
  present: () => !!document.querySelector('.present main.present-stage'),
};

/** Waits until a view has drawn what it shows (charts and the map draw after layout). */
export async function waitForView(page, view) {
  await page.locator('#main').waitFor({ state: 'attached', timeout: BOOT_TIMEOUT });
  // The live app's view, not the overview prerendered into index.html (tools/prerender.mjs).
  await page.waitForFunction(() => !document.querySelector('#app > .prerendered'), null, { timeout: BOOT_TIMEOUT });
  await page.waitForFunction(READY[view], null, { timeout: BOOT_TIMEOUT });
  // Let what runs after the first paint settle (resize observers, focus moves).
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Switches view through the site navigation (no reload) and waits for it. */
export async function goToView(page, view) {
  const links = page.locator('nav.views a');
  const n = await links.count();
  for (let i = 0; i < n; i++) {
    const href = await links.nth(i).getAttribute('href');
    const v = new URLSearchParams(href.replace(/^[^?]*\??/, '')).get('view') ?? 'overview';
    if (v === view) {
      await links.nth(i).click();
      await page.waitForFunction((w) => (new URL(location.href).searchParams.get('view') ?? 'overview') === w, view);
      return waitForView(page, view);
    }
  }
  throw new Error(`no navigation link to ${view}`);
}

/** axe's violations as readable text: rule, impact, WCAG tags, and where. */
export function describe(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes.slice(0, 6).map((n) => {
        const html = n.html.replace(/\s+/g, ' ').slice(0, 160);
        const why = (n.failureSummary ?? '').replace(/\s*\n\s*/g, ' | ');
        return `      at ${n.target.join(' ')}\n         ${html}\n         ${why}`;
      });
      const more = v.nodes.length > 6 ? [`      … and ${v.nodes.length - 6} more`] : [];
      const tags = v.tags.filter((t) => t.startsWith('wcag')).join(', ');
      return [`  [${v.impact}] ${v.id}: ${v.help} (${tags})`, ...nodes, ...more].join('\n');
    })
    .join('\n');
}

/** Runs axe with the WCAG 2.1 A/AA rules; fails with the list of violations. */
export async function audit(page, label) {
  const r = await runAxe(page, {
    run: { runOnly: { type: 'tag', values: TAGS }, resultTypes: ['violations'] },
  });
  if (r.violations.length > 0) await screenshot(page, `a11y-FAILED-${label}`);
  assert.equal(
    r.violations.length,
    0,
    `axe found ${r.violations.length} WCAG 2.1 A/AA violation(s) in ${label}:\n${describe(r.violations)}`,
  );
  assert.ok(r.passes > 10, `axe ran its rules (${r.passes} passed)`);
  return r;
}
