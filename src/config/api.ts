// Where and how to call the trackers API, from the CAP_* variables (and
// SANDBOX_PORT). Never throws: every problem comes back at once, as data.
import { Secret } from '../secret.ts';
import { credentialsFrom, type AuthConfig, type CredentialNames } from './credentials.ts';
import { Reader, type Env, type EnvVarName } from './env.ts';

export type Target = { kind: 'sandbox' } | { kind: 'remote'; baseUrl: string };

export interface Config {
  target: Target;
  /** Decimal digits; kept as text because ids may exceed Number.MAX_SAFE_INTEGER. */
  customerId: string;
  missingCustomerId: string;
  auth: AuthConfig;
  timeoutMs: number;
  /** HTTP statuses accepted with the 8015 body. Never an authentication refusal, never a 5xx. */
  notFoundStatuses: number[];
  latencyBudgetMs: number;
  latencyDegradedMs: number;
  sandboxPort: number;
}

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

/**
 * Statuses that refuse the caller, not the customer: accepting one for an unknown customer would let
 * broken credentials pass the 8015 check. schemas/monitor-targets.schema.json forbids the same.
 */
export const AUTH_REFUSAL_STATUSES: readonly number[] = [401, 403, 407];

export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: string[] };

/** Customer ids are Java longs on Capillary's side. */
export const CUSTOMER_ID_MAX = 9223372036854775807n;

const ENV_CREDENTIAL_NAMES: CredentialNames = {
  username: 'CAP_USERNAME',
  password: 'CAP_PASSWORD',
  passwordIsMd5: 'CAP_PASSWORD_IS_MD5',
  oauthKey: 'CAP_OAUTH_KEY',
  oauthSecret: 'CAP_OAUTH_SECRET',
  oauthToken: 'CAP_OAUTH_TOKEN',
};

/** The variables that give CAP_BASE_URL credentials, as a configuration error names them. */
export const ENV_CREDENTIALS_TO_SET = `${ENV_CREDENTIAL_NAMES.username} and ${ENV_CREDENTIAL_NAMES.password}, ${ENV_CREDENTIAL_NAMES.oauthKey} and ${ENV_CREDENTIAL_NAMES.oauthSecret}, or ${ENV_CREDENTIAL_NAMES.oauthToken}`;

