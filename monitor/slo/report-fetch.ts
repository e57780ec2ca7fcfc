// What the SLO report asks Prometheus: the step (the scrape interval, unless given), then per SLO
// the bad and all probes of every step and the failures by reason (report-queries.ts), each
// through range queries of at most MAX_POINTS points a series (Prometheus refuses more than 11,000),
// a few at a time. A month of 15 s scrapes is 172,800 steps: 18 queries per expression.
import type { ApiFailure, PrometheusApi, RangeSeries } from '../prometheus-api.ts';
import type { LocationCounts, SloCounts, StepGrid } from './report.ts';
import { samplesPerHourQuery, stepFor, STEPS, type SloQueries } from './report-queries.ts';

export const MAX_POINTS = 10_000;
const CONCURRENCY = 4;
/** The most steps a report computes (a year of minutes); past it a detected step grows. */
export const MAX_STEPS = 600_000;
/** The step when Prometheus holds none of the SLIs' counters (the report then finds no probes). */
const FALLBACK_STEP = 60;

/** Steps of `step` seconds from `from`, the last one ending at `to` (shorter when the period is not a whole number of steps). */
export function stepGrid(from: number, to: number, step: number): StepGrid {
  const ends: number[] = [];
  for (let t = from + step; t <= to; t += step) ends.push(t);
  if (ends.length === 0 || ends[ends.length - 1]! < to) ends.push(to);
  return { from, to, step, ends };
}

/** One query over some steps: a range query on the regular grid, or the single shorter last step. */
interface Slice {
  /** The shorter last step, at `to`. */
  tail: boolean;
  first: number;
  points: number;
  offsetSeconds: number;
  run(expr: (offsetMs: number) => string): Promise<{ ok: true; data: RangeSeries[] } | ApiFailure>;
}

function slices(api: PrometheusApi, grid: StepGrid): Slice[] {
  const out: Slice[] = [];
  const regular = grid.ends.filter((t, i) => t - (i === 0 ? grid.from : grid.ends[i - 1]!) === grid.step).length;
  for (let first = 0; first < regular; first += MAX_POINTS) {
    const points = Math.min(MAX_POINTS, regular - first);
    const start = grid.ends[first]!;
    const end = grid.ends[first + points - 1]!;
    out.push({
      tail: false,
      first,
      points,
      offsetSeconds: grid.step,
      run: (expr) => api.queryRange(expr(grid.step * 1000), start, end, grid.step),
    });
  }
  if (regular < grid.ends.length) {
    const last = grid.ends.length - 1;
    const offsetSeconds = grid.to - (last === 0 ? grid.from : grid.ends[last - 1]!);
    out.push({
      tail: true,
      first: last,
      points: 1,
      offsetSeconds,
      run: async (expr) => {
        const answer = await api.query(expr(Math.round(offsetSeconds * 1000)), grid.to);
        return answer.ok ? { ok: true, data: answer.data.map((s) => ({ metric: s.metric, values: [s.value] })) } : answer;
      },
    });
  }
  return out;
}

/** The scrape interval of the SLIs' counters over the period, as a step; `fallback` when Prometheus has none of them. */
export async function detectStep(
  api: PrometheusApi,
  selectors: readonly string[],
  from: number,
  to: number,
  fallback: number,
): Promise<{ ok: true; step: number } | (ApiFailure & { query: string })> {
  const query = samplesPerHourQuery(selectors, Math.max(3600, Math.ceil(to - from)));
  const answer = await api.query(query, to);
  if (!answer.ok) return { ...answer, query };
  const perHour = Number(answer.data[0]?.value[1]);
  return { ok: true, step: Number.isFinite(perHour) && perHour > 1 ? stepFor(perHour) : fallback };
}

