// From bytes to the text of a JSON document (RFC 8259 §8.1: UTF-8). Decoding with replacement
// characters would hide a binary or mis-encoded file behind a later, puzzling syntax error, so
// ill-formed UTF-8 and NUL bytes are problems named by byte offset, before any parsing.
import { isUtf8 } from 'node:buffer';

export type DecodedJson = { ok: true; text: string; hadBom: boolean } | { ok: false; problem: string };

const BOM = [0xef, 0xbb, 0xbf];

export function decodeJsonBytes(bytes: Uint8Array): DecodedJson {
  const checked = checkJsonBytes(bytes);
  if (!checked.ok) return checked;
  const body = checked.hadBom ? bytes.subarray(3) : bytes;
  return { ok: true, text: Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8'), hadBom: checked.hadBom };
}

/** decodeJsonBytes without the decoding, for a caller that has the text already. */
export function checkJsonBytes(bytes: Uint8Array): { ok: true; hadBom: boolean } | { ok: false; problem: string } {
  // A BOM is not part of JSON, but RFC 8259 lets a parser ignore one; we do, and say so.
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return { ok: false, problem: 'is UTF-16 (it starts with a UTF-16 byte order mark): JSON must be UTF-8' };
  }
  const hadBom = bytes.length >= 3 && BOM.every((b, i) => bytes[i] === b);
  const body = hadBom ? bytes.subarray(3) : bytes;
  const skipped = hadBom ? 3 : 0;
  const nul = body.indexOf(0);
  const invalid = isUtf8(body) ? -1 : firstInvalidUtf8(body);
  if (invalid >= 0 && (nul < 0 || invalid < nul)) {
    const byte = body[invalid]!.toString(16).toUpperCase().padStart(2, '0');
    return {
      ok: false,
      problem: `is not UTF-8: byte 0x${byte} at byte offset ${invalid + skipped} (a binary file, or another encoding such as Latin-1?)`,
    };
  }
  if (nul >= 0) return { ok: false, problem: `has a NUL byte at byte offset ${nul + skipped} (a binary file, or UTF-16?)` };
  return { ok: true, hadBom };
}

/** Offset of the first byte that starts an ill-formed sequence (Unicode table 3-7), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  const cont = (i: number, lo = 0x80, hi = 0xbf) => i < n && bytes[i]! >= lo && bytes[i]! <= hi;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    let len: number;
    if (b < 0x80) len = 1;
    else if (b >= 0xc2 && b <= 0xdf) len = cont(i + 1) ? 2 : 0;
    else if (b >= 0xe0 && b <= 0xef) {
      // E0 would be overlong below A0; ED above 9F would encode a surrogate.
      const [lo, hi] = b === 0xe0 ? [0xa0, 0xbf] : b === 0xed ? [0x80, 0x9f] : [0x80, 0xbf];
      len = cont(i + 1, lo, hi) && cont(i + 2) ? 3 : 0;
    } else if (b >= 0xf0 && b <= 0xf4) {
      // F0 would be overlong below 90; F4 above 8F would pass U+10FFFF.
      const [lo, hi] = b === 0xf0 ? [0x90, 0xbf] : b === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
      len = cont(i + 1, lo, hi) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    } else len = 0;
    if (len === 0) return i;
    i += len;
  }
  return -1;
}
