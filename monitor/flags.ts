// The monitor's command line: flags, parsed by node:util parseArgs and checked
// here, so a bad flag is one line naming it and exit 2 before anything starts.
import { parseFaultSpec, type FaultSpec } from '../sandbox/faults.ts';
import { LOCATION_PATTERN, isListenHost, parseServiceUrl, type ServiceUrl } from '../src/config/monitor.ts';
import { parseShard, type Shard } from './shard.ts';
import { parseOptions } from '../src/parse-options.ts';
import { GROUPING_VALUE, PUSH_JOB } from './push.ts';
import { DEFAULT_FAILURES_KEEP } from './failure-bundles.ts';

export const USAGE = `Usage: trackers-contract monitor [options]    (in a clone: npm start -- [options])

Probes GET /v2/customers/{customerId}/trackers and exports Prometheus metrics.

Options:
  --once                 probe every target once (every enabled check), print the metrics, exit 0 if all passed, 3 if nothing answered, else 1
  --push                 with --once: also push the metrics to PUSHGATEWAY_URL (job ${PUSH_JOB})
  --instance NAME        with --push: the instance grouping label (default: this host's name)
  --config FILE          targets file (JSON, schemas/monitor-targets.schema.json); default MONITOR_CONFIG
  --interval SECONDS     probe the existing customer every SECONDS (overrides every target's intervalSeconds)
  --port N               listen port (default MONITOR_PORT or 9464; 0 = any free port)
  --host ADDR            listen address (default MONITOR_HOST or 127.0.0.1)
  --location NAME        the location label on every series, the status page and the log (default MONITOR_LOCATION)
  --shard I/N            probe only this replica's share of the targets: replica I of N (1-based), by rendezvous hashing
  --web.config.file FILE exporter-toolkit web config: TLS and bcrypt basic auth for /metrics, / and /api/status
  --alertmanager-url URL a silence in this Alertmanager (API v2) for each maintenance window of the targets file (user:password@ sends Basic auth)
  --summary-interval S   the service's summary line on stderr every S seconds (per target ok/total, p95; default 60, 0: none)
  --failures-dir DIR     write a failure bundle (exchange.har, result.json, reproduce.sh) under DIR when a check starts failing (default: none)
  --failures-keep N      with --failures-dir: keep the newest N bundles per target and check (default ${DEFAULT_FAILURES_KEEP})
  --sandbox-faults SPEC  embedded sandbox only: serve every request with these faults, e.g. latency=1500 or error-rate=0.2
  -h, --help             this text

Exit codes: 0 pass (--once: every probe passed; the service: stopped by a signal), 1 the contract is broken
(a probe failed), or --push could not deliver, or the service could not listen, 2 usage or configuration
error (CAP_BASE_URL without credentials and no targets file, or a targets-file entry calling a remote base
URL with none, included), 3 inconclusive (--once: no request got an HTTP answer).
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
  location?: string;
  shard?: Shard;
  webConfigFile?: string;
  /** Alertmanager's base URL: a silence per maintenance window. */
  alertmanagerUrl?: ServiceUrl;
  /** Seconds between the service's summary lines; 0: none. */
  summaryInterval?: number;
  /** Where failure bundles go; unset: none are written. */
  failuresDir?: string;
  /** Bundles kept per target and check. */
  failuresKeep?: number;
  help: boolean;
}

export const DEFAULT_SUMMARY_INTERVAL_SECONDS = 60;

export type FlagsResult = { ok: true; flags: Flags } | { ok: false; error: string };

function wholeNumber(flag: string, text: string, min: number, max: number): number | string {
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max)
    return `--${flag} must be a whole number from ${min} to ${max}, got ${JSON.stringify(text)}`;
  return Number(text);
}

/** Parse and check the command line. Never throws; an error is one line. */
export function parseFlags(argv: readonly string[]): FlagsResult {
  const parsed = parseOptions(argv, {
    once: { type: 'boolean', default: false },
    push: { type: 'boolean', default: false },
    instance: { type: 'string' },
    config: { type: 'string' },
    interval: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    'sandbox-faults': { type: 'string' },
    location: { type: 'string' },
    shard: { type: 'string' },
    'web.config.file': { type: 'string' },
    'summary-interval': { type: 'string' },
    'failures-dir': { type: 'string' },
    'failures-keep': { type: 'string' },
    'alertmanager-url': { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (!parsed.ok) return parsed;
  const { values } = parsed;
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
  if (str('summary-interval') !== undefined) {
    const v = wholeNumber('summary-interval', str('summary-interval')!, 0, 86_400);
    if (typeof v === 'string') return { ok: false, error: v };
    flags.summaryInterval = v;
  }
  const failuresDir = str('failures-dir');
  if (failuresDir === '') return { ok: false, error: '--failures-dir needs a directory name' };
  flags.failuresDir = failuresDir;
  if (str('failures-keep') !== undefined) {
    if (failuresDir === undefined) return { ok: false, error: '--failures-keep only applies with --failures-dir' };
    const v = wholeNumber('failures-keep', str('failures-keep')!, 1, 100_000);
    if (typeof v === 'string') return { ok: false, error: v };
    flags.failuresKeep = v;
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
  const location = str('location');
  if (location !== undefined && !LOCATION_PATTERN.test(location))
    return { ok: false, error: `--location must match ${LOCATION_PATTERN.source}, got ${JSON.stringify(location)}` };
  flags.location = location;
  const shard = str('shard');
  if (shard !== undefined) {
    const parsed = parseShard(shard);
    if (!parsed.ok) return { ok: false, error: `--shard: ${parsed.error}` };
    flags.shard = parsed.shard;
  }
  const webConfig = str('web.config.file');
  if (webConfig === '') return { ok: false, error: '--web.config.file needs a file name' };
  flags.webConfigFile = webConfig;
  if (webConfig !== undefined && flags.once)
    return { ok: false, error: '--web.config.file protects the service; --once serves nothing' };
  const am = str('alertmanager-url');
  if (am !== undefined) {
    // As PROMETHEUS_URL and PUSHGATEWAY_URL: user info allowed (Basic auth), never echoed.
    const parsed = parseServiceUrl('--alertmanager-url', am, 'http://alertmanager:9093');
    if (!parsed.ok) return { ok: false, error: parsed.error };
    if (flags.once) return { ok: false, error: '--alertmanager-url applies to the service; --once silences nothing' };
    flags.alertmanagerUrl = parsed.url;
  }
  if (flags.summaryInterval !== undefined && flags.once)
    return { ok: false, error: '--summary-interval applies to the service; --once prints one line per probe' };
  if (flags.push && !flags.once)
    return { ok: false, error: '--push needs --once (a long-running monitor is scraped, not pushed)' };
  if (instance !== undefined && !flags.push) return { ok: false, error: '--instance only applies with --push' };
  return { ok: true, flags };
}
