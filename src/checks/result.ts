// What a check decides, in one shape for every caller: the gate turns it into
// expectations and steps, the monitor into metrics, the CLIs into exit codes.
// A check never throws; a failure carries exactly one reason from REASONS,
// picked in a fixed order (transport → status → content encoding/media type/JSON
// → contract → latency), so the most specific cause wins and the same fault
// always counts the same way.
import type { ClientResult, FailureReason, RecordedExchange, Timings } from '../client.ts';
import type { Config } from '../config/api.ts';
import type { Finding } from '../validate.ts';

/**
 * - trackers: the existing customer answers 200 with a valid tracker list.
 * - not_found: the missing customer answers the 8015 envelope with an accepted status.
 * - auth: no credentials, and wrong credentials, each get 401 or 403 and no tracker data.
 * - bad_input: malformed customerIds get a 4xx JSON error envelope, never a 5xx, never data.
 */
export const CHECK_NAMES = ['trackers', 'not_found', 'auth', 'bad_input'] as const;
export type CheckName = (typeof CHECK_NAMES)[number];

/**
 * pass: the contract holds. fail: an answer broke it. inconclusive: no request got an HTTP answer
 * (refused, DNS, TLS, a time-out), so nothing about the contract can be said from here.
 */
export type Verdict = 'pass' | 'fail' | 'inconclusive';

/** Why a check did not pass. A bounded set, so it can be a metric label; each is explained in REASON_MEANINGS. */
export const REASONS = [
  'timeout',
  'connect_error',
  'dns_error',
  'tls_error',
  'auth_error',
  'auth_not_enforced',
  'http_5xx',
  'http_4xx',
  'unexpected_status',
  'bad_content_encoding',
  'bad_content_type',
  'invalid_json',
  'body_too_large',
  'schema_violation',
  'error_code_mismatch',
  'bad_input_accepted',
  'latency_budget_exceeded',
  'probe_error',
] as const;
export type Reason = (typeof REASONS)[number];

/** What each reason means, one line each: docs/reference.md is generated from it. */
export const REASON_MEANINGS: Readonly<Record<Reason, string>> = {
  timeout: 'no complete response within the timeout',
  connect_error: 'refused, reset (also mid-body), or another socket error',
  dns_error: 'the host name did not resolve',
  tls_error: 'the TLS handshake or the certificate failed',
  auth_error: 'the configured credentials were refused (401/403), or no OAuth token could be obtained',
  auth_not_enforced: 'auth check: a request without valid credentials was not refused, or got tracker data',
  http_5xx: "any 5xx, before the body is looked at (a proxy's HTML error page is still a 5xx)",
  http_4xx: 'a 4xx other than 401/403 that the check does not accept',
  unexpected_status: 'any other status the check does not accept (a 3xx, a 204, a 200 where 8015 is due and 200 is not accepted)',
  bad_content_encoding:
    "the body does not decode as its Content-Encoding says (a header that lies, a truncated compressed stream, a coding the client did not ask for: src/content-encoding.ts); a consumer's HTTP stack would fail to read it",
  bad_content_type: 'the media type is not JSON (src/media-type.ts)',
  invalid_json: 'a JSON media type with a body that does not parse (malformed, truncated, empty)',
  body_too_large: "the body exceeded the client's cap (10 MiB), as received or once decoded (a decompression bomb)",
  schema_violation: 'the body breaks the contract (the findings name each JSON path and rule)',
  error_code_mismatch:
    'not_found: the answer is not the 8015 error envelope (another code, or a success envelope such as 200 with empty data); wins over the schema findings, which are still reported',
  bad_input_accepted: 'bad_input: a malformed customerId got tracker data, or an answer that is not a 4xx error',
  latency_budget_exceeded: 'a correct answer, slower than the latency budget',
  probe_error:
    'our own fault (a request we could not build, a bug in a check): says nothing about the API or the network, so it is kept apart from connect_error, which runbooks read as connectivity',
};

const TRANSPORT: readonly Reason[] = ['timeout', 'connect_error', 'dns_error', 'tls_error', 'probe_error'];
const RESPONSE: readonly Reason[] = [
  'auth_error',
  'http_5xx',
  'http_4xx',
  'unexpected_status',
  'bad_content_encoding',
  'bad_content_type',
  'invalid_json',
  'body_too_large',
  'schema_violation',
  'latency_budget_exceeded',
];

