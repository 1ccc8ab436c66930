// The map view: selecting an area by click and by keyboard filters the list and the URL, the
// three levels draw 6 / 44 / 267 areas, the city-wide count sits beside the map, phones get no
// horizontal scroll, and a kecamatan boundary file is matched by code and drawn: one the test
// writes from the dataset's own kecamatan centroids, and, as an extra run when the shared
// research folder is beside the project ($JRS_SHARED_DIR or ../shared), the real one (copied into
// a temporary copy of dist/ only, never into the repository; the test output names it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, ROOT, BOOT_TIMEOUT, serve, withPage, screenshot, tempDir, runAxe, waitForLive } from './lib.mjs';

const SHARED_KECAMATAN = join(process.env.JRS_SHARED_DIR ?? join(ROOT, '..', 'shared'), 'geo', 'jakarta-kecamatan.geojson');

/**
 * A kecamatan boundary file made from the explorer's own data: a small hexagon (about 1.3 km
 * across) around each kecamatan centroid of the bundled dataset, with its code.
 */
function ownKecamatanGeojson() {
  const data = JSON.parse(readFileSync(join(DIST, 'data', 'jakarta.json'), 'utf8'));
  const r = 0.006;
  const features = data.areas
    .filter((a) => a.level === 'kecamatan')
    .map((a) => {
      const [lon, lat] = a.centroid;
      const ring = [0, 1, 2, 3, 4, 5, 0].map((k) => [lon + r * Math.cos((k * Math.PI) / 3), lat + r * Math.sin((k * Math.PI) / 3)]);
      return { type: 'Feature', properties: { code: a.code, name: a.name }, geometry: { type: 'Polygon', coordinates: [ring] } };
    });
  return JSON.stringify({ type: 'FeatureCollection', features });
}

/** The boundary files to draw: the test's own, and the real one when it is there. */
function kecamatanFiles() {
  const files = [{ label: 'hexagons around the dataset’s kecamatan centroids', text: ownKecamatanGeojson() }];
  if (existsSync(SHARED_KECAMATAN)) files.push({ label: `extra run: ${SHARED_KECAMATAN}`, text: readFileSync(SHARED_KECAMATAN, 'utf8') });
  return files;
}
const AREA = 'svg.map-svg path.area';

async function openMap(page, url) {
  await page.goto(url, { waitUntil: 'load', timeout: BOOT_TIMEOUT });
  await waitForLive(page);
  await page.locator(AREA).first().waitFor({ state: 'attached', timeout: BOOT_TIMEOUT });
}

const areaCount = (page) => page.locator(AREA).count();
/** Resolves on the page's next animation frame. */
const nextFrame = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
const urlArea = (page) => new URL(page.url()).searchParams.get('area');

/** The number in the map's city-wide note ("34 inisiatif berlaku di seluruh kota"). */
async function mapCityWide(page) {
  const note = page.locator('.map-city-wide');
  await note.waitFor();
  return Number(await note.getAttribute('data-count'));
}

/** Switches to the list through the navigation and returns (items shown, city-wide note number). */
async function listAfterSwitch(page) {
  await page.locator('nav.views a[href*="view=actions"]').click();
  await page.locator('.action-list, .empty-result').first().waitFor({ timeout: BOOT_TIMEOUT });
  const items = await page.locator('.action-list > li.action-item').count();
  const text = await page.locator('main').innerText();
  const m = /(\d+) inisiatif lain berlaku di seluruh kota/.exec(text);
  return { items, cityWide: m ? Number(m[1]) : null };
}

