// The only place that speaks HTTP to the endpoint and its token service. Every
// call returns a result object and never throws; a failure carries one reason
// from a fixed set. Credentials go into request headers and nowhere else: no
// result, message or log line holds them.
import http from 'node:http';
import https from 'node:https';
import { ACCEPT_ENCODING, decodeBody } from './content-encoding.ts';
import { checkJsonBytes } from './json-bytes.ts';
import { describeJsonProblem, parseJson } from './json-position.ts';
import { isJsonMediaType } from './media-type.ts';
import { AuthProvider, OAUTH_TOKEN_HEADER, OAUTH_TOKEN_PATH, type IssuedToken, type TokenFetch } from './auth.ts';
import type { Config } from './config/api.ts';
import type { AuthConfig } from './config/credentials.ts';
import { systemClock, type Clock } from './clock.ts';
import { Secret } from './secret.ts';
import { socketFailure } from './socket-failure.ts';

export const FAILURE_REASONS = [
  'timeout',
  'connection_refused',
  'connection_reset',
  'dns',
  'tls',
  'network',
  'body_too_large',
  'bad_content_encoding',
  'invalid_json',
  'non_json_content_type',
  'auth_token',
  'invalid_request',
] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];

export interface Timings {
  /** Wall-clock start (epoch ms), for reports; durations below use a monotonic clock. */
  startedAt: number;
  dnsMs?: number;
  connectMs?: number;
  tlsMs?: number;
  /** Time to the first byte of the response (headers received). */
  ttfbMs?: number;
  /** To the last byte on the wire: decoding and parsing the body are not the server's time. */
  totalMs: number;
}

export interface ClientResult {
  /** True when a complete response with a JSON body arrived, whatever its HTTP status. */
  ok: boolean;
  method: string;
  /** Path and query, never the host's credentials (there are none in it). */
  path: string;
  status?: number;
  headers: Record<string, string>;
  contentType?: string;
  /** Bytes of the body as received, before its Content-Encoding is undone (HAR's bodySize). */
  bodySize: number;
  /** Bytes of the body once decoded, what was judged (HAR's content.size); 0 until a body decoded whole. */
  decodedBodySize: number;
  bodyText?: string;
  /**
   * The decoded body's bytes: bodyText is them as UTF-8, with invalid sequences replaced (a relay must
   * pass the bytes on). Absent when the body did not decode.
   */
  bodyBytes?: Buffer;
  body?: unknown;
  timings: Timings;
  failure?: { reason: FailureReason; message: string };
  /** A generated OAuth token was refused (401) and a fresh one was used for a second attempt. */
  authRefreshed?: boolean;
  /** The exchange as a HAR entry needs it (src/har.ts), credentials redacted; absent when no request was built. */
  recorded?: RecordedExchange;
}

/** Credential headers carry this instead of their value in a recording. */
export const REDACTED = '[redacted]';

/**
 * Which credentials a request carried, never their value: the configured ones, none, or other ones
 * (the auth check's wrong password or token). A replay sorts requests by it; reproduce.sh rebuilds them.
 */
export type CredentialsKind = 'configured' | 'none' | 'wrong';

/** What a failure bundle keeps of one exchange. Holds no credential. */
export interface RecordedExchange {
  method: string;
  url: string;
  /** In the order sent; credential headers' values are REDACTED. */
  requestHeaders: [string, string][];
  credentials: CredentialsKind;
  /** Absent when no response arrived. */
  response?: {
    httpVersion: string;
    statusText: string;
    /** As received (raw order and case), credential-looking ones REDACTED. */
    headers: [string, string][];
    /**
     * The decoded body as text, or the body as received in base64 when it did not decode; cut at
     * the capture cap (truncated), so a recording kept for a failure stays bounded.
     */
    bodyText?: string;
    bodyEncoding?: 'base64';
    truncated: boolean;
  };
}

