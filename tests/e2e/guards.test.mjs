// Negative controls for the guards every e2e test relies on (lib.mjs): each is fed a page that
// does what it must catch, and the test checks that the guard reports it, so a guard that went
// blind would fail here instead of letting every other test pass.
//   * withPage(): CSP violations, requests to another origin, failed same-origin requests,
//     console errors and uncaught page errors fail the test;
//   * forbidDialogs(): an alert is reported;
//   * assertNoSidewaysScroll(): a page wider than the screen fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serve, withPage, waitForPillars, forbidDialogs, assertNoSidewaysScroll } from './lib.mjs';

/** Sets an inline style attribute (forbidden by style-src 'self') and waits for the report. */
async function violateCsp(page) {
  const seen = page.waitForEvent('console', (m) => /CSP violation/.test(m.text()));
  await page.evaluate(() => document.querySelector('main').setAttribute('style', 'color: red'));
  await seen;
}

test('negative control: withPage() reports a CSP violation (and fails the test on it)', async (t) => {
  const server = await serve();
  const problems = await withPage(t, { url: server.url, allowProblems: true }, async (page, problems) => {
    await waitForPillars(page);
    assert.deepEqual(problems, [], 'the app itself violates nothing');
    await violateCsp(page);
  });
  assert.ok(problems.some((p) => /^console error: CSP violation: style-src/.test(p)), problems.join('\n'));
  // Without allowProblems the same page fails the test.
  await assert.rejects(
    withPage(t, { url: server.url }, async (page) => {
      await waitForPillars(page);
      await violateCsp(page);
    }),
    /the page reported problems:[\s\S]*CSP violation/,
  );
});

test('negative control: withPage() blocks and reports a request to another origin', async (t) => {
  const server = await serve();
  const away = 'http://127.0.0.1:9/away.html';
  const problems = await withPage(t, { url: server.url, allowProblems: true }, async (page) => {
    await waitForPillars(page);
    // A navigation is not subject to the page's CSP: only the guard's route stops it.
    await assert.rejects(page.goto(away), /ERR_BLOCKED_BY_CLIENT/);
  });
  assert.deepEqual(problems, [`request to another origin: ${away}`]);
  await assert.rejects(
    withPage(t, { url: server.url }, async (page) => {
      await waitForPillars(page);
      await assert.rejects(page.goto(away), /ERR_BLOCKED_BY_CLIENT/);
    }),
    /the page reported problems:[\s\S]*request to another origin/,
  );
});

test('negative control: withPage() reports a failed same-origin request, a console error and a page error', async (t) => {
  const server = await serve();
  const problems = await withPage(t, { url: server.url, allowProblems: true }, async (page) => {
    await waitForPillars(page);
    const status = await page.evaluate(() => fetch('no-such-file.json').then((r) => r.status));
    assert.equal(status, 404);
    await page.evaluate(() => console.error('deliberate console error'));
    const thrown = page.waitForEvent('pageerror');
    await page.evaluate(() => reportError(new Error('deliberate uncaught error')));
    await thrown;
  });
  assert.ok(problems.some((p) => /^HTTP 404 for .*no-such-file\.json$/.test(p)), problems.join('\n'));
  assert.ok(problems.some((p) => /^console error: deliberate console error/.test(p)), problems.join('\n'));
  assert.ok(problems.some((p) => /^page error: .*deliberate uncaught error/.test(p)), problems.join('\n'));
});

test('negative control: forbidDialogs() reports an alert', async (t) => {
  const server = await serve();
  const problems = await withPage(t, { url: server.url, allowProblems: true }, async (page, problems) => {
    forbidDialogs(page, problems);
    await waitForPillars(page);
    assert.deepEqual(problems, []);
    // evaluate() returns once the dialog has been dismissed by the guard.
    await page.evaluate(() => alert('deliberate'));
  });
  assert.deepEqual(problems, ['a dialog opened (alert): deliberate']);
});

test('negative control: assertNoSidewaysScroll() fails on a page wider than the screen', async (t) => {
  const server = await serve();
  await withPage(t, { url: server.url, viewport: { width: 375, height: 812 } }, async (page) => {
    await waitForPillars(page);
    await assertNoSidewaysScroll(page, 'the app as shipped');
    await page.evaluate(() => {
      const wide = document.createElement('div');
      wide.className = 'deliberately-wide';
      wide.style.width = '900px';
      wide.style.height = '10px';
      document.querySelector('main').append(wide);
    });
    await assert.rejects(assertNoSidewaysScroll(page, 'with a 900 px element'), /scrolls sideways.*div\.deliberately-wide/s);
  });
});
