// The long-running monitor's side of maintenance windows (docs/monitor.md#maintenance-windows):
// the trackers_maintenance gauge and a log line at each start and end, looked at every
// MAINTENANCE_TICK_MS while the file has windows; and with --alertmanager-url, the silences kept in
// step with the windows, checked every SILENCE_SYNC_MS, a failed sync retried with a doubling
// back-off. A reload hands the open windows over, so a kept one is not announced twice. All on the
// injected clock.
import type { Clock, TimerHandle } from '../src/clock.ts';
import type { ServiceUrl } from '../src/config/monitor.ts';
import { syncSilences } from './alertmanager-silences.ts';
import { MaintenanceSchedule, MaintenanceWatch } from './maintenance.ts';
import type { MonitorMetrics } from './metrics.ts';
import type { Setup } from './run-context.ts';
import { maintenanceLine } from './state-log.ts';

/** How often the service looks at the windows: a start or an end shows within this. */
export const MAINTENANCE_TICK_MS = 10_000;
/** Silences are checked this often (they are made ahead, SILENCE_LOOKAHEAD_MS); a failed sync is retried sooner, doubling. */
export const SILENCE_SYNC_MS = 60_000;
export const SILENCE_RETRY_MS = 5_000;

export interface MaintenanceService {
  /** After a SIGHUP reload: the new windows and the new registry's metrics. */
  reload(setup: Setup, metrics: MonitorMetrics): void;
  /** Disarm the timers and wait for a sync in flight. */
  stop(): Promise<void>;
}

export function startMaintenance(options: {
  setup: Setup;
  metrics: MonitorMetrics;
  clock: Clock;
  log: (line: string) => void;
  alertmanagerUrl?: ServiceUrl;
}): MaintenanceService {
  const { clock, log, alertmanagerUrl } = options;
  const noWindows = new MaintenanceSchedule([]);
  let setup = options.setup;
  let metrics = options.metrics;
  let stopped = false;
  const watchFor = (s: Setup, seed?: MaintenanceWatch) =>
    new MaintenanceWatch(s.maintenance ?? noWindows, (o, event) => maintenanceLine(o, event, s.location), seed);
  let watch = watchFor(setup);

  let tickTimer: TimerHandle | undefined;
  const tick = () => {
    if (tickTimer) clock.clearTimeout(tickTimer);
    tickTimer = undefined;
    const at = clock.epochMs();
    metrics.markMaintenance(at);
    for (const line of watch.tick(at)) log(line);
    if (!stopped && (setup.maintenance?.windows.length ?? 0) > 0)
      tickTimer = clock.setTimeout(tick, MAINTENANCE_TICK_MS - (at % MAINTENANCE_TICK_MS));
  };

  let syncTimer: TimerHandle | undefined;
  let backoffMs = SILENCE_RETRY_MS;
  let syncing: Promise<void> | undefined;
  const sync = () => {
    if (!alertmanagerUrl || syncing || stopped) return;
    if (syncTimer) clock.clearTimeout(syncTimer);
    syncTimer = undefined;
    const current = setup;
    syncing = (async () => {
      const r = await syncSilences({
        url: alertmanagerUrl.url,
        schedule: current.maintenance ?? noWindows,
        targets: current.targets.map((t) => t.name),
        clock,
      });
      let next = SILENCE_SYNC_MS;
      if (r.ok) {
        backoffMs = SILENCE_RETRY_MS;
        if (r.created + r.deleted > 0)
          log(`level=info msg="Alertmanager silences: ${r.created} created, ${r.deleted} deleted, ${r.kept} kept"`);
      } else {
        log(
          `level=warn msg=${JSON.stringify(`Alertmanager silences not synced: ${r.error}; retrying in ${backoffMs / 1000} s`)}`,
        );
        next = backoffMs;
        backoffMs = Math.min(backoffMs * 2, SILENCE_SYNC_MS * 5);
      }
      // Cleared before the timer is armed, so a timer that fires at once finds no sync in flight.
      syncing = undefined;
      if (!stopped) syncTimer = clock.setTimeout(sync, next);
    })();
  };

  tick();
  sync();
  return {
    reload(next, nextMetrics) {
      setup = next;
      metrics = nextMetrics;
      watch = watchFor(next, watch);
      tick();
      // After a sync in flight, which may have read the old windows.
      if (syncing) void syncing.then(sync);
      else sync();
    },
    async stop() {
      stopped = true;
      if (tickTimer) clock.clearTimeout(tickTimer);
      if (syncTimer) clock.clearTimeout(syncTimer);
      await syncing;
    },
  };
}
