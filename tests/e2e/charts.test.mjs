// Charts view: a click (or Enter) on a coverage-matrix cell sets the pillar and hazard filters
// and the list follows; every chart draws at phone and desktop widths in both languages
// without scrolling the page sideways; downloads are valid files (the SVG parses, the PNG
// decodes at twice the chart's size, the CSV has a header and exactly the rows of the table).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, BOOT_TIMEOUT, serve, withPage, screenshot, runAxe, tempDir } from './lib.mjs';

const DATA = JSON.parse(readFileSync(join(DIST, 'data', 'jakarta.json'), 'utf8'));
const CHARTS = ['coverage-matrix', 'by-pillar', 'by-status', 'by-lead', 'by-driver', 'timeframes', 'process-timeline'];

function matching(pred) {
  return DATA.actions.filter(pred);
}

async function waitForCharts(page) {
  await page.waitForFunction(
    (n) => document.querySelectorAll('figure.chart svg.chart-hits rect.hit').length > 0 &&
      document.querySelectorAll('figure.chart[data-chart]').length >= n,
    CHARTS.length,
    { timeout: BOOT_TIMEOUT },
  );
}

const cell = (page, key) =>
  page.locator(`figure[data-chart="coverage-matrix"] rect.hit[data-key="${key}"]`);

async function listCount(page) {
  await page.locator('nav.views a[href*="view=actions"]').click();
  await page.waitForSelector('.action-list, p.empty', { timeout: BOOT_TIMEOUT });
  return page.locator('.action-list .action-item').count();
}

test('clicking a matrix cell sets pillar and hazard, and the list shows exactly those', async (t) => {
  const server = await serve();
  await withPage(t, { url: `${server.url}?view=charts&lang=id` }, async (page) => {
    await waitForCharts(page);
    const expected = matching((a) => a.pillars.includes('siap') && a.hazards.includes('flood')).length;
    assert.ok(expected > 0, 'the data has Siap × Banjir actions');
    const c = cell(page, 'siap|flood');
    assert.match(await c.getAttribute('aria-label'), new RegExp(`Banjir.*: ${expected} inisiatif`));
    await c.click();
    await page.waitForURL(/pillar=siap/);
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('pillar'), 'siap');
    assert.equal(url.searchParams.get('shock'), 'flood');
    assert.equal(url.searchParams.get('stress'), null);
    // The charts follow: the bar chart by pillar now counts only the filtered actions.
    await page.waitForFunction(
      (n) => document.querySelector('figure[data-chart="by-pillar"] .chart-summary')?.textContent.includes(`dari ${n} inisiatif`),
      expected,
    );
    await screenshot(page, 'charts-after-cell-click');
    assert.equal(await listCount(page), expected, 'the list shows exactly the matching count');
  });
});

test('keyboard: one tab stop per chart, arrows move, Enter filters, tooltip shows on focus', async (t) => {
  const server = await serve();
  await withPage(t, { url: `${server.url}?view=charts&lang=en` }, async (page) => {
    await waitForCharts(page);
    const tabbable = page.locator('figure[data-chart="coverage-matrix"] rect.hit[tabindex="0"]');
    assert.equal(await tabbable.count(), 1, 'one tab stop in the matrix');
    assert.equal(await tabbable.getAttribute('data-key'), 'row|siap');
    await tabbable.focus();
    await page.keyboard.press('ArrowRight');
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-key'));
    assert.equal(await focused(), 'siap|flood');
    assert.deepEqual(
      await page.locator('figure[data-chart="coverage-matrix"] rect.hit[tabindex="0"]').evaluateAll((els) => els.map((e) => e.dataset.key)),
      ['siap|flood'],
      'the tab stop moves with the arrow keys',
    );
    const tip = page.locator('figure[data-chart="coverage-matrix"] .chart-tooltip');
    await tip.waitFor({ state: 'visible' });
    assert.equal(await tip.innerText(), await cell(page, 'siap|flood').getAttribute('aria-label'));
    await page.keyboard.press('ArrowDown');
    assert.equal(await focused(), 'sehat|flood');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await page.waitForURL(/shock=flood/);
    assert.equal(new URL(page.url()).searchParams.get('pillar'), 'siap');
    // Focus stays on the activated cell after the redraw.
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-key') === 'siap|flood');

    // Expanding a pillar row lists its initiatives under it.
    await page.keyboard.press('Home');
    assert.equal(await focused(), 'row|siap');
    const before = await page.locator('figure[data-chart="coverage-matrix"] rect.hit').count();
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () => document.querySelector('figure[data-chart="coverage-matrix"] rect.hit[data-key="row|siap"]')?.getAttribute('aria-expanded') === 'true',
    );
    const after = await page.locator('figure[data-chart="coverage-matrix"] rect.hit').count();
    const rows = matching((a) => a.pillars.includes('siap') && a.hazards.includes('flood')).length;
    const cols = DATA.hazards.length;
    assert.equal(after - before, rows * (cols + 1), 'one row (label + cells) per matching initiative');
  });
});

