// What a verification decided, as the verdicts of src/checks/result.ts, so that
// its exit code and its printed word come from exitCodeFor (src/exit-code.ts)
// like every other command's. Apart from verify-contracts.ts, which loads Pact.
import type { Verdict } from '../checks/result.ts';
import type { ContractResult, InteractionResult, Mismatch, VerificationReport } from './verify-contracts.ts';

/** How a mismatch says the provider gave no answer at all (a transport problem, not a contract break). */
export const NO_ANSWER = 'no answer from the provider';

const allPass = (verdicts: readonly Verdict[]): boolean => verdicts.every((v) => v === 'pass');

/**
 * An interaction's verdict. The relay answers Pact with a failure status when the provider did not answer:
 * the mismatches Pact then reports (status, body) are consequences, so a no-answer mismatch makes the
 * interaction inconclusive, as a check without an answer is. Any other mismatch breaks the contract, and so
 * does an error of ours beside it (a provider state without a handler).
 */
export function interactionVerdict(i: InteractionResult): Verdict {
  if (i.ok) return 'pass';
  const unanswered = (m: Mismatch) => m.message.startsWith(NO_ANSWER);
  return i.mismatches.some(unanswered) && i.mismatches.every((m) => m.kind !== 'error' || unanswered(m))
    ? 'inconclusive'
    : 'fail';
}

/** A contract's verdicts: its interactions', and a failure for an error outside them (another provider, a verifier that did not run). */
export function contractVerdicts(c: ContractResult): Verdict[] {
  const verdicts: Verdict[] = c.interactions.map(interactionVerdict);
  if (c.error !== undefined || (!c.ok && allPass(verdicts))) verdicts.push('fail');
  return verdicts;
}

/**
 * Every verdict of a verification, for exitCodeFor (src/exit-code.ts): every contract's, a failure for
 * credentials that could not be used, and a failure for a report that failed with every contract holding.
 */
export function verificationVerdicts(report: VerificationReport): Verdict[] {
  const verdicts: Verdict[] = report.contracts.flatMap(contractVerdicts);
  if (report.authProblem !== undefined) verdicts.push('fail');
  if (!report.ok && allPass(verdicts)) verdicts.push('fail');
  return verdicts;
}
