// The SLO report's arithmetic on hand-made series: the fleet's view of a step, the budget, incidents
// (bridging steps without probes, ended by a recovery or an excluded step, with their main reason),
// excluded windows and the burn-down. tests/prometheus/slo-report.test.ts runs it on a real Prometheus.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  budgetArithmetic,
  buildReport,
  excludedSteps,
  fleetStep,
  incidentsOf,
  sloRows,
  type ExcludedWindow,
  type LocationCounts,
  type StepGrid,
  type TargetCounts,
} from '../../../../monitor/slo/report.ts';
import { stepGrid } from '../../../../monitor/slo/report-fetch.ts';
import type { SloSpecObjective } from '../../../../src/types.generated.ts';

const T0 = Date.UTC(2025, 10, 1) / 1000;
/** Ten steps of a minute from T0. */
const GRID: StepGrid = stepGrid(T0, T0 + 600, 60);
const min = (m: number) => T0 + 60 * m;

const slo = (objective: number): SloSpecObjective => ({
  name: 'trackers-availability',
  objective,
  sli: { events: { error_query: 'e[{{.window}}]', total_query: 't[{{.window}}]' } },
  alerting: { name: 'A' },
});

const loc = (bad: ArrayLike<number>, total: ArrayLike<number>): LocationCounts => ({ bad, total });
const target = (locations: Record<string, LocationCounts>, reasons: Record<string, number[]> = {}): TargetCounts => ({
  locations: new Map(Object.entries(locations)),
  reasons: new Map(Object.entries(reasons)),
});
const steps = (bad: number[], total: number[], excluded: boolean[] = bad.map(() => false)) =>
  bad.map((b, i) => ({ bad: b, total: total[i]!, excluded: excluded[i]! }));

describe('the fleet’s view of a step', () => {
  test('one location: its own counts, exactly', () => {
    assert.deepEqual(fleetStep([loc([3], [7])], 0), { bad: 3, total: 7 });
  });
  test('two locations: the smaller bad ratio (one location’s trouble spends nothing), over their mean probes', () => {
    assert.deepEqual(fleetStep([loc([2], [2]), loc([0], [2])], 0), { bad: 0, total: 2 });
    assert.deepEqual(fleetStep([loc([1], [2]), loc([2], [2])], 0), { bad: 1, total: 2 });
  });
  test('three locations: the median ratio; four: the mean of the middle two, as quantile(0.5)', () => {
    assert.deepEqual(fleetStep([loc([2], [2]), loc([0], [2]), loc([1], [2])], 0), { bad: 1, total: 2 });
    assert.deepEqual(fleetStep([loc([4], [4]), loc([0], [4]), loc([1], [4]), loc([3], [4])], 0), { bad: 2, total: 4 });
  });
  test('a location without probes in the step is not asked; none at all: no step', () => {
    assert.deepEqual(fleetStep([loc([1], [1]), loc([0], [0])], 0), { bad: 1, total: 1 });
    assert.equal(fleetStep([loc([0], [0])], 0), undefined);
  });
  test('bad is held within [0, total] (a latency SLI of buckets that moved apart)', () => {
    assert.deepEqual(fleetStep([loc([5], [2])], 0), { bad: 2, total: 2 });
    assert.deepEqual(fleetStep([loc([-1], [2])], 0), { bad: 0, total: 2 });
  });
});

describe('budget arithmetic', () => {
  test('99.9% of 43,200 probes allows 43.2 bad ones: 35 spend 81.02%, leaving 18.98%', () => {
    const b = budgetArithmetic(99.9, 43_200, 35);
    assert.equal(b.budgetProbes, 43.2);
    assert.equal(b.budgetSpent, Number((35 / 43.2).toPrecision(12)));
    assert.equal(b.budgetRemaining, Number((1 - 35 / 43.2).toPrecision(12)));
    assert.equal(b.sli, Number((100 * (1 - 35 / 43_200)).toPrecision(12)));
    assert.equal(b.verdict, 'met');
  });
  test('exactly the objective is met (no float noise: 1 − 0.999 is 0.001 here); one more bad probe misses it', () => {
    assert.deepEqual(budgetArithmetic(99.9, 1000, 1), {
      sli: 99.9,
      budgetProbes: 1,
      budgetSpent: 1,
      budgetRemaining: 0,
      verdict: 'met',
    });
    const over = budgetArithmetic(99.9, 1000, 2);
    assert.equal(over.budgetRemaining, -1);
    assert.equal(over.verdict, 'missed');
  });
  test('no probes: nothing to judge', () => {
    assert.deepEqual(budgetArithmetic(99, 0, 0), {
      sli: null,
      budgetProbes: 0,
      budgetSpent: null,
      budgetRemaining: null,
      verdict: 'no_data',
    });
  });
});

