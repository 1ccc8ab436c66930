// "Open your data" (src/ui/open_data/panel.rs): a dataset JSON or a set of CSV files chosen with the
// file picker (or dropped) is validated in the browser and shown; a CSV with an error gives a
// report with file, row and column; nothing is uploaded; "back" returns to the bundled data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, BOOT_TIMEOUT, serve, withPage, waitForPillars, screenshot, tempDir } from './lib.mjs';

const CHENNAI_JSON = join(ROOT, 'data', 'chennai.json');
const EXAMPLE = join(ROOT, 'data', 'templates', 'example');
const chennai = JSON.parse(readFileSync(CHENNAI_JSON, 'utf8'));
const CHENNAI_PILLARS = chennai.pillars.map((p) => p.id);
const csvFiles = (dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.csv'))
    .sort()
    .map((f) => join(dir, f));

/** Opens the Sources & method view and returns the file input of the "open your data" panel. */
async function openPanel(page) {
  const input = page.locator('#open-data-input');
  await input.waitFor({ state: 'attached', timeout: BOOT_TIMEOUT });
  return input;
}

/** Records every request made from now on. */
function recordRequests(page) {
  const seen = [];
  page.on('request', (r) => seen.push(`${r.method()} ${r.url()}`));
  return seen;
}

/** The overview shows the Chennai dataset: its title and its five pillar cards. */
async function assertChennai(page, lang = 'id') {
  await page.waitForFunction(
    (n) => document.querySelectorAll('article.pillar-card[data-pillar]').length === n,
    CHENNAI_PILLARS.length,
    { timeout: BOOT_TIMEOUT },
  );
  const ids = await page
    .locator('article.pillar-card[data-pillar]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-pillar')));
  assert.deepEqual(ids, CHENNAI_PILLARS, 'one card per Chennai pillar, in order');
  assert.equal(
    (await page.locator('#overview-title').innerText()).trim(),
    chennai.meta.title[lang],
    'the overview has the Chennai title',
  );
  const banner = page.locator('.banner.local-data');
  await banner.waitFor();
  assert.match(await banner.innerText(), lang === 'id' ? /tidak diunggah/ : /not uploaded/);
  await waitForTitle(page, CHENNAI_TITLE[lang]);
}

/** The page title (tab, bookmark, history) names the open dataset's city, in the language. */
const CHENNAI_TITLE = {
  id: `Penjelajah Strategi Ketahanan Kota ${chennai.meta.city.id}`,
  en: `${chennai.meta.city.en} Resilience Strategy Explorer`,
};
const JAKARTA_TITLE = { id: 'Penjelajah Strategi Ketahanan Kota Jakarta', en: 'Jakarta Resilience Strategy Explorer' };
async function waitForTitle(page, title) {
  await page
    .waitForFunction((t) => document.title === t, title, { timeout: BOOT_TIMEOUT })
    .catch(async () => assert.equal(await page.title(), title, 'the page title follows the open dataset'));
}

async function backToBundled(page) {
  await page.locator('.banner.local-data button.back-to-bundled').click();
  const cards = await waitForPillars(page);
  assert.equal(await cards.count(), 3, 'the three Jakarta pillars again');
  assert.equal(await page.locator('.banner.local-data').count(), 0, 'the banner is gone');
  await waitForTitle(page, JAKARTA_TITLE[(await page.locator('html').getAttribute('lang')) === 'en' ? 'en' : 'id']);
}

test('a dataset JSON chosen with the file picker is shown, then "back" restores the bundled data', async (t) => {
  const server = await serve();
  await withPage(t, { url: `${server.url}?view=sources` }, async (page) => {
    const input = await openPanel(page);
    // The panel says on screen that nothing is uploaded.
    assert.match(await page.locator('#open-data .privacy').innerText(), /tidak diunggah/);
    const requests = recordRequests(page);
    await input.setInputFiles(CHENNAI_JSON);
    await assertChennai(page);
    assert.deepEqual(
      requests.filter((r) => !r.startsWith('GET ')),
      [],
      'no upload: no request other than GET after choosing the file',
    );
    assert.equal(
      requests.filter((r) => r.includes('chennai')).length,
      0,
      'the chosen file is read from disk, not fetched',
    );
    assert.equal(new URL(page.url()).searchParams.get('data'), null, 'the link does not name the file');
    await screenshot(page, 'open-data-json-loaded-1280');
    await backToBundled(page);
  });
});

