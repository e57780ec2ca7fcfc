// A check's state, from the monitor's own memory: the one rule the status page,
// its banner and the terminal's state-change lines share, so they never disagree.
//   DOWN      the latest probe failed
//   DEGRADED  the latest probe was slow, or the window's p95 is over the degraded
//             threshold, or the window's success ratio is under the objective
//   UP        none of that; PENDING before the first probe
import type { MonitorCheck } from './probe.ts';

export const CHECK_STATES = ['DOWN', 'DEGRADED', 'PENDING', 'UP'] as const;
export type CheckState = (typeof CHECK_STATES)[number];

/**
 * Success objectives, as in monitor/slo/trackers.slo.yml (a unit test holds them together). auth has no SLO: any
 * failure in the window makes it DEGRADED.
 */
export const CHECK_OBJECTIVES: Readonly<Record<MonitorCheck, number>> = { trackers: 0.999, not_found: 0.999, auth: 1 };

export interface StateInputs {
  /** undefined before the first probe. */
  last?: { success: boolean; degraded: boolean };
  /** Over the page's window (15 minutes). */
  probes: number;
  successes: number;
  /** Probes slower than degradedMs: over 5% of them means the p95 is over it. */
  slow: number;
  degradedMs: number;
  objective: number;
}

export interface StateVerdict {
  state: CheckState;
  /** Why it is not UP, for people; absent when UP or PENDING. */
  why?: string;
}

const pct = (r: number) => `${Math.floor(r * 1000) / 10}%`;

export function checkState(i: StateInputs): StateVerdict {
  if (!i.last) return { state: 'PENDING' };
  if (!i.last.success) return { state: 'DOWN', why: 'the latest probe failed' };
  if (i.last.degraded) return { state: 'DEGRADED', why: `last probe over ${i.degradedMs} ms` };
  if (i.probes > 0 && i.slow / i.probes > 0.05)
    return { state: 'DEGRADED', why: `p95 over ${i.degradedMs} ms in 15 min (${i.slow} of ${i.probes})` };
  if (i.probes > 0 && i.successes / i.probes < i.objective)
    return {
      state: 'DEGRADED',
      why: `${pct(i.successes / i.probes)} in 15 min, under ${pct(i.objective)}`,
    };
  return { state: 'UP' };
}

/** Nearest-rank p95; null for no values. */
export function p95(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)]!;
}
