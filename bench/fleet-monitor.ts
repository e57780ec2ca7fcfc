// The monitored process of bench/monitor-fleet.ts: the monitor's own parts (probe thread or loop,
// metrics, status history, HTTP server) for TARGETS targets against the sandbox at SANDBOX_URL, and
// nothing else. bench/monitor-fleet.ts compiles it with tsc and runs it with plain node, as the
// shipped monitor runs (dist/), so its RSS holds no TypeScript loader (tsx adds ~35 MB and a
// thread). It takes the phase from its parent over IPC and answers, at the end, with what it saw.
import { PerformanceObserver, monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import { Registry } from 'prom-client';
import { loadConfig } from '../src/config/api.ts';
import { clientFor, type TrackersClient } from '../src/client.ts';
import { warmUpValidator } from '../src/validate.ts';
import { ExpositionRegistry } from '../monitor/exposition.ts';
import { createMonitorServer } from '../monitor/http.ts';
import { startLoop } from '../monitor/loop.ts';
import type { Probe } from '../monitor/probe.ts';
import { durationMs, passed } from '../src/checks/result.ts';
import { startProbeThread } from '../monitor/probe-thread.ts';
import { createMetrics } from '../monitor/metrics.ts';
import { createStatusHistory } from '../monitor/status-history.ts';
import type { TargetEntry } from '../monitor/targets.ts';

export type Phase = 'warm-up' | 'quiet' | 'scraped';

export interface FleetSettings {
  sandboxUrl: string;
  targets: number;
  intervalS: number;
  promClient: boolean;
  mainThread: boolean;
}

export type ToChild = { type: 'phase'; phase: Phase } | { type: 'stop-probes' } | { type: 'report' };

export interface PhaseStats {
  /** Of the phase's rounds, the worst. */
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  gcMs: number;
  gcMaxMs: number;
}

export interface FleetReport {
  probes: number;
  failures: number;
  probingS: number;
  cpuPercent: number;
  series: number;
  latency: Record<'quiet' | 'scraped', number[]>;
  phases: Record<'quiet' | 'scraped', PhaseStats>;
  rssMaxMb: number;
  heapUsedMb: number;
  heapTotalMb: number;
  externalMb: number;
}

export type FromChild =
  { type: 'ready'; metricsUrl: string } | { type: 'probes-stopped' } | { type: 'report'; report: FleetReport };

const mb = (bytes: number) => bytes / 1024 / 1024;
/** The largest, NaN for none (no round of that phase). */
const worst = (xs: number[]) => (xs.length === 0 ? NaN : Math.max(...xs));
const send = (message: FromChild) => process.send!(message);

async function main(settings: FleetSettings): Promise<void> {
  const loaded = loadConfig({});
  if (!loaded.ok) throw new Error(loaded.errors.join('; '));
  const targets: TargetEntry[] = Array.from({ length: settings.targets }, (_, i) => ({
    name: `cluster-${String(i).padStart(4, '0')}`,
    config: loaded.config,
    intervalSeconds: settings.intervalS,
    notFoundIntervalSeconds: 30,
    authIntervalSeconds: 60,
  }));
  const registry = settings.promClient ? new Registry() : new ExpositionRegistry();
  registry.setDefaultLabels({ location: 'bench' });
  const metrics = createMetrics({ registry, targets, version: 'bench' });
  const history = createStatusHistory(targets, { version: 'bench', location: 'bench' });
  const server = createMonitorServer({ registry, history, targetCount: targets.length, log: () => {} });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // Only the main-thread loop uses these; the probe thread makes its own.
  const clients = new Map<string, TrackersClient>(
    settings.mainThread ? targets.map((t) => [t.name, clientFor(t.config, settings.sandboxUrl)]) : [],
  );

  let phase: Phase = 'warm-up';
  // Where a distortion comes from: the event loop's delay and GC pauses, per phase. A histogram per
  // stretch of a phase: one re-enabled after a pause would count the pause as one long delay.
  const loopDelay = { quiet: [] as IntervalHistogram[], scraped: [] as IntervalHistogram[] };
  let measuring: IntervalHistogram | undefined;
  const gcMs = { 'warm-up': 0, quiet: 0, scraped: 0 };
  const gcMax = { 'warm-up': 0, quiet: 0, scraped: 0 };
  const gcObserver = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      gcMs[phase] += e.duration;
      gcMax[phase] = Math.max(gcMax[phase], e.duration);
    }
  });
  gcObserver.observe({ entryTypes: ['gc'] });
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
  const onResult = (r: Probe) => {
    probes++;
    if (!passed(r)) failures++;
    if (r.check === 'trackers' && phase !== 'warm-up') latency[phase].push(durationMs(r));
  };
  const loop = settings.mainThread
    ? startLoop({ targets, clientFor: (t) => clients.get(t.name)!, metrics, history, onResult })
    : startProbeThread({
        targets,
        baseUrlOf: () => settings.sandboxUrl,
        metrics,
        history,
        onResult,
        onCrash: (reason) => process.stderr.write(`bench/fleet-monitor: the probe thread crashed: ${reason}\n`),
      });
  const cpu0 = process.cpuUsage();
  const started = performance.now();
  let probingS = NaN;

  process.on('message', (message: ToChild) => {
    if (message.type === 'phase') {
      measuring?.disable();
      phase = message.phase;
      measuring = undefined;
      if (phase !== 'warm-up') {
        measuring = monitorEventLoopDelay({ resolution: 5 });
        measuring.enable();
        loopDelay[phase].push(measuring);
      }
    } else if (message.type === 'stop-probes') {
      void loop.stop().then(() => {
        probingS = (performance.now() - started) / 1000;
        send({ type: 'probes-stopped' });
      });
    } else {
      const cpu = process.cpuUsage(cpu0);
      const wallS = (performance.now() - started) / 1000;
      gcObserver.disconnect();
      clearInterval(rssTimer);
      void (async () => {
        const series = (await registry.metrics()).split('\n').filter((l) => l !== '' && !l.startsWith('#')).length;
        const stats = (p: 'quiet' | 'scraped'): PhaseStats => ({
          loopDelayP99Ms: worst(loopDelay[p].map((h) => h.percentile(99))) / 1e6,
          loopDelayMaxMs: worst(loopDelay[p].map((h) => h.max)) / 1e6,
          gcMs: gcMs[p],
          gcMaxMs: gcMax[p],
        });
        send({
          type: 'report',
          report: {
            probes,
            failures,
            probingS: Number.isNaN(probingS) ? wallS : probingS,
            cpuPercent: ((cpu.user + cpu.system) / 1e6 / wallS) * 100,
            series,
            latency,
            phases: { quiet: stats('quiet'), scraped: stats('scraped') },
            rssMaxMb: mb(rssMax),
            heapUsedMb: mb(atMax.heapUsed),
            heapTotalMb: mb(atMax.heapTotal),
            externalMb: mb(atMax.external),
          },
        });
        await loop.stop();
        for (const c of clients.values()) c.close();
        server.close();
        process.disconnect();
      })();
    }
  });
  send({ type: 'ready', metricsUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics` });
}

main(JSON.parse(process.argv[2] ?? '{}') as FleetSettings).catch((err: unknown) => {
  process.stderr.write(`bench/fleet-monitor: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
