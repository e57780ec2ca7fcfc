// Every metric the monitor exports, on an injected prom-client Registry (tests
// build `new Registry()`; the global one is never touched). Prometheus naming:
// base units, `_total` counters, help on every metric. Label values come from
// bounded sets only: `target` is a configured target name, `check` one of
// MONITOR_CHECKS, `reason` one of REASONS, `rule`/`kind` from fixed lists (an
// unknown rule becomes `other`). Never a customer id, a message or a URL path.
import { collectDefaultMetrics, type Registry } from 'prom-client';
import { CounterFamily, GaugeFamily, HistogramFamily } from './exposition.ts';
import { WARNING_RULES } from '../src/validate.ts';
import {
  REASONS,
  REASONS_BY_CHECK,
  authRefreshed,
  bodySize,
  decodedBodySize,
  durationMs,
  lastStep,
  passed,
  type CheckName,
} from '../src/checks/result.ts';
import { PHASES, phaseDurations } from './phases.ts';
import { MONITOR_CHECKS, enabledChecks, type Probe } from './probe.ts';
import type { TargetEntry } from './targets.ts';
import { appliesTo, type MaintenanceSchedule } from './maintenance.ts';
import { pathPattern } from '../src/group-findings.ts';

/** Metric names, for the rules, the dashboard and the tests (kept stable: alerts depend on them). */
export const METRIC_NAMES = {
  duration: 'trackers_probe_duration_seconds',
  probes: 'trackers_probes_total',
  failures: 'trackers_probe_failures_total',
  lastSuccess: 'trackers_probe_last_success_timestamp_seconds',
  degraded: 'trackers_probe_degraded_total',
  authRefreshes: 'trackers_probe_auth_refreshes_total',
  schemaViolations: 'trackers_schema_violations_total',
  dataQuality: 'trackers_data_quality_warnings_total',
  trackerCount: 'trackers_response_trackers',
  responseSize: 'trackers_response_size_bytes',
  responseDecodedSize: 'trackers_response_decoded_size_bytes',
  targets: 'trackers_monitor_targets',
  info: 'trackers_monitor_info',
  probeSuccess: 'probe_success',
  probeDuration: 'probe_duration_seconds',
  probeStatus: 'probe_http_status_code',
  probePhases: 'probe_http_duration_seconds',
  failing: 'trackers_probe_failing',
  flapping: 'trackers_check_flapping',
  maintenance: 'trackers_maintenance',
  maintenanceProbes: 'trackers_maintenance_probes_total',
  maintenanceSlowProbes: 'trackers_maintenance_slow_probes_total',
} as const;

/** Reasons a network path cannot cause: they page from one location (the rules' CONTRACT_REASONS). */
export const CONTRACT_REASONS = ['schema_violation', 'error_code_mismatch', 'auth_not_enforced'] as const;

/**
 * The bounded `field` label: the first finding's path pattern, the same one the grouped findings show
 * (`$.data[3].id` -> `$.data[*].id`). Findings come from the schemas' own properties, so the set is
 * the schemas' size; anything unusual (a very long or odd path) is `other`.
 */
export function fieldLabel(path: string): string {
  const normal = pathPattern(path);
  return /^\$[A-Za-z0-9_.[\]*]{0,80}$/.test(normal) ? normal : 'other';
}

/**
 * The `rule` label of trackers_schema_violations_total: the JSON Schema keywords the contract's
 * schemas use, plus the validator's own rules (date-time, envelope, error_code). Anything else is `other`.
 */
export const SCHEMA_RULES = [
  'type',
  'required',
  'const',
  'enum',
  'pattern',
  'format',
  'minLength',
  'minItems',
  'maxItems',
  'minimum',
  'maximum',
  'date-time',
  'envelope',
  'error_code',
  'other',
] as const;

export const RESULTS = ['success', 'failure'] as const;

/** A target as metrics need it: its name, latency thresholds (histogram buckets) and auth interval (0: no auth series). */
type MetricsTarget = Pick<TargetEntry, 'name' | 'authIntervalSeconds'> & {
  config: Pick<TargetEntry['config'], 'latencyBudgetMs' | 'latencyDegradedMs'>;
};

