// The embedded sandbox: a faithful local double of Capillary's
// GET /v2/customers/{customerId}/trackers, plus the OAuth token endpoint and
// fault-injection controls. createSandbox() builds it without listening;
// startSandbox (cli/target.ts), the one way every command and test starts it,
// listens and gives its URL. All state (faults, tokens, caches, stats) belongs
// to the instance.
//
// Routes:
//   GET|HEAD /v2/customers/{customerId}/trackers   the endpoint (trackers-route.ts)
//   POST     /v3/oauth/token/generate              {"key","secret"} → {"data":{"accessToken","ttlSeconds"}}
//   GET|PUT|DELETE /__sandbox/faults               global faults (no auth)
//   GET      /__sandbox/health                     liveness (no auth)
// With recordings (the replay option), the endpoint's path serves them instead (replay.ts).
// Anything else is a JSON 404; a known path with another method a JSON 405 with Allow.
import { setMaxListeners } from 'node:events';
import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import { systemClock, type Clock } from '../src/clock.ts';
import type { HarEntry } from '../src/har.ts';
import { exampleText } from '../src/schemas.ts';
import {
  DEFAULT_OAUTH_CLIENTS,
  DEFAULT_TOKEN_TTL_SECONDS,
  DEFAULT_USERS,
  OAUTH_TOKEN_PATH,
  createAuthenticator,
} from './auth.ts';
import { createCustomerStore } from './data.ts';
import { INTERNAL_ERROR_BODY, MESSAGES, errorEnvelope } from './envelopes.ts';
import type { FaultParseResult, FaultSpec } from './faults.ts';
import { formatFaultSpec, normaliseFaultSpec, parseFaultSpec } from './faults.ts';
import { JSON_TYPE, readBody, sendJson, sleep, splitTarget } from './http-io.ts';
import { createRecordings, credentialsKind, sendUnrecorded, serveRecording } from './replay.ts';
import { InjectedCrash, TRACKERS_ROUTE, handleTrackers } from './trackers-route.ts';
import type { TrackersContext } from './trackers-route.ts';

export const HEALTH_PATH = '/__sandbox/health';
export const FAULTS_PATH = '/__sandbox/faults';
const BODY_LIMIT = 16 * 1024;

export interface SandboxOptions {
  /** HTTP status sent with the 8015 body for an unknown customer (default 404). */
  notFoundStatus?: number;
  /** username → plain password (default { sandbox_user: 'sandbox_password' }). */
  users?: Record<string, string>;
  /** OAuth client key → secret (default { sandbox_key: 'sandbox_secret' }). */
  oauthClients?: Record<string, string>;
  tokenTtlSeconds?: number;
  /** Global faults from the start. */
  faults?: FaultSpec | string;
  /**
   * Ages tokens and times the delay faults (latency, jitter, trickle); default systemClock. A test's
   * manual clock decides when a delayed answer goes out, so the wait is a step, not a sleep.
   */
  clock?: Clock;
  /** Serve HTTPS with this certificate and key (PEM), as the real API is served; listen() then gives https:// URLs. */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /**
   * Serve these recorded exchanges (HAR entries) on the endpoint's path instead of the built-in data:
   * matched by method, path and kind of credentials; a request none matches gets a 501 and a log line.
   */
  replay?: readonly HarEntry[];
  /** Where a replay's log lines go (default stderr). */
  log?: (line: string) => void;
}

export type RouteName = 'trackers' | 'oauth' | 'faults' | 'health' | 'unmatched' | 'error';

/** Responses by route and by status (or 'reset' | 'hang' | 'aborted' when none was sent). */
export interface SandboxStats {
  total: number;
  byRoute: Partial<Record<RouteName, Record<string, number>>>;
}

export interface Sandbox {
  /** The server, not listening until listen(). */
  readonly server: http.Server | https.Server;
  /** Listen and give the base URL, e.g. http://127.0.0.1:54321 (https:// with the tls option). */
  listen(port?: number, host?: string): Promise<string>;
  /** Stop: ends every connection (keep-alive, hanging, trickling) and pending delay. */
  close(): Promise<void>;
  /** Replace the global faults; throws on an invalid spec (a test's mistake should be loud). */
  setFaults(spec: FaultSpec | string): void;
  clearFaults(): void;
  /** The global faults now in force. */
  readonly faults: FaultSpec;
  readonly stats: SandboxStats;
}

