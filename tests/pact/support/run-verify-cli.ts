// Runs `npm run verify` the way a user does, as a child process, with only the
// given configuration (a developer's own CAP_* variables are not passed on).
import { ENV_VARS } from '../../../src/config/env.ts';
import { runToCompletion } from '../../support/processes.ts';
import { stripVTControlCharacters } from 'node:util';

// A backstop for a run that hangs, not a bound on speed: a run takes under 2 s alone and up to 17 s was
// seen on a loaded two-core machine. Under pact:provider's --test-timeout, so a hang is reported with its output.
export const RUN_TIMEOUT_MS = 240_000;

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr without colour codes. */
  output: string;
  wallMs: number;
}

export async function runVerifyCli(env: Record<string, string> = {}, args: string[] = []): Promise<CliRun> {
  const inherited = { ...process.env };
  for (const name of Object.keys(ENV_VARS)) delete inherited[name];
  const started = Date.now();
  const { code, stdout, stderr } = await runToCompletion(
    'npm',
    ['run', '--silent', 'verify', ...(args.length > 0 ? ['--', ...args] : [])],
    { env: { ...inherited, ...env }, timeoutMs: RUN_TIMEOUT_MS },
  );
  return { code, stdout, stderr, output: stripVTControlCharacters(`${stdout}\n${stderr}`), wallMs: Date.now() - started };
}