export interface ClientOptions {
  baseUrl: string;
  auth: AuthConfig;
  timeoutMs: number;
  /**
   * Cap on the body (default 10 MiB), as received and once decoded: a runaway response, or a small
   * compressed one that expands without bound, must not exhaust memory.
   */
  maxBodyBytes?: number;
  /** Reuse connections (default false: each probe pays for its own connection, as blackbox_exporter does). */
  keepAlive?: boolean;
  /**
   * Times every exchange, arms its timeout and ages a generated token (default systemClock): with a
   * manual clock a test decides what is late, so the latency budget and the timeout are rules it can
   * step through instead of races it sleeps through.
   */
  clock?: Clock;
  /** Cap on the body a recording keeps (default 5 MiB): a failure bundle must stay small enough to open. */
  captureBodyBytes?: number;
}

export interface RequestOptions {
  /** Extra headers, e.g. X-Sandbox-Fault (understood only by the sandbox). */
  headers?: Record<string, string>;
  /** 'none' sends no credentials (auth-enforcement checks); 'configured' is the default. */
  auth?: 'configured' | 'none';
  /** Replace the configured credentials with these headers (e.g. a wrong password). */
  authHeaders?: Record<string, string>;
  query?: Record<string, string>;
}

const DEFAULT_MAX_BODY = 10 * 1024 * 1024;
export const DEFAULT_CAPTURE_BODY = 5 * 1024 * 1024;

/** Node lower-cases received header names: OAUTH_TOKEN_HEADER as it is matched here. */
const TOKEN_HEADER = OAUTH_TOKEN_HEADER.toLowerCase();
const CREDENTIAL_HEADERS = new Set(['authorization', TOKEN_HEADER, 'cookie', 'set-cookie', 'proxy-authorization']);

function redactedPairs(pairs: [string, string][]): [string, string][] {
  return pairs.map(([k, v]) => [k, CREDENTIAL_HEADERS.has(k.toLowerCase()) ? REDACTED : v]);
}

function rawPairs(raw: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i]!, raw[i + 1]!]);
  return out;
}

/** A URL's user:password, if a library caller put one there, is a credential too. */
function withoutUserinfo(url: URL): string {
  if (!url.username && !url.password) return url.href;
  const copy = new URL(url.href);
  copy.username = '';
  copy.password = '';
  return copy.href;
}

/**
 * At most `cap` bytes of a body, as text (or base64 when it is the undecodable wire body). `decoded`: the
 * whole body as UTF-8 already, reused when it fits, so a probe does not decode its body twice.
 */
function capturedBody(bytes: Buffer, cap: number, base64: boolean, decoded?: string): { text: string; truncated: boolean } {
  if (decoded !== undefined && !base64 && bytes.length <= cap) return { text: decoded, truncated: false };
  const kept = bytes.length > cap ? bytes.subarray(0, cap) : bytes;
  return { text: kept.toString(base64 ? 'base64' : 'utf8'), truncated: kept.length < bytes.length };
}

