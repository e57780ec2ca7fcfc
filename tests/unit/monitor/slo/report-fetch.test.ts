// How the report asks Prometheus, on a stand-in API that records the calls and answers from a
// formula: range queries of at most 10,000 points, the shorter last step as an instant query with
// its own offset, every answer's point put in its own step, the first failure stopping the rest.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ApiResult, InstantSample, PrometheusApi, RangeSeries } from '../../../../monitor/prometheus-api.ts';
import { collectCounts, fetchSloCounts, MAX_POINTS, stepGrid } from '../../../../monitor/slo/report-fetch.ts';
import type { SloQueries } from '../../../../monitor/slo/report-queries.ts';

const T0 = Date.UTC(2025, 10, 1) / 1000;
const QUERIES: SloQueries = {
  bad: (ms) => `bad ${ms}`,
  total: (ms) => `total ${ms}`,
  reasons: (ms) => `reasons ${ms}`,
  selectors: ['c'],
};

interface Call {
  kind: 'range' | 'instant';
  expr: string;
  start: number;
  end: number;
  step?: number;
}

/** Answers every point t: total 2, bad 1 on the even minutes, reason timeout on both locations. */
function fakeApi(fail?: (call: Call) => boolean, perHour = 241) {
  const calls: Call[] = [];
  const seriesFor = (expr: string, times: number[]): RangeSeries[] => {
    const v = (t: number) => (expr.startsWith('total') ? 2 : Math.round(t / 60) % 2 === 0 ? 1 : 0);
    if (expr.startsWith('reasons'))
      return ['a', 'b'].map((location) => ({
        metric: { target: 'eu', location, reason: 'timeout' },
        values: times.map((t) => [t, String(v(t))]),
      }));
    return [{ metric: { target: 'eu', location: 'a' }, values: times.map((t) => [t, String(v(t))]) }];
  };
  const api: PrometheusApi = {
    async query(expr, time) {
      const call: Call = { kind: 'instant', expr, start: time!, end: time! };
      calls.push(call);
      if (fail?.(call)) return { ok: false, kind: 'no_answer', reason: 'ECONNREFUSED' };
      if (expr.startsWith('max(')) return { ok: true, data: [{ metric: {}, value: [time!, String(perHour)] }] };
      const data: InstantSample[] = seriesFor(expr, [time!]).map((s) => ({ metric: s.metric, value: s.values[0]! }));
      return { ok: true, data } as ApiResult<InstantSample[]>;
    },
    async queryRange(expr, start, end, step) {
      const call: Call = { kind: 'range', expr, start, end, step };
      calls.push(call);
      if (fail?.(call)) return { ok: false, kind: 'server_error', reason: 'HTTP 503' };
      const times: number[] = [];
      for (let t = start; t <= end; t += step) times.push(t);
      return { ok: true, data: seriesFor(expr, times) };
    },
  };
  return { api, calls };
}

describe('the step grid', () => {
  test('whole steps from the start; a shorter last one ends at the period’s end', () => {
    assert.deepEqual(stepGrid(T0, T0 + 180, 60).ends, [T0 + 60, T0 + 120, T0 + 180]);
    assert.deepEqual(stepGrid(T0, T0 + 150, 60).ends, [T0 + 60, T0 + 120, T0 + 150]);
    assert.deepEqual(stepGrid(T0, T0 + 30, 60).ends, [T0 + 30]);
  });
});

describe('asking Prometheus for a month of 15-second steps', () => {
  // 30 days and 40 seconds: 172,802 whole steps and a last one of 10 s.
  const grid = stepGrid(T0, T0 + 30 * 86_400 + 40, 15);
  test('range queries of at most 10,000 points that meet end to end, and the short last step at its own offset', async () => {
    const { api, calls } = fakeApi();
    const r = await fetchSloCounts(api, grid, [QUERIES]);
    assert.ok(r.ok);
    const ranges = calls.filter((c) => c.kind === 'range' && c.expr.startsWith('bad'));
    assert.equal(ranges.length, Math.ceil(172_802 / MAX_POINTS));
    for (const [i, c] of ranges.entries()) {
      assert.equal(c.expr, 'bad 15000');
      assert.ok((c.end - c.start) / 15 + 1 <= MAX_POINTS);
      assert.equal(c.start, i === 0 ? T0 + 15 : ranges[i - 1]!.end + 15);
    }
    assert.equal(ranges.at(-1)!.end, T0 + 172_802 * 15);
    assert.deepEqual(
      calls.filter((c) => c.kind === 'instant').map((c) => [c.expr, c.start]),
      [
        ['bad 10000', grid.to],
        ['total 10000', grid.to],
        ['reasons 10000', grid.to],
      ],
    );
    // Every point in its own step: bad on every other 15-second step end that falls on an even minute, all totals 2.
    const counts = r.counts[0]!.get('eu')!;
    const a = counts.locations.get('a')!;
    assert.equal(a.total.length, grid.ends.length);
    assert.ok(Array.from(a.total).every((x) => x === 2));
    grid.ends.forEach((t, i) => assert.equal(a.bad[i], Math.round(t / 60) % 2 === 0 ? 1 : 0, `step ${i}`));
    // The reasons of both locations add up.
    assert.equal(counts.reasons.get('timeout')![3], 2 * a.bad[3]!);
  });
  test('the first failure is the answer, naming its query; no more queries start after it', async () => {
    const { api, calls } = fakeApi((c) => c.kind === 'range' && c.start > T0 + 15);
    const r = await fetchSloCounts(api, grid, [QUERIES]);
    assert.deepEqual(r, { ok: false, kind: 'server_error', reason: 'HTTP 503', query: 'bad 15000' });
    // The four already running end; nothing else starts.
    assert.ok(calls.length <= 4 + 1, String(calls.length));
  });
});

describe('the step from the samples', () => {
  test('detected: 241 samples an hour are 15 s', async () => {
    const { api } = fakeApi();
    const r = await collectCounts(api, [QUERIES], { from: T0, to: T0 + 3600 }, undefined);
    assert.ok(r.ok);
    assert.equal(r.grid.step, 15);
  });
  test('a year of 15 s scrapes grows to the first readable step within 600,000 steps', async () => {
    const { api, calls } = fakeApi(() => false);
    const year = { from: T0, to: T0 + 365 * 86_400 };
    const r = await collectCounts({ ...api, queryRange: async () => ({ ok: true, data: [] }) }, [QUERIES], year, undefined);
    assert.ok(r.ok);
    assert.equal(r.grid.step, 60);
    assert.equal(calls.length, 1);
  });
  test('no samples at all: a minute (the report then finds no probes)', async () => {
    const { api } = fakeApi(undefined, 0);
    const r = await collectCounts(
      { ...api, queryRange: async () => ({ ok: true, data: [] }) },
      [QUERIES],
      { from: T0, to: T0 + 3600 },
      undefined,
    );
    assert.ok(r.ok);
    assert.equal(r.grid.step, 60);
  });
});