function readCustomerId(r: Reader, name: EnvVarName, fallback: string): string {
  const v = r.raw(name);
  if (v === undefined) return fallback;
  if (!/^\d{1,19}$/.test(v) || BigInt(v) < 1n || BigInt(v) > CUSTOMER_ID_MAX) {
    r.fail(name, 'must be a positive integer customer id (at most 9223372036854775807)');
    return fallback;
  }
  return String(BigInt(v));
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

/**
 * A remote target with no credentials: every check would be refused, and that reads as a broken contract
 * ("the configured credentials were refused") though none were configured. One line naming what to set.
 */
const NO_CREDENTIALS = `CAP_BASE_URL is set but no credentials are: set ${ENV_CREDENTIALS_TO_SET}`;

function readAuth(r: Reader, target: Target, options: LoadOptions): AuthConfig {
  const passwordIsMd5 = r.bool('CAP_PASSWORD_IS_MD5');
  const result = credentialsFrom(
    {
      username: r.raw('CAP_USERNAME'),
      password: r.raw('CAP_PASSWORD'),
      passwordIsMd5,
      oauthKey: r.raw('CAP_OAUTH_KEY'),
      oauthSecret: r.raw('CAP_OAUTH_SECRET'),
      oauthToken: r.raw('CAP_OAUTH_TOKEN'),
    },
    ENV_CREDENTIAL_NAMES,
  );
  if (!result.ok) {
    r.errors.push(...result.errors);
    return { kind: 'none' };
  }
  if (result.auth.kind === 'none' && target.kind === 'sandbox') {
    return { kind: 'basic', username: SANDBOX_USERNAME, password: new Secret(SANDBOX_PASSWORD), passwordIsMd5: false };
  }
  if (result.auth.kind === 'none' && options.credentials !== 'per-target') r.errors.push(NO_CREDENTIALS);
  return result.auth;
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
  const refusals = [...new Set(statuses.filter((s) => AUTH_REFUSAL_STATUSES.includes(s)))];
  if (refusals.length > 0) {
    r.fail(
      'CAP_NOT_FOUND_STATUS',
      `must not contain ${refusals.join(', ')}: an authentication refusal (${AUTH_REFUSAL_STATUSES.join(', ')}) is never an accepted answer for an unknown customer`,
    );
  }
  if (statuses.some((s) => s >= 500)) {
    r.fail('CAP_NOT_FOUND_STATUS', 'must not contain a 5xx: a server error is never an accepted answer for an unknown customer');
  }
  return [...new Set(statuses)];
}

export interface LoadOptions {
  /**
   * 'per-target': the monitor's targets file names credentials per entry ("auth"), so CAP_BASE_URL may come
   * without any. Otherwise (the default) a remote target without credentials is an error.
   */
  credentials?: 'required' | 'per-target';
}

/** Read and validate the configuration. Never throws; errors come back as data. */
export function loadConfig(env: Env = process.env, options: LoadOptions = {}): ConfigResult {
  const r = new Reader(env);
  const target = readTarget(r);
  const customerId = readCustomerId(r, 'CAP_CUSTOMER_ID', DEFAULTS.customerId);
  const missingCustomerId = readCustomerId(r, 'CAP_MISSING_CUSTOMER_ID', DEFAULTS.missingCustomerId);
  if (customerId === missingCustomerId && r.raw('CAP_CUSTOMER_ID') !== undefined) {
    r.fail('CAP_MISSING_CUSTOMER_ID', 'must differ from CAP_CUSTOMER_ID');
  }
  const auth = readAuth(r, target, options);
  const timeoutMs = r.int('CAP_TIMEOUT_MS', DEFAULTS.timeoutMs, 1, 600_000);
  const notFoundStatuses = readNotFoundStatuses(r);
  const latencyBudgetMs = r.int('CAP_LATENCY_BUDGET_MS', DEFAULTS.latencyBudgetMs, 1, 600_000);
  const latencyDegradedMs = r.int('CAP_LATENCY_DEGRADED_MS', DEFAULTS.latencyDegradedMs, 1, 600_000);
  if (latencyDegradedMs > latencyBudgetMs) {
    r.fail('CAP_LATENCY_DEGRADED_MS', `must not exceed CAP_LATENCY_BUDGET_MS (${latencyBudgetMs})`);
  }
  const sandboxPort = readSandboxPort(r);
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

const readSandboxPort = (r: Reader) => r.int('SANDBOX_PORT', DEFAULTS.sandboxPort, 0, 65535);

/** SANDBOX_PORT alone: the sandbox command calls no target, so CAP_BASE_URL and credentials are not its business. */
export function loadSandboxPort(env: Env = process.env): { ok: true; port: number } | { ok: false; errors: string[] } {
  const r = new Reader(env);
  const port = readSandboxPort(r);
  return r.errors.length > 0 ? { ok: false, errors: r.errors } : { ok: true, port };
}

/** A one-line description of where requests go, safe to print. */
export function describeTarget(target: Target): string {
  return target.kind === 'sandbox' ? 'the embedded sandbox' : target.baseUrl;
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
  const path = url.pathname.replace(/\/+$/, '');
  // A base URL copied with the API's version (or the whole trackers path) would get a 404 for every request,
  // judged as a broken contract: the client adds /v2/customers/... and /v3/oauth/... itself.
  const versioned = /\/v\d+(\/customers(\/.*)?)?$/i.exec(path);
  if (versioned) {
    const root = `${url.origin}${path.slice(0, versioned.index)}`;
    return {
      ok: false,
      problem: `must be the API's root, without the version: ${root} (the client adds /v2/customers/{customerId}/trackers itself)`,
    };
  }
  return { ok: true, baseUrl: `${url.origin}${path}` };
}
