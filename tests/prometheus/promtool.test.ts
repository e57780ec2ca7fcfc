// promtool on everything Prometheus will read: the alert rules (check + unit tests), the
// example scrape config, and the monitor's real exposition (`--once` against the embedded
// sandbox, and /metrics of the long-running service with the process/nodejs metrics).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { requireBinaries } from '../support/require-binary.ts';
import { RULES_FILE, RULES_TEST_FILE } from '../support/rules-file.ts';
import { childEnv, getText, startService, stopAll, waitFor, type Service } from '../support/processes.ts';
import { programArgs } from '../support/program.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const EXAMPLE_CONFIG = fileURLToPath(new URL('../../monitor/prometheus/prometheus.example.yml', import.meta.url));
const MONITOR = programArgs('cli/monitor.ts');

/**
 * `promtool check metrics` findings we accept, each with the reason. A finding not listed fails;
 * a listed one that no longer occurs fails too, so this list cannot go stale.
 */
const ACCEPTED_LINT: Record<string, string> = {
  'nodejs_active_handles_total non-counter metrics should not have "_total" suffix':
    "prom-client's default metric (a gauge named _total); not ours to rename",
  'nodejs_active_requests_total non-counter metrics should not have "_total" suffix':
    "prom-client's default metric (a gauge named _total); not ours to rename",
  'nodejs_active_resources_total non-counter metrics should not have "_total" suffix':
    "prom-client's default metric (a gauge named _total); not ours to rename",
};

const gate = requireBinaries('promtool');

function promtool(args: string[], input?: string) {
  const r = spawnSync(gate.path('promtool'), args, { input, encoding: 'utf8', timeout: 30_000 });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

/** Findings of `promtool check metrics` (exit 0: none; 3: lint problems; anything else: a parse error). */
function lint(exposition: string): string[] {
  const r = promtool(['check', 'metrics'], exposition);
  assert.ok(r.status === 0 || r.status === 3, `promtool check metrics failed (exit ${r.status}): ${r.output}`);
  return r.output
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

function assertLintClean(findings: string[], mustInclude: string[]): void {
  const unexpected = findings.filter((f) => !(f in ACCEPTED_LINT));
  assert.deepEqual(unexpected, [], 'promtool check metrics: new findings (rename the metric, or explain it in ACCEPTED_LINT)');
  for (const f of mustInclude) assert.ok(findings.includes(f), `ACCEPTED_LINT is stale: "${f}" no longer occurs; remove it`);
}

describe('promtool', { skip: gate.skip }, () => {
  test('check rules: the alert rules are valid', () => {
    const r = promtool(['check', 'rules', RULES_FILE]);
    assert.equal(r.status, 0, r.output);
    assert.match(r.output, /SUCCESS: \d+ rules found/);
  });

  test('test rules: every alert fires and stays silent as its unit tests say', () => {
    const r = promtool(['test', 'rules', RULES_TEST_FILE]);
    assert.equal(r.status, 0, r.output);
  });

  test('check config: the example scrape config (with the rules) is valid', () => {
    const r = promtool(['check', 'config', EXAMPLE_CONFIG]);
    assert.equal(r.status, 0, r.output);
  });

  test('check metrics: the --once exposition against the embedded sandbox', () => {
    const r = spawnSync(process.execPath, [...MONITOR, '--once'], {
      cwd: ROOT,
      env: childEnv(),
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(r.status, 0, `monitor --once exited ${r.status}: ${r.stderr}`);
    assert.match(r.stdout, /^# HELP trackers_/m);
    const findings = lint(r.stdout);
    assertLintClean(
      findings,
      Object.keys(ACCEPTED_LINT).filter((f) => f.startsWith('trackers_')),
    );
  });

  describe('the long-running service', () => {
    const services: Service[] = [];
    let metricsUrl = '';
    before(async () => {
      const monitor = startService('monitor', process.execPath, [...MONITOR, '--port', '0'], childEnv(), ROOT);
      services.push(monitor);
      metricsUrl = await waitFor(
        'the monitor to print its metrics URL',
        () => monitor.output().match(/(http:\S+\/metrics)/)?.[1],
        {
          services,
        },
      );
      // The first probe of each pair starts within a second; every family has samples once both checks ran.
      const probed = (text: string) =>
        /^probe_success\{[^}]*check="trackers"/m.test(text) &&
        /^probe_success\{[^}]*check="not_found"/m.test(text) &&
        /^trackers_response_trackers\{/m.test(text);
      await waitFor('both checks probed', async () => (probed(await getText(metricsUrl)) ? true : undefined), { services });
    });
    after(() => stopAll(services));

    test('check metrics: /metrics with the process and nodejs metrics', async () => {
      const text = await getText(metricsUrl);
      assert.match(text, /^process_cpu_seconds_total /m);
      assertLintClean(lint(text), Object.keys(ACCEPTED_LINT));
    });
  });
});
