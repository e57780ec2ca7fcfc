// What the status page and the terminal show: per target and check, the latest
// outcome and state, the last failure and its field, success ratios over the
// last 15 minutes and hour, and a bounded window of recent probes for the chart.
// Fed by the loop only. Memory is bounded by targets × checks × (capacity +
// 60 per-minute buckets): an hour of probes is counted, not kept.
import { CHECK_OBJECTIVES, checkState, p95, type CheckState } from './check-state.ts';
import { createFlapDetector, type FlapDetector } from './flapping.ts';
import { durationMs, lastStep, passed, type CheckName, type Reason } from '../src/checks/result.ts';
import { enabledChecks, type Probe } from './probe.ts';
import type { TargetEntry } from './targets.ts';
import { firstField } from '../src/group-findings.ts';

export const DEFAULT_HISTORY_CAPACITY = 120;
const MINUTE = 60_000;
const BUCKETS = 60;
/** The page's window: the state's ratio and p95 conditions, and the summary's first ratio. */
export const STATE_WINDOW_MINUTES = 15;

export interface HistoryPoint {
  /** Probe start, epoch ms. */
  at: number;
  durationMs: number;
  success: boolean;
  reason?: Reason;
}

/** Probes in a window, and of those successful (the ratio is the reader's: fewer bytes for 600 rows). */
export interface WindowRatio {
  probes: number;
  successes: number;
}

export interface FailureInfo {
  at: number;
  reason: Reason;
  message: string;
  /** The first contract error's JSON path, when the body broke the contract. */
  field?: string;
}

/** One summary row: small, so 200 targets make a small /api/status. */
export interface CheckSummary {
  check: CheckName;
  state: CheckState;
  /** Why it is not UP (absent when UP or PENDING). */
  why?: string;
  /** The state keeps changing (monitor/flapping.ts): shown as FLAPPING, logged once. */
  flapping: boolean;
  /** Nagios' weighted percent state change over the last 21 probes, one decimal. */
  stateChangePercent: number;
  objective: number;
  /** Probes since start, and of those successful. */
  probes: number;
  successes: number;
  last15m: WindowRatio;
  last1h: WindowRatio;
  /** p95 of the recent probes within 15 minutes, ms; null without any. */
  p95Ms: number | null;
  lastAt?: number;
  /** In the summary without its message (the details have it). */
  lastFailure?: FailureInfo | Omit<FailureInfo, 'message'>;
}

/** The details on demand (/api/status?target=NAME): the summary plus the latest probe and the chart's points. */
export interface CheckStatus extends CheckSummary {
  lastFailure?: FailureInfo;
  /** null until the first probe. */
  up: boolean | null;
  /** Successes / probes over the recent window; null before the first probe. */
  recentSuccessRatio: number | null;
  last?: {
    at: number;
    durationMs: number;
    httpStatus?: number;
    message: string;
    reason?: Reason;
    degraded: boolean;
    trackerCount?: number;
    warnings: number;
    errors: number;
  };
  recent: HistoryPoint[];
}

interface TargetInfo {
  name: string;
  /** Where probes go: a remote base URL (config refuses credentials in it) or "embedded sandbox". */
  location: string;
  latencyBudgetMs: number;
  latencyDegradedMs: number;
  intervalSeconds: number;
  notFoundIntervalSeconds: number;
  /** 0: the auth check is off. */
  authIntervalSeconds: number;
}

/** A summary row needs the name only: the rest of a target's facts come with its details. */
export interface TargetSummary {
  name: string;
  checks: CheckSummary[];
}

export interface TargetStatus extends TargetInfo {
  checks: CheckStatus[];
}

interface SnapshotHead {
  generatedAt: number;
  startedAt: number;
  version: string;
  /** The monitor's --location, when it has one. */
  location?: string;
  capacity: number;
}

export interface StatusSummary extends SnapshotHead {
  targets: TargetSummary[];
}

export interface StatusSnapshot extends SnapshotHead {
  targets: TargetStatus[];
}

