// What the status page shows: per target and check, the latest outcome, the last
// failure and a bounded window of recent probes. Fed by the loop only; read by
// /api/status and the page. Memory is bounded by targets × checks × capacity.
import { enabledChecks, type Check, type ProbeReason, type ProbeResult } from './probe.ts';
import type { MonitorTarget } from './targets.ts';

export const DEFAULT_HISTORY_CAPACITY = 120;

export interface HistoryPoint {
  /** Probe start, epoch ms. */
  at: number;
  durationMs: number;
  success: boolean;
  reason?: ProbeReason;
}

export interface CheckStatus {
  check: Check;
  /** null until the first probe. */
  up: boolean | null;
  /** Probes since start, and of those successful. */
  probes: number;
  successes: number;
  /** Successes / probes over the recent window; null before the first probe. */
  recentSuccessRatio: number | null;
  last?: {
    at: number;
    durationMs: number;
    httpStatus?: number;
    message: string;
    reason?: ProbeReason;
    degraded: boolean;
    trackerCount?: number;
    warnings: number;
    errors: number;
  };
  lastFailure?: { at: number; reason: ProbeReason; message: string };
  recent: HistoryPoint[];
}

export interface TargetStatus {
  name: string;
  /** Where probes go: a remote base URL (config refuses credentials in it) or "embedded sandbox". */
  location: string;
  latencyBudgetMs: number;
  latencyDegradedMs: number;
  intervalSeconds: number;
  notFoundIntervalSeconds: number;
  /** 0: the auth check is off. */
  authIntervalSeconds: number;
  checks: CheckStatus[];
}

export interface StatusSnapshot {
  generatedAt: number;
  startedAt: number;
  version: string;
  /** The monitor's --location, when it has one. */
  location?: string;
  capacity: number;
  targets: TargetStatus[];
}

export interface StatusHistory {
  add(result: ProbeResult): void;
  snapshot(): StatusSnapshot;
}

export interface StatusHistoryOptions {
  version: string;
  location?: string;
  capacity?: number;
  now?: () => number;
}

export function createStatusHistory(targets: readonly MonitorTarget[], options: StatusHistoryOptions): StatusHistory {
  const capacity = options.capacity ?? DEFAULT_HISTORY_CAPACITY;
  const now = options.now ?? Date.now;
  const startedAt = now();
  const byKey = new Map<string, CheckStatus>();
  const key = (target: string, check: string) => `${target}\u0000${check}`;
  const statuses: TargetStatus[] = targets.map((t) => ({
    name: t.name,
    location: t.config.target.kind === 'remote' ? t.config.target.baseUrl : 'embedded sandbox',
    latencyBudgetMs: t.config.latencyBudgetMs,
    latencyDegradedMs: t.config.latencyDegradedMs,
    intervalSeconds: t.intervalSeconds,
    notFoundIntervalSeconds: t.notFoundIntervalSeconds,
    authIntervalSeconds: t.authIntervalSeconds,
    checks: enabledChecks(t).map((check) => {
      const status: CheckStatus = { check, up: null, probes: 0, successes: 0, recentSuccessRatio: null, recent: [] };
      byKey.set(key(t.name, check), status);
      return status;
    }),
  }));

  return {
    add(r) {
      const s = byKey.get(key(r.target, r.check));
      if (!s) return;
      s.up = r.success;
      s.probes++;
      if (r.success) s.successes++;
      s.recent.push({ at: r.startedAt, durationMs: r.durationMs, success: r.success, reason: r.reason });
      if (s.recent.length > capacity) s.recent.splice(0, s.recent.length - capacity);
      s.recentSuccessRatio = s.recent.filter((p) => p.success).length / s.recent.length;
      s.last = {
        at: r.startedAt,
        durationMs: r.durationMs,
        httpStatus: r.httpStatus,
        message: r.message,
        reason: r.reason,
        degraded: r.degraded,
        trackerCount: r.trackerCount,
        warnings: r.warnings.length,
        errors: r.errors.length,
      };
      if (!r.success && r.reason) s.lastFailure = { at: r.startedAt, reason: r.reason, message: r.message };
    },
    snapshot() {
      // A deep copy: the caller may serialise it while probes keep landing.
      return structuredClone({
        generatedAt: now(),
        startedAt,
        version: options.version,
        ...(options.location === undefined ? {} : { location: options.location }),
        capacity,
        targets: statuses,
      });
    },
  };
}
