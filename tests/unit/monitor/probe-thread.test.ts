// The service's probes run on their own thread (monitor/probe-thread.ts): results reach the main
// thread's metrics and history, credentials survive the crossing, and a main thread that is blocked
// (a scrape of a large fleet) does not change the latency a probe records. The sandbox runs in its
// own process here, so blocking this thread does not slow the server down. Every wait is for an
// event (a result), bounded by the test's timeout, never by a time of its own.
import assert from 'node:assert/strict';
import { setImmediate } from 'node:timers';
import { after, before, describe, test } from 'node:test';
import { Registry } from 'prom-client';
import { startLoop } from '../../../monitor/loop.ts';
import { createMetrics } from '../../../monitor/metrics.ts';
import { probe, type Probe } from '../../../monitor/probe.ts';
import { startProbeThread } from '../../../monitor/probe-thread.ts';
import { createStatusHistory } from '../../../monitor/status-history.ts';
import type { TargetEntry } from '../../../monitor/targets.ts';
import { durationMs } from '../../../src/checks/result.ts';
import { clientFor } from '../../../src/client.ts';
import { startSandboxProcess, type SandboxProcess } from '../../support/sandbox-process.ts';
import { metricValue, testTarget } from './helpers.ts';

/** The sandbox's delay on every answer. */
const DELAY_MS = 200;
/** How long the main thread is blocked: 25 times the delay, so a probe fits in it many times over. */
const BLOCK_MS = 5000;
/** Verdicts here are about the answers: a budget and timeout that neither load nor the block can reach. */
const PATIENT = { timeoutMs: 60_000, latencyBudgetMs: 60_000 };

let sandbox: SandboxProcess;
before(async () => {
  sandbox = await startSandboxProcess();
});
after(() => sandbox.stop());

/**
 * Block this thread for `ms`, as a long render would: its event loop runs nothing meanwhile. Atomics.wait on a value
 * nobody changes sleeps in the kernel, so the block costs no CPU and cannot slow the probe thread down.
 */
function block(ms: number): void {
  const cell = new Int32Array(new SharedArrayBuffer(4));
  const end = performance.now() + ms;
  for (let left = ms; left > 0; left = end - performance.now()) Atomics.wait(cell, 0, 0, left);
}

/** An onResult that keeps the results, and a promise that resolves with the first one `wanted` accepts. */
function results(wanted: (r: Probe) => boolean) {
  const seen: Probe[] = [];
  const waiters: { accepts: (r: Probe) => boolean; resolve: (r: Probe) => void }[] = [];
  const onResult = (r: Probe) => {
    if (!wanted(r)) return;
    seen.push(r);
    for (const w of waiters.filter((x) => x.accepts(r))) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(r);
    }
  };
  /** The first result from now on that `accepts` accepts. */
  const next = (accepts: (r: Probe) => boolean = () => true) =>
    new Promise<Probe>((resolve) => waiters.push({ accepts, resolve }));
  return { seen, onResult, next };
}

const metricsFor = (targets: TargetEntry[]) =>
  createMetrics({ registry: new Registry(), targets, version: 't', defaultMetrics: false });

