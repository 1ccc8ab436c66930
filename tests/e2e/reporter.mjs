// A node --test reporter that writes one JSON line per finished test: its file, nesting depth,
// name and outcome. `./x test` feeds the lines to tests/harness/counts.mjs, which counts the
// tests of each file (leaves only: a parent is not counted on top of its subtests) against the
// minimums in tests/minimums.json. Usage:
//   node --test --test-reporter=./tests/e2e/reporter.mjs --test-reporter-destination=FILE …
export default async function* jsonLines(source) {
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const d = event.data;
    yield JSON.stringify({
      outcome: event.type === 'test:pass' ? (d.skip !== undefined ? 'skip' : d.todo !== undefined ? 'todo' : 'pass') : 'fail',
      file: d.file ?? null,
      nesting: d.nesting,
      name: d.name,
    }) + '\n';
  }
}