// The presentation is the lazy module's, with its own copy of the app's context: it is given
// the opened dataset, so a presenter presents what they opened, not the address's dataset.
test('a dataset opened in the browser is the one presented, and still shown after leaving', async (t) => {
  const server = await serve();
  await withPage(t, { url: `${server.url}?view=sources&lang=en` }, async (page) => {
    const input = await openPanel(page);
    await input.setInputFiles(CHENNAI_JSON);
    await assertChennai(page, 'en');
    await page.locator('a.present-button').click();
    const title = page.locator('.present main.present-stage[data-step="0"] h1#slide-title');
    await title.waitFor({ timeout: BOOT_TIMEOUT });
    assert.equal((await title.innerText()).trim(), chennai.meta.title.en, 'the first slide has the Chennai title');
    assert.match(await page.locator('.present-kicker').innerText(), new RegExp(chennai.meta.city.en));
    await page.keyboard.press('ArrowRight');
    await page.locator('.present main.present-stage[data-step="1"]').waitFor();
    const pillars = await page.locator('.present-stage [data-pillar]').evaluateAll((els) => [...new Set(els.map((e) => e.dataset.pillar))]);
    assert.deepEqual(pillars, CHENNAI_PILLARS, 'the pillars slide shows the Chennai pillars');
    await page.locator('button.present-exit').click();
    await assertChennai(page, 'en');
  });
});

test('the CSV files of a spreadsheet (exported from Chennai) are shown', async (t) => {
  const server = await serve();
  await withPage(t, { url: `${server.url}?view=sources&lang=en` }, async (page) => {
    const input = await openPanel(page);
    assert.match(await page.locator('#open-data .privacy').innerText(), /not uploaded/);
    await input.setInputFiles(csvFiles(EXAMPLE));
    await assertChennai(page, 'en');
    const given = csvFiles(EXAMPLE).length;
    assert.ok(given >= 15, `the example has a file per record kind (${given})`);
    assert.match(await page.locator('.banner.local-data').innerText(), new RegExp(`\\b${given} files`));
  });
});