test('clicking a kecamatan filters the list and the URL; its count matches the list', async (t) => {
  const server = await serve();
  await withPage(t, { allowOrigins: [server.url] }, async (page) => {
    await openMap(page, `${server.url}?view=map`);
    assert.equal(await page.getAttribute('svg.map-svg', 'data-level'), 'kecamatan', 'kecamatan by default');
    assert.equal(await areaCount(page), 44);

    // Gambir (Jakarta Pusat): pick the kecamatan with the most initiatives instead if that moves.
    const best = await page.$$eval(AREA, (els) =>
      els
        .map((e) => ({ code: e.dataset.area, n: Number(e.dataset.count) }))
        .sort((a, b) => b.n - a.n)[0],
    );
    assert.ok(best.n > 0, 'some kecamatan has initiatives');
    const cityWide = await mapCityWide(page);
    const path = page.locator(`${AREA}[data-area="${best.code}"]`);
    const viewBoxBefore = await page.getAttribute('svg.map-svg', 'viewBox');

    // Tooltip on hover names the area and its count.
    await path.hover();
    const tip = page.locator('.map-tip');
    await tip.waitFor();
    assert.match(await tip.innerText(), /Kecamatan .+\n?.*\d+ inisiatif/s);

    await path.click();
    await page.waitForFunction((c) => new URL(location.href).searchParams.get('area') === c, best.code);
    assert.equal(urlArea(page), best.code);
    assert.equal(await path.getAttribute('aria-pressed'), 'true');
    // The map zooms to the kecamatan's region and offers the whole city again.
    assert.notEqual(await page.getAttribute('svg.map-svg', 'viewBox'), viewBoxBefore, 'zoomed to the region');
    assert.equal(await page.getAttribute('.map-controls .whole-city', 'aria-disabled'), 'false');
    // The active-filter chip shows the selection.
    assert.equal(await page.locator('.active-filters .chip.active').count(), 1);
    // The area filter does not change the map's own counts (it shows where else things happen).
    assert.equal(Number(await path.getAttribute('data-count')), best.n);
    await screenshot(page, 'map-kecamatan-selected');

    const list = await listAfterSwitch(page);
    assert.equal(urlArea(page), best.code, 'the list keeps the area filter');
    assert.equal(list.items, best.n, "the list shows as many initiatives as the map's count");
    assert.equal(list.cityWide, cityWide, 'the list names the same number of city-wide initiatives');
  });
});

test('keyboard: Tab to an area, arrows move, Enter selects it, + zooms, tooltip on focus', async (t) => {
  const server = await serve();
  await withPage(t, { allowOrigins: [server.url] }, async (page) => {
    await openMap(page, `${server.url}?view=map`);
    // Start from the last map control: the map is the next tab stop, on one of its areas.
    await page.locator('.map-controls .whole-city').focus();
    await page.keyboard.press('Tab');
    const at = () => page.evaluate(() => {
      const el = document.activeElement;
      return el && el.matches('path.area') ? { code: el.dataset.area, n: Number(el.dataset.count) } : null;
    });
    let focused = await at();
    assert.ok(focused, 'Tab from the controls lands on an area of the map');
    // The arrow keys move between areas until one with initiatives.
    const keys = ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowDown'];
    for (let i = 0; i < 60 && focused.n === 0; i++) {
      await page.keyboard.press(keys[i % keys.length]);
      focused = await at();
      assert.ok(focused, `arrow ${i + 1} stays on the map's areas`);
    }
    assert.ok(focused.n > 0, 'reached an area with initiatives by keyboard');
    const tip = page.locator('.map-tip');
    await tip.waitFor();
    assert.match(await tip.innerText(), /\d+ inisiatif/);
    assert.equal(await page.locator('.overlays .focus-line').count(), 1, 'a visible focus outline');
    await page.keyboard.press('Enter');
    await page.waitForFunction((c) => new URL(location.href).searchParams.get('area') === c, focused.code);
    assert.equal(
      await page.getAttribute(`${AREA}[data-area="${focused.code}"]`, 'aria-pressed'),
      'true',
    );
    // Zoom keys work while an area has focus; 0 shows the whole city.
    const before = await page.getAttribute('svg.map-svg', 'viewBox');
    await page.keyboard.press('+');
    assert.notEqual(await page.getAttribute('svg.map-svg', 'viewBox'), before);
    await page.keyboard.press('0');
    assert.equal(await page.getAttribute('.map-controls .whole-city', 'aria-disabled'), 'true');
    await screenshot(page, 'map-keyboard');

    const list = await listAfterSwitch(page);
    assert.equal(list.items, focused.n);
  });
});

