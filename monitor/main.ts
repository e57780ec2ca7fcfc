// The monitor's command line (npm start / npm run monitor).
//
//   tsx monitor/main.ts                       long-running service: probes on timers, serves /metrics and the status page
//   tsx monitor/main.ts --once                probe every target once, print the exposition, exit 0 (all ok) or 1
//   tsx monitor/main.ts --once --push         ... and push it to PUSHGATEWAY_URL (cron, Kubernetes CronJob)
//
// Exit codes: 0 success, 1 a probe (or the push) failed, 2 usage or configuration error.
// Without CAP_BASE_URL (and without a targets file naming base URLs) it starts the
// embedded sandbox and monitors that.
import { readFileSync, realpathSync } from 'node:fs';
import type http from 'node:http';
import { hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Registry } from 'prom-client';
import { parseFaultSpec, type FaultSpec } from '../sandbox/faults.ts';
import type { TrackersClient } from '../src/client.ts';
import { isListenHost, loadConfig, loadMonitorSettings, type Env, type MonitorSettings } from '../src/config.ts';
import { startTarget, type RunningTarget } from '../cli/target.ts';
import { clientFor } from '../src/client.ts';
import { warmUpValidator } from '../src/validate.ts';
import { createMonitorServer } from './http.ts';
import { probeAllOnce, startLoop } from './loop.ts';
import { createMetrics } from './metrics.ts';
import type { ProbeResult } from './probe.ts';
import { GROUPING_VALUE, PUSH_JOB, pushMetrics } from './push.ts';
import { createStatusHistory } from './status-history.ts';
import { defaultTargets, loadTargetsFile, withInterval, type MonitorTarget } from './targets.ts';

export const USAGE = `Usage: npm start -- [options]    (or: npx tsx monitor/main.ts [options])

Probes GET /v2/customers/{customerId}/trackers and exports Prometheus metrics.

Options:
  --once                 probe every target once (both checks), print the metrics, exit 0 if all passed, else 1
  --push                 with --once: also push the metrics to PUSHGATEWAY_URL (job ${PUSH_JOB})
  --instance NAME        with --push: the instance grouping label (default: this host's name)
  --config FILE          targets file (JSON, schemas/monitor-targets.schema.json); default MONITOR_CONFIG
  --interval SECONDS     probe the existing customer every SECONDS (overrides every target's intervalSeconds)
  --port N               listen port (default MONITOR_PORT or 9464; 0 = any free port)
  --host ADDR            listen address (default MONITOR_HOST or 127.0.0.1)
  --sandbox-faults SPEC  embedded sandbox only: serve every request with these faults, e.g. latency=1500 or error-rate=0.2
  -h, --help             this text

Exit codes: 0 ok, 1 a probe or the push failed, 2 usage or configuration error.
`;

export interface Flags {
  once: boolean;
  push: boolean;
  instance?: string;
  config?: string;
  interval?: number;
  port?: number;
  host?: string;
  sandboxFaults?: FaultSpec;
  help: boolean;
}

export type FlagsResult = { ok: true; flags: Flags } | { ok: false; error: string };

function wholeNumber(flag: string, text: string, min: number, max: number): number | string {
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max)
    return `--${flag} must be a whole number from ${min} to ${max}, got ${JSON.stringify(text)}`;
  return Number(text);
}

