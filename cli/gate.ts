// The release gate (trackers-contract gate, npm run gate): checks its options and
// the configuration, runs Playwright on the gate's config as a child, and returns
// the exit code the summary reporter wrote to verdict.json (exitCodeFor, in
// src/exit-code.ts): 0 pass, 1 the contract is broken, 2 usage or configuration,
// 3 inconclusive (no request got an HTTP answer, or no test matched --grep).
// Playwright alone exits 1 for all of these, unknown options included.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isEntryPoint, QUIET_ON_BROKEN_PIPE_IMPORT } from './entry-point.ts';
import { loadConfig } from '../src/config/api.ts';
import { loadGateSettings } from '../src/config/gate.ts';
import { DONE, EXIT, NOT_DONE, type ExitCode } from '../src/exit-code.ts';
import { parseOptions } from '../src/parse-options.ts';

export const USAGE = `Usage: trackers-contract gate [options]    (in a clone: npm run gate -- [options])

Runs the release gate: every check of the contract against CAP_BASE_URL (default: the embedded
sandbox), with JUnit and HTML reports in GATE_REPORT_DIR (default reports/gate).

Options:
  -g, --grep REGEX        only the tests whose title matches
  --grep-invert REGEX     only the tests whose title does not match
  --list                  list the tests, run nothing (exit 0, no verdict)
  --workers N             parallel workers (the embedded sandbox only; a remote target always gets one)
  -h, --help              this text

Exit codes: 0 pass, 1 the contract is broken, 2 usage or configuration error (CAP_BASE_URL without
credentials included), 3 inconclusive (no request got an HTTP answer, or no test matched --grep:
nothing was judged).
`;

const FROM_SOURCES = import.meta.url.endsWith('.ts');
// Beside this module: gate/playwright.config.ts from the sources, dist/gate/playwright.config.js compiled.
const GATE_CONFIG = fileURLToPath(new URL(`../gate/playwright.config.${FROM_SOURCES ? 'ts' : 'js'}`, import.meta.url));
// Compiled, Playwright loads only JavaScript: its TypeScript loader, a module-hooks thread that every
// import in the runner and in each worker goes through, then only costs CPU (a fifth of a run's).
// From the sources it is what loads the .ts specs.
const PLAYWRIGHT_ENV: Record<string, string> = FROM_SOURCES ? {} : { PW_DISABLE_TS_ESM: '1' };
const PLAYWRIGHT_CLI = join(dirname(createRequire(import.meta.url).resolve('@playwright/test/package.json')), 'cli.js');

export type GateArgs = { ok: true; help: boolean; list: boolean; playwright: string[] } | { ok: false; error: string };

export function parseGateArgs(argv: readonly string[]): GateArgs {
  const parsed = parseOptions(argv, {
    grep: { type: 'string', short: 'g' },
    'grep-invert': { type: 'string' },
    list: { type: 'boolean', default: false },
    workers: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (!parsed.ok) return parsed;
  const { values } = parsed;
  const playwright: string[] = [];
  for (const flag of ['grep', 'grep-invert'] as const) {
    const v = values[flag];
    if (typeof v !== 'string') continue;
    try {
      new RegExp(v);
    } catch {
      return { ok: false, error: `--${flag} must be a regular expression, got ${JSON.stringify(v)}` };
    }
    playwright.push(`--${flag}`, v);
  }
  if (typeof values.workers === 'string') {
    if (!/^[1-9]\d{0,2}$/.test(values.workers))
      return { ok: false, error: `--workers must be a whole number from 1 to 999, got ${JSON.stringify(values.workers)}` };
    playwright.push('--workers', values.workers);
  }
  // A listing judges nothing: Playwright's list reporter alone, without the summary's verdict line.
  if (values.list === true) playwright.push('--list', '--reporter', 'list');
  // No test matching the filter is nothing judged (exit 3, from the summary reporter), not Playwright's error.
  else playwright.push('--pass-with-no-tests');
  return { ok: true, help: values.help === true, list: values.list === true, playwright };
}

const EXIT_CODES: readonly unknown[] = Object.values(EXIT);

/** The exit code the summary reporter wrote, or undefined when it wrote none. */
function readExitCode(file: string): ExitCode | undefined {
  try {
    const code = (JSON.parse(readFileSync(file, 'utf8')) as { exitCode?: unknown }).exitCode;
    return EXIT_CODES.includes(code) ? (code as ExitCode) : undefined;
  } catch {
    return undefined;
  }
}

export async function main(argv: readonly string[]): Promise<number> {
  const args = parseGateArgs(argv);
  if (!args.ok) {
    process.stderr.write(`gate: ${args.error} (see --help)\n`);
    return EXIT.usage;
  }
  if (args.help) {
    process.stdout.write(USAGE);
    return DONE;
  }
  // Checked here, as every command does, so a problem is one line; Playwright's config checks it again.
  const loaded = loadConfig();
  const gate = loadGateSettings();
  if (!loaded.ok || !gate.ok) {
    const errors = [...(loaded.ok ? [] : loaded.errors), ...(gate.ok ? [] : gate.errors)];
    process.stderr.write(`gate: configuration error: ${errors.join('; ')} (see .env.example)\n`);
    return EXIT.usage;
  }
  // Absolute, so this process and Playwright's agree whatever their working directories.
  const reportDir = resolve(gate.settings.reportDir);
  const verdictFile = join(reportDir, 'verdict.json');
  // A verdict left by an earlier run must not speak for this one.
  rmSync(verdictFile, { force: true });
  // Playwright writes to this process's stdout: quiet there too when its reader stops reading (| head).
  const child = spawn(
    process.execPath,
    ['--import', QUIET_ON_BROKEN_PIPE_IMPORT, PLAYWRIGHT_CLI, 'test', '--config', GATE_CONFIG, ...args.playwright],
    {
      stdio: 'inherit',
      env: { ...process.env, ...PLAYWRIGHT_ENV, GATE_REPORT_DIR: reportDir },
    },
  );
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  process.off('SIGINT', forward);
  process.off('SIGTERM', forward);
  // playwright.config.ts exits 2 on a configuration error, before any test.
  if (code === EXIT.usage) return EXIT.usage;
  if (args.list) return code === 0 ? DONE : NOT_DONE;
  // No verdict: Playwright stopped before its reporters finished, and a gate that did not finish did not pass.
  return readExitCode(verdictFile) ?? NOT_DONE;
}

if (isEntryPoint(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`gate: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = NOT_DONE;
    },
  );
}
