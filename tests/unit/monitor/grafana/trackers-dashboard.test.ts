// The Grafana dashboard may only draw what the monitor exports: every PromQL expression is
// checked against the real exposition (metrics module + real probes of the sandbox).
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expressionProblems, type ExpositionIndex } from '../../../support/exposition.ts';
import { TARGET_LABELS, monitorIndex } from '../../../support/monitor-exposition.ts';
import { labelValuesQuery, refsOf } from '../../../support/promql-names.ts';
import { parse } from 'yaml';
import { generateSloRules } from '../../../../monitor/slo/generate-rules.ts';
import { SLO_SPEC_FILE } from '../../../../scripts/generate-slo-rules.ts';

const DASHBOARD_FILE = fileURLToPath(new URL('../../../../monitor/grafana/trackers-dashboard.json', import.meta.url));

interface Panel {
  id: number;
  title: string;
  type: string;
  gridPos: { x: number; y: number; w: number; h: number };
  datasource?: { uid?: string };
  targets?: { expr: string; refId: string }[];
}
interface Dashboard {
  uid: string;
  panels: Panel[];
  templating: { list: { name: string; type: string; query: string | { query: string } }[] };
}

const dashboard = JSON.parse(readFileSync(DASHBOARD_FILE, 'utf8')) as Dashboard;
const exprs = dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => ({ where: `${p.title} ${t.refId}`, expr: t.expr })));

/**
 * The monitor's exposition plus the series the SLO rules record (monitor/slo/): each recorded name
 * with its rule's labels and the SLI's grouping label (target; location is aggregated away).
 */
function withSloRecordings(index: ExpositionIndex): ExpositionIndex {
  const generated = generateSloRules(parse(readFileSync(SLO_SPEC_FILE, 'utf8')));
  assert.ok(generated.ok, 'the SLO spec generates rules');
  const samples = new Map(index.samples);
  for (const rule of generated.groups.flatMap((g) => g.rules)) {
    if (!rule.record || rule.record.includes('by_location')) continue;
    const labels = samples.get(rule.record) ?? new Set<string>();
    for (const l of [...Object.keys(rule.labels ?? {}), 'target']) labels.add(l);
    samples.set(rule.record, labels);
  }
  return { ...index, samples };
}

describe('Grafana dashboard monitor/grafana/trackers-dashboard.json', () => {
  let index: ExpositionIndex;
  before(async () => {
    index = withSloRecordings(await monitorIndex());
  });

  test('has PromQL in every panel', () => {
    assert.ok(exprs.length >= 10, `only ${exprs.length} expressions`);
    for (const p of dashboard.panels) assert.ok((p.targets ?? []).length > 0, `panel "${p.title}" has no query`);
  });

  test('every panel expression uses only metrics and labels the monitor exports', () => {
    const problems = exprs.flatMap(({ where, expr }) =>
      expressionProblems(refsOf(expr), index, TARGET_LABELS).map((p) => `${where}: ${p}`),
    );
    assert.deepEqual(problems, []);
  });

  test('every template variable query uses an exported metric and label', () => {
    const problems: string[] = [];
    for (const v of dashboard.templating.list.filter((t) => t.type === 'query')) {
      const text = typeof v.query === 'string' ? v.query : v.query.query;
      const parsed = labelValuesQuery(text);
      if (!parsed?.expr) {
        problems.push(`$${v.name}: not a label_values(metric, label) query: ${text}`);
        continue;
      }
      const refs = refsOf(parsed.expr);
      problems.push(...expressionProblems(refs, index).map((p) => `$${v.name}: ${p}`));
      for (const s of refs.selectors) {
        if (index.samples.get(s.metric) && !index.samples.get(s.metric)!.has(parsed.label)) {
          problems.push(`$${v.name}: ${s.metric} has no label ${parsed.label}`);
        }
      }
    }
    assert.deepEqual(problems, []);
  });

  // What the dashboard is for: each row is a view the issue asks for.
  const views: { view: string; pattern: RegExp }[] = [
    {
      view: 'latency percentiles from the histogram',
      pattern: /histogram_quantile\(0\.95,.*trackers_probe_duration_seconds_bucket/,
    },
    { view: 'success ratio', pattern: /trackers_probes_total\{[^}]*result="success"[^}]*\}.*\/.*trackers_probes_total/ },
    { view: 'failures by reason', pattern: /sum by \(reason\) \(increase\(trackers_probe_failures_total/ },
    { view: 'schema violations by rule', pattern: /by \([^)]*rule[^)]*\) \(increase\(trackers_schema_violations_total/ },
    { view: 'tracker count', pattern: /^trackers_response_trackers\{/ },
    { view: 'blackbox probe_success', pattern: /^probe_success\{/ },
    { view: 'time since the last success', pattern: /time\(\) - trackers_probe_last_success_timestamp_seconds/ },
    { view: "the SLOs' error budget remaining", pattern: /^slo:period_error_budget_remaining:ratio\{/ },
    { view: 'burn rate by window', pattern: /^slo:burn_rate:ratio_rate1h\{/ },
    { view: 'the SLI over the SLO window', pattern: /slo:sli_error:ratio_rate30d\{/ },
  ];
  for (const { view, pattern } of views) {
    test(`shows ${view}`, () => {
      assert.ok(
        exprs.some(({ expr }) => pattern.test(expr)),
        `no expression matches ${pattern}`,
      );
    });
  }

  test('is importable: unique panel ids, a datasource variable on every panel, no overlapping panels', () => {
    const ids = dashboard.panels.map((p) => p.id);
    assert.equal(new Set(ids).size, ids.length, 'duplicate panel ids');
    for (const p of dashboard.panels)
      assert.equal(p.datasource?.uid, '${datasource}', `panel "${p.title}" has a fixed datasource`);
    const cells = new Map<string, string>();
    for (const p of dashboard.panels) {
      const { x, y, w, h } = p.gridPos;
      assert.ok(x >= 0 && x + w <= 24, `panel "${p.title}" is wider than the grid`);
      for (let i = x; i < x + w; i++) {
        for (let j = y; j < y + h; j++) {
          const other = cells.get(`${i},${j}`);
          assert.equal(other, undefined, `panels "${other}" and "${p.title}" overlap`);
          cells.set(`${i},${j}`, p.title);
        }
      }
    }
  });
});
