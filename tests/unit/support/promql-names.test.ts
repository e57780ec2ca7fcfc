import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { labelValuesQuery, refsOf } from '../../support/promql-names.ts';
import { indexExposition } from '../../support/exposition.ts';

describe('refsOf', () => {
  const cases: { expr: string; selectors: [string, string[]][]; grouping?: string[] }[] = [
    { expr: 'up', selectors: [['up', []]] },
    { expr: 'probe_success{check="trackers"} == 0', selectors: [['probe_success', ['check']]] },
    {
      expr: 'histogram_quantile(0.95, sum by (target, check, le) (rate(trackers_probe_duration_seconds_bucket[10m]))) > 3',
      selectors: [['trackers_probe_duration_seconds_bucket', []]],
      grouping: ['target', 'check', 'le'],
    },
    {
      expr: 'sum(rate(a_total{x=~"$target",y!="b,c}"}[$__rate_interval])) without (z) / on(x) group_left(w) b_total offset 5m',
      selectors: [
        ['a_total', ['x', 'y']],
        ['b_total', []],
      ],
      grouping: ['z', 'x', 'w'],
    },
    {
      expr: 'time() - trackers_probe_last_success_timestamp_seconds > 900',
      selectors: [['trackers_probe_last_success_timestamp_seconds', []]],
    },
    { expr: 'absent(trackers_monitor_info)', selectors: [['trackers_monitor_info', []]] },
    {
      expr: 'x and y or z unless w',
      selectors: [
        ['x', []],
        ['y', []],
        ['z', []],
        ['w', []],
      ],
    },
    { expr: '1e3 * m > bool 0.5', selectors: [['m', []]] },
    { expr: 'max_over_time(m[5m:30s]) > $threshold', selectors: [['m', []]] },
  ];
  for (const c of cases) {
    test(c.expr, () => {
      const refs = refsOf(c.expr);
      assert.deepEqual(
        refs.selectors.map((s) => [s.metric, s.labels]),
        c.selectors,
      );
      assert.deepEqual(refs.groupingLabels, c.grouping ?? []);
    });
  }

  test('a selector without a metric name is an error, not silently ignored', () => {
    assert.throws(() => refsOf('{__name__=~"trackers_.*"}'), /without a metric name/);
  });
});

describe('labelValuesQuery', () => {
  test('splits a Grafana label_values query', () => {
    assert.deepEqual(labelValuesQuery('label_values(trackers_probes_total{target=~"$target"}, check)'), {
      expr: 'trackers_probe_total{target=~"$target"}'.replace('probe_', 'probes_'),
      label: 'check',
    });
    assert.deepEqual(labelValuesQuery('label_values(target)'), { expr: undefined, label: 'target' });
    assert.equal(labelValuesQuery('query_result(up)'), undefined);
  });
});

describe('indexExposition', () => {
  test('collects sample names with their labels and counts series', () => {
    const index = indexExposition(
      [
        '# HELP h_seconds A histogram.',
        '# TYPE h_seconds histogram',
        'h_seconds_bucket{le="1",target="a"} 0',
        'h_seconds_bucket{le="+Inf",target="a"} 2',
        'h_seconds_sum{target="a"} 1.5',
        'h_seconds_count{target="a"} 2',
        'g 1',
        'c_total{reason="x \\"quoted\\"",target="a"} 0 1700000000000',
        '',
      ].join('\n'),
    );
    assert.deepEqual([...index.samples.get('h_seconds_bucket')!], ['le', 'target']);
    assert.deepEqual([...index.samples.get('c_total')!], ['reason', 'target']);
    assert.deepEqual([...index.samples.get('g')!], []);
    assert.equal(index.types.get('h_seconds'), 'histogram');
    assert.equal(index.seriesCount, 6);
  });

  // prom-client writes `Nan` for an event-loop histogram with no sample yet; Prometheus reads
  // NaN and Inf in any case, so must we (this was a one-in-five flake).
  test('reads NaN and Inf in any case, with a sign', () => {
    for (const value of ['Nan', 'NaN', 'nan', '+Inf', '-Inf', 'inf', '-infinity', '1e-3', '-0']) {
      const index = indexExposition(`nodejs_eventloop_lag_mean_seconds ${value}\n`);
      assert.equal(index.seriesCount, 1, value);
    }
    assert.throws(() => indexExposition('g Nanx'), /not an exposition sample line/);
    assert.throws(() => indexExposition('g infinit'), /not an exposition sample line/);
  });

  test('rejects a line that is not a sample', () => {
    assert.throws(() => indexExposition('not a metric line {'), /not an exposition sample line/);
  });
});