function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else if (c !== '\r') field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

async function download(page, chart, format) {
  const [dl] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`figure[data-chart="${chart}"] button.chart-download[data-format="${format}"]`).click(),
  ]);
  const path = await dl.path();
  return { name: dl.suggestedFilename(), bytes: readFileSync(path) };
}

async function tableRows(page, chart) {
  const fig = page.locator(`figure[data-chart="${chart}"]`);
  const toggle = fig.locator('button.chart-table-toggle');
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  await fig.locator('table tbody tr').first().waitFor();
  return fig.locator('table').evaluate((t) => ({
    header: [...t.querySelectorAll('thead th')].map((th) => th.textContent.trim()),
    rows: [...t.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent.trim())),
    caption: t.querySelector('caption')?.textContent,
  }));
}

test('downloads: SVG parses, PNG is 2×, CSV has a header and exactly the filtered rows', async (t) => {
  const server = await serve();
  await withPage(t, { url: `${server.url}?view=charts&lang=id&pillar=siap` }, async (page) => {
    await waitForCharts(page);
    for (const chart of ['timeframes', 'coverage-matrix', 'by-status']) {
      const svg = await download(page, chart, 'svg');
      assert.equal(svg.name, `jakarta-2019-${chart}-siap.svg`);
      const text = svg.bytes.toString('utf8');
      const parsed = await page.evaluate((s) => {
        const doc = new DOMParser().parseFromString(s, 'image/svg+xml');
        const root = doc.documentElement;
        return {
          error: doc.getElementsByTagName('parsererror').length,
          root: root.localName,
          ns: root.namespaceURI,
          width: Number(root.getAttribute('width')),
          height: Number(root.getAttribute('height')),
          title: doc.querySelector('title')?.textContent,
          text: root.textContent,
        };
      }, text);
      assert.equal(parsed.error, 0, `${chart}.svg parses`);
      assert.equal(parsed.root, 'svg');
      assert.equal(parsed.ns, 'http://www.w3.org/2000/svg');
      assert.ok(parsed.title.length > 3, 'has a title');
      assert.match(parsed.text, /CC BY 4\.0/, 'carries the source line');
      assert.ok(!/style=/.test(text) && !/<script/i.test(text), 'no inline style or script');

      const png = await download(page, chart, 'png');
      assert.equal(png.name, `jakarta-2019-${chart}-siap.png`);
      assert.deepEqual([...png.bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'PNG signature');
      assert.equal(png.bytes.toString('ascii', 12, 16), 'IHDR');
      assert.equal(png.bytes.readUInt32BE(16), parsed.width * 2, 'PNG width is 2× the SVG');
      assert.equal(png.bytes.readUInt32BE(20), parsed.height * 2, 'PNG height is 2× the SVG');
      const decoded = await page.evaluate(async (b64) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        return [img.naturalWidth, img.naturalHeight];
      }, png.bytes.toString('base64'));
      assert.deepEqual(decoded, [parsed.width * 2, parsed.height * 2], 'the PNG decodes');

      const csv = await download(page, chart, 'csv');
      assert.equal(csv.name, `jakarta-2019-${chart}-siap.csv`);
      let body = csv.bytes.toString('utf8');
      assert.equal(body.charCodeAt(0), 0xfeff, 'UTF-8 byte-order mark');
      body = body.slice(1);
      const rows = parseCsv(body);
      const table = await tableRows(page, chart);
      assert.deepEqual(rows[0], [...table.header, 'source'], 'header = table header + source');
      assert.equal(rows.length - 1, table.rows.length, 'one CSV row per table row');
      for (const [i, r] of rows.slice(1).entries()) {
        assert.match(r.at(-1), /jakarta-2019.*CC BY 4\.0.*pillar=siap/, 'source column with the view link');
        // Numbers are plain in the CSV and formatted in the table (1.234 vs 1234).
        assert.deepEqual(r.slice(0, -1), table.rows[i].map((c) => c.replace(/^(\d{1,3})(\.\d{3})+$/, (m) => m.replace(/\./g, ''))));
      }
      if (chart === 'timeframes') {
        const expected = matching((a) => a.pillars.includes('siap') && a.timeframe && a.timeframe.start != null);
        assert.equal(rows.length - 1, expected.length, 'exactly the filtered actions with a start year');
      }
    }
  });
});