/** Run at most `limit` at once, in order; stop starting new ones after the first failure. */
async function pool<T>(jobs: (() => Promise<T>)[], limit: number, failed: (t: T) => boolean): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  let stop = false;
  const worker = async () => {
    while (!stop && next < jobs.length) {
      const k = next++;
      results[k] = await jobs[k]!();
      if (failed(results[k]!)) stop = true;
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  return results;
}

type Kind = 'bad' | 'total' | 'reasons';

/** Every SLO's counts over the grid, by target and location; the first failure stops it. */
export async function fetchSloCounts(
  api: PrometheusApi,
  grid: StepGrid,
  queries: readonly SloQueries[],
): Promise<{ ok: true; counts: SloCounts[] } | (ApiFailure & { query: string })> {
  const parts = slices(api, grid);
  const n = grid.ends.length;
  const counts = queries.map(
    () => new Map<string, { locations: Map<string, LocationCounts>; reasons: Map<string, Float64Array> }>(),
  );
  type Done = { ok: true } | (ApiFailure & { query: string });
  const jobs: Array<() => Promise<Done>> = [];
  queries.forEach((q, k) => {
    const kinds: Array<[Kind, (offsetMs: number) => string]> = [
      ['bad', q.bad],
      ['total', q.total],
    ];
    if (q.reasons) kinds.push(['reasons', q.reasons]);
    for (const [kind, expr] of kinds)
      for (const part of parts)
        jobs.push(async (): Promise<Done> => {
          const answer = await part.run(expr);
          if (!answer.ok) return { ...answer, query: expr(part.offsetSeconds * 1000) };
          for (const series of answer.data) store(counts[k]!, kind, series, grid, part, n);
          return { ok: true };
        });
  });
  const results = await pool(jobs, CONCURRENCY, (r) => !r.ok);
  const failure = results.find((r): r is ApiFailure & { query: string } => !r.ok);
  return failure ?? { ok: true, counts };
}

function store(
  into: Map<string, { locations: Map<string, LocationCounts>; reasons: Map<string, Float64Array> }>,
  kind: Kind,
  series: RangeSeries,
  grid: StepGrid,
  part: Slice,
  n: number,
): void {
  const target = series.metric.target ?? '';
  const row = into.get(target) ?? { locations: new Map(), reasons: new Map() };
  into.set(target, row);
  let values: Float64Array;
  if (kind === 'reasons') {
    const reason = series.metric.reason ?? '';
    values = row.reasons.get(reason) ?? new Float64Array(n);
    row.reasons.set(reason, values);
  } else {
    const location = series.metric.location ?? '';
    const counts = row.locations.get(location) ?? { bad: new Float64Array(n), total: new Float64Array(n) };
    row.locations.set(location, counts);
    values = counts[kind] as Float64Array;
  }
  for (const [t, v] of series.values) {
    // A point's time is its step's end: the regular ones lie on from + k·step, the last one at `to`.
    const i = part.tail ? part.first : Math.round((t - grid.from) / grid.step) - 1;
    const x = Number(v);
    // Added: the reasons of several locations come as a series each.
    if (i >= part.first && i < part.first + part.points && Number.isFinite(x)) values[i] = (values[i] ?? 0) + x;
  }
}

/**
 * The grid and every SLO's counts over a period: in steps of `step` seconds, or of the scrape interval Prometheus's
 * samples show (grown to the first readable step within MAX_STEPS for a long period).
 */
export async function collectCounts(
  api: PrometheusApi,
  queries: readonly SloQueries[],
  period: { from: number; to: number },
  step: number | undefined,
): Promise<{ ok: true; grid: StepGrid; counts: SloCounts[] } | (ApiFailure & { query: string })> {
  let seconds = step;
  if (seconds === undefined) {
    const detected = await detectStep(
      api,
      queries.flatMap((q) => q.selectors),
      period.from,
      period.to,
      FALLBACK_STEP,
    );
    if (!detected.ok) return detected;
    const span = period.to - period.from;
    seconds =
      span / detected.step <= MAX_STEPS
        ? detected.step
        : (STEPS.find((s) => span / s <= MAX_STEPS) ?? Math.ceil(span / MAX_STEPS));
  }
  const grid = stepGrid(period.from, period.to, seconds);
  const fetched = await fetchSloCounts(api, grid, queries);
  return fetched.ok ? { ok: true, grid, counts: fetched.counts } : fetched;
}
