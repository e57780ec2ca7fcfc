// Small node:http helpers shared by the sandbox's routes: nothing here knows the API.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { systemClock, type Clock } from '../src/clock.ts';

export const JSON_TYPE = 'application/json';

/** Path and query of a request target, without decoding (routing is on the raw path). */
export function splitTarget(target: string): { path: string; query: URLSearchParams } {
  const q = target.indexOf('?');
  // URLSearchParams leaves bad percent-escapes as they are instead of throwing.
  return q < 0
    ? { path: target, query: new URLSearchParams() }
    : { path: target.slice(0, q), query: new URLSearchParams(target.slice(q + 1)) };
}

// Statuses that must not carry a body (RFC 9110); Node would drop it anyway.
const BODILESS = new Set([204, 205, 304]);

export const mayHaveBody = (status: number): boolean => !BODILESS.has(status);

/** Write a whole response with an exact Content-Length; HEAD gets the headers only. */
export function sendText(
  res: ServerResponse,
  status: number,
  contentType: string,
  text: string | Buffer,
  extraHeaders: Record<string, string> = {},
): void {
  const body = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  const bodiless = BODILESS.has(status);
  res.writeHead(status, {
    'Content-Type': contentType,
    ...(bodiless ? {} : { 'Content-Length': String(body.length) }),
    ...extraHeaders,
  });
  res.end(res.req.method === 'HEAD' || bodiless ? undefined : body);
}

export function sendJson(res: ServerResponse, status: number, value: unknown, extraHeaders: Record<string, string> = {}): void {
  sendText(res, status, JSON_TYPE, typeof value === 'string' ? value : JSON.stringify(value), extraHeaders);
}

/** Wait ms; resolves false early if the signal aborts (client gone, sandbox closing), so no timer outlives close(). */
export function sleep(ms: number, signal: AbortSignal, clock: Clock = systemClock): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = () => {
      clock.clearTimeout(timer);
      resolve(false);
    };
    const timer = clock.setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Resolves when the signal aborts. */
export function untilAborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

/**
 * A signal for one request's waits: aborts when its connection closes or the
 * sandbox closes. (Not AbortSignal.any: its links to a long-lived signal have
 * leaked on Node 20 under load.) The closing signal's listener is removed when
 * the response closes, so it never holds more than the requests in flight.
 */
export function requestSignal(res: ServerResponse, closing: AbortSignal): AbortSignal {
  const controller = new AbortController();
  const abort = () => controller.abort();
  if (closing.aborted) abort();
  closing.addEventListener('abort', abort, { once: true });
  res.once('close', () => {
    closing.removeEventListener('abort', abort);
    abort();
  });
  return controller.signal;
}

export type BodyResult = { ok: true; text: string } | { ok: false; reason: 'too-large' | 'aborted' };

/**
 * The request body as UTF-8 text, refusing more than limit bytes. Past the limit
 * the rest is read and dropped rather than the socket destroyed: closing with
 * unread data makes the kernel send a RST, which can swallow the 413 answer.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off('data', onData);
      req.resume();
      resolve({ ok: false, reason: 'too-large' });
    };
    req.on('data', onData);
    req.once('end', () => resolve({ ok: true, text: Buffer.concat(chunks).toString('utf8') }));
    req.once('error', () => resolve({ ok: false, reason: 'aborted' }));
    req.once('close', () => resolve({ ok: false, reason: 'aborted' }));
  });
}

/** Write body in about `pieces` chunks with delays that add up to ms; false if the connection went away first. */
export async function trickle(
  res: ServerResponse,
  body: Buffer,
  ms: number,
  signal: AbortSignal,
  clock: Clock = systemClock,
  pieces = 10,
): Promise<boolean> {
  res.flushHeaders();
  const size = Math.max(1, Math.ceil(body.length / pieces));
  const count = Math.max(1, Math.ceil(body.length / size));
  // A delay before every chunk, so the whole body takes at least ms.
  for (let i = 0; i < count; i++) {
    if (!(await sleep(ms / count, signal, clock))) return false;
    const chunk = body.subarray(i * size, (i + 1) * size);
    if (chunk.length > 0) res.write(chunk);
  }
  res.end();
  return true;
}