/** The reasons each check can give: a metric pre-creates these series and no others. */
export const REASONS_BY_CHECK: Readonly<Record<CheckName, readonly Reason[]>> = {
  trackers: [...TRANSPORT, ...RESPONSE],
  not_found: [...TRANSPORT, ...RESPONSE, 'error_code_mismatch'],
  auth: [...TRANSPORT, 'auth_error', 'auth_not_enforced', 'http_5xx', 'http_4xx', 'unexpected_status'],
  bad_input: [
    ...TRANSPORT,
    'http_5xx',
    'bad_content_encoding',
    'bad_content_type',
    'invalid_json',
    'body_too_large',
    'schema_violation',
    'bad_input_accepted',
  ],
};

/** Reasons that mean no HTTP answer arrived: the verdict is inconclusive, not fail. */
export const NO_ANSWER_REASONS: ReadonlySet<Reason> = new Set(['timeout', 'connect_error', 'dns_error', 'tls_error']);

/** What a check needs of the configuration (a monitor target's config has it too). */
export type CheckSettings = Pick<
  Config,
  'customerId' | 'missingCustomerId' | 'notFoundStatuses' | 'latencyBudgetMs' | 'latencyDegradedMs' | 'auth'
>;

/** One request a check sent and what came of it: a gate step, a line of a report. Holds no credential. */
export interface CheckStep {
  /** What was asked, for people: "GET /v2/customers/98662653/trackers with no credentials". */
  title: string;
  path: string;
  /** HTTP status, when an answer arrived. */
  status?: number;
  timings: Timings;
  /** The body's bytes as received, and once its Content-Encoding was undone (the client result's two sizes). */
  bodySize: number;
  decodedBodySize: number;
  /** The client fetched a new OAuth token after a 401 and retried once. */
  authRefreshed: boolean;
  /** This request alone: pass, or why not. */
  verdict: Verdict;
  reason?: Reason;
  message: string;
  /**
   * The exchange itself (headers and body, credentials redacted), for a failure bundle (src/har.ts). Lives
   * as long as the result: drop it (withoutRecordings) before keeping a result for longer.
   */
  recorded?: RecordedExchange;
}

export interface CheckResult {
  check: CheckName;
  verdict: Verdict;
  /** Set exactly when the verdict is not pass. */
  reason?: Reason;
  /** One line for people: what happened. Holds no credential (the client never puts one in a message). */
  message: string;
  /** Contract violations, each with JSON path, rule and value seen. */
  errors: Finding[];
  /** Additive changes and data quality: never a failure. */
  warnings: Finding[];
  /** Every request, in the order sent (at least one, unless the check could not start). */
  steps: CheckStep[];
  /** A complete, correct answer slower than the degraded threshold (but within the budget). */
  degraded: boolean;
  /** Trackers in data[], when a JSON body was read. */
  trackerCount?: number;
}

const MAX_MESSAGE_CHARS = 300;

/** One line, bounded: messages travel into logs, JUnit attributes and metric-adjacent places. */
export function clip(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_MESSAGE_CHARS ? `${oneLine.slice(0, MAX_MESSAGE_CHARS)}…` : oneLine;
}

export function ms(value: number): string {
  return `${Math.round(value)} ms`;
}

/** The client's failure reasons, as check reasons. `undefined`: a response arrived; judge its status first. */
const FROM_CLIENT = {
  timeout: 'timeout',
  connection_refused: 'connect_error',
  connection_reset: 'connect_error',
  network: 'connect_error',
  dns: 'dns_error',
  tls: 'tls_error',
  auth_token: 'auth_error',
  body_too_large: 'body_too_large',
  bad_content_encoding: undefined,
  non_json_content_type: undefined,
  invalid_json: undefined,
  // A request the client could not build (e.g. a token Node refuses as a header): ours to fix, not the API's.
  invalid_request: 'probe_error',
} as const satisfies Record<FailureReason, Reason | undefined>;

/** The verdict a reason implies. */
export function verdictOf(reason: Reason | undefined): Verdict {
  if (reason === undefined) return 'pass';
  return NO_ANSWER_REASONS.has(reason) ? 'inconclusive' : 'fail';
}

/**
 * A failure that is not about the answer's content: no answer, a body we could not read, a request we
 * could not send. `undefined`: an answer arrived whole; the check judges it.
 */
export function transportFailure(r: ClientResult): { reason: Reason; message: string } | undefined {
  const took = ms(r.timings.totalMs);
  const reason = r.failure ? FROM_CLIENT[r.failure.reason] : undefined;
  if (r.failure && reason) {
    // A reset after the headers: an answer began, but not a whole one; still the network's doing.
    return { reason, message: `${r.failure.message} after ${took}` };
  }
  if (r.status === undefined) return { reason: 'connect_error', message: `no response after ${took}` };
  return undefined;
}

