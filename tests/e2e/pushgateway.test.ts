// End to end, CronJob style: `monitor --once --push` runs twice against a sandbox (healthy,
// then answering 503) and pushes to a real Pushgateway; a real Prometheus scrapes the
// Pushgateway (honor_labels, as the example config says) and evaluates the alert rules.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSandbox, type RunningSandbox } from '../../cli/target.ts';
import { SANDBOX_PASSWORD, SANDBOX_USERNAME } from '../../src/config/api.ts';
import { requireBinaries } from '../support/require-binary.ts';
import { childEnv, getJson, getText, runToCompletion, stopAll, waitFor, type Service } from '../support/processes.ts';
import { programArgs } from '../support/program.ts';
import {
  startPrometheus,
  startPushgateway,
  testRules,
  type RunningPrometheus,
  type RunningPushgateway,
} from '../support/prometheus.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TARGET = 'e2e';
const INSTANCE = 'e2e-cronjob';
const JOB = 'trackers_contract';
const gate = requireBinaries('prometheus', 'prometheus-pushgateway');

interface PushedFamily {
  type: string;
  metrics: { labels: Record<string, string>; value?: string }[];
}
type PushedGroup = { labels: Record<string, string> } & Record<string, unknown>;

/** One `--once --push` run, bounded; its exit code and stderr. */
async function runOnce(targetsFile: string, pushgatewayUrl: string): Promise<{ code: number | null; stderr: string }> {
  const { code, stderr } = await runToCompletion(
    process.execPath,
    [...programArgs('cli/monitor.ts'), '--once', '--push', '--instance', INSTANCE, '--config', targetsFile],
    {
      cwd: ROOT,
      env: childEnv({ PUSHGATEWAY_URL: pushgatewayUrl, E2E_SANDBOX_PASSWORD: SANDBOX_PASSWORD }),
      timeoutMs: 60_000,
    },
  );
  return { code, stderr };
}

describe('--once --push through a real Pushgateway', { skip: gate.skip }, () => {
  const services: Service[] = [];
  let running: RunningSandbox;
  let pushgateway: RunningPushgateway | undefined;
  let prometheus: RunningPrometheus | undefined;
  let dir = '';
  let targetsFile = '';

  const group = async (): Promise<PushedGroup | undefined> => {
    const body = await getJson<{ data: PushedGroup[] }>(`${pushgateway!.url}/api/v1/metrics`);
    return body.data.find((g) => g.labels.job === JOB && g.labels.instance === INSTANCE);
  };
  const family = (g: PushedGroup, name: string) => g[name] as PushedFamily | undefined;
  const value = (g: PushedGroup, name: string, labels: Record<string, string>) =>
    family(g, name)?.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels[k] === v))?.value;

  before(async () => {
    running = await startSandbox();
    const sandboxUrl = running.baseUrl;
    dir = mkdtempSync(path.join(os.tmpdir(), 'trackers-e2e-push-'));
    targetsFile = path.join(dir, 'targets.json');
    writeFileSync(
      targetsFile,
      JSON.stringify({
        targets: [
          { name: TARGET, baseUrl: sandboxUrl, auth: { username: SANDBOX_USERNAME, passwordEnv: 'E2E_SANDBOX_PASSWORD' } },
        ],
      }),
    );
    pushgateway = await startPushgateway(gate.path('prometheus-pushgateway'));
    services.push(pushgateway.service);
  });

  after(async () => {
    await stopAll(services);
    await prometheus?.stop();
    await running?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('a healthy run pushes every series under job and instance grouping labels', async () => {
    const run = await runOnce(targetsFile, pushgateway!.url);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, new RegExp(`pushed to http://127\\.0\\.0\\.1:\\d+ \\(job ${JOB}, instance ${INSTANCE}\\)`));
    const g = await waitFor('the pushed group', group, { services });
    assert.deepEqual(g.labels, { job: JOB, instance: INSTANCE });
    assert.equal(value(g, 'probe_success', { target: TARGET, check: 'trackers' }), '1');
    assert.equal(value(g, 'probe_success', { target: TARGET, check: 'not_found' }), '1');
    assert.equal(value(g, 'trackers_response_trackers', { target: TARGET }), '97');
    const lastSuccess = Number(value(g, 'trackers_probe_last_success_timestamp_seconds', { target: TARGET, check: 'trackers' }));
    assert.ok(Math.abs(lastSuccess - Date.now() / 1000) < 120, `last success ${lastSuccess}`);
    assert.equal(family(g, 'trackers_probe_duration_seconds')?.type, 'HISTOGRAM');
    // A one-shot run pushes no process_* metrics: they would describe a process that has exited.
    assert.equal(family(g, 'process_cpu_seconds_total'), undefined);
    // Every pushed series also carries the grouping labels on the Pushgateway's own /metrics.
    const text = await getText(`${pushgateway!.url}/metrics`);
    for (const where of [run.stderr, text]) assert.ok(!where.includes(SANDBOX_PASSWORD), 'the password leaked');
    assert.match(
      text,
      new RegExp(
        `^trackers_probes_total\\{check="trackers",instance="${INSTANCE}",job="${JOB}",result="success",target="${TARGET}"\\} 1$`,
        'm',
      ),
    );
  });

  test('a failing run replaces the group: last result 0, the http_5xx failure counted, exit code 1', async () => {
    running.sandbox.setFaults('status=503');
    const run = await runOnce(targetsFile, pushgateway!.url);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, /FAIL +http_5xx/);
    const g = await waitFor(
      'the second push',
      async () => {
        const current = await group();
        return current && value(current, 'probe_success', { target: TARGET, check: 'trackers' }) === '0' ? current : undefined;
      },
      { services },
    );
    assert.equal(value(g, 'trackers_probe_failures_total', { target: TARGET, check: 'trackers', reason: 'http_5xx' }), '1');
    assert.equal(value(g, 'probe_http_status_code', { target: TARGET, check: 'trackers' }), '503');
  });

  test('Prometheus scraping the Pushgateway keeps the grouping labels and fires TrackersProbeFailing', async () => {
    const host = new URL(pushgateway!.url).host;
    prometheus = await startPrometheus({
      binary: gate.path('prometheus'),
      targets: [host],
      honorLabels: true,
      rules: testRules('1s', '10s'),
    });
    const samples = await waitFor(
      'the pushed series in Prometheus',
      async () => {
        const r = await prometheus!.query(`probe_success{target="${TARGET}"}`);
        // trackers, not_found and auth: all three fail on a 503.
        return r.length === 3 ? r : undefined;
      },
      { services: [...services, prometheus.service] },
    );
    for (const s of samples) {
      assert.equal(s.metric.job, JOB, 'honor_labels keeps the pushed job label');
      assert.equal(s.metric.instance, INSTANCE);
      assert.equal(s.value[1], '0');
    }
    const alert = await waitFor(
      'TrackersProbeFailing firing from pushed data',
      async () =>
        (await prometheus!.alerts()).find(
          // The outage page counts locations by target and check: the pushed instance is aggregated away.
          (a) => a.labels.alertname === 'TrackersProbeFailing' && a.state === 'firing' && a.labels.target === TARGET,
        ),
      { services: [...services, prometheus.service] },
    );
    assert.equal(alert.labels.target, TARGET);
  });
});
