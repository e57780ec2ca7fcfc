// Runs a batch of provider verifications in one child process (see
// verification-worker.ts) and gives back each case's report and summary, plus
// everything the child printed (Pact's native report included), so tests can
// also check that output for leaked credentials.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runToCompletion } from '../../support/processes.ts';
import type { VerificationCase, VerificationOutcome } from './verification-worker.ts';

export type { VerificationCase, VerificationOutcome };

const WORKER = join(dirname(fileURLToPath(import.meta.url)), 'verification-worker.ts');
// A backstop for a child that hangs, not a bound on speed: a batch takes seconds alone and several
// times that on a loaded two-core machine (20 s seen). Under pact:provider's --test-timeout, so a hang
// is reported with the child's output.
const BATCH_TIMEOUT_MS = 240_000;

export interface VerificationBatch {
  results: VerificationOutcome[];
  /** The child's stdout and stderr together. */
  output: string;
}

export async function runVerifications(cases: VerificationCase[]): Promise<VerificationBatch> {
  const dir = mkdtempSync(join(tmpdir(), 'pact-verify-'));
  const casesFile = join(dir, 'cases.json');
  const resultsFile = join(dir, 'results.json');
  writeFileSync(casesFile, JSON.stringify(cases));
  try {
    // The worker takes each case's configuration from the cases file, never from its environment.
    const { code, output } = await runToCompletion(process.execPath, ['--import', 'tsx', WORKER, casesFile, resultsFile], {
      timeoutMs: BATCH_TIMEOUT_MS,
    });
    if (code !== 0) throw new Error(`the verification worker exited with ${code}:\n${output.slice(-3000)}`);
    return { results: JSON.parse(readFileSync(resultsFile, 'utf8')) as VerificationOutcome[], output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