/** Parse and check the command line. Never throws; an error is one line. */
export function parseFlags(argv: readonly string[]): FlagsResult {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        once: { type: 'boolean', default: false },
        push: { type: 'boolean', default: false },
        instance: { type: 'string' },
        config: { type: 'string' },
        interval: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        'sandbox-faults': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (err) {
    return { ok: false, error: (err as Error).message.split('\n')[0]! };
  }
  const flags: Flags = { once: values.once === true, push: values.push === true, help: values.help === true };
  const str = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  if (str('interval') !== undefined) {
    const v = wholeNumber('interval', str('interval')!, 1, 86_400);
    if (typeof v === 'string') return { ok: false, error: v };
    flags.interval = v;
  }
  if (str('port') !== undefined) {
    const v = wholeNumber('port', str('port')!, 0, 65_535);
    if (typeof v === 'string') return { ok: false, error: v };
    flags.port = v;
  }
  const host = str('host');
  if (host !== undefined && !isListenHost(host))
    return { ok: false, error: `--host must be a host name or IP address, got ${JSON.stringify(host)}` };
  flags.host = host;
  const instance = str('instance');
  if (instance !== undefined && !GROUPING_VALUE.test(instance)) {
    return {
      ok: false,
      error: `--instance must be 1-128 letters, digits, '.', '_', ':' or '-', got ${JSON.stringify(instance)}`,
    };
  }
  flags.instance = instance;
  const config = str('config');
  if (config === '') return { ok: false, error: '--config needs a file name' };
  flags.config = config;
  const faults = str('sandbox-faults');
  if (faults !== undefined) {
    const parsed = parseFaultSpec(faults);
    if (!parsed.ok) return { ok: false, error: `--sandbox-faults: ${parsed.error}` };
    flags.sandboxFaults = parsed.spec;
  }
  if (flags.push && !flags.once)
    return { ok: false, error: '--push needs --once (a long-running monitor is scraped, not pushed)' };
  if (instance !== undefined && !flags.push) return { ok: false, error: '--instance only applies with --push' };
  return { ok: true, flags };
}

/** Where main() writes, and the environment it configures from (default: the process's, read by src/config.ts). */
export interface MainIo {
  env?: Env;
  out(text: string): void;
  err(line: string): void;
  /** The service's HTTP server, once it listens (for tests: nothing else reaches it). */
  listening?(server: http.Server): void;
}

const PROCESS_IO: MainIo = {
  out: (text) => void process.stdout.write(text),
  err: (line) => void process.stderr.write(`${line}\n`),
};

class UsageError extends Error {}

interface Setup {
  flags: Flags;
  settings: MonitorSettings;
  targets: MonitorTarget[];
}

function setup(argv: readonly string[], io: MainIo): Setup {
  const parsed = parseFlags(argv);
  if (!parsed.ok) throw new UsageError(`${parsed.error} (see --help)`);
  const { flags } = parsed;
  const env = loadConfig(io.env);
  if (!env.ok) throw new UsageError(`configuration error: ${env.errors.join('; ')} (see .env.example)`);
  const monitor = loadMonitorSettings(io.env);
  if (!monitor.ok) throw new UsageError(`configuration error: ${monitor.errors.join('; ')} (see .env.example)`);
  const settings = monitor.settings;
  const file = flags.config ?? settings.configFile;
  let targets: MonitorTarget[];
  if (file !== undefined) {
    const loaded = loadTargetsFile(file, env.config, io.env);
    if (!loaded.ok) throw new UsageError(`configuration error: ${loaded.errors.join('; ')}`);
    targets = loaded.targets;
  } else {
    targets = defaultTargets(env.config);
  }
  if (flags.interval !== undefined) targets = withInterval(targets, flags.interval);
  if (flags.sandboxFaults && !targets.some((t) => t.config.target.kind === 'sandbox')) {
    throw new UsageError('--sandbox-faults needs the embedded sandbox (unset CAP_BASE_URL, or a target without baseUrl)');
  }
  if (flags.push && !settings.pushgateway) throw new UsageError('--push needs PUSHGATEWAY_URL, e.g. http://pushgateway:9091');
  return { flags, settings, targets };
}

function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The running targets: the embedded sandbox once if any target needs it, and one client per target. */
async function connect(targets: readonly MonitorTarget[], faults: FaultSpec | undefined) {
  let sandbox: RunningTarget | undefined;
  if (targets.some((t) => t.config.target.kind === 'sandbox')) {
    const first = targets.find((t) => t.config.target.kind === 'sandbox')!;
    sandbox = await startTarget(first.config, { faults });
  }
  const clients = new Map<string, TrackersClient>();
  const where = new Map<string, string>();
  for (const t of targets) {
    const baseUrl = t.config.target.kind === 'remote' ? t.config.target.baseUrl : sandbox!.baseUrl;
    clients.set(t.name, clientFor(t.config, baseUrl));
    where.set(t.name, t.config.target.kind === 'remote' ? baseUrl : `embedded sandbox ${baseUrl}`);
  }
  return {
    clientFor: (t: MonitorTarget) => clients.get(t.name)!,
    where: (t: MonitorTarget) => where.get(t.name)!,
    async close() {
      for (const c of clients.values()) c.close();
      await sandbox?.close();
    },
  };
}

