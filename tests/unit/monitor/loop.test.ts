import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, test, type TestContext } from 'node:test';
import { Registry } from 'prom-client';
import type { TrackersClient } from '../../../src/client.ts';
import {
  firstDelayMs,
  nextDelayMs,
  probeAllOnce,
  startLoop,
  FIRST_PROBE_SPREAD_MS,
  type ProbeFn,
} from '../../../monitor/loop.ts';
import { METRIC_NAMES, createMetrics } from '../../../monitor/metrics.ts';
import type { Check } from '../../../monitor/probe.ts';
import { createStatusHistory } from '../../../monitor/status-history.ts';
import type { MonitorTarget } from '../../../monitor/targets.ts';
import { fakeResult, metricValue, startSandbox, testTarget } from './helpers.ts';
import { clientFor } from '../../../src/client.ts';
import { warmUpValidator } from '../../../src/validate.ts';

const noClient = {} as TrackersClient;

/**
 * A fake probe that takes `wait(target, check)` (milliseconds, or a promise it waits for) and tracks how many run at
 * once per pair.
 */
function trackingProbe(wait: (target: MonitorTarget, check: Check) => number | Promise<unknown>) {
  const inFlight = new Map<string, number>();
  const maxInFlight = new Map<string, number>();
  const starts = new Map<string, number[]>();
  const probe: ProbeFn = async (_client, target, check) => {
    const key = `${target.name}/${check}`;
    inFlight.set(key, (inFlight.get(key) ?? 0) + 1);
    maxInFlight.set(key, Math.max(maxInFlight.get(key) ?? 0, inFlight.get(key)!));
    starts.set(key, [...(starts.get(key) ?? []), performance.now()]);
    const w = wait(target, check);
    await (typeof w === 'number' ? sleep(w) : w);
    inFlight.set(key, inFlight.get(key)! - 1);
    return fakeResult(target, check);
  };
  return { probe, inFlight, maxInFlight, starts };
}

/** A promise the test resolves with open(): a probe waiting on it stays in flight, however slow the machine. */
function gate() {
  let open!: () => void;
  const closed = new Promise<void>((resolve) => (open = resolve));
  return { closed, open };
}

const POLL_DEADLINE_MS = 10_000;

/**
 * Wait until `done()` holds, checking every 10 ms, for at most POLL_DEADLINE_MS: the tests wait for a count, not for
 * a fixed time a loaded machine may not honour. Fails naming `what` and the last value seen.
 */
async function until(what: string, done: () => boolean | Promise<boolean>, seen: () => unknown = () => ''): Promise<void> {
  const deadline = performance.now() + POLL_DEADLINE_MS;
  while (!(await done())) {
    if (performance.now() > deadline) assert.fail(`not reached within ${POLL_DEADLINE_MS} ms: ${what} ${String(await seen())}`);
    await sleep(10);
  }
}

/** Stop the loop when the test ends, even when an assertion failed first (its timers would keep the process up). */
function stopAfter(t: TestContext, loop: { stop(): Promise<void> }, before: () => void = () => {}): void {
  t.after(async () => {
    before();
    await loop.stop();
  });
}

function metricsFor(targets: MonitorTarget[]) {
  const registry = new Registry();
  return { registry, metrics: createMetrics({ registry, targets, version: 'test', defaultMetrics: false }) };
}

