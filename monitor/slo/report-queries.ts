// The SLO report's PromQL, made from the spec's own SLI queries, so the report and the rules judge
// the same events: each `rate(S[{{.window}}])` (or `increase(...)`) becomes S's exact increase over
// one step, `S - S offset step`, or S itself where the counter restarted (a reset, or a series
// born in the step). The ratio of two rates over one window is the ratio of the increases, so the
// SLI is unchanged; what changes is that the counts are the counters' own (whole probes, no
// extrapolation), that consecutive steps chain without gap or overlap, and that nothing depends on
// the recording rules, so any past period works, backfilled data included.
import type { SloSpecObjective } from '../../src/types.generated.ts';
import { METRIC_NAMES } from '../metrics.ts';
import { WINDOW_PLACEHOLDER } from './generate-rules.ts';

/** One SLO's queries for a step that ends `offsetMs` after the previous one. */
export interface SloQueries {
  /** Bad probes of each step, by target and location. */
  bad(offsetMs: number): string;
  /** All probes of each step, by target and location. */
  total(offsetMs: number): string;
  /** Failed probes of each step by reason (trackers_probe_failures_total of the SLO's check); none when the SLI names no check. */
  reasons?: (offsetMs: number) => string;
  /** The counters the SLI reads (their sample density gives the scrape interval). */
  selectors: string[];
}

const RANGE_CALL = /\b(?:rate|increase)\(\s*([^()[\]]+?)\s*\[\s*\{\{\s*\.window\s*\}\}\s*\]\s*\)/g;
/** A plain vector selector: a metric name, matchers, or both (no function, no range, no offset). */
const SELECTOR = /^(?:[A-Za-z_:][A-Za-z0-9_:]*\s*(?:\{[^{}]*\})?|\{[^{}]*\})$/;

/** S's increase over the step that ends at the evaluation time, S's own value where it restarted. */
export function stepIncrease(selector: string, offsetMs: number): string {
  return `((${selector} - ${selector} offset ${offsetMs}ms) >= 0 or (${selector} + 0))`;
}

type Rewritten = { ok: true; expr: (offsetMs: number) => string; selectors: string[] } | { ok: false; error: string };

function rewrite(query: string, path: string): Rewritten {
  // With its one capturing group, split gives the text between the calls and each call's selector, alternately.
  const pieces = query.split(RANGE_CALL);
  const selectors = pieces.filter((_p, i) => i % 2 === 1);
  const text = pieces.filter((_p, i) => i % 2 === 0);
  if (selectors.length === 0 || selectors.some((s) => !SELECTOR.test(s)) || text.some((t) => t.includes(WINDOW_PLACEHOLDER)))
    return {
      ok: false,
      error: `${path}: the report reads each ${WINDOW_PLACEHOLDER} as rate(<selector>[${WINDOW_PLACEHOLDER}]) or increase(<selector>[${WINDOW_PLACEHOLDER}]) of a counter; this query has another form`,
    };
  const expr = (offsetMs: number) =>
    pieces
      .map((p, i) => (i % 2 === 1 ? stepIncrease(p, offsetMs) : p))
      .join('')
      .trim();
  return { ok: true, expr, selectors };
}

/** The check an SLI is about: the one value of its `check="…"` matchers, if it has exactly one. */
export function sliCheck(slo: SloSpecObjective): string | undefined {
  const checks = new Set(
    [slo.sli.events.error_query, slo.sli.events.total_query].flatMap((q) =>
      [...q.matchAll(/\bcheck\s*=\s*"([^"\\]*)"/g)].map((m) => m[1]!),
    ),
  );
  return checks.size === 1 ? [...checks][0] : undefined;
}

/** The report's queries for one SLO of the spec (its index names the field in an error). */
export function reportQueries(
  slo: SloSpecObjective,
  index: number,
): { ok: true; queries: SloQueries } | { ok: false; error: string } {
  const bad = rewrite(slo.sli.events.error_query, `$.slos[${index}].sli.events.error_query`);
  if (!bad.ok) return bad;
  const total = rewrite(slo.sli.events.total_query, `$.slos[${index}].sli.events.total_query`);
  if (!total.ok) return total;
  const check = sliCheck(slo);
  const failures = `${METRIC_NAMES.failures}{check=${JSON.stringify(check)}}`;
  return {
    ok: true,
    queries: {
      bad: bad.expr,
      total: total.expr,
      ...(check === undefined
        ? {}
        : { reasons: (offsetMs: number) => `sum by (target, location, reason) (${stepIncrease(failures, offsetMs)})` }),
      selectors: total.selectors,
    },
  };
}

/**
 * Samples an hour of the densest of these counters holds, the most of any hour of the period that ends at the query's
 * time: 3600 over it is the scrape interval (the report's finest useful step).
 */
export function samplesPerHourQuery(selectors: readonly string[], periodSeconds: number): string {
  const each = [...new Set(selectors)].map((s) => `max_over_time(count_over_time(${s}[1h])[${periodSeconds}s:1h])`);
  return `max(${each.join(' or ')})`;
}

/** Steps a person reads easily; the report picks the one nearest the scrape interval. */
export const STEPS = [1, 2, 5, 10, 15, 20, 30, 60, 120, 300, 600, 900, 1800, 3600] as const;

/** The step for a counter sampled `perHour` times an hour (the samples at both ends of the hour included, as Prometheus 2 counts them). */
export function stepFor(perHour: number): number {
  const interval = 3600 / Math.max(1, perHour - 1);
  return STEPS.reduce((best, s) => (Math.abs(Math.log(s / interval)) < Math.abs(Math.log(best / interval)) ? s : best));
}
