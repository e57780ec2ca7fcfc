import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createStatusHistory } from '../../../monitor/status-history.ts';
import { euProbe, testTarget } from './helpers.ts';

const MINUTE = 60_000;

describe('status history: the 15-minute and 1-hour windows', () => {
  test('count probes per minute, forget what is over an hour old, and empty as time passes', () => {
    let now = Date.UTC(2026, 0, 2, 12, 0, 0);
    const history = createStatusHistory([testTarget('eu')], { version: 'x', now: () => now });
    // Two hours of one probe a minute; a failure every tenth minute.
    for (let i = 0; i < 120; i++) {
      now = Date.UTC(2026, 0, 2, 12, 0, 0) + i * MINUTE;
      history.add({ ...euProbe('m', i % 10 !== 0), startedAt: now });
    }
    let c = history.summary().targets[0]!.checks[0]!;
    assert.deepEqual(c.last15m, { probes: 15, successes: 14 }, 'minutes 105..119: one failure, at 110');
    assert.deepEqual(c.last1h, { probes: 60, successes: 54 });
    assert.equal(c.probes, 120, 'since start: every probe');
    assert.equal(c.state, 'DEGRADED');
    now += 20 * MINUTE;
    c = history.summary().targets[0]!.checks[0]!;
    assert.deepEqual(c.last15m, { probes: 0, successes: 0 }, 'a quiet check’s window empties');
    assert.deepEqual(c.last1h, { probes: 40, successes: 36 });
    assert.equal(c.state, 'UP', 'the last probe passed and nothing is left in the window');
  });

  test('memory stays bounded: 10,000 probes keep at most the capacity of points', () => {
    const history = createStatusHistory([testTarget('eu')], { version: 'x', capacity: 50 });
    const start = Date.now() - 10_000 * 1000;
    for (let i = 0; i < 10_000; i++) history.add({ ...euProbe('m', true), startedAt: start + i * 1000 });
    const detail = history.target('eu')!.targets[0]!.checks[0]!;
    assert.equal(detail.recent.length, 50);
    assert.ok(JSON.stringify(history.summary()).length < 2000);
  });

  test('the last failure keeps its reason and the first broken field; the summary leaves the message out', () => {
    const history = createStatusHistory([testTarget('eu')], { version: 'x' });
    history.add({
      ...euProbe('HTTP 200, schema: $.data[0].id [type]'),
      reason: 'schema_violation',
      errors: [
        { path: '$.data[0].id', rule: 'type', message: 'm' },
        { path: '$.data[1].id', rule: 'type', message: 'm' },
      ],
    });
    const row = history.summary().targets[0]!.checks[0]!;
    // The same rule in two trackers: the field is its pattern, as the message groups it (src/group-findings.ts).
    assert.deepEqual({ ...row.lastFailure, at: 0 }, { at: 0, reason: 'schema_violation', field: '$.data[*].id' });
    assert.equal(history.target('eu')!.targets[0]!.checks[0]!.lastFailure?.message, 'HTTP 200, schema: $.data[0].id [type]');
    assert.equal(history.target('nope'), undefined);
    assert.deepEqual(history.stateOf('eu', 'trackers')?.state, 'DOWN');
  });
});
