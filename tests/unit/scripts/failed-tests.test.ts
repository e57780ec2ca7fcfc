// test:repeat's flake list comes from these: every failed test of a transcript, named where the
// runner said where, with the first lines of its error and nothing from passing tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { failedTests } from '../../../scripts/failed-tests.ts';
import { flakeList } from '../../../scripts/test-repeat.ts';

// As node:test's spec reporter prints them (Node 20): the run, its summary, the failing-tests section.
const SPEC = `▶ probe
  ✔ passes (0.6ms)
  ✖ a body trickled beyond the budget (3001.2ms)
    AssertionError [ERR_ASSERTION]: no complete response within 2000 ms

ℹ tests 2
ℹ pass 1
ℹ fail 1

✖ failing tests:

test at tests/unit/monitor/probe.test.ts:130:5
✖ a body trickled beyond the budget (3001.2ms)
  AssertionError [ERR_ASSERTION]: no complete response within 2000 ms
  
  'timeout' !== 'latency_budget_exceeded'
  
      at TestContext.<anonymous> (file:///x/probe.test.ts:140:14)
      at Test.runInAsyncScope (node:async_hooks:206:9) {
    code: 'ERR_ASSERTION',
✖ top-level hook (2ms)
  Error: boom
      at x (file:///y.ts:1:1)
`;

const PLAYWRIGHT = `Running 2 tests using 1 worker

  ✓  1 [p1] › x.spec.ts:2:1 › passes (1ms)
  ✘  2 [p1] › x.spec.ts:3:1 › fails here (7ms)


  1) [p1] › x.spec.ts:3:1 › fails here ─────────────────────

    Error: one is two

    expect(received).toBe(expected) // Object.is equality

      1 | import { test, expect } from '@playwright/test';
    > 3 | test('fails here', () => { expect(1, 'one is two').toBe(2); });
        at /work/x.spec.ts:3:52

  1 failed
    [p1] › x.spec.ts:3:1 › fails here ─────────────────────
  1 passed (500ms)
`;

test('node:test failures: location, name and the error without its stack', () => {
  assert.deepEqual(failedTests(SPEC), [
    {
      test: 'tests/unit/monitor/probe.test.ts:130:5 › a body trickled beyond the budget',
      error: "AssertionError [ERR_ASSERTION]: no complete response within 2000 ms / 'timeout' !== 'latency_budget_exceeded'",
    },
    { test: 'top-level hook', error: 'Error: boom' },
  ]);
});

test('Playwright failures: project, location and title, the error without the source excerpt', () => {
  assert.deepEqual(failedTests(PLAYWRIGHT), [
    {
      test: '[p1] › x.spec.ts:3:1 › fails here',
      error: 'Error: one is two / expect(received).toBe(expected) // Object.is equality',
    },
  ]);
});

test('a coloured transcript of several suites, and a passing run that has none', () => {
  const coloured = SPEC.replace(/✖/g, '\x1b[31m✖\x1b[39m');
  assert.equal(failedTests(coloured + '\nrun-lanes: next\n' + PLAYWRIGHT).length, 3);
  assert.deepEqual(failedTests('✔ passes (1ms)\nℹ pass 1\nℹ fail 0\n  1 passed (2s)\n'), []);
});

test("test:repeat's flake list: each test once, with the runs it failed in, most frequent first", () => {
  const f = (name: string) => ({ test: name, error: `${name} broke` });
  assert.deepEqual(flakeList([{ failures: [f('a'), f('b')] }, { failures: [] }, { failures: [f('b'), f('b')] }]), [
    { test: 'b', runs: [1, 3], error: 'b broke' },
    { test: 'a', runs: [1], error: 'a broke' },
  ]);
});
