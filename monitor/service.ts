// The long-running monitor: probes on timers, /metrics, /healthz and the status
// page, and a graceful stop on SIGINT/SIGTERM. Its own rules about time (the
// summary lines, a repeated signal) run on io.clock.
import { systemClock, type TimerHandle } from '../src/clock.ts';
import { ExpositionRegistry } from './exposition.ts';
import { createMonitorServer } from './http.ts';
import { DEFAULT_SUMMARY_INTERVAL_SECONDS } from './flags.ts';
import { startProbeThread } from './probe-thread.ts';
import { createMetrics } from './metrics.ts';
import type { Probe } from './probe.ts';
import type { Connection, MainIo, Setup } from './run-context.ts';
import { createPrometheusSloSource } from './prometheus-slo.ts';
import { createStateLog } from './state-log.ts';
import { createBundleKeeper, DEFAULT_FAILURES_KEEP } from './failure-bundles.ts';
import { createStatusHistory } from './status-history.ts';
import { startMaintenance } from './maintenance-service.ts';

/** A signal this soon after the first is the same one delivered twice, not a second request. */
const REPEATED_SIGNAL_MS = 1000;

/** A new targets file, checked and connected; or why not (the old targets stay). */
export type Reload = () => Promise<{ ok: true; setup: Setup; conn: Connection } | { ok: false; error: string }>;

/** The registry, metrics and history for a set of targets: rebuilt whole on a reload. */
function instrumentsFor(s: Setup) {
  const registry = new ExpositionRegistry();
  // A per-series label, not an external label: one Prometheus scrapes every location, and the
  // quorum rules count locations (docs/prometheus.md "Running a fleet").
  if (s.location !== undefined) registry.setDefaultLabels({ location: s.location });
  const metrics = createMetrics({ registry, targets: s.targets, version: s.version, maintenance: s.maintenance });
  const history = createStatusHistory(s.targets, { version: s.version, location: s.location });
  return { registry, metrics, history };
}

