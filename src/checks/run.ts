// Every check by name, and the runner that never throws.
import type { TrackersClient } from '../client.ts';
import { checkAuth } from './auth.ts';
import { checkBadInput } from './bad-input.ts';
import { clip, type CheckName, type CheckResult, type CheckSettings } from './result.ts';
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

// The exit-code contract lives in src/exit-code.ts; the checks' namespace and the library carry it from here.
export { EXIT, EXIT_MEANINGS, exitCodeFor, type ExitCode } from '../exit-code.ts';