test('a CSV with an error gives file, row and column, and the data stays as it was', async (t) => {
  const dir = tempDir('jrs-open-data-');
  cpSync(EXAMPLE, dir, { recursive: true });
  const actions = join(dir, 'actions.csv');
  const lines = readFileSync(actions, 'utf8').split('\n');
  assert.match(lines[2], /^water-as-leverage,/, 'row 3 of actions.csv is water-as-leverage');
  lines[2] = lines[2].replace('floods; droughts', 'floods; volcano');
  writeFileSync(actions, lines.join('\n'));

  const server = await serve();
  for (const [lang, vp] of [
    ['id', { width: 1280, height: 800 }],
    ['en', { width: 375, height: 812 }],
  ]) {
    await withPage(t, { url: `${server.url}?view=sources&lang=${lang}`, viewport: vp }, async (page) => {
      const input = await openPanel(page);
      await input.setInputFiles(csvFiles(dir));
      const report = page.locator('.open-data-report.failed');
      await report.waitFor({ timeout: BOOT_TIMEOUT });
      const item = report.locator('li.problem.error');
      assert.equal(await item.count(), 1, 'exactly one error');
      assert.equal(await item.locator('.path').innerText(), 'actions.csv: row 3, column "hazards"');
      // The problem is said in the interface language.
      assert.match(
        await item.locator('.message').innerText(),
        lang === 'id' ? /^guncangan\/tekanan "volcano" tidak dikenal \(yang dikenal: / : /^unknown hazard "volcano" \(known: /,
      );
      assert.match(
        await report.locator('.open-data-failed').innerText(),
        lang === 'id' ? /kesalahan: 1/ : /errors: 1/,
      );
      // The outcome is announced (in a live region) and the bundled data is still shown.
      assert.equal(await page.locator('.open-data-status[role="status"] .open-data-failed').count(), 1);
      assert.equal(await page.locator('.banner.local-data').count(), 0);
      await report.scrollIntoViewIfNeeded();
      await screenshot(page, `open-data-csv-error-${lang}-${vp.width}`);
    });
  }
});

test('files dropped on the drop zone are read like chosen ones', async (t) => {
  const server = await serve();
  const text = readFileSync(CHENNAI_JSON, 'utf8');
  await withPage(t, { url: `${server.url}?view=sources` }, async (page) => {
    await openPanel(page);
    const dataTransfer = await page.evaluateHandle((content) => {
      const dt = new DataTransfer();
      dt.items.add(new File([content], 'chennai.json', { type: 'application/json' }));
      return dt;
    }, text);
    await page.dispatchEvent('.drop-zone', 'dragover', { dataTransfer });
    assert.equal(await page.locator('.drop-zone.dragging').count(), 1, 'the zone shows it will take the files');
    await page.dispatchEvent('.drop-zone', 'drop', { dataTransfer });
    await assertChennai(page);
  });
});

test('mixing a JSON file and CSV files is refused with a plain message', async (t) => {
  const server = await serve();
  await withPage(t, { url: `${server.url}?view=sources&lang=en` }, async (page) => {
    const input = await openPanel(page);
    await input.setInputFiles([CHENNAI_JSON, join(EXAMPLE, 'meta.csv')]);
    const item = page.locator('.open-data-report li.problem.error');
    await item.first().waitFor();
    assert.match(await item.first().innerText(), /not both/);
  });
});

test('the templates download as one zip made in the browser, each with one real example row, with READMEs in both languages', async (t) => {
  const server = await serve();
  await withPage(t, { url: `${server.url}?view=sources` }, async (page) => {
    await openPanel(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#open-data button.download-templates').click(),
    ]);
    assert.equal(download.suggestedFilename(), 'strategy-templates-csv.zip');
    const file = join(tempDir('jrs-zip-'), 't.zip');
    await download.saveAs(file);
    const zip = readFileSync(file);
    assert.equal(zip.subarray(0, 2).toString('latin1'), 'PK');
    // The zip is stored (not compressed): each file's text is in it as it is.
    const jakarta = JSON.parse(readFileSync(join(ROOT, 'data', 'jakarta.json'), 'utf8'));
    for (const f of csvFiles(join(ROOT, 'data', 'templates'))) {
      const name = f.split('/').pop();
      const body = readFileSync(f);
      assert.ok(zip.includes(Buffer.from(`templates/${name}`)), `${name} is in the zip`);
      // meta.csv lists its fields with the example's values; the other files start with the
      // committed header-only template.
      const head = name === 'meta.csv' ? Buffer.from('field,value\n') : body;
      assert.ok(zip.includes(head), `${name} in the zip starts with the committed template's header`);
    }
    // Row 2 is a real record of the data shown: the first action and the first source, by id.
    assert.ok(zip.includes(Buffer.from(`\n${jakarta.actions[0].id},`)), 'actions.csv has the first action as its example');
    assert.ok(zip.includes(Buffer.from(`\n${jakarta.sources[0].id},`)), 'sources.csv has the first source as its example');
    for (const [readme, words] of [['README-id.md', ['## Aturan', 'wajib', '`provenance_note_id`']], ['README-en.md', ['## Rules', 'required', '`aligned_initiatives`']]]) {
      assert.ok(zip.includes(Buffer.from(`templates/${readme}`)), `${readme} is in the zip`);
      for (const w of words) assert.ok(zip.includes(Buffer.from(w)), `${readme}: says ${w}`);
    }
  });
});

test('the rules every file follows are shown in the panel, in the interface language', async (t) => {
  const server = await serve();
  for (const [lang, first] of [['id', /CSV UTF-8/], ['en', /CSV UTF-8/]]) {
    await withPage(t, { url: `${server.url}?view=sources&lang=${lang}`, viewport: { width: 375, height: 812 } }, async (page) => {
      await openPanel(page);
      const rules = page.locator('#open-data details.open-data-rules');
      await rules.locator('summary').click();
      const items = rules.locator('li');
      assert.equal(await items.count(), 8, `${lang}: eight rules`);
      assert.match(await items.first().innerText(), first);
      // The provenance rule names its columns as code, and says confirmed records need a note.
      const prov = items.nth(2);
      assert.ok((await prov.locator('code').allInnerTexts()).includes('provenance_note_id'), `${lang}: column names as code`);
      assert.match(await prov.innerText(), lang === 'id' ? /juga untuk catatan confirmed/ : /confirmed records too/);
      await rules.scrollIntoViewIfNeeded();
      await screenshot(page, `open-data-rules-${lang}-375`);
    });
  }
});

test('the data shown downloads as the JSON file the explorer reads, byte for byte', async (t) => {
  const server = await serve();
  await withPage(t, { url: `${server.url}?view=sources&lang=en` }, async (page) => {
    await openPanel(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#open-data button.download-json').click(),
    ]);
    const bundled = readFileSync(join(ROOT, 'data', 'jakarta.json'));
    const id = JSON.parse(bundled.toString('utf8')).meta.id;
    assert.equal(download.suggestedFilename(), `${id}.json`);
    const file = join(tempDir('jrs-json-'), 'd.json');
    await download.saveAs(file);
    assert.ok(readFileSync(file).equals(bundled), 'the download equals data/jakarta.json: publishing it changes nothing');
  });
});

