// The one exit-code rule (src/exit-code.ts), on each kind of thing the commands judge: verdicts alone
// (validate, verify), recorded verdicts with whether an answer came (the gate), and check results.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CheckResult, CheckStep, Verdict } from '../../../src/checks/result.ts';
import { EXIT, exitCodeFor, runVerdict, type Judged } from '../../../src/exit-code.ts';
import * as library from '../../../src/index.ts';

function step(status: number | undefined, verdict: Verdict): CheckStep {
  return {
    title: 'GET /v2/customers/1/trackers',
    path: '/v2/customers/1/trackers',
    status,
    timings: { startedAt: 0, totalMs: 1 },
    bodySize: 0,
    decodedBodySize: 0,
    authRefreshed: false,
    verdict,
    message: '',
  };
}

function result(verdict: Verdict, steps: CheckStep[]): CheckResult {
  return { check: 'auth', verdict, message: '', errors: [], warnings: [], steps, degraded: false };
}

describe('exitCodeFor', () => {
  const cases: [string, Judged[], number][] = [
    ['every verdict passes: 0', ['pass', 'pass'], EXIT.pass],
    ['a failure among passes: 1', ['pass', 'fail'], EXIT.broken],
    ['nothing answered: 3', ['inconclusive', 'inconclusive'], EXIT.inconclusive],
    ['a pass beside no answer: an answer came, so 1', ['pass', 'inconclusive'], EXIT.broken],
    ['a failure beside no answer: 1', ['inconclusive', 'fail'], EXIT.broken],
    ['nothing judged (no test matched, no interaction): 3', [], EXIT.inconclusive],
    ['recorded verdicts: inconclusive without an answer: 3', [{ verdict: 'inconclusive', answered: false }], EXIT.inconclusive],
    [
      'recorded verdicts: inconclusive although a request of it was answered: 1',
      [{ verdict: 'inconclusive', answered: true }],
      EXIT.broken,
    ],
    [
      'recorded verdicts: a failure of our own, with no answer (probe_error): 1',
      [{ verdict: 'fail', answered: false }],
      EXIT.broken,
    ],
    ['check results: every step unanswered: 3', [result('inconclusive', [step(undefined, 'inconclusive')])], EXIT.inconclusive],
    [
      'check results: one step answered, one timed out: 1',
      [result('inconclusive', [step(401, 'pass'), step(undefined, 'inconclusive')])],
      EXIT.broken,
    ],
    ['check results: passed: 0', [result('pass', [step(401, 'pass')])], EXIT.pass],
  ];
  for (const [name, judged, code] of cases) {
    test(name, () => {
      assert.equal(exitCodeFor(judged), code);
      assert.equal(runVerdict(judged), { 0: 'pass', 1: 'fail', 3: 'inconclusive' }[code]);
    });
  }

  test('the library carries the same function and codes', () => {
    assert.equal(library.exitCodeFor, exitCodeFor);
    assert.equal(library.EXIT, EXIT);
  });
});
