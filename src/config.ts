// The only reader of the environment. Everything is validated here, at start-up;
// an error names the variable and the bad value, except for secrets, whose values
// are never echoed.
import { Secret } from './secret.ts';
import type { MonitorCredentialRefs } from './types.generated.ts';

export type Env = Record<string, string | undefined>;

export type Target = { kind: 'sandbox' } | { kind: 'remote'; baseUrl: string };

export type AuthConfig =
  | { kind: 'none' }
  | { kind: 'basic'; username: string; password: Secret; passwordIsMd5: boolean }
  | { kind: 'oauth-client'; key: string; secret: Secret }
  | { kind: 'oauth-token'; token: Secret };

export interface Config {
  target: Target;
  /** Decimal digits; kept as text because ids may exceed Number.MAX_SAFE_INTEGER. */
  customerId: string;
  missingCustomerId: string;
  auth: AuthConfig;
  timeoutMs: number;
  /** HTTP statuses accepted with the 8015 body. Never a 5xx. */
  notFoundStatuses: number[];
  latencyBudgetMs: number;
  latencyDegradedMs: number;
  sandboxPort: number;
}

/** Every variable the project reads, with its meaning (the README and .env.example list the same). */
export const ENV_VARS = {
  CAP_BASE_URL: 'Base URL of the cluster, e.g. https://eu.api.capillarytech.com; unset = the embedded sandbox',
  CAP_CUSTOMER_ID: 'A customer that exists and has trackers (default 98662653, the sandbox copy of the documented example)',
  CAP_MISSING_CUSTOMER_ID: 'A customer id that does not exist (default 99999999)',
  CAP_USERNAME: 'Basic auth user name',
  CAP_PASSWORD: 'Basic auth password (sent as md5 hex, as Capillary documents)',
  CAP_PASSWORD_IS_MD5: 'true when CAP_PASSWORD is already the md5 hex of the password',
  CAP_OAUTH_KEY: 'OAuth client key (the token is generated at /v3/oauth/token/generate)',
  CAP_OAUTH_SECRET: 'OAuth client secret',
  CAP_OAUTH_TOKEN: 'An OAuth access token given directly (instead of key + secret)',
  CAP_TIMEOUT_MS: 'Whole-request timeout in milliseconds (default 10000)',
  CAP_NOT_FOUND_STATUS: 'HTTP statuses accepted with the 8015 body, comma-separated (default 200,400,404)',
  CAP_LATENCY_BUDGET_MS: 'A response slower than this fails (default 3000)',
  CAP_LATENCY_DEGRADED_MS: 'A response slower than this warns (default 1000)',
  SANDBOX_PORT: 'Port of `npm run sandbox` (default 8787)',
  // The monitor (monitor/main.ts); see loadMonitorSettings below.
  MONITOR_CONFIG: 'Targets file for the monitor (JSON, schemas/monitor-targets.schema.json); the --config flag wins',
  MONITOR_PORT: 'Port of the monitor service: /metrics, /healthz and the status page (default 9464)',
  MONITOR_HOST: 'Address the monitor service listens on (default 127.0.0.1)',
  PUSHGATEWAY_URL: 'Pushgateway base URL for `--once --push`, e.g. http://pushgateway:9091',
  // Tests (tests/support/require-binary.ts); see loadTestEnvironment below.
  CI: 'true on CI: a test whose Debian package (promtool, prometheus, chromium...) is missing fails instead of skipping',
  GATE_REPORT_DIR: 'Where `npm run gate` writes junit.xml and html/ (default reports/gate)',
  CHROMIUM_PATH: 'Chromium for the status-page browser tests (default /usr/bin/chromium, Debian package chromium)',
} as const;

export const SECRET_VARS: ReadonlySet<string> = new Set(['CAP_PASSWORD', 'CAP_OAUTH_SECRET', 'CAP_OAUTH_TOKEN']);

/** Credentials the embedded sandbox accepts; used when no credentials are configured for it. */
export const SANDBOX_USERNAME = 'sandbox_user';
export const SANDBOX_PASSWORD = 'sandbox_password';

