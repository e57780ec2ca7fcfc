// GET|HEAD /v2/customers/{customerId}/trackers, and the only route faults touch
// (control, health and token routes stay reliable so a test can always undo a fault).
//
// Order of checks, as a gateway in front of the real service would do them:
//   route (404, in app.ts) → method (405) → authentication (401) → customerId (400) → lookup (200 | 8015).
// Authentication before the id check means an anonymous caller learns nothing,
// not even whether an id is well-formed.
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Clock } from '../src/clock.ts';
import type { Authenticator } from './auth.ts';
import { OAUTH_TOKEN_HEADER, WWW_AUTHENTICATE } from './auth.ts';
import { encodeAnswer } from './content-coding.ts';
import { parseCustomerId } from './customer-id.ts';
import type { CustomerBody, CustomerStore } from './data.ts';
import { MESSAGES, errorEnvelope } from './envelopes.ts';
import type { FaultSpec } from './faults.ts';
import { DEFAULT_ERROR_STATUS, htmlErrorPage, malformJson, mergeFaults, parseFaultSpec, truncateBody } from './faults.ts';
import { JSON_TYPE, mayHaveBody, requestSignal, sendJson, sendText, sleep, trickle, untilAborted } from './http-io.ts';
import type { Mutation, ResponseDraft } from './mutations.ts';
import { findMutation } from './mutations.ts';

export const TRACKERS_ROUTE = /^\/v2\/customers\/([^/]*)\/trackers$/;
export const FAULT_HEADER = 'x-sandbox-fault';
export const FAULT_QUERY = 'sandbox_fault';

/** What the route needs from the sandbox instance that owns it. */
export interface TrackersContext {
  auth: Authenticator;
  customers: CustomerStore;
  notFoundStatus: number;
  notFoundText: string;
  globalFaults(): FaultSpec;
  /** Aborts when the sandbox closes: pending delays and hangs end then. */
  closing(): AbortSignal;
  /** Times the latency, jitter and trickle faults. */
  clock: Clock;
  record(status: number | string): void;
}

/** Thrown by the `crash` fault; the app answers it like any bug (JSON 500) but does not log it. */
export class InjectedCrash extends Error {
  constructor() {
    super('sandbox fault "crash": deliberate exception in the trackers handler');
    this.name = 'InjectedCrash';
  }
}

type Outcome = 'success' | 'not-found' | 'auth' | 'bad-request' | 'injected';

// The fixed answers, encoded once: a load test gets them thousands of times a second.
const UNAUTHORIZED = encoded(errorEnvelope(401, MESSAGES.unauthorized));
const BAD_CUSTOMER_ID = encoded(errorEnvelope(400, MESSAGES.badCustomerId));
// Per sandbox instance (its notFoundText), made on first use.
const notFoundBodies = new WeakMap<TrackersContext, CustomerBody>();

function encoded(text: string): CustomerBody {
  return { text, bytes: Buffer.from(text, 'utf8') };
}

/**
 * Basic credentials that passed, per authenticator, so a load test's one header is
 * checked once rather than hashed twice per request. Only successes are kept (a wrong
 * header always pays the full constant-time check), only for Basic (a token expires),
 * and at most a few headers, so a sweep of credentials cannot grow memory.
 */
const basicPassed = new WeakMap<Authenticator, Set<string>>();
const MAX_CACHED_HEADERS = 64;

function authenticate(auth: Authenticator, headers: IncomingHttpHeaders): boolean {
  const authorization = headers.authorization;
  const token = headers[OAUTH_TOKEN_HEADER];
  const basicOnly = typeof authorization === 'string' && (token === undefined || token === '');
  let passed = basicPassed.get(auth);
  if (basicOnly && passed?.has(authorization)) return true;
  const ok = auth.authenticate(headers);
  if (ok && basicOnly) {
    if (!passed) basicPassed.set(auth, (passed = new Set()));
    if (passed.size >= MAX_CACHED_HEADERS) passed.delete(passed.values().next().value!);
    passed.add(authorization);
  }
  return ok;
}

/** The endpoint's own answer, before response-level faults; bytes is draft.text encoded. */
function answer(
  ctx: TrackersContext,
  req: IncomingMessage,
  rawSegment: string,
  mutation: Mutation | undefined,
): { draft: ResponseDraft; outcome: Outcome; bytes: Buffer } {
  let authenticated = authenticate(ctx.auth, req.headers);
  if (mutation?.applies === 'auth') authenticated = mutation.apply(authenticated);
  if (!authenticated) return { outcome: 'auth', ...drafted(401, UNAUTHORIZED) };
  const id = parseCustomerId(rawSegment);
  if (id === undefined) return { outcome: 'bad-request', ...drafted(400, BAD_CUSTOMER_ID) };
  const body = ctx.customers.lookupBody(id);
  if (body !== undefined) return { outcome: 'success', ...drafted(200, body) };
  let notFound = notFoundBodies.get(ctx);
  if (notFound?.text !== ctx.notFoundText) notFoundBodies.set(ctx, (notFound = encoded(ctx.notFoundText)));
  return { outcome: 'not-found', ...drafted(ctx.notFoundStatus, notFound) };
}