describe('incidents from a series', () => {
  test('each stretch of bad steps, from its first step’s start to its last step’s end, with the bad probes', () => {
    const inc = incidentsOf(GRID, steps([0, 1, 1, 0, 0, 2, 0, 0, 0, 1], Array(10).fill(2)), new Map());
    assert.deepEqual(
      inc.map((i) => [i.start, i.end, i.durationSeconds, i.badProbes]),
      [
        [min(1), min(3), 120, 2],
        [min(5), min(6), 60, 2],
        // Open at the period's end: it ends there.
        [min(9), min(10), 60, 1],
      ],
    );
  });
  test('a step without probes neither starts nor ends one; an excluded step ends it', () => {
    const bridged = incidentsOf(GRID, steps([1, 0, 1, 0, 0, 0, 0, 0, 0, 0], [1, 0, 1, 1, 1, 1, 1, 1, 1, 1]), new Map());
    assert.deepEqual(
      bridged.map((i) => [i.start, i.end, i.badProbes]),
      [[min(0), min(3), 2]],
    );
    const cut = incidentsOf(
      GRID,
      steps([1, 1, 1, 0, 0, 0, 0, 0, 0, 0], Array(10).fill(1), [false, true, false, ...Array(7).fill(false)]),
      new Map(),
    );
    assert.deepEqual(
      cut.map((i) => [i.start, i.end, i.badProbes]),
      [
        [min(0), min(1), 1],
        [min(2), min(3), 1],
      ],
    );
  });
  test('main reason: the one that counted most failures over the stretch (ties: by name); none when no probe failed', () => {
    const reasons = new Map([
      ['timeout', [3, 1, 0, 0, 0, 0, 0, 0, 0, 0]],
      ['connect_error', [0, 2, 0, 0, 0, 0, 0, 0, 0, 0]],
      ['http_5xx', [0, 0, 0, 0, 1, 0, 0, 0, 0, 0]],
      ['dns_error', [0, 0, 0, 0, 1, 0, 0, 0, 0, 0]],
    ]);
    const inc = incidentsOf(GRID, steps([3, 3, 0, 0, 2, 0, 0, 1, 0, 0], Array(10).fill(3)), reasons);
    assert.deepEqual(
      inc.map((i) => [i.reason, i.reasons]),
      [
        ['timeout', { timeout: 4, connect_error: 2 }],
        ['dns_error', { http_5xx: 1, dns_error: 1 }],
        // Slow probes only (a latency SLI): bad, but no failure to name.
        [null, {}],
      ],
    );
  });
});

describe('excluded windows', () => {
  const w = (start: number, end: number, targets?: string[]): ExcludedWindow => ({
    name: 'w',
    start,
    end,
    ...(targets ? { targets } : {}),
  });
  test('a step is out when the window overlaps it at all; [start, end) so a window ending at a step’s start spares it', () => {
    // Steps end at min(1)…min(10); step i is (min(i), min(i + 1)].
    assert.deepEqual(
      excludedSteps(GRID, 'eu', [w(min(2) + 30, min(4))])
        .map((x, i) => (x ? i : -1))
        .filter((i) => i >= 0),
      [2, 3],
    );
  });
  test('only for the targets it names; all when it names none', () => {
    assert.ok(excludedSteps(GRID, 'eu', [w(min(0), min(1), ['us'])]).every((x) => !x));
    assert.ok(excludedSteps(GRID, 'eu', [w(min(0), min(1), ['us', 'eu'])])[0]);
    assert.ok(excludedSteps(GRID, 'eu', [w(min(0), min(1))])[0]);
  });
  test('an outage entirely inside a window spends no budget and is no incident; the same outage outside it does both', () => {
    const counts = new Map([['eu', target({ '': loc([0, 0, 1, 1, 0, 0, 0, 0, 0, 0], Array(10).fill(100)) })]]);
    const window: ExcludedWindow = { name: 'db-upgrade', reason: 'upgrade', targets: ['eu'], start: min(2), end: min(4) };
    const [inside] = sloRows({ grid: GRID, windows: [window], slos: [{ slo: slo(99), counts }] });
    assert.equal(inside!.probes, 800);
    assert.equal(inside!.badProbes, 0);
    assert.equal(inside!.budgetRemaining, 1);
    assert.deepEqual(inside!.incidents, []);
    assert.equal(inside!.excludedSeconds, 120);
    assert.deepEqual(inside!.excluded, [window]);
    const [outside] = sloRows({
      grid: GRID,
      windows: [{ ...window, start: min(6), end: min(8) }],
      slos: [{ slo: slo(99), counts }],
    });
    assert.equal(outside!.badProbes, 2);
    assert.equal(outside!.budgetRemaining, Number((1 - 2 / 8).toPrecision(12)));
    assert.equal(outside!.incidents.length, 1);
  });
  test('a window is listed clipped to the period', () => {
    const counts = new Map([['eu', target({ '': loc(Array(10).fill(0), Array(10).fill(1)) })]]);
    const [row] = sloRows({
      grid: GRID,
      windows: [{ name: 'long', start: min(-60), end: min(3) }],
      slos: [{ slo: slo(99), counts }],
    });
    assert.deepEqual(row!.excluded, [{ name: 'long', start: min(0), end: min(3) }]);
    assert.equal(row!.excludedSeconds, 180);
  });
});

