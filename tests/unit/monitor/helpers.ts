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
import type { MonitorCheck, Probe } from '../../../monitor/probe.ts';
import { createStatusHistory } from '../../../monitor/status-history.ts';
import {
  lastStep,
  singleStepResult,
  verdictOf,
  type CheckName,
  type CheckResult,
  type CheckStep,
  type Reason,
} from '../../../src/checks/result.ts';
import type { Finding } from '../../../src/validate.ts';
import type { TargetEntry } from '../../../monitor/targets.ts';
import { freePort } from '../../support/processes.ts';

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

export function testTarget(name: string, overrides: Partial<Config> = {}, intervals: Partial<TargetEntry> = {}): TargetEntry {
  return {
    name,
    config: testConfig(overrides),
    intervalSeconds: 30,
    notFoundIntervalSeconds: 300,
    authIntervalSeconds: 300,
    ...intervals,
  };
}

export function testClient(t: TestContext, target: TargetEntry, baseUrl: string): TrackersClient {
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

/**
 * A loopback port with nothing listening on it (for connection-refused cases): freePort's, below the
 * ephemeral range, so no server of a parallel test that listens on port 0 can be given it meanwhile.
 */
export const closedPort = freePort;

/** The monitor's HTTP server on port 0 with its own registry and history; record() feeds both, as the loop does. */
export async function serveMonitor(t: TestContext, targets: TargetEntry[]) {
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
  const record = (r: Probe) => {
    metrics.record(r);
    history.add(r);
  };
  return { base, registry, record };
}

/** Time to the response headers of a single-request check's one request. */
export function ttfbOf(r: CheckResult): number | undefined {
  return lastStep(r)?.timings.ttfbMs;
}

/** What a test says about one probe; probeOf() makes it the check result the monitor records, with one step. */
export interface ProbeFacts {
  target?: string;
  check?: CheckName;
  /** Absent: a pass. */
  reason?: Reason;
  message?: string;
  /** The HTTP status; absent: no answer. */
  status?: number;
  startedAt?: number;
  durationMs?: number;
  ttfbMs?: number;
  bodySize?: number;
  /** Absent: bodySize (an identity-encoded body). */
  decodedBodySize?: number;
  degraded?: boolean;
  trackerCount?: number;
  errors?: Finding[];
  warnings?: Finding[];
  authRefreshed?: boolean;
}

/** A probe of one request (default: eu's trackers check passing with 200 in 1 ms), as the loop would record it. */
export function probeOf(f: ProbeFacts = {}): Probe {
  const startedAt = f.startedAt ?? Date.now();
  const message = f.message ?? (f.reason ? `${f.reason}` : 'HTTP 200');
  const step: CheckStep = {
    title: 'GET /v2/customers/1/trackers',
    path: '/v2/customers/1/trackers',
    status: 'status' in f ? f.status : 200,
    timings: { startedAt, ttfbMs: f.ttfbMs, totalMs: f.durationMs ?? 1 },
    bodySize: f.bodySize ?? 0,
    decodedBodySize: f.decodedBodySize ?? f.bodySize ?? 0,
    authRefreshed: f.authRefreshed ?? false,
    verdict: verdictOf(f.reason),
    reason: f.reason,
    message,
  };
  const result = singleStepResult(f.check ?? 'trackers', step, {
    errors: f.errors,
    warnings: f.warnings,
    degraded: f.degraded,
    trackerCount: f.trackerCount,
  });
  return { ...result, target: f.target ?? 'eu', startedAt };
}

/** What a ProbeFn stub returns: a pass, or an inconclusive timeout, for the loop's scheduling tests. */
export function fakeProbe(target: Pick<TargetEntry, 'name'>, check: MonitorCheck, success = true): Probe {
  return probeOf({
    target: target.name,
    check,
    message: 'fake',
    ...(success ? {} : { reason: 'timeout', status: undefined }),
  });
}

/** eu's trackers check: a 503 (http_5xx) with this message, or a pass with 35 trackers. */
export function euProbe(message: string, success = false): Probe {
  return probeOf({
    message,
    durationMs: 25,
    bodySize: 10,
    ...(success ? { status: 200, trackerCount: 35 } : { status: 503, reason: 'http_5xx' }),
  });
}
