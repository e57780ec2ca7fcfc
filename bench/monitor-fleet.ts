// The monitor at 1,000 targets in one process: what a scrape costs, and whether
// scrapes distort the latencies the probes record. The monitor's own parts (probe thread,
// metrics, status history, HTTP server) run in a process of their own, compiled and run by
// plain node as the shipped monitor is (bench/fleet-monitor.ts); the sandbox and the scraper
// run in theirs, so their CPU and memory are not the monitor's. Rounds alternate between no
// scrapes (the baseline) and a scrape every second, as Prometheus would, and the figures
// compare the two from the same run:
//   - /metrics wall time seen by the scraper (goal ≤ 50 ms),
//   - p99 of the trackers probes' recorded latency with scrapes minus without (goal ≤ 2 ms),
//   - RSS of the monitor process (goal ≤ 250 MB), and the series and bytes per scrape.
// For the before/after figures: BENCH_THREAD=main probes on the main thread (as the monitor
// did before), and BENCH_REGISTRY=prom-client renders with prom-client's own Registry (ditto).
//   npm run bench:monitor-fleet   (TARGETS, INTERVAL_S, ROUNDS, ROUND_S to change the load)
import { spawn, fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { startSandboxProcess } from '../tests/support/sandbox-process.ts';
import { compileForNode } from './compile-for-node.ts';
import type { FleetReport, FleetSettings, FromChild, Phase, ToChild } from './fleet-monitor.ts';
import { quantile } from './stats.ts';

const TARGETS = Number(process.env.TARGETS ?? 1000);
const INTERVAL_S = Number(process.env.INTERVAL_S ?? 5);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const ROUND_S = Number(process.env.ROUND_S ?? 10);
const WARM_UP_S = 8;
const PROM_CLIENT = process.env.BENCH_REGISTRY === 'prom-client';
const MAIN_THREAD = process.env.BENCH_THREAD === 'main';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A scraper in its own process: GET /metrics every second, one JSON line per scrape on stdout. */
function startScraper(url: string): {
  child: ChildProcess;
  samples: { ms: number; bytes: number; status: number; via?: string }[];
} {
  // curl when installed (a C client, as close to Prometheus's Go scraper as a shell gets); else
  // node:http without decoding (undici's fetch takes twice as long to read 9 MB).
  const script = `
    const { execFile } = require('node:child_process');
    const http = require('node:http');
    const url = ${JSON.stringify(url)};
    const report = (o) => process.stdout.write(JSON.stringify(o) + '\\n');
    const viaNode = () => {
      const t0 = performance.now();
      let bytes = 0;
      http.get(url, (res) => {
        res.on('data', (c) => (bytes += c.length));
        res.on('end', () => report({ ms: performance.now() - t0, bytes, status: res.statusCode, via: 'node:http' }));
      }).on('error', () => report({ ms: -1, bytes: 0, status: 0 }));
    };
    const viaCurl = () =>
      execFile('curl', ['-s', '-o', '/dev/null', '-w', '%{time_total} %{size_download} %{http_code}', url], (err, out) => {
        if (err && err.code === 'ENOENT') { tick = viaNode; return viaNode(); }
        const [t, b, c] = String(out).split(' ').map(Number);
        report({ ms: t * 1000, bytes: b, status: c, via: 'curl' });
      });
    let tick = viaCurl;
    setInterval(() => tick(), 1000); tick();`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const samples: { ms: number; bytes: number; status: number; via?: string }[] = [];
  let buffered = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    for (const line of lines) samples.push(JSON.parse(line) as { ms: number; bytes: number; status: number; via?: string });
  });
  return { child, samples };
}