export const DEFAULTS = {
  customerId: '98662653',
  missingCustomerId: '99999999',
  timeoutMs: 10_000,
  notFoundStatuses: [200, 400, 404],
  latencyBudgetMs: 3000,
  latencyDegradedMs: 1000,
  sandboxPort: 8787,
} as const;

export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: string[] };

/** Customer ids are Java longs on Capillary's side. */
export const CUSTOMER_ID_MAX = 9223372036854775807n;

class Reader {
  readonly errors: string[] = [];
  constructor(private readonly env: Env) {}

  /** The trimmed value, or undefined when unset or blank. */
  raw(name: string): string | undefined {
    const v = this.env[name];
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  }

  fail(name: string, problem: string): void {
    const shown = SECRET_VARS.has(name) ? '(value hidden)' : JSON.stringify(this.raw(name));
    this.errors.push(`${name}=${shown}: ${problem}`);
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const v = this.raw(name);
    if (v === undefined) return fallback;
    if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
      this.fail(name, `must be a whole number from ${min} to ${max}`);
      return fallback;
    }
    return Number(v);
  }

  customerId(name: string, fallback: string): string {
    const v = this.raw(name);
    if (v === undefined) return fallback;
    if (!/^\d{1,19}$/.test(v) || BigInt(v) < 1n || BigInt(v) > CUSTOMER_ID_MAX) {
      this.fail(name, 'must be a positive integer customer id (at most 9223372036854775807)');
      return fallback;
    }
    return String(BigInt(v));
  }

  bool(name: string): boolean {
    const v = this.raw(name)?.toLowerCase();
    if (v === undefined) return false;
    if (['true', '1', 'yes'].includes(v)) return true;
    if (['false', '0', 'no'].includes(v)) return false;
    this.fail(name, 'must be true or false');
    return false;
  }
}

function readTarget(r: Reader): Target {
  const v = r.raw('CAP_BASE_URL');
  if (v === undefined) return { kind: 'sandbox' };
  const parsed = parseBaseUrl(v, 'use CAP_USERNAME/CAP_PASSWORD or OAuth');
  if (parsed.ok) return { kind: 'remote', baseUrl: parsed.baseUrl };
  // A value with an "@" may carry user:password, even when it does not parse as a URL.
  if (v.includes('@')) r.errors.push(`CAP_BASE_URL=(value hidden): ${parsed.problem}`);
  else r.fail('CAP_BASE_URL', parsed.problem);
  return { kind: 'sandbox' };
}

function readAuth(r: Reader, target: Target): AuthConfig {
  const username = r.raw('CAP_USERNAME');
  const password = r.raw('CAP_PASSWORD');
  const key = r.raw('CAP_OAUTH_KEY');
  const secret = r.raw('CAP_OAUTH_SECRET');
  const token = r.raw('CAP_OAUTH_TOKEN');
  const passwordIsMd5 = r.bool('CAP_PASSWORD_IS_MD5');
  const basic = username !== undefined || password !== undefined;
  const oauth = key !== undefined || secret !== undefined || token !== undefined;

  if (basic && oauth) {
    r.errors.push('CAP_USERNAME/CAP_PASSWORD and CAP_OAUTH_*: set either Basic or OAuth credentials, not both');
    return { kind: 'none' };
  }
  if (basic) {
    if (username === undefined) r.errors.push('CAP_USERNAME: is required when CAP_PASSWORD is set');
    if (password === undefined) r.errors.push('CAP_PASSWORD: is required when CAP_USERNAME is set');
    if (password !== undefined && passwordIsMd5 && !/^[0-9a-fA-F]{32}$/.test(password)) {
      r.fail('CAP_PASSWORD', 'must be 32 hex characters when CAP_PASSWORD_IS_MD5=true');
    }
    if (username?.includes(':')) r.fail('CAP_USERNAME', 'must not contain ":" (Basic auth separator)');
    return { kind: 'basic', username: username ?? '', password: new Secret(password ?? ''), passwordIsMd5 };
  }
  if (token !== undefined) {
    if (key !== undefined || secret !== undefined) {
      r.errors.push('CAP_OAUTH_TOKEN and CAP_OAUTH_KEY/CAP_OAUTH_SECRET: give a token or a key and secret, not both');
    }
    // Sent as a header value: anything but visible ASCII would make the request itself invalid.
    if (!/^[\x21-\x7e]+$/.test(token))
      r.fail('CAP_OAUTH_TOKEN', 'must be visible ASCII characters only (it is sent as a header)');
    return { kind: 'oauth-token', token: new Secret(token) };
  }
  if (oauth) {
    if (key === undefined) r.errors.push('CAP_OAUTH_KEY: is required when CAP_OAUTH_SECRET is set');
    if (secret === undefined) r.errors.push('CAP_OAUTH_SECRET: is required when CAP_OAUTH_KEY is set');
    return { kind: 'oauth-client', key: key ?? '', secret: new Secret(secret ?? '') };
  }
  if (target.kind === 'sandbox') {
    return { kind: 'basic', username: SANDBOX_USERNAME, password: new Secret(SANDBOX_PASSWORD), passwordIsMd5: false };
  }
  return { kind: 'none' };
}

