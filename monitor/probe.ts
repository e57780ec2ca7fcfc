// One synthetic probe: run a check of src/checks/ through the project's client
// and stamp the result with its target and timings. The judgement is the
// checks' (the gate makes the same one); recording (metrics, history) is the
// loop's job, not this file's. Like blackbox_exporter's ProbeFn it never throws.
import type { TrackersClient } from '../src/client.ts';
import { REASONS, type CheckResult, type CheckSettings, type Reason, type Verdict } from '../src/checks/result.ts';
import { runCheck } from '../src/checks/run.ts';
import type { Finding } from '../src/validate.ts';
import { phaseDurations, type PhaseDurations } from './phases.ts';

/** The checks the monitor runs. bad_input stays the gate's: it sends a request per malformed id. */
export const CHECKS = ['trackers', 'not_found', 'auth'] as const;
export type Check = (typeof CHECKS)[number];

/** The checks a target runs: only auth can be turned off (interval 0; the others' minimum is 1 s). */
export function enabledChecks(target: { authIntervalSeconds: number }): Check[] {
  return CHECKS.filter((check) => check !== 'auth' || target.authIntervalSeconds > 0);
}

/** Why a probe failed: the checks' reasons (src/checks/result.ts). */
export const PROBE_REASONS = REASONS;
export type ProbeReason = Reason;

/** What a probe needs to know about its target (monitor/targets.ts MonitorTarget has it). */
export interface ProbeTarget {
  name: string;
  config: CheckSettings;
}

export interface ProbeOptions {
  /** Extra request headers, e.g. X-Sandbox-Fault for a demo or a test (only the sandbox understands it). */
  headers?: Record<string, string>;
}

export interface ProbeResult {
  target: string;
  check: Check;
  success: boolean;
  verdict: Verdict;
  /** Some request of the check got an HTTP answer (exit code 3 needs none to have). */
  answered: boolean;
  /** Set exactly when success is false. */
  reason?: ProbeReason;
  /** One line for people: what happened. Holds no credential (the client never puts one in a message). */
  message: string;
  /** HTTP status of the last request, when an answer arrived. */
  httpStatus?: number;
  /** Wall-clock start, epoch ms. */
  startedAt: number;
  /** Every request of the check, monotonic clock. */
  durationMs: number;
  /** Time to the response headers (of a single-request check). */
  ttfbMs?: number;
  /** blackbox_exporter's phases of the last request, in ms (phases.ts). */
  phases?: PhaseDurations;
  /** Slower than the degraded threshold but within the budget (a complete response only). */
  degraded: boolean;
  /** Trackers in data[], when a JSON body was read. */
  trackerCount?: number;
  /** Body bytes of every request of the check, as received and once their Content-Encoding was undone. */
  bodySize: number;
  decodedBodySize: number;
  /** Contract violations found in the body. */
  errors: Finding[];
  /** Data-quality findings and additive changes: never a failure. */
  warnings: Finding[];
  /** The client fetched a new OAuth token after a 401 and retried once: a hidden retry, counted apart. */
  authRefreshed: boolean;
}

/** The monitor's view of a check result: one row of metrics and status history. */
export function toProbeResult(target: string, check: Check, c: CheckResult, startedAt: number): ProbeResult {
  const steps = c.steps;
  const last = steps[steps.length - 1];
  return {
    target,
    check,
    success: c.verdict === 'pass',
    verdict: c.verdict,
    answered: steps.some((s) => s.status !== undefined),
    reason: c.reason,
    message: c.message,
    httpStatus: last?.status,
    startedAt: steps[0]?.timings.startedAt ?? startedAt,
    durationMs: steps.reduce((sum, s) => sum + s.timings.totalMs, 0),
    ttfbMs: steps.length === 1 ? last?.timings.ttfbMs : undefined,
    phases: last ? phaseDurations(last.timings) : undefined,
    degraded: c.degraded,
    trackerCount: c.trackerCount,
    bodySize: steps.reduce((sum, s) => sum + s.bodySize, 0),
    decodedBodySize: steps.reduce((sum, s) => sum + s.decodedBodySize, 0),
    errors: c.errors,
    warnings: c.warnings,
    authRefreshed: steps.some((s) => s.authRefreshed),
  };
}

/** Probe one check of one target. Never throws: even a bug below comes back as a failed result. */
export async function probe(
  client: TrackersClient,
  target: ProbeTarget,
  check: Check,
  options: ProbeOptions = {},
): Promise<ProbeResult> {
  const startedAt = Date.now();
  const result = await runCheck(check, client, target.config, { headers: options.headers });
  return toProbeResult(target.name, check, result, startedAt);
}
