import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CheckState } from '../../../monitor/check-state.ts';
import {
  DEFAULT_FLAP_THRESHOLDS,
  FLAP_HISTORY_STATES,
  createFlapDetector,
  percentStateChange,
} from '../../../monitor/flapping.ts';
import { Registry } from 'prom-client';
import { recordProbe } from '../../../monitor/loop.ts';
import { METRIC_NAMES, createMetrics } from '../../../monitor/metrics.ts';
import { createStateLog } from '../../../monitor/state-log.ts';
import { createStatusHistory } from '../../../monitor/status-history.ts';
import { ManualClock } from '../../support/manual-clock.ts';
import { metricValue, probeOf, testTarget } from './helpers.ts';

const repeat = (n: number, f: (i: number) => CheckState): CheckState[] => Array.from({ length: n }, (_, i) => f(i));
const close = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} ≠ ${expected}`);

describe("Nagios' weighted percent state change", () => {
  test('no change is 0 %, a change at every probe 100 %: the weights average 1', () => {
    close(percentStateChange(repeat(21, () => 'UP')), 0);
    close(percentStateChange(repeat(21, (i) => (i % 2 ? 'DOWN' : 'UP'))), 100);
  });

  test('the oldest transition weighs 0.75, the newest 1.25, over 20 transitions', () => {
    const oldest = repeat(21, (i) => (i === 0 ? 'DOWN' : 'UP'));
    close(percentStateChange(oldest), (0.75 * 100) / 20);
    const newest = repeat(21, (i) => (i === 20 ? 'DOWN' : 'UP'));
    close(percentStateChange(newest), (1.25 * 100) / 20);
    // The 11th of 20 transitions: 0.75 + 10 × 0.5 / 19.
    const middle = repeat(21, (i) => (i >= 11 ? 'DOWN' : 'UP'));
    close(percentStateChange(middle), ((0.75 + (10 * 0.5) / 19) * 100) / 20);
  });

  test('only the last 21 states count; fewer are padded with the first (a young check is not flapping)', () => {
    const old = [...repeat(10, (i) => (i % 2 ? 'DOWN' : 'UP')), ...repeat(21, () => 'UP')];
    close(percentStateChange(old), 0);
    close(percentStateChange(['UP', 'DOWN']), (1.25 * 100) / 20);
    close(percentStateChange(['UP']), 0);
    close(percentStateChange([]), 0);
  });
});

describe('the flap detector: start at the high threshold, stop at the low one', () => {
  test('defaults 20 % / 30 %; PENDING is not a state it records', () => {
    assert.deepEqual(DEFAULT_FLAP_THRESHOLDS, { lowPercent: 20, highPercent: 30 });
    const d = createFlapDetector();
    assert.deepEqual(d.record('PENDING'), { flapping: false, percent: 0 });
    assert.equal(FLAP_HISTORY_STATES, 21);
  });

  test('hysteresis: between the thresholds it keeps what it was; each edge is reported once', () => {
    const d = createFlapDetector({ lowPercent: 20, highPercent: 30 });
    const seen: Array<{ percent: number; flapping: boolean; change?: string }> = [];
    for (const s of repeat(8, (i) => (i % 2 ? 'DOWN' : 'UP'))) seen.push(d.record(s));
    // Changes 1..7 all newest so far: 7 changes at the newest weights ≈ 41 %.
    const started = seen.findIndex((x) => x.change === 'started');
    assert.ok(started > 0, 'started');
    assert.ok(seen[started]!.percent >= 30 && seen[started - 1]!.percent < 30, 'at the high threshold, not before');
    assert.equal(seen.filter((x) => x.change).length, 1);
    // Steady: the changes age and scroll out; it stays FLAPPING while over 20 %.
    const after: typeof seen = [];
    for (let i = 0; i < 21; i++) after.push(d.record('UP'));
    const stopped = after.findIndex((x) => x.change === 'stopped');
    assert.ok(stopped > 0, 'stopped');
    assert.ok(after[stopped]!.percent <= 20 && after[stopped - 1]!.percent > 20, 'at the low threshold, not before');
    assert.ok(
      after.slice(0, stopped).every((x) => x.flapping),
      'still flapping until the low threshold',
    );
    assert.ok(
      after.slice(0, stopped).some((x) => x.percent < 30),
      'including between the thresholds',
    );
    assert.equal(after.filter((x) => x.change).length, 1);
    assert.deepEqual(d.current(), { flapping: false, percent: 0 });
  });

  test('a single outage (UP → DOWN → DEGRADED) is no flapping', () => {
    const d = createFlapDetector();
    const states: CheckState[] = [...repeat(10, () => 'UP'), 'DOWN', 'DOWN', ...repeat(20, () => 'DEGRADED')];
    assert.ok(states.map((s) => d.record(s)).every((x) => !x.flapping && x.percent <= 12.5));
  });
});

/**
 * The run: probes every 2 s, 30 % of them failing (a fixed pattern, so the test is exact), for
 * 3 minutes, then stable. The state is the monitor's own (UP, DEGRADED, DOWN from status-history.ts),
 * time the ManualClock's.
 */
function flappingRun(flapping?: { lowPercent: number; highPercent: number }) {
  const clock = new ManualClock();
  const history = createStatusHistory([testTarget('eu', {}, flapping ? { flapping } : {})], {
    version: 'x',
    now: () => clock.epochMs(),
  });
  const lines: string[] = [];
  const log = createStateLog({ history, log: (l) => lines.push(l), summaries: false });
  const changes: string[] = [];
  const flapLog: boolean[] = [];
  let before = 'PENDING';
  const probe = (fail: boolean) => {
    const r = probeOf({
      startedAt: clock.epochMs(),
      durationMs: 20,
      ...(fail ? { reason: 'http_5xx', status: 503, message: 'HTTP 503' } : {}),
    });
    history.add(r);
    log.onResult(r);
    const now = history.stateOf('eu', 'trackers')!;
    if (now.state !== before && before !== 'PENDING') changes.push(`${before} → ${now.state}`);
    before = now.state;
    flapLog.push(now.flapping);
    clock.advance(2000);
  };
  const PATTERN = [true, false, false, true, false, false, true, false, false, false]; // 3 of 10 fail
  for (let i = 0; i < 30; i++) probe(false); // 1 minute UP
  const calm = lines.length;
  for (let i = 0; i < 90; i++) probe(PATTERN[i % PATTERN.length]!); // 3 minutes at 30 %
  const duringFlap = changes.length;
  for (let i = 0; i < 600; i++) probe(false); // 20 minutes stable: DEGRADED until the 15-min window is clean, then UP
  return { lines, changes, duringFlap, calm, flapLog, history };
}

describe('the log of a flapping check: one line when it starts, one when it stops', () => {
  test('30 % failures at 2 s probes: dozens of state changes, a handful of lines', () => {
    const { lines, changes, duringFlap, calm } = flappingRun();
    assert.equal(calm, 0, 'a fresh check turning UP is no news');
    // Before flap detection each of these was a line (the "every 2–4 s").
    assert.equal(duringFlap, 54);
    const flapLines = lines.filter((l) => / flapping=/.test(l));
    assert.equal(flapLines.length, 2);
    assert.match(
      flapLines[0]!,
      /^level=warn target=eu check=trackers flapping=started state=\w+ state_change_pct=[\d.]+ msg="flapping started: [\d.]+% state change over the last 21 probes; state changes are not logged until it stops"$/,
    );
    assert.match(
      flapLines[1]!,
      /^level=info target=eu check=trackers flapping=stopped state=DEGRADED state_change_pct=[\d.]+ msg="flapping stopped: [\d.]+% state change over the last 21 probes; now DEGRADED"$/,
    );
    const started = lines.indexOf(flapLines[0]!);
    const stopped = lines.indexOf(flapLines[1]!);
    assert.equal(stopped, started + 1, 'no state-change line while flapping');
    // The changes before it reached 30 %, and after it stopped the one real change: DEGRADED → UP once the window is clean.
    assert.equal(started, 5);
    assert.deepEqual(
      lines.slice(0, started).map((l) => /from=(\w+) to=(\w+)/.exec(l)!.slice(1).join(' → ')),
      changes.slice(0, started),
    );
    assert.deepEqual(
      lines.slice(stopped + 1).map((l) => /from=(\w+) to=(\w+)/.exec(l)?.slice(1).join(' → ')),
      ['DEGRADED → UP'],
    );
    assert.equal(changes.length, duringFlap + 1);
  });

  test('the status history says FLAPPING, with the percentage, and the summary row too', () => {
    const { flapLog, history } = flappingRun();
    const on = flapLog.indexOf(true);
    assert.ok(on > 30 && on < 60, `flapping from probe ${on}`);
    assert.equal(flapLog.lastIndexOf(true) < 150, true, 'stopped soon after the failures stopped');
    const row = history.summary().targets[0]!.checks.find((c) => c.check === 'trackers')!;
    assert.equal(row.flapping, false);
    assert.equal(row.stateChangePercent, 0);
  });

  test("the targets file's thresholds apply: at 80 % / 90 % the same run never flaps, and logs each change", () => {
    const { lines, changes, flapLog } = flappingRun({ lowPercent: 80, highPercent: 90 });
    assert.equal(flapLog.includes(true), false);
    assert.equal(lines.length, changes.length);
  });
});

test('the loop exports what the history judged: trackers_check_flapping turns 1 with FLAPPING, and back to 0', async () => {
  const targets = [testTarget('eu')];
  const registry = new Registry();
  const metrics = createMetrics({ registry, targets, version: 'x', defaultMetrics: false });
  const history = createStatusHistory(targets, { version: 'x' });
  const labels = { target: 'eu', check: 'trackers' };
  const values: number[] = [];
  for (let i = 0; i < 60; i++) {
    const fail = i >= 10 && i < 30 && i % 2 === 0;
    recordProbe(
      { metrics, history },
      probeOf({ startedAt: Date.UTC(2026, 0, 1) + i * 2000, ...(fail ? { reason: 'timeout' } : {}) }),
    );
    assert.equal(history.stateOf('eu', 'trackers')!.flapping ? 1 : 0, await metricValue(registry, METRIC_NAMES.flapping, labels));
    values.push((await metricValue(registry, METRIC_NAMES.flapping, labels))!);
  }
  assert.deepEqual([values[0], values.includes(1), values.at(-1)], [0, true, 0]);
});
