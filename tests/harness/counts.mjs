#!/usr/bin/env node
// Counts the tests a stage of `./x test` ran and checks them against tests/minimums.json, so
// that tests cannot disappear unnoticed: a test file (or cargo test target) that ran fewer tests
// than its recorded minimum, that did not run at all, or whose report is missing fails the stage;
// so does an e2e file that is not listed, and any skipped or ignored test.
//
//   node tests/harness/counts.mjs cargo-native LOG   the output of `cargo test` (native)
//   node tests/harness/counts.mjs cargo-wasm32 LOG   the output of `cargo test --target wasm32…`
//   node tests/harness/counts.mjs e2e REPORT         JSON lines from tests/e2e/reporter.mjs
//
// Tests of the test harness itself (the `harness` list in tests/minimums.json) are counted apart
// from the app's tests. For e2e files only leaf tests count: a parent test is not counted on top
// of its subtests (unless it fails by itself). The last line printed is read by `x`:
//   COUNTS <app passed> <app failed> <harness passed> <harness failed>
// where "failed" includes one per shortfall, missing report or skipped test.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MINIMUMS = 'tests/minimums.json';

/** Per unit (file or cargo target): { pass, fail, skip }. */
function parseCargo(text) {
  const units = new Map();
  let current = null;
  // Cargo colours its labels on a terminal; the counts are read from plain text.
  for (const line of text.replace(/\x1b\[[0-9;]*m/g, '').split('\n')) {
    const running = line.match(/^\s*Running (.+?) \(/);
    const doc = line.match(/^\s*Doc-tests (\S+)/);
    if (running) current = running[1];
    else if (doc) current = `Doc-tests ${doc[1]}`;
    const result = line.match(/^test result: \w+\. (\d+) passed; (\d+) failed; (\d+) ignored/);
    if (result && current) {
      const u = units.get(current) ?? { pass: 0, fail: 0, skip: 0 };
      u.pass += Number(result[1]);
      u.fail += Number(result[2]);
      u.skip += Number(result[3]);
      units.set(current, u);
      current = null;
    }
  }
  return units;
}

function parseE2e(text) {
  const units = new Map();
  // Events arrive in completion order per file: a test's subtests end right before it does.
  const stacks = new Map(); // file → stack of { nesting, childFailed, hadChild }
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const e = JSON.parse(line);
    const file = e.file ? relative(ROOT, e.file) : '(unknown file)';
    const u = units.get(file) ?? { pass: 0, fail: 0, skip: 0 };
    units.set(file, u);
    const stack = stacks.get(file) ?? [];
    stacks.set(file, stack);
    // Children of this test are the finished entries one level deeper on top of the stack.
    let hadChild = false;
    let childFailed = false;
    while (stack.length && stack[stack.length - 1].nesting > e.nesting) {
      const c = stack.pop();
      hadChild = true;
      childFailed ||= c.failed;
    }
    const failed = e.outcome === 'fail' || childFailed;
    stack.push({ nesting: e.nesting, failed });
    if (!hadChild) {
      if (e.outcome === 'pass') u.pass += 1;
      else if (e.outcome === 'fail') u.fail += 1;
      else u.skip += 1;
    } else if (e.outcome === 'fail' && !childFailed) {
      u.fail += 1; // the parent failed by itself (an assertion after its subtests)
    } else if (e.outcome === 'skip' || e.outcome === 'todo') {
      u.skip += 1;
    }
  }
  return units;
}

function main() {
  const [stage, report] = process.argv.slice(2);
  const minimumsAll = JSON.parse(readFileSync(join(ROOT, MINIMUMS), 'utf8'));
  const minimums = minimumsAll[stage];
  if (!minimums || !report) {
    console.error(`usage: counts.mjs cargo-native|cargo-wasm32|e2e REPORT (stage "${stage}" is not in ${MINIMUMS})`);
    console.log('COUNTS 0 1 0 0');
    process.exit(2);
  }
  const harness = new Set(minimumsAll.harness ?? []);
  const problems = [];
  let units = new Map();
  if (!existsSync(report)) {
    problems.push(`the report ${report} is missing: the stage did not run its tests`);
  } else {
    const text = readFileSync(report, 'utf8');
    units = stage === 'e2e' ? parseE2e(text) : parseCargo(text);
  }
  if (stage === 'e2e') {
    // Every e2e file on disk must be listed, so that a new file gets its minimum too.
    for (const f of readdirSync(join(ROOT, 'tests', 'e2e')).filter((f) => f.endsWith('.test.mjs'))) {
      const key = `tests/e2e/${f}`;
      if (!(key in minimums)) {
        const ran = units.get(key);
        const n = ran ? ran.pass + ran.fail : '<its number of tests>';
        problems.push(`${key} is not listed: add "${key}": ${n} to "${stage}" in ${MINIMUMS}`);
      }
    }
  }
  for (const [unit, min] of Object.entries(minimums)) {
    const ran = units.get(unit) ?? { pass: 0, fail: 0, skip: 0 };
    const n = ran.pass + ran.fail;
    if (n < min) {
      const what = units.has(unit) ? `ran ${n} test(s)` : 'did not run (missing file or report)';
      problems.push(`${unit} ${what}, fewer than its minimum of ${min}: if tests were removed on purpose, lower "${unit}" under "${stage}" in ${MINIMUMS}`);
    }
  }
  let app = { pass: 0, fail: 0 };
  let harn = { pass: 0, fail: 0 };
  const rows = [];
  for (const [unit, u] of [...units.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (u.pass + u.fail + u.skip === 0 && !(unit in minimums)) continue;
    const bucket = harness.has(unit) ? harn : app;
    bucket.pass += u.pass;
    bucket.fail += u.fail;
    const min = minimums[unit];
    rows.push(`  ${unit.padEnd(44)} ${String(u.pass).padStart(4)} passed ${String(u.fail).padStart(3)} failed` +
      `  min ${min ?? '-'}${harness.has(unit) ? '  (harness)' : ''}`);
    if (u.skip > 0) problems.push(`${unit}: ${u.skip} test(s) skipped or ignored; tests must run (see the standards)`);
    if (min === undefined && stage !== 'e2e' && u.pass + u.fail > 0) {
      problems.push(`${unit} is not listed: add "${unit}": ${u.pass + u.fail} to "${stage}" in ${MINIMUMS}`);
    }
    // A count well above the minimum is fine, but say so, so that the minimum gets raised.
    if (min !== undefined && u.pass + u.fail > min) {
      rows.push(`    (ran ${u.pass + u.fail}, more than the minimum ${min}: raise it in ${MINIMUMS})`);
    }
  }
  console.log(`test counts (${stage}, minimums from ${MINIMUMS}):`);
  for (const r of rows) console.log(r);
  for (const p of problems) console.log(`  COUNT FAILURE: ${p}`);
  // Each problem is one failure, charged to the app's tests.
  app.fail += problems.length;
  console.log(`COUNTS ${app.pass} ${app.fail} ${harn.pass} ${harn.fail}`);
  process.exit(problems.length > 0 ? 1 : 0);
}

main();
