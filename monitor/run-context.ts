// What --once and the service are given by the entry point (cli/monitor.ts):
// the checked flags and targets, where to write, and the running clients.
import type { TrackersClient } from '../src/client.ts';
import type { Clock } from '../src/clock.ts';
import type { Env } from '../src/config/env.ts';
import type { MonitorSettings } from '../src/config/monitor.ts';
import type { Flags } from './flags.ts';
import type { MaintenanceSchedule } from './maintenance.ts';
import type { TargetEntry } from './targets.ts';
import type { WebConfig } from './web-config.ts';

/** Where main() writes, and the environment it configures from (default: the process's, read by src/config.ts). */
export interface MainIo {
  env?: Env;
  out(text: string): void;
  err(line: string): void;
  /** The clock of the run's own rules about time: the push's deadline, the summary lines, a repeated signal (default systemClock). */
  clock?: Clock;
}

export const PROCESS_IO: MainIo = {
  out: (text) => void process.stdout.write(text),
  err: (line) => void process.stderr.write(`${line}\n`),
};

export interface Setup {
  flags: Flags;
  settings: MonitorSettings;
  targets: TargetEntry[];
  /** The targets file's maintenance windows (none without a file). */
  maintenance?: MaintenanceSchedule;
  version: string;
  /** The location label (--location, else MONITOR_LOCATION); unset: none. */
  location?: string;
  /** The checked --web.config.file, when the service is protected. */
  web?: WebConfig;
}

/** One client per target, already pointing at its base URL (the embedded sandbox's, when it has none). */
export interface Connection {
  clientFor(target: TargetEntry): TrackersClient;
  /** Where a target's probes go, safe to print. */
  where(target: TargetEntry): string;
  /** The base URL its client calls (the embedded sandbox's, when it has none): for the probe thread's own clients. */
  baseUrlOf(target: TargetEntry): string;
  close(): Promise<void>;
}