export interface MetricsOptions {
  registry: Registry;
  targets: readonly MetricsTarget[];
  /** The monitor's version, for trackers_monitor_info. */
  version: string;
  /** prom-client's process_* and nodejs_* metrics (default true; off for a one-shot push). */
  defaultMetrics?: boolean;
  /** The targets file's maintenance windows: a probe started inside one is counted apart too. */
  maintenance?: MaintenanceSchedule;
}

export interface MonitorMetrics {
  readonly registry: Registry;
  /**
   * Turn one probe into metric updates. Only the loop calls this. `flapping`: the check's flap status
   * after it (monitor/flapping.ts), from the status history; undefined without one (--once, push).
   */
  record(probe: Probe, flapping?: boolean): void;
  /** Set trackers_maintenance{target} for the instant `atMs` (the service calls it as time passes). */
  markMaintenance(atMs: number): void;
}

const BASE_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5];

/** Histogram buckets (seconds): the fixed small ones plus each target's degraded and budget thresholds, 2× and 4× budget. */
export function durationBuckets(targets: readonly Pick<MetricsTarget, 'config'>[]): number[] {
  const all = [...BASE_BUCKETS];
  for (const { config } of targets) {
    const budget = config.latencyBudgetMs / 1000;
    all.push(config.latencyDegradedMs / 1000, budget, 2 * budget, 4 * budget);
  }
  return [...new Set(all.map((b) => Number(b.toFixed(6))))].sort((a, b) => a - b);
}

/** The bounded `rule` label value for a validator rule. */
export function ruleLabel(rule: string): (typeof SCHEMA_RULES)[number] {
  return (SCHEMA_RULES as readonly string[]).includes(rule) ? (rule as (typeof SCHEMA_RULES)[number]) : 'other';
}

/** The bounded `kind` label value for a warning rule. */
export function warningKind(rule: string): string {
  return (WARNING_RULES as readonly string[]).includes(rule) ? rule : 'other';
}

