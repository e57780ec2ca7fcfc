// Content-Encoding (RFC 9110 §8.4) as a consumer's HTTP stack speaks it: ask for gzip, deflate
// and br, as browsers, fetch and OkHttp do, and undo whatever coding the answer declares before
// anyone reads it. The body a consumer's code sees is the decoded one, so that is the body the
// checks judge. A body that does not decode as its header says fails with its own reason; one that
// decodes past the client's body cap (a decompression bomb) is cut off there.
import { promisify } from 'node:util';
import zlib from 'node:zlib';

/** The codings the client accepts, in the order consumers' stacks list them. */
export const ACCEPTED_CODINGS = ['gzip', 'deflate', 'br'] as const;
export type Coding = (typeof ACCEPTED_CODINGS)[number];

/** The Accept-Encoding header every request carries. */
export const ACCEPT_ENCODING = ACCEPTED_CODINGS.join(', ');

// RFC 9110 §8.4.1.3: a recipient should treat x-gzip as gzip.
const ALIASES: Readonly<Record<string, Coding>> = { gzip: 'gzip', 'x-gzip': 'gzip', deflate: 'deflate', br: 'br' };

// Each layer is decoded up to the cap, so a header stacking codings multiplies the work: undici
// (Node's fetch) refuses more than five for that reason (nodejs/undici#4729), and so does this.
const MAX_CODINGS = 5;

const gunzip = promisify(zlib.gunzip);
const inflate = promisify(zlib.inflate);
const inflateRaw = promisify(zlib.inflateRaw);
const brotliDecompress = promisify(zlib.brotliDecompress);

export type DecodeResult =
  { ok: true; bytes: Buffer } | { ok: false; reason: 'bad_content_encoding' | 'body_too_large'; message: string };

/** The codings a Content-Encoding value lists, lower-cased, in the order they were applied; identity is none. */
export function codingsOf(header: string | undefined): string[] {
  return (header ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity');
}

/**
 * RFC 1950's header: compression method 8 and a check sum over the first two bytes. "deflate" means
 * this zlib wrapping, but some servers send a raw deflate stream under that name, and browsers read
 * both. A raw stream could only look like this header as a stored block with a padding bit set,
 * which no encoder writes.
 */
function isZlibWrapped(bytes: Buffer): boolean {
  return bytes.length >= 2 && (bytes[0]! & 0x0f) === 8 && ((bytes[0]! << 8) | bytes[1]!) % 31 === 0;
}

function decodeOne(coding: Coding, bytes: Buffer, maxOutputLength: number): Promise<Buffer> {
  const options = { maxOutputLength };
  switch (coding) {
    case 'gzip':
      return gunzip(bytes, options);
    case 'deflate':
      return isZlibWrapped(bytes) ? inflate(bytes, options) : inflateRaw(bytes, options);
    case 'br':
      return brotliDecompress(bytes, options);
  }
}

/**
 * Undo the codings of `contentEncoding` on a body as received. Never throws. maxBytes caps every
 * decoded layer (zlib stops there): the same cap as on the wire, so there is one limit on a body.
 */
export async function decodeBody(bytes: Buffer, contentEncoding: string | undefined, maxBytes: number): Promise<DecodeResult> {
  const listed = codingsOf(contentEncoding);
  // An empty body has nothing to decode (a HEAD, or a server that compressed nothing): browsers read it as empty.
  if (listed.length === 0 || bytes.length === 0) return { ok: true, bytes };
  const header = `Content-Encoding ${JSON.stringify(contentEncoding)}`;
  const unknown = listed.find((c) => ALIASES[c] === undefined);
  if (unknown !== undefined) {
    return {
      ok: false,
      reason: 'bad_content_encoding',
      message: `${header}: "${unknown}" is not a coding the client asked for (${ACCEPT_ENCODING})`,
    };
  }
  if (listed.length > MAX_CODINGS) {
    return { ok: false, reason: 'bad_content_encoding', message: `${header}: more than ${MAX_CODINGS} codings` };
  }
  let body = bytes;
  // Codings are listed in the order applied: undo the last first.
  for (const coding of listed.map((c) => ALIASES[c]!).reverse()) {
    try {
      body = await decodeOne(coding, body, maxBytes);
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      if (e.code === 'ERR_BUFFER_TOO_LARGE') {
        return {
          ok: false,
          reason: 'body_too_large',
          message: `body exceeds ${maxBytes} bytes once decoded (${header}, ${bytes.length} bytes as received): cut off there`,
        };
      }
      return {
        ok: false,
        reason: 'bad_content_encoding',
        message: `body does not decode as ${coding} (${e.message}; ${header}, ${bytes.length} bytes as received)`,
      };
    }
  }
  return { ok: true, bytes: body };
}
