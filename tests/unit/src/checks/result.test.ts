// What the outputs derive from a check result (src/checks/result.ts), on a result of several requests:
// the monitor's metrics and history read these instead of storing them beside the verdict.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  answered,
  authRefreshed,
  bodySize,
  combine,
  decodedBodySize,
  durationMs,
  lastStep,
  passed,
  type CheckStep,
  type Reason,
} from '../../../../src/checks/result.ts';

function step(totalMs: number, status: number | undefined, reason?: Reason, refreshed = false): CheckStep {
  return {
    title: `GET with status ${status}`,
    path: '/v2/customers/1/trackers',
    status,
    timings: { startedAt: 0, totalMs },
    bodySize: status === undefined ? 0 : 100,
    decodedBodySize: status === undefined ? 0 : 400,
    authRefreshed: refreshed,
    verdict: reason === undefined ? 'pass' : reason === 'timeout' ? 'inconclusive' : 'fail',
    reason,
    message: reason ?? 'ok',
  };
}

test('several requests: durations and bodies add up, the last request gives the status', () => {
  const r = combine('auth', [step(10, 401, undefined, true), step(25, 403), step(5, undefined, 'timeout')], 'refused');
  assert.equal(passed(r), false);
  assert.equal(r.verdict, 'inconclusive');
  assert.equal(answered(r), true, 'two of the three got an answer');
  assert.equal(durationMs(r), 40);
  assert.equal(bodySize(r), 200);
  assert.equal(decodedBodySize(r), 800, 'what was judged, once decoded');
  assert.equal(lastStep(r)?.status, undefined, 'the last one timed out');
  assert.equal(authRefreshed(r), true, 'one request retried with a fresh token');
});

test('no answer at all, and no request at all', () => {
  const none = combine('auth', [step(30_000, undefined, 'timeout')], 'refused');
  assert.equal(answered(none), false);
  const empty = combine('bad_input', [], 'nothing sent');
  assert.equal(passed(empty), true);
  assert.equal(durationMs(empty), 0);
  assert.equal(lastStep(empty), undefined);
  assert.equal(answered(combine('trackers', [step(5, 200)], 'ok')), true);
});