export function createMetrics(options: MetricsOptions): MonitorMetrics {
  const { registry, targets } = options;
  const registers = [registry];
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry });

  const duration = new HistogramFamily({
    name: METRIC_NAMES.duration,
    help: 'Duration of a whole probe request (connect to last byte), in seconds, whatever the outcome.',
    labelNames: ['target', 'check'] as const,
    buckets: durationBuckets(targets),
    registers,
  });
  const probes = new CounterFamily({
    name: METRIC_NAMES.probes,
    help: 'Probes run, by result (success or failure).',
    labelNames: ['target', 'check', 'result'] as const,
    registers,
  });
  const failures = new CounterFamily({
    name: METRIC_NAMES.failures,
    help: `Failed probes, by reason: one of ${REASONS.join(', ')}.`,
    labelNames: ['target', 'check', 'reason'] as const,
    registers,
  });
  const lastSuccess = new GaugeFamily({
    name: METRIC_NAMES.lastSuccess,
    help: 'Unix time (seconds) the latest successful probe ended (absent until the first success).',
    labelNames: ['target', 'check'] as const,
    registers,
  });
  const degraded = new CounterFamily({
    name: METRIC_NAMES.degraded,
    help: 'Successful probes slower than the degraded threshold (but within the latency budget).',
    labelNames: ['target', 'check'] as const,
    registers,
  });
  const authRefreshes = new CounterFamily({
    name: METRIC_NAMES.authRefreshes,
    help: 'Probes whose generated OAuth token was refused (401) and retried once with a fresh token: the only retry there is.',
    labelNames: ['target', 'check'] as const,
    registers,
  });
  const schemaViolations = new CounterFamily({
    name: METRIC_NAMES.schemaViolations,
    help: 'Probes whose response broke the contract, once per probe and rule (JSON Schema keyword, date-time, envelope, error_code or other).',
    labelNames: ['target', 'check', 'rule'] as const,
    registers,
  });
  const dataQuality = new CounterFamily({
    name: METRIC_NAMES.dataQuality,
    help: `Probes whose response raised a data-quality or additive-change warning, once per probe and kind (${WARNING_RULES.join(', ')}).`,
    labelNames: ['target', 'kind'] as const,
    registers,
  });
  const trackerCount = new GaugeFamily({
    name: METRIC_NAMES.trackerCount,
    help: 'Trackers in data[] of the latest trackers-check response that had a JSON body.',
    labelNames: ['target'] as const,
    registers,
  });
  const responseSize = new GaugeFamily({
    name: METRIC_NAMES.responseSize,
    help: 'Body size in bytes of the latest response as received, before its Content-Encoding is undone (the wire).',
    labelNames: ['target', 'check'] as const,
    registers,
  });
  const responseDecodedSize = new GaugeFamily({
    name: METRIC_NAMES.responseDecodedSize,
    help: 'Body size in bytes of the latest response once its Content-Encoding is undone (what was judged); 0 when it did not decode whole.',
    labelNames: ['target', 'check'] as const,
    registers,
  });
  const targetCount = new GaugeFamily({ name: METRIC_NAMES.targets, help: 'Targets configured in this monitor.', registers });
  const info = new GaugeFamily({
    name: METRIC_NAMES.info,
    help: 'Always 1; the version label says which monitor build runs.',
    labelNames: ['version'] as const,
    registers,
  });
  // blackbox_exporter's names, so dashboards and alerts written for it work unchanged.
  const probeSuccess = new GaugeFamily({
    name: METRIC_NAMES.probeSuccess,
    help: 'Whether the latest probe succeeded (1) or failed (0), as blackbox_exporter.',
    labelNames: ['target', 'check'] as const,
    registers,
  });
  const probeDuration = new GaugeFamily({
    name: METRIC_NAMES.probeDuration,
    help: 'Duration of the latest probe in seconds, as blackbox_exporter.',
    labelNames: ['target', 'check'] as const,
    registers,
  });
  const probeStatus = new GaugeFamily({
    name: METRIC_NAMES.probeStatus,
    help: 'HTTP status of the latest probe, 0 when no response arrived, as blackbox_exporter.',
    labelNames: ['target', 'check'] as const,
    registers,
  });

  const probePhases = new GaugeFamily({
    name: METRIC_NAMES.probePhases,
    help: `Duration of each phase of the latest probe's last request, in seconds, as blackbox_exporter (${PHASES.join(', ')}).`,
    labelNames: ['target', 'check', 'phase'] as const,
    registers,
  });
  // The rules need the reason of the latest failure per location (a contract break pages from one
  // location, a network-causable failure needs a quorum), and a page must name the broken field.
  const failing = new GaugeFamily({
    name: METRIC_NAMES.failing,
    help: 'Present (1) while the latest probe failed, with its reason and, for a contract finding, the first broken field (JSON path, indices as [*]); absent after a success.',
    labelNames: ['target', 'check', 'reason', 'field'] as const,
    registers,
  });
  // Maintenance (docs/monitor.md#maintenance-windows): probing goes on and every metric above counts
  // as always; probes that started inside a window are counted again here, so the SLO rules can
  // subtract them from rates over any range, exactly, whatever the scrape times. A gauge sampled at
  // scrapes could not do that for a 30-day rate.
  const inMaintenance = new GaugeFamily({
    name: METRIC_NAMES.maintenance,
    help: 'Whether a maintenance window of the targets file is in force for the target (1) or not (0).',
    labelNames: ['target'] as const,
    registers,
  });
  const maintenanceProbes = new CounterFamily({
    name: METRIC_NAMES.maintenanceProbes,
    help: 'Probes that started inside a maintenance window, by result: the part of trackers_probes_total the SLOs leave out.',
    labelNames: ['target', 'check', 'result'] as const,
    registers,
  });
  const maintenanceSlow = new CounterFamily({
    name: METRIC_NAMES.maintenanceSlowProbes,
    help: "Probes that started inside a maintenance window and took longer than the target's degraded threshold (the latency SLO's 1 s by default).",
    labelNames: ['target', 'check'] as const,
    registers,
  });
  const failingNow = new Map<string, { target: string; check: CheckName; reason: string; field: string }>();
  const flapping = new GaugeFamily({
    name: METRIC_NAMES.flapping,
    help: "1 while the check is FLAPPING: its state changed too often over its last 21 probes (Nagios' weighted percent state change, docs/monitor.md#flapping); else 0.",
    labelNames: ['target', 'check'] as const,
    registers,
  });

  targetCount.set({}, targets.length);
  info.set({ version: options.version }, 1);
  // Zero from the first scrape only what a rule reads by exact label value, so rate() and increase()
  // see the first failure there: the probe counts (every ratio and SLO), the latency histogram (the
  // latency SLO), and the failure reasons that page from one location (CONTRACT_REASONS). A breakdown
  // read with `sum by` (the other reasons, schema rules, warning kinds) appears at its first
  // occurrence: the first failure is already counted by trackers_probes_total{result="failure"} and
  // shown by trackers_probe_failing. That is Prometheus's advice on label values known in advance,
  // weighed against its advice on cardinality: zeroing every reason and rule was 66 of a target's
  // ~115 series, and at 1,000 targets the scrape (bench/monitor-fleet.ts).
  const windows = options.maintenance?.windows ?? [];
  const degradedMs = new Map(targets.map((t) => [t.name, t.config.latencyDegradedMs]));
  for (const target of targets) {
    const { name } = target;
    inMaintenance.set({ target: name }, 0);
    // The maintenance counts are zeroed only where a window can apply: without windows they cost nothing.
    const inWindows = windows.some((w) => appliesTo(w, name));
    for (const check of enabledChecks(target)) {
      duration.zero({ target: name, check });
      for (const result of RESULTS) probes.inc({ target: name, check, result }, 0);
      for (const reason of REASONS_BY_CHECK[check])
        if ((CONTRACT_REASONS as readonly string[]).includes(reason)) failures.inc({ target: name, check, reason }, 0);
      degraded.inc({ target: name, check }, 0);
      authRefreshes.inc({ target: name, check }, 0);
      // A gauge the ticket rule reads, and a 0 says the detector is there and calm.
      flapping.set({ target: name, check }, 0);
      if (!inWindows) continue;
      for (const result of RESULTS) maintenanceProbes.inc({ target: name, check, result }, 0);
      maintenanceSlow.inc({ target: name, check }, 0);
    }
  }

  const known = new Set(targets.map((t) => t.name));
  return {
    registry,
    markMaintenance(atMs: number): void {
      const active = options.maintenance?.activeAt(atMs) ?? [];
      for (const { name } of targets) inMaintenance.set({ target: name }, active.some((o) => appliesTo(o.window, name)) ? 1 : 0);
    },
    record(r: Probe, isFlapping?: boolean): void {
      // A probe of a target the metrics were not built for would create an unbounded series.
      if (!known.has(r.target) || !(MONITOR_CHECKS as readonly string[]).includes(r.check)) return;
      const labels = { target: r.target, check: r.check };
      const ok = passed(r);
      const ms = durationMs(r);
      const last = lastStep(r);
      const seconds = ms / 1000;
      duration.observe(labels, seconds);
      probes.inc({ ...labels, result: ok ? 'success' : 'failure' });
      if (windows.length > 0 && options.maintenance!.activeFor(r.target, r.startedAt)) {
        maintenanceProbes.inc({ ...labels, result: ok ? 'success' : 'failure' });
        if (ms > degradedMs.get(r.target)!) maintenanceSlow.inc(labels);
      }
      if (!ok && r.reason) failures.inc({ ...labels, reason: r.reason });
      if (ok) lastSuccess.set(labels, (r.startedAt + ms) / 1000);
      if (r.degraded) degraded.inc(labels);
      if (authRefreshed(r)) authRefreshes.inc(labels);
      for (const rule of new Set(r.errors.map((e) => ruleLabel(e.rule)))) schemaViolations.inc({ ...labels, rule });
      for (const kind of new Set(r.warnings.map((w) => warningKind(w.rule)))) dataQuality.inc({ target: r.target, kind });
      if (r.check === 'trackers' && r.trackerCount !== undefined) trackerCount.set({ target: r.target }, r.trackerCount);
      if (last?.status !== undefined) {
        responseSize.set(labels, bodySize(r));
        responseDecodedSize.set(labels, decodedBodySize(r));
      }
      if (isFlapping !== undefined) flapping.set(labels, isFlapping ? 1 : 0);
      probeSuccess.set(labels, ok ? 1 : 0);
      probeDuration.set(labels, seconds);
      probeStatus.set(labels, last?.status ?? 0);
      if (last) {
        const phases = phaseDurations(last.timings);
        for (const phase of PHASES) probePhases.set({ ...labels, phase }, phases[phase] / 1000);
      }
      const key = `${r.target}\u0000${r.check}`;
      const previous = failingNow.get(key);
      if (previous) failing.remove(previous);
      failingNow.delete(key);
      if (!ok && r.reason) {
        const first = r.errors[0];
        const now = { ...labels, reason: r.reason, field: first ? fieldLabel(first.path) : '' };
        failing.set(now, 1);
        failingNow.set(key, now);
      }
    },
  };
}
