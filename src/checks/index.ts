// The checks as one namespace for the library API (import { checks } from 'trackers-contract'):
// the four checks, the runner, the verdict vocabulary and the exit-code contract.
export { checkAuth, authAttempts } from './auth.ts';
export { checkBadInput, BAD_CUSTOMER_IDS } from './bad-input.ts';
export { checkNotFound, checkTrackers, judgeResponse, NOT_FOUND_CODE, NOT_FOUND_MESSAGE } from './trackers.ts';
export { runCheck, exitCodeFor, EXIT, type CheckOptions, type ExitCode } from './run.ts';
export {
  CHECK_NAMES,
  REASONS,
  REASONS_BY_CHECK,
  verdictOf,
  type CheckName,
  type CheckResult,
  type CheckSettings,
  type CheckStep,
  type Reason,
  type Verdict,
} from './result.ts';