export interface StatusHistory {
  add(probe: Probe): void;
  /** Every target with its details (tests, small fleets). */
  snapshot(): StatusSnapshot;
  /** Every target without the chart points or the latest message: the page's summary. */
  summary(): StatusSummary;
  /** One target with its details; undefined for an unknown name. */
  target(name: string): StatusSnapshot | undefined;
  /** A check's state as of its latest probe (the terminal's state-change lines); undefined when unknown. */
  stateOf(
    target: string,
    check: string,
  ): Pick<CheckStatus, 'state' | 'why' | 'lastFailure' | 'flapping' | 'stateChangePercent'> | undefined;
}

export interface StatusHistoryOptions {
  version: string;
  location?: string;
  capacity?: number;
  now?: () => number;
}

interface Bucket {
  minute: number;
  probes: number;
  successes: number;
  slow: number;
}

interface CheckMemory {
  status: CheckStatus;
  degradedMs: number;
  buckets: Bucket[];
  flap: FlapDetector;
}

function windowOver(m: CheckMemory, nowMinute: number, minutes: number): WindowRatio & { slow: number } {
  let probes = 0;
  let successes = 0;
  let slow = 0;
  for (const b of m.buckets) {
    if (b.minute > nowMinute - minutes && b.minute <= nowMinute) {
      probes += b.probes;
      successes += b.successes;
      slow += b.slow;
    }
  }
  return { probes, successes, slow };
}

