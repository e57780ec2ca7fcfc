// Runs the release gate the way a user does (a child process) and gives back what
// a user would see: against a sandbox started here with the given faults, or
// against any base URL (e.g. Prism in front of the sandbox).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSandbox, type SandboxOptions } from '../../sandbox/app.ts';
import { SANDBOX_PASSWORD, SANDBOX_USERNAME } from '../../src/config/api.ts';
import { childEnv, freePort, runToCompletion } from '../support/processes.ts';
import { programArgs } from '../support/program.ts';

// Through the gate's entry point, as `npm run gate` does: its exit code is the contract's.
const GATE_CLI = programArgs('cli/gate.ts');
const PLAYWRIGHT_CLI = join('node_modules', '@playwright', 'test', 'cli.js');
const RUN_TIMEOUT_MS = 120_000;

export interface GateRun {
  code: number | null;
  output: string;
  junit: string;
  reportDir: string;
}

export interface GateOptions {
  /** Extra environment on top of childEnv() (no CAP_*, MONITOR_*, SANDBOX_*); an empty string unsets a variable. */
  env?: Record<string, string>;
  /** Bound on the whole run (default 2 minutes). */
  timeoutMs?: number;
  /** Playwright straight on this config instead of the gate's entry point (the proof's many-project run). */
  playwrightConfig?: string;
  /** Extra gate arguments, e.g. ['--grep', 'existing customer']. */
  args?: string[];
}

/**
 * The gate against baseUrl with the sandbox's credentials (unless env says otherwise). The
 * developer's own CAP_* variables (credentials, customer ids) are not passed on.
 */
export async function runGateAgainst(baseUrl: string, options: GateOptions = {}): Promise<GateRun> {
  const reportDir = mkdtempSync(join(tmpdir(), 'gate-run-'));
  const env = childEnv({
    CAP_BASE_URL: baseUrl,
    CAP_USERNAME: SANDBOX_USERNAME,
    CAP_PASSWORD: SANDBOX_PASSWORD,
    GATE_REPORT_DIR: reportDir,
    ...options.env,
  });
  for (const [k, v] of Object.entries(env)) if (v === '') delete env[k];
  const command = options.playwrightConfig
    ? [PLAYWRIGHT_CLI, 'test', '--config', options.playwrightConfig, ...(options.args ?? [])]
    : [...GATE_CLI, ...(options.args ?? [])];
  const { code, output } = await runToCompletion(process.execPath, command, {
    env,
    timeoutMs: options.timeoutMs ?? RUN_TIMEOUT_MS,
  });
  return { code, output, junit: readJunit(reportDir), reportDir };
}

function readJunit(reportDir: string): string {
  try {
    return readFileSync(join(reportDir, 'junit.xml'), 'utf8');
  } catch {
    return ''; // no report: the caller's assertions on `code` and `output` say why
  }
}

/**
 * The gate's entry point with no CAP_BASE_URL, as on a fresh clone: Playwright's webServer starts
 * the embedded sandbox, here on a free port. (The installed `trackers-contract gate` is run by
 * tests/package/pack-install.test.ts.)
 */
export async function runGateEmbedded(options: Pick<GateOptions, 'args' | 'timeoutMs'> = {}): Promise<GateRun> {
  const reportDir = mkdtempSync(join(tmpdir(), 'gate-run-'));
  const env = childEnv({ GATE_REPORT_DIR: reportDir, SANDBOX_PORT: String(await freePort()) });
  const { code, output } = await runToCompletion(process.execPath, [...GATE_CLI, ...(options.args ?? [])], {
    env,
    timeoutMs: options.timeoutMs ?? RUN_TIMEOUT_MS,
  });
  return { code, output, junit: readJunit(reportDir), reportDir };
}

/** The gate against a sandbox of its own, serving `faults` globally. */
export async function runGate(options: GateOptions & { faults?: string; sandbox?: SandboxOptions } = {}): Promise<GateRun> {
  const sandbox = createSandbox({ ...options.sandbox, faults: options.faults });
  const baseUrl = await sandbox.listen(0, '127.0.0.1');
  try {
    return await runGateAgainst(baseUrl, options);
  } finally {
    await sandbox.close();
  }
}
