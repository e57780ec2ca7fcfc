// SLOs as code: a Sloth prometheus/v1 spec (schemas/slo-spec.schema.json) →
// Prometheus rules, the shape Sloth generates, so its dashboards and habits
// carry over:
// - SLI error ratios recorded per window (slo:sli_error:ratio_rate5m … 3d), and
//   the 30-day window from the 5-minute ratio (sum_over_time / count_over_time);
// - metadata: objective, error budget, period, per-window burn rates and the
//   budget remaining;
// - multiwindow, multi-burn-rate alerts (Google SRE workbook, ch. 5): page on
//   14.4× over 1h and 5m or 6× over 6h and 30m; ticket on 3× over 1d and 2h or
//   1× over 3d and 6h. Page and ticket share a name and differ by labels.
// One thing Sloth does not do: several monitoring locations. An SLI query may
// group by `location`; its ratio is then the fleet's view, computed as the
// median across locations when three or more report (at least two agree, the
// fleet's quorum) and as the minimum when fewer do (every location agrees), so
// one location's network trouble spends no budget.
import { stringify } from 'yaml';
import type { SloSpec, SloSpecObjective } from '../../src/types.generated.ts';
import { validateDocument } from '../../src/validate.ts';

export const SLO_SPEC_SCHEMA_ID = 'slo-spec.schema.json';
export const SLO_PERIOD = '30d';
export const SLO_PERIOD_DAYS = 30;
/** Windows recorded from the SLI queries; the period is derived from the first. */
export const SLI_WINDOWS = ['5m', '30m', '1h', '2h', '6h', '1d', '3d'] as const;
export const WINDOW_PLACEHOLDER = '{{.window}}';

/** The workbook's alert conditions: a long and a short window, both over factor × budget. */
export const BURN_CONDITIONS = {
  page: [
    { factor: 14.4, long: '1h', short: '5m' },
    { factor: 6, long: '6h', short: '30m' },
  ],
  ticket: [
    { factor: 3, long: '1d', short: '2h' },
    { factor: 1, long: '3d', short: '6h' },
  ],
} as const;

export type GeneratedRules = { ok: true; yaml: string; groups: RuleGroup[] } | { ok: false; errors: string[] };