function flattenHeaders(raw: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) {
    // Responses do not normally carry credentials, but a misbehaving server could echo them back.
    if (v === undefined || k === 'set-cookie' || k === 'authorization' || k === TOKEN_HEADER) continue;
    out[k] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

interface Exchange {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  maxBodyBytes: number;
  captureBodyBytes: number;
  credentials: CredentialsKind;
  agent: http.Agent | false;
  clock: Clock;
}

/** One HTTP exchange, timed with the clock's monotonic time. Parses JSON bodies. Never throws. */
function exchange(x: Exchange): Promise<ClientResult> {
  const clock = x.clock;
  const startedAt = clock.epochMs();
  const t0 = clock.now();
  const since = () => Math.round((clock.now() - t0) * 1000) / 1000;
  const result: ClientResult = {
    ok: false,
    method: x.method,
    path: x.url.pathname + x.url.search,
    headers: {},
    bodySize: 0,
    decodedBodySize: 0,
    timings: { startedAt, totalMs: 0 },
    recorded: {
      method: x.method,
      url: withoutUserinfo(x.url),
      requestHeaders: redactedPairs(Object.entries(x.headers)),
      credentials: x.credentials,
    },
  };
  const recorded = result.recorded!;

  return new Promise((resolve) => {
    let settled = false;
    // `at`: the last byte's arrival, when known, so the time spent decoding and parsing the body is
    // not counted as the server's.
    const finish = (failure?: { reason: FailureReason; message: string }, at = since()) => {
      if (settled) return;
      settled = true;
      clock.clearTimeout(timer);
      result.timings.totalMs = at;
      if (failure) {
        result.failure = failure;
        result.ok = false;
      }
      resolve(result);
    };
    const mod = x.url.protocol === 'https:' ? https : http;
    let req: http.ClientRequest;
    try {
      req = mod.request(x.url, { method: x.method, headers: x.headers, agent: x.agent });
    } catch (err) {
      // Node refuses a header value it cannot send (e.g. a token with non-ASCII characters):
      // say which header, never its value.
      const code = (err as NodeJS.ErrnoException).code ?? 'error';
      const header = /\["?([\w-]+)"?\]/.exec((err as Error).message)?.[1];
      result.failure = {
        reason: 'invalid_request',
        message: `${code}: the request could not be built${header ? ` (header ${header})` : ''}`,
      };
      return resolve(result);
    }
    const timer = clock.setTimeout(() => {
      finish({ reason: 'timeout', message: `no complete response within ${x.timeoutMs} ms` });
      req.destroy();
    }, x.timeoutMs);

    req.on('socket', (socket) => {
      socket.once('lookup', () => (result.timings.dnsMs = since()));
      socket.once('connect', () => (result.timings.connectMs = since()));
      socket.once('secureConnect', () => (result.timings.tlsMs = since()));
    });
    req.on('error', (err: NodeJS.ErrnoException) => finish(socketFailure(err)));
    req.on('response', (res) => {
      result.timings.ttfbMs = since();
      result.status = res.statusCode;
      result.headers = flattenHeaders(res.headers);
      result.contentType = res.headers['content-type'];
      recorded.response = {
        httpVersion: `HTTP/${res.httpVersion}`,
        statusText: res.statusMessage ?? '',
        headers: redactedPairs(rawPairs(res.rawHeaders)),
        truncated: false,
      };
      const response = recorded.response;
      const keep = (bytes: Buffer, base64: boolean, decoded?: string) => {
        const body = capturedBody(bytes, x.captureBodyBytes, base64, decoded);
        response.bodyText = body.text;
        response.truncated = body.truncated;
        if (base64) response.bodyEncoding = 'base64';
      };
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => {
        result.bodySize += chunk.length;
        if (result.bodySize > x.maxBodyBytes) {
          finish({ reason: 'body_too_large', message: `body exceeds ${x.maxBodyBytes} bytes` });
          req.destroy();
          return;
        }
        chunks.push(chunk);
      });
      res.on('aborted', () => finish({ reason: 'connection_reset', message: 'connection closed before the body was complete' }));
      res.on('error', (err: NodeJS.ErrnoException) => finish(socketFailure(err)));
      // A consumer's stack hands its code the decoded body: that is what is parsed and judged.
      const judgeBody = (bytes: Buffer, lastByte: number) => {
        const text = bytes.toString('utf8');
        result.decodedBodySize = bytes.length;
        result.bodyText = text;
        result.bodyBytes = bytes;
        keep(bytes, false, text);
        if (x.method === 'HEAD') return finish(undefined, lastByte);
        if (!isJsonMediaType(result.contentType)) {
          return finish(
            {
              reason: 'non_json_content_type',
              message: `content type ${JSON.stringify(result.contentType ?? null)} is not JSON`,
            },
            lastByte,
          );
        }
        const parsed = parseJsonBody(bytes, text);
        if (!parsed.ok) {
          return finish(
            { reason: 'invalid_json', message: `body is not valid JSON (${parsed.why}; ${bytes.length} bytes)` },
            lastByte,
          );
        }
        result.body = parsed.value;
        result.ok = true;
        finish(undefined, lastByte);
      };
      res.on('end', () => {
        if (settled) return;
        const lastByte = since();
        // The wire is done: the timeout was for the server, and what is left (decoding) is ours.
        clock.clearTimeout(timer);
        const wire = Buffer.concat(chunks);
        void decodeBody(wire, res.headers['content-encoding'], x.maxBodyBytes).then((decoded) => {
          if (settled) return;
          if (!decoded.ok) {
            // What did not decode is kept as it came, so the bundle shows the bytes that broke it.
            keep(wire, true);
            return finish({ reason: decoded.reason, message: decoded.message }, lastByte);
          }
          judgeBody(decoded.bytes, lastByte);
        });
      });
    });
    req.end(x.body);
  });
}

