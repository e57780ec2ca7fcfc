// npm test: first the checks (types, lint and format, generated-file drift, the build the suites
// run programs from) in two lanes, then, if they all passed, the suites in three lanes. Each check
// is one single-threaded tool, so two at a time use both cores. Of the suites, the release gate's
// proof is CPU-bound, the end-to-end and fleet suites mostly wait on Prometheus and Alertmanager
// intervals, so running them side by side saves their overlap on two cores. Each lane runs its
// scripts in order and stops at its first failure. The first lane streams; the
// others are held and printed whole when they end, so no two suites' lines mix.
// Exit 0 only when every script of every lane passed.
import { spawn } from 'node:child_process';
import { countTests, formatTotals } from './test-totals.ts';

// The build (tsc, into dist/) after the type check: a type error is reported once, by the check.
const CHECK_LANES: readonly (readonly string[])[] = [['typecheck', 'build', 'check:generated'], ['lint']];

const LANES: readonly (readonly string[])[] = [
  // Balanced by the times this runner prints: gate 131 s + status-page 13 s, 147 s, 64 + 57 + 21 s.
  ['test:gate', 'test:status-page'],
  ['test:package', 'test:unit', 'test:pact', 'test:e2e'],
  // The fleet waits on alert timings (about 60 s) and needs root for its network namespaces; the
  // suites after it fill the lane.
  ['test:fleet', 'test:openapi', 'test:prometheus'],
];

/** Every lane's output, streamed or held, for the closing test count. */
const transcript: Buffer[] = [];

interface LaneResult {
  failed?: string;
  output: string;
}

function runScript(script: string, stream: boolean, sink: (text: string) => void): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    const write = (chunk: Buffer) => {
      transcript.push(chunk);
      if (stream) process.stdout.write(chunk);
      else sink(chunk.toString());
    };
    child.stdout.on('data', write);
    child.stderr.on('data', write);
    child.on('error', (err) => {
      sink(`run-lanes: cannot start npm run ${script}: ${err.message}\n`);
      resolve(1);
    });
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function runLane(scripts: readonly string[], stream: boolean): Promise<LaneResult> {
  let output = '';
  for (const script of scripts) {
    const t0 = Date.now();
    const code = await runScript(script, stream, (text) => (output += text));
    timings.push(`${script} ${Math.round((Date.now() - t0) / 1000)} s`);
    if (code !== 0) return { failed: `${script} (exit ${code})`, output };
  }
  return { output };
}

/** The lanes at once; the scripts that failed. */
async function runLanes(lanes: readonly (readonly string[])[]): Promise<string[]> {
  const results = await Promise.all(
    lanes.map(async (lane, i) => {
      const result = await runLane(lane, i === 0);
      if (i > 0) process.stdout.write(result.output);
      return result;
    }),
  );
  return results.flatMap((r) => (r.failed ? [r.failed] : []));
}

const started = Date.now();
/** How long each script took, for the closing line: where npm test's time goes. */
const timings: string[] = [];
const failedChecks = await runLanes(CHECK_LANES);
const failed = failedChecks.length > 0 ? failedChecks : await runLanes(LANES);
process.stdout.write(`\nrun-lanes: ${timings.join(', ')}`);
process.stdout.write(
  `\nrun-lanes: ${failed.length === 0 ? 'every suite passed' : `FAILED: ${failed.join(', ')}`} (${Math.round((Date.now() - started) / 1000)} s)\n`,
);
process.stdout.write(`${formatTotals(countTests(Buffer.concat(transcript).toString()))}\n`);
process.exitCode = failed.length === 0 ? 0 : 1;
