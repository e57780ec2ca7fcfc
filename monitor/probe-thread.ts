// The loop on a thread of its own (probe-worker.ts), for the long-running
// monitor. The main thread keeps the metrics, the status history and the HTTP
// server, and records each result as it arrives; the probe thread's event loop
// only probes. Without this, a scrape of a large fleet (9 MB of exposition at
// 1,000 targets) delayed the callbacks that time probes in flight, and the
// monitor recorded its own scrapes as API latency (bench/monitor-fleet.ts).
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { recordProbe, type LoopOptions, type MonitorLoop } from './loop.ts';
import { toWire, type FromMain, type ToMain, type WorkerInput } from './probe-wire.ts';
import type { TargetEntry } from './targets.ts';

export interface ProbeThreadOptions extends Pick<
  LoopOptions,
  'targets' | 'metrics' | 'history' | 'onResult' | 'jitter' | 'probeOptions'
> {
  /** Where a target's probes go. */
  baseUrlOf: (target: TargetEntry) => string;
  /** The thread died (a bug: probe() never throws). One line of why; the caller decides what to do. */
  onCrash?: (why: string) => void;
}

// Next to this file: probe-worker.js in dist/, probe-worker.ts when run from the sources under tsx.
const WORKER = new URL(`./probe-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);

// The probe thread's garbage is the bodies it parses and validates (37 KB each, hundreds a second
// at 1,000 targets), all short-lived: a young generation of 8 MB, not V8's default that grows to
// several times that, collects it as well and keeps ~25 MB off the monitor's RSS at 1,000 targets
// (bench:monitor-fleet: 215 → 191 MB), for the same CPU per probe (bench:monitor-cpu: 0.87× and
// 0.89× blackbox_exporter without and with it, within the rounds' spread).
const RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 8 };

/** A thread running the worker file. Node 20 does not apply `--import tsx` to a worker, so a .ts entry registers tsx first. */
function spawnWorker(workerData: WorkerInput): Worker {
  if (!WORKER.pathname.endsWith('.ts')) return new Worker(WORKER, { workerData, resourceLimits: RESOURCE_LIMITS });
  const api = import.meta.resolve('tsx/esm/api');
  const code = `(async () => { const { register } = await import(${JSON.stringify(api)}); register(); await import(${JSON.stringify(WORKER.href)}); })()`;
  return new Worker(code, { eval: true, workerData, resourceLimits: RESOURCE_LIMITS });
}

export function startProbeThread(options: ProbeThreadOptions): MonitorLoop {
  const input: WorkerInput = {
    entries: options.targets.map((t) => toWire(t, options.baseUrlOf(t))),
    jitter: options.jitter,
    probeOptions: options.probeOptions,
  };
  const worker = spawnWorker(input);
  let inFlight = 0;
  let stopping: Promise<void> | undefined;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));

  worker.on('message', (message: ToMain) => {
    if (message.type === 'probe') {
      inFlight = message.inFlight - 1;
      recordProbe(options, message.probe);
    } else if (message.type === 'stopped') void worker.terminate(); // whatever might still hold its event loop open
  });
  worker.on('error', (err) => {
    if (!stopping) options.onCrash?.((err.message || String(err)).split('\n')[0]!.slice(0, 300));
  });

  return {
    inFlight: () => Math.max(0, inFlight),
    stop() {
      stopping ??= (async () => {
        worker.postMessage({ type: 'stop' } satisfies FromMain);
        await exited;
      })();
      return stopping;
    },
  };
}
