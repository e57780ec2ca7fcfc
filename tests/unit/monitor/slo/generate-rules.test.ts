// The SLO generator: a bad spec is refused naming the JSON path; a good one yields every
// window, the metadata and a page and a ticket alert per SLO, using only what the monitor
// exports. promtool runs the generated rules in tests/prometheus/slo.test.ts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import { parse } from 'yaml';
import { SLI_WINDOWS, SLO_PERIOD, generateSloRules } from '../../../../monitor/slo/generate-rules.ts';
import { SLO_SPEC_FILE } from '../../../../scripts/generate-slo-rules.ts';
import { expressionProblems, type ExpositionIndex } from '../../../support/exposition.ts';
import { TARGET_LABELS, monitorIndex } from '../../../support/monitor-exposition.ts';
import { refsOf } from '../../../support/promql-names.ts';

const spec = parse(readFileSync(SLO_SPEC_FILE, 'utf8')) as Record<string, unknown>;
const slos = () => structuredClone(spec.slos) as Record<string, unknown>[];

describe('a bad SLO spec is refused, naming the field', () => {
  const cases: [string, unknown, RegExp][] = [
    ['another version', { ...spec, version: 'prometheus/v2' }, /^\$\.version: /],
    ['no slos', { ...spec, slos: [] }, /^\$\.slos: /],
    ['an objective of 100', { ...spec, slos: [{ ...slos()[0], objective: 100 }] }, /^\$\.slos\[0\]\.objective: /],
    ['an unknown field', { ...spec, slos: [{ ...slos()[0], window: '28d' }] }, /^\$\.slos\[0\]\.window: /],
    [
      'a query without {{.window}}',
      (() => {
        const s = slos();
        (s[0]!.sli as { events: { error_query: string } }).events.error_query = 'sum(rate(x[5m]))';
        return { ...spec, slos: s };
      })(),
      /^\$\.slos\[0\]\.sli\.events\.error_query: must contain \{\{\.window\}\}/,
    ],
    [
      'a name used twice',
      { ...spec, slos: [slos()[0], slos()[0]] },
      /^\$\.slos\[1\]\.name: "trackers-availability" is used twice/,
    ],
    ['not an object', 'slos: []', /^\$: /],
  ];
  for (const [name, document, error] of cases) {
    test(name, () => {
      const r = generateSloRules(document);
      assert.equal(r.ok, false);
      assert.ok(!r.ok && r.errors.some((e) => error.test(e)), `${JSON.stringify(r.ok ? [] : r.errors)} should match ${error}`);
    });
  }
});

describe('the rules generated from monitor/slo/trackers.slo.yml', () => {
  const generated = generateSloRules(spec);
  assert.ok(generated.ok);
  const rules = generated.groups.flatMap((g) => g.rules);
  let index: ExpositionIndex;
  before(async () => {
    index = await monitorIndex();
  });

  test('record every window of the workbook and the 30-day period, per SLO', () => {
    for (const name of ['trackers-availability', 'trackers-latency', 'not-found-availability']) {
      const windows = rules
        .filter((r) => r.record === `slo:sli_error:ratio_rate${r.labels?.sloth_window}` && r.labels?.sloth_slo === name)
        .map((r) => r.labels!.sloth_window);
      assert.deepEqual(windows, [...SLI_WINDOWS, SLO_PERIOD], name);
      for (const meta of ['slo:objective:ratio', 'slo:error_budget:ratio', 'slo:period_error_budget_remaining:ratio']) {
        assert.ok(
          rules.some((r) => r.record === meta && r.labels?.sloth_slo === name),
          `${name}: ${meta}`,
        );
      }
    }
  });

  test('alert twice per SLO, a page and a ticket, with the workbook thresholds', () => {
    const alerts = rules.filter((r) => r.alert);
    assert.equal(alerts.length, 6);
    for (const a of alerts) assert.ok(['page', 'ticket'].includes(a.labels?.severity ?? ''), a.alert);
    const page = alerts.find((a) => a.alert === 'TrackersAvailabilityBudgetBurn' && a.labels?.severity === 'page')!;
    assert.match(page.expr, /ratio_rate1h\{[^}]*\} >= \(14\.4 \* 0\.001\)/);
    assert.match(page.expr, /ratio_rate5m\{[^}]*\} >= \(14\.4 \* 0\.001\)/);
    assert.match(page.expr, /ratio_rate6h\{[^}]*\} >= \(6 \* 0\.001\)/);
    const ticket = alerts.find((a) => a.alert === 'TrackersAvailabilityBudgetBurn' && a.labels?.severity === 'ticket')!;
    assert.match(ticket.expr, /ratio_rate1d\{[^}]*\} >= \(3 \* 0\.001\)/);
    assert.match(ticket.expr, /ratio_rate3d\{[^}]*\} >= \(1 \* 0\.001\)/);
  });

  test('SLI queries use only metrics and labels the monitor exports (location comes from the fleet)', () => {
    for (const r of rules.filter((x) => x.record?.startsWith('slo:sli_error_by_location:'))) {
      assert.deepEqual(expressionProblems(refsOf(r.expr), index, new Set([...TARGET_LABELS, 'location'])), [], r.expr);
    }
  });

  test('the latency SLI threshold is a bucket boundary of the duration histogram', () => {
    const latency = rules.find((r) => r.labels?.sloth_slo === 'trackers-latency' && r.record?.includes('by_location'))!;
    const le = /le="([\d.]+)"/.exec(latency.expr)?.[1];
    assert.ok(index.samples.get('trackers_probe_duration_seconds_bucket'), 'the histogram exists');
    assert.equal(le, '1', 'CAP_LATENCY_DEGRADED_MS (1000 ms) as seconds');
  });
});
