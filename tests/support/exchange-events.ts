// The two moments of an HTTP exchange that a test on a manual clock (manual-clock.ts) waits for
// before it moves the clock, so each side has read the clock where the test means it to:
// - the server has the request: its handler has run up to its first wait, so a delay it arms
//   (a sandbox latency or trickle pause) is armed, and an answer it sends at once is sent;
// - the client has the response headers: its 'response' handlers have run, so the time to first
//   byte it records is the clock's time before the test moves it.
// Both are events, awaited as such: no sleep, no polling.
import diagnostics from 'node:diagnostics_channel';
import { once } from 'node:events';
import type { ClientRequest, IncomingMessage, Server } from 'node:http';
import type { Server as TlsServer } from 'node:https';

/** Resolves with the next request `server` receives, after its own request handler has run. Call it before sending. */
export async function requestArrives(server: Server | TlsServer): Promise<IncomingMessage> {
  // once() listens after the handler given to createServer, which Node calls first.
  const [req] = (await once(server, 'request')) as [IncomingMessage];
  return req;
}

/** Node's own channel, published just before a client request emits 'response'. */
const RESPONSE_CHANNEL = 'http.client.response.finish';

/**
 * Resolves with the response when a client request to `baseUrl` (a loopback http:// server of
 * the test) gets its headers. Call it before sending. The channel fires just before 'response'
 * is emitted, and this promise settles after that synchronous emit: the client's handlers see
 * the clock the test has not moved yet.
 */
export function headersReach(baseUrl: string): Promise<IncomingMessage> {
  const port = Number(new URL(baseUrl).port);
  return new Promise((resolve) => {
    const onResponse = (message: unknown) => {
      const { request, response } = message as { request: ClientRequest; response: IncomingMessage };
      if (request.socket?.remotePort !== port) return;
      diagnostics.unsubscribe(RESPONSE_CHANNEL, onResponse);
      resolve(response);
    };
    diagnostics.subscribe(RESPONSE_CHANNEL, onResponse);
  });
}