function describe(r: ProbeResult): string {
  return r.success ? `ok    ${r.message}` : `FAIL  ${r.reason}: ${r.message}`;
}

async function once(s: Setup, io: MainIo): Promise<number> {
  const registry = new Registry();
  // No process_*/nodejs_* metrics: they would describe a process that is about to exit.
  const metrics = createMetrics({ registry, targets: s.targets, version: version(), defaultMetrics: false });
  const conn = await connect(s.targets, s.flags.sandboxFaults);
  let results: ProbeResult[];
  try {
    results = await probeAllOnce({ targets: s.targets, clientFor: conn.clientFor, metrics });
  } finally {
    await conn.close();
  }
  io.out(await registry.metrics());
  for (const r of results) io.err(`${r.target} ${r.check.padEnd(9)} ${describe(r)}`);
  let code = results.every((r) => r.success) ? 0 : 1;
  if (s.flags.push) {
    const gateway = s.settings.pushgateway!;
    const instance = s.flags.instance ?? hostname();
    const pushed = await pushMetrics(registry, { url: gateway.url.reveal(), groupings: { instance } });
    if (pushed.ok) io.err(`pushed to ${gateway.display} (job ${PUSH_JOB}, instance ${instance})`);
    else {
      io.err(pushed.message);
      code = 1;
    }
  }
  return code;
}

function logfmt(value: string): string {
  return /^[\w.:/-]+$/.test(value) ? value : JSON.stringify(value);
}

async function serve(s: Setup, io: MainIo): Promise<number> {
  const registry = new Registry();
  const v = version();
  const metrics = createMetrics({ registry, targets: s.targets, version: v });
  const history = createStatusHistory(s.targets, { version: v });
  const conn = await connect(s.targets, s.flags.sandboxFaults);
  const server = createMonitorServer({ registry, history, targetCount: s.targets.length, log: io.err });
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
  const base = `http://${host.includes(':') ? `[${host}]` : host}:${bound}`;
  for (const t of s.targets) {
    io.err(
      `target ${t.name}: ${conn.where(t)} (trackers every ${t.intervalSeconds} s, 8015 check every ${t.notFoundIntervalSeconds} s)`,
    );
  }
  io.out(`metrics: ${base}/metrics\nstatus page: ${base}/\n`);
  io.listening?.(server);

  // Log failures and recoveries, not every success.
  const lastUp = new Map<string, boolean>();
  const onResult = (r: ProbeResult) => {
    const key = `${r.target}/${r.check}`;
    const was = lastUp.get(key);
    lastUp.set(key, r.success);
    if (r.success && was !== false) return;
    const fields = [
      `level=${r.success ? 'info' : 'warn'}`,
      `target=${r.target}`,
      `check=${r.check}`,
      `result=${r.success ? 'success' : 'failure'}`,
      ...(r.reason ? [`reason=${r.reason}`] : []),
      `duration_ms=${Math.round(r.durationMs)}`,
      `msg=${logfmt(r.message)}`,
    ];
    io.err(fields.join(' '));
  };
  const loop = startLoop({ targets: s.targets, clientFor: conn.clientFor, metrics, history, onResult });

  return new Promise<number>((resolve) => {
    let stopping = false;
    /** Finish the probes in flight, close everything, resolve with `code`. `why` starts the log line. */
    const shutdown = (why: string, code: number) => {
      stopping = true;
      io.err(`monitor: ${why}: finishing probes in flight (${loop.inFlight()}), then exiting`);
      void (async () => {
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

export async function main(argv: readonly string[], io: MainIo = PROCESS_IO): Promise<number> {
  let s: Setup;
  try {
    if (argv.includes('--help') || argv.includes('-h')) {
      io.out(USAGE);
      return 0;
    }
    s = setup(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`monitor: ${e.message}`);
      return 2;
    }
    throw e;
  }
  warmUpValidator();
  return s.flags.once ? once(s, io) : serve(s, io);
}

/**
 * This file is the program being run, not a module a test imports: compared by real path (as sandbox/server.ts
 * does), so a symlink or a relative path matches and another file that happens to be called main.ts does not.
 */
function isEntryPoint(): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false; // argv[1] is not a file (e.g. node -e): not us
  }
}

if (isEntryPoint()) {
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