export async function serve(s: Setup, io: MainIo, conn: Connection, reload?: Reload): Promise<number> {
  const { registry, metrics, history } = instrumentsFor(s);
  const prom = s.settings.prometheus;
  const prometheus = prom ? createPrometheusSloSource({ url: prom.url, display: prom.display }) : undefined;
  // Read by the server at each request, so a reload swaps what it serves.
  const served = {
    registry,
    history,
    targetCount: s.targets.length,
    log: io.err,
    web: s.web,
    prometheus,
    maintenance: s.maintenance,
    clock: io.clock,
  };
  const server = createMonitorServer(served);
  const port = s.flags.port ?? s.settings.port;
  const host = s.flags.host ?? s.settings.host;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (e) {
    await conn.close();
    io.err(`monitor: cannot listen on ${host}:${port}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    return 1;
  }
  const address = server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  const base = `${s.web?.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${bound}`;
  for (const t of s.targets) {
    io.err(
      `target ${t.name}: ${conn.where(t)} (trackers every ${t.intervalSeconds} s, 8015 check every ${t.notFoundIntervalSeconds} s, auth check ${t.authIntervalSeconds > 0 ? `every ${t.authIntervalSeconds} s` : 'off'})`,
    );
  }
  if (s.location !== undefined || s.flags.shard || s.web) {
    const parts = [
      ...(s.location === undefined ? [] : [`location ${s.location}`]),
      ...(s.flags.shard ? [`shard ${s.flags.shard.index}/${s.flags.shard.count} (${s.targets.length} targets)`] : []),
      ...(s.web
        ? [
            `${s.web.tls ? 'TLS' : 'no TLS'}, ${s.web.users.size > 0 ? `basic auth (${s.web.users.size} users)` : 'no basic auth'}`,
          ]
        : []),
    ];
    io.err(`monitor: ${parts.join(', ')}`);
  }
  if (prom) io.err(`monitor: status page's 24 h, 7 d and 30 d ratios from Prometheus ${prom.display}`);
  io.out(`metrics: ${base}/metrics\nstatus page: ${base}/\n`);

  const clock = io.clock ?? systemClock;
  // A line per state change, not per probe; and a summary every --summary-interval seconds (0: none).
  const every = s.flags.summaryInterval ?? DEFAULT_SUMMARY_INTERVAL_SECONDS;
  let stateLog = createStateLog({ history, log: io.err, location: s.location, summaries: every > 0 });
  const bundles =
    s.flags.failuresDir === undefined
      ? undefined
      : createBundleKeeper({
          dir: s.flags.failuresDir,
          keep: s.flags.failuresKeep ?? DEFAULT_FAILURES_KEEP,
          version: s.version,
          log: io.err,
        });
  const onResult = (r: Probe) => {
    stateLog.onResult(r);
    bundles?.onResult(r);
  };
  let summaryTimer: TimerHandle | undefined;
  // Each one due a whole interval after the previous one was due, not after it ran: no drift, as with setInterval.
  const summariseAt = (due: number) => {
    summaryTimer = clock.setTimeout(() => {
      io.err(stateLog.summary(every));
      summariseAt(due + every * 1000);
    }, due - clock.now());
  };
  if (every > 0) summariseAt(clock.now() + every * 1000);
  // Until the stop logic below exists, a crash of the probe thread is only logged; then it stops the service.
  let onCrash = (why: string) => io.err(`monitor: the probe thread stopped: ${why}`);
  const crashed = (why: string) => onCrash(why);
  let loop = startProbeThread({ targets: s.targets, baseUrlOf: conn.baseUrlOf, metrics, history, onResult, onCrash: crashed });
  let current = { setup: s, conn };

  // The windows' gauge, log lines and Alertmanager silences (maintenance-service.ts).
  const maintenance = startMaintenance({ setup: s, metrics, clock, log: io.err, alertmanagerUrl: s.flags.alertmanagerUrl });
  let reloading: Promise<void> | undefined;

  /**
   * SIGHUP, as Prometheus users expect: read and check the targets file again. On an error the old
   * targets keep running and a line says why; else the old probes finish, and the new targets start
   * with a fresh registry, so the series of removed targets are gone (counters of kept ones restart
   * at 0, which rate() reads as a reset).
   */
  const onReload = () => {
    if (!reload || reloading) return;
    reloading = (async () => {
      const next = await reload();
      if (!next.ok) {
        io.err(`monitor: SIGHUP: reload failed, keeping the ${current.setup.targets.length} running target(s): ${next.error}`);
        return;
      }
      await loop.stop();
      await current.conn.close();
      const fresh = instrumentsFor(next.setup);
      served.registry = fresh.registry;
      served.history = fresh.history;
      served.targetCount = next.setup.targets.length;
      stateLog = createStateLog({ history: fresh.history, log: io.err, location: next.setup.location, summaries: every > 0 });
      current = next;
      served.maintenance = next.setup.maintenance;
      maintenance.reload(next.setup, fresh.metrics);
      loop = startProbeThread({
        targets: next.setup.targets,
        baseUrlOf: next.conn.baseUrlOf,
        metrics: fresh.metrics,
        history: fresh.history,
        onResult,
        onCrash: crashed,
      });
      const names = next.setup.targets.map((t) => t.name).join(', ');
      io.err(`monitor: SIGHUP: reloaded, ${next.setup.targets.length} target(s): ${names}`);
    })().finally(() => (reloading = undefined));
  };
  if (reload) process.on('SIGHUP', onReload);

  return new Promise<number>((resolve) => {
    let stopping = false;
    /** Finish the probes in flight, close everything, resolve with `code`. `why` starts the log line. */
    const shutdown = (why: string, code: number) => {
      stopping = true;
      io.err(`monitor: ${why}: finishing probes in flight (${loop.inFlight()}), then exiting`);
      void (async () => {
        if (summaryTimer) clock.clearTimeout(summaryTimer);
        await maintenance.stop();
        process.off('SIGHUP', onReload);
        await reloading;
        await loop.stop();
        await new Promise<void>((done) => {
          server.close(() => done());
          server.closeAllConnections();
        });
        await current.conn.close();
        // Kept until here, so a second signal while stopping still exits at once (below).
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        server.off('error', onServerError);
        io.err('monitor: stopped');
        resolve(code);
      })();
    };
    let firstSignalAt = 0;
    const onSignal = (signal: NodeJS.Signals) => {
      if (stopping) {
        // One Ctrl-C under `npm start` arrives twice at once: the terminal signals the whole process
        // group and npm forwards its copy. Only a second press asks to skip the wait.
        if (clock.now() - firstSignalAt < REPEATED_SIGNAL_MS) return;
        io.err(`monitor: ${signal} again, exiting without waiting`);
        process.exit(1);
      }
      firstSignalAt = clock.now();
      shutdown(signal, 0);
    };
    // After listening, a server error (e.g. EMFILE on accept) would otherwise crash with a stack: one line, then a
    // clean stop with exit 1.
    const onServerError = (err: NodeJS.ErrnoException) => {
      const what = err.code ?? err.message.split('\n')[0];
      if (stopping) return void io.err(`monitor: server error while stopping: ${what}`);
      shutdown(`server error: ${what}`, 1);
    };
    // Without its probe thread the monitor would serve stale metrics as if all were well: stop, exit 1.
    onCrash = (why) => {
      if (!stopping) shutdown(`the probe thread stopped (${why})`, 1);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    server.on('error', onServerError);
  });
}