function drafted(status: number, { text, bytes }: CustomerBody): { draft: ResponseDraft; bytes: Buffer } {
  return { draft: { status, contentType: JSON_TYPE, text }, bytes };
}

/** Faults asked for by this request: header first, then the query parameter (both must parse). */
function requestFaults(
  req: IncomingMessage,
  query: URLSearchParams,
): { ok: true; spec: FaultSpec } | { ok: false; error: string } {
  let spec: FaultSpec = {};
  const header = req.headers[FAULT_HEADER];
  const sources = [typeof header === 'string' ? header : undefined, query.get(FAULT_QUERY) ?? undefined];
  for (const source of sources) {
    if (source === undefined) continue;
    const parsed = parseFaultSpec(source);
    if (!parsed.ok) return parsed;
    spec = { ...spec, ...parsed.spec };
  }
  return { ok: true, spec };
}

export async function handleTrackers(
  ctx: TrackersContext,
  req: IncomingMessage,
  res: ServerResponse,
  rawSegment: string,
  query: URLSearchParams,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendJson(res, 405, errorEnvelope(405, MESSAGES.methodNotAllowed), { Allow: 'GET, HEAD' });
    return ctx.record(405);
  }
  const asked = requestFaults(req, query);
  if (!asked.ok) {
    sendJson(res, 400, errorEnvelope(400, `invalid sandbox fault: ${asked.error}`));
    return ctx.record(400);
  }
  const faults = mergeFaults(ctx.globalFaults(), asked.spec);
  let signal: AbortSignal | undefined;
  // Made only when the request has to wait: most requests carry no fault.
  const gone = () => (signal ??= requestSignal(res, ctx.closing()));

  const delay = (faults.latency ?? 0) + Math.random() * (faults.jitter ?? 0);
  if (delay > 0 && !(await sleep(delay, gone(), ctx.clock))) return ctx.record('aborted');
  if (faults.hang) {
    await untilAborted(gone());
    return ctx.record('hang');
  }
  if (faults.reset) {
    // An RST, not a FIN: the client sees ECONNRESET, as when a proxy drops the connection.
    req.socket.resetAndDestroy();
    return ctx.record('reset');
  }
  if (faults.crash) throw new InjectedCrash();

  const mutation = faults.mutation === undefined ? undefined : findMutation(faults.mutation);
  let draft: ResponseDraft;
  let outcome: Outcome;
  // The answer's text and its bytes: sent as they are unless a mutation or fault rewrote the text.
  let bytes: Buffer | undefined;
  let answeredText: string | undefined;
  const errorRate = faults['error-rate'] ?? 0;
  if (errorRate > 0 && Math.random() < errorRate) {
    const status = faults['error-status'] ?? DEFAULT_ERROR_STATUS;
    outcome = 'injected';
    draft = {
      status,
      contentType: JSON_TYPE,
      text: errorEnvelope(status, `${STATUS_CODES[status] ?? 'Error'} (sandbox fault error-rate)`),
    };
  } else {
    ({ draft, outcome, bytes } = answer(ctx, req, rawSegment, mutation));
    answeredText = draft.text;
  }
  if (mutation && mutation.applies !== 'auth' && (mutation.applies === outcome || mutation.applies === 'content-type')) {
    draft = mutation.apply(draft);
  }

  if (faults.status !== undefined) draft = { ...draft, status: faults.status };
  const contentType = faults['content-type'];
  if (contentType !== undefined) {
    draft = { ...draft, contentType, text: /^text\/html\b/i.test(contentType) ? htmlErrorPage(draft.status) : draft.text };
  }
  if (faults['malformed-json']) draft = { ...draft, text: malformJson(draft.text) };
  // === on the same string is a pointer check; a rewritten text is another string and is encoded.
  let body: Buffer = bytes !== undefined && draft.text === answeredText ? bytes : Buffer.from(draft.text, 'utf8');
  if (faults['truncated-json']) body = truncateBody(body);
  let extra: Record<string, string> = outcome === 'auth' ? { 'WWW-Authenticate': WWW_AUTHENTICATE } : {};
  if (mayHaveBody(draft.status)) {
    const coded = encodeAnswer(body, faults, req.headers['accept-encoding']);
    body = coded.body;
    extra = { ...extra, ...coded.headers };
  }

  if (faults.trickle !== undefined && req.method === 'GET' && mayHaveBody(draft.status)) {
    res.writeHead(draft.status, { 'Content-Type': draft.contentType, 'Content-Length': String(body.length), ...extra });
    if (!(await trickle(res, body, faults.trickle, gone(), ctx.clock))) return ctx.record('aborted');
  } else {
    sendText(res, draft.status, draft.contentType, body, extra);
  }
  ctx.record(draft.status);
}