describe('scheduling', () => {
  test('never more than one probe in flight per target and check, even when probes outlast the interval', async (t) => {
    const targets = [testTarget('a', {}, { intervalSeconds: 0.02, notFoundIntervalSeconds: 0.02, authIntervalSeconds: 0.02 })];
    const { metrics } = metricsFor(targets);
    const tracker = trackingProbe(() => 60);
    const loop = startLoop({ targets, clientFor: () => noClient, metrics, probe: tracker.probe });
    stopAfter(t, loop);
    const starts = () => tracker.starts.get('a/trackers')?.length ?? 0;
    await until('3 trackers probes started', () => starts() >= 3, starts);
    await loop.stop();
    assert.deepEqual(Object.fromEntries(tracker.maxInFlight), { 'a/trackers': 1, 'a/not_found': 1, 'a/auth': 1 });
    assert.ok(tracker.starts.get('a/trackers')!.length >= 3, 'probes go on back to back');
  });

  test('a hanging target does not delay another target', async (t) => {
    const targets = [
      testTarget('slow', {}, { intervalSeconds: 0.02, notFoundIntervalSeconds: 0.02 }),
      testTarget('fast', {}, { intervalSeconds: 0.02, notFoundIntervalSeconds: 0.02 }),
    ];
    const { registry, metrics } = metricsFor(targets);
    // The slow target's probes hang until the test lets them go: "still in flight" holds however long the wait.
    const hang = gate();
    const tracker = trackingProbe((x) => (x.name === 'slow' ? hang.closed : 1));
    const loop = startLoop({ targets, clientFor: () => noClient, metrics, probe: tracker.probe });
    stopAfter(t, loop, hang.open);
    const fastProbes = () => metricValue(registry, METRIC_NAMES.probes, { target: 'fast', check: 'trackers', result: 'success' });
    await until('5 fast probes recorded while the slow one hangs', async () => (await fastProbes())! >= 5, fastProbes);
    const slow = await metricValue(registry, METRIC_NAMES.probes, { target: 'slow', check: 'trackers', result: 'success' });
    assert.equal(slow, 0, 'the slow probe is still in flight');
    assert.equal(loop.inFlight() >= 2, true, 'both slow checks in flight');
    assert.equal(tracker.maxInFlight.get('slow/trackers'), 1);
    hang.open();
    await loop.stop();
  });

  test('the existing-customer and 8015 checks run on their own intervals', async (t) => {
    // The 8015 interval is far beyond the poll deadline, so its second run cannot come before the wait ends.
    const targets = [testTarget('a', {}, { intervalSeconds: 0.02, notFoundIntervalSeconds: 100 })];
    const { metrics } = metricsFor(targets);
    const tracker = trackingProbe(() => 1);
    const loop = startLoop({ targets, clientFor: () => noClient, metrics, probe: tracker.probe, random: () => 0 });
    stopAfter(t, loop);
    const starts = () => tracker.starts.get('a/trackers')?.length ?? 0;
    await until('5 trackers probes started', () => starts() >= 5, starts);
    await loop.stop();
    assert.ok(tracker.starts.get('a/trackers')!.length >= 5);
    assert.equal(tracker.starts.get('a/not_found')!.length, 1, 'the 8015 check ran once, at start');
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

  test('starts are spaced by the interval, measured start to start', async (t) => {
    const targets = [testTarget('a', {}, { intervalSeconds: 0.05, notFoundIntervalSeconds: 100 })];
    const { metrics } = metricsFor(targets);
    const tracker = trackingProbe(() => 20);
    const loop = startLoop({ targets, clientFor: () => noClient, metrics, probe: tracker.probe, jitter: 0 });
    stopAfter(t, loop);
    const started = () => tracker.starts.get('a/trackers')?.length ?? 0;
    await until('5 trackers probes started (4 gaps)', () => started() >= 5, started);
    await loop.stop();
    const starts = tracker.starts.get('a/trackers')!;
    const gaps = starts.slice(1).map((s, i) => s - starts[i]!);
    assert.ok(gaps.length >= 4, `${gaps.length} gaps`);
    // Start to start: at least the interval (an end-to-start schedule would make it 70 ms; only the lower bound is
    // asserted, so a loaded machine cannot make this flaky).
    for (const gap of gaps) assert.ok(gap >= 45, `gap ${gap.toFixed(1)} ms for a 50 ms interval and 20 ms probes`);
    const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
    assert.ok(mean < 200, `mean gap ${mean.toFixed(1)} ms`);
  });
});

describe('stopping', () => {
  test('stop() waits for the probes in flight, records them, and starts no new one', async (t) => {
    const targets = [testTarget('a', {}, { intervalSeconds: 0.01, notFoundIntervalSeconds: 100 })];
    const { registry, metrics } = metricsFor(targets);
    // The first trackers probe stays in flight until the test lets it finish.
    const release = gate();
    const tracker = trackingProbe((_t, check) => (check === 'trackers' ? release.closed : 1));
    const loop = startLoop({ targets, clientFor: () => noClient, metrics, probe: tracker.probe, random: () => 0 });
    stopAfter(t, loop, release.open);
    await until('the trackers probe in flight', () => tracker.inFlight.get('a/trackers') === 1);
    let resolved = false;
    const stopped = loop.stop().then(() => (resolved = true));
    await sleep(20);
    // Holds however late the sleep fires: the probe cannot finish before the gate opens.
    assert.equal(resolved, false, 'stop() resolved while a probe was still in flight');
    release.open();
    await stopped;
    // Once stop() has resolved, the probe it waited for has finished and been recorded: no time bound needed.
    assert.equal(tracker.inFlight.get('a/trackers'), 0, 'the probe in flight finished');
    assert.equal(loop.inFlight(), 0);
    assert.equal(await metricValue(registry, METRIC_NAMES.probes, { target: 'a', check: 'trackers', result: 'success' }), 1);
    const count = tracker.starts.get('a/trackers')!.length;
    await sleep(60);
    assert.equal(tracker.starts.get('a/trackers')!.length, count, 'no probe after stop');
    assert.equal(loop.stop(), loop.stop(), 'stop() is idempotent');
  });

  test('aborting the signal stops the loop', async () => {
    const targets = [testTarget('a', {}, { intervalSeconds: 0.01, notFoundIntervalSeconds: 0.01 })];
    const { metrics } = metricsFor(targets);
    const tracker = trackingProbe(() => 1);
    const controller = new AbortController();
    const loop = startLoop({ targets, clientFor: () => noClient, metrics, probe: tracker.probe, signal: controller.signal });
    await sleep(60);
    controller.abort();
    await loop.stop();
    const count = tracker.starts.get('a/trackers')!.length;
    await sleep(40);
    assert.equal(tracker.starts.get('a/trackers')!.length, count);
  });

  test('a throwing probe or result hook does not stop the loop', async (t) => {
    const targets = [testTarget('a', {}, { intervalSeconds: 0.01, notFoundIntervalSeconds: 100 })];
    const { metrics } = metricsFor(targets);
    let calls = 0;
    const probe: ProbeFn = async (_c, target, check) => {
      calls++;
      if (calls % 2 === 0) throw new Error('injected');
      return fakeResult(target, check);
    };
    const loop = startLoop({
      targets,
      clientFor: () => noClient,
      metrics,
      probe,
      onResult: () => {
        throw new Error('hook');
      },
    });
    stopAfter(t, loop);
    await until(
      '5 probes, half of them throwing',
      () => calls >= 5,
      () => calls,
    );
    await loop.stop();
    assert.ok(calls >= 5, `${calls} probes`);
  });
});

describe('the loop against the sandbox counts each fault under its reason and keeps going', () => {
  test('four targets, four behaviours, one registry', async (t) => {
    warmUpValidator(); // as the monitor does at start: the first validation loads the generated validators, and the timeouts here are tight
    const faults: Record<string, string | undefined> = {
      ok: undefined,
      five: 'error-rate=1',
      json: 'malformed-json',
      hang: 'hang',
    };
    const expected: Record<string, string> = { five: 'http_5xx', json: 'invalid_json', hang: 'timeout' };
    const targets: MonitorTarget[] = [];
    const bases = new Map<string, string>();
    for (const [name, fault] of Object.entries(faults)) {
      const { sandbox, baseUrl } = await startSandbox(t);
      if (fault) sandbox.setFaults(fault);
      bases.set(name, baseUrl);
      // Only the hanging target has a short timeout: elsewhere a slow CI machine must not turn a 5xx into a timeout.
      targets.push(
        testTarget(name, { timeoutMs: name === 'hang' ? 120 : 5000 }, { intervalSeconds: 0.03, notFoundIntervalSeconds: 0.05 }),
      );
    }
    const { registry, metrics } = metricsFor(targets);
    const history = createStatusHistory(targets, { version: 'test' });
    const clients = new Map(targets.map((x) => [x.name, clientFor(x.config, bases.get(x.name)!)]));
    const loop = startLoop({ targets, clientFor: (x) => clients.get(x.name)!, metrics, history });
    stopAfter(t, loop);
    t.after(() => {
      for (const c of clients.values()) c.close();
    });
    // Two of each per check: successes on ok, the expected reason on the others.
    const counts = () =>
      Promise.all(
        ['trackers', 'not_found'].flatMap((check) => [
          metricValue(registry, METRIC_NAMES.probes, { target: 'ok', check, result: 'success' }),
          ...Object.entries(expected).map(([name, reason]) =>
            metricValue(registry, METRIC_NAMES.failures, { target: name, check, reason }),
          ),
        ]),
      );
    await until('two probes of each kind recorded', async () => (await counts()).every((n) => n! >= 2), counts);
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
    assert.deepEqual(results.map((r) => `${r.target}/${r.check}/${r.success}`).sort(), [
      'a/auth/true',
      'a/not_found/true',
      'a/trackers/true',
      'b/not_found/true',
      'b/trackers/true',
    ]);
    assert.equal(await metricValue(registry, METRIC_NAMES.trackerCount, { target: 'b' }), 0, 'customer 98662654 has no trackers');
    assert.ok((await metricValue(registry, METRIC_NAMES.trackerCount, { target: 'a' }))! > 0);
  });
});