test("the explorer's own CSV zip opens again; a damaged zip is reported against the archive", async (t) => {
  const server = await serve();
  await withPage(t, { url: `${server.url}?view=sources` }, async (page) => {
    // Chennai, opened here, then downloaded from the panel as CSV files in a zip…
    await (await openPanel(page)).setInputFiles(CHENNAI_JSON);
    await assertChennai(page);
    await page.locator('nav.views a[href*="view=sources"]').first().click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#open-data button.download-current').click(),
    ]);
    assert.equal(download.suggestedFilename(), `${chennai.meta.id}-csv.zip`);
    const zipFile = join(tempDir('jrs-ownzip-'), download.suggestedFilename());
    await download.saveAs(zipFile);
    // …opens again as Chennai in a fresh page (which shows the bundled data), from the zip alone.
    await page.goto(`${server.url}?view=sources`);
    await (await openPanel(page)).setInputFiles(zipFile);
    await assertChennai(page);
    assert.ok((await page.locator('.banner.local-data').innerText()).includes(download.suggestedFilename()), 'the banner names the zip');
    // A damaged copy: nothing opens, and the report names the archive.
    const damaged = readFileSync(zipFile);
    damaged[Math.floor(damaged.length / 2)] ^= 0x55;
    const badFile = join(tempDir('jrs-badzip-'), 'damaged.zip');
    writeFileSync(badFile, damaged);
    await page.goto(`${server.url}?view=sources`);
    await (await openPanel(page)).setInputFiles(badFile);
    const item = page.locator('.open-data-report.failed li.problem.error');
    await item.first().waitFor({ timeout: BOOT_TIMEOUT });
    assert.match(await item.first().locator('.path').innerText(), /^damaged\.zip/);
    assert.equal(await page.locator('.banner.local-data').count(), 0, 'the bundled data is still shown');
  });
});

/** Clicks "download this data as CSV" and returns the file name and the zip's bytes. */
async function downloadCurrent(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('#open-data button.download-current').click(),
  ]);
  const file = join(tempDir('jrs-zip-'), 'current.zip');
  await download.saveAs(file);
  return { name: download.suggestedFilename(), zip: readFileSync(file) };
}

test('"download this data as CSV" gives the data shown: the bundled file, then a file opened here', async (t) => {
  const server = await serve();
  const jakarta = JSON.parse(readFileSync(join(ROOT, 'data', 'jakarta.json'), 'utf8'));
  await withPage(t, { url: `${server.url}?view=sources` }, async (page) => {
    const input = await openPanel(page);
    const bundled = await downloadCurrent(page);
    assert.equal(bundled.name, `${jakarta.meta.id}-csv.zip`);
    assert.equal(bundled.zip.subarray(0, 2).toString('latin1'), 'PK');
    assert.ok(bundled.zip.includes(Buffer.from(`${jakarta.meta.id}/pillars.csv`)), 'the bundled pillars');
    assert.ok(bundled.zip.includes(Buffer.from(jakarta.pillars[0].id)), 'with the bundled pillar ids');

    // A file opened here is what the next download gives (the panel keeps it; no request).
    await input.setInputFiles(CHENNAI_JSON);
    await assertChennai(page);
    await page.locator('nav.views a[href*="view=sources"]').first().click();
    await openPanel(page);
    const seen = recordRequests(page);
    const local = await downloadCurrent(page);
    assert.equal(local.name, `${chennai.meta.id}-csv.zip`);
    assert.ok(local.zip.includes(Buffer.from(`${chennai.meta.id}/pillars.csv`)), 'the opened pillars');
    assert.ok(local.zip.includes(Buffer.from(CHENNAI_PILLARS[0])), 'with the opened pillar ids');
    assert.equal(local.zip.includes(Buffer.from(`${jakarta.meta.id}/`)), false, 'not the bundled data');
    assert.deepEqual(seen.filter((r) => r.includes('/data/')), [], 'the opened file is not fetched');
  });
});

