// One synthetic probe: call the endpoint through the project's client, judge the
// answer, return a result object. Like blackbox_exporter's ProbeFn it never
// throws; a failure carries exactly one reason from PROBE_REASONS, picked in a
// fixed order (transport → status → media type/JSON → contract → latency), so
// the most specific cause wins and the same fault always counts the same way.
// Recording (metrics, history) is the loop's job, not this file's.
import type { ClientResult, FailureReason, TrackersClient } from '../src/client.ts';
import type { Config } from '../src/config.ts';
import { formatFinding } from '../src/format-findings.ts';
import { validateResponse, type Finding } from '../src/validate.ts';

/** trackers: the existing customer gets 200 and a valid tracker list. not_found: the missing one gets 8015. */
export const CHECKS = ['trackers', 'not_found'] as const;
export type Check = (typeof CHECKS)[number];

/**
 * Why a probe failed. One per failed probe; a bounded set, so it can be a metric label.
 * - timeout: no complete response within the timeout
 * - connect_error: refused, reset (also mid-body), or another socket error
 * - dns_error, tls_error: name resolution, TLS handshake or certificate
 * - auth_error: credentials refused (401/403) or no OAuth token could be obtained
 * - http_5xx: any 5xx (before looking at the body: a proxy's HTML error page is still a 5xx)
 * - http_4xx: a 4xx other than 401/403 that the check does not accept
 * - unexpected_status: any other status the check does not accept (3xx, 204, a 200 where 8015 is due and 200 is not accepted)
 * - bad_content_type: the media type is not JSON
 * - invalid_json: JSON media type, unparsable body (malformed, truncated, empty)
 * - body_too_large: the body exceeded the client's cap (10 MiB)
 * - schema_violation: the body breaks the contract (validator errors)
 * - error_code_mismatch: not_found check only: the answer is not the 8015 error envelope (another code, or a
 *   success envelope such as 200 with empty data and no error: the contract break is that 8015 is lost, so this
 *   wins over the schema findings, which are still in `errors`)
 * - latency_budget_exceeded: a correct answer, slower than the latency budget
 * - probe_error: the monitor's own fault (a request it could not build, a bug in the probe): says nothing about
 *   the API or the network, so it is kept apart from connect_error, which runbooks read as connectivity
 */
export const PROBE_REASONS = [
  'timeout',
  'connect_error',
  'dns_error',
  'tls_error',
  'auth_error',
  'http_5xx',
  'http_4xx',
  'unexpected_status',
  'bad_content_type',
  'invalid_json',
  'body_too_large',
  'schema_violation',
  'error_code_mismatch',
  'latency_budget_exceeded',
  'probe_error',
] as const;
export type ProbeReason = (typeof PROBE_REASONS)[number];

/** The client's failure reasons, as probe reasons. `undefined`: a response arrived; judge its status first. */
const FROM_CLIENT = {
  timeout: 'timeout',
  connection_refused: 'connect_error',
  connection_reset: 'connect_error',
  network: 'connect_error',
  dns: 'dns_error',
  tls: 'tls_error',
  auth_token: 'auth_error',
  body_too_large: 'body_too_large',
  non_json_content_type: undefined,
  invalid_json: undefined,
  // A request the client could not build (e.g. a token Node refuses as a header): ours to fix, not the API's.
  invalid_request: 'probe_error',
} as const satisfies Record<FailureReason, ProbeReason | undefined>;

/** What a probe needs to know about its target (monitor/targets.ts MonitorTarget has it). */
export interface ProbeTarget {
  name: string;
  config: Pick<Config, 'customerId' | 'missingCustomerId' | 'notFoundStatuses' | 'latencyBudgetMs' | 'latencyDegradedMs'>;
}

export interface ProbeOptions {
  /** Extra request headers, e.g. X-Sandbox-Fault for a demo or a test (only the sandbox understands it). */
  headers?: Record<string, string>;
}

export interface ProbeResult {
  target: string;
  check: Check;
  success: boolean;
  /** Set exactly when success is false. */
  reason?: ProbeReason;
  /** One line for people: what happened. Holds no credential (the client never puts one in a message). */
  message: string;
  /** HTTP status, when a response arrived. */
  httpStatus?: number;
  /** Wall-clock start, epoch ms. */
  startedAt: number;
  /** Whole request, monotonic clock. */
  durationMs: number;
  /** Time to the response headers. */
  ttfbMs?: number;
  /** Slower than the degraded threshold but within the budget (a complete response only). */
  degraded: boolean;
  /** Trackers in data[], when a JSON body was read. */
  trackerCount?: number;
  bodySize: number;
  /** Contract violations found in the body. */
  errors: Finding[];
  /** Data-quality findings and additive changes: never a failure. */
  warnings: Finding[];
  /** The client fetched a new OAuth token after a 401 and retried once: a hidden retry, counted apart. */
  authRefreshed: boolean;
}

const MAX_MESSAGE_CHARS = 300;

function clip(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_MESSAGE_CHARS ? `${oneLine.slice(0, MAX_MESSAGE_CHARS)}…` : oneLine;
}

