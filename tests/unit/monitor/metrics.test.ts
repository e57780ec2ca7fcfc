import { MaintenanceSchedule } from '../../../monitor/maintenance.ts';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { Registry } from 'prom-client';
import { WARNING_RULES } from '../../../src/validate.ts';
import {
  CONTRACT_REASONS,
  METRIC_NAMES,
  SCHEMA_RULES,
  createMetrics,
  durationBuckets,
  fieldLabel,
  ruleLabel,
} from '../../../monitor/metrics.ts';
import { PHASES } from '../../../monitor/phases.ts';
import { pathPattern } from '../../../src/group-findings.ts';
import { MONITOR_CHECKS, type Probe } from '../../../monitor/probe.ts';
import { REASONS, REASONS_BY_CHECK } from '../../../src/checks/result.ts';
import { metricValue, probeOf, testTarget, type ProbeFacts } from './helpers.ts';

const RULES_DIR = path.join(import.meta.dirname, '../../../monitor/prometheus');

const targets = [testTarget('eu'), testTarget('us-1', { latencyBudgetMs: 500, latencyDegradedMs: 200 })];

function result(facts: ProbeFacts = {}): Probe {
  return probeOf({
    message: 'HTTP 200, 3 tracker(s), 12 ms',
    startedAt: 1_700_000_000_000,
    durationMs: 12,
    ttfbMs: 10,
    trackerCount: 3,
    // Compressed on the wire: the two sizes differ.
    bodySize: 1234,
    decodedBodySize: 5678,
    ...facts,
  });
}

function build(defaultMetrics = false) {
  const registry = new Registry();
  const metrics = createMetrics({ registry, targets, version: '1.2.3', defaultMetrics });
  return { registry, metrics };
}

const EXPECTED_TYPES: Record<string, string> = {
  trackers_probe_duration_seconds: 'histogram',
  trackers_probes_total: 'counter',
  trackers_probe_failures_total: 'counter',
  trackers_probe_last_success_timestamp_seconds: 'gauge',
  trackers_probe_degraded_total: 'counter',
  trackers_probe_auth_refreshes_total: 'counter',
  trackers_schema_violations_total: 'counter',
  trackers_data_quality_warnings_total: 'counter',
  trackers_response_trackers: 'gauge',
  trackers_response_size_bytes: 'gauge',
  trackers_response_decoded_size_bytes: 'gauge',
  trackers_monitor_targets: 'gauge',
  trackers_monitor_info: 'gauge',
  probe_success: 'gauge',
  probe_duration_seconds: 'gauge',
  probe_http_status_code: 'gauge',
  probe_http_duration_seconds: 'gauge',
  trackers_probe_failing: 'gauge',
  trackers_check_flapping: 'gauge',
  trackers_maintenance: 'gauge',
  trackers_maintenance_probes_total: 'counter',
  trackers_maintenance_slow_probes_total: 'counter',
};

