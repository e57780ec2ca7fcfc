// Content-Encoding of the trackers answers. Without a fault the coding is negotiated from the
// request's Accept-Encoding, as a server behind a compressing proxy does: gzip, else br, else
// deflate, else the body as it is (curl, wrk and raw tests ask for nothing and get identity). The
// faults are what a consumer's HTTP stack must catch: a header that lies, a compressed stream cut
// short, and a decompression bomb.
import zlib from 'node:zlib';
import { truncateBody, type FaultCoding, type FaultSpec } from './faults.ts';

type Negotiated = 'gzip' | 'br' | 'deflate' | 'identity';

// The server's preference among the codings a request accepts equally.
const PREFERENCE = ['gzip', 'br', 'deflate'] as const;

/** The coding to answer in (RFC 9110 §12.5.3): the most preferred with the highest q; q=0 refuses; `*` is any other. */
export function negotiate(acceptEncoding: string | undefined): Negotiated {
  const q = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    if (name === '') continue;
    const given = params.find((p) => p.startsWith('q='));
    const value = given === undefined ? 1 : Number(given.slice(2));
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  let best: Negotiated = 'identity';
  let bestQ = 0;
  for (const coding of PREFERENCE) {
    const weight = q.get(coding) ?? q.get('*') ?? 0;
    if (weight > bestQ) [best, bestQ] = [coding, weight];
  }
  return best;
}

// Brotli's default (quality 11) is for files compressed once; servers compressing on the fly use ~4.
const BROTLI = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } };

function encode(body: Buffer, coding: Exclude<FaultCoding, 'identity'>): Buffer {
  switch (coding) {
    case 'gzip':
      return zlib.gzipSync(body);
    case 'deflate':
      return zlib.deflateSync(body);
    case 'deflate-raw':
      return zlib.deflateRawSync(body);
    case 'br':
      return zlib.brotliCompressSync(body, BROTLI);
  }
}

// The documented and generated bodies are the same Buffer on every request (sandbox/data.ts): each
// is compressed once per coding, and the entry goes when its body does.
const encoded = new WeakMap<Buffer, Map<string, Buffer>>();

function encodeOnce(body: Buffer, coding: Exclude<FaultCoding, 'identity'>): Buffer {
  let byCoding = encoded.get(body);
  if (!byCoding) encoded.set(body, (byCoding = new Map()));
  let out = byCoding.get(coding);
  if (!out) byCoding.set(coding, (out = encode(body, coding)));
  return out;
}

// RFC 1952 §2.2: a gzip file is a series of members, and a decoder reads them all. 1,024 members of
// 1 MiB of zeros: ~1 MB that decodes to 1 GiB, built on first use.
let bomb: Buffer | undefined;
function decompressionBomb(): Buffer {
  return (bomb ??= Buffer.concat(Array<Buffer>(1024).fill(zlib.gzipSync(Buffer.alloc(1 << 20), { level: 9 }))));
}

/** The body to send and its coding headers. Vary: the answer depends on Accept-Encoding (RFC 9110 §12.5.5). */
export function encodeAnswer(
  body: Buffer,
  faults: FaultSpec,
  acceptEncoding: string | undefined,
): { body: Buffer; headers: Record<string, string> } {
  const vary = { Vary: 'Accept-Encoding' };
  if (faults['decompression-bomb']) return { body: decompressionBomb(), headers: { ...vary, 'Content-Encoding': 'gzip' } };
  const chosen = faults.encoding ?? negotiate(acceptEncoding);
  // A lie and a cut stream need a coding: gzip when the request asked for none.
  const broken = faults['lying-encoding'] || faults['truncated-encoding'];
  const coding = chosen === 'identity' && broken ? 'gzip' : chosen;
  if (coding === 'identity') return { body, headers: vary };
  const headers = { ...vary, 'Content-Encoding': coding === 'deflate-raw' ? 'deflate' : coding };
  if (faults['lying-encoding']) return { body, headers };
  const coded = encodeOnce(body, coding);
  return { body: faults['truncated-encoding'] ? truncateBody(coded) : coded, headers };
}
