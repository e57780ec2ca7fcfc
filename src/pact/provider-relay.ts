// The last hop of provider verification: a loopback relay that replays each
// request Pact's verifier makes through the project's client (src/client.ts, the
// only HTTP to the API) and hands back the provider's answer unchanged. Two
// reasons: Pact's own proxy throws, and takes the process down, when the provider
// refuses or resets a connection; and a transport failure (timeout, reset, DNS)
// becomes one clear line in the report (reason from the client's fixed set)
// instead of a stack trace. Credentials are not the relay's business: it forwards
// the ones Pact's request filter put on the request, and adds none of its own.
//
// Content-Encoding: the client asks for gzip, deflate and br and decodes the answer, as a
// consumer's HTTP stack does, so the relay hands Pact the decoded body, without the
// Content-Encoding header and with its own Content-Length. Pact then judges the body a
// consumer's code reads, the same bytes the checks judged, whatever Pact's own HTTP stack
// would make of a coding; and a body that does not decode is one clear line, with its
// reason, where passing the bytes on would leave Pact to report unparsable JSON.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TrackersClient } from '../client.ts';
import { OAUTH_TOKEN_HEADER } from '../auth.ts';

export interface TransportProblem {
  method: string;
  path: string;
  /** One of the client's FAILURE_REASONS. */
  reason: string;
  message: string;
  /**
   * Set when the provider did answer, with a body a consumer could not read (it did not decode, or
   * was over the cap): the contract is broken, rather than unjudgeable.
   */
  status?: number;
}

export interface Relay {
  baseUrl: string;
  /** Requests that got no complete answer from the provider. */
  readonly problems: TransportProblem[];
  close(): Promise<void>;
}

/** Status the relay answers with when the provider gave no usable answer: the verifier then reports it as a mismatch too. */
export const RELAY_FAILURE_STATUS = 502;

const CREDENTIAL_HEADERS = new Set(['authorization', OAUTH_TOKEN_HEADER.toLowerCase()]);
// Hop-by-hop and transport headers are the relay's own; accept-encoding is the client's, which decodes what it asks for.
const NOT_FORWARDED = new Set([
  'host',
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'content-length',
  'accept-encoding',
]);
const NOT_RETURNED = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding']);
// The provider answered, and what it sent is for the verifier to judge.
const ANSWERED = new Set(['invalid_json', 'non_json_content_type']);
// The provider answered, but no consumer could read the body: nothing for the verifier to judge.
const UNREADABLE = new Set(['bad_content_encoding', 'body_too_large']);

export async function startRelay(client: TrackersClient): Promise<Relay> {
  const problems: TransportProblem[] = [];
  const server = http.createServer((req, res) => {
    req.resume(); // the endpoint takes no body
    const headers: Record<string, string> = {};
    const credentials: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined || NOT_FORWARDED.has(name)) continue;
      (CREDENTIAL_HEADERS.has(name) ? credentials : headers)[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    const url = new URL(req.url ?? '/', 'http://relay.invalid');
    const method = req.method ?? 'GET';
    void client
      .request(method, url.pathname, { headers, authHeaders: credentials, query: Object.fromEntries(url.searchParams) })
      .then((result) => {
        if (result.status === undefined || (result.failure && !ANSWERED.has(result.failure.reason))) {
          const failure = result.failure ?? { reason: 'network', message: 'no response' };
          const answered = result.status !== undefined && UNREADABLE.has(failure.reason);
          problems.push({
            method,
            path: result.path,
            reason: failure.reason,
            message: failure.message,
            ...(answered ? { status: result.status } : {}),
          });
          res.writeHead(RELAY_FAILURE_STATUS, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ relayError: `${failure.reason}: ${failure.message}` }));
          return;
        }
        const out: Record<string, string> = {};
        for (const [name, value] of Object.entries(result.headers)) if (!NOT_RETURNED.has(name)) out[name] = value;
        // The bytes, not the text: the text would turn an invalid UTF-8 body into a valid one.
        const body = result.bodyBytes ?? Buffer.from(result.bodyText ?? '', 'utf8');
        out['content-length'] = String(body.length);
        res.writeHead(result.status, out);
        res.end(body);
      })
      .catch((err: unknown) => {
        // The client promises never to throw; if it ever does, answer rather than crash the verifier.
        problems.push({
          method,
          path: url.pathname,
          reason: 'relay_error',
          message: err instanceof Error ? err.message : String(err),
        });
        if (!res.headersSent) res.writeHead(RELAY_FAILURE_STATUS, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ relayError: 'relay_error' }));
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    problems,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