describe('the probe thread', () => {
  test(
    'results reach the main thread: metrics, history and the hook; credentials cross; stop() ends the thread',
    { timeout: 60_000 },
    async () => {
      // An hour between trackers probes, 5 minutes for the others: one result per check before stop().
      const targets = [
        testTarget('eu', PATIENT, { intervalSeconds: 3600 }),
        testTarget('us', PATIENT, { intervalSeconds: 3600, authIntervalSeconds: 0 }),
      ];
      const registry = new Registry();
      const metrics = createMetrics({ registry, targets, version: 't', defaultMetrics: false });
      const history = createStatusHistory(targets, { version: 't' });
      const seen: Probe[] = [];
      let fifth!: () => void;
      const five = new Promise<void>((resolve) => (fifth = resolve));
      const onResult = (r: Probe) => seen.push(r) === 5 && fifth();
      const loop = startProbeThread({ targets, baseUrlOf: () => sandbox.baseUrl, metrics, history, onResult });
      await five;
      await loop.stop();
      // eu: trackers, not_found, auth; us: trackers, not_found. The sandbox refuses a wrong password,
      // so a passing trackers probe shows the credential arrived intact.
      assert.deepEqual(seen.map((r) => `${r.target}/${r.check}:${r.verdict}`).sort(), [
        'eu/auth:pass',
        'eu/not_found:pass',
        'eu/trackers:pass',
        'us/not_found:pass',
        'us/trackers:pass',
      ]);
      assert.equal(
        await metricValue(registry, 'trackers_probes_total', { target: 'eu', check: 'trackers', result: 'success' }),
        1,
      );
      assert.equal(history.stateOf('us', 'trackers')?.state, 'UP');
      assert.equal(loop.inFlight(), 0);
      assert.equal(await loop.stop(), undefined, 'stop() twice is fine');
    },
  );

  test(
    `a main thread blocked for ${BLOCK_MS} ms does not lengthen the latency a probe on the thread records (on the main thread it does)`,
    { timeout: 120_000 },
    async (t) => {
      const probeOptions = { headers: { 'X-Sandbox-Fault': `latency=${DELAY_MS}` } };
      const trackers = (r: Probe) => r.check === 'trackers';

      // The thread probes every 250 ms; once its first result is in, it is up and probing.
      const often = [testTarget('eu', PATIENT, { intervalSeconds: 0.25, notFoundIntervalSeconds: 3600, authIntervalSeconds: 0 })];
      const onThread = results(trackers);
      const thread = startProbeThread({
        targets: often,
        baseUrlOf: () => sandbox.baseUrl,
        metrics: metricsFor(often),
        onResult: onThread.onResult,
        probeOptions,
        jitter: 0,
      });
      t.after(() => thread.stop());
      await onThread.next();

      // The control: the same probe on this thread, started just before the block.
      const once = [testTarget('eu', PATIENT, { intervalSeconds: 3600, notFoundIntervalSeconds: 3600, authIntervalSeconds: 0 })];
      const client = clientFor(once[0]!.config, sandbox.baseUrl);
      t.after(() => client.close());
      const onMain = results(trackers);
      const mainResult = onMain.next();
      let started!: () => void;
      const mainStarted = new Promise<void>((resolve) => (started = resolve));
      const mainLoop = startLoop({
        targets: once,
        clientFor: () => client,
        metrics: metricsFor(once),
        onResult: onMain.onResult,
        probeOptions,
        jitter: 0,
        probe: (...args) => {
          const result = probe(...args);
          if (args[2] === 'trackers') started();
          return result;
        },
      });
      t.after(() => mainLoop.stop());
      await mainStarted;
      // From probe() to the request, promise callbacks only: once they have run, the request's clock is running.
      await new Promise<void>((resolve) => setImmediate(resolve));

      const blockedFrom = Date.now();
      block(BLOCK_MS);
      const blockedTo = Date.now();

      const control = await mainResult;
      assert.equal(control.verdict, 'pass', control.message);
      assert.ok(durationMs(control) >= BLOCK_MS, `on the main thread: ${durationMs(control)} ms, the block counted as latency`);

      // Results arrive in order: once one that started after the block is in, every one from during it is too.
      await onThread.next((r) => r.startedAt >= blockedTo);
      const during = onThread.seen.filter((r) => r.startedAt >= blockedFrom && r.startedAt + durationMs(r) <= blockedTo);
      // On the main thread no probe could even end while it was blocked: these ran on their own.
      assert.ok(
        during.length > 0,
        `no probe ran on the thread during the block: ${JSON.stringify(onThread.seen.map((r) => [r.startedAt - blockedFrom, durationMs(r)]))}`,
      );
      for (const r of during) {
        assert.equal(r.verdict, 'pass', r.message);
        assert.ok(
          durationMs(r) >= DELAY_MS && durationMs(r) < BLOCK_MS / 2,
          `on its thread: ${durationMs(r)} ms, the sandbox's delay`,
        );
      }
    },
  );
});
