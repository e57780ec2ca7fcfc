// What every gate test shares: the validated config, credentials from the
// project's auth code, and one way to call the endpoint that measures, retries
// only on network failure (and reports it), and stays polite to real clusters.
import { test as base, expect, type APIRequestContext, type TestInfo } from '@playwright/test';
import { performance } from 'node:perf_hooks';
import { loadConfig, type Config } from '../../../src/config/api.ts';
import { createClient } from '../../../src/client.ts';
import { formatFinding } from '../../../src/format-findings.ts';
import type { Finding, ValidationResult } from '../../../src/validate.ts';

export interface Call {
  path: string;
  status: number;
  contentType: string;
  text: string;
  /** Parsed body; undefined when the body is not JSON (see parseError). */
  body: unknown;
  parseError?: string;
  ms: number;
  attempts: number;
}

export interface Gate {
  config: Config;
  sandbox: boolean;
  /** Headers of the configured credentials (Basic, or an OAuth token generated through src/client.ts). */
  authHeaders(): Promise<Record<string, string>>;
}

// Capillary's demo clusters allow 100 requests a minute: stay well under.
const REMOTE_MIN_GAP_MS = 700;
const MAX_REQUESTS_PER_WORKER = 80;
let requestsSent = 0;
let lastRequestAt = 0;

export const test = base.extend<object, { gate: Gate }>({
  gate: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const loaded = loadConfig();
      if (!loaded.ok) throw new Error(`configuration error: ${loaded.errors.join('; ')}`);
      const config = loaded.config;
      const baseUrl = config.target.kind === 'remote' ? config.target.baseUrl : `http://127.0.0.1:${config.sandboxPort}`;
      const client = createClient({ baseUrl, auth: config.auth, timeoutMs: config.timeoutMs });
      await use({
        config,
        sandbox: config.target.kind === 'sandbox',
        authHeaders: async () => {
          const h = await client.authHeaders();
          if (!h.ok) throw new Error(`could not obtain credentials: ${h.message}`);
          return h.headers;
        },
      });
      client.close();
    },
    { scope: 'worker' },
  ],
});
export { expect };

function isLoopback(baseUrl: string): boolean {
  const host = new URL(baseUrl).hostname;
  return host === 'localhost' || host === '[::1]' || /^127\./.test(host);
}

async function politeness(config: Config): Promise<void> {
  requestsSent += 1;
  if (requestsSent > MAX_REQUESTS_PER_WORKER) {
    throw new Error(`the gate's request budget (${MAX_REQUESTS_PER_WORKER} per run) is spent: refusing to send more`);
  }
  if (config.target.kind === 'remote' && !isLoopback(config.target.baseUrl)) {
    const wait = lastRequestAt + REMOTE_MIN_GAP_MS - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    lastRequestAt = Date.now();
  }
}

/**
 * GET a path. A network-level failure (no HTTP response) is retried once, and
 * the first failure is recorded as an annotation: a retry must not hide a flake.
 * Every call is checked against the latency budget (soft: the test goes on and
 * fails at the end) and annotated when slower than the degraded threshold.
 */
export async function get(
  request: APIRequestContext,
  gate: Gate,
  path: string,
  headers: Record<string, string>,
  info: TestInfo = test.info(),
): Promise<Call> {
  const { config } = gate;
  let lastError = '';
  for (let attempt = 1; attempt <= 2; attempt++) {
    await politeness(config);
    const t0 = performance.now();
    try {
      const res = await request.get(path, { headers, timeout: config.timeoutMs, failOnStatusCode: false, maxRedirects: 0 });
      const text = await res.text();
      const ms = performance.now() - t0;
      const call: Call = {
        path,
        status: res.status(),
        contentType: res.headers()['content-type'] ?? '',
        text,
        body: undefined,
        ms,
        attempts: attempt,
      };
      try {
        call.body = JSON.parse(text);
      } catch (err) {
        call.parseError = `${text.length === 0 ? 'empty body' : (err as Error).message} (${Buffer.byteLength(text)} bytes)`;
      }
      checkLatency(call, config, info);
      return call;
    } catch (err) {
      lastError = (err as Error).message.split('\n')[0] ?? String(err);
      info.annotations.push({
        type: 'retry',
        description: `GET ${path}: attempt ${attempt} failed at the network level: ${lastError}`,
      });
    }
  }
  throw new Error(`GET ${path}: no HTTP response after 2 attempts (network-level failure): ${lastError}`);
}

function checkLatency(call: Call, config: Config, info: TestInfo): void {
  const ms = Math.round(call.ms);
  if (call.ms > config.latencyDegradedMs && call.ms <= config.latencyBudgetMs) {
    info.annotations.push({
      type: 'warning',
      description: `GET ${call.path} took ${ms} ms: above the degraded threshold CAP_LATENCY_DEGRADED_MS=${config.latencyDegradedMs}`,
    });
  }
  expect
    .soft(call.ms, `GET ${call.path} took ${ms} ms: over the latency budget CAP_LATENCY_BUDGET_MS=${config.latencyBudgetMs}`)
    .toBeLessThanOrEqual(config.latencyBudgetMs);
}

/** The body must have parsed as JSON; the failure says why and shows the start of what came. */
export function expectJsonBody(call: Call): void {
  const preview = call.text.slice(0, 80).replace(/\s+/g, ' ');
  expect(
    call.parseError,
    `GET ${call.path}: body is not valid JSON: ${call.parseError} (starts: ${JSON.stringify(preview)})`,
  ).toBeUndefined();
}

export function expectJsonContentType(call: Call): void {
  const media = call.contentType.split(';')[0]!.trim().toLowerCase();
  expect(media, `GET ${call.path}: Content-Type ${JSON.stringify(call.contentType)} is not application/json`).toBe(
    'application/json',
  );
}

/** Fail with every violation (path, rule, value seen), not just the first; attach warnings as annotations. */
export function expectValid(result: ValidationResult, what: string, info: TestInfo = test.info()): void {
  for (const w of result.warnings) info.annotations.push({ type: 'warning', description: `${what}: ${formatFinding(w)}` });
  const listing = result.errors.map((e: Finding) => `  ${formatFinding(e)}`).join('\n');
  expect(result.errors, `${what}: ${result.errors.length} contract violation(s):\n${listing}`).toEqual([]);
}