describe('rows and the report', () => {
  test('one row per SLO and target, in the spec’s order; an SLO without series is a row without data', () => {
    const counts = new Map([
      ['us', target({ a: loc(Array(10).fill(0), Array(10).fill(1)) })],
      ['eu', target({ a: loc(Array(10).fill(0), Array(10).fill(1)) })],
    ]);
    const rows = sloRows({
      grid: GRID,
      windows: [],
      slos: [
        { slo: slo(99), counts },
        { slo: { ...slo(99.9), name: 'not-found-availability' }, counts: new Map() },
      ],
    });
    assert.deepEqual(
      rows.map((r) => [r.name, r.target, r.verdict, r.locations]),
      [
        ['trackers-availability', 'eu', 'met', ['a']],
        ['trackers-availability', 'us', 'met', ['a']],
        ['not-found-availability', null, 'no_data', []],
      ],
    );
  });
  test('the verdict: missed when any SLO missed, met when any was judged, else no data', () => {
    const ok = new Map([['eu', target({ '': loc(Array(10).fill(0), Array(10).fill(1)) })]]);
    const bad = new Map([['eu', target({ '': loc(Array(10).fill(1), Array(10).fill(1)) })]]);
    const about = { service: 's', spec: 'f', prometheus: 'p', inProgress: false };
    const verdict = (...c: Map<string, TargetCounts>[]) =>
      buildReport(about, { grid: GRID, windows: [], slos: c.map((counts) => ({ slo: slo(99), counts })) }).verdict;
    assert.equal(verdict(ok, bad), 'missed');
    assert.equal(verdict(ok, new Map()), 'met');
    assert.equal(verdict(new Map()), 'no_data');
  });
  test('the burn-down starts at 100%, falls with each bad probe against the whole period’s budget, ends at what remains', () => {
    const counts = new Map([['eu', target({ '': loc([0, 1, 0, 0, 0, 0, 0, 0, 1, 0], Array(10).fill(20)) })]]);
    const [row] = sloRows({ grid: GRID, windows: [], slos: [{ slo: slo(99), counts }] });
    // The budget: 1% of 200 probes, 2 bad ones.
    assert.deepEqual(row!.burnDown, [
      [min(0), 1],
      [min(1), 1],
      [min(2), 0.5],
      ...[3, 4, 5, 6, 7, 8].map((m) => [min(m), 0.5]),
      [min(9), 0],
      [min(10), 0],
    ]);
    assert.equal(row!.budgetRemaining, 0);
  });
  test('a long period’s burn-down is sampled to at most 600 points, its last the period’s end', () => {
    const grid = stepGrid(T0, T0 + 43_200 * 60, 60);
    const zeros = new Float64Array(43_200);
    const ones = new Float64Array(43_200).fill(1);
    const [row] = sloRows({
      grid,
      windows: [],
      slos: [{ slo: slo(99), counts: new Map([['eu', target({ '': loc(zeros, ones) })]]) }],
    });
    assert.ok(row!.burnDown.length <= 601, String(row!.burnDown.length));
    assert.deepEqual(row!.burnDown.at(-1), [grid.to, 1]);
  });
});
