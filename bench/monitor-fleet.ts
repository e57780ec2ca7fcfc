// The monitor at 1,000 targets in one process: what a scrape costs, and whether
// scrapes distort the latencies the probes record. The monitor's own parts run
// here (loop, metrics, status history, HTTP server); the sandbox and the scraper
// run in their own processes, so their CPU is not the monitor's. Rounds alternate
// between no scrapes (the baseline) and a scrape every second, as Prometheus
// would, and the figures compare the two from the same run:
//   - /metrics wall time seen by the scraper (goal ≤ 50 ms),
//   - p99 of the trackers probes' recorded latency with scrapes minus without (goal ≤ 2 ms),
//   - RSS of this process (goal ≤ 250 MB), and the series and bytes per scrape.
// The probes run on their own thread, as in the service (monitor/probe-thread.ts). For the
// before/after figures: BENCH_THREAD=main probes on the main thread (as the monitor did before),
// and BENCH_REGISTRY=prom-client renders with prom-client's own Registry (ditto).
//   npm run bench:monitor-fleet   (TARGETS, INTERVAL_S, ROUNDS, ROUND_S to change the load)
import { spawn, type ChildProcess } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { PerformanceObserver, monitorEventLoopDelay } from 'node:perf_hooks';
import { Registry } from 'prom-client';
import { loadConfig } from '../src/config/api.ts';
import { clientFor, type TrackersClient } from '../src/client.ts';
import { warmUpValidator } from '../src/validate.ts';
import { ExpositionRegistry } from '../monitor/exposition.ts';
import { createMonitorServer } from '../monitor/http.ts';
import { startLoop } from '../monitor/loop.ts';
import type { ProbeResult } from '../monitor/probe.ts';
import { startProbeThread } from '../monitor/probe-thread.ts';
import { createMetrics } from '../monitor/metrics.ts';
import { createStatusHistory } from '../monitor/status-history.ts';
import type { MonitorTarget } from '../monitor/targets.ts';
import { startSandboxProcess } from '../tests/support/sandbox-process.ts';
import { quantile } from './stats.ts';

const TARGETS = Number(process.env.TARGETS ?? 1000);
const INTERVAL_S = Number(process.env.INTERVAL_S ?? 5);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const ROUND_S = Number(process.env.ROUND_S ?? 10);
const WARM_UP_S = 8;
const PROM_CLIENT = process.env.BENCH_REGISTRY === 'prom-client';
const MAIN_THREAD = process.env.BENCH_THREAD === 'main';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mb = (bytes: number) => bytes / 1024 / 1024;

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

