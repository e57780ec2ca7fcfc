// The scheduler's rules (start-to-start intervals ± jitter, the first probes' spread, one probe in
// flight per pair, stopping) on a manual clock with a stub probe: the test moves time, so a loaded
// machine cannot change which probe starts when. The loop against real sandboxes runs on the system
// clock, and waits for the results it needs, never for a time.
import assert from 'node:assert/strict';
import { setImmediate } from 'node:timers';
import { describe, test, type TestContext } from 'node:test';
import { Registry } from 'prom-client';
import type { TrackersClient } from '../../../src/client.ts';
import {
  firstDelayMs,
  nextDelayMs,
  probeAllOnce,
  startLoop,
  FIRST_PROBE_SPREAD_MS,
  type LoopOptions,
  type ProbeFn,
} from '../../../monitor/loop.ts';
import { METRIC_NAMES, createMetrics } from '../../../monitor/metrics.ts';
import type { Probe } from '../../../monitor/probe.ts';
import { createStatusHistory } from '../../../monitor/status-history.ts';
import type { TargetEntry } from '../../../monitor/targets.ts';
import { ManualClock } from '../../support/manual-clock.ts';
import { fakeProbe, metricValue, startSandbox, testTarget } from './helpers.ts';
import { clientFor } from '../../../src/client.ts';
import { warmUpValidator } from '../../../src/validate.ts';

const noClient = {} as TrackersClient;

/**
 * A stub probe on a manual clock. Each probe records its start (clock time) under "target/check" and
 * stays in flight until the test calls finish() for its pair, or ends at once when `ends(key)` says so.
 * A second start of a pair while its first is in flight is recorded as an overlap.
 */
function heldProbe(clock: ManualClock, ends: (key: string) => boolean = () => false) {
  const starts = new Map<string, number[]>();
  const inFlight = new Map<string, () => void>();
  const overlaps: string[] = [];
  const probe: ProbeFn = (_client, target, check) => {
    const key = `${target.name}/${check}`;
    if (inFlight.has(key)) overlaps.push(key);
    starts.set(key, [...(starts.get(key) ?? []), clock.now()]);
    if (ends(key)) return Promise.resolve(fakeProbe(target, check));
    return new Promise((resolve) =>
      inFlight.set(key, () => {
        inFlight.delete(key);
        resolve(fakeProbe(target, check));
      }),
    );
  };
  const finish = (key: string) => {
    const end = inFlight.get(key);
    assert.ok(end, `no ${key} probe in flight`);
    end();
  };
  const finishAll = () => [...inFlight.values()].forEach((end) => end());
  const count = (key: string) => starts.get(key)?.length ?? 0;
  return { probe, starts, inFlight, overlaps, finish, finishAll, count };
}

/**
 * Let the promise callbacks queued so far run (a probe's end re-arms its pair's timer in one). Not a
 * wait for time: every stub here settles in promise callbacks, all of which run before this resolves.
 */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Move the manual clock `ms` forward in steps of `stepMs`, letting the loop re-arm its timers after each. */
async function run(clock: ManualClock, ms: number, stepMs: number): Promise<void> {
  for (let t = 0; t < ms; t += stepMs) {
    clock.advance(Math.min(stepMs, ms - t));
    await settle();
  }
}

/** A queue of random() values, one per delay the loop draws, in the order it draws them. */
function draws(...values: number[]): () => number {
  return () => {
    const v = values.shift();
    assert.ok(v !== undefined, 'the loop drew more random numbers than the test planned');
    return v;
  };
}

/** Stop the loop when the test ends, even when an assertion failed first (its timers would keep the process up). */
function stopAfter(t: TestContext, loop: { stop(): Promise<void> }, before: () => void = () => {}): void {
  t.after(async () => {
    before();
    await loop.stop();
  });
}

function metricsFor(targets: TargetEntry[]) {
  const registry = new Registry();
  return { registry, metrics: createMetrics({ registry, targets, version: 'test', defaultMetrics: false }) };
}