interface Rule {
  record?: string;
  alert?: string;
  expr: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface RuleGroup {
  name: string;
  rules: Rule[];
}

const banner = (source: string) => `Generated from ${source} by \`trackers-contract slo\` (monitor/slo/generate-rules.ts).
DO NOT EDIT: change the spec and regenerate.`;

/** The fleet's view of a per-location ratio: median with three or more locations, else the minimum. */
function acrossLocations(series: string): string {
  return [
    `(quantile without (location) (0.5, ${series}) and count without (location) (${series}) >= 3)`,
    `or min without (location) (${series})`,
  ].join('\n');
}

/**
 * error / total, with no sample where the window saw no event. Sloth divides as is, and a window
 * without probes (a monitor's first two scrapes before its first probe ends, or a pause) is 0/0 =
 * NaN; the 30-day ratio averages the 5m ratio over 30 days, so one NaN made the budget NaN for a
 * month. No traffic is no SLI sample, not a bad one.
 */
function sliRatio(slo: SloSpecObjective, window: string): string {
  const q = (query: string) => query.split(WINDOW_PLACEHOLDER).join(window).trim();
  return `(${q(slo.sli.events.error_query)})\n/\n((${q(slo.sli.events.total_query)}) > 0)`;
}

/** A number in PromQL without float noise: 0.0010000000000000009 → 0.001. */
function num(value: number): string {
  return String(Number(value.toPrecision(12)));
}

function groupsFor(spec: SloSpec, slo: SloSpecObjective): RuleGroup[] {
  const id = `${spec.service}-${slo.name}`;
  const base = { ...spec.labels, ...slo.labels, sloth_id: id, sloth_service: spec.service, sloth_slo: slo.name };
  const sel = `{sloth_id="${id}"}`;
  const budget = num(1 - slo.objective / 100);
  // Per location first, then the fleet's view of it: rules of a group run in order, so the second
  // reads what the first recorded in the same evaluation.
  const recordings: Rule[] = SLI_WINDOWS.flatMap((w) => [
    { record: `slo:sli_error_by_location:ratio_rate${w}`, expr: sliRatio(slo, w), labels: { ...base, sloth_window: w } },
    {
      record: `slo:sli_error:ratio_rate${w}`,
      expr: acrossLocations(`slo:sli_error_by_location:ratio_rate${w}${sel}`),
      labels: { ...base, sloth_window: w },
    },
  ]);
  recordings.push({
    record: `slo:sli_error:ratio_rate${SLO_PERIOD}`,
    expr: `sum_over_time(slo:sli_error:ratio_rate5m${sel}[${SLO_PERIOD}])\n  / ignoring (sloth_window) count_over_time(slo:sli_error:ratio_rate5m${sel}[${SLO_PERIOD}])`,
    labels: { ...base, sloth_window: SLO_PERIOD },
  });
  const meta: Rule[] = [
    { record: 'slo:objective:ratio', expr: `vector(${num(slo.objective / 100)})`, labels: base },
    { record: 'slo:error_budget:ratio', expr: `vector(${budget})`, labels: base },
    { record: 'slo:time_period:days', expr: `vector(${SLO_PERIOD_DAYS})`, labels: base },
    ...[...SLI_WINDOWS, SLO_PERIOD].map((w) => ({
      record: `slo:burn_rate:ratio_rate${w}`,
      expr: `slo:sli_error:ratio_rate${w}${sel} / ${budget}`,
      labels: { ...base, sloth_window: w },
    })),
    { record: 'slo:current_burn_rate:ratio', expr: `slo:sli_error:ratio_rate5m${sel} / ${budget}`, labels: base },
    { record: 'slo:period_burn_rate:ratio', expr: `slo:sli_error:ratio_rate${SLO_PERIOD}${sel} / ${budget}`, labels: base },
    {
      record: 'slo:period_error_budget_remaining:ratio',
      expr: `1 - slo:period_burn_rate:ratio${sel}`,
      labels: base,
    },
  ];
  const condition = (c: { factor: number; long: string; short: string }) =>
    [
      `(`,
      `  max without (sloth_window) (slo:sli_error:ratio_rate${c.long}${sel} >= (${num(c.factor)} * ${budget}))`,
      `  and`,
      `  max without (sloth_window) (slo:sli_error:ratio_rate${c.short}${sel} >= (${num(c.factor)} * ${budget}))`,
      `)`,
    ].join('\n');
  const alert = (severity: 'page' | 'ticket'): Rule => {
    const extra = severity === 'page' ? slo.alerting.page_alert : slo.alerting.ticket_alert;
    return {
      alert: slo.alerting.name,
      expr: BURN_CONDITIONS[severity].map(condition).join('\nor\n'),
      labels: { ...spec.labels, ...slo.alerting.labels, sloth_severity: severity, severity, ...extra?.labels },
      annotations: { ...slo.alerting.annotations, ...extra?.annotations },
    };
  };
  return [
    { name: `sloth-slo-sli-recordings-${id}`, rules: recordings },
    { name: `sloth-slo-meta-recordings-${id}`, rules: meta },
    { name: `sloth-slo-alerts-${id}`, rules: [alert('page'), alert('ticket')] },
  ];
}

/** A parsed spec checked: the schema, then what a schema cannot say. Errors name the JSON path of the field. */
export function checkSloSpec(document: unknown): { ok: true; spec: SloSpec } | { ok: false; errors: string[] } {
  const findings = validateDocument(SLO_SPEC_SCHEMA_ID, document);
  if (findings.length > 0) return { ok: false, errors: findings.map((f) => `${f.path}: ${f.message}`) };
  const spec = document as SloSpec;
  const errors: string[] = [];
  const seen = new Set<string>();
  spec.slos.forEach((slo, i) => {
    if (seen.has(slo.name)) errors.push(`$.slos[${i}].name: "${slo.name}" is used twice`);
    seen.add(slo.name);
    for (const field of ['error_query', 'total_query'] as const) {
      if (!slo.sli.events[field].includes(WINDOW_PLACEHOLDER)) {
        errors.push(`$.slos[${i}].sli.events.${field}: must contain ${WINDOW_PLACEHOLDER} (the range of each window)`);
      }
    }
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, spec };
}

/** Check a parsed spec and generate its rules. Errors name the JSON path of the field. */
export function generateSloRules(document: unknown, source = 'monitor/slo/trackers.slo.yml'): GeneratedRules {
  const checked = checkSloSpec(document);
  if (!checked.ok) return checked;
  const { spec } = checked;
  const groups = spec.slos.flatMap((slo) => groupsFor(spec, slo));
  const body = stringify({ groups }, { lineWidth: 0, blockQuote: 'literal' });
  const yaml = `${banner(source.replace(/[^\x20-\x7e]/g, '?'))
    .split('\n')
    .map((l) => `# ${l}`)
    .join('\n')}\n${body}`;
  return { ok: true, yaml, groups };
}
