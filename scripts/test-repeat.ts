// npm run test:repeat -- [--runs N] [--load] [--script NAME]...: run the suites N times (default 3),
// each run with stress-ng --cpu 2 beside it for its whole length when --load is given, and list
// every test that failed at least once, with its first failure. A flake shows up here as a test
// that failed in some runs and not others; it is fixed by design (a clock, a margin, an event),
// never by a retry. --script runs those npm scripts in order instead of the whole `npm test`.
// Transcripts are kept in .tmp/test-repeat/run-K.log. Exit 0 when every run passed, 1 when any
// failed, 2 for a usage error.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { constants } from 'node:os';
import { parseArgs } from 'node:util';
import { failedTests, type FailedTest } from './failed-tests.ts';
import { countTests } from './test-totals.ts';
import { isEntryPoint } from '../cli/entry-point.ts';

const LOG_DIR = '.tmp/test-repeat';

function usage(message: string): never {
  process.stderr.write(`test:repeat: ${message}\nusage: npm run test:repeat -- [--runs N] [--load] [--script NAME]...\n`);
  process.exit(2);
}

function options() {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        runs: { type: 'string', default: '3' },
        load: { type: 'boolean', default: false },
        script: { type: 'string', multiple: true },
      },
    });
  } catch (err) {
    usage((err as Error).message.split('\n')[0]!);
  }
  const runs = Number(parsed.values.runs);
  if (!Number.isInteger(runs) || runs < 1 || runs > 100)
    usage(`--runs must be a whole number from 1 to 100, not ${JSON.stringify(parsed.values.runs)}`);
  return { runs, load: parsed.values.load, scripts: parsed.values.script ?? ['test'] };
}

/**
 * A CPU hog on both cores, in its own process group so that it and its workers end together.
 * Returns its stop: the hog's handle keeps this process alive until then, so it must be called.
 */
function startLoad(): () => void {
  if (spawnSync('stress-ng', ['--version'], { stdio: 'ignore' }).error) {
    usage('--load needs stress-ng (the Debian package stress-ng; .ci/run installs it)');
  }
  const hog = spawn('stress-ng', ['--cpu', '2', '--timeout', '6h', '--quiet'], { stdio: 'ignore', detached: true });
  const stop = () => {
    try {
      process.kill(-hog.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  process.on('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
    process.on(signal, () => {
      stop();
      process.exit(128 + constants.signals[signal]);
    });
  return stop;
}

interface Run {
  code: number;
  seconds: number;
  passed: number;
  failed: number;
  failures: FailedTest[];
}

/** One run: the scripts in order, stopping at the first that fails, as npm test's lanes do. */
async function runOnce(k: number, scripts: readonly string[]): Promise<Run> {
  const log = `${LOG_DIR}/run-${k}.log`;
  const out = createWriteStream(log);
  const t0 = Date.now();
  let code = 0;
  for (const script of scripts) {
    code = await new Promise<number>((resolve) => {
      const child = spawn('npm', ['run', script], { stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.pipe(out, { end: false });
      child.stderr.pipe(out, { end: false });
      child.on('error', () => resolve(1));
      child.on('close', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
    });
    if (code !== 0) break;
  }
  await new Promise((resolve) => out.end(resolve));
  const text = readFileSync(log, 'utf8');
  const totals = countTests(text);
  return { code, seconds: Math.round((Date.now() - t0) / 1000), ...totals, failures: failedTests(text) };
}

/** Each failed test once, with the runs it failed in and its first failure. */
export function flakeList(runs: readonly Pick<Run, 'failures'>[]): { test: string; runs: number[]; error: string }[] {
  const byTest = new Map<string, { test: string; runs: number[]; error: string }>();
  runs.forEach((run, i) => {
    for (const f of run.failures) {
      const entry = byTest.get(f.test) ?? { test: f.test, runs: [], error: f.error };
      if (!entry.runs.includes(i + 1)) entry.runs.push(i + 1);
      byTest.set(f.test, entry);
    }
  });
  return [...byTest.values()].sort((a, b) => b.runs.length - a.runs.length || a.test.localeCompare(b.test));
}

async function main(): Promise<void> {
  const { runs, load, scripts } = options();
  mkdirSync(LOG_DIR, { recursive: true });
  const stopLoad = load ? startLoad() : () => {};
  const what = `${scripts.map((s) => `npm run ${s}`).join(' && ')}${load ? ', with stress-ng --cpu 2 beside it' : ''}`;
  process.stdout.write(`test:repeat: ${runs} run(s) of ${what}\n`);
  const results: Run[] = [];
  for (let k = 1; k <= runs; k++) {
    const r = await runOnce(k, scripts);
    results.push(r);
    const verdict = r.code === 0 ? 'passed' : `FAILED (exit ${r.code})`;
    process.stdout.write(
      `run ${k}/${runs}: ${verdict} in ${r.seconds} s: ${r.passed} passed, ${r.failed} failed (${LOG_DIR}/run-${k}.log)\n`,
    );
  }
  stopLoad();
  const flakes = flakeList(results);
  const failedRuns = results.filter((r) => r.code !== 0).length;
  process.stdout.write(`\ntest:repeat: ${runs - failedRuns} of ${runs} run(s) passed\n`);
  if (flakes.length === 0 && failedRuns > 0)
    process.stdout.write('no failed test was named: see the logs (a check, a build, or a crash)\n');
  for (const f of flakes) process.stdout.write(`- ${f.test}: failed in run(s) ${f.runs.join(', ')} of ${runs}\n    ${f.error}\n`);
  process.exitCode = failedRuns === 0 ? 0 : 1;
}

if (isEntryPoint(import.meta.url)) await main();