/** startLoop on a manual clock with a held probe; stopped (every probe let go first) when the test ends. */
function clockedLoop(
  t: TestContext,
  targets: TargetEntry[],
  options: Partial<LoopOptions> & { ends?: (key: string) => boolean } = {},
) {
  const { ends, ...loopOptions } = options;
  const clock = new ManualClock();
  const probes = heldProbe(clock, ends);
  const { registry, metrics } = metricsFor(targets);
  const loop = startLoop({ targets, clientFor: () => noClient, metrics, probe: probes.probe, clock, ...loopOptions });
  stopAfter(t, loop, probes.finishAll);
  return { clock, probes, registry, loop };
}

describe('scheduling (on a manual clock)', () => {
  test('first probes: each pair at random() × the spread, which widens for a fleet to 100 starts a second', async (t) => {
    // Intervals of 30 s and more: interval × jitter is past FIRST_PROBE_SPREAD_MS, so the spread is 1 s.
    // The probes stay in flight: the test plans one random() draw per pair, and an ended probe would draw its next delay.
    const one = clockedLoop(t, [testTarget('a')], { jitter: 0.1, random: draws(0, 0.5, 0.999) });
    assert.equal(one.clock.pending(), 3, 'a timer per pair, no probe yet');
    assert.equal(one.probes.starts.size, 0);
    one.clock.advance(FIRST_PROBE_SPREAD_MS);
    assert.deepEqual(Object.fromEntries(one.probes.starts), { 'a/trackers': [0], 'a/not_found': [500], 'a/auth': [999] });

    // 200 targets × 3 checks = 600 pairs: over 6 s (600 / 100 a second), not 1 s.
    const fleet = Array.from({ length: 200 }, (_, i) => testTarget(`t${i}`));
    const wide = clockedLoop(t, fleet, { jitter: 0.1, random: () => 0.999 });
    wide.clock.advance(5993);
    assert.equal(wide.probes.starts.size, 0, 'none before 0.999 × 6000 ms');
    wide.clock.advance(1);
    assert.equal(wide.probes.starts.size, 600, 'all 600 pairs at 5994 ms');
    // A short interval bounds the spread: a 2 s interval spreads a pair over 0.2 s (interval × jitter).
    const short = clockedLoop(
      t,
      [testTarget('s', {}, { intervalSeconds: 2, notFoundIntervalSeconds: 2, authIntervalSeconds: 0 })],
      {
        jitter: 0.1,
        random: () => 0.5,
      },
    );
    short.clock.advance(100);
    assert.deepEqual(Object.fromEntries(short.probes.starts), { 's/trackers': [100], 's/not_found': [100] });
  });

  test('each start is interval × (1 ± jitter) after the previous start, however long the probe took', async (t) => {
    // trackers every second with 10 % jitter; the 8015 check hangs (it draws no number until it ends).
    const targets = [testTarget('a', {}, { intervalSeconds: 1, notFoundIntervalSeconds: 3600, authIntervalSeconds: 0 })];
    // First delays (trackers, not_found): 0 × spread; then trackers' next delays: 0 → 900 ms, 1 → 1100 ms, 0.5 → 1000 ms.
    const { clock, probes } = clockedLoop(t, targets, { jitter: 0.1, random: draws(0, 0, 0, 1, 0.5) });
    clock.advance(0);
    assert.deepEqual(probes.starts.get('a/trackers'), [0]);

    clock.advance(300);
    let armed = clock.nextTimer();
    probes.finish('a/trackers');
    assert.equal(await armed, 600, 'a 300 ms probe: the next start 900 ms after this one started');
    clock.advance(599);
    assert.equal(probes.count('a/trackers'), 1);
    clock.advance(1);
    assert.equal(probes.count('a/trackers'), 2, 'started at 900 ms (random 0: interval × 0.9)');

    armed = clock.nextTimer();
    probes.finish('a/trackers');
    assert.equal(await armed, 1100, 'random 1: interval × 1.1');
    clock.advance(1100);

    // A probe that outlasts its interval: no second one meanwhile, and the next starts as soon as it ends.
    clock.advance(1499);
    assert.equal(probes.count('a/trackers'), 3);
    assert.equal(clock.pending(), 0, 'no timer armed while each pair has a probe in flight');
    clock.advance(1);
    armed = clock.nextTimer();
    probes.finish('a/trackers');
    assert.equal(await armed, 0, 'the 1000 ms delay has passed 500 ms ago: at once');
    clock.advance(0);
    assert.deepEqual(probes.starts.get('a/trackers'), [0, 900, 2000, 3500]);
    assert.deepEqual(probes.starts.get('a/not_found'), [0]);
    assert.deepEqual(probes.overlaps, []);
  });

  test('one probe in flight per pair: a hanging target neither overlaps itself nor delays another', async (t) => {
    const fast = { intervalSeconds: 0.02, notFoundIntervalSeconds: 0.02, authIntervalSeconds: 0.02 };
    const targets = [testTarget('slow', {}, fast), testTarget('fast', {}, fast)];
    // random 0.5: every delay is the interval itself; the first ones are 0.5 × 2 ms (interval × jitter).
    const { clock, probes, registry, loop } = clockedLoop(t, targets, { random: () => 0.5, ends: (k) => k.startsWith('fast/') });
    await run(clock, 1000, 5);
    for (const check of ['trackers', 'not_found', 'auth']) {
      assert.equal(probes.count(`fast/${check}`), 50, `fast/${check}: started at 1, 21, …, 981 ms`);
      assert.equal(probes.count(`slow/${check}`), 1, `slow/${check}: still its first probe`);
    }
    assert.equal(loop.inFlight(), 3, "the slow target's three probes");
    assert.equal(clock.pending(), 3, "only the fast target's pairs have a timer armed");
    assert.equal(
      await metricValue(registry, METRIC_NAMES.probes, { target: 'fast', check: 'trackers', result: 'success' }),
      50,
      'every fast result recorded',
    );
    assert.equal(await metricValue(registry, METRIC_NAMES.probes, { target: 'slow', check: 'trackers', result: 'success' }), 0);

    // The slow probes end 999 ms after they started: the next ones are due already, so they start at once.
    for (const check of ['trackers', 'not_found', 'auth']) probes.finish(`slow/${check}`);
    await settle();
    clock.advance(0);
    for (const check of ['trackers', 'not_found', 'auth']) assert.equal(probes.count(`slow/${check}`), 2);
    assert.deepEqual(probes.overlaps, [], 'never two probes of one pair at once');
  });

  test('the existing-customer and 8015 checks run on their own intervals', async (t) => {
    const targets = [testTarget('a', {}, { intervalSeconds: 1, notFoundIntervalSeconds: 60, authIntervalSeconds: 300 })];
    const { clock, probes } = clockedLoop(t, targets, { jitter: 0, ends: () => true });
    await run(clock, 10 * 60_000, 500);
    // jitter 0: the first probes at 0, then exactly every interval, through the 600,000 ms run.
    assert.equal(probes.count('a/trackers'), 601);
    assert.equal(probes.count('a/not_found'), 11);
    assert.equal(probes.count('a/auth'), 3);
    assert.deepEqual(probes.starts.get('a/not_found')!.slice(0, 3), [0, 60_000, 120_000]);
  });

  test('jitter keeps every delay within interval × (1 ± jitter), and first probes within the spread', () => {
    assert.equal(
      nextDelayMs(1000, 0.1, () => 0),
      900,
    );
    assert.equal(
      nextDelayMs(1000, 0.1, () => 1),
      1100,
    );
    assert.equal(nextDelayMs(1000, 0, Math.random), 1000);
    for (let i = 0; i < 1000; i++) {
      const d = nextDelayMs(30_000, 0.2);
      assert.ok(d >= 24_000 && d <= 36_000, String(d));
      const f = firstDelayMs(30_000, 0.2);
      assert.ok(f >= 0 && f <= FIRST_PROBE_SPREAD_MS, String(f));
    }
    assert.ok(firstDelayMs(100, 0.1, () => 1) <= 10, 'a short interval spreads over a tenth of itself');
    // A fleet: 3,000 pairs start over 30 s at most (100 a second), each within its own interval.
    assert.equal(
      firstDelayMs(30_000, 0.1, () => 0.5, 3000),
      15_000,
    );
    assert.equal(
      firstDelayMs(5_000, 0.1, () => 0.999, 3000),
      4_995,
    );
    assert.equal(
      firstDelayMs(300_000, 0.1, () => 1, 3000),
      30_000,
    );
    assert.equal(
      firstDelayMs(30_000, 0.1, () => 1, 100),
      FIRST_PROBE_SPREAD_MS,
      'up to 100 pairs: the usual spread',
    );
  });
});