function readNotFoundStatuses(r: Reader): number[] {
  const v = r.raw('CAP_NOT_FOUND_STATUS');
  if (v === undefined) return [...DEFAULTS.notFoundStatuses];
  const parts = v.split(',').map((p) => p.trim());
  const statuses = parts.map(Number);
  if (parts.some((p) => !/^\d{3}$/.test(p)) || statuses.some((s) => s < 200 || s > 599)) {
    r.fail('CAP_NOT_FOUND_STATUS', 'must be comma-separated HTTP statuses, e.g. 200,400,404');
    return [...DEFAULTS.notFoundStatuses];
  }
  if (statuses.some((s) => s >= 500)) {
    r.fail('CAP_NOT_FOUND_STATUS', 'must not contain a 5xx: a server error is never an accepted answer for an unknown customer');
  }
  return [...new Set(statuses)];
}

/** Read and validate the configuration. Never throws; errors come back as data. */
export function loadConfig(env: Env = process.env): ConfigResult {
  const r = new Reader(env);
  const target = readTarget(r);
  const customerId = r.customerId('CAP_CUSTOMER_ID', DEFAULTS.customerId);
  const missingCustomerId = r.customerId('CAP_MISSING_CUSTOMER_ID', DEFAULTS.missingCustomerId);
  if (customerId === missingCustomerId && r.raw('CAP_CUSTOMER_ID') !== undefined) {
    r.fail('CAP_MISSING_CUSTOMER_ID', 'must differ from CAP_CUSTOMER_ID');
  }
  const auth = readAuth(r, target);
  const timeoutMs = r.int('CAP_TIMEOUT_MS', DEFAULTS.timeoutMs, 1, 600_000);
  const notFoundStatuses = readNotFoundStatuses(r);
  const latencyBudgetMs = r.int('CAP_LATENCY_BUDGET_MS', DEFAULTS.latencyBudgetMs, 1, 600_000);
  const latencyDegradedMs = r.int('CAP_LATENCY_DEGRADED_MS', DEFAULTS.latencyDegradedMs, 1, 600_000);
  if (latencyDegradedMs > latencyBudgetMs) {
    r.fail('CAP_LATENCY_DEGRADED_MS', `must not exceed CAP_LATENCY_BUDGET_MS (${latencyBudgetMs})`);
  }
  const sandboxPort = r.int('SANDBOX_PORT', DEFAULTS.sandboxPort, 0, 65535);
  if (r.errors.length > 0) return { ok: false, errors: r.errors };
  return {
    ok: true,
    config: {
      target,
      customerId,
      missingCustomerId,
      auth,
      timeoutMs,
      notFoundStatuses,
      latencyBudgetMs,
      latencyDegradedMs,
      sandboxPort,
    },
  };
}

/** For command-line entry points: the config, or a clear message on stderr and exit code 2. */
export function loadConfigOrExit(env: Env = process.env): Config {
  const result = loadConfig(env);
  if (result.ok) return result.config;
  process.stderr.write(`configuration error:\n${result.errors.map((e) => `  - ${e}`).join('\n')}\n(see .env.example)\n`);
  process.exit(2);
}

