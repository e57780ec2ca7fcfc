// npm test: first the checks (types, lint and format, generated-file drift, the build the suites
// run programs from) in two lanes, then, if they all passed, the suites in five lanes. Each check
// is one single-threaded tool, so two at a time use both cores. Of the suites, the release gate's
// proof is CPU-bound, the end-to-end and fleet suites mostly wait on Prometheus and Alertmanager
// intervals, so running them side by side saves their overlap on two cores. The fleet suite
// starts with the checks: it mostly waits (alert timings, about 60 s) and runs its monitors from
// the sources, not from dist/, so the build cannot change under it; its lane goes on with the
// suites after it once the checks have passed, and a failed check still fails the run (after the
// fleet has ended, so that it cleans its network namespaces up). Each lane runs its scripts in
// order and stops at its first failure. The first lane streams; the others are held and printed
// whole when they end, so no two suites' lines mix. Exit 0 only when every script of every lane
// passed.
import { spawn } from 'node:child_process';
import { countTests, formatTotals, type TestTotals } from './test-totals.ts';

// The build (tsc, into dist/) after the type check: a type error is reported once, by the check.
const CHECK_LANES: readonly (readonly string[])[] = [['typecheck', 'build', 'check:generated'], ['lint']];

/** Started with the checks; `then` runs after it once the checks have passed. */
const EARLY_LANE = { first: ['test:fleet'], then: ['test:openapi', 'test:prometheus'] } as const;

const LANES: readonly (readonly string[])[] = [
  // Balanced by the times this runner prints (a full run, all lanes busy, unloaded, 2 cores): gate 116 s
  // (71 CPU-s); unit 70 (48) + pact 41 (23); e2e 38 (10) + package 34 (10); status-page 53 (10); and the
  // early lane, fleet 56 (8) then openapi 28 (14) + prometheus 45 (35). The gate is the most CPU and the
  // longest, so it has a lane to itself. The status page's browser tests mostly wait (a flapping check
  // takes its probes to show), so they wait in a lane of their own instead of at the end of another.
  ['test:gate'],
  ['test:unit', 'test:pact'],
  ['test:e2e', 'test:package'],
  ['test:status-page'],
];

/** Each script's runner summaries, counted from its own output: lanes' chunks interleave. */
const counted: TestTotals[] = [];

interface LaneResult {
  failed?: string;
  output: string;
}

/**
 * The CPU time of a script and everything it started, in seconds: bash's `times` after the script
 * reports its reaped children, which include their own reaped children (lanes run at once, so this
 * process's own child total would mix them). Written to fd 3, apart from the script's output.
 */
function cpuSecondsOf(times: string): number | undefined {
  const children = times.trim().split('\n')[1];
  const parts = children ? [...children.matchAll(/(\d+)m([\d.]+)s/g)] : [];
  return parts.length === 2 ? parts.reduce((s, m) => s + Number(m[1]) * 60 + Number(m[2]), 0) : undefined;
}

function runScript(script: string, stream: boolean, sink: (text: string) => void): Promise<{ code: number; cpuS?: number }> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', 'npm run "$0"; s=$?; times >&3; exit $s', script], {
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    });
    let times = '';
    child.stdio[3]!.on('data', (chunk: Buffer) => (times += chunk.toString()));
    const own: Buffer[] = [];
    const write = (chunk: Buffer) => {
      own.push(chunk);
      if (stream) process.stdout.write(chunk);
      else sink(chunk.toString());
    };
    child.stdout!.on('data', write);
    child.stderr!.on('data', write);
    child.on('error', (err) => {
      sink(`run-lanes: cannot start npm run ${script}: ${err.message}\n`);
      resolve({ code: 1 });
    });
    child.on('close', (code, signal) => {
      counted.push(countTests(Buffer.concat(own).toString()));
      resolve({ code: code ?? (signal ? 1 : 0), cpuS: cpuSecondsOf(times) });
    });
  });
}

async function runLane(scripts: readonly string[], stream: boolean): Promise<LaneResult> {
  let output = '';
  for (const script of scripts) {
    const t0 = Date.now();
    const { code, cpuS } = await runScript(script, stream, (text) => (output += text));
    cpuTotal += cpuS ?? 0;
    const cpu = cpuS === undefined ? '' : ` (${Math.round(cpuS)} CPU-s)`;
    timings.push(`${script} ${Math.round((Date.now() - t0) / 1000)} s${cpu}`);
    if (code !== 0) return { failed: `${script} (exit ${code})`, output };
  }
  return { output };
}

/** A held lane's output is printed when it ends; the first lane's streams. */
async function runAndPrintLane(scripts: readonly string[], stream: boolean): Promise<LaneResult> {
  const result = await runLane(scripts, stream);
  if (!stream) process.stdout.write(result.output);
  return result;
}

const failures = (results: readonly LaneResult[]) => results.flatMap((r) => (r.failed ? [r.failed] : []));

const started = Date.now();
/** How long each script took, for the closing line: where npm test's time goes. */
const timings: string[] = [];
let cpuTotal = 0;
const early = runAndPrintLane(EARLY_LANE.first, false);
const checks = failures(await Promise.all(CHECK_LANES.map((lane, i) => runAndPrintLane(lane, i === 0))));
let failed: string[];
if (checks.length > 0) failed = [...checks, ...failures([await early])];
else {
  const continued = early.then((first) => (first.failed ? first : runAndPrintLane(EARLY_LANE.then, false)));
  failed = failures(await Promise.all([...LANES.map((lane, i) => runAndPrintLane(lane, i === 0)), continued]));
}
process.stdout.write(`\nrun-lanes: ${timings.join(', ')}`);
process.stdout.write(
  `\nrun-lanes: ${failed.length === 0 ? 'every suite passed' : `FAILED: ${failed.join(', ')}`} (${Math.round((Date.now() - started) / 1000)} s, ${Math.round(cpuTotal)} CPU-s)\n`,
);
const total = counted.reduce((a, b) => ({ passed: a.passed + b.passed, failed: a.failed + b.failed }), { passed: 0, failed: 0 });
process.stdout.write(`${formatTotals(total)}\n`);
process.exitCode = failed.length === 0 ? 0 : 1;