describe('stopping (on a manual clock)', () => {
  test('stop() waits for the probes in flight, records them, and starts no new one', async (t) => {
    const targets = [testTarget('a', {}, { intervalSeconds: 0.01, notFoundIntervalSeconds: 0.01, authIntervalSeconds: 0 })];
    // The trackers probe stays in flight until the test ends it; the 8015 check ends at once.
    const { clock, probes, registry, loop } = clockedLoop(t, targets, { random: () => 0, ends: (k) => k === 'a/not_found' });
    clock.advance(0);
    await settle();
    assert.equal(loop.inFlight(), 1);
    assert.equal(clock.pending(), 1, "the 8015 check's next probe is armed");
    let resolved = false;
    const stopped = loop.stop().then(() => (resolved = true));
    assert.equal(clock.pending(), 0, 'stop() clears every timer at once');
    await settle();
    assert.equal(resolved, false, 'stop() resolved while a probe was still in flight');
    probes.finish('a/trackers');
    await stopped;
    assert.equal(loop.inFlight(), 0);
    assert.equal(await metricValue(registry, METRIC_NAMES.probes, { target: 'a', check: 'trackers', result: 'success' }), 1);
    assert.equal(clock.pending(), 0, 'the probe that ended during stop() armed no timer');
    clock.advance(3_600_000);
    assert.deepEqual(Object.fromEntries(probes.starts), { 'a/trackers': [0], 'a/not_found': [0] }, 'no probe after stop');
    assert.equal(loop.stop(), loop.stop(), 'stop() is idempotent');
  });

  test('aborting the signal stops the loop', async (t) => {
    const targets = [testTarget('a', {}, { intervalSeconds: 0.01, notFoundIntervalSeconds: 0.01, authIntervalSeconds: 0 })];
    const controller = new AbortController();
    const { clock, probes, loop } = clockedLoop(t, targets, { random: () => 0.5, ends: () => true, signal: controller.signal });
    await run(clock, 100, 5);
    const count = probes.count('a/trackers');
    assert.equal(count, 10, 'every 10 ms from 0.5 ms');
    controller.abort();
    await loop.stop();
    assert.equal(clock.pending(), 0);
    await run(clock, 1000, 5);
    assert.equal(probes.count('a/trackers'), count);
  });

  test('a throwing probe or result hook does not stop the loop', async (t) => {
    const targets = [testTarget('a', {}, { intervalSeconds: 0.01, notFoundIntervalSeconds: 100, authIntervalSeconds: 0 })];
    const clock = new ManualClock();
    const calls: string[] = [];
    const probe: ProbeFn = async (_c, target, check) => {
      calls.push(check);
      if (calls.length % 2 === 0) throw new Error('injected');
      return fakeProbe(target, check);
    };
    let hooked = 0;
    const { metrics } = metricsFor(targets);
    const loop = startLoop({
      targets,
      clientFor: () => noClient,
      metrics,
      probe,
      clock,
      jitter: 0,
      onResult: () => {
        hooked++;
        throw new Error('hook');
      },
    });
    stopAfter(t, loop);
    await run(clock, 100, 5);
    // Both first probes at 0, then trackers every 10 ms to 100 ms: 12 probes, every other one throwing.
    assert.equal(calls.filter((c) => c === 'trackers').length, 11);
    assert.equal(calls.length, 12);
    assert.equal(hooked, 6, 'the hook ran for every probe that returned, and threw each time');
  });
});

