// One synthetic probe: run a check of src/checks/ through the project's client
// and stamp its result with the targets-file entry and the start time. The
// judgement is the check's (the gate makes the same one), recorded as it is;
// what the outputs need of it (passed, durationMs, …) is derived by
// src/checks/result.ts. Recording (metrics, history) is the loop's job, not this
// file's. Like blackbox_exporter's ProbeFn it never throws.
import type { TrackersClient } from '../src/client.ts';
import type { CheckName, CheckResult } from '../src/checks/result.ts';
import { runCheck } from '../src/checks/run.ts';
import type { TargetEntry } from './targets.ts';

/** The checks the monitor runs. bad_input stays the gate's: it sends a request per malformed id. */
export const MONITOR_CHECKS = ['trackers', 'not_found', 'auth'] as const satisfies readonly CheckName[];
export type MonitorCheck = (typeof MONITOR_CHECKS)[number];

/** The checks an entry runs: only auth can be turned off (interval 0; the others' minimum is 1 s). */
export function enabledChecks(entry: Pick<TargetEntry, 'authIntervalSeconds'>): MonitorCheck[] {
  return MONITOR_CHECKS.filter((check) => check !== 'auth' || entry.authIntervalSeconds > 0);
}

export interface ProbeOptions {
  /** Extra request headers, e.g. X-Sandbox-Fault for a demo or a test (only the sandbox understands it). */
  headers?: Record<string, string>;
}

/** A check's result as the monitor records it: the same verdict, stamped with where and when. */
export interface Probe extends CheckResult {
  /** The targets-file entry's name: the `target` label. */
  target: string;
  /** Wall-clock start, epoch ms: the first request's, or the probe's own when the check sent none. */
  startedAt: number;
}

/** Probe one check of one entry. Never throws: even a bug below comes back as a failed result. */
export async function probe(
  client: TrackersClient,
  entry: Pick<TargetEntry, 'name' | 'config'>,
  check: MonitorCheck,
  options: ProbeOptions = {},
): Promise<Probe> {
  const startedAt = Date.now();
  const result = await runCheck(check, client, entry.config, { headers: options.headers });
  return { ...result, target: entry.name, startedAt: result.steps[0]?.timings.startedAt ?? startedAt };
}
