// Print and projector (issue 18):
//   * chart tables print whether or not they were opened: when the browser prepares to print
//     ("beforeprint"), every chart writes out its table and the print stylesheet shows it;
//     after printing ("afterprint") the closed tables are empty and hidden again on screen;
//   * the coverage matrix's labels and counts are at least 14 px on screen at 1280 × 720.
// Negative controls: the print check fails when no print is being prepared; the size check
// fails on the phone layout of the matrix, whose labels are smaller.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serve, withPage } from './lib.mjs';
import { pageUrl, waitForView } from './a11y-lib.mjs';

/** Per chart: does its table hold a table, and is it shown? */
function tables(page) {
  return page.$$eval('figure.chart[data-chart] .chart-table', (els) =>
    els.map((el) => ({ rows: el.querySelectorAll('tbody tr').length, shown: el.getClientRects().length > 0 })),
  );
}

async function assertAllPrinted(page) {
  const t = await tables(page);
  assert.ok(t.length >= 5, `every chart has a table (${t.length})`);
  const missing = t.filter((x) => x.rows === 0 || !x.shown).length;
  assert.equal(missing, 0, `${missing} of ${t.length} chart tables are not printed`);
}

test('print: every chart table is on paper, opened or not; the screen is as it was after', async (t) => {
  const server = await serve();
  await withPage(t, { url: pageUrl(server, { view: 'charts', lang: 'en' }) }, async (page) => {
    await waitForView(page, 'charts');
    const before = await tables(page);
    assert.ok(before.every((x) => x.rows === 0 && !x.shown), 'no table is open on screen');
    await page.emulateMedia({ media: 'print' });
    // Negative control: without a print being prepared, closed tables are not on paper.
    await assert.rejects(assertAllPrinted(page), /chart tables are not printed/);
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.waitForFunction(() =>
      [...document.querySelectorAll('figure.chart[data-chart] .chart-table')].every((el) => el.querySelector('tbody tr')),
    );
    await assertAllPrinted(page);
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await page.emulateMedia({ media: 'screen' });
    await page.waitForFunction(() =>
      [...document.querySelectorAll('figure.chart[data-chart] .chart-table')].every((el) => !el.querySelector('tbody tr')),
    );
    assert.ok((await tables(page)).every((x) => !x.shown), 'closed tables are hidden on screen again');
  });
});

/** The smallest text in the coverage matrix, in CSS pixels on screen. */
function smallestMatrixText(page) {
  return page.evaluate(() => {
    const svg = document.querySelector('figure[data-chart="coverage-matrix"] .chart-svg svg');
    const scale = svg.getBoundingClientRect().width / Number(svg.getAttribute('width'));
    const sizes = [...svg.querySelectorAll('text')]
      .filter((t) => t.textContent.trim() && t.textContent.trim() !== '✓')
      .map((t) => Number(t.getAttribute('font-size')) * scale);
    return { n: sizes.length, min: Math.min(...sizes) };
  });
}

async function assertProjectorText(page, where) {
  const s = await smallestMatrixText(page);
  assert.ok(s.n > 20, `${where}: the matrix has its labels (${s.n})`);
  assert.ok(s.min >= 14 - 0.01, `${where}: the smallest matrix text is ${s.min.toFixed(1)} px (at least 14)`);
}

test('projector: the coverage matrix labels are at least 14 px at 1280 × 720', async (t) => {
  const server = await serve();
  for (const lang of ['id', 'en']) {
    await withPage(t, { url: pageUrl(server, { view: 'charts', lang }), viewport: { width: 1280, height: 720 } }, async (page) => {
      await waitForView(page, 'charts');
      await assertProjectorText(page, `1280 × 720 · ${lang}`);
    });
  }
  // Negative control: the phone layout draws smaller labels, and the check says so.
  await withPage(t, { url: pageUrl(server, { view: 'charts', lang: 'en' }), viewport: { width: 375, height: 812 } }, async (page) => {
    await waitForView(page, 'charts');
    await assert.rejects(assertProjectorText(page, 'phone'), /at least 14/);
  });
});
