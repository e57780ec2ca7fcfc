// The PrometheusRule is generated from monitor/prometheus/*.rules.yml: the committed file is
// what they render (else a cluster alerts on stale rules), its groups pass promtool as a rule
// file of their own, and the renderer refuses what Prometheus would refuse in one file.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse, stringify } from 'yaml';
import { PACKAGE_ROOT } from '../../../src/package-root.ts';
import { collectGroups, readRuleFiles, renderPrometheusRule } from '../../../scripts/prometheus-rule.ts';
import { requireBinaries } from '../../support/require-binary.ts';

const RULES_DIR = join(PACKAGE_ROOT, 'monitor', 'prometheus');
const COMMITTED = join(PACKAGE_ROOT, 'deploy', 'kubernetes', 'common', 'prometheusrule.yaml');
const ruleFiles = readRuleFiles(RULES_DIR, 'monitor/prometheus');

test('the committed PrometheusRule is what monitor/prometheus/*.rules.yml render (npm run k8s:rules)', () => {
  assert.ok(
    readFileSync(COMMITTED, 'utf8') === renderPrometheusRule(ruleFiles),
    'deploy/kubernetes/common/prometheusrule.yaml is out of date: run `npm run k8s:rules` and commit it',
  );
});

test('every group of every rule file is in the PrometheusRule, in file order', () => {
  const expected = ruleFiles.flatMap((f) => (parse(f.text) as { groups: { name: string }[] }).groups.map((g) => g.name));
  const spec = (parse(readFileSync(COMMITTED, 'utf8')) as { spec: { groups: { name: string }[] } }).spec;
  assert.ok(ruleFiles.length >= 2, `rule files: ${ruleFiles.map((f) => f.name).join(', ')}`);
  assert.deepEqual(
    spec.groups.map((g) => g.name),
    expected,
  );
});

const promtool = requireBinaries('promtool');

test('the PrometheusRule groups pass promtool check rules', { skip: promtool.skip }, () => {
  const spec = (parse(readFileSync(COMMITTED, 'utf8')) as { spec: { groups: unknown[] } }).spec;
  const dir = mkdtempSync(join(tmpdir(), 'prometheusrule-'));
  try {
    const file = join(dir, 'prometheusrule.rules.yml');
    writeFileSync(file, stringify({ groups: spec.groups }));
    const r = spawnSync(promtool.path('promtool'), ['check', 'rules', file], { encoding: 'utf8', timeout: 20_000 });
    assert.equal(r.status, 0, `promtool check rules:\n${r.stdout}${r.stderr}`);
    assert.match(r.stdout, /SUCCESS: \d+ rules found/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const file = (name: string, text: string) => ({ name, text });

test('a group name used in two rule files is refused, naming both files', () => {
  const group = 'groups:\n  - name: same\n    rules:\n      - record: a:b\n        expr: up\n';
  assert.throws(() => collectGroups([file('a.rules.yml', group), file('b.rules.yml', group)]), {
    message: 'b.rules.yml: group "same" is also in a.rules.yml',
  });
});

const BAD_FILES = [
  { name: 'no groups list', text: 'rules: []\n', message: 'x.rules.yml: no top-level groups list' },
  { name: 'an empty file', text: '', message: 'x.rules.yml: no top-level groups list' },
  { name: 'a group without a name', text: 'groups:\n  - rules: []\n', message: 'x.rules.yml: groups[0] has no name' },
] as const;

for (const c of BAD_FILES) {
  test(`a rule file with ${c.name} is refused, naming the file`, () => {
    assert.throws(() => collectGroups([file('x.rules.yml', c.text)]), { message: c.message });
  });
}
