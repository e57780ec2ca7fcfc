// The SLO report's figures, from per-step probe counts (report-fetch.ts asks Prometheus for them):
// pure arithmetic, so it is tested on hand-made series.
//
// - A step is the interval (previous step end, step end]; its counts are the counters' increases.
// - The fleet's view of a step is the rules' (generate-rules.ts): each location's bad ratio, then
//   the median with three or more locations reporting, else the minimum, so one location's network
//   trouble spends no budget. Its probes are the locations' mean, its bad probes ratio × probes.
//   With one location these are that location's own counts.
// - Excluded windows (maintenance) remove every step they overlap from the figures, for the targets
//   they name (all when they name none): its probes count neither as good nor as bad.
// - SLI = 1 − bad / probes over the period; the budget is (1 − objective) × probes bad probes; the
//   budget spent is bad / budget and what remains is 1 − spent (below 0: overspent, the SLO missed).
// - An incident is a stretch of steps with bad probes. Steps without probes neither start nor end one
//   (a step shorter than the probe interval has none); an excluded step ends it. It runs from its
//   first bad step's start to its last bad step's end; its main reason is the reason that counted the
//   most failures over it (ties: the first by name), none when no probe failed (slow ones only).
import type { SloSpecObjective } from '../../src/types.generated.ts';

/** A maintenance window, in epoch seconds, [start, end). */
export interface ExcludedWindow {
  name: string;
  reason?: string;
  /** The targets it covers; absent: all. */
  targets?: readonly string[];
  start: number;
  end: number;
}

/** The period and its steps, in epoch seconds. `ends[i]` ends step i, which starts at `ends[i - 1]` (the first at `from`). */
export interface StepGrid {
  from: number;
  to: number;
  step: number;
  ends: readonly number[];
}

/** Counts per step, in the grid's order. */
export interface LocationCounts {
  bad: ArrayLike<number>;
  total: ArrayLike<number>;
}

export interface TargetCounts {
  /** By location ('' when the series have no location label). */
  locations: ReadonlyMap<string, LocationCounts>;
  /** Failed probes per step by reason, every location summed. */
  reasons: ReadonlyMap<string, ArrayLike<number>>;
}

/** One SLO's counts, by target ('' when the series have no target label). */
export type SloCounts = ReadonlyMap<string, TargetCounts>;

export type SloVerdict = 'met' | 'missed' | 'no_data';

export interface Incident {
  start: number;
  end: number;
  durationSeconds: number;
  /** The reason that counted the most failures; null when no probe failed (slow probes only). */
  reason: string | null;
  /** Failed probes by reason over the incident, every location summed. */
  reasons: Record<string, number>;
  badProbes: number;
  /** Of the period's budget (1 = all of it). */
  budgetSpent: number;
}

export interface SloRow {
  name: string;
  description?: string;
  /** null: no series at all for this SLO. */
  target: string | null;
  locations: string[];
  /** Percent, as the spec writes it. */
  objective: number;
  /** Percent; null without probes. */
  sli: number | null;
  probes: number;
  badProbes: number;
  /** Bad probes the objective allows over the period. */
  budgetProbes: number;
  budgetSpent: number | null;
  budgetRemaining: number | null;
  verdict: SloVerdict;
  incidents: Incident[];
  /** The windows that took steps out of this row's figures, clipped to the period. */
  excluded: ExcludedWindow[];
  excludedSeconds: number;
  /** [epoch seconds, budget remaining] from the period's start to its end, at most BURN_DOWN_POINTS. */
  burnDown: [number, number][];
}

export interface SloReportInput {
  grid: StepGrid;
  slos: readonly { slo: SloSpecObjective; counts: SloCounts }[];
  windows: readonly ExcludedWindow[];
}

export const BURN_DOWN_POINTS = 600;

/** A figure without float noise (0.30000000000000004 → 0.3), as generate-rules.ts writes numbers. */
export const round = (x: number): number => Number(x.toPrecision(12));