/** "error 503: Service Unavailable" from an error envelope, if the body is one. */
function serverSays(body: unknown): string {
  const errors = (body as { errors?: unknown } | null)?.errors;
  const first = Array.isArray(errors) ? (errors[0] as { code?: unknown; message?: unknown } | undefined) : undefined;
  if (!first || typeof first !== 'object') return '';
  return ` (error ${String(first.code)}: ${String(first.message)})`;
}

function ms(value: number): string {
  return `${Math.round(value)} ms`;
}

/** Which status a check accepts, or the reason it fails with. */
function judgeStatus(status: number, check: Check, accepted: readonly number[]): ProbeReason | undefined {
  if (status >= 500) return 'http_5xx';
  if (status === 401 || status === 403) return 'auth_error';
  const ok = check === 'trackers' ? status === 200 : accepted.includes(status);
  if (ok) return undefined;
  return status >= 400 && status < 500 ? 'http_4xx' : 'unexpected_status';
}

async function run(client: TrackersClient, target: ProbeTarget, check: Check, options: ProbeOptions): Promise<ProbeResult> {
  const { config } = target;
  const customerId = check === 'trackers' ? config.customerId : config.missingCustomerId;
  const r: ClientResult = await client.getTrackers(customerId, { headers: options.headers });
  const result: ProbeResult = {
    target: target.name,
    check,
    success: false,
    message: '',
    httpStatus: r.status,
    startedAt: r.timings.startedAt,
    durationMs: r.timings.totalMs,
    ttfbMs: r.timings.ttfbMs,
    degraded: false,
    bodySize: r.bodySize,
    errors: [],
    warnings: [],
    authRefreshed: r.authRefreshed === true,
  };
  const fail = (reason: ProbeReason, message: string): ProbeResult => {
    result.reason = reason;
    result.message = clip(message);
    return result;
  };
  const took = ms(r.timings.totalMs);

  const transport = r.failure ? FROM_CLIENT[r.failure.reason] : undefined;
  if (r.failure && transport) return fail(transport, `${r.failure.message} after ${took}`);
  if (r.status === undefined) return fail('connect_error', `no response after ${took}`);

  const statusReason = judgeStatus(r.status, check, config.notFoundStatuses);
  if (statusReason) {
    const expected = check === 'trackers' ? '200' : `one of ${config.notFoundStatuses.join(', ')} with error 8015`;
    return fail(statusReason, `HTTP ${r.status}${serverSays(r.body)}, expected ${expected}, after ${took}`);
  }
  if (r.failure?.reason === 'non_json_content_type') return fail('bad_content_type', `HTTP ${r.status}: ${r.failure.message}`);
  if (r.failure?.reason === 'invalid_json') return fail('invalid_json', `HTTP ${r.status}: ${r.failure.message}`);

  const validation =
    check === 'trackers'
      ? validateResponse(r.body, { expect: 'success' })
      : validateResponse(r.body, { expect: 'error', errorCode: 8015 });
  result.errors = validation.errors;
  result.warnings = validation.warnings;
  result.trackerCount = validation.trackerCount;
  if (!validation.ok) {
    const first = validation.errors[0]!;
    const lost8015 = check === 'not_found' && validation.errors.some((e) => e.rule === 'envelope' || e.rule === 'error_code');
    const summary = `${validation.errors.length} contract violation(s), first: ${formatFinding(first)}`;
    if (lost8015) {
      const envelope = validation.errors.find((e) => e.rule === 'envelope' || e.rule === 'error_code')!;
      return fail('error_code_mismatch', `HTTP ${r.status}: no 8015 for the missing customer: ${formatFinding(envelope)}`);
    }
    return fail('schema_violation', `HTTP ${r.status}: ${summary}`);
  }

  if (r.timings.totalMs > config.latencyBudgetMs) {
    return fail('latency_budget_exceeded', `HTTP ${r.status}, valid, but took ${took} (budget ${config.latencyBudgetMs} ms)`);
  }
  result.degraded = r.timings.totalMs > config.latencyDegradedMs;
  result.success = true;
  const what = check === 'trackers' ? `${validation.trackerCount} tracker(s)` : 'error 8015';
  const warned = validation.warnings.length > 0 ? `, ${validation.warnings.length} warning(s)` : '';
  const slow = result.degraded ? ` (degraded: over ${config.latencyDegradedMs} ms)` : '';
  result.message = `HTTP ${r.status}, ${what}${warned}, ${took}${slow}`;
  return result;
}

/** Probe one check of one target. Never throws: even a bug below comes back as a failed result. */
export async function probe(
  client: TrackersClient,
  target: ProbeTarget,
  check: Check,
  options: ProbeOptions = {},
): Promise<ProbeResult> {
  const startedAt = Date.now();
  try {
    return await run(client, target, check, options);
  } catch (err) {
    // The client never throws, so this is our bug, not the API's or the network's; still a result, so the loop and
    // the metrics carry on.
    return {
      target: target.name,
      check,
      success: false,
      reason: 'probe_error',
      message: clip(`probe error: ${err instanceof Error ? err.message : String(err)}`),
      startedAt,
      durationMs: Date.now() - startedAt,
      degraded: false,
      bodySize: 0,
      errors: [],
      warnings: [],
      authRefreshed: false,
    };
  }
}
