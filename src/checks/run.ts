// Every check by name, and the one exit-code contract every command follows.
import type { TrackersClient } from '../client.ts';
import { checkAuth } from './auth.ts';
import { checkBadInput } from './bad-input.ts';
import { anyAnswered, clip, type CheckName, type CheckResult, type CheckSettings } from './result.ts';
import { checkNotFound, checkTrackers, type RunOptions } from './trackers.ts';

export interface CheckOptions extends RunOptions {
  /** auth: also try the other credential kind and the plain password (the gate has the request budget for it). */
  thorough?: boolean;
  /** bad_input: these rows instead of the whole table (the gate runs one test per row). */
  ids?: readonly (readonly [string, string])[];
}

const RUNNERS: Record<
  CheckName,
  (client: TrackersClient, settings: CheckSettings, options: CheckOptions) => Promise<CheckResult>
> = {
  trackers: checkTrackers,
  not_found: checkNotFound,
  auth: checkAuth,
  bad_input: checkBadInput,
};

/** Run one check. Never throws: a bug below comes back as a failed result with reason probe_error. */
export async function runCheck(
  name: CheckName,
  client: TrackersClient,
  settings: CheckSettings,
  options: CheckOptions = {},
): Promise<CheckResult> {
  try {
    return await RUNNERS[name](client, settings, options);
  } catch (err) {
    return {
      check: name,
      verdict: 'fail',
      reason: 'probe_error',
      message: clip(`check error: ${err instanceof Error ? err.message : String(err)}`),
      errors: [],
      warnings: [],
      steps: [],
      degraded: false,
    };
  }
}

/** The exit-code contract of every command (gate, verify, monitor --once, validate). */
export const EXIT = {
  /** Every check passed. */
  pass: 0,
  /** The contract is broken: a check failed. */
  broken: 1,
  /** Usage or configuration error: nothing was checked. */
  usage: 2,
  /** No request got any HTTP answer: the target could not be judged from here. */
  inconclusive: 3,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** What each exit code means, for people: docs/reference.md is generated from it. */
export const EXIT_MEANINGS: Readonly<Record<keyof typeof EXIT, string>> = {
  pass: 'pass: every check held (warnings do not fail)',
  broken:
    'the contract is broken: a check failed. Where any request got an HTTP answer, every failure is a failure, a time-out included',
  usage: 'usage or configuration error: a bad flag, variable, targets file or input file; nothing was judged',
  inconclusive:
    'inconclusive: no request of the run got an HTTP answer (refused, DNS, TLS, or a time-out on every attempt): the target could not be judged',
};

/**
 * The exit code for a run. Where any request got an answer, anything short of a pass is a failure (1):
 * inconclusive (3) is kept for a run in which nothing answered at all.
 */
export function exitCodeFor(results: readonly CheckResult[]): ExitCode {
  if (results.every((r) => r.verdict === 'pass')) return EXIT.pass;
  if (!anyAnswered(results) && results.every((r) => r.verdict !== 'fail')) return EXIT.inconclusive;
  return EXIT.broken;
}
