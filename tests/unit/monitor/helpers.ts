// Shared by the monitor tests: a sandbox per test on port 0, a target built from
// the default configuration with overrides, and metric values read back from a
// test's own Registry.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import type { TestContext } from 'node:test';
import { Registry } from 'prom-client';
import { ExpositionRegistry } from '../../../monitor/exposition.ts';
import { createSandbox, type Sandbox, type SandboxOptions } from '../../../sandbox/app.ts';
import { loadConfig, type Config } from '../../../src/config/api.ts';
import { clientFor } from '../../../src/client.ts';
import type { TrackersClient } from '../../../src/client.ts';
import { createMonitorServer } from '../../../monitor/http.ts';
import { createMetrics } from '../../../monitor/metrics.ts';
import type { Check, ProbeResult } from '../../../monitor/probe.ts';
import { createStatusHistory } from '../../../monitor/status-history.ts';
import type { MonitorTarget } from '../../../monitor/targets.ts';

export async function startSandbox(t: TestContext, options?: SandboxOptions): Promise<{ sandbox: Sandbox; baseUrl: string }> {
  const sandbox = createSandbox(options);
  const baseUrl = await sandbox.listen(0);
  t.after(() => sandbox.close());
  return { sandbox, baseUrl };
}

/** The configuration with no environment (embedded sandbox, its credentials), with overrides. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  const r = loadConfig({});
  assert.ok(r.ok);
  return { ...r.config, ...overrides };
}

export function testTarget(name: string, overrides: Partial<Config> = {}, intervals: Partial<MonitorTarget> = {}): MonitorTarget {
  return {
    name,
    config: testConfig(overrides),
    intervalSeconds: 30,
    notFoundIntervalSeconds: 300,
    authIntervalSeconds: 300,
    ...intervals,
  };
}

export function testClient(t: TestContext, target: MonitorTarget, baseUrl: string): TrackersClient {
  const client = clientFor(target.config, baseUrl);
  t.after(() => client.close());
  return client;
}

/** The value of one series, or undefined when the series does not exist. */
export async function metricValue(registry: Registry, name: string, labels: Record<string, string>): Promise<number | undefined> {
  const metric = registry.getSingleMetric(name);
  if (!metric) return undefined;
  const data = await metric.get();
  const match = data.values.find(
    (v) =>
      (v as { metricName?: string }).metricName === undefined &&
      Object.keys(labels).length === Object.keys(v.labels).length &&
      Object.entries(labels).every(([k, want]) => String(v.labels[k]) === want),
  );
  return match?.value;
}

/** A free loopback port with nothing listening on it (for connection-refused cases). */
export async function closedPort(): Promise<number> {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The monitor's HTTP server on port 0 with its own registry and history; record() feeds both, as the loop does. */
export async function serveMonitor(t: TestContext, targets: MonitorTarget[]) {
  const registry = new ExpositionRegistry();
  const metrics = createMetrics({ registry, targets, version: '0.0.1', defaultMetrics: false });
  const history = createStatusHistory(targets, { version: '0.0.1' });
  const server = createMonitorServer({ registry, history, targetCount: targets.length });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const record = (r: ProbeResult) => {
    metrics.record(r);
    history.add(r);
  };
  return { base, registry, record };
}

/** A probe result of target eu's trackers check, as the loop would record it. */
/** What a ProbeFn stub returns: a pass, or an inconclusive timeout, for the loop's scheduling tests. */
export function fakeResult(target: Pick<MonitorTarget, 'name'>, check: Check, success = true): ProbeResult {
  return {
    target: target.name,
    check,
    success,
    verdict: success ? 'pass' : 'inconclusive',
    answered: success,
    reason: success ? undefined : 'timeout',
    message: 'fake',
    startedAt: Date.now(),
    durationMs: 1,
    degraded: false,
    bodySize: 0,
    decodedBodySize: 0,
    errors: [],
    warnings: [],
    authRefreshed: false,
  };
}

export function probeResult(message: string, success = false): ProbeResult {
  return {
    target: 'eu',
    check: 'trackers',
    success,
    verdict: success ? 'pass' : 'fail',
    answered: true,
    reason: success ? undefined : 'http_5xx',
    message,
    httpStatus: success ? 200 : 503,
    startedAt: Date.now(),
    durationMs: 25,
    degraded: false,
    trackerCount: success ? 35 : undefined,
    bodySize: 10,
    decodedBodySize: 10,
    errors: [],
    warnings: [],
    authRefreshed: false,
  };
}