/** A loop's onResult that keeps the results, and a promise that resolves once `done(results)` holds. */
function collect(done: (results: readonly Probe[]) => boolean) {
  const results: Probe[] = [];
  let reach!: () => void;
  const reached = new Promise<void>((resolve) => (reach = resolve));
  const onResult = (r: Probe) => {
    results.push(r);
    if (done(results)) reach();
  };
  return { results, reached, onResult };
}

describe('the loop against the sandbox counts each fault under its reason and keeps going', () => {
  test('four targets, four behaviours, one registry', { timeout: 120_000 }, async (t) => {
    warmUpValidator(); // as the monitor does at start: the first validation loads the generated validators
    const faults: Record<string, string | undefined> = {
      ok: undefined,
      five: 'error-rate=1',
      json: 'malformed-json',
      hang: 'hang',
    };
    const expected: Record<string, string> = { five: 'http_5xx', json: 'invalid_json', hang: 'timeout' };
    const targets: TargetEntry[] = [];
    const bases = new Map<string, string>();
    for (const [name, fault] of Object.entries(faults)) {
      const { sandbox, baseUrl } = await startSandbox(t);
      if (fault) sandbox.setFaults(fault);
      bases.set(name, baseUrl);
      // Only the hanging target has a short timeout, and it never answers: the reason is certain however slow the
      // machine. Elsewhere a 30 s timeout and budget, so a loaded machine cannot turn a 5xx into a timeout, or a pass
      // into a slow answer.
      const patient = { timeoutMs: 30_000, latencyBudgetMs: 30_000 };
      targets.push(
        testTarget(name, name === 'hang' ? { timeoutMs: 120 } : patient, {
          intervalSeconds: 0.03,
          notFoundIntervalSeconds: 0.05,
        }),
      );
    }
    const { registry, metrics } = metricsFor(targets);
    const history = createStatusHistory(targets, { version: 'test' });
    const clients = new Map(targets.map((x) => [x.name, clientFor(x.config, bases.get(x.name)!)]));
    // Two of each per check: successes on ok, the expected reason on the others. The test waits for those
    // results, however long they take (the test's timeout bounds it), not for a time.
    const seen = (results: readonly Probe[], target: string, check: string, reason: string | undefined) =>
      results.filter((r) => r.target === target && r.check === check && r.reason === reason).length;
    const { reached, onResult } = collect((results) =>
      ['trackers', 'not_found'].every(
        (check) =>
          seen(results, 'ok', check, undefined) >= 2 &&
          Object.entries(expected).every(([name, reason]) => seen(results, name, check, reason) >= 2),
      ),
    );
    const loop = startLoop({ targets, clientFor: (x) => clients.get(x.name)!, metrics, history, onResult });
    stopAfter(t, loop);
    t.after(() => {
      for (const c of clients.values()) c.close();
    });
    await reached;
    await loop.stop();

    for (const check of ['trackers', 'not_found']) {
      const ok = await metricValue(registry, METRIC_NAMES.probes, { target: 'ok', check, result: 'success' });
      assert.ok(ok! >= 2, `ok/${check}: ${ok} successes`);
      for (const [name, reason] of Object.entries(expected)) {
        const failures = await metricValue(registry, METRIC_NAMES.failures, { target: name, check, reason });
        const probes = await metricValue(registry, METRIC_NAMES.probes, { target: name, check, result: 'failure' });
        assert.ok(failures! >= 2, `${name}/${check}: ${failures} ${reason} failures`);
        assert.equal(failures, probes, `${name}/${check}: every failure under ${reason}`);
        assert.equal(await metricValue(registry, METRIC_NAMES.probeSuccess, { target: name, check }), 0);
      }
    }
    const snapshot = history.snapshot();
    const hang = snapshot.targets.find((x) => x.name === 'hang')!.checks[0]!;
    assert.equal(hang.up, false);
    assert.equal(hang.lastFailure?.reason, 'timeout');
    assert.equal(snapshot.targets.find((x) => x.name === 'ok')!.checks[0]!.up, true);
  });
});

describe('probeAllOnce (--once)', () => {
  test('probes every enabled check of every target once and records each', async (t) => {
    const { baseUrl } = await startSandbox(t);
    // b has the auth check turned off (interval 0): --once must not run it.
    const targets = [testTarget('a'), testTarget('b', { customerId: '98662654' }, { authIntervalSeconds: 0 })];
    const { registry, metrics } = metricsFor(targets);
    const clients = new Map(targets.map((x) => [x.name, clientFor(x.config, baseUrl)]));
    const results = await probeAllOnce({ targets, clientFor: (x) => clients.get(x.name)!, metrics });
    for (const c of clients.values()) c.close();
    assert.deepEqual(results.map((r) => `${r.target}/${r.check}/${r.verdict}`).sort(), [
      'a/auth/pass',
      'a/not_found/pass',
      'a/trackers/pass',
      'b/not_found/pass',
      'b/trackers/pass',
    ]);
    assert.equal(await metricValue(registry, METRIC_NAMES.trackerCount, { target: 'b' }), 0, 'customer 98662654 has no trackers');
    assert.ok((await metricValue(registry, METRIC_NAMES.trackerCount, { target: 'a' }))! > 0);
  });
});
