// The gate's summary reporter judges the run with exitCodeFor (src/exit-code.ts) and writes the code to
// verdict.json, which cli/gate.ts returns. Fed the calls Playwright makes, in process: a whole gate
// run per case would cost seconds and say nothing more about this rule.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { FullConfig, FullResult, Suite, TestCase, TestResult } from '@playwright/test/reporter';
import SummaryReporter from '../../../../gate/support/summary-reporter.ts';

const dir = mkdtempSync(join(tmpdir(), 'summary-reporter-'));
after(() => rmSync(dir, { recursive: true, force: true }));

type Status = TestResult['status'];
interface FakeTest {
  status: Status;
  /** The verdicts the test's checks recorded (gate/support/gate.ts recordVerdict). */
  checks: { verdict: string; answered: boolean }[];
}

let runs = 0;
/** One run: what the reporter printed last and what it wrote. */
function run(tests: FakeTest[], status: FullResult['status']): { line: string; verdict: string; exitCode: number } {
  const verdictFile = join(dir, `verdict-${++runs}.json`);
  const reporter = new SummaryReporter({ verdictFile });
  const cases = tests.map(
    (t) =>
      ({
        annotations: t.checks.map((c) => ({ type: 'verdict', description: JSON.stringify({ check: 'trackers', ...c }) })),
        parent: { project: () => ({ name: 'host' }) },
      }) as unknown as TestCase,
  );
  let printed = '';
  const write = process.stdout.write;
  // Swapped for the synchronous calls only: the reporter prints its summary, which is what is judged here.
  process.stdout.write = ((chunk: string) => ((printed += chunk), true)) as typeof process.stdout.write;
  try {
    reporter.onBegin({} as FullConfig, { allTests: () => cases } as unknown as Suite);
    cases.forEach((c, i) => reporter.onTestEnd(c, { status: tests[i]!.status } as TestResult));
    reporter.onEnd({ status } as FullResult);
  } finally {
    process.stdout.write = write;
  }
  const written = JSON.parse(readFileSync(verdictFile, 'utf8')) as { verdict: string; exitCode: number };
  return { line: printed.trim().split('\n').at(-1)!.trim(), verdict: written.verdict, exitCode: written.exitCode };
}

const passed = (n = 1): FakeTest => ({
  status: 'passed',
  checks: Array.from({ length: n }, () => ({ verdict: 'pass', answered: true })),
});
const noAnswer: FakeTest = { status: 'failed', checks: [{ verdict: 'inconclusive', answered: false }] };
const broken: FakeTest = { status: 'failed', checks: [{ verdict: 'fail', answered: true }] };

describe('the gate summary: verdict line and exit code', () => {
  const cases: [string, FakeTest[], FullResult['status'], string, number][] = [
    ['every check passed', [passed(), passed(2)], 'passed', 'gate: PASSED', 0],
    ['a check broke the contract', [passed(), broken], 'failed', 'gate: FAILED', 1],
    ['nothing answered', [noAnswer, noAnswer], 'failed', 'gate: INCONCLUSIVE (no request got an HTTP answer)', 3],
    ['no answer beside a pass: an answer came', [passed(), noAnswer], 'failed', 'gate: FAILED', 1],
    ['a test failed without a check verdict', [noAnswer, { status: 'timedOut', checks: [] }], 'failed', 'gate: FAILED', 1],
    [
      'a test failed although its check passed',
      [{ status: 'failed', checks: [{ verdict: 'pass', answered: true }] }],
      'failed',
      'gate: FAILED',
      1,
    ],
    ['no test matched the filter', [], 'passed', 'gate: INCONCLUSIVE (no test matched: nothing was judged)', 3],
    ['the run failed before any test (the sandbox did not start)', [], 'failed', 'gate: FAILED', 1],
    ['every test passed but the run failed (a global error)', [passed()], 'failed', 'gate: FAILED', 1],
  ];
  for (const [name, tests, status, line, exitCode] of cases) {
    test(`${name}: "${line}", exit ${exitCode}`, () => {
      const r = run(tests, status);
      assert.equal(r.line, line);
      assert.equal(r.exitCode, exitCode);
      assert.equal(r.verdict, { 0: 'pass', 1: 'fail', 3: 'inconclusive' }[exitCode]);
    });
  }
});