/** Prometheus's quantile(0.5): the middle value, or the mean of the two middle ones. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = (sorted.length - 1) / 2;
  return (sorted[Math.floor(mid)]! + sorted[Math.ceil(mid)]!) / 2;
}

/** The fleet's bad and all probes of step i; undefined when no location probed in it. */
export function fleetStep(locations: readonly LocationCounts[], i: number): { bad: number; total: number } | undefined {
  const seen = locations
    .map((l) => ({ total: l.total[i] ?? 0, bad: Math.min(Math.max(l.bad[i] ?? 0, 0), l.total[i] ?? 0) }))
    .filter((l) => l.total > 0);
  if (seen.length === 0) return undefined;
  if (seen.length === 1) return seen[0];
  const ratios = seen.map((l) => l.bad / l.total);
  const ratio = seen.length >= 3 ? median(ratios) : Math.min(...ratios);
  const total = seen.reduce((s, l) => s + l.total, 0) / seen.length;
  return { bad: ratio * total, total };
}

/** The steps of the grid that a window covering this target overlaps. */
export function excludedSteps(grid: StepGrid, target: string, windows: readonly ExcludedWindow[]): boolean[] {
  const mine = windows.filter((w) => w.targets === undefined || w.targets.includes(target));
  return grid.ends.map((end, i) => {
    const start = i === 0 ? grid.from : grid.ends[i - 1]!;
    return mine.some((w) => w.start < end && w.end > start);
  });
}

/** The budget a number of bad probes spends: a fraction of what the objective allows over `probes`. */
export function budgetArithmetic(objective: number, probes: number, badProbes: number) {
  const allowedRatio = round(1 - objective / 100);
  const budgetProbes = round(allowedRatio * probes);
  if (probes <= 0) return { sli: null, budgetProbes, budgetSpent: null, budgetRemaining: null, verdict: 'no_data' as const };
  const spent = budgetProbes > 0 ? badProbes / budgetProbes : badProbes > 0 ? Infinity : 0;
  return {
    sli: round(100 * (1 - badProbes / probes)),
    budgetProbes,
    budgetSpent: round(spent),
    budgetRemaining: round(1 - spent),
    // Rounded as the figures are: an SLI exactly at the objective meets it.
    verdict: round(badProbes) <= budgetProbes ? ('met' as const) : ('missed' as const),
  };
}

