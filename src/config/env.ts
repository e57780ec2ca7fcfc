// The only reader of the environment. Every variable is validated at start-up by
// the loader that owns it (api.ts, monitor.ts, colour.ts, gate.ts; the tests' own in
// tests/support/test-env.ts); an error names the variable and the bad value, except
// for secrets, whose values are never echoed.

import { showValue } from '../show-value.ts';

export type Env = Record<string, string | undefined>;

/** A variable the project reads: what it means (for docs/reference.md), and whether its value is a secret. */
export interface EnvVar {
  meaning: string;
  /** Its value is never shown: not in an error, a log or a report. */
  secret?: true;
}

/**
 * Every variable the project reads, with its meaning: the one table. The Reader reads no other name
 * (its methods take an EnvVarName), docs/reference.md is generated from it, and .env.example lists
 * the same names (a unit test holds them together).
 */
export const ENV_VARS = {
  // Where requests go, and how (api.ts).
  CAP_BASE_URL: {
    meaning:
      'base URL of the cluster, its root without `/v2`, e.g. `https://eu.api.capillarytech.com`; needs credentials; unset: the embedded sandbox',
  },
  CAP_CUSTOMER_ID: {
    meaning: 'a customer that exists and has trackers (default `98662653`, the sandbox copy of the documented example)',
  },
  CAP_MISSING_CUSTOMER_ID: {
    meaning: 'a customer id that does not exist: the API must answer error 8015 (default `99999999`)',
  },
  CAP_USERNAME: { meaning: 'Basic auth user name; the header is `Basic base64(username:md5(password))`, as Capillary documents' },
  CAP_PASSWORD: { meaning: 'Basic auth password (sent as its md5 hex, as Capillary documents)', secret: true },
  CAP_PASSWORD_IS_MD5: { meaning: '`true` when `CAP_PASSWORD` is already the md5 hex of the password' },
  CAP_OAUTH_KEY: {
    meaning: 'OAuth client key: the token comes from `POST /v3/oauth/token/generate`, cached until shortly before it expires',
  },
  CAP_OAUTH_SECRET: { meaning: 'OAuth client secret', secret: true },
  CAP_OAUTH_TOKEN: { meaning: 'an OAuth access token given directly (instead of key and secret)', secret: true },
  CAP_TIMEOUT_MS: { meaning: 'whole-request timeout in milliseconds (default `10000`)' },
  CAP_NOT_FOUND_STATUS: {
    meaning: 'HTTP statuses accepted with the 8015 body, comma-separated (default `200,400,404`); never 401, 403, 407 nor a 5xx',
  },
  CAP_LATENCY_BUDGET_MS: { meaning: 'a response slower than this fails (default `3000`)' },
  CAP_LATENCY_DEGRADED_MS: { meaning: 'a response slower than this warns (default `1000`)' },
  SANDBOX_PORT: { meaning: "port of `trackers-contract sandbox` and of the gate's sandbox (default `8787`)" },
  // The monitor (monitor.ts).
  MONITOR_CONFIG: {
    meaning: "the monitor's targets file (JSON, `schemas/monitor-targets.schema.json`); the `--config` flag wins",
  },
  MONITOR_PORT: { meaning: 'port of the monitor service: `/metrics`, `/healthz` and the status page (default `9464`)' },
  MONITOR_HOST: { meaning: 'address the monitor service listens on (default `127.0.0.1`)' },
  MONITOR_LOCATION: {
    meaning: 'where this monitor probes from: the `location` label on every series (the `--location` flag wins)',
  },
  PUSHGATEWAY_URL: { meaning: 'Pushgateway base URL for `monitor --once --push`, e.g. `http://pushgateway:9091`' },
  PROMETHEUS_URL: {
    meaning:
      'a Prometheus the status page asks for the 24 h, 7 d and 30 d ratios and the budget left, and `slo report` reads (its `--prometheus` wins), e.g. `http://prometheus:9090`',
  },
  // Colour in the commands' output (colour.ts).
  NO_COLOR: { meaning: 'any non-empty value: no colour (ANSI escape codes) in the output, even on a terminal (no-color.org)' },
  FORCE_COLOR: {
    meaning: 'colour even when the output is not a terminal (`1`); `0` or `false`: never. Wins over `NO_COLOR`, as in Node',
  },
  // The gate (gate.ts); the tests read CI too (tests/support/test-env.ts).
  CI: {
    meaning:
      '`true`: a test whose Debian package (promtool, prometheus, chromium, ...) is missing fails instead of being skipped',
  },
  GATE_REPORT_DIR: { meaning: 'where the gate writes `junit.xml` and `html/` (default `reports/gate`)' },
} as const satisfies Record<string, EnvVar>;

export type EnvVarName = keyof typeof ENV_VARS;

export const SECRET_VARS: ReadonlySet<string> = new Set(
  Object.entries(ENV_VARS as Record<string, EnvVar>)
    .filter(([, v]) => v.secret === true)
    .map(([name]) => name),
);

/** Reads variables and collects every problem, so one run reports them all. */
export class Reader {
  readonly errors: string[] = [];
  constructor(private readonly env: Env) {}

  /** The trimmed value, or undefined when unset or blank (a blank line in .env means "not set"). */
  raw(name: EnvVarName): string | undefined {
    return this.named(name);
  }

  /**
   * A variable a targets file names (its *Env fields, credentials by reference): the user picks the
   * name, so it is not in ENV_VARS. Read as raw reads.
   */
  named(name: string): string | undefined {
    const v = this.env[name];
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  }

  fail(name: EnvVarName, problem: string): void {
    // Bounded and printable: a variable can hold a pasted file, control or bidi characters.
    const shown = SECRET_VARS.has(name) ? '(value hidden)' : showValue(this.raw(name));
    this.errors.push(`${name}=${shown}: ${problem}`);
  }

  int(name: EnvVarName, fallback: number, min: number, max: number): number {
    const v = this.raw(name);
    if (v === undefined) return fallback;
    if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
      this.fail(name, `must be a whole number from ${min} to ${max}`);
      return fallback;
    }
    return Number(v);
  }

  /** Unset reads as false; anything but true/false (1/0, yes/no) is an error. */
  bool(name: EnvVarName): boolean {
    const v = this.raw(name)?.toLowerCase();
    if (v === undefined) return false;
    if (['true', '1', 'yes'].includes(v)) return true;
    if (['false', '0', 'no'].includes(v)) return false;
    this.fail(name, 'must be true or false');
    return false;
  }
}
