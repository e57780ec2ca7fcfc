// The service's probes run on their own thread (monitor/probe-thread.ts): results reach the main
// thread's metrics and history, credentials survive the crossing, and a main thread that is busy
// (a scrape of a large fleet) does not change the latency a probe records. The sandbox runs in its
// own process here, so blocking this thread does not slow the server down.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Registry } from 'prom-client';
import { startLoop } from '../../../monitor/loop.ts';
import { createMetrics } from '../../../monitor/metrics.ts';
import type { ProbeResult } from '../../../monitor/probe.ts';
import { startProbeThread } from '../../../monitor/probe-thread.ts';
import { createStatusHistory } from '../../../monitor/status-history.ts';
import { clientFor } from '../../../src/client.ts';
import { startSandboxProcess, type SandboxProcess } from '../../support/sandbox-process.ts';
import { metricValue, testTarget } from './helpers.ts';

const DELAY_MS = 150;
const BLOCK_MS = 600;

let sandbox: SandboxProcess;
before(async () => {
  sandbox = await startSandboxProcess();
});
after(() => sandbox.stop());

/** Busy-wait: the main thread does nothing else, as during a long render. */
function block(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

/** The first `trackers` result of a loop whose probe waits DELAY_MS at the sandbox, with this thread blocked meanwhile. */
async function durationWhileBlocked(kind: 'thread' | 'main'): Promise<number> {
  const targets = [testTarget('eu', {}, { intervalSeconds: 60, notFoundIntervalSeconds: 3600, authIntervalSeconds: 0 })];
  const registry = new Registry();
  const metrics = createMetrics({ registry, targets, version: 't', defaultMetrics: false });
  let resolveFirst!: (r: ProbeResult) => void;
  const first = new Promise<ProbeResult>((resolve) => (resolveFirst = resolve));
  const onResult = (r: ProbeResult) => r.check === 'trackers' && resolveFirst(r);
  const probeOptions = { headers: { 'X-Sandbox-Fault': `latency=${DELAY_MS}` } };
  const client = clientFor(targets[0]!.config, sandbox.baseUrl);
  const loop =
    kind === 'thread'
      ? startProbeThread({ targets, baseUrlOf: () => sandbox.baseUrl, metrics, onResult, probeOptions, jitter: 0 })
      : startLoop({ targets, clientFor: () => client, metrics, onResult, probeOptions, jitter: 0 });
  // The request is on its way within the first-probe spread (jitter 0: at once); then this thread stalls.
  await new Promise((resolve) => setTimeout(resolve, DELAY_MS / 3));
  block(BLOCK_MS);
  const result = await first;
  await loop.stop();
  client.close();
  assert.equal(result.verdict, 'pass', result.message);
  return result.durationMs;
}

describe('the probe thread', () => {
  test('results reach the main thread: metrics, history and the hook; credentials cross; stop() ends the thread', async () => {
    const targets = [testTarget('eu'), testTarget('us', {}, { authIntervalSeconds: 0 })];
    const registry = new Registry();
    const metrics = createMetrics({ registry, targets, version: 't', defaultMetrics: false });
    const history = createStatusHistory(targets, { version: 't' });
    const seen: ProbeResult[] = [];
    const loop = startProbeThread({ targets, baseUrlOf: () => sandbox.baseUrl, metrics, history, onResult: (r) => seen.push(r) });
    for (let i = 0; i < 200 && seen.length < 5; i++) await new Promise((resolve) => setTimeout(resolve, 25));
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
    assert.equal(await metricValue(registry, 'trackers_probes_total', { target: 'eu', check: 'trackers', result: 'success' }), 1);
    assert.equal(history.stateOf('us', 'trackers')?.state, 'UP');
    assert.equal(loop.inFlight(), 0);
    assert.equal(await loop.stop(), undefined, 'stop() twice is fine');
  });

  test(`a main thread blocked for ${BLOCK_MS} ms does not lengthen a probe's recorded latency (it does on the main thread)`, async () => {
    const onThread = await durationWhileBlocked('thread');
    const onMain = await durationWhileBlocked('main');
    assert.ok(onThread >= DELAY_MS && onThread < DELAY_MS + BLOCK_MS / 2, `on its thread: ${onThread} ms`);
    // The control: the same probe timed on the blocked thread records the block as latency.
    assert.ok(onMain >= BLOCK_MS, `on the main thread: ${onMain} ms`);
  });
});