function mainReason(reasons: Record<string, number>): string | null {
  let best: string | null = null;
  for (const [reason, n] of Object.entries(reasons).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    if (n > 0 && (best === null || n > reasons[best]!)) best = reason;
  return best;
}

interface Step {
  bad: number;
  total: number;
  excluded: boolean;
}

/** Incidents from the steps' fleet counts (budgetSpent left for the caller, who knows the budget). */
export function incidentsOf(grid: StepGrid, steps: readonly Step[], reasons: ReadonlyMap<string, ArrayLike<number>>): Incident[] {
  const incidents: Incident[] = [];
  let open: { first: number; last: number; bad: number } | undefined;
  const close = () => {
    if (!open) return;
    const { first, last, bad } = open;
    const counted: Record<string, number> = {};
    for (const [reason, series] of reasons) {
      let n = 0;
      for (let i = first; i <= last; i++) if (!steps[i]!.excluded) n += series[i] ?? 0;
      if (n > 0) counted[reason] = round(n);
    }
    const start = first === 0 ? grid.from : grid.ends[first - 1]!;
    const end = grid.ends[last]!;
    incidents.push({
      start,
      end,
      durationSeconds: end - start,
      reason: mainReason(counted),
      reasons: counted,
      badProbes: round(bad),
      budgetSpent: 0,
    });
    open = undefined;
  };
  steps.forEach((s, i) => {
    if (s.excluded) return close();
    if (s.total <= 0) return;
    if (s.bad <= 0) return close();
    if (open) {
      open.last = i;
      open.bad += s.bad;
    } else open = { first: i, last: i, bad: s.bad };
  });
  close();
  return incidents;
}

function clipped(grid: StepGrid, w: ExcludedWindow): ExcludedWindow {
  return { ...w, start: Math.max(w.start, grid.from), end: Math.min(w.end, grid.to) };
}

function rowFor(
  grid: StepGrid,
  slo: SloSpecObjective,
  target: string,
  counts: TargetCounts,
  windows: readonly ExcludedWindow[],
): SloRow {
  const locations = [...counts.locations.values()];
  const excluded = excludedSteps(grid, target, windows);
  const steps: Step[] = grid.ends.map((_end, i) => ({
    ...(fleetStep(locations, i) ?? { bad: 0, total: 0 }),
    excluded: excluded[i]!,
  }));
  let probes = 0;
  let bad = 0;
  for (const s of steps) {
    if (s.excluded) continue;
    probes += s.total;
    bad += s.bad;
  }
  const figures = budgetArithmetic(slo.objective, probes, bad);
  const incidents = incidentsOf(grid, steps, counts.reasons).map((incident) => ({
    ...incident,
    budgetSpent: figures.budgetProbes > 0 ? round(incident.badProbes / figures.budgetProbes) : 0,
  }));
  // The burn-down: cumulative bad probes against the whole period's budget, sampled to at most BURN_DOWN_POINTS.
  const every = Math.max(1, Math.ceil(steps.length / BURN_DOWN_POINTS));
  const burnDown: [number, number][] = [[grid.from, 1]];
  let spent = 0;
  steps.forEach((s, i) => {
    if (!s.excluded) spent += s.bad;
    if ((i + 1) % every === 0 || i === steps.length - 1)
      burnDown.push([
        grid.ends[i]!,
        figures.budgetProbes > 0 ? round(1 - spent / figures.budgetProbes) : spent > 0 ? -Infinity : 1,
      ]);
  });
  const mine = windows.filter(
    (w) => (w.targets === undefined || w.targets.includes(target)) && w.start < grid.to && w.end > grid.from,
  );
  return {
    name: slo.name,
    ...(slo.description === undefined ? {} : { description: slo.description }),
    target,
    locations: [...counts.locations.keys()].filter((l) => l !== '').sort(),
    objective: slo.objective,
    sli: figures.sli,
    probes: round(probes),
    badProbes: round(bad),
    budgetProbes: figures.budgetProbes,
    budgetSpent: figures.budgetSpent,
    budgetRemaining: figures.budgetRemaining,
    verdict: figures.verdict,
    incidents,
    excluded: mine.map((w) => clipped(grid, w)),
    excludedSeconds: steps.reduce(
      (s, step, i) => s + (step.excluded ? grid.ends[i]! - (i === 0 ? grid.from : grid.ends[i - 1]!) : 0),
      0,
    ),
    burnDown,
  };
}

/** One row per SLO and target, in the spec's order, then by target. */
export function sloRows(input: SloReportInput): SloRow[] {
  return input.slos.flatMap(({ slo, counts }) => {
    if (counts.size === 0) {
      const none = budgetArithmetic(slo.objective, 0, 0);
      return [
        {
          name: slo.name,
          ...(slo.description === undefined ? {} : { description: slo.description }),
          target: null,
          locations: [],
          objective: slo.objective,
          sli: null,
          probes: 0,
          badProbes: 0,
          budgetProbes: 0,
          budgetSpent: null,
          budgetRemaining: null,
          verdict: none.verdict,
          incidents: [],
          excluded: [],
          excludedSeconds: 0,
          burnDown: [],
        },
      ];
    }
    return [...counts.keys()].sort().map((target) => rowFor(input.grid, slo, target, counts.get(target)!, input.windows));
  });
}

/** The report's verdict: missed if any SLO missed, met if any was judged, else nothing to judge. */
export function reportVerdict(rows: readonly SloRow[]): SloVerdict {
  if (rows.some((r) => r.verdict === 'missed')) return 'missed';
  return rows.some((r) => r.verdict === 'met') ? 'met' : 'no_data';
}

export interface SloReport {
  service: string;
  /** The spec's path as given (the shipped one relative to the package). */
  spec: string;
  /** Scheme, host and path: never user info. */
  prometheus: string;
  grid: StepGrid;
  /** The period ends now: the month or the range asked for is not over. */
  inProgress: boolean;
  windows: ExcludedWindow[];
  rows: SloRow[];
  verdict: SloVerdict;
}

/** The whole report: a row per SLO and target, and the verdict. */
export function buildReport(
  about: Pick<SloReport, 'service' | 'spec' | 'prometheus' | 'inProgress'>,
  input: SloReportInput,
): SloReport {
  const rows = sloRows(input);
  return { ...about, grid: input.grid, windows: [...input.windows], rows, verdict: reportVerdict(rows) };
}
