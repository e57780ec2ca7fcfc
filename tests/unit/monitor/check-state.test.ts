import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { CHECK_OBJECTIVES, checkState, p95, type StateInputs } from '../../../monitor/check-state.ts';

const base: StateInputs = {
  last: { success: true, degraded: false },
  probes: 30,
  successes: 30,
  slow: 0,
  degradedMs: 1000,
  objective: 0.999,
};

describe('checkState', () => {
  const CASES: { name: string; inputs: Partial<StateInputs>; state: string; why?: RegExp }[] = [
    { name: 'no probe yet', inputs: { last: undefined, probes: 0, successes: 0 }, state: 'PENDING' },
    { name: 'all well', inputs: {}, state: 'UP' },
    { name: 'the latest probe failed', inputs: { last: { success: false, degraded: false }, successes: 29 }, state: 'DOWN' },
    {
      name: 'the latest probe was slow',
      inputs: { last: { success: true, degraded: true }, slow: 1 },
      state: 'DEGRADED',
      why: /^last probe over 1000 ms$/,
    },
    { name: '1 slow of 30 (p95 still under)', inputs: { slow: 1 }, state: 'UP' },
    {
      name: '2 slow of 30 (p95 over)',
      inputs: { slow: 2 },
      state: 'DEGRADED',
      why: /^p95 over 1000 ms in 15 min \(2 of 30\)$/,
    },
    {
      name: 'one failure in 30 is under 99.9%',
      inputs: { successes: 29 },
      state: 'DEGRADED',
      why: /^96\.6% in 15 min, under 99\.9%$/,
    },
    { name: '999 of 1000 meets 99.9%', inputs: { probes: 1000, successes: 999 }, state: 'UP' },
    { name: 'an empty window with a good last probe', inputs: { probes: 0, successes: 0 }, state: 'UP' },
  ];
  for (const c of CASES) {
    test(`${c.name} → ${c.state}`, () => {
      const v = checkState({ ...base, ...c.inputs });
      assert.equal(v.state, c.state);
      if (c.why) assert.match(v.why ?? '', c.why);
      if (c.state === 'UP' || c.state === 'PENDING') assert.equal(v.why, undefined);
    });
  }
});

test('p95: nearest rank', () => {
  assert.equal(p95([]), null);
  assert.equal(p95([7]), 7);
  assert.equal(p95(Array.from({ length: 100 }, (_, i) => i + 1)), 95);
  assert.equal(p95(Array.from({ length: 20 }, (_, i) => 20 - i)), 19);
});

test('the objectives are the SLO spec’s (monitor/slo/trackers.slo.yml)', () => {
  const spec = parse(readFileSync(new URL('../../../monitor/slo/trackers.slo.yml', import.meta.url), 'utf8')) as {
    slos: { name: string; objective: number }[];
  };
  const objective = (name: string) => Math.round(spec.slos.find((s) => s.name === name)!.objective * 1000) / 100_000;
  assert.equal(CHECK_OBJECTIVES.trackers, objective('trackers-availability'));
  assert.equal(CHECK_OBJECTIVES.not_found, objective('not-found-availability'));
  assert.equal(CHECK_OBJECTIVES.auth, 1, 'no SLO: any failure in the window is DEGRADED');
});