// RFC 8259 §8.1: JSON on the network is UTF-8, with no byte order mark. Decoding with replacement
// characters would make invalid bytes inside a string a valid body, and V8's parse message quotes
// the body, control characters included: so bytes are checked first, and a syntax error is named
// by line and column only.
function parseJsonBody(bytes: Buffer, text: string): { ok: true; value: unknown } | { ok: false; why: string } {
  if (bytes.length === 0) return { ok: false, why: 'empty body' };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { ok: false, why: 'it starts with a UTF-8 byte order mark, which JSON on the network must not have' };
  }
  // Checked, not decoded again: `text` is these bytes decoded already (no BOM, so nothing to skip).
  const checked = checkJsonBytes(bytes);
  if (!checked.ok) return { ok: false, why: checked.problem.replace(/^(is|has) /, '').replace(/ \(.*\)$/, '') };
  const parsed = parseJson(text);
  return parsed.ok ? parsed : { ok: false, why: describeJsonProblem(parsed.problem) };
}

export interface TrackersClient {
  /** GET /v2/customers/{customerId}/trackers. customerId is sent as given (tests send bad ones on purpose). */
  getTrackers(customerId: string, options?: RequestOptions): Promise<ClientResult>;
  /** Any request under the base URL, e.g. a path that should 404. */
  request(method: string, path: string, options?: RequestOptions): Promise<ClientResult>;
  /** The credential headers the configured auth yields (generating an OAuth token if needed), for callers with their own HTTP stack (Playwright's request fixture). */
  authHeaders(): ReturnType<AuthProvider['headers']>;
  /** Close pooled connections. */
  close(): void;
}

export function trackersPath(customerId: string): string {
  return `/v2/customers/${encodeURIComponent(customerId)}/trackers`;
}

/** What a value is, for a message that must not show it (it may be a credential). */
function kindOf(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return `an object (${value.constructor?.name ?? 'no prototype'})`;
  return `a ${typeof value}`;
}

/**
 * The options' shape, checked where the library is called: a plain string where a Secret belongs
 * (easy from JavaScript) would otherwise crash inside the first request. Names the field, never its
 * value. A programming error, so a TypeError, at once; the requests themselves never throw.
 */
function checkOptions(options: ClientOptions): void {
  const fail = (field: string, expected: string, value: unknown) => {
    throw new TypeError(`createClient: ${field} must be ${expected}, got ${kindOf(value)}`);
  };
  const secret = (field: string, value: unknown) => {
    if (!(value instanceof Secret)) fail(`auth.${field}`, "a Secret (new Secret(value), exported by 'trackers-contract')", value);
  };
  if (typeof options?.baseUrl !== 'string') fail('baseUrl', 'a string', options?.baseUrl);
  if (!Number.isFinite(options.timeoutMs) || options.timeoutMs <= 0) fail('timeoutMs', 'a positive number', options.timeoutMs);
  const auth = options.auth as AuthConfig | undefined;
  switch (auth?.kind) {
    case 'none':
      return;
    case 'basic':
      if (typeof auth.username !== 'string') fail('auth.username', 'a string', auth.username);
      return secret('password', auth.password);
    case 'oauth-client':
      if (typeof auth.key !== 'string') fail('auth.key', 'a string', auth.key);
      return secret('secret', auth.secret);
    case 'oauth-token':
      return secret('token', auth.token);
    default:
      fail('auth', "{ kind: 'none' | 'basic' | 'oauth-client' | 'oauth-token', … }", auth);
  }
}

