// The long-running monitor: probes on timers, /metrics, /healthz and the status
// page, and a graceful stop on SIGINT/SIGTERM.
import { Registry } from 'prom-client';
import { createMonitorServer } from './http.ts';
import { DEFAULT_SUMMARY_INTERVAL_SECONDS } from './flags.ts';
import { startLoop } from './loop.ts';
import { createMetrics } from './metrics.ts';
import type { ProbeResult } from './probe.ts';
import type { Connection, MainIo, Setup } from './run-context.ts';
import { createPrometheusSloSource } from './prometheus-slo.ts';
import { createStateLog } from './state-log.ts';
import { createStatusHistory } from './status-history.ts';

export async function serve(s: Setup, io: MainIo, conn: Connection): Promise<number> {
  const registry = new Registry();
  // A per-series label, not an external label: one Prometheus scrapes every location, and the
  // quorum rules count locations (README "Running a fleet").
  if (s.location !== undefined) registry.setDefaultLabels({ location: s.location });
  const v = s.version;
  const metrics = createMetrics({ registry, targets: s.targets, version: v });
  const history = createStatusHistory(s.targets, { version: v, location: s.location });
  const prom = s.settings.prometheus;
  const prometheus = prom ? createPrometheusSloSource({ url: prom.url, display: prom.display }) : undefined;
  const server = createMonitorServer({
    registry,
    history,
    targetCount: s.targets.length,
    log: io.err,
    web: s.web,
    prometheus,
  });
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
  io.listening?.(server);

  // A line per state change, not per probe; and a summary every --summary-interval seconds (0: none).
  const every = s.flags.summaryInterval ?? DEFAULT_SUMMARY_INTERVAL_SECONDS;
  const stateLog = createStateLog({ history, log: io.err, location: s.location, summaries: every > 0 });
  const onResult = (r: ProbeResult) => stateLog.onResult(r);
  const summaryTimer = every > 0 ? setInterval(() => io.err(stateLog.summary(every)), every * 1000) : undefined;
  summaryTimer?.unref();
  const loop = startLoop({ targets: s.targets, clientFor: conn.clientFor, metrics, history, onResult });

  return new Promise<number>((resolve) => {
    let stopping = false;
    /** Finish the probes in flight, close everything, resolve with `code`. `why` starts the log line. */
    const shutdown = (why: string, code: number) => {
      stopping = true;
      io.err(`monitor: ${why}: finishing probes in flight (${loop.inFlight()}), then exiting`);
      void (async () => {
        clearInterval(summaryTimer);
        await loop.stop();
        await new Promise<void>((done) => {
          server.close(() => done());
          server.closeAllConnections();
        });
        await conn.close();
        // Kept until here, so a second signal while stopping still exits at once (below).
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        server.off('error', onServerError);
        io.err('monitor: stopped');
        resolve(code);
      })();
    };
    const onSignal = (signal: NodeJS.Signals) => {
      if (stopping) {
        io.err(`monitor: ${signal} again, exiting without waiting`);
        process.exit(1);
      }
      shutdown(signal, 0);
    };
    // After listening, a server error (e.g. EMFILE on accept) would otherwise crash with a stack: one line, then a
    // clean stop with exit 1.
    const onServerError = (err: NodeJS.ErrnoException) => {
      const what = err.code ?? err.message.split('\n')[0];
      if (stopping) return void io.err(`monitor: server error while stopping: ${what}`);
      shutdown(`server error: ${what}`, 1);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    server.on('error', onServerError);
  });
}
