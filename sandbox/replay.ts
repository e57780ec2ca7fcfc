// The sandbox serving recordings (sandbox --replay, and the replay command's offline judge): the
// recorded answer to a request with the same method, path and kind of credentials. The kind is
// judged against the sandbox's own credentials, as the recording's was against the real ones: so a
// wrong password replays the recorded refusal, and the configured one the recorded data.
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import type { CredentialsKind } from '../src/client.ts';
import { REDACTED } from '../src/client.ts';
import type { HarEntry } from '../src/har.ts';
import { OAUTH_TOKEN_HEADER, type Authenticator } from './auth.ts';
import { errorEnvelope } from './envelopes.ts';
import { sendJson } from './http-io.ts';

export interface Recordings {
  /** The next recorded entry for this request (the same key's entries take turns, in recorded order). */
  next(method: string, path: string, credentials: CredentialsKind): HarEntry | undefined;
  readonly size: number;
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

/** A HAR another tool wrote has no _credentials: a credential header means the configured ones. */
function credentialsOf(entry: HarEntry): CredentialsKind {
  if (entry.request._credentials) return entry.request._credentials;
  const names = entry.request.headers.map((h) => h.name.toLowerCase());
  return names.includes('authorization') || names.includes(OAUTH_TOKEN_HEADER) ? 'configured' : 'none';
}

const keyOf = (method: string, path: string, credentials: CredentialsKind) => `${method.toUpperCase()} ${path} ${credentials}`;
const keyOfEntry = (e: HarEntry) => keyOf(e.request.method, pathOf(e.request.url), credentialsOf(e));

/**
 * One set of entries from many recordings. A failure bundle's answer replaces a plain HAR's for the
 * same request: a baseline from record with the failures on top serves a whole run, and fails only
 * where the failures did (a bundle alone holds only its failing check's requests).
 */
export function entriesToServe(recordings: readonly { entries: readonly HarEntry[]; result?: unknown }[]): HarEntry[] {
  const failures = recordings.filter((r) => r.result !== undefined).flatMap((r) => r.entries);
  const replaced = new Set(failures.map(keyOfEntry));
  const baseline = recordings
    .filter((r) => r.result === undefined)
    .flatMap((r) => r.entries)
    .filter((e) => !replaced.has(keyOfEntry(e)));
  return [...baseline, ...failures];
}

export function createRecordings(entries: readonly HarEntry[]): Recordings {
  const byKey = new Map<string, { entries: HarEntry[]; turn: number }>();
  for (const entry of entries) {
    const key = keyOfEntry(entry);
    const slot = byKey.get(key) ?? { entries: [], turn: 0 };
    slot.entries.push(entry);
    byKey.set(key, slot);
  }
  return {
    size: entries.length,
    next(method, path, credentials) {
      const slot = byKey.get(keyOf(method, path, credentials));
      if (!slot) return undefined;
      const entry = slot.entries[slot.turn % slot.entries.length]!;
      slot.turn++;
      return entry;
    },
  };
}

/** Which credentials a request carries, judged by this sandbox: its own, none, or others. */
export function credentialsKind(headers: IncomingHttpHeaders, auth: Authenticator): CredentialsKind {
  if (headers.authorization === undefined && headers[OAUTH_TOKEN_HEADER] === undefined) return 'none';
  return auth.authenticate(headers) ? 'configured' : 'wrong';
}

// Headers of the recorded connection, not of the answer: the body served gets its own length.
const CONNECTION_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive']);

/**
 * Send the recorded answer: its status and headers, and its body (decoded, so without the
 * Content-Encoding it came with; a body that did not decode is sent as received, header and all, to
 * fail the same way). No answer was recorded (a time-out, a reset): the connection is reset.
 */
export function serveRecording(res: ServerResponse, entry: HarEntry): number | 'reset' {
  const recorded = entry.response;
  if (!recorded.status) {
    res.socket?.destroy();
    return 'reset';
  }
  const raw = recorded.content.encoding === 'base64';
  const body = Buffer.from(recorded.content.text ?? '', raw ? 'base64' : 'utf8');
  const headers: [string, string][] = [];
  for (const { name, value } of recorded.headers) {
    if (value === REDACTED) continue;
    const lower = name.toLowerCase();
    if (CONNECTION_HEADERS.has(lower) || (!raw && lower === 'content-encoding')) continue;
    headers.push([name, value]);
  }
  headers.push(['Content-Length', String(body.length)]);
  res.writeHead(recorded.status, recorded.statusText || undefined, headers.flat());
  res.end(res.req.method === 'HEAD' ? undefined : body);
  return recorded.status;
}

/** A request no recording answers: 501, naming what is missing. */
export function sendUnrecorded(res: ServerResponse, method: string, path: string, credentials: CredentialsKind): string {
  const which = { configured: 'valid credentials', none: 'no credentials', wrong: 'wrong credentials' }[credentials];
  const message = `no recording for ${method} ${path} with ${which}`;
  sendJson(res, 501, errorEnvelope(501, message));
  return message;
}