describe('metric names, types and help', () => {
  test('exactly the documented metrics, each with its type and a help text', async () => {
    const { registry } = build();
    const json = await registry.getMetricsAsJSON();
    assert.deepEqual(Object.fromEntries(json.map((m) => [m.name, m.type])), EXPECTED_TYPES);
    assert.deepEqual(new Set(Object.values(METRIC_NAMES)), new Set(Object.keys(EXPECTED_TYPES)));
    for (const m of json) assert.ok(m.help.length > 10, `${m.name} needs a help text`);
    for (const m of json) {
      if (String(m.type) === 'counter') assert.match(m.name, /_total$/);
      else assert.doesNotMatch(m.name, /_total$/);
    }
  });

  test('default metrics (process_*, nodejs_*) are on the same registry when asked for', async () => {
    const { registry } = build(true);
    const text = await registry.metrics();
    assert.match(text, /^process_cpu_user_seconds_total /m);
    assert.match(text, /^nodejs_version_info\{/m);
  });

  test('the monitor info and target count', async () => {
    const { registry } = build();
    assert.equal(await metricValue(registry, 'trackers_monitor_info', { version: '1.2.3' }), 1);
    assert.equal(await metricValue(registry, 'trackers_monitor_targets', {}), 2);
  });
});

describe('every known series exists from the first scrape', () => {
  test('the counters a rule reads by exact label value start at zero; breakdowns appear when they occur', async () => {
    const { registry } = build();
    for (const { name: target } of targets) {
      for (const check of MONITOR_CHECKS) {
        for (const result of ['success', 'failure'])
          assert.equal(await metricValue(registry, METRIC_NAMES.probes, { target, check, result }), 0);
        for (const reason of REASONS) {
          const zeroed = REASONS_BY_CHECK[check].includes(reason) && (CONTRACT_REASONS as readonly string[]).includes(reason);
          assert.equal(
            await metricValue(registry, METRIC_NAMES.failures, { target, check, reason }),
            zeroed ? 0 : undefined,
            reason,
          );
        }
        for (const rule of SCHEMA_RULES)
          assert.equal(await metricValue(registry, METRIC_NAMES.schemaViolations, { target, check, rule }), undefined);
        assert.equal(await metricValue(registry, METRIC_NAMES.degraded, { target, check }), 0);
        assert.equal(await metricValue(registry, METRIC_NAMES.flapping, { target, check }), 0);
      }
      for (const kind of WARNING_RULES)
        assert.equal(await metricValue(registry, METRIC_NAMES.dataQuality, { target, kind }), undefined);
    }
    assert.equal(
      await metricValue(registry, METRIC_NAMES.failures, { target: 'eu', check: 'not_found', reason: 'error_code_mismatch' }),
      0,
    );
    assert.equal(
      await metricValue(registry, METRIC_NAMES.failures, { target: 'eu', check: 'auth', reason: 'auth_not_enforced' }),
      0,
    );
    const text = await registry.metrics();
    assert.match(text, /^trackers_probe_duration_seconds_count\{target="eu",check="trackers"\} 0$/m);
  });

  test('every counter an alert or SLO rule selects by an exact reason or result is zeroed (so increase() sees the first one)', async () => {
    const { registry } = build();
    const rules = readdirSync(RULES_DIR)
      .filter((f) => f.endsWith('.rules.yml'))
      .map((f) => readFileSync(path.join(RULES_DIR, f), 'utf8'))
      .join('\n');
    const selectors = [...rules.matchAll(/(trackers_probes_total|trackers_probe_failures_total)\{([^}]*)\}/g)];
    assert.ok(selectors.length > 5, 'the rules select the probe counters');
    let exact = 0;
    for (const [, name, matchers] of selectors) {
      const labels = Object.fromEntries([...matchers!.matchAll(/(\w+)="([^"$]+)"/g)].map((m) => [m[1]!, m[2]!]));
      if (labels.reason === undefined && labels.result === undefined) continue;
      exact++;
      const checks = labels.check
        ? [labels.check]
        : MONITOR_CHECKS.filter((c) => !labels.reason || REASONS_BY_CHECK[c].includes(labels.reason as never));
      for (const check of checks) {
        const want = {
          target: 'eu',
          check,
          ...(labels.reason ? { reason: labels.reason } : {}),
          ...(labels.result ? { result: labels.result } : {}),
        };
        assert.equal(await metricValue(registry, name!, want), 0, `${name}{${matchers}} for check ${check}`);
      }
    }
    assert.ok(exact >= 3, `rules select by exact reason or result (${exact})`);
  });

  test('last-result gauges stay absent until the first probe (no false alert at start-up)', async () => {
    const { registry } = build();
    assert.equal(await metricValue(registry, METRIC_NAMES.probeSuccess, { target: 'eu', check: 'trackers' }), undefined);
    assert.equal(await metricValue(registry, METRIC_NAMES.lastSuccess, { target: 'eu', check: 'trackers' }), undefined);
  });
});

describe('recording a result', () => {
  test('a success', async () => {
    const { registry, metrics } = build();
    metrics.record(result({ warnings: [{ path: '$.data[1]', rule: 'duplicate_tracker_key', message: 'x' }] }));
    const l = { target: 'eu', check: 'trackers' };
    assert.equal(await metricValue(registry, METRIC_NAMES.probes, { ...l, result: 'success' }), 1);
    assert.equal(await metricValue(registry, METRIC_NAMES.probeSuccess, l), 1);
    assert.equal(await metricValue(registry, METRIC_NAMES.probeDuration, l), 0.012);
    assert.equal(await metricValue(registry, METRIC_NAMES.probeStatus, l), 200);
    assert.equal(await metricValue(registry, METRIC_NAMES.lastSuccess, l), 1_700_000_000.012);
    assert.equal(await metricValue(registry, METRIC_NAMES.trackerCount, { target: 'eu' }), 3);
    assert.equal(await metricValue(registry, METRIC_NAMES.responseSize, l), 1234);
    assert.equal(await metricValue(registry, METRIC_NAMES.responseDecodedSize, l), 5678);
    assert.equal(await metricValue(registry, METRIC_NAMES.dataQuality, { target: 'eu', kind: 'duplicate_tracker_key' }), 1);
    const text = await registry.metrics();
    assert.match(text, /^trackers_probe_duration_seconds_bucket\{le="0.025",target="eu",check="trackers"\} 1$/m);
    assert.match(text, /^trackers_probe_duration_seconds_bucket\{le="0.01",target="eu",check="trackers"\} 0$/m);
  });

  test('a failure counts once under its reason and leaves the last success alone', async () => {
    const { registry, metrics } = build();
    metrics.record(result());
    metrics.record(result({ reason: 'timeout', status: undefined, durationMs: 10_000, startedAt: 1_700_000_100_000 }));
    const l = { target: 'eu', check: 'trackers' };
    assert.equal(await metricValue(registry, METRIC_NAMES.failures, { ...l, reason: 'timeout' }), 1);
    assert.equal(await metricValue(registry, METRIC_NAMES.probes, { ...l, result: 'failure' }), 1);
    assert.equal(await metricValue(registry, METRIC_NAMES.probeSuccess, l), 0);
    assert.equal(await metricValue(registry, METRIC_NAMES.probeStatus, l), 0, 'no response: status 0, as blackbox_exporter');
    assert.equal(await metricValue(registry, METRIC_NAMES.lastSuccess, l), 1_700_000_000.012);
  });

  test('schema violations count once per probe and rule; an unknown rule becomes "other"', async () => {
    const { registry, metrics } = build();
    const errors = [
      { path: '$.data[0].id', rule: 'type', message: 'must be integer' },
      { path: '$.data[1].id', rule: 'type', message: 'must be integer' },
      { path: '$.data[2]', rule: 'some-new-keyword', message: '?' },
    ];
    metrics.record(result({ check: 'not_found', reason: 'schema_violation', errors }));
    const l = { target: 'eu', check: 'not_found' };
    assert.equal(await metricValue(registry, METRIC_NAMES.schemaViolations, { ...l, rule: 'type' }), 1);
    assert.equal(await metricValue(registry, METRIC_NAMES.schemaViolations, { ...l, rule: 'other' }), 1);
    assert.equal(await metricValue(registry, METRIC_NAMES.schemaViolations, { ...l, rule: 'some-new-keyword' }), undefined);
    assert.equal(ruleLabel('date-time'), 'date-time');
    assert.equal(ruleLabel('$.data[0]'), 'other');
  });

  test('degraded and auth refreshes', async () => {
    const { registry, metrics } = build();
    metrics.record(result({ degraded: true, authRefreshed: true }));
    assert.equal(await metricValue(registry, METRIC_NAMES.degraded, { target: 'eu', check: 'trackers' }), 1);
    assert.equal(await metricValue(registry, METRIC_NAMES.authRefreshes, { target: 'eu', check: 'trackers' }), 1);
  });

  test('a result for an unknown target or check creates no series', async () => {
    const { registry, metrics } = build();
    const before = await registry.metrics();
    metrics.record(result({ target: 'not-configured' }));
    metrics.record(result({ check: 'other' as 'trackers' }));
    assert.equal(await registry.metrics(), before);
  });
});

describe('label values are bounded', () => {
  test('no customer id, message, URL or path ever becomes a label value', async () => {
    const { registry, metrics } = build();
    const customerId = '98662653';
    for (const reason of REASONS) {
      metrics.record(
        result({
          target: 'us-1',
          check: 'not_found',
          reason,
          message: `GET /v2/customers/${customerId}/trackers failed: ${reason} <script>`,
          errors: [{ path: `$.data[0].id`, rule: 'type', message: `customer ${customerId}`, value: customerId }],
          warnings: [{ path: '$.x', rule: 'additional_property', message: `/v2/customers/${customerId}`, value: customerId }],
        }),
      );
    }
    const allowed: Record<string, ReadonlySet<string>> = {
      target: new Set(targets.map((t) => t.name)),
      check: new Set(MONITOR_CHECKS),
      result: new Set(['success', 'failure']),
      reason: new Set(REASONS),
      rule: new Set(SCHEMA_RULES),
      kind: new Set([...WARNING_RULES, 'other']),
      version: new Set(['1.2.3']),
      field: new Set(['', '$.data[*].id']),
      phase: new Set(PHASES),
    };
    for (const m of await registry.getMetricsAsJSON()) {
      for (const v of m.values) {
        for (const [name, value] of Object.entries(v.labels)) {
          if (name === 'le') continue;
          assert.ok(allowed[name], `${m.name}: unexpected label ${name}`);
          assert.ok(allowed[name]!.has(String(value)), `${m.name}{${name}="${value}"} is not from the bounded set`);
          assert.ok(!String(value).includes(customerId) && !String(value).includes('/'), `${m.name}{${name}="${value}"}`);
        }
      }
    }
  });
});

describe('histogram buckets', () => {
  test('the small fixed buckets plus each target’s degraded threshold, budget, 2× and 4× budget, sorted and deduplicated', () => {
    assert.deepEqual(durationBuckets([testTarget('a')]), [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 3, 6, 12]);
    assert.deepEqual(
      durationBuckets(targets),
      [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 3, 6, 12],
      'us-1: degraded 0.2, budget 0.5 (already there), 1, 2',
    );
  });

  test('the registry’s histogram uses them', async () => {
    const { registry } = build();
    const text = await registry.metrics();
    const les = [...text.matchAll(/^trackers_probe_duration_seconds_bucket\{le="([^"]+)",target="eu",check="trackers"\}/gm)].map(
      (m) => m[1],
    );
    assert.deepEqual(les, ['0.005', '0.01', '0.025', '0.05', '0.1', '0.2', '0.25', '0.5', '1', '2', '3', '6', '12', '+Inf']);
  });
});

describe('trackers_probe_failing: the latest failure, with its reason and first broken field', () => {
  test('present while failing, replaced when the reason changes, gone after a success', async () => {
    const { registry, metrics } = build();
    const failing = (labels: Record<string, string>) => metricValue(registry, METRIC_NAMES.failing, labels);
    metrics.record(
      result({
        reason: 'schema_violation',
        errors: [
          { path: '$.data[3].id', rule: 'type', message: 'm' },
          { path: '$.data[4].name', rule: 'type', message: 'm' },
        ],
      }),
    );
    assert.equal(await failing({ target: 'eu', check: 'trackers', reason: 'schema_violation', field: '$.data[*].id' }), 1);
    metrics.record(result({ reason: 'timeout' }));
    assert.equal(
      await failing({ target: 'eu', check: 'trackers', reason: 'schema_violation', field: '$.data[*].id' }),
      undefined,
    );
    assert.equal(await failing({ target: 'eu', check: 'trackers', reason: 'timeout', field: '' }), 1);
    // Another check's failure is its own series.
    metrics.record(result({ check: 'not_found', reason: 'error_code_mismatch' }));
    metrics.record(result());
    assert.equal(await failing({ target: 'eu', check: 'trackers', reason: 'timeout', field: '' }), undefined);
    assert.equal(await failing({ target: 'eu', check: 'not_found', reason: 'error_code_mismatch', field: '' }), 1);
  });

  test('fieldLabel: indices become [*]; anything odd is other', () => {
    assert.equal(fieldLabel('$.data[12].periodStartDate'), '$.data[*].periodStartDate');
    assert.equal(fieldLabel('$.errors[0].code'), '$.errors[*].code');
    assert.equal(fieldLabel('$'), '$');
    assert.equal(fieldLabel('$["a b"]'), 'other');
    assert.equal(fieldLabel(`$.${'x'.repeat(200)}`), 'other');
    // The label is the pattern the grouped findings show (status page, log), not a second spelling of it.
    for (const p of ['$.data[12].periodStartDate', '$.data[0].tags[3]', '$']) assert.equal(fieldLabel(p), pathPattern(p));
  });
});

describe("probe_http_duration_seconds{phase}: blackbox_exporter's phases of the latest probe", () => {
  test('one series per phase, in seconds', async () => {
    const { registry, metrics } = build();
    const probe = result();
    // Events since the request started: resolved at 1, connected at 3, first byte at 33, done at 38 (no TLS).
    probe.steps[0]!.timings = { startedAt: probe.startedAt, dnsMs: 1, connectMs: 3, ttfbMs: 33, totalMs: 38 };
    metrics.record(probe);
    const phase = (p: string) => metricValue(registry, METRIC_NAMES.probePhases, { target: 'eu', check: 'trackers', phase: p });
    assert.equal(await phase('resolve'), 0.001);
    assert.equal(await phase('connect'), 0.002);
    assert.equal(await phase('tls'), 0);
    assert.equal(await phase('processing'), 0.03);
    assert.equal(await phase('transfer'), 0.005);
  });
});

describe('trackers_check_flapping: the flap status the history judged', () => {
  test('set to 1 and back to 0 as the loop passes it; left alone without a history (--once, push)', async () => {
    const { registry, metrics } = build();
    const labels = { target: 'eu', check: 'trackers' };
    metrics.record(probeOf(), true);
    assert.equal(await metricValue(registry, METRIC_NAMES.flapping, labels), 1);
    metrics.record(probeOf());
    assert.equal(await metricValue(registry, METRIC_NAMES.flapping, labels), 1, 'no history: unchanged');
    metrics.record(probeOf(), false);
    assert.equal(await metricValue(registry, METRIC_NAMES.flapping, labels), 0);
    assert.equal(await metricValue(registry, METRIC_NAMES.flapping, { target: 'eu', check: 'not_found' }), 0);
  });
});

describe('maintenance windows', () => {
  const start = 1_700_000_000_000;
  const maintenance = new MaintenanceSchedule([
    { name: 'upgrade', targets: ['eu'], schedule: { kind: 'once', startMs: start, endMs: start + 3_600_000 } },
  ]);
  const maintained = () => {
    const registry = new Registry();
    return { registry, metrics: createMetrics({ registry, targets, version: '1.2.3', defaultMetrics: false, maintenance }) };
  };

  test('trackers_maintenance is 1 for a target in a window, 0 before, after and for the others', async () => {
    const { registry, metrics } = maintained();
    assert.equal(await metricValue(registry, 'trackers_maintenance', { target: 'eu' }), 0);
    metrics.markMaintenance(start);
    assert.equal(await metricValue(registry, 'trackers_maintenance', { target: 'eu' }), 1);
    assert.equal(await metricValue(registry, 'trackers_maintenance', { target: 'us-1' }), 0);
    metrics.markMaintenance(start + 3_600_000);
    assert.equal(await metricValue(registry, 'trackers_maintenance', { target: 'eu' }), 0);
  });

  test('a probe started in a window counts as ever, and in the maintenance counters too (slow: over the degraded threshold)', async () => {
    const { registry, metrics } = maintained();
    const fail = { reason: 'http_5xx', status: 503, message: 'HTTP 503', durationMs: 5000 } as const;
    metrics.record(result({ ...fail, startedAt: start - 1 }));
    metrics.record(result({ ...fail, startedAt: start }));
    metrics.record(result({ startedAt: start + 10 }));
    metrics.record(result({ ...fail, target: 'us-1', startedAt: start }));
    const get = (name: string, labels: Record<string, string>) => metricValue(registry, name, labels);
    assert.equal(await get('trackers_probes_total', { target: 'eu', check: 'trackers', result: 'failure' }), 2, 'honest counts');
    assert.equal(await get('trackers_maintenance_probes_total', { target: 'eu', check: 'trackers', result: 'failure' }), 1);
    assert.equal(await get('trackers_maintenance_probes_total', { target: 'eu', check: 'trackers', result: 'success' }), 1);
    assert.equal(await get('trackers_maintenance_slow_probes_total', { target: 'eu', check: 'trackers' }), 1);
    const text = await registry.metrics();
    assert.doesNotMatch(text, /trackers_maintenance_probes_total\{target="us-1"/, 'no series where no window applies');
  });
});
