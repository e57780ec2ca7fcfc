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
  checks: { verdict: string; answered: boolean; check?: string; reason?: string; message?: string; findings?: string[] }[];
  title?: string;
  project?: string;
  /** test.skip(condition, reason) */
  skip?: string;
  /** The check-result.json attachments (gate/support/gate.ts expectCheck). */
  results?: object[];
}

let runs = 0;
/** One run: what the reporter printed last and what it wrote. */
function run(
  tests: FakeTest[],
  status: FullResult['status'],
): { line: string; verdict: string; exitCode: number; printed: string; checkResults: unknown } {
  const verdictFile = join(dir, `verdict-${++runs}.json`);
  const checkResultFile = join(dir, `check-result-${runs}.json`);
  const reporter = new SummaryReporter({ verdictFile, checkResultFile });
  const cases = tests.map(
    (t) =>
      ({
        title: t.title ?? 'a test',
        annotations: [
          ...t.checks.map((c) => ({ type: '_verdict', description: JSON.stringify({ check: 'trackers', ...c }) })),
          ...(t.skip ? [{ type: 'skip', description: t.skip }] : []),
        ],
        parent: { project: () => ({ name: t.project ?? 'sandbox' }) },
      }) as unknown as TestCase,
  );
  let printed = '';
  const write = process.stdout.write;
  // Swapped for the synchronous calls only: the reporter prints its summary, which is what is judged here.
  process.stdout.write = ((chunk: string) => ((printed += chunk), true)) as typeof process.stdout.write;
  try {
    reporter.onBegin({} as FullConfig, { allTests: () => cases } as unknown as Suite);
    cases.forEach((c, i) => {
      const attachments = (tests[i]!.results ?? []).map((r) => ({
        name: 'check-result.json',
        contentType: 'application/json',
        body: Buffer.from(JSON.stringify(r)),
      }));
      reporter.onTestEnd(c, { status: tests[i]!.status, attachments } as unknown as TestResult);
    });
    reporter.onEnd({ status } as FullResult);
  } finally {
    process.stdout.write = write;
  }
  const written = JSON.parse(readFileSync(verdictFile, 'utf8')) as { verdict: string; exitCode: number };
  const checkResults: unknown = JSON.parse(readFileSync(checkResultFile, 'utf8'));
  return {
    line: printed.trim().split('\n').at(-1)!.trim(),
    verdict: written.verdict,
    exitCode: written.exitCode,
    printed,
    checkResults,
  };
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

describe('the gate summary: the verdict block', () => {
  const findings = [
    '$.data[*].id [type] must be integer: 97 of 97 trackers, first seen "9737"',
    '$.data[3].name [required] is required',
  ];
  const trackers: FakeTest = {
    status: 'failed',
    title: 'the contract',
    checks: [
      { verdict: 'fail', answered: true, reason: 'schema_violation', message: 'HTTP 200: 98 contract violation(s)', findings },
    ],
    results: [{ check: 'trackers', errors: [{ path: '$.data[0].id' }], warnings: [] }],
  };
  const auth: FakeTest = {
    status: 'passed',
    checks: [{ check: 'auth', verdict: 'pass', answered: true, message: 'every request was refused (4 attempts)' }],
    results: [{ check: 'auth', errors: [], warnings: [] }],
  };
  const skipped: FakeTest = { status: 'skipped', title: 'latency sample', checks: [], skip: 'the trackers check does not pass' };

  test('one line per check, a failure with its groups under it, a skip with its reason; check-result.json has every result', () => {
    const r = run([auth, trackers, skipped], 'failed');
    const block = r.printed.slice(r.printed.indexOf('  verdict'));
    assert.equal(
      block,
      [
        '  verdict (sandbox):',
        '    pass  auth      every request was refused (4 attempts)',
        '    FAIL  trackers  schema_violation:',
        `            ${findings[0]}`,
        `            ${findings[1]}`,
        '    skip  latency sample: the trackers check does not pass',
        '  gate: FAILED',
        '',
      ].join('\n'),
    );
    assert.deepEqual(r.checkResults, {
      checks: [
        { project: 'sandbox', test: 'a test', result: auth.results![0] },
        { project: 'sandbox', test: 'the contract', result: trackers.results![0] },
      ],
    });
  });

  test('several targets: each line names its project', () => {
    const r = run(
      [
        { ...auth, project: 'eu.example' },
        { ...trackers, project: 'us.example' },
      ],
      'failed',
    );
    assert.match(r.printed, /^ {2}verdict:\n {4}\[eu\.example\] pass {2}auth /m);
    assert.match(r.printed, /^ {4}\[us\.example\] FAIL {2}trackers {2}schema_violation:$/m);
  });

  test('more groups than the block shows: the first five, then where the rest are', () => {
    const many = Array.from({ length: 6 }, (_, i) => `$.f${i} [type] m`);
    const r = run([{ ...trackers, checks: [{ ...trackers.checks[0]!, findings: many }] }], 'failed');
    assert.match(r.printed, /\$\.f4 \[type\] m\n {12}… more in check-result\.json\n/);
    assert.doesNotMatch(r.printed, /\$\.f5/);
  });
});
