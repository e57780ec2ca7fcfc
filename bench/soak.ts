// Soak: 100,000 probes through every sandbox fault kind and every contract mutation (the proof
// table's rows), with high concurrency, through the monitor's own probe function and metrics
// (recorded as the loop records them). Reports crashes (must be 0), wrong failure reasons, RSS
// after GC sampled along the run (must be flat: the series and its least-squares slope), the
// number of exported series (must stay bounded) and the event loop's delay p99. Stops by itself:
// a fixed count and a deadline.
// npm run bench:soak  (node --expose-gc, so memory is measured after a full GC)
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { Registry } from 'prom-client';
import { loadConfig } from '../src/config/api.ts';
import { clientFor } from '../src/client.ts';
import { warmUpValidator } from '../src/validate.ts';
import { createMetrics } from '../monitor/metrics.ts';
import { probe, type Probe } from '../monitor/probe.ts';
import { REASONS, passed } from '../src/checks/result.ts';
import { createStatusHistory } from '../monitor/status-history.ts';
import type { TargetEntry } from '../monitor/targets.ts';
import { PROOF_TABLE } from '../tests/support/proof-table.ts';
import { startSandboxProcess } from '../tests/support/sandbox-process.ts';

const TOTAL = Number(process.env.SOAK_PROBES ?? 100_000);
const WARM_UP = 2000;
const CONCURRENCY = 64;
const DEADLINE_MS = 570_000;
/** RSS after GC every this many probes: the series whose slope says whether memory leaks. */
const SAMPLE_EVERY = 5000;
/** The delay histogram's timer; its values include this interval. */
const LOOP_RESOLUTION_MS = 1;
const TIMEOUT_MS = 1000;

/** Fault → what each check must report ('success' or a reason); several: any of them (random faults). */
type Expect = Record<'trackers' | 'not_found', readonly string[]>;
const both = (...outcomes: string[]): Expect => ({ trackers: outcomes, not_found: outcomes });
const FAULTS: readonly { spec: string; weight: number; expect: Expect }[] = [
  { spec: '', weight: 6, expect: both('success') },
  { spec: 'latency=20,jitter=30', weight: 2, expect: both('success') },
  { spec: 'trickle=40', weight: 1, expect: both('success') },
  { spec: 'status=503', weight: 1, expect: both('http_5xx') },
  { spec: 'crash', weight: 1, expect: both('http_5xx') },
  { spec: 'error-rate=0.5', weight: 1, expect: both('success', 'http_5xx') },
  { spec: 'error-rate=1,error-status=502', weight: 1, expect: both('http_5xx') },
  { spec: 'status=404', weight: 1, expect: { trackers: ['http_4xx'], not_found: ['success'] } },
  { spec: 'status=401', weight: 1, expect: both('auth_error') },
  { spec: 'malformed-json', weight: 1, expect: both('invalid_json') },
  { spec: 'truncated-json', weight: 1, expect: both('invalid_json') },
  { spec: 'content-type=text/html', weight: 1, expect: both('bad_content_type') },
  { spec: 'reset', weight: 1, expect: both('connect_error') },
  // Every contract mutation, expected as the proof table says the gate and the monitor decide.
  ...PROOF_TABLE.filter((row) => row.faults.startsWith('mutation=') && !row.env).map((row) => ({
    spec: row.faults,
    weight: 0.5,
    expect: {
      trackers: [row.expect.trackers === 'pass' ? 'success' : row.expect.trackers],
      not_found: [row.expect.not_found === 'pass' ? 'success' : row.expect.not_found],
    },
  })),
  // Rare: each costs a whole timeout.
  { spec: 'hang', weight: 0.25, expect: both('timeout') },
];
const WHEEL = FAULTS.flatMap((f) => Array<typeof f>(Math.round(f.weight * 4)).fill(f));

