// The scheduler. Each (target, check) pair has its own timer chain: a probe
// starts, finishes, and only then is the next one scheduled, an interval (±
// jitter) after the previous start. So there is never more than one probe in
// flight per pair, and a slow or hanging target delays nobody else. The loop
// alone turns results into metrics and status history. stop() clears the
// timers and resolves once the probes in flight have finished (each is bounded
// by the client's timeout). Time comes from a Clock, so the schedule's rules are
// tested on a manual one.
import type { TrackersClient } from '../src/client.ts';
import { systemClock, type Clock, type TimerHandle } from '../src/clock.ts';
import type { MonitorMetrics } from './metrics.ts';
import { enabledChecks, probe as defaultProbe, type MonitorCheck, type Probe, type ProbeOptions } from './probe.ts';
import type { StatusHistory } from './status-history.ts';
import type { TargetEntry } from './targets.ts';

export type ProbeFn = (client: TrackersClient, target: TargetEntry, check: MonitorCheck, options: ProbeOptions) => Promise<Probe>;

export const DEFAULT_JITTER = 0.1;
/** The first probes of all pairs start within this spread, so the status page fills at once but not in lockstep. */
export const FIRST_PROBE_SPREAD_MS = 1000;
/**
 * A large fleet spreads its first probes wider, so start-up sends no more than this many a second:
 * 3,000 pairs starting within one second held 3,000 responses in memory at once, and the heap stayed
 * at that high-water mark for the life of the process.
 */
export const FIRST_PROBES_PER_SECOND = 100;

export interface LoopOptions {
  targets: readonly TargetEntry[];
  /** The client for a target (one per target, built by the caller, closed by the caller). */
  clientFor: (target: TargetEntry) => TrackersClient;
  /** Where results are recorded (only record() is called). */
  metrics: Pick<MonitorMetrics, 'record'>;
  history?: StatusHistory;
  /** Called after a result is recorded, e.g. to log it. An exception here is swallowed. */
  onResult?: (probe: Probe) => void;
  /** Fraction of the interval, 0..1 (default 0.1): each delay is interval × (1 ± jitter). */
  jitter?: number;
  random?: () => number;
  probe?: ProbeFn;
  probeOptions?: ProbeOptions;
  /** Aborting it stops the loop, as stop() does. */
  signal?: AbortSignal;
  /** The schedule's timers and its start-to-start measure (default systemClock). */
  clock?: Clock;
}

export interface MonitorLoop {
  /** Stop scheduling; resolves when every probe in flight has finished and been recorded. */
  stop(): Promise<void>;
  /** Probes in flight now, over all pairs. */
  inFlight(): number;
}

/** Delay between two probe starts of one pair: interval × (1 ± jitter), uniform. */
export function nextDelayMs(intervalMs: number, jitter: number, random: () => number = Math.random): number {
  return intervalMs * (1 + jitter * (2 * random() - 1));
}

/**
 * Delay before a pair's first probe: soon, spread so pairs do not fire together. With `pairs` (all
 * the loop's target × check pairs) the spread widens to pairs / FIRST_PROBES_PER_SECOND, never past
 * the pair's own interval, which is where its probes would fall anyway.
 */
export function firstDelayMs(intervalMs: number, jitter: number, random: () => number = Math.random, pairs = 1): number {
  const fleetMs = (pairs / FIRST_PROBES_PER_SECOND) * 1000;
  const spread =
    fleetMs > FIRST_PROBE_SPREAD_MS ? Math.min(fleetMs, intervalMs) : Math.min(intervalMs * jitter, FIRST_PROBE_SPREAD_MS);
  return random() * spread;
}

export function intervalMsOf(target: TargetEntry, check: MonitorCheck): number {
  const seconds = {
    trackers: target.intervalSeconds,
    not_found: target.notFoundIntervalSeconds,
    auth: target.authIntervalSeconds,
  };
  return seconds[check] * 1000;
}

/** Record a probe: history, metrics, then the caller's hook. Nothing here may stop the loop (or the probe thread's messages). */
export function recordProbe(options: Pick<LoopOptions, 'metrics' | 'history' | 'onResult'>, probe: Probe): void {
  options.history?.add(probe);
  // The history judges flapping (it knows the check's states); the metrics export it.
  options.metrics.record(probe, options.history?.stateOf(probe.target, probe.check)?.flapping);
  try {
    options.onResult?.(probe);
  } catch {
    // a logging hook must not take the monitor down
  }
}

export function startLoop(options: LoopOptions): MonitorLoop {
  const probeFn = options.probe ?? defaultProbe;
  const jitter = Math.min(Math.max(options.jitter ?? DEFAULT_JITTER, 0), 1);
  const random = options.random ?? Math.random;
  const clock = options.clock ?? systemClock;
  const timers = new Set<TimerHandle>();
  const running = new Set<Promise<void>>();
  let stopped = false;
  let stopping: Promise<void> | undefined;

  const schedule = (delayMs: number, fn: () => void) => {
    const timer = clock.setTimeout(() => {
      timers.delete(timer);
      fn();
    }, delayMs);
    timers.add(timer);
  };

  const pairs = options.targets.reduce((n, t) => n + enabledChecks(t).length, 0);
  for (const target of options.targets) {
    const client = options.clientFor(target);
    for (const check of enabledChecks(target)) {
      const intervalMs = intervalMsOf(target, check);
      const runOnce = () => {
        if (stopped) return;
        const started = clock.now();
        const inFlight = probeFn(client, target, check, options.probeOptions ?? {})
          .then((probe) => recordProbe(options, probe))
          .catch(() => {
            // probe() never throws; an injected ProbeFn might. The pair keeps its schedule.
          })
          .finally(() => {
            running.delete(inFlight);
            if (stopped) return;
            const elapsed = clock.now() - started;
            schedule(Math.max(0, nextDelayMs(intervalMs, jitter, random) - elapsed), runOnce);
          });
        running.add(inFlight);
      };
      schedule(firstDelayMs(intervalMs, jitter, random, pairs), runOnce);
    }
  }

  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      stopped = true;
      for (const timer of timers) clock.clearTimeout(timer);
      timers.clear();
      await Promise.all([...running]);
    })();
    return stopping;
  };
  if (options.signal) {
    if (options.signal.aborted) void stop();
    else options.signal.addEventListener('abort', () => void stop(), { once: true });
  }
  return { stop, inFlight: () => running.size };
}

/** Probe every target once, every enabled check, all at once (--once); record each result as the loop does. */
export async function probeAllOnce(
  options: Pick<LoopOptions, 'targets' | 'clientFor' | 'metrics' | 'history' | 'onResult' | 'probe' | 'probeOptions'>,
): Promise<Probe[]> {
  const probeFn = options.probe ?? defaultProbe;
  const jobs = options.targets.flatMap((target) => {
    const client = options.clientFor(target);
    return enabledChecks(target).map(async (check) => {
      const probe = await probeFn(client, target, check, options.probeOptions ?? {});
      recordProbe(options, probe);
      return probe;
    });
  });
  return Promise.all(jobs);
}