/** A client for one base URL. Throws a TypeError only for options of the wrong type (see checkOptions). */
export function createClient(options: ClientOptions): TrackersClient {
  checkOptions(options);
  const base = options.baseUrl.replace(/\/+$/, '');
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const captureBodyBytes = options.captureBodyBytes ?? DEFAULT_CAPTURE_BODY;
  const clock = options.clock ?? systemClock;
  const agent: http.Agent | false = options.keepAlive
    ? base.startsWith('https:')
      ? new https.Agent({ keepAlive: true })
      : new http.Agent({ keepAlive: true })
    : false;

  const urlFor = (path: string, query?: Record<string, string>): URL => {
    const url = new URL(base + path);
    for (const [k, v] of Object.entries(query ?? {})) url.searchParams.set(k, v);
    return url;
  };

  const fetchToken: TokenFetch = async () => {
    if (options.auth.kind !== 'oauth-client') return { ok: false, message: 'no OAuth client configured' };
    const r = await exchange({
      method: 'POST',
      url: urlFor(OAUTH_TOKEN_PATH),
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Accept-Encoding': ACCEPT_ENCODING },
      body: JSON.stringify({ key: options.auth.key, secret: options.auth.secret.reveal() }),
      timeoutMs: options.timeoutMs,
      maxBodyBytes,
      captureBodyBytes: 0,
      credentials: 'configured',
      agent,
      clock,
    });
    if (r.failure) return { ok: false, message: `token request failed: ${r.failure.reason} (${r.failure.message})` };
    const data = (r.body as { data?: Partial<IssuedToken> } | undefined)?.data;
    if (r.status !== 200 || typeof data?.accessToken !== 'string' || typeof data.ttlSeconds !== 'number') {
      return { ok: false, message: `token endpoint answered HTTP ${r.status} without data.accessToken and data.ttlSeconds` };
    }
    return { ok: true, token: { accessToken: data.accessToken, ttlSeconds: data.ttlSeconds } };
  };
  const auth = new AuthProvider(options.auth, fetchToken, clock);

  /** A request that failed before anything was sent: no answer, no time spent, nothing recorded. */
  const unsent = (method: string, path: string, failure: NonNullable<ClientResult['failure']>): ClientResult => ({
    ok: false,
    method,
    path,
    headers: {},
    bodySize: 0,
    decodedBodySize: 0,
    timings: { startedAt: clock.epochMs(), totalMs: 0 },
    failure,
  });

  const request = async (method: string, path: string, ro: RequestOptions = {}): Promise<ClientResult> => {
    let url: URL;
    try {
      url = urlFor(path, ro.query);
    } catch {
      return unsent(method, path, { reason: 'invalid_request', message: 'invalid request URL' });
    }
    const send = async (): Promise<{ result: ClientResult; generated: boolean }> => {
      let authHeaders: Record<string, string> = {};
      let generated = false;
      if (ro.authHeaders) authHeaders = ro.authHeaders;
      else if (ro.auth !== 'none') {
        const h = await auth.headers();
        if (!h.ok) {
          return { generated, result: unsent(method, url.pathname + url.search, { reason: 'auth_token', message: h.message }) };
        }
        authHeaders = h.headers;
        generated = h.generated;
      }
      const result = await exchange({
        method,
        url,
        headers: {
          Accept: 'application/json',
          'Accept-Encoding': ACCEPT_ENCODING,
          'User-Agent': 'trackers-contract',
          ...ro.headers,
          ...authHeaders,
        },
        timeoutMs: options.timeoutMs,
        maxBodyBytes,
        captureBodyBytes,
        credentials: ro.authHeaders ? 'wrong' : ro.auth === 'none' ? 'none' : 'configured',
        agent,
        clock,
      });
      return { result, generated };
    };
    const first = await send();
    // A generated token can be revoked before its ttl: fetch a new one once, and say so.
    if (first.generated && first.result.status === 401) {
      auth.invalidate();
      const second = await send();
      second.result.authRefreshed = true;
      // The caller waited for both attempts: report the whole time, not just the second.
      second.result.timings.totalMs += first.result.timings.totalMs;
      second.result.timings.startedAt = first.result.timings.startedAt;
      return second.result;
    }
    return first.result;
  };

  return {
    getTrackers: (customerId, ro) => request('GET', trackersPath(customerId), ro),
    request,
    authHeaders: () => auth.headers(),
    close: () => {
      if (agent) agent.destroy();
    },
  };
}

/** The project's client for a config and a base URL. */
export function clientFor(
  config: Config,
  baseUrl: string,
  extra: Pick<ClientOptions, 'keepAlive' | 'clock'> = {},
): TrackersClient {
  return createClient({ baseUrl, auth: config.auth, timeoutMs: config.timeoutMs, ...extra });
}
