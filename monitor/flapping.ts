// Flap detection: a check whose state keeps changing is FLAPPING, and while it is
// the log says so once instead of printing every UP → DOWN → DEGRADED change. The
// model is Nagios Core's (docs: https://naemon.io/documentation/usersguide/flapping,
// "Detection and Handling of State Flapping"; code: base/flapping.c,
// check_for_service_flapping):
// - keep the states after the last 21 checks (20 transitions between them);
// - weight a change by its place, linearly from 0.75 for the oldest transition to
//   1.25 for the newest (`low_curve_value`, `high_curve_value`): the mean weight is 1,
//   so a state that changes at every check scores 100 %, and recent changes count more;
// - percent state change = weighted changes × 100 / 20;
// - it starts flapping when the percentage reaches the high threshold and stops when it
//   falls to the low threshold; in between nothing changes (hysteresis, so a check near
//   one threshold does not flap in and out of FLAPPING).
// Weights of 0.8 → 1.2 are sometimes quoted (Icinga 2 uses 0.8 + 0.02 i); we keep Nagios'
// own. Thresholds: Nagios' sample nagios.cfg ships 5 % / 20 %, tuned for 5-minute checks
// where every change matters; at 30 s (or 2 s) probes that is one blip in a minute.
// We take 20 % / 30 % (Nagios 2's and Shinken's defaults): a single outage (UP → DOWN
// → DEGRADED, 2 changes) scores at most 12.5 %, and the 30 % failure rate,
// which changes state on ~42 % of probes (2 × 0.3 × 0.7), scores well over 30 %.
// What counts as a state is the check state (UP, DEGRADED, DOWN: monitor/check-state.ts)
// after each probe; PENDING, before the first probe, is not recorded.
import type { CheckState } from './check-state.ts';

/** States kept: Nagios' MAX_STATE_HISTORY_ENTRIES. */
export const FLAP_HISTORY_STATES = 21;
const TRANSITIONS = FLAP_HISTORY_STATES - 1;
const OLDEST_WEIGHT = 0.75;
const NEWEST_WEIGHT = 1.25;

export interface FlapThresholds {
  /** Flapping stops when the percent state change falls to this. */
  lowPercent: number;
  /** Flapping starts when the percent state change reaches this. */
  highPercent: number;
}

export const DEFAULT_FLAP_THRESHOLDS: Readonly<FlapThresholds> = { lowPercent: 20, highPercent: 30 };

/**
 * Nagios' weighted percent state change of `states` (oldest first; only the last 21 count). With
 * fewer, the missing older ones are taken to equal the first, as Nagios fills a fresh history with
 * the current state: a new check is not flapping because it has few probes.
 */
export function percentStateChange(states: readonly CheckState[]): number {
  const kept = states.slice(-FLAP_HISTORY_STATES);
  const offset = FLAP_HISTORY_STATES - kept.length;
  let weighted = 0;
  for (let i = 1; i < kept.length; i++) {
    if (kept[i] === kept[i - 1]) continue;
    // Transition x (1 = oldest, 20 = newest) of the full history.
    const x = i + offset;
    weighted += OLDEST_WEIGHT + ((x - 1) * (NEWEST_WEIGHT - OLDEST_WEIGHT)) / (TRANSITIONS - 1);
  }
  return (weighted * 100) / TRANSITIONS;
}

export interface FlapStatus {
  flapping: boolean;
  /** The weighted percent state change over the last 21 states, 0..100. */
  percent: number;
  /** Set on the probe where flapping started or stopped: the log's two lines. */
  change?: 'started' | 'stopped';
}

export interface FlapDetector {
  /** The check's state after a probe. */
  record(state: CheckState): FlapStatus;
  current(): FlapStatus;
}

/** One check's detector: the last 21 states and whether it is flapping. No clock, no I/O. */
export function createFlapDetector(thresholds: FlapThresholds = DEFAULT_FLAP_THRESHOLDS): FlapDetector {
  const states: CheckState[] = [];
  let status: FlapStatus = { flapping: false, percent: 0 };
  return {
    record(state) {
      if (state === 'PENDING') return status;
      states.push(state);
      if (states.length > FLAP_HISTORY_STATES) states.shift();
      const percent = percentStateChange(states);
      // As base/flapping.c: at or over high starts, at or under low stops, in between stays.
      const flapping = percent >= thresholds.highPercent ? true : percent <= thresholds.lowPercent ? false : status.flapping;
      const change = flapping === status.flapping ? undefined : flapping ? 'started' : 'stopped';
      status = { flapping, percent, ...(change ? { change } : {}) };
      return status;
    },
    current() {
      const { change: _change, ...rest } = status;
      return rest;
    },
  };
}

/** A percentage for people: one decimal, as Nagios' "(42.1% change >= 30.0% threshold)". */
export function flapPercent(percent: number): string {
  return `${(Math.round(percent * 10) / 10).toFixed(1)}%`;
}