/** A step from a client result and the judgement of that one request. */
export function stepOf(title: string, r: ClientResult, reason: Reason | undefined, message: string): CheckStep {
  return {
    title,
    path: r.path,
    status: r.status,
    timings: r.timings,
    bodySize: r.bodySize,
    decodedBodySize: r.decodedBodySize,
    authRefreshed: r.authRefreshed === true,
    verdict: verdictOf(reason),
    reason,
    message: clip(message),
    ...(r.recorded ? { recorded: r.recorded } : {}),
  };
}

/** The result without its recorded exchanges: what is kept, sent or written beside a bundle. */
export function withoutRecordings<T extends CheckResult>(r: T): T {
  if (!r.steps.some((s) => s.recorded)) return r;
  return { ...r, steps: r.steps.map(({ recorded: _, ...step }) => step) };
}

/** The trackers in a body's data[], if it has an array there. */
export function trackersIn(body: unknown): number {
  const data = (body as { data?: unknown } | null | undefined)?.data;
  return Array.isArray(data) ? data.length : 0;
}

/** "error 503: Service Unavailable" from an error envelope, if the body is one. */
export function serverSays(body: unknown): string {
  const errors = (body as { errors?: unknown } | null | undefined)?.errors;
  const first: unknown = Array.isArray(errors) ? errors[0] : undefined;
  if (!first || typeof first !== 'object') return '';
  const { code, message } = first as { code?: unknown; message?: unknown };
  return ` (error ${clip(String(code)).slice(0, 20)}: ${clip(String(message)).slice(0, 120)})`;
}

/** A result made of one step (the trackers and not_found checks). */
export function singleStepResult(
  check: CheckName,
  step: CheckStep,
  extra: Partial<Pick<CheckResult, 'errors' | 'warnings' | 'degraded' | 'trackerCount'>> = {},
): CheckResult {
  return {
    check,
    verdict: step.verdict,
    reason: step.reason,
    message: step.message,
    errors: extra.errors ?? [],
    warnings: extra.warnings ?? [],
    steps: [step],
    degraded: extra.degraded ?? false,
    trackerCount: extra.trackerCount,
  };
}

/**
 * A result made of several requests (auth, bad_input): the first failing step decides; else, when one got
 * no answer, the check is inconclusive; else it passes.
 */
export function combine(
  check: CheckName,
  steps: CheckStep[],
  passMessage: string,
  extra: Partial<CheckResult> = {},
): CheckResult {
  const decisive = steps.find((s) => s.verdict === 'fail') ?? steps.find((s) => s.verdict === 'inconclusive');
  return {
    check,
    verdict: decisive?.verdict ?? 'pass',
    reason: decisive?.reason,
    message: decisive ? clip(`${decisive.title}: ${decisive.message}`) : clip(passMessage),
    errors: extra.errors ?? [],
    warnings: extra.warnings ?? [],
    steps,
    degraded: false,
    trackerCount: extra.trackerCount,
  };
}

// What a result's readers derive from it, here once, rather than stored beside the verdict.

export function passed(r: CheckResult): boolean {
  return r.verdict === 'pass';
}

/** Some request of the check got an HTTP answer (exit 3 needs none to have). */
export function answered(r: CheckResult): boolean {
  return r.steps.some((s) => s.status !== undefined);
}

/** Every request of the check, end to end (a monotonic clock): 0 when it sent none. */
export function durationMs(r: CheckResult): number {
  return r.steps.reduce((sum, s) => sum + s.timings.totalMs, 0);
}

/** The last request sent: its status and timings stand for the check's (blackbox_exporter's view of a probe). */
export function lastStep(r: CheckResult): CheckStep | undefined {
  return r.steps[r.steps.length - 1];
}

/** Body bytes over every request. */
export function bodySize(r: CheckResult): number {
  return r.steps.reduce((sum, s) => sum + s.bodySize, 0);
}

/** Body bytes of every request of the check once their Content-Encoding was undone: what was judged. */
export function decodedBodySize(r: CheckResult): number {
  return r.steps.reduce((sum, s) => sum + s.decodedBodySize, 0);
}

/** The client fetched a new OAuth token after a 401 and retried once, on some request: a hidden retry. */
export function authRefreshed(r: CheckResult): boolean {
  return r.steps.some((s) => s.authRefreshed);
}