function checkedFaults(spec: FaultSpec | string): FaultSpec {
  const parsed = normaliseFaultSpec(spec);
  if (!parsed.ok) throw new TypeError(`invalid sandbox faults: ${parsed.error}`);
  return parsed.spec;
}

function checkOptions(options: SandboxOptions): void {
  const { notFoundStatus, tokenTtlSeconds } = options;
  if (notFoundStatus !== undefined && !(Number.isInteger(notFoundStatus) && notFoundStatus >= 200 && notFoundStatus <= 599)) {
    throw new RangeError(`notFoundStatus must be an HTTP status 200..599, got ${String(notFoundStatus)}`);
  }
  if (tokenTtlSeconds !== undefined && !(Number.isFinite(tokenTtlSeconds) && tokenTtlSeconds > 0)) {
    throw new RangeError(`tokenTtlSeconds must be a positive number, got ${String(tokenTtlSeconds)}`);
  }
}

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  checkOptions(options);
  const clock = options.clock ?? systemClock;
  let globalFaults = options.faults === undefined ? {} : checkedFaults(options.faults);
  // Every waiting request listens on this; a load test may hold hundreds at once.
  const newClosing = () => {
    const controller = new AbortController();
    setMaxListeners(0, controller.signal);
    return controller;
  };
  let closing = newClosing();
  const stats: SandboxStats = { total: 0, byRoute: {} };
  const record = (route: RouteName, status: number | string) => {
    const byStatus = (stats.byRoute[route] ??= {});
    byStatus[status] = (byStatus[status] ?? 0) + 1;
    stats.total++;
  };
  const auth = createAuthenticator({
    users: options.users ?? DEFAULT_USERS,
    oauthClients: options.oauthClients ?? DEFAULT_OAUTH_CLIENTS,
    tokenTtlSeconds: options.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS,
    now: () => clock.now(),
  });
  const trackers: TrackersContext = {
    auth,
    customers: createCustomerStore(),
    notFoundStatus: options.notFoundStatus ?? 404,
    notFoundText: exampleText('error-8015'),
    globalFaults: () => globalFaults,
    closing: () => closing.signal,
    clock,
    record: (status) => record('trackers', status),
  };

  const recordings = options.replay ? createRecordings(options.replay) : undefined;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));

  async function replay(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const method = req.method ?? 'GET';
    const credentials = credentialsKind(req.headers, auth);
    const entry = recordings!.next(method, path, credentials);
    if (entry) {
      // As late as recorded: a latency budget judged over the replay sees the recorded time.
      if (entry.time > 0 && !(await sleep(entry.time, closing.signal, clock))) return record('trackers', 'aborted');
      return record('trackers', serveRecording(res, entry));
    }
    log(`sandbox --replay: 501 ${sendUnrecorded(res, method, path, credentials)}`);
    record('unmatched', 501);
  }

  function methodNotAllowed(res: ServerResponse, route: RouteName, allow: string): void {
    sendJson(res, 405, errorEnvelope(405, MESSAGES.methodNotAllowed), { Allow: allow });
    record(route, 405);
  }

  /** A PUT body: a JSON object or JSON string, else the compact form. */
  function parseFaultBody(text: string): FaultParseResult {
    if (!text.startsWith('{') && !text.startsWith('"')) return parseFaultSpec(text);
    try {
      return normaliseFaultSpec(JSON.parse(text));
    } catch {
      return { ok: false, error: 'body is not valid JSON' };
    }
  }

  async function faultsControl(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method === 'PUT') {
      const body = await readBody(req, BODY_LIMIT);
      if (!body.ok) return sendAndRecordBodyError(res, 'faults', body.reason);
      const parsed = parseFaultBody(body.text.trim());
      if (!parsed.ok) {
        sendJson(res, 400, errorEnvelope(400, `invalid sandbox fault: ${parsed.error}`));
        return record('faults', 400);
      }
      globalFaults = parsed.spec;
    } else if (req.method === 'DELETE') {
      globalFaults = {};
    } else if (req.method !== 'GET' && req.method !== 'HEAD') {
      return methodNotAllowed(res, 'faults', 'GET, PUT, DELETE');
    }
    sendJson(res, 200, { faults: globalFaults, spec: formatFaultSpec(globalFaults) });
    record('faults', 200);
  }

  function sendAndRecordBodyError(res: ServerResponse, route: RouteName, reason: 'too-large' | 'aborted'): void {
    if (reason === 'aborted') return record(route, 'aborted');
    sendJson(res, 413, errorEnvelope(413, `request body over ${BODY_LIMIT} bytes`));
    record(route, 413);
  }

  async function oauthToken(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') return methodNotAllowed(res, 'oauth', 'POST');
    const body = await readBody(req, BODY_LIMIT);
    if (!body.ok) return sendAndRecordBodyError(res, 'oauth', body.reason);
    let value: unknown;
    try {
      value = JSON.parse(body.text);
    } catch {
      sendJson(res, 400, errorEnvelope(400, 'Malformed JSON body'));
      return record('oauth', 400);
    }
    const { key, secret } = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
    if (typeof key !== 'string' || typeof secret !== 'string') {
      sendJson(res, 400, errorEnvelope(400, 'key and secret are required strings'));
      return record('oauth', 400);
    }
    const issued = auth.issueToken(key, secret);
    if (!issued.ok) {
      sendJson(res, 401, errorEnvelope(401, 'Invalid key or secret'));
      return record('oauth', 401);
    }
    sendJson(res, 200, { data: { accessToken: issued.accessToken, ttlSeconds: issued.ttlSeconds } });
    record('oauth', 200);
  }

  function health(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') return methodNotAllowed(res, 'health', 'GET, HEAD');
    sendJson(res, 200, { status: 'UP' });
    record('health', 200);
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { path, query } = splitTarget(req.url ?? '/');
    const trackersMatch = TRACKERS_ROUTE.exec(path);
    if (trackersMatch && recordings) return replay(req, res, path);
    if (trackersMatch) return handleTrackers(trackers, req, res, trackersMatch[1]!, query);
    if (path === OAUTH_TOKEN_PATH) return oauthToken(req, res);
    if (path === FAULTS_PATH) return faultsControl(req, res);
    if (path === HEALTH_PATH) return health(req, res);
    sendJson(res, 404, errorEnvelope(404, MESSAGES.notFound));
    record('unmatched', 404);
  }

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    route(req, res).catch((err: unknown) => {
      // A bug (or the crash fault) must not take the server down or hang the client.
      // Log the error only: never the request, whose headers carry credentials.
      if (!(err instanceof InjectedCrash)) {
        process.stderr.write(`sandbox internal error: ${err instanceof Error ? err.stack : String(err)}\n`);
      }
      if (res.headersSent) {
        res.destroy();
        return record('error', 'aborted');
      }
      res.writeHead(500, { 'Content-Type': JSON_TYPE, 'Content-Length': String(Buffer.byteLength(INTERNAL_ERROR_BODY)) });
      res.end(req.method === 'HEAD' ? undefined : INTERNAL_ERROR_BODY);
      record('error', 500);
    });
  };
  const server = options.tls
    ? https.createServer({ cert: options.tls.cert, key: options.tls.key }, handler)
    : http.createServer(handler);
  const scheme = options.tls ? 'https' : 'http';

  // Requests Node's parser rejects (bad request line, headers over the limit) still get a JSON answer.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (err.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const reason = http.STATUS_CODES[status] ?? 'Bad Request';
    const body = errorEnvelope(status, reason);
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: ${JSON_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
    record('unmatched', status);
  });

  return {
    server,
    stats,
    get faults() {
      return { ...globalFaults };
    },
    listen(port = 0, host = '127.0.0.1') {
      if (closing.signal.aborted) closing = newClosing();
      return new Promise((resolve, reject) => {
        const onError = (err: Error) => reject(err);
        server.once('error', onError);
        server.listen(port, host, () => {
          server.off('error', onError);
          const address = server.address();
          const bound = typeof address === 'object' && address !== null ? address.port : port;
          resolve(`${scheme}://${host.includes(':') ? `[${host}]` : host}:${bound}`);
        });
      });
    },
    close() {
      closing.abort();
      if (!server.listening) return Promise.resolve();
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
    setFaults(spec) {
      globalFaults = checkedFaults(spec);
    },
    clearFaults() {
      globalFaults = {};
    },
  };
}