/** The monitored process: bench/fleet-monitor.ts compiled, run by plain node, driven over IPC. */
async function startMonitor(settings: FleetSettings) {
  const entry = compileForNode('bench/fleet-monitor.ts');
  const child = fork(entry, [JSON.stringify(settings)], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const next = <T extends FromChild['type']>(type: T) =>
    new Promise<Extract<FromChild, { type: T }>>((resolve, reject) => {
      const onMessage = (m: FromChild) => {
        if (m.type !== type) return;
        child.off('exit', onExit);
        child.off('message', onMessage);
        resolve(m as Extract<FromChild, { type: T }>);
      };
      const onExit = (code: number | null) => reject(new Error(`the monitor process exited (${code}) before sending ${type}`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const tell = (m: ToChild) => child.send(m);
  const { metricsUrl } = await next('ready');
  return {
    metricsUrl,
    phase: (phase: Phase) => tell({ type: 'phase', phase }),
    stopProbes: async () => {
      tell({ type: 'stop-probes' });
      await next('probes-stopped');
    },
    report: async (): Promise<FleetReport> => {
      tell({ type: 'report' });
      return (await next('report')).report;
    },
    kill: () => child.kill(),
  };
}

async function main(): Promise<void> {
  const sandbox = await startSandboxProcess();
  let monitor: Awaited<ReturnType<typeof startMonitor>> | undefined;
  const scrapes: { ms: number; bytes: number; status: number; via?: string }[] = [];
  const idleScrapes: number[] = [];
  let report: FleetReport;
  try {
    monitor = await startMonitor({
      sandboxUrl: sandbox.baseUrl,
      targets: TARGETS,
      intervalS: INTERVAL_S,
      promClient: PROM_CLIENT,
      mainThread: MAIN_THREAD,
    });
    await sleep(WARM_UP_S * 1000);
    for (let round = 0; round < ROUNDS; round++) {
      monitor.phase('quiet');
      await sleep(ROUND_S * 1000);
      monitor.phase('scraped');
      const scraper = startScraper(monitor.metricsUrl);
      await sleep(ROUND_S * 1000);
      scraper.child.kill();
      await new Promise((resolve) => scraper.child.once('exit', resolve));
      scrapes.push(...scraper.samples);
    }
    monitor.phase('warm-up');
    // The scrape's own cost, nothing else running: the probes stopped, the same exposition.
    await monitor.stopProbes();
    const idle = startScraper(monitor.metricsUrl);
    await sleep(5500);
    idle.child.kill();
    await new Promise((resolve) => idle.child.once('exit', resolve));
    idleScrapes.push(...idle.samples.filter((x) => x.status === 200).map((x) => x.ms));
    report = await monitor.report();
  } finally {
    monitor?.kill();
    await sandbox.stop();
  }
  const { latency, phases } = report;
  const ok = scrapes.filter((s) => s.status === 200);
  const scrapeMs = ok.map((s) => s.ms);
  const p99q = quantile(latency.quiet, 0.99);
  const p99s = quantile(latency.scraped, 0.99);
  const row = (name: string, xs: number[]) =>
    `    ${name.padEnd(22)} n ${String(xs.length).padStart(6)}  p50 ${quantile(xs, 0.5).toFixed(2).padStart(6)}  p90 ${quantile(xs, 0.9).toFixed(2).padStart(6)}  p99 ${quantile(xs, 0.99).toFixed(2).padStart(6)}  max ${Math.max(
      ...xs,
    )
      .toFixed(1)
      .padStart(6)} ms`;
  const lines = [
    `bench/monitor-fleet: ${os.cpus().length} CPUs, ${TARGETS} targets (trackers every ${INTERVAL_S} s, not_found 30 s, auth 60 s), ${PROM_CLIENT ? "prom-client's Registry" : 'ExpositionRegistry'}, probes on ${MAIN_THREAD ? 'the main thread' : 'their own thread'}, ${ROUNDS} rounds × (${ROUND_S} s quiet + ${ROUND_S} s scraped every 1 s) after ${WARM_UP_S} s warm-up`,
    `  probes: ${report.probes} in ${report.probingS.toFixed(0)} s = ${(report.probes / report.probingS).toFixed(0)}/s (expected ${(TARGETS * (1 / INTERVAL_S + 1 / 30 + 1 / 60)).toFixed(0)}/s), ${report.failures} failed; CPU ${report.cpuPercent.toFixed(0)}% of a core`,
    `  /metrics (scraped by ${ok[0]?.via ?? '?'}): ${ok.length}/${scrapes.length} scrapes answered, ${report.series} series, ${((ok[0]?.bytes ?? 0) / 1024 / 1024).toFixed(1)} MB`,
    `    wall per scrape        p50 ${quantile(scrapeMs, 0.5).toFixed(1)}  p95 ${quantile(scrapeMs, 0.95).toFixed(1)}  max ${Math.max(...scrapeMs).toFixed(1)} ms   (goal ≤ 50 ms: ${quantile(scrapeMs, 0.5) <= 50 ? 'met at p50' : 'NOT met at p50'})`,
    idleScrapes.length > 0
      ? `    the same, probes stopped  p50 ${quantile(idleScrapes, 0.5).toFixed(1)}  max ${Math.max(...idleScrapes).toFixed(1)} ms (${idleScrapes.length} scrapes: the scrape's own cost)`
      : '    the same, probes stopped: no scrape completed within 5.5 s',
    `  trackers probe latency (durationMs as recorded)`,
    row('without scrapes', latency.quiet),
    row('scraped every 1 s', latency.scraped),
    `    p99 difference ${(p99s - p99q).toFixed(2)} ms   (goal ≤ 2 ms: ${p99s - p99q <= 2 ? 'met' : 'NOT met'})`,
    ...(['quiet', 'scraped'] as const).map(
      (p) =>
        `  ${p.padEnd(8)} main thread: event-loop delay p99 (worst round) ${phases[p].loopDelayP99Ms.toFixed(1)} max ${phases[p].loopDelayMaxMs.toFixed(1)} ms; GC ${phases[p].gcMs.toFixed(0)} ms in total, longest pause ${phases[p].gcMaxMs.toFixed(1)} ms`,
    ),
    `  RSS of the monitor process, max ${report.rssMaxMb.toFixed(0)} MB (then: heap used ${report.heapUsedMb.toFixed(0)} of ${report.heapTotalMb.toFixed(0)} MB, external ${report.externalMb.toFixed(0)} MB)   (goal ≤ 250 MB: ${report.rssMaxMb <= 250 ? 'met' : 'NOT met'})`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:monitor-fleet: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
