// npm test's suites in three lanes at once: the release gate's proof is CPU-bound,
// the end-to-end and fleet suites mostly wait on Prometheus and Alertmanager
// intervals, so running them side by side saves their overlap on two cores. Each lane runs its
// scripts in order and stops at its first failure. The first lane streams; the
// others are held and printed whole when they end, so no two suites' lines mix.
// Exit 0 only when every script of every lane passed.
import { spawn } from 'node:child_process';
import { countTests, formatTotals } from './test-totals.ts';

const LANES: readonly (readonly string[])[] = [
  ['test:gate'],
  ['test:package', 'test:unit', 'test:pact', 'test:e2e'],
  // The fleet waits on alert timings (about 60 s) and needs root for its network namespaces; the
  // suites after it fill the lane (balanced by the times this runner prints).
  ['test:fleet', 'test:openapi', 'test:prometheus', 'test:status-page'],
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

const started = Date.now();
/** How long each script took, for the closing line: where npm test's time goes. */
const timings: string[] = [];
const results = await Promise.all(
  LANES.map(async (lane, i) => {
    const result = await runLane(lane, i === 0);
    if (i > 0) process.stdout.write(result.output);
    return result;
  }),
);
const failed = results.flatMap((r) => (r.failed ? [r.failed] : []));
process.stdout.write(`\nrun-lanes: ${timings.join(', ')}`);
process.stdout.write(
  `\nrun-lanes: ${failed.length === 0 ? 'every suite passed' : `FAILED: ${failed.join(', ')}`} (${Math.round((Date.now() - started) / 1000)} s)\n`,
);
process.stdout.write(`${formatTotals(countTests(Buffer.concat(transcript).toString()))}\n`);
process.exitCode = failed.length === 0 ? 0 : 1;
