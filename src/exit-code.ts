// The exit-code contract of every command, decided here and nowhere else: the
// gate's reporter, verify, monitor --once and validate hand their verdicts to
// exitCodeFor; a command that judges nothing (help, a file written) ends with
// DONE, and one that could not do its job for another reason with NOT_DONE.
import { answered as someRequestAnswered, type CheckResult, type Verdict } from './checks/result.ts';

export const EXIT = {
  /** Every check passed. */
  pass: 0,
  /** The contract is broken: a check failed. */
  broken: 1,
  /** Usage or configuration error: nothing was checked. */
  usage: 2,
  /** No request got any HTTP answer, or nothing was judged: the target could not be judged from here. */
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
    'inconclusive: no request of the run got an HTTP answer (refused, DNS, TLS, or a time-out on every attempt), or nothing was judged: the target could not be judged',
};

/** A command that judges nothing did what was asked (its help, a file written, a sandbox stopped). */
export const DONE: ExitCode = 0;

/**
 * A command that could not do its job for a reason that is neither a usage error nor a verdict: its own
 * bug, a port it cannot listen on, a gate run that ended without a verdict. 1, never 3, so that a CI job
 * that tolerates an inconclusive run never lets such a run through.
 */
export const NOT_DONE: ExitCode = 1;

/**
 * One judged thing: a verdict alone (validate's body, a Pact interaction), a verdict with whether any
 * request of it got an HTTP answer (the gate's recorded verdicts, a monitor probe), or a check result.
 */
export type Judged = Verdict | { verdict: Verdict; answered: boolean } | CheckResult;

const verdictOf = (j: Judged): Verdict => (typeof j === 'string' ? j : j.verdict);

/** A verdict alone: pass and fail were judged from an answer; inconclusive means none came. */
function answered(j: Judged): boolean {
  if (typeof j === 'string') return j !== 'inconclusive';
  if ('answered' in j) return j.answered;
  return someRequestAnswered(j);
}

/**
 * The verdict of a whole run. Where any request got an answer, anything short of a pass is a failure:
 * inconclusive is kept for a run in which nothing answered at all, or nothing was judged.
 */
export function runVerdict(judged: readonly Judged[]): Verdict {
  if (judged.length === 0) return 'inconclusive';
  if (judged.every((j) => verdictOf(j) === 'pass')) return 'pass';
  if (judged.some((j) => verdictOf(j) === 'fail' || answered(j))) return 'fail';
  return 'inconclusive';
}

const EXIT_BY_VERDICT: Readonly<Record<Verdict, ExitCode>> = {
  pass: EXIT.pass,
  fail: EXIT.broken,
  inconclusive: EXIT.inconclusive,
};

/** The exit code of a run: 0 every verdict passed, 3 nothing answered (or nothing was judged), else 1. */
export function exitCodeFor(judged: readonly Judged[]): ExitCode {
  return EXIT_BY_VERDICT[runVerdict(judged)];
}
