// The alert rules may only use what the monitor exports, every rule has promtool unit tests
// (firing and not firing), and the latency thresholds sit on histogram bucket boundaries.
// promtool itself (check rules, test rules) runs in tests/prometheus/ (npm run test:prometheus).
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DEFAULTS } from '../../../../src/config/api.ts';
import { CONTRACT_REASONS, durationBuckets } from '../../../../monitor/metrics.ts';
import { expressionProblems, type ExpositionIndex } from '../../../support/exposition.ts';
import { SCRAPE_SERIES, TARGET_LABELS, monitorIndex } from '../../../support/monitor-exposition.ts';
import { refsOf } from '../../../support/promql-names.ts';
import { RULES_TEST_FILE, readAlertRules, withFor } from '../../../support/rules-file.ts';

const rules = readAlertRules();

/** alertname → the kinds of expectations its promtool tests make: 'fires' and/or 'silent'. */
function promtoolExpectations(text: string): Map<string, Set<'fires' | 'silent'>> {
  const seen = new Map<string, Set<'fires' | 'silent'>>();
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    const m = line.match(/^\s*alertname:\s*(\S+)\s*$/);
    if (!m) return;
    const next = lines.slice(i + 1).find((l) => /^\s*exp_alerts:/.test(l)) ?? '';
    const kinds = seen.get(m[1]!) ?? new Set();
    kinds.add(/exp_alerts:\s*\[\s*\]/.test(next) ? 'silent' : 'fires');
    seen.set(m[1]!, kinds);
  });
  return seen;
}

describe('alert rules monitor/prometheus/trackers-alerts.rules.yml', () => {
  let index: ExpositionIndex;
  before(async () => {
    index = await monitorIndex();
    for (const name of SCRAPE_SERIES) index.samples.set(name, new Set());
  });

  test('cover what the issue asks for', () => {
    const names = rules.map((r) => r.alert);
    for (const name of [
      'TrackersProbeFailing',
      'TrackersNoRecentSuccess',
      'TrackersLatencyOverBudget',
      'TrackersSchemaViolations',
      'TrackersNotFoundCheckFailing',
      'TrackersLost8015',
      'TrackersAuthNotEnforced',
      'TrackersCheckFailingAtLocation',
      'TrackersMonitorDown',
      'TrackersMonitorAbsent',
    ]) {
      assert.ok(names.includes(name), `missing ${name}`);
    }
    assert.equal(new Set(names).size, names.length, 'duplicate alert names');
  });

  for (const rule of rules) {
    test(`${rule.alert} uses only metrics and labels the monitor exports`, () => {
      assert.deepEqual(expressionProblems(refsOf(rule.expr), index, TARGET_LABELS), []);
    });
  }

  test('every rule has a severity of page or ticket', () => {
    for (const r of rules) assert.ok(['page', 'ticket'].includes(r.severity ?? ''), `${r.alert}: severity ${r.severity}`);
  });

  test('network-causable failures page only through the quorum; contract breaks page without one', () => {
    const quorum = rules.filter((r) => r.expr.includes('clamp_max('));
    assert.deepEqual(
      quorum.map((r) => r.alert),
      ['TrackersProbeFailing', 'TrackersNotFoundCheckFailing'],
    );
    for (const r of quorum) {
      assert.match(r.expr, /clamp_max\(count by \(target, check\) \(probe_success\{[^}]*\}\), 2\)/, r.alert);
      assert.ok(r.expr.includes('reason!~"schema_violation|error_code_mismatch|auth_not_enforced"'), r.alert);
    }
    for (const name of ['TrackersSchemaViolations', 'TrackersLost8015', 'TrackersAuthNotEnforced']) {
      const r = rules.find((x) => x.alert === name)!;
      assert.equal(r.severity, 'page', name);
      assert.equal(r.for, undefined, `${name} pages at once`);
    }
    // Everything else that pages is in one of the lists above.
    const pages = rules.filter((r) => r.severity === 'page').map((r) => r.alert);
    assert.deepEqual(
      pages.sort(),
      [...quorum.map((r) => r.alert), 'TrackersSchemaViolations', 'TrackersLost8015', 'TrackersAuthNotEnforced'].sort(),
    );
  });

  test('every alert about a target is quiet in a maintenance window, but TrackersAuthNotEnforced', () => {
    // The monitor's own health (down, absent) is not a target's; auth without credentials pages in a window too.
    const exempt = ['TrackersAuthNotEnforced', 'TrackersMonitorDown', 'TrackersMonitorAbsent'];
    const missing = rules
      .filter((r) => !exempt.includes(r.alert))
      .filter((r) => !/unless on \(target\) \(max by \(target\) \((max_over_time\()?trackers_maintenance/.test(r.expr))
      .map((r) => r.alert);
    assert.deepEqual(missing, []);
  });

  test("the contract reasons of the rules are the metrics module's", () => {
    for (const r of rules.filter((x) => x.expr.includes('reason!~')))
      assert.ok(r.expr.includes(`reason!~"${CONTRACT_REASONS.join('|')}"`), r.alert);
  });

  test('every rule has promtool tests where it fires and where it stays silent', () => {
    const expectations = promtoolExpectations(readFileSync(RULES_TEST_FILE, 'utf8'));
    const missing = rules.flatMap((r) =>
      (['fires', 'silent'] as const).filter((k) => !expectations.get(r.alert)?.has(k)).map((k) => `${r.alert} never ${k}`),
    );
    assert.deepEqual(missing, []);
  });

  test('latency thresholds are bucket boundaries of the duration histogram with the default thresholds', () => {
    const buckets = durationBuckets([{ config: DEFAULTS }]);
    const latencyRules = rules.filter((r) => r.expr.includes('histogram_quantile('));
    assert.ok(latencyRules.length >= 1);
    for (const r of latencyRules) {
      // The comparison closes the quantile; a maintenance `unless` may follow it.
      const threshold = Number(r.expr.match(/^[^]*\)\s*>\s*([\d.]+)/)?.[1]);
      assert.ok(
        buckets.includes(threshold),
        `${r.alert}: threshold ${threshold} s is not a bucket boundary (${buckets.join(', ')})`,
      );
    }
    const budget = DEFAULTS.latencyBudgetMs / 1000;
    assert.ok(
      latencyRules.some((r) => r.expr.match(/^[^]*\)\s*>\s*([\d.]+)/)?.[1] === String(budget)),
      `no rule compares p95 with the default budget ${budget} s`,
    );
  });

  test('withFor rewrites every for: (the end-to-end tests rely on it)', () => {
    const text = readFileSync(new URL('../../../../monitor/prometheus/trackers-alerts.rules.yml', import.meta.url), 'utf8');
    const fast = readAlertRules(withFor(text, '1s'));
    assert.deepEqual(
      fast.map((r) => [r.alert, r.for]),
      rules.map((r) => [r.alert, r.for === undefined ? undefined : '1s']),
    );
  });
});