async function main(): Promise<void> {
  const loaded = loadConfig({});
  if (!loaded.ok) throw new Error(loaded.errors.join('; '));
  const sandbox = await startSandboxProcess();
  const targets: MonitorTarget[] = Array.from({ length: TARGETS }, (_, i) => ({
    name: `cluster-${String(i).padStart(4, '0')}`,
    config: loaded.config,
    intervalSeconds: INTERVAL_S,
    notFoundIntervalSeconds: 30,
    authIntervalSeconds: 60,
  }));
  const registry = PROM_CLIENT ? new Registry() : new ExpositionRegistry();
  registry.setDefaultLabels({ location: 'bench' });
  const metrics = createMetrics({ registry, targets, version: 'bench' });
  const history = createStatusHistory(targets, { version: 'bench', location: 'bench' });
  const server = createMonitorServer({ registry, history, targetCount: targets.length, log: () => {} });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const metricsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;
  // Only the main-thread loop uses these; the probe thread makes its own.
  const clients = new Map<string, TrackersClient>(
    MAIN_THREAD ? targets.map((t) => [t.name, clientFor(t.config, sandbox.baseUrl)]) : [],
  );

  let phase: 'warm-up' | 'quiet' | 'scraped' = 'warm-up';
  // Where a distortion comes from: the event loop's delay and GC pauses, per phase.
  const loopDelay = { quiet: monitorEventLoopDelay({ resolution: 5 }), scraped: monitorEventLoopDelay({ resolution: 5 }) };
  const gcMs = { 'warm-up': 0, quiet: 0, scraped: 0 };
  const gcMax = { 'warm-up': 0, quiet: 0, scraped: 0 };
  const gcObserver = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      gcMs[phase] += e.duration;
      gcMax[phase] = Math.max(gcMax[phase], e.duration);
    }
  });
  gcObserver.observe({ entryTypes: ['gc'] });
  const setPhase = (next: typeof phase) => {
    if (phase !== 'warm-up') loopDelay[phase].disable();
    phase = next;
    if (next !== 'warm-up') loopDelay[next].enable();
  };
  const latency = { quiet: [] as number[], scraped: [] as number[] };
  let probes = 0;
  let failures = 0;
  let rssMax = 0;
  let atMax = process.memoryUsage();
  const rssTimer = setInterval(() => {
    const now = process.memoryUsage();
    if (now.rss > rssMax) [rssMax, atMax] = [now.rss, now];
  }, 200);
  warmUpValidator();
  const onResult = (r: ProbeResult) => {
    probes++;
    if (!r.success) failures++;
    if (r.check === 'trackers' && phase !== 'warm-up') latency[phase].push(r.durationMs);
  };
  const loop = MAIN_THREAD
    ? startLoop({ targets, clientFor: (t) => clients.get(t.name)!, metrics, history, onResult })
    : startProbeThread({ targets, baseUrlOf: () => sandbox.baseUrl, metrics, history, onResult });
  const scrapes: { ms: number; bytes: number; status: number; via?: string }[] = [];
  const idleScrapes: number[] = [];
  let probingS = NaN;
  const cpu0 = process.cpuUsage();
  const started = performance.now();
  try {
    await sleep(WARM_UP_S * 1000);
    for (let round = 0; round < ROUNDS; round++) {
      setPhase('quiet');
      await sleep(ROUND_S * 1000);
      setPhase('scraped');
      const scraper = startScraper(metricsUrl);
      await sleep(ROUND_S * 1000);
      scraper.child.kill();
      await new Promise((resolve) => scraper.child.once('exit', resolve));
      scrapes.push(...scraper.samples);
    }
    // The scrape's own cost, nothing else running: the probes stopped, the same exposition.
    await loop.stop();
    probingS = (performance.now() - started) / 1000;
    const idle = startScraper(metricsUrl);
    await sleep(5500);
    idle.child.kill();
    await new Promise((resolve) => idle.child.once('exit', resolve));
    idleScrapes.push(...idle.samples.filter((x) => x.status === 200).map((x) => x.ms));
  } finally {
    setPhase('warm-up');
    gcObserver.disconnect();
    await loop.stop();
    clearInterval(rssTimer);
    for (const c of clients.values()) c.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await sandbox.stop();
  }
  const cpu = process.cpuUsage(cpu0);
  const wallS = (performance.now() - started) / 1000;
  const rateS = Number.isNaN(probingS) ? wallS : probingS;
  const series = (await registry.metrics()).split('\n').filter((l) => l !== '' && !l.startsWith('#')).length;

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
    `  probes: ${probes} in ${rateS.toFixed(0)} s = ${(probes / rateS).toFixed(0)}/s (expected ${(TARGETS * (1 / INTERVAL_S + 1 / 30 + 1 / 60)).toFixed(0)}/s), ${failures} failed; CPU ${(((cpu.user + cpu.system) / 1e6 / wallS) * 100).toFixed(0)}% of a core`,
    `  /metrics (scraped by ${ok[0]?.via ?? '?'}): ${ok.length}/${scrapes.length} scrapes answered, ${series} series, ${mb(ok[0]?.bytes ?? 0).toFixed(1)} MB`,
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
        `  ${p.padEnd(8)} main thread: event-loop delay p99 ${(loopDelay[p].percentile(99) / 1e6).toFixed(1)} max ${(loopDelay[p].max / 1e6).toFixed(1)} ms; GC ${gcMs[p].toFixed(0)} ms in total, longest pause ${gcMax[p].toFixed(1)} ms`,
    ),
    `  RSS max ${mb(rssMax).toFixed(0)} MB (then: heap used ${mb(atMax.heapUsed).toFixed(0)} of ${mb(atMax.heapTotal).toFixed(0)} MB, external ${mb(atMax.external).toFixed(0)} MB)   (goal ≤ 250 MB: ${mb(rssMax) <= 250 ? 'met' : 'NOT met'})`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:monitor-fleet: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
