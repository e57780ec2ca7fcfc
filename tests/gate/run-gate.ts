// Runs the release gate the way a user does (a child process) and gives back what
// a user would see: against a sandbox started here with the given faults, or
// against any base URL (e.g. Prism in front of the sandbox).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type SandboxStart } from '../../cli/target.ts';
import { SANDBOX_PASSWORD, SANDBOX_USERNAME } from '../../src/config/api.ts';
import { childEnv, runToCompletion } from '../support/processes.ts';
import { programArgs, runsCompiled } from '../support/program.ts';

// Through the gate's entry point, as `npm run gate` does: its exit code is the contract's.
const GATE_CLI = programArgs('cli/gate.ts');
const PLAYWRIGHT_CLI = join('node_modules', '@playwright', 'test', 'cli.js');
const PER_TARGET_CONFIG = join('tests', 'gate', 'per-target.config.mjs');
// Bounds on a run are backstops against a hang, not speed limits: a run through the gate's entry
// point takes 2-3 s alone and 15 s was seen under stress-ng --cpu 2 beside other sessions' load.
const RUN_TIMEOUT_MS = 300_000;
// A per-target run's slowest test, bad input on the proof's latency=400 row, waits out nine answers
// held 400 ms each: about 4 s, loaded or not. Its bound leaves load ten times that.
const PER_TARGET_TEST_TIMEOUT_MS = 60_000;

/**
 * Targets judged by the same tests of the gate, one Playwright project each (per-target.config.mjs), each
 * project's base URL its Playwright `baseURL`. The configuration (a small latency budget, say) is the run's.
 */
export interface TargetGroup {
  /** The spec files' base name, a glob: '*' or 'trackers'. */
  specs: string;
  /** A spec left out, e.g. 'latency'. */
  ignore?: string;
  /** Only the tests whose title matches this regular expression. */
  grep?: string;
  /** Each project's name and base URL. */
  targets: { name: string; baseUrl: string }[];
}

export interface GateRun {
  code: number | null;
  output: string;
  junit: string;
  reportDir: string;
}

export interface GateOptions {
  /** Extra environment on top of childEnv() (no CAP_*, MONITOR_*, SANDBOX_*); an empty string unsets a variable. */
  env?: Record<string, string>;
  /** Bound on the whole run (default 5 minutes), a backstop against a hang. */
  timeoutMs?: number;
  /** Playwright straight on per-target.config.mjs, all groups in one run, instead of the gate's entry point. */
  perTarget?: TargetGroup[];
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
    ...(options.perTarget ? perTargetEnv(options.perTarget) : {}),
    ...options.env,
  });
  for (const [k, v] of Object.entries(env)) if (v === '') delete env[k];
  const command = options.perTarget
    ? [PLAYWRIGHT_CLI, 'test', '--config', PER_TARGET_CONFIG, ...(options.args ?? [])]
    : [...GATE_CLI, ...(options.args ?? [])];
  const { code, output } = await runToCompletion(process.execPath, command, {
    env,
    timeoutMs: options.timeoutMs ?? RUN_TIMEOUT_MS,
  });
  return { code, output, junit: readJunit(reportDir), reportDir };
}

/**
 * The run for per-target.config.mjs. Compiled, as the gate's entry point does (cli/gate.ts), without
 * Playwright's TypeScript loader: each of the run's workers then starts with one thread less.
 */
function perTargetEnv(groups: TargetGroup[]): Record<string, string> {
  const compiled = runsCompiled();
  const run = { compiled, timeout: PER_TARGET_TEST_TIMEOUT_MS, groups };
  return { GATE_PER_TARGET: JSON.stringify(run), ...(compiled ? { PW_DISABLE_TS_ESM: '1' } : {}) };
}

function readJunit(reportDir: string): string {
  try {
    return readFileSync(join(reportDir, 'junit.xml'), 'utf8');
  } catch {
    return ''; // no report: the caller's assertions on `code` and `output` say why
  }
}

/**
 * The gate's entry point with no CAP_BASE_URL, as on a fresh clone: each worker starts the embedded
 * sandbox on a free port. (The installed `trackers-contract gate` is run by
 * tests/package/pack-install.test.ts.)
 */
export async function runGateEmbedded(options: Pick<GateOptions, 'args' | 'timeoutMs'> = {}): Promise<GateRun> {
  const reportDir = mkdtempSync(join(tmpdir(), 'gate-run-'));
  const env = childEnv({ GATE_REPORT_DIR: reportDir });
  const { code, output } = await runToCompletion(process.execPath, [...GATE_CLI, ...(options.args ?? [])], {
    env,
    timeoutMs: options.timeoutMs ?? RUN_TIMEOUT_MS,
  });
  return { code, output, junit: readJunit(reportDir), reportDir };
}

/** The gate against a sandbox of its own, serving `faults` globally. */
export async function runGate(options: GateOptions & { faults?: string; sandbox?: SandboxStart } = {}): Promise<GateRun> {
  const sandbox = await startSandbox({ ...options.sandbox, faults: options.faults });
  try {
    return await runGateAgainst(sandbox.baseUrl, options);
  } finally {
    await sandbox.close();
  }
}