test('the level switch draws 6 regions, 44 kecamatan and 267 kelurahan; the table follows', async (t) => {
  const server = await serve();
  await withPage(t, { allowOrigins: [server.url] }, async (page) => {
    await openMap(page, `${server.url}?view=map&lang=en`);
    for (const [level, n] of [['kelurahan', 267], ['region', 6], ['kecamatan', 44]]) {
      await page.locator(`.map-levels button[data-level="${level}"]`).click();
      await page.waitForFunction(
        ([l, k]) => {
          const svg = document.querySelector('svg.map-svg');
          return svg && svg.dataset.level === l && svg.querySelectorAll('path.area').length === k;
        },
        [level, n],
      );
      await page.waitForFunction((l) => new URL(location.href).searchParams.get('level') === l, level);
      assert.equal(new URL(page.url()).searchParams.get('level'), level);
      assert.equal(await page.getAttribute(`.map-levels button[data-level="${level}"]`, 'aria-pressed'), 'true');
      // Every drawn area is a named, focusable button with a count; the map is one tab stop
      // (a roving tabindex: one area has 0, the others -1).
      const bad = await page.$$eval(AREA, (els) =>
        els.filter((e) => !['0', '-1'].includes(e.getAttribute('tabindex')) || e.getAttribute('role') !== 'button' ||
          !/: \d+ initiatives?$/.test(e.getAttribute('aria-label') || '')).length,
      );
      assert.equal(bad, 0, `${level}: every area has tabindex, role and an aria-label with its count`);
      assert.equal(await page.locator(`${AREA}[tabindex="0"]`).count(), 1, `${level}: one area in the tab order`);
      assert.equal(await page.locator('svg.map-svg[tabindex="-1"]').count(), 1, `${level}: the map itself is no extra tab stop`);
      // The accessible table lists the same areas with the same counts (its rows are
      // written while it is open: open it, read, fold it again).
      await page.locator('.map-table summary').click();
      await page.waitForFunction((k) => document.querySelectorAll('.map-table tbody tr').length === k, n);
      const rows = await page.$$eval('.map-table tbody tr', (trs) =>
        Object.fromEntries(trs.map((tr) => [tr.dataset.area, Number(tr.querySelector('td.num').textContent.replace(/[.,]/g, ''))])),
      );
      await page.locator('.map-table summary').click();
      await page.waitForFunction(() => !document.querySelector('.map-table').open && !document.querySelector('.map-table tbody tr'));
      const drawn = await page.$$eval(AREA, (els) => Object.fromEntries(els.map((e) => [e.dataset.area, Number(e.dataset.count)])));
      assert.equal(Object.keys(rows).length, n, `${level}: table rows`);
      assert.deepEqual(rows, drawn, `${level}: table counts equal map counts`);
      await screenshot(page, `map-level-${level}-1280`);
    }
    // Kepulauan Seribu is drawn in the inset.
    assert.equal(await page.locator('svg.map-svg rect.inset-frame').count(), 1);
    assert.match(await page.locator('svg.map-svg .inset-caption').textContent(), /Kepulauan Seribu/);
    // The table's select buttons filter too.
    await page.locator('.map-table summary').click();
    const row = page.locator('.map-table tbody tr').first();
    const code = await row.getAttribute('data-area');
    await row.locator('button.select').click();
    await page.waitForFunction((c) => new URL(location.href).searchParams.get('area') === c, code);
    assert.equal(await row.locator('button.select').getAttribute('aria-pressed'), 'true');
  });
});

