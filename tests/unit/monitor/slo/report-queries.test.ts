// The report's PromQL, made from the spec's SLI queries: every rate(S[{{.window}}]) becomes S's exact
// increase over a step, the rest of the query kept; a query of another form is refused, naming it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { checkSloSpec } from '../../../../monitor/slo/generate-rules.ts';
import { reportQueries, samplesPerHourQuery, sliCheck, stepFor, stepIncrease } from '../../../../monitor/slo/report-queries.ts';
import { SLO_SPEC_FILE } from '../../../../scripts/generate-slo-rules.ts';
import type { SloSpecObjective } from '../../../../src/types.generated.ts';

const checked = checkSloSpec(parse(readFileSync(SLO_SPEC_FILE, 'utf8')));
assert.ok(checked.ok);
const shipped = checked.spec.slos;
const named = (name: string) => shipped.find((s) => s.name === name)!;
const withQueries = (error_query: string, total_query = 'sum(rate(t_total[{{.window}}]))'): SloSpecObjective => ({
  ...shipped[0]!,
  sli: { events: { error_query, total_query } },
});

describe('the report’s queries from the shipped spec', () => {
  test('availability: the spec’s sums, over each counter’s increase in the step (a reset or a new series: its value)', () => {
    const q = reportQueries(named('trackers-availability'), 0);
    assert.ok(q.ok);
    // The spec leaves out the probes that started in a maintenance window (or 0 where a target has none).
    const less = (counter: string, maintenance: string, offsetMs: number) => {
      const sum = (c: string) => `sum by (target, location) (${stepIncrease(c, offsetMs)})`;
      return `${sum(counter)} - (${sum(maintenance)} or 0 * ${sum(counter)})`;
    };
    const failures = 'trackers_probes_total{check="trackers",result="failure"}';
    assert.equal(
      q.queries.bad(60_000),
      less(failures, 'trackers_maintenance_probes_total{check="trackers",result="failure"}', 60_000),
    );
    assert.ok(
      q.queries
        .bad(60_000)
        .startsWith(`sum by (target, location) (((${failures} - ${failures} offset 60000ms) >= 0 or (${failures} + 0)))`),
    );
    assert.equal(
      q.queries.total(15_000),
      less('trackers_probes_total{check="trackers"}', 'trackers_maintenance_probes_total{check="trackers"}', 15_000),
    );
    assert.deepEqual(q.queries.selectors, [
      'trackers_probes_total{check="trackers"}',
      'trackers_maintenance_probes_total{check="trackers"}',
      'trackers_probes_total{check="trackers"}',
    ]);
    assert.equal(
      q.queries.reasons?.(60_000),
      `sum by (target, location, reason) (${stepIncrease('trackers_probe_failures_total{check="trackers"}', 60_000)})`,
    );
  });
  test('latency: both histogram counters of the difference are rewritten; the reasons are the trackers check’s', () => {
    const q = reportQueries(named('trackers-latency'), 1);
    assert.ok(q.ok);
    const bad = q.queries.bad(60_000);
    assert.ok(bad.includes(stepIncrease('trackers_probe_duration_seconds_count{check="trackers"}', 60_000)), bad);
    assert.ok(bad.includes(stepIncrease('trackers_probe_duration_seconds_bucket{check="trackers",le="1"}', 60_000)), bad);
    assert.doesNotMatch(bad, /\{\{|rate\(/);
    assert.match(q.queries.reasons?.(60_000) ?? '', /trackers_probe_failures_total\{check="trackers"\}/);
  });
  test('not_found: its own check’s reasons', () => {
    assert.equal(sliCheck(named('not-found-availability')), 'not_found');
  });
});

describe('queries the report cannot read', () => {
  for (const [what, query] of [
    ['a function of the range other than rate and increase', 'sum(avg_over_time(x[{{.window}}]))'],
    ['a subquery', 'sum(rate(sum(x)[{{.window}}:1m]))'],
    ['no range at all', 'sum(x)'],
  ] as const)
    test(what, () => {
      const q = reportQueries(withQueries(query), 2);
      assert.deepEqual(q.ok, false);
      assert.match(
        (q as { error: string }).error,
        /^\$\.slos\[2\]\.sli\.events\.error_query: the report reads each \{\{\.window\}\} as rate/,
      );
    });
  test('increase() is read as rate() is; an SLI naming two checks has no reasons', () => {
    const q = reportQueries(withQueries('sum(increase(x{check="a"}[{{.window}}]))', 'sum(rate(y{check="b"}[{{ .window }}]))'), 0);
    assert.ok(q.ok);
    assert.equal(q.queries.bad(1000), `sum(${stepIncrease('x{check="a"}', 1000)})`);
    assert.equal(q.queries.total(1000), `sum(${stepIncrease('y{check="b"}', 1000)})`);
    assert.equal(q.queries.reasons, undefined);
  });
});

describe('the step: the scrape interval', () => {
  test('samples an hour (both ends counted, as Prometheus 2 does; or one end, as 3 does) → the nearest readable step', () => {
    assert.equal(stepFor(61), 60);
    assert.equal(stepFor(60), 60);
    assert.equal(stepFor(241), 15);
    assert.equal(stepFor(121), 30);
    assert.equal(stepFor(31), 120);
    assert.equal(stepFor(2), 3600);
  });
  test('the densest hour of the period, over each counter', () => {
    assert.equal(
      samplesPerHourQuery(['a{x="1"}', 'b', 'a{x="1"}'], 2_592_000),
      'max(max_over_time(count_over_time(a{x="1"}[1h])[2592000s:1h]) or max_over_time(count_over_time(b[1h])[2592000s:1h]))',
    );
  });
});
