// npm test's closing line adds up every runner's summary: node:test's spec and TAP reporters
// and Playwright's, coloured or not, and nothing else that happens to hold a number.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countTests, formatTotals } from '../../../scripts/test-totals.ts';

const SPEC = '✔ returns 8015 for an unknown customer (1.2ms)\nℹ tests 12\nℹ suites 2\nℹ pass 11\nℹ fail 1\nℹ cancelled 0\n';
const TAP = 'ok 1 - a\n# tests 4\n# pass 4\n# fail 0\n';
const PLAYWRIGHT = 'Running 9 tests using 2 workers\n\n  2 failed\n    [api] › auth.spec.ts:3:1 › refuses\n  7 passed (4.1s)\n';

const CASES = [
  { name: 'a spec summary', output: SPEC, passed: 11, failed: 1 },
  { name: 'a TAP summary', output: TAP, passed: 4, failed: 0 },
  { name: "Playwright's summary", output: PLAYWRIGHT, passed: 7, failed: 2 },
  { name: 'every suite of a run, concatenated', output: SPEC + PLAYWRIGHT + TAP + SPEC, passed: 33, failed: 4 },
  { name: 'a coloured spec summary', output: '\x1b[34mℹ pass 5\x1b[39m\n\x1b[34mℹ fail 0\x1b[39m\n', passed: 5, failed: 0 },
  {
    name: 'numbers outside a summary line',
    output: '✔ ℹ pass 9 is a test name (1ms)\nrun-lanes: 3 passed (all)\ntests: 40 passed, 2 failed\nℹ passes 3\n',
    passed: 0,
    failed: 0,
  },
] as const;

for (const c of CASES) {
  test(`counts ${c.name}`, () => {
    assert.deepEqual(countTests(c.output), { passed: c.passed, failed: c.failed });
  });
}

test('the closing line is the one .ci/run prints', () => {
  assert.equal(formatTotals({ passed: 33, failed: 4 }), 'tests: 33 passed, 4 failed');
});
