// Runs the release gate the way a user does (a child process) against a sandbox
// started here with the given faults, and gives back what a user would see.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSandbox, type SandboxOptions } from '../../sandbox/app.ts';
import { SANDBOX_PASSWORD, SANDBOX_USERNAME } from '../../src/config.ts';

const PLAYWRIGHT_CLI = join('node_modules', '@playwright', 'test', 'cli.js');
const RUN_TIMEOUT_MS = 120_000;

export interface GateRun {
  code: number | null;
  output: string;
  junit: string;
  reportDir: string;
}

export async function runGate(
  options: { faults?: string; env?: Record<string, string>; sandbox?: SandboxOptions } = {},
): Promise<GateRun> {
  const sandbox = createSandbox({ ...options.sandbox, faults: options.faults });
  const baseUrl = await sandbox.listen(0, '127.0.0.1');
  const reportDir = mkdtempSync(join(tmpdir(), 'gate-run-'));
  try {
    const env: Record<string, string | undefined> = {
      ...process.env,
      CAP_BASE_URL: baseUrl,
      CAP_USERNAME: SANDBOX_USERNAME,
      CAP_PASSWORD: SANDBOX_PASSWORD,
      GATE_REPORT_DIR: reportDir,
      ...options.env,
    };
    for (const [k, v] of Object.entries(env)) if (v === '') delete env[k];
    const child = spawn(process.execPath, [PLAYWRIGHT_CLI, 'test'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearTimeout(timer);
    let junit = '';
    try {
      junit = readFileSync(join(reportDir, 'junit.xml'), 'utf8');
    } catch {
      // no report: the caller's assertions on `code` and `output` say why
    }
    return { code, output, junit, reportDir };
  } finally {
    await sandbox.close();
  }
}
