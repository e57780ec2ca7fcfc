// End to end: the long-running monitor probes a sandbox whose faults the test switches at run
// time; a real Prometheus scrapes the monitor every second and evaluates the project's alert
// rules (a copy with `for: 1s` and 10 s windows); the test reads Prometheus's HTTP API.
// Each phase waits (bounded) for the series and for the alert that phase should raise.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSandbox, type RunningSandbox } from '../../cli/target.ts';
import { SANDBOX_PASSWORD, SANDBOX_USERNAME } from '../../src/config/api.ts';
import { SLO_RULES_FILE } from '../../scripts/generate-slo-rules.ts';
import { requireBinaries } from '../support/require-binary.ts';
import { childEnv, freePort, startService, stopAll, waitFor, type Service } from '../support/processes.ts';
import { programArgs } from '../support/program.ts';
import type { PageData } from '../../monitor/status-page.ts';
import { startPrometheus, testRules, type PromAlert, type RunningPrometheus } from '../support/prometheus.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DASHBOARD_FILE = fileURLToPath(new URL('../../monitor/grafana/trackers-dashboard.json', import.meta.url));
const TARGET = 'e2e';
// Generous: several Prometheus processes may share two cores while npm test runs its lanes.
const PHASE_MS = 60_000;
const gate = requireBinaries('prometheus');

/** The generated SLO rules' groups, to append to another rules file's `groups:` list. */
function sloGroups(): string {
  const text = readFileSync(SLO_RULES_FILE, 'utf8');
  return text.slice(text.indexOf('groups:\n') + 'groups:\n'.length);
}

/** The dashboard's SLO panel expressions, for one target. */
function sloPanelExprs(target: string): string[] {
  const dashboard = JSON.parse(readFileSync(DASHBOARD_FILE, 'utf8')) as { panels: { targets?: { expr: string }[] }[] };
  return dashboard.panels
    .flatMap((p) => (p.targets ?? []).map((t) => t.expr))
    .filter((e) => e.includes('slo:'))
    .map((e) => e.replaceAll('$target', target));
}

