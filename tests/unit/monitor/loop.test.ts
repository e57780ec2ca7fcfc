import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, test } from 'node:test';
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
import type { Check, ProbeResult } from '../../../monitor/probe.ts';
import { createStatusHistory } from '../../../monitor/status-history.ts';
import type { MonitorTarget } from '../../../monitor/targets.ts';
import { metricValue, startSandbox, testTarget } from './helpers.ts';
import { clientFor } from '../../../src/target.ts';
import { warmUpValidator } from '../../../src/validate.ts';

const noClient = {} as TrackersClient;

function fakeResult(target: MonitorTarget, check: Check, success = true): ProbeResult {
  return {
    target: target.name,
    check,
    success,
    reason: success ? undefined : 'timeout',
    message: 'fake',
    startedAt: Date.now(),
    durationMs: 1,
    degraded: false,
    bodySize: 0,
    errors: [],
    warnings: [],
    authRefreshed: false,
  };
}

/** A fake probe that takes `ms(target, check)` and tracks how many run at once per pair. */
function trackingProbe(ms: (target: MonitorTarget, check: Check) => number) {
  const inFlight = new Map<string, number>();
  const maxInFlight = new Map<string, number>();
  const starts = new Map<string, number[]>();
  const probe: ProbeFn = async (_client, target, check) => {
    const key = `${target.name}/${check}`;
    inFlight.set(key, (inFlight.get(key) ?? 0) + 1);
    maxInFlight.set(key, Math.max(maxInFlight.get(key) ?? 0, inFlight.get(key)!));
    starts.set(key, [...(starts.get(key) ?? []), performance.now()]);
    await sleep(ms(target, check));
    inFlight.set(key, inFlight.get(key)! - 1);
    return fakeResult(target, check);
  };
  return { probe, inFlight, maxInFlight, starts };
}

function metricsFor(targets: MonitorTarget[]) {
  const registry = new Registry();
  return { registry, metrics: createMetrics({ registry, targets, version: 'test', defaultMetrics: false }) };
}

describe('scheduling', () => {
  test('never more than one probe in flight per target and check, even when probes outlast the interval', async () => {
    const targets = [testTarget('a', {}, { intervalSeconds: 0.02, notFoundIntervalSeconds: 0.02 })];
    const { metrics } = metricsFor(targets);
    const tracker = trackingProbe(() => 60);
    const loop = startLoop({ targets, clientFor: () => noClient, metrics, probe: tracker.probe });
    await sleep(400);
    await loop.stop();
    assert.deepEqual(Object.fromEntries(tracker.maxInFlight), { 'a/trackers': 1, 'a/not_found': 1 });
    assert.ok(tracker.starts.get('a/trackers')!.length >= 3, 'probes go on back to back');
  });

  test('a hanging target does not delay another target', async () => {
    const targets = [
      testTarget('slow', {}, { intervalSeconds: 0.02, notFoundIntervalSeconds: 0.02 }),
      testTarget('fast', {}, { intervalSeconds: 0.02, notFoundIntervalSeconds: 0.02 }),
    ];
    const { registry, metrics } = metricsFor(targets);
    const tracker = trackingProbe((t) => (t.name === 'slow' ? 500 : 1));
    const loop = startLoop({ targets, clientFor: () => noClient, metrics, probe: tracker.probe });
    await sleep(300);
    const fast = await metricValue(registry, METRIC_NAMES.probes, { target: 'fast', check: 'trackers', result: 'success' });
    const slow = await metricValue(registry, METRIC_NAMES.probes, { target: 'slow', check: 'trackers', result: 'success' });
    assert.ok(fast! >= 5, `fast target probed ${fast} times in 300 ms`);
    assert.equal(slow, 0, 'the slow probe is still in flight');
    assert.equal(loop.inFlight() >= 2, true, 'both slow checks in flight');
    assert.equal(tracker.maxInFlight.get('slow/trackers'), 1);
    const stopped = loop.stop();
    await stopped;
  });

  test('the existing-customer and 8015 checks run on their own intervals', async () => {
    const targets = [testTarget('a', {}, { intervalSeconds: 0.02, notFoundIntervalSeconds: 10 })];
    const { metrics } = metricsFor(targets);
    const tracker = trackingProbe(() => 1);
    const loop = startLoop({ targets, clientFor: () => noClient, metrics, probe: tracker.probe, random: () => 0 });
    await sleep(250);
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
  });

  test('starts are spaced by the interval, measured start to start', async () => {
    const targets = [testTarget('a', {}, { intervalSeconds: 0.05, notFoundIntervalSeconds: 100 })];
    const { metrics } = metricsFor(targets);
    const tracker = trackingProbe(() => 20);
    const loop = startLoop({ targets, clientFor: () => noClient, metrics, probe: tracker.probe, jitter: 0 });
    await sleep(330);
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
  test('stop() waits for the probes in flight, records them, and starts no new one', async () => {
    const targets = [testTarget('a', {}, { intervalSeconds: 0.01, notFoundIntervalSeconds: 100 })];
    const { registry, metrics } = metricsFor(targets);
    const tracker = trackingProbe((_t, check) => (check === 'trackers' ? 200 : 1));
    const loop = startLoop({ targets, clientFor: () => noClient, metrics, probe: tracker.probe, random: () => 0 });
    await sleep(50);
    assert.equal(tracker.inFlight.get('a/trackers'), 1);
    const t0 = performance.now();
    await loop.stop();
    const waited = performance.now() - t0;
    assert.ok(waited >= 100, `stop() returned after ${waited.toFixed(0)} ms, before the probe finished`);
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

  test('a throwing probe or result hook does not stop the loop', async () => {
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
    await sleep(150);
    await loop.stop();
    assert.ok(calls >= 5, `${calls} probes`);
  });
});

describe('the loop against the sandbox counts each fault under its reason and keeps going', () => {
  test('four targets, four behaviours, one registry', async (t) => {
    warmUpValidator(); // as main.ts does: compiling the schemas blocks the event loop, and the timeouts here are tight
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
    await sleep(600);
    await loop.stop();
    for (const c of clients.values()) c.close();

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
  test('probes every target’s two checks once and records each', async (t) => {
    const { baseUrl } = await startSandbox(t);
    const targets = [testTarget('a'), testTarget('b', { customerId: '98662654' })];
    const { registry, metrics } = metricsFor(targets);
    const clients = new Map(targets.map((x) => [x.name, clientFor(x.config, baseUrl)]));
    const results = await probeAllOnce({ targets, clientFor: (x) => clients.get(x.name)!, metrics });
    for (const c of clients.values()) c.close();
    assert.deepEqual(results.map((r) => `${r.target}/${r.check}/${r.success}`).sort(), [
      'a/not_found/true',
      'a/trackers/true',
      'b/not_found/true',
      'b/trackers/true',
    ]);
    assert.equal(await metricValue(registry, METRIC_NAMES.trackerCount, { target: 'b' }), 0, 'customer 98662654 has no trackers');
    assert.ok((await metricValue(registry, METRIC_NAMES.trackerCount, { target: 'a' }))! > 0);
  });
});
