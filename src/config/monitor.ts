// The monitor service's own settings (monitor/main.ts). What it probes comes from
// api.ts and, for several targets, a targets file (monitor/targets.ts).
import { Secret } from '../secret.ts';
import { Reader, type Env, type EnvVarName } from './env.ts';

export const MONITOR_DEFAULTS = { port: 9464, host: '127.0.0.1' } as const;

/** A location label value: bounded and safe in a label, a log field and a URL (like a target name). */
export const LOCATION_PATTERN = /^[a-z0-9][a-z0-9_-]{0,39}$/;

export interface MonitorSettings {
  /** MONITOR_LOCATION (the --location flag wins over it); unset: no location label. */
  location?: string;
  /** Targets file from MONITOR_CONFIG (the --config flag wins over it). */
  configFile?: string;
  port: number;
  host: string;
  /** PUSHGATEWAY_URL; the URL may carry credentials, so it is a Secret, printed as `display`. */
  pushgateway?: ServiceUrl;
  /** PROMETHEUS_URL: where the status page's 24 h, 7 d and 30 d ratios come from. A Secret too. */
  prometheus?: ServiceUrl;
}

export interface ServiceUrl {
  url: Secret;
  display: string;
}

export type MonitorSettingsResult = { ok: true; settings: MonitorSettings } | { ok: false; errors: string[] };

/** A URL for messages: scheme, host and path, never user info. */
function displayUrl(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
}

/** A listen address: a host name or an IPv4/IPv6 address (the --host flag and MONITOR_HOST share it). */
export function isListenHost(host: string): boolean {
  return /^[A-Za-z0-9.:_-]{1,253}$/.test(host);
}

/**
 * An http(s) base URL of a service the monitor calls, from a variable or a flag (`name` says which); user info is
 * allowed and never echoed.
 */
export function parseServiceUrl(
  name: string,
  raw: string,
  example: string,
): { ok: true; url: ServiceUrl } | { ok: false; error: string } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    // Not echoed: a URL that does not parse may still hold user:password.
    return { ok: false, error: `${name}=(value hidden): is not a URL (expected e.g. ${example})` };
  }
  const shown = url.username || url.password ? '(value hidden)' : JSON.stringify(raw);
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { ok: false, error: `${name}=${shown}: must start with http:// or https://` };
  if (url.search || url.hash) return { ok: false, error: `${name}=${shown}: must not have a query or fragment` };
  return { ok: true, url: { url: new Secret(url.href.replace(/\/+$/, '')), display: displayUrl(url) } };
}

function readServiceUrl(r: Reader, name: EnvVarName, example: string): ServiceUrl | undefined {
  const raw = r.raw(name);
  if (raw === undefined) return undefined;
  const parsed = parseServiceUrl(name, raw, example);
  if (parsed.ok) return parsed.url;
  r.errors.push(parsed.error);
  return undefined;
}

export const PROMETHEUS_EXAMPLE = 'http://prometheus:9090';

/** PROMETHEUS_URL alone (the SLO report's default Prometheus), without the monitor's other settings. */
export function loadPrometheusUrl(env: Env = process.env): { ok: true; url?: ServiceUrl } | { ok: false; errors: string[] } {
  const r = new Reader(env);
  const url = readServiceUrl(r, 'PROMETHEUS_URL', PROMETHEUS_EXAMPLE);
  return r.errors.length > 0 ? { ok: false, errors: r.errors } : { ok: true, ...(url === undefined ? {} : { url }) };
}

export function loadMonitorSettings(env: Env = process.env): MonitorSettingsResult {
  const r = new Reader(env);
  const port = r.int('MONITOR_PORT', MONITOR_DEFAULTS.port, 0, 65535);
  const host = r.raw('MONITOR_HOST') ?? MONITOR_DEFAULTS.host;
  if (!isListenHost(host)) r.fail('MONITOR_HOST', 'must be a host name or IP address, e.g. 127.0.0.1 or 0.0.0.0');
  const configFile = r.raw('MONITOR_CONFIG');
  const location = r.raw('MONITOR_LOCATION');
  if (location !== undefined && !LOCATION_PATTERN.test(location))
    r.fail('MONITOR_LOCATION', `must match ${LOCATION_PATTERN.source}, e.g. eu-west-1`);
  const pushgateway = readServiceUrl(r, 'PUSHGATEWAY_URL', 'http://pushgateway:9091');
  const prometheus = readServiceUrl(r, 'PROMETHEUS_URL', PROMETHEUS_EXAMPLE);
  if (r.errors.length > 0) return { ok: false, errors: r.errors };
  return {
    ok: true,
    settings: {
      configFile,
      port,
      host,
      pushgateway,
      ...(prometheus === undefined ? {} : { prometheus }),
      ...(location === undefined ? {} : { location }),
    },
  };
}