describe('Prometheus scrapes the monitor and raises the alerts', { skip: gate.skip }, () => {
  const services: Service[] = [];
  let running: RunningSandbox;
  let prometheus: RunningPrometheus | undefined;
  let dir = '';
  let monitorBase = '';
  // The monitor asks this Prometheus for the status page's long windows; the user info must never show.
  const PROM_SECRET = 'e2e-prom-secret';

  /** Wait until the monitor's /api/status carries Prometheus's ratios for the trackers check and they satisfy `ok`. */
  const statusRatios = (what: string, ok: (r: NonNullable<NonNullable<PageData['prometheus']>['ratios']>[string]) => boolean) =>
    waitFor(
      `the status page's Prometheus ratios: ${what}`,
      async () => {
        const status = (await (await fetch(`${monitorBase}/api/status`)).json()) as PageData;
        const r = status.prometheus?.ratios?.[`${TARGET}/trackers`];
        return status.prometheus?.status === 'ok' && r && ok(r) ? status : undefined;
      },
      { timeoutMs: PHASE_MS, services },
    );

  /** Wait until `expr` returns at least one sample, all of whose values satisfy `ok`. */
  const series = (expr: string, ok: (value: number) => boolean = () => true) =>
    waitFor(
      `series ${expr}`,
      async () => {
        const result = await prometheus!.query(expr);
        return result.length > 0 && result.every((s) => ok(Number(s.value[1]))) ? result : undefined;
      },
      { timeoutMs: PHASE_MS, services },
    );

  const firing = (alertname: string, labels: Record<string, string> = {}) =>
    waitFor(
      `alert ${alertname} ${JSON.stringify(labels)} firing`,
      async () =>
        (await prometheus!.alerts()).find(
          (a) =>
            a.labels.alertname === alertname &&
            a.state === 'firing' &&
            Object.entries(labels).every(([k, v]) => a.labels[k] === v),
        ),
      { timeoutMs: PHASE_MS, services },
    );

  const notActive = (alertname: string, labels: Record<string, string> = {}) =>
    waitFor(
      `alert ${alertname} ${JSON.stringify(labels)} to be inactive`,
      async () =>
        (await prometheus!.alerts()).some(
          (a: PromAlert) => a.labels.alertname === alertname && Object.entries(labels).every(([k, v]) => a.labels[k] === v),
        )
          ? undefined
          : true,
      { timeoutMs: PHASE_MS, services },
    );

  before(async () => {
    running = await startSandbox();
    const sandboxUrl = running.baseUrl;
    dir = mkdtempSync(path.join(os.tmpdir(), 'trackers-e2e-monitor-'));
    const targetsFile = path.join(dir, 'targets.json');
    writeFileSync(
      targetsFile,
      JSON.stringify({
        targets: [
          {
            name: TARGET,
            baseUrl: sandboxUrl,
            auth: { username: SANDBOX_USERNAME, passwordEnv: 'E2E_SANDBOX_PASSWORD' },
            intervalSeconds: 1,
            notFoundIntervalSeconds: 1,
          },
        ],
      }),
    );
    // Prometheus cannot listen on port 0, and the monitor must know its URL: its port is chosen first.
    const promPort = await freePort();
    // Port 0: the monitor picks a free port and prints it, so no other process can take it in between.
    const monitor = startService(
      'monitor',
      process.execPath,
      [...programArgs('cli/monitor.ts'), '--config', targetsFile, '--port', '0', '--host', '127.0.0.1'],
      childEnv({
        E2E_SANDBOX_PASSWORD: SANDBOX_PASSWORD,
        PROMETHEUS_URL: `http://e2e:${PROM_SECRET}@127.0.0.1:${promPort}`,
      }),
      ROOT,
    );
    services.push(monitor);
    const port = await waitFor(
      'the monitor to print its metrics address',
      () => /^metrics: http:\/\/127\.0\.0\.1:(\d+)\/metrics$/m.exec(monitor.output())?.[1],
      { services },
    );
    monitorBase = `http://127.0.0.1:${port}`;
    prometheus = await startPrometheus({
      port: promPort,
      binary: gate.path('prometheus'),
      targets: [`127.0.0.1:${port}`],
      // The alert rules with short windows, and the SLO rules as generated: their windows are the SLO's.
      rules: `${testRules('1s', '10s')}\n${sloGroups()}`,
    });
    services.push(prometheus.service);
  });

  after(async () => {
    await stopAll(services);
    await prometheus?.stop();
    await running?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('healthy: every check passes, 97 trackers, blackbox-style probe_success, no alert firing', async () => {
    await series('up{job="trackers-monitor"}', (v) => v === 1);
    const last = await series(`probe_success{target="${TARGET}"}`, (v) => v === 1);
    assert.deepEqual(last.map((s) => s.metric.check).sort(), ['auth', 'not_found', 'trackers']);
    await series(`trackers_response_trackers{target="${TARGET}"}`, (v) => v === 97);
    await series(`trackers_probe_duration_seconds_count{target="${TARGET}",check="trackers"}`, (v) => v >= 1);
    const info = await series('trackers_monitor_info', (v) => v === 1);
    assert.match(info[0]!.metric.version ?? '', /^\d+\.\d+\.\d+/);
    await notActive('TrackersMonitorAbsent');
    const active = (await prometheus!.alerts()).filter((a) => a.state === 'firing');
    assert.deepEqual(
      active.map((a) => a.labels.alertname),
      [],
    );
  });

  test('healthy: every SLO panel of the dashboard has data, and the availability budget is whole', async () => {
    for (const expr of sloPanelExprs(TARGET)) await series(expr, (v) => Number.isFinite(v));
    await series(`slo:period_error_budget_remaining:ratio{target="${TARGET}",sloth_slo="trackers-availability"}`, (v) => v === 1);
  });

  test('healthy: the status page shows Prometheus’s 24 h, 7 d, 30 d ratios and the budget, never its credentials', async () => {
    const status = await statusRatios(
      'all 100%, budget whole',
      (r) => r.ratio1d === 1 && r.ratio7d === 1 && r.ratio30d === 1 && r.budgetRemaining === 1,
    );
    assert.equal(status.prometheus?.url, `http://127.0.0.1:${new URL(prometheus!.url).port}`);
    const page = await (await fetch(`${monitorBase}/`)).text();
    assert.match(page, /<th>24 h<\/th><th>7 d<\/th><th>30 d<\/th><th>budget left<\/th>/);
    assert.match(
      page,
      /<tr class="up"><td>UP<\/td><td>e2e<\/td><td>trackers<\/td><td>100%<\/td><td>100%<\/td><td>100%<\/td><td>100%<\/td><td>100%<\/td><td>100%<\/td>/,
    );
    for (const text of [JSON.stringify(status), page, services[0]!.output()]) assert.doesNotMatch(text, new RegExp(PROM_SECRET));
  });

  test('HTTP 503: TrackersProbeFailing and TrackersNotFoundCheckFailing fire, failures counted as http_5xx', async () => {
    running.sandbox.setFaults('status=503');
    const alert = await firing('TrackersProbeFailing', { target: TARGET, check: 'trackers', severity: 'page' });
    // One monitor without --location: a quorum of one, so it pages.
    assert.equal(alert.annotations.summary, `Trackers endpoint failing on ${TARGET} from 1 locations`);
    await firing('TrackersNotFoundCheckFailing', { target: TARGET, check: 'not_found' });
    await firing('TrackersProbeErrorRateHigh', { target: TARGET, check: 'trackers' });
    await series(`trackers_probe_failures_total{target="${TARGET}",check="trackers",reason="http_5xx"}`, (v) => v > 0);
    await series(`probe_http_status_code{target="${TARGET}",check="trackers"}`, (v) => v === 503);
    await series(`probe_success{target="${TARGET}",check="trackers"}`, (v) => v === 0);
    // Every probe failing burns the budget over 14.4x on both page windows: the SLO pages too.
    await series(`slo:burn_rate:ratio_rate5m{target="${TARGET}",sloth_slo="trackers-availability"}`, (v) => v > 14.4);
    await firing('TrackersAvailabilityBudgetBurn', { target: TARGET, severity: 'page' });
    await series(`slo:period_error_budget_remaining:ratio{target="${TARGET}",sloth_slo="trackers-availability"}`, (v) => v < 1);
  });

  test('a breaking change (id sent as a string): TrackersSchemaViolations fires, the rule is "type"', async () => {
    running.sandbox.setFaults('mutation=id-string');
    const schema = await firing('TrackersSchemaViolations', { target: TARGET, check: 'trackers', severity: 'page' });
    assert.equal(schema.labels.field, '$.data[*].id');
    await series(
      `increase(trackers_schema_violations_total{target="${TARGET}",check="trackers",rule="type"}[10s])`,
      (v) => v > 0,
    );
    await series(`trackers_probe_failures_total{target="${TARGET}",check="trackers",reason="schema_violation"}`, (v) => v > 0);
  });

  test('8015 lost: TrackersLost8015 pages at once, with error_code_mismatch; no outage page', async () => {
    running.sandbox.setFaults('mutation=lose-8015');
    await series(`probe_success{target="${TARGET}",check="trackers"}`, (v) => v === 1);
    await notActive('TrackersProbeFailing', { target: TARGET });
    await firing('TrackersLost8015', { target: TARGET, check: 'not_found', severity: 'page' });
    // A contract break is not an outage: the quorum page ignores it.
    await notActive('TrackersNotFoundCheckFailing', { target: TARGET });
    await series(
      `trackers_probe_failures_total{target="${TARGET}",check="not_found",reason="error_code_mismatch"}`,
      (v) => v > 0,
    );
  });

  test('latency over the 3 s budget: TrackersLatencyOverBudget fires from the histogram p95', async () => {
    running.sandbox.setFaults('latency=3200');
    const alert = await firing('TrackersLatencyOverBudget', { target: TARGET, check: 'trackers', severity: 'ticket' });
    assert.ok(Number(alert.value) > 3, `p95 ${alert.value}`);
    await series(
      `trackers_probe_failures_total{target="${TARGET}",check="trackers",reason="latency_budget_exceeded"}`,
      (v) => v > 0,
    );
  });

  // Last: the monitor asks Prometheus again only when its answer is 10 s old, a wait the phases above
  // now spend doing their own work. The failures stay in the 24 h window, so this still reads them.
  test('after the outage: the status page reads it from Prometheus, the 24 h ratio under 100%, the budget spent in part', async () => {
    await statusRatios('the 24 h ratio under 100%, the budget spent in part', (r) => r.ratio1d! < 1 && r.budgetRemaining! < 1);
  });
});