/** A one-line description of where requests go, safe to print. */
export function describeTarget(target: Target): string {
  return target.kind === 'sandbox' ? 'the embedded sandbox' : target.baseUrl;
}

// ─── Monitor (monitor/) ─────────────────────────────────────────────────────
// The monitor service's own settings, and the credentials a targets file names
// by environment variable (the file holds variable names, never secrets).

export const MONITOR_DEFAULTS = { port: 9464, host: '127.0.0.1' } as const;

export interface MonitorSettings {
  /** Targets file from MONITOR_CONFIG (the --config flag wins over it). */
  configFile?: string;
  port: number;
  host: string;
  /** PUSHGATEWAY_URL; the URL may carry credentials, so it is a Secret, printed as `display`. */
  pushgateway?: { url: Secret; display: string };
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

export function loadMonitorSettings(env: Env = process.env): MonitorSettingsResult {
  const r = new Reader(env);
  const port = r.int('MONITOR_PORT', MONITOR_DEFAULTS.port, 0, 65535);
  const host = r.raw('MONITOR_HOST') ?? MONITOR_DEFAULTS.host;
  if (!isListenHost(host)) r.fail('MONITOR_HOST', 'must be a host name or IP address, e.g. 127.0.0.1 or 0.0.0.0');
  const configFile = r.raw('MONITOR_CONFIG');
  let pushgateway: MonitorSettings['pushgateway'];
  const push = r.raw('PUSHGATEWAY_URL');
  if (push !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(push);
    } catch {
      r.errors.push('PUSHGATEWAY_URL=(value hidden): is not a URL (expected e.g. http://pushgateway:9091)');
    }
    if (url) {
      const shown = url.username || url.password ? '(value hidden)' : JSON.stringify(push);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        r.errors.push(`PUSHGATEWAY_URL=${shown}: must start with http:// or https://`);
      } else if (url.search || url.hash) {
        r.errors.push(`PUSHGATEWAY_URL=${shown}: must not have a query or fragment`);
      } else {
        pushgateway = { url: new Secret(url.href.replace(/\/+$/, '')), display: displayUrl(url) };
      }
    }
  }
  if (r.errors.length > 0) return { ok: false, errors: r.errors };
  return { ok: true, settings: { configFile, port, host, pushgateway } };
}

/** Check a base URL (CAP_BASE_URL, or a targets file's baseUrl). A problem never quotes the value. */
export function parseBaseUrl(
  text: string,
  credentialsHint = 'name them in "auth"',
): { ok: true; baseUrl: string } | { ok: false; problem: string } {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, problem: 'is not a URL (expected e.g. https://eu.api.capillarytech.com)' };
  }
  if (url.username || url.password) return { ok: false, problem: `must not contain credentials; ${credentialsHint}` };
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, problem: 'must start with https:// or http://' };
  if (url.search || url.hash) return { ok: false, problem: 'must not have a query or fragment' };
  return { ok: true, baseUrl: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}

/** Credentials by reference (schemas/monitor-targets.schema.json): each *Env field names an environment variable. */
export type CredentialRefs = MonitorCredentialRefs;

export type CredentialResult = { ok: true; auth: AuthConfig } | { ok: false; errors: string[] };

/**
 * Resolve a targets file's credential references to an AuthConfig. `where` is the JSON path of the
 * refs in the file ($.targets[0].auth), so errors name the field and the variable, never a value.
 * An empty object means no credentials.
 */
