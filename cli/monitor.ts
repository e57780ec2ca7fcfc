// The monitor's entry point (npm start): checks flags and configuration, starts
// the embedded sandbox when a target needs it (this is the composition root:
// monitor/ never imports the sandbox's app), then runs --once or the service.
// What only some runs need is imported when they need it: the service (its HTTP
// server, bcrypt basic auth, status page), the web config's YAML parser and the
// sandbox are most of the start-up time of a `--once` under cron that uses none.
//
//   cli/monitor.ts                       long-running service: probes on timers, serves /metrics and the status page
//   cli/monitor.ts --once                probe every target once, print the exposition; exit code as in docs/reference.md
//   cli/monitor.ts --once --push         ... and push it to PUSHGATEWAY_URL (cron, Kubernetes CronJob)
import { accessSync, constants, mkdirSync } from 'node:fs';
import { EXIT } from '../src/exit-code.ts';
import { clientFor, type TrackersClient } from '../src/client.ts';
import { loadConfig } from '../src/config/api.ts';
import { loadMonitorSettings } from '../src/config/monitor.ts';
import { packageVersion } from '../src/package-root.ts';
import { warmUpValidator } from '../src/validate.ts';
import type { FaultSpec } from '../sandbox/faults.ts';
import { USAGE, parseFlags } from '../monitor/flags.ts';
import { once } from '../monitor/once.ts';
import { PROCESS_IO, type Connection, type MainIo, type Setup } from '../monitor/run-context.ts';
import { MaintenanceSchedule, type MaintenanceWindow } from '../monitor/maintenance.ts';
import { shardOf } from '../monitor/shard.ts';
import type { WebConfig } from '../monitor/web-config.ts';
import { defaultTargets, loadTargetsFile, withInterval, type TargetEntry } from '../monitor/targets.ts';
import { isEntryPoint } from './entry-point.ts';
import type { OpenTarget } from './target.ts';

export type { MainIo } from '../monitor/run-context.ts';

class UsageError extends Error {}

/** Why bundles could not be written under `dir` (created if missing), or undefined: found now, not at the first failure. */
function writableDir(dir: string): string | undefined {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
    return undefined;
  } catch (e) {
    return `cannot be written (${(e as NodeJS.ErrnoException).code ?? 'error'})`;
  }
}

async function setup(argv: readonly string[], io: MainIo): Promise<Setup> {
  const parsed = parseFlags(argv);
  if (!parsed.ok) throw new UsageError(`${parsed.error} (see --help)`);
  const { flags } = parsed;
  const monitor = loadMonitorSettings(io.env);
  const file = flags.config ?? (monitor.ok ? monitor.settings.configFile : undefined);
  // A targets file names credentials per entry; without one, CAP_BASE_URL needs the environment's.
  const env = loadConfig(io.env, { credentials: file === undefined ? 'required' : 'per-target' });
  const errors = [...(env.ok ? [] : env.errors), ...(monitor.ok ? [] : monitor.errors)];
  if (!env.ok || !monitor.ok) throw new UsageError(`configuration error: ${errors.join('; ')} (see .env.example)`);
  const settings = monitor.settings;
  let targets: TargetEntry[];
  let windows: MaintenanceWindow[] = [];
  if (file !== undefined) {
    const loaded = loadTargetsFile(file, env.config, io.env);
    if (!loaded.ok) throw new UsageError(`configuration error: ${loaded.errors.join('; ')}`);
    targets = loaded.targets;
    windows = loaded.maintenance;
  } else {
    targets = defaultTargets(env.config);
  }
  if (flags.interval !== undefined) targets = withInterval(targets, flags.interval);
  if (flags.shard) targets = shardOf(targets, flags.shard);
  let web: WebConfig | undefined;
  if (flags.webConfigFile !== undefined) {
    const { loadWebConfig } = await import('../monitor/web-config.ts');
    const loaded = loadWebConfig(flags.webConfigFile);
    if (!loaded.ok) throw new UsageError(`configuration error: ${loaded.error}`);
    web = loaded.config;
  }
  if (flags.sandboxFaults && !targets.some((t) => t.config.target.kind === 'sandbox')) {
    throw new UsageError('--sandbox-faults needs the embedded sandbox (unset CAP_BASE_URL, or a target without baseUrl)');
  }
  if (flags.failuresDir !== undefined) {
    const problem = writableDir(flags.failuresDir);
    if (problem) throw new UsageError(`--failures-dir ${JSON.stringify(flags.failuresDir)}: ${problem}`);
  }
  if (flags.push && !settings.pushgateway) throw new UsageError('--push needs PUSHGATEWAY_URL, e.g. http://pushgateway:9091');
  const maintenance = new MaintenanceSchedule(windows);
  return { flags, settings, targets, maintenance, version: packageVersion(), location: flags.location ?? settings.location, web };
}

/** The running targets: the embedded sandbox once if any target needs it, and one client per target. */
async function connect(targets: readonly TargetEntry[], faults: FaultSpec | undefined): Promise<Connection> {
  let sandbox: OpenTarget | undefined;
  if (targets.some((t) => t.config.target.kind === 'sandbox')) {
    const { startSandbox } = await import('./target.ts');
    sandbox = await startSandbox({ faults });
  }
  const baseUrlOf = (t: TargetEntry) => (t.config.target.kind === 'remote' ? t.config.target.baseUrl : sandbox!.baseUrl);
  // Made on first use: the service's probe thread builds clients of its own, so its main thread needs none.
  const clients = new Map<string, TrackersClient>();
  return {
    clientFor(t: TargetEntry) {
      let client = clients.get(t.name);
      if (!client) clients.set(t.name, (client = clientFor(t.config, baseUrlOf(t))));
      return client;
    },
    where: (t: TargetEntry) => (t.config.target.kind === 'remote' ? baseUrlOf(t) : `embedded sandbox ${baseUrlOf(t)}`),
    baseUrlOf,
    async close() {
      for (const c of clients.values()) c.close();
      await sandbox?.close();
    },
  };
}

export async function main(argv: readonly string[], io: MainIo = PROCESS_IO): Promise<number> {
  let s: Setup;
  try {
    if (argv.includes('--help') || argv.includes('-h')) {
      io.out(USAGE);
      return 0;
    }
    s = await setup(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`monitor: ${e.message}`);
      return EXIT.usage;
    }
    throw e;
  }
  warmUpValidator();
  const conn = await connect(s.targets, s.flags.sandboxFaults);
  if (s.flags.once) {
    try {
      return await once(s, io, conn);
    } finally {
      await conn.close();
    }
  }
  // The service closes the connection itself, on its way out. A reload checks everything again.
  const reload = async () => {
    let next: Setup;
    try {
      next = await setup(argv, io);
    } catch (e) {
      if (e instanceof UsageError) return { ok: false as const, error: e.message };
      return { ok: false as const, error: `internal error: ${e instanceof Error ? e.message : String(e)}` };
    }
    return { ok: true as const, setup: next, conn: await connect(next.targets, next.flags.sandboxFaults) };
  };
  const { serve } = await import('../monitor/service.ts');
  return serve(s, io, conn, reload);
}

if (isEntryPoint(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      // A bug, not a user error: one line, no stack (run with NODE_OPTIONS=--stack-trace-limit to dig).
      PROCESS_IO.err(`monitor: internal error: ${e instanceof Error ? e.message : String(e)}`);
      process.exitCode = 1;
    },
  );
}