test('axe finds no serious accessibility problem in the map, legend and table', async (t) => {
  const server = await serve();
  await withPage(t, { allowOrigins: [server.url] }, async (page) => {
    await openMap(page, `${server.url}?view=map&area=31.71.01`);
    await page.locator('.map-table summary').click();
    const r = await runAxe(page, { context: '.map-results' });
    const serious = r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(
      serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`),
      [],
    );
  });
});

for (const level of ['region', 'kecamatan', 'kelurahan']) {
  test(`375 px phone, ${level}: no horizontal scroll and the map is visible`, async (t) => {
    const server = await serve();
    await withPage(t, { allowOrigins: [server.url], viewport: { width: 375, height: 812 } }, async (page) => {
      await openMap(page, `${server.url}?view=map&level=${level}`);
      const m = await page.evaluate(() => {
        const svg = document.querySelector('svg.map-svg').getBoundingClientRect();
        return {
          scrollWidth: document.scrollingElement.scrollWidth,
          innerWidth: window.innerWidth,
          svgWidth: svg.width,
          svgHeight: svg.height,
          svgLeft: svg.left,
          svgRight: svg.right,
          touchAction: getComputedStyle(document.querySelector('svg.map-svg')).touchAction,
        };
      });
      assert.ok(m.scrollWidth <= m.innerWidth, `no horizontal scroll (${m.scrollWidth} > ${m.innerWidth})`);
      assert.ok(m.svgWidth > 250 && m.svgHeight > 250, `map visible (${m.svgWidth}×${m.svgHeight})`);
      assert.ok(m.svgLeft >= 0 && m.svgRight <= m.innerWidth, 'map within the screen');
      // One finger scrolls the page: the map never takes vertical panning.
      assert.equal(m.touchAction, 'pan-y');
      await screenshot(page, `map-level-${level}-375`);
    });
  });
}

test('phone: a two-finger pinch zooms the map, one finger scrolls the page', async (t) => {
  const server = await serve();
  const contextOptions = { hasTouch: true, isMobile: true };
  await withPage(t, { allowOrigins: [server.url], viewport: { width: 375, height: 812 }, contextOptions }, async (page) => {
    await openMap(page, `${server.url}?view=map`);
    const svg = page.locator('svg.map-svg');
    await svg.scrollIntoViewIfNeeded();
    const box = await svg.boundingBox();
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    const before = await svg.getAttribute('viewBox');
    const cdp = await page.context().newCDPSession(page);
    const touch = (type, touchPoints) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints });
    const fingers = (d) => [{ x: cx - d, y: cy, id: 1 }, { x: cx + d, y: cy, id: 2 }];
    await touch('touchStart', fingers(20));
    for (let d = 25; d <= 80; d += 5) {
      await touch('touchMove', fingers(d));
      await nextFrame(page); // one move per frame, as a finger does
    }
    await touch('touchEnd', []);
    const after = await svg.getAttribute('viewBox');
    const width = (vb) => Number(vb.split(' ')[2]);
    assert.ok(width(after) < width(before) / 2, `pinched in: ${before} → ${after}`);
    assert.equal(new URL(page.url()).searchParams.get('area'), null, 'a pinch selects nothing');

    const y0 = await page.evaluate(() => window.scrollY);
    await touch('touchStart', [{ x: cx, y: cy + 100, id: 3 }]);
    for (let k = 1; k <= 10; k++) {
      await touch('touchMove', [{ x: cx, y: cy + 100 - k * 20, id: 3 }]);
      await nextFrame(page); // one move per frame, as a finger does
    }
    await touch('touchEnd', []);
    await page.waitForFunction((y) => window.scrollY > y, y0);
    assert.equal(await svg.getAttribute('viewBox'), after, 'one finger does not move the map');
  });
});

test('a plain wheel over the map scrolls the page; Ctrl + wheel zooms; a drag pans', async (t) => {
  const server = await serve();
  await withPage(t, { allowOrigins: [server.url], viewport: { width: 1280, height: 700 } }, async (page) => {
    await openMap(page, `${server.url}?view=map`);
    const svg = page.locator('svg.map-svg');
    const box = await svg.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const vb = await svg.getAttribute('viewBox');
    const y0 = await page.evaluate(() => window.scrollY);
    await page.mouse.wheel(0, 300);
    await page.waitForFunction((y) => window.scrollY > y, y0);
    assert.equal(await svg.getAttribute('viewBox'), vb, 'plain wheel does not zoom');
    const moved = await svg.boundingBox();
    await page.mouse.move(moved.x + moved.width / 2, moved.y + Math.min(moved.height / 2, 200));
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -200);
    await page.keyboard.up('Control');
    await page.waitForFunction((v) => document.querySelector('svg.map-svg').getAttribute('viewBox') !== v, vb);
    // Zoomed in, a mouse drag moves the map and does not select the area under it.
    const zoomed = await svg.getAttribute('viewBox');
    const b2 = await svg.boundingBox();
    const x = b2.x + b2.width / 2;
    const y = b2.y + Math.min(b2.height / 2, 200);
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x - 60, y - 40, { steps: 6 });
    await page.mouse.up();
    assert.notEqual(await svg.getAttribute('viewBox'), zoomed, 'dragged');
    assert.equal(new URL(page.url()).searchParams.get('area'), null, 'a drag selects nothing');
  });
});

test('the generated geometry is computed in the browser and timed (no geometry file is shipped)', async (t) => {
  const server = await serve();
  const requests = [];
  await withPage(t, { allowOrigins: [server.url] }, async (page) => {
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await openMap(page, `${server.url}?view=map&level=kelurahan`);
    const ms = await page.evaluate(() => performance.getEntriesByName('jrs:map-geometry').map((e) => e.duration));
    assert.equal(ms.length, 1, 'computed once');
    t.diagnostic(`schematic geometry computed in ${ms[0].toFixed(1)} ms`);
    // Switching level and filters does not compute it again.
    await page.locator('.map-levels button[data-level="region"]').click();
    await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 6, AREA);
    const url = page.url();
    await page.locator('.filters input[type="checkbox"]').first().check({ force: true });
    await page.waitForURL((u) => u.href !== url);
    await nextFrame(page); // the map has redrawn for the filter
    const again = await page.evaluate(() => performance.getEntriesByName('jrs:map-geometry').length);
    assert.equal(again, 1, 'memoised per dataset');
  });
  assert.ok(!requests.some((p) => /geojson|topojson|geometry/i.test(p)), `no geometry fetched: ${requests.join(' ')}`);
});

test('official boundaries: a kecamatan file is matched by code and drawn (44 features)', async (t) => {
  for (const file of kecamatanFiles()) {
    t.diagnostic(`boundary file: ${file.label}`);
    // Only a temporary copy of dist/ gets the file; the repository never does.
    const dir = tempDir('jrs-map-boundaries-');
    cpSync(DIST, dir, { recursive: true });
    writeFileSync(join(dir, 'jakarta-kecamatan.geojson'), file.text);
    const codes = JSON.parse(file.text).features.map((f) => f.properties.code).sort();
    assert.equal(codes.length, 44, file.label);
    const server = await serve({ dir });
    await withPage(t, { allowOrigins: [server.url] }, async (page) => {
      await openMap(page, `${server.url}?view=map&level=kecamatan&boundaries=jakarta-kecamatan.geojson`);
      await page.waitForFunction(() => document.querySelector('svg.map-svg')?.dataset.source === 'boundaries', null, {
        timeout: BOOT_TIMEOUT,
      });
      const drawn = await page.$$eval(AREA, (els) => els.map((e) => e.dataset.code).sort());
      assert.deepEqual(drawn, codes, `${file.label}: every feature drawn once, matched by its code`);
      assert.equal(await page.locator('[data-boundaries="unmatched"]').count(), 0, 'no unmatched features');
      assert.equal(await page.locator('[data-boundaries="missing"]').count(), 0, 'no kecamatan without a shape');
      assert.equal(await page.locator('[data-boundaries="used"]').count(), 1, 'the source is named');
      const d = await page.getAttribute(`${AREA}[data-code="31.71.01"]`, 'd');
      assert.ok(d && d.length > 20, 'Gambir has a shape');
      // Selecting works as on the schematic.
      await page.locator(`${AREA}[data-code="31.71.01"]`).click();
      await page.waitForFunction(() => new URL(location.href).searchParams.get('area') === '31.71.01');
      await screenshot(page, 'map-boundaries-kecamatan');
      // Other levels fall back to the schematic and say so.
      await page.locator('.map-levels button[data-level="region"]').click();
      await page.waitForFunction(() => document.querySelector('svg.map-svg')?.dataset.source === 'schematic');
      assert.equal(await areaCount(page), 6);
      assert.equal(await page.locator('[data-boundaries="other-level"]').count(), 1);
    });
  }
});

test('official boundaries that cannot be loaded: a clear message and the schematic map', async (t) => {
  const server = await serve();
  const problems = await withPage(t, { allowOrigins: [server.url], allowProblems: true }, async (page) => {
    await openMap(page, `${server.url}?view=map&boundaries=missing-boundaries.geojson`);
    const msg = page.locator('[data-boundaries="failed"]');
    await msg.waitFor({ timeout: BOOT_TIMEOUT });
    assert.match(await msg.innerText(), /missing-boundaries\.geojson.*404/s);
    assert.equal(await page.getAttribute('svg.map-svg', 'data-source'), 'schematic');
    assert.equal(await areaCount(page), 44);
  });
  assert.ok(problems.length > 0 && problems.every((p) => /404|missing-boundaries/.test(p)), problems.join('\n'));

  // Another site is refused before any request (the page's policy would block it anyway).
  await withPage(t, { allowOrigins: [server.url] }, async (page) => {
    await openMap(page, `${server.url}?view=map&boundaries=${encodeURIComponent('https://example.org/b.geojson')}`);
    const msg = page.locator('[data-boundaries="failed"]');
    await msg.waitFor();
    assert.match(await msg.innerText(), /situs lain/);
  });
});