export function createStatusHistory(targets: readonly TargetEntry[], options: StatusHistoryOptions): StatusHistory {
  const capacity = options.capacity ?? DEFAULT_HISTORY_CAPACITY;
  const now = options.now ?? Date.now;
  const startedAt = now();
  const byKey = new Map<string, CheckMemory>();
  const key = (target: string, check: string) => `${target}\u0000${check}`;
  const infos: Array<TargetInfo & { memory: CheckMemory[] }> = targets.map((t) => ({
    name: t.name,
    location: t.config.target.kind === 'remote' ? t.config.target.baseUrl : 'embedded sandbox',
    latencyBudgetMs: t.config.latencyBudgetMs,
    latencyDegradedMs: t.config.latencyDegradedMs,
    intervalSeconds: t.intervalSeconds,
    notFoundIntervalSeconds: t.notFoundIntervalSeconds,
    authIntervalSeconds: t.authIntervalSeconds,
    memory: enabledChecks(t).map((check) => {
      const m: CheckMemory = {
        degradedMs: t.config.latencyDegradedMs,
        buckets: [],
        flap: createFlapDetector(t.flapping),
        status: {
          check,
          state: 'PENDING',
          flapping: false,
          stateChangePercent: 0,
          up: null,
          objective: CHECK_OBJECTIVES[check],
          probes: 0,
          successes: 0,
          last15m: { probes: 0, successes: 0 },
          last1h: { probes: 0, successes: 0 },
          p95Ms: null,
          recentSuccessRatio: null,
          recent: [],
        },
      };
      byKey.set(key(t.name, check), m);
      return m;
    }),
  }));

  /** Ratios, p95 and state as of now: a quiet check's window empties as time passes, without a probe. */
  function refreshed(m: CheckMemory, at: number): CheckStatus {
    const s = m.status;
    const minute = Math.floor(at / MINUTE);
    const w15 = windowOver(m, minute, STATE_WINDOW_MINUTES);
    s.last15m = { probes: w15.probes, successes: w15.successes };
    const w1h = windowOver(m, minute, BUCKETS);
    s.last1h = { probes: w1h.probes, successes: w1h.successes };
    const p = p95(s.recent.filter((x) => x.at > at - STATE_WINDOW_MINUTES * MINUTE).map((x) => x.durationMs));
    s.p95Ms = p === null ? null : Math.round(p * 10) / 10;
    const verdict = checkState({
      last: s.last ? { success: s.last.reason === undefined, degraded: s.last.degraded } : undefined,
      probes: w15.probes,
      successes: w15.successes,
      slow: w15.slow,
      degradedMs: m.degradedMs,
      objective: s.objective,
    });
    s.state = verdict.state;
    if (verdict.why === undefined) delete s.why;
    else s.why = verdict.why;
    return s;
  }

  function head(): SnapshotHead {
    return {
      generatedAt: now(),
      startedAt,
      version: options.version,
      ...(options.location === undefined ? {} : { location: options.location }),
      capacity,
    };
  }

  const info = (t: (typeof infos)[number]): TargetInfo => {
    const { memory: _memory, ...rest } = t;
    return rest;
  };

  return {
    add(r) {
      const m = byKey.get(key(r.target, r.check));
      if (!m) return;
      const s = m.status;
      const ok = passed(r);
      const ms = durationMs(r);
      s.up = ok;
      s.probes++;
      if (ok) s.successes++;
      const minute = Math.floor(r.startedAt / MINUTE);
      let bucket = m.buckets.find((b) => b.minute === minute);
      if (!bucket) {
        bucket = { minute, probes: 0, successes: 0, slow: 0 };
        m.buckets.push(bucket);
        m.buckets.sort((a, b) => a.minute - b.minute);
        if (m.buckets.length > BUCKETS) m.buckets.splice(0, m.buckets.length - BUCKETS);
      }
      bucket.probes++;
      if (ok) bucket.successes++;
      if (ms > m.degradedMs) bucket.slow++;
      s.recent.push({ at: r.startedAt, durationMs: ms, success: ok, reason: r.reason });
      if (s.recent.length > capacity) s.recent.splice(0, s.recent.length - capacity);
      s.recentSuccessRatio = s.recent.filter((p) => p.success).length / s.recent.length;
      s.lastAt = r.startedAt;
      s.last = {
        at: r.startedAt,
        durationMs: ms,
        httpStatus: lastStep(r)?.status,
        message: r.message,
        reason: ok ? undefined : r.reason,
        degraded: r.degraded,
        trackerCount: r.trackerCount,
        warnings: r.warnings.length,
        errors: r.errors.length,
      };
      if (!ok && r.reason) {
        const field = firstField(r.errors);
        s.lastFailure = { at: r.startedAt, reason: r.reason, message: r.message, ...(field ? { field } : {}) };
      }
      // Flapping is judged on the state after each probe, not as the window empties between them.
      const flap = m.flap.record(refreshed(m, r.startedAt).state);
      s.flapping = flap.flapping;
      s.stateChangePercent = Math.round(flap.percent * 10) / 10;
    },
    snapshot() {
      const at = now();
      // A deep copy: the caller may serialise it while probes keep landing.
      return structuredClone({
        ...head(),
        targets: infos.map((t) => ({ ...info(t), checks: t.memory.map((m) => refreshed(m, at)) })),
      });
    },
    summary() {
      const at = now();
      return {
        ...head(),
        targets: infos.map((t) => ({
          name: t.name,
          checks: t.memory.map((m) => {
            const { recent: _recent, last: _last, recentSuccessRatio: _ratio, up: _up, ...row } = refreshed(m, at);
            const copy: CheckSummary = structuredClone(row);
            if (copy.lastFailure && 'message' in copy.lastFailure) {
              const { message: _message, ...failure } = copy.lastFailure;
              copy.lastFailure = failure;
            }
            return copy;
          }),
        })),
      };
    },
    stateOf(target, check) {
      const s = byKey.get(key(target, check))?.status;
      return (
        s && {
          state: s.state,
          why: s.why,
          lastFailure: s.lastFailure,
          flapping: s.flapping,
          stateChangePercent: s.stateChangePercent,
        }
      );
    },
    target(name) {
      const t = infos.find((x) => x.name === name);
      if (!t) return undefined;
      const at = now();
      return structuredClone({ ...head(), targets: [{ ...info(t), checks: t.memory.map((m) => refreshed(m, at)) }] });
    },
  };
}