// The Gantt draws its first 60 rows; its table and CSV list every action with a start year.
// While nobody reads the table the chart keeps only the drawn rows (memory at 10,000 actions),
// so this checks, with more rows than are drawn, that opening the table and downloading the
// CSV still give them all.
test('Gantt with more rows than it draws: the table and the CSV list every action with a start year', async (t) => {
  const dir = tempDir('jrs-gantt-');
  cpSync(DIST, dir, { recursive: true });
  const big = JSON.parse(JSON.stringify(DATA));
  for (const copy of [2, 3, 4]) {
    for (const a of DATA.actions) big.actions.push({ ...a, id: `${a.id}-copy${copy}` });
  }
  writeFileSync(join(dir, 'data', 'gantt-many.json'), JSON.stringify(big));
  const expected = big.actions.filter((a) => a.timeframe && a.timeframe.start != null).length;
  assert.ok(expected > 60, `the dataset has more rows (${expected}) than the Gantt draws (60)`);
  const server = await serve({ dir });
  await withPage(t, { url: `${server.url}?view=charts&lang=en&data=data/gantt-many.json` }, async (page) => {
    await waitForCharts(page);
    const fig = page.locator('figure[data-chart="timeframes"]');
    await fig.locator('svg.chart-hits rect.hit').first().waitFor();
    assert.equal(await fig.locator('svg.chart-hits rect.hit').count(), 60, 'the chart draws 60 rows');
    // The CSV first, with the table closed since the page opened.
    const csv = await download(page, 'timeframes', 'csv');
    const rows = parseCsv(csv.bytes.toString('utf8').slice(1));
    assert.equal(rows.length - 1, expected, 'the CSV has every action with a start year');
    const table = await tableRows(page, 'timeframes');
    assert.equal(table.rows.length, expected, 'the table has every action with a start year');
    assert.deepEqual(rows.slice(1).map((r) => r[0]), table.rows.map((r) => r[0]), 'in the same order');
  });
});

const VIEWPORTS = [
  { name: 'mobile', width: 375, height: 812 },
  { name: 'desktop', width: 1280, height: 800 },
];
for (const vp of VIEWPORTS) {
  for (const lang of ['id', 'en']) {
    test(`every chart draws at ${vp.width} px in ${lang} without sideways page scroll`, async (t) => {
      const server = await serve();
      await withPage(t, { url: `${server.url}?view=charts&lang=${lang}`, viewport: vp }, async (page) => {
        await waitForCharts(page);
        for (const c of CHARTS) {
          const fig = page.locator(`figure[data-chart="${c}"]`);
          assert.equal(await fig.count(), 1, `${c} is on the page`);
          assert.ok((await fig.locator('.chart-svg svg').count()) === 1, `${c} has its SVG`);
          assert.ok((await fig.locator('.chart-summary').innerText()).length > 20, `${c} has a summary`);
        }
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `the page does not scroll sideways (${overflow}px)`);
        // The chart is drawn for its container: the SVG is not wider than it (the matrix is
        // transposed on phones).
        const m = await page.evaluate(() => {
          const f = document.querySelector('figure[data-chart="coverage-matrix"] .chart-frame');
          return { frame: f.clientWidth, scroll: f.scrollWidth };
        });
        assert.ok(m.scroll <= m.frame + 1, `the matrix fits its frame (${m.scroll} > ${m.frame})`);
        await screenshot(page, `charts-${vp.name}-${lang}`);
      });
    });
  }
}

test('axe finds no serious accessibility problems in the charts', async (t) => {
  const server = await serve();
  await withPage(t, { url: `${server.url}?view=charts&lang=id` }, async (page) => {
    await waitForCharts(page);
    // One table shown too, so the audit covers it.
    await page.locator('figure[data-chart="by-status"] button.chart-table-toggle').click();
    const r = await runAxe(page, { context: 'figure.chart' });
    assert.ok(r.passes > 10, 'the audit ran over the charts');
    if (r.violations.length) console.log('axe (minor/moderate):', r.violations.map((v) => `${v.id} (${v.impact})`).join(', '));
    const serious = r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(
      serious.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`),
      [],
    );
  });
});