export function resolveCredentialRefs(refs: CredentialRefs, where = '$.auth', env: Env = process.env): CredentialResult {
  const errors: string[] = [];
  const read = (field: keyof CredentialRefs): string | undefined => {
    const name = refs[field];
    if (typeof name !== 'string') return undefined;
    const v = env[name];
    if (v === undefined || v.trim() === '') {
      errors.push(`${where}.${field}: environment variable ${name} is not set`);
      return undefined;
    }
    return v.trim();
  };
  const basic = refs.username !== undefined || refs.usernameEnv !== undefined || refs.passwordEnv !== undefined;
  const oauthClient = refs.oauthKeyEnv !== undefined || refs.oauthSecretEnv !== undefined;
  const oauthToken = refs.oauthTokenEnv !== undefined;
  if ([basic, oauthClient, oauthToken].filter(Boolean).length > 1) {
    return {
      ok: false,
      errors: [
        `${where}: name either Basic (username/passwordEnv), OAuth client (oauthKeyEnv/oauthSecretEnv) or oauthTokenEnv, not several`,
      ],
    };
  }
  if (refs.passwordIsMd5 !== undefined && !basic) errors.push(`${where}.passwordIsMd5: only applies with passwordEnv`);
  if (basic) {
    if (refs.username !== undefined && refs.usernameEnv !== undefined)
      errors.push(`${where}: give username or usernameEnv, not both`);
    if (refs.username === undefined && refs.usernameEnv === undefined)
      errors.push(`${where}.usernameEnv: is required with passwordEnv (or give username)`);
    if (refs.passwordEnv === undefined) errors.push(`${where}.passwordEnv: is required with a user name`);
    const username = refs.username ?? read('usernameEnv');
    const password = read('passwordEnv');
    if (username?.includes(':')) errors.push(`${where}: the user name must not contain ":" (Basic auth separator)`);
    if (password !== undefined && refs.passwordIsMd5 && !/^[0-9a-fA-F]{32}$/.test(password)) {
      errors.push(
        `${where}.passwordEnv: ${refs.passwordEnv} (value hidden) must be 32 hex characters when passwordIsMd5 is true`,
      );
    }
    if (errors.length > 0) return { ok: false, errors };
    return {
      ok: true,
      auth: { kind: 'basic', username: username!, password: new Secret(password!), passwordIsMd5: refs.passwordIsMd5 ?? false },
    };
  }
  if (oauthClient) {
    if (refs.oauthKeyEnv === undefined) errors.push(`${where}.oauthKeyEnv: is required with oauthSecretEnv`);
    if (refs.oauthSecretEnv === undefined) errors.push(`${where}.oauthSecretEnv: is required with oauthKeyEnv`);
    const key = read('oauthKeyEnv');
    const secret = read('oauthSecretEnv');
    if (errors.length > 0) return { ok: false, errors };
    return { ok: true, auth: { kind: 'oauth-client', key: key!, secret: new Secret(secret!) } };
  }
  if (oauthToken) {
    const token = read('oauthTokenEnv');
    if (errors.length > 0) return { ok: false, errors };
    return { ok: true, auth: { kind: 'oauth-token', token: new Secret(token!) } };
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, auth: { kind: 'none' } };
}

// ─── Tests (tests/support/) ─────────────────────────────────────────────────
// CI=true (set by .ci/run and by every CI service) makes tests that need a missing
// binary fail instead of skipping: on a fresh laptop a skip is fine, in CI it would
// hide that nothing ran.

export interface TestEnvironment {
  ci: boolean;
  /** Where the release gate writes its JUnit and HTML reports (GATE_REPORT_DIR; the gate's proof tests use temporary ones). */
  gateReportDir: string;
  /** The Chromium the status-page tests drive (CHROMIUM_PATH; Debian's by default). */
  chromiumPath: string;
}

export type TestEnvironmentResult = { ok: true; settings: TestEnvironment } | { ok: false; errors: string[] };

export function loadTestEnvironment(env: Env = process.env): TestEnvironmentResult {
  const r = new Reader(env);
  const ci = r.bool('CI');
  const gateReportDir = r.raw('GATE_REPORT_DIR') ?? 'reports/gate';
  const chromiumPath = r.raw('CHROMIUM_PATH') ?? '/usr/bin/chromium';
  if (!chromiumPath.startsWith('/')) r.fail('CHROMIUM_PATH', 'must be an absolute path, e.g. /usr/bin/chromium');
  if (r.errors.length > 0) return { ok: false, errors: r.errors };
  return { ok: true, settings: { ci, gateReportDir, chromiumPath } };
}