const gc = (globalThis as { gc?: () => void }).gc;
const mb = (bytes: number) => bytes / 1024 / 1024;
function memory() {
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed };
}
const seriesOf = (text: string) => text.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
// trackers_probe_failing exists only while a check's latest probe failed (one per check): it comes
// and goes with the faults, so it is counted apart.
const ours = (lines: string[]) =>
  lines.filter((l) => /^(trackers_|probe_)/.test(l) && !l.startsWith('trackers_probe_failing')).length;
const failingNow = (lines: string[]) => lines.filter((l) => l.startsWith('trackers_probe_failing{')).length;

/** Least-squares slope of RSS against probes, in MB per 100,000 probes. */
function slopeMbPer100k(points: readonly { probes: number; rssMb: number }[]): number {
  if (points.length < 2) return 0;
  const n = points.length;
  const mx = points.reduce((a, p) => a + p.probes, 0) / n;
  const my = points.reduce((a, p) => a + p.rssMb, 0) / n;
  const sxy = points.reduce((a, p) => a + (p.probes - mx) * (p.rssMb - my), 0);
  const sxx = points.reduce((a, p) => a + (p.probes - mx) ** 2, 0);
  return (sxy / sxx) * 100_000;
}

async function main(): Promise<number> {
  const loaded = loadConfig({});
  if (!loaded.ok) throw new Error(loaded.errors.join('; '));
  const config = { ...loaded.config, timeoutMs: TIMEOUT_MS };
  const target: TargetEntry = { name: 'soak', config, intervalSeconds: 1, notFoundIntervalSeconds: 1, authIntervalSeconds: 0 };
  const sandbox = await startSandboxProcess();
  const client = clientFor(config, sandbox.baseUrl);
  const registry = new Registry();
  const metrics = createMetrics({ registry, targets: [target], version: 'soak' });
  const history = createStatusHistory([target], { version: 'soak' });
  warmUpValidator();

  let uncaught = 0;
  process.on('uncaughtException', () => uncaught++);
  process.on('unhandledRejection', () => uncaught++);

  let rejected = 0; // probe() promises that rejected: it must never throw
  let internal = 0; // results from runCheck()'s catch-all: a bug below it
  let malformed = 0; // failures without a reason from the fixed set
  const wrong = new Map<string, number>(); // fault/check → unexpected outcome
  const outcomes = new Map<string, number>();
  let started = 0;
  let done = 0;
  let peakRss = 0;
  let baseline = { rss: 0, heap: 0 };
  let seriesAtWarmUp: string[] = [];
  const rssSeries: { probes: number; rssMb: number; series: number }[] = [];
  const loopDelay = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  loopDelay.enable();
  const t0 = performance.now();

  const one = async (i: number) => {
    const fault = WHEEL[i % WHEEL.length]!;
    const check: keyof Expect = Math.floor(i / WHEEL.length) % 2 === 0 ? 'trackers' : 'not_found';
    let r: Probe;
    try {
      r = await probe(client, target, check, fault.spec ? { headers: { 'X-Sandbox-Fault': fault.spec } } : {});
    } catch {
      rejected++;
      return;
    }
    metrics.record(r);
    history.add(r);
    if (r.message.startsWith('check error:')) internal++;
    if (!passed(r) && (!r.reason || !(REASONS as readonly string[]).includes(r.reason))) malformed++;
    const outcome = passed(r) ? 'success' : r.reason!;
    outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    if (!fault.expect[check].includes(outcome)) {
      const key = `${fault.spec || '(none)'} ${check} → ${outcome}`;
      wrong.set(key, (wrong.get(key) ?? 0) + 1);
    }
  };

  const worker = async () => {
    while (started < TOTAL && performance.now() - t0 < DEADLINE_MS) {
      const i = started++;
      await one(i);
      done++;
      if (done === WARM_UP) {
        baseline = memory();
        seriesAtWarmUp = seriesOf(await registry.metrics());
        loopDelay.reset(); // start-up (compiling, first connections) is not the steady state
      }
      if (done >= WARM_UP && done % SAMPLE_EVERY === 0) {
        rssSeries.push({ probes: done, rssMb: mb(memory().rss), series: ours(seriesOf(await registry.metrics())) });
      }
      if (done % 500 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - t0) / 1000;
  loopDelay.disable();
  client.close();
  const sandboxAlive = sandbox.service.child.exitCode === null;
  await sandbox.stop();
  await new Promise((r) => setTimeout(r, 200)); // let sockets close before the final measurement
  const end = memory();
  const exposition = await registry.metrics();
  const series = seriesOf(exposition);

  const crashes = rejected + internal + malformed + uncaught + (sandboxAlive ? 0 : 1);
  const rows = [...outcomes.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`);
  process.stdout.write(
    [
      `bench/soak: ${done} probes (target ${TOTAL}) in ${seconds.toFixed(1)} s, concurrency ${CONCURRENCY}, ${FAULTS.length} fault kinds, timeout ${TIMEOUT_MS} ms`,
      `  rate                 ${(done / seconds).toFixed(0)} probes/s`,
      `  crashes              ${crashes}  (rejected ${rejected}, internal errors ${internal}, failures without a known reason ${malformed}, uncaught ${uncaught}, sandbox ${sandboxAlive ? 'alive' : 'DIED'})`,
      `  unexpected outcomes  ${[...wrong.values()].reduce((a, b) => a + b, 0)}${wrong.size ? `: ${[...wrong.entries()].map(([k, v]) => `${k} ×${v}`).join('; ')}` : ''}`,
      `  outcomes             ${rows.join(', ')}`,
      `  memory${gc ? ' (after GC)' : ' (no --expose-gc: without GC, growth is noisy)'}: RSS ${mb(baseline.rss).toFixed(1)} → ${mb(end.rss).toFixed(1)} MB (${(mb(end.rss - baseline.rss) >= 0 ? '+' : '') + mb(end.rss - baseline.rss).toFixed(1)} MB), heap ${mb(baseline.heap).toFixed(1)} → ${mb(end.heap).toFixed(1)} MB (${(mb(end.heap - baseline.heap) >= 0 ? '+' : '') + mb(end.heap - baseline.heap).toFixed(1)} MB), peak RSS ${mb(Math.max(peakRss, end.rss)).toFixed(1)} MB`,
      `  RSS after GC         ${rssSeries.map((p) => `${p.probes / 1000}k:${p.rssMb.toFixed(0)}`).join(' ')} MB`,
      `  RSS slope            ${slopeMbPer100k(rssSeries).toFixed(1)} MB per 100,000 probes (least squares over the ${rssSeries.length} samples after warm-up)`,
      `  event-loop delay     p50 ${(loopDelay.percentile(50) / 1e6).toFixed(1)} ms, p99 ${(loopDelay.percentile(99) / 1e6).toFixed(1)} ms, max ${(loopDelay.max / 1e6).toFixed(1)} ms (after warm-up; timer every ${LOOP_RESOLUTION_MS} ms, included; the GC samples' pauses too)`,
      `  trackers_/probe_ series along the run ${rssSeries.map((p) => p.series).join(' ')}`,
      `  series exported      ${series.length} (trackers_/probe_ but trackers_probe_failing ${ours(series)}, trackers_probe_failing ${failingNow(series)}) after ${done} probes vs ${seriesAtWarmUp.length} (${ours(seriesAtWarmUp)}) after ${WARM_UP}; ${Buffer.byteLength(exposition)} bytes`,
    ].join('\n') + '\n',
  );
  // Bounded: once every fault kind has been seen a few times over, no probe adds a series.
  const half = rssSeries[Math.floor((rssSeries.length - 1) / 2)];
  const bounded = (half === undefined || ours(series) <= half.series) && failingNow(series) <= 2;
  if (!bounded) process.stdout.write('  SERIES GREW: a label value is not bounded\n');
  return crashes === 0 && bounded ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`bench/soak: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