test('a hosted dataset opens with ?data=<url> (the publishing path DATA.md describes)', async (t) => {
  const server = await serve();
  await withPage(t, { url: `${server.url}?data=data/chennai.json&lang=en` }, async (page) => {
    await page.waitForFunction(
      (n) => document.querySelectorAll('article.pillar-card[data-pillar]').length === n,
      CHENNAI_PILLARS.length,
      { timeout: BOOT_TIMEOUT },
    );
    assert.equal((await page.locator('#overview-title').innerText()).trim(), chennai.meta.title.en);
    assert.equal(await page.locator('.banner.local-data').count(), 0, 'a hosted file is not "your own data"');
    await waitForTitle(page, CHENNAI_TITLE.en);
    await page.locator('button.lang-switch').click();
    await waitForTitle(page, CHENNAI_TITLE.id);
  });
});

test('data opened from a file survives a reload until "forget this data", in both languages', async (t) => {
  const server = await serve();
  for (const lang of ['id', 'en']) {
    await withPage(t, { url: `${server.url}?view=sources&lang=${lang}`, viewport: { width: 375, height: 812 } }, async (page) => {
      await (await openPanel(page)).setInputFiles(CHENNAI_JSON);
      await assertChennai(page, lang);
      assert.equal(await page.locator('.banner.local-data .not-kept').count(), 0, 'kept: no warning');
      // A reload shows the bundled data and offers the kept file, by name.
      await page.reload();
      const offer = page.locator('.banner.kept-data');
      await offer.waitFor({ timeout: BOOT_TIMEOUT });
      assert.ok((await offer.innerText()).includes('chennai.json'), 'the offer names the file');
      assert.match(await offer.innerText(), lang === 'id' ? /tidak pernah diunggah/ : /never uploaded/);
      await screenshot(page, `open-data-kept-offer-${lang}-375`);
      await offer.locator('button.reopen-kept').click();
      await assertChennai(page, lang);
      assert.equal(await offer.count(), 0, 'the offer is gone once taken');
      // Forgetting returns to the bundled data, and the next reload offers nothing.
      await page.locator('.banner.local-data button.forget-kept').click();
      await waitForPillars(page);
      await page.reload();
      await waitForPillars(page);
      assert.equal(await page.locator('.banner.kept-data').count(), 0, 'forgotten: no offer after a reload');
      assert.equal(await page.evaluate(() => localStorage.length), 0, 'nothing left in the storage');
    });
  }
});

test('where the browser keeps nothing, the banner says so and leaving the page asks first', async (t) => {
  const server = await serve();
  for (const full of [true, false]) {
    await withPage(t, { allowOrigins: [server.url] }, async (page) => {
      if (full) {
        await page.addInitScript(() => {
          Storage.prototype.setItem = () => {
            throw new DOMException('full', 'QuotaExceededError');
          };
        });
      }
      await page.goto(`${server.url}?view=sources&lang=en`);
      await (await openPanel(page)).setInputFiles(CHENNAI_JSON);
      await assertChennai(page, 'en');
      const note = page.locator('.banner.local-data .not-kept');
      assert.equal(await note.count(), full ? 1 : 0, full ? 'storage refused: the banner warns' : 'kept: no warning');
      if (full) assert.match(await note.innerText(), /lost when you leave or reload/);
      // The browser asks before leaving only when the data would be lost (a click first:
      // Chromium asks only on a page the visitor has used).
      await page.locator('#overview-title').click();
      const asked = new Promise((res) => {
        page.once('dialog', async (d) => {
          res(d.type());
          await d.accept();
        });
        page.once('close', () => res('closed without asking'));
      });
      await page.close({ runBeforeUnload: true });
      assert.equal(await asked, full ? 'beforeunload' : 'closed without asking');
    });
  }
});
