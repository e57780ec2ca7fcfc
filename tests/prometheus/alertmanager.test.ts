// The example Alertmanager config (monitor/alertmanager/alertmanager.example.yml) checked with the tool its
// users use: amtool check-config, and amtool config routes test for every alert of the rules file (each
// routed by its severity) and for the edge cases. Inhibition has no amtool test: the fleet suite
// (tests/fleet/) sees it work on real Alertmanagers.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { requireBinaries } from '../support/require-binary.ts';
import { readAlertRules } from '../support/rules-file.ts';

const CONFIG = fileURLToPath(new URL('../../monitor/alertmanager/alertmanager.example.yml', import.meta.url));
const RUNBOOKS = fileURLToPath(new URL('../../monitor/runbooks.md', import.meta.url));
const gate = requireBinaries('amtool');

function amtool(args: string[]) {
  const r = spawnSync(gate.path('amtool'), args, { encoding: 'utf8', timeout: 30_000 });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

/** The receiver amtool resolves for these labels (`label=value` each). */
function routeOf(labels: Record<string, string>, config = CONFIG): string {
  const args = Object.entries(labels).map(([k, v]) => `${k}=${v}`);
  const r = amtool(['config', 'routes', 'test', `--config.file=${config}`, ...args]);
  assert.equal(r.status, 0, r.output);
  return r.output.split('\n')[0]!.trim();
}

describe('Alertmanager example config', { skip: gate.skip }, () => {
  test('amtool check-config accepts it', () => {
    const r = amtool(['check-config', CONFIG]);
    assert.equal(r.status, 0, r.output);
    assert.match(r.output, /SUCCESS/);
    assert.match(r.output, /2 inhibit rules/);
  });

  test('amtool check-config refuses a broken copy (an inhibit rule with a bad matcher)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'trackers-am-'));
    try {
      const broken = path.join(dir, 'alertmanager.yml');
      const text = readFileSync(CONFIG, 'utf8');
      const bad = text.replace(`['severity="page"']\n    target_matchers`, `['severity=~"("']\n    target_matchers`);
      assert.notEqual(bad, text, 'the broken copy must differ');
      writeFileSync(broken, bad);
      const r = amtool(['check-config', broken]);
      assert.notEqual(r.status, 0, r.output);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  const cases: { labels: Record<string, string>; receiver: string }[] = [
    { labels: { severity: 'page', target: 'eu', alertname: 'TrackersProbeFailing' }, receiver: 'pager' },
    {
      labels: { severity: 'ticket', target: 'eu', alertname: 'TrackersCheckFailingAtLocation', location: 'a' },
      receiver: 'ticket',
    },
    { labels: { severity: 'ticket', alertname: 'TrackersMonitorDown', instance: '10.0.0.2:9464' }, receiver: 'ticket' },
    // An alert someone added without a severity still reaches a person, on the ticket queue.
    { labels: { alertname: 'SomethingNew' }, receiver: 'ticket' },
    { labels: { severity: 'critical', alertname: 'OldStyle' }, receiver: 'ticket' },
  ];
  for (const c of cases) {
    test(`routes ${JSON.stringify(c.labels)} to ${c.receiver}`, () => {
      assert.equal(routeOf(c.labels), c.receiver);
    });
  }

  test('routes every alert of the rules file by its severity (amtool config routes test --verify.receivers)', () => {
    for (const rule of readAlertRules()) {
      const want = rule.severity === 'page' ? 'pager' : 'ticket';
      const r = amtool([
        'config',
        'routes',
        'test',
        `--config.file=${CONFIG}`,
        `--verify.receivers=${want}`,
        `alertname=${rule.alert}`,
        `severity=${rule.severity}`,
        'target=eu',
      ]);
      assert.equal(r.status, 0, `${rule.alert}: ${r.output}`);
    }
  });

  test('groups by target and alertname; inhibition names only alerts that exist; every runbook_url has its section', () => {
    const config = parse(readFileSync(CONFIG, 'utf8')) as {
      route: { group_by: string[] };
      inhibit_rules: { source_matchers: string[]; target_matchers: string[]; equal: string[] }[];
    };
    assert.deepEqual(config.route.group_by, ['target', 'alertname']);
    const names = new Set(readAlertRules().map((r) => r.alert));
    for (const rule of config.inhibit_rules) {
      assert.deepEqual(rule.equal, ['target']);
      for (const m of [...rule.source_matchers, ...rule.target_matchers]) {
        const alertnames = /^alertname=~?"(.*)"$/.exec(m)?.[1];
        for (const n of alertnames?.split('|') ?? []) assert.ok(names.has(n), `inhibit rule names unknown alert ${n}`);
      }
    }
    const rulesText = readFileSync(
      fileURLToPath(new URL('../../monitor/prometheus/trackers-alerts.rules.yml', import.meta.url)),
      'utf8',
    );
    const anchors = new Set([...readFileSync(RUNBOOKS, 'utf8').matchAll(/^## (\w+)$/gm)].map((m) => m[1]!.toLowerCase()));
    const urls = [...rulesText.matchAll(/runbook_url: 'monitor\/runbooks\.md#(\w+)'/g)].map((m) => m[1]!);
    assert.equal(urls.length, names.size, 'one runbook_url per alert');
    for (const a of urls) assert.ok(anchors.has(a), `monitor/runbooks.md has no section for #${a}`);
  });
});
