// The only reader of the environment. Every variable is validated at start-up by
// the loader that owns it (api.ts, monitor.ts, test-env.ts); an error names the
// variable and the bad value, except for secrets, whose values are never echoed.

import { showValue } from '../show-value.ts';

export type Env = Record<string, string | undefined>;

/** Every variable the project reads, with its meaning (the README and .env.example list the same; a unit test holds them together). */
export const ENV_VARS = {
  CAP_BASE_URL:
    'Base URL of the cluster, its root without /v2, e.g. https://eu.api.capillarytech.com; needs credentials; unset = the embedded sandbox',
  CAP_CUSTOMER_ID: 'A customer that exists and has trackers (default 98662653, the sandbox copy of the documented example)',
  CAP_MISSING_CUSTOMER_ID: 'A customer id that does not exist (default 99999999)',
  CAP_USERNAME: 'Basic auth user name',
  CAP_PASSWORD: 'Basic auth password (sent as md5 hex, as Capillary documents)',
  CAP_PASSWORD_IS_MD5: 'true when CAP_PASSWORD is already the md5 hex of the password',
  CAP_OAUTH_KEY: 'OAuth client key (the token is generated at /v3/oauth/token/generate)',
  CAP_OAUTH_SECRET: 'OAuth client secret',
  CAP_OAUTH_TOKEN: 'An OAuth access token given directly (instead of key + secret)',
  CAP_TIMEOUT_MS: 'Whole-request timeout in milliseconds (default 10000)',
  CAP_NOT_FOUND_STATUS:
    'HTTP statuses accepted with the 8015 body, comma-separated (default 200,400,404); never 401, 403, 407 or a 5xx',
  CAP_LATENCY_BUDGET_MS: 'A response slower than this fails (default 3000)',
  CAP_LATENCY_DEGRADED_MS: 'A response slower than this warns (default 1000)',
  SANDBOX_PORT: 'Port of `npm run sandbox` (default 8787)',
  // The monitor (monitor/main.ts); see monitor.ts.
  MONITOR_CONFIG: 'Targets file for the monitor (JSON, schemas/monitor-targets.schema.json); the --config flag wins',
  MONITOR_PORT: 'Port of the monitor service: /metrics, /healthz and the status page (default 9464)',
  MONITOR_HOST: 'Address the monitor service listens on (default 127.0.0.1)',
  MONITOR_LOCATION: 'Where this monitor probes from: the location label on every series (the --location flag wins)',
  PUSHGATEWAY_URL: 'Pushgateway base URL for `--once --push`, e.g. http://pushgateway:9091',
  PROMETHEUS_URL:
    'Prometheus base URL the status page asks for the 24 h, 7 d and 30 d ratios and the budget left, e.g. http://prometheus:9090',
  // Colour in the output of the commands (verify); see colour.ts.
  NO_COLOR: 'Any non-empty value: no colour (ANSI escape codes) in the output, even on a terminal (no-color.org)',
  FORCE_COLOR: 'Colour even when the output is not a terminal (1); 0 or false: never. Wins over NO_COLOR, as in Node',
  // Tests (tests/support/require-binary.ts); see test-env.ts.
  CI: 'true on CI: a test whose Debian package (promtool, prometheus, chromium...) is missing fails instead of skipping',
  GATE_REPORT_DIR: 'Where `npm run gate` writes junit.xml and html/ (default reports/gate)',
  CHROMIUM_PATH: 'Chromium for the status-page browser tests (default /usr/bin/chromium, Debian package chromium)',
} as const;

export const SECRET_VARS: ReadonlySet<string> = new Set(['CAP_PASSWORD', 'CAP_OAUTH_SECRET', 'CAP_OAUTH_TOKEN']);

/** Reads variables and collects every problem, so one run reports them all. */
export class Reader {
  readonly errors: string[] = [];
  constructor(private readonly env: Env) {}

  /** The trimmed value, or undefined when unset or blank (a blank line in .env means "not set"). */
  raw(name: string): string | undefined {
    const v = this.env[name];
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  }

  fail(name: string, problem: string): void {
    // Bounded and printable: a variable can hold a pasted file, control or bidi characters.
    const shown = SECRET_VARS.has(name) ? '(value hidden)' : showValue(this.raw(name));
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

  /** Unset reads as false; anything but true/false (1/0, yes/no) is an error. */
  bool(name: string): boolean {
    const v = this.raw(name)?.toLowerCase();
    if (v === undefined) return false;
    if (['true', '1', 'yes'].includes(v)) return true;
    if (['false', '0', 'no'].includes(v)) return false;
    this.fail(name, 'must be true or false');
    return false;
  }
}

/** The process environment with some variables replaced (a gate project's own settings, say). */
export function envWith(overrides: Readonly<Record<string, string>>): Env {
  return { ...process.env, ...overrides };
}
