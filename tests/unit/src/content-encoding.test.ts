// The client's decoder: every coding it asks for, as consumers' stacks read them, and each way a
// body can fail to decode as its header says, with its reason.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import zlib from 'node:zlib';
import { ACCEPT_ENCODING, codingsOf, decodeBody } from '../../../src/content-encoding.ts';

const BODY = Buffer.from(JSON.stringify({ data: Array.from({ length: 50 }, (_, id) => ({ id, name: `tracker ${id}` })) }));
const CAP = 1 << 20;

test('asks for what consumers’ stacks ask for', () => {
  assert.equal(ACCEPT_ENCODING, 'gzip, deflate, br');
});

test('codingsOf lists codings in the order applied, lower-cased, without identity', () => {
  assert.deepEqual(codingsOf(undefined), []);
  assert.deepEqual(codingsOf('identity'), []);
  assert.deepEqual(codingsOf(' GZip '), ['gzip']);
  assert.deepEqual(codingsOf('br, gzip'), ['br', 'gzip']);
});

describe('decodes', () => {
  const CASES: [string, string | undefined, Buffer][] = [
    ['no Content-Encoding', undefined, BODY],
    ['identity', 'identity', BODY],
    ['gzip', 'gzip', zlib.gzipSync(BODY)],
    ['x-gzip, gzip’s old name', 'x-gzip', zlib.gzipSync(BODY)],
    ['a header in capitals', 'GZIP', zlib.gzipSync(BODY)],
    ['deflate, zlib-wrapped as RFC 9110 says', 'deflate', zlib.deflateSync(BODY)],
    ['deflate sent as a raw stream, as some servers do and browsers accept', 'deflate', zlib.deflateRawSync(BODY)],
    ['br', 'br', zlib.brotliCompressSync(BODY)],
    ['two codings, the last applied undone first', 'br, gzip', zlib.gzipSync(zlib.brotliCompressSync(BODY))],
    [
      'gzip of several members, read as one body',
      'gzip',
      Buffer.concat([zlib.gzipSync(BODY.subarray(0, 100)), zlib.gzipSync(BODY.subarray(100))]),
    ],
  ];
  for (const [name, header, wire] of CASES) {
    test(name, async () => {
      const r = await decodeBody(wire, header, CAP);
      assert.ok(r.ok, r.ok ? '' : r.message);
      assert.ok(r.bytes.equals(BODY));
    });
  }

  test('an empty body is empty whatever its header, as browsers read it (a HEAD, a 204)', async () => {
    const r = await decodeBody(Buffer.alloc(0), 'gzip', CAP);
    assert.ok(r.ok);
    assert.equal(r.bytes.length, 0);
  });
});

describe('a body that does not decode as its header says → bad_content_encoding, naming the coding', () => {
  const gzip = zlib.gzipSync(BODY);
  const CASES: [string, Buffer, string, RegExp][] = [
    [
      'a header that lies (gzip, plain JSON)',
      BODY,
      'gzip',
      /does not decode as gzip \(incorrect header check; Content-Encoding "gzip", \d+ bytes as received\)/,
    ],
    ['a header that lies (br, gzip bytes)', gzip, 'br', /does not decode as br/],
    ['a truncated gzip stream', gzip.subarray(0, gzip.length >> 1), 'gzip', /does not decode as gzip \(unexpected end of file/],
    [
      'a truncated deflate stream',
      zlib.deflateSync(BODY).subarray(0, 40),
      'deflate',
      /does not decode as deflate \(unexpected end of file/,
    ],
    [
      'a truncated br stream',
      zlib.brotliCompressSync(BODY).subarray(0, 40),
      'br',
      /does not decode as br \(unexpected end of file/,
    ],
    ['garbage after the gzip stream', Buffer.concat([gzip, Buffer.from('<html>')]), 'gzip', /does not decode as gzip/],
    [
      'a coding the client did not ask for',
      BODY,
      'zstd',
      /Content-Encoding "zstd": "zstd" is not a coding the client asked for \(gzip, deflate, br\)/,
    ],
    ['an unknown coding among known ones', gzip, 'compress, gzip', /"compress" is not a coding/],
    ['more codings than any server stacks', BODY, 'gzip, gzip, gzip, gzip, gzip, gzip', /more than 5 codings/],
  ];
  for (const [name, wire, header, message] of CASES) {
    test(name, async () => {
      const r = await decodeBody(wire, header, CAP);
      assert.equal(r.ok, false);
      assert.ok(!r.ok);
      assert.equal(r.reason, 'bad_content_encoding');
      assert.match(r.message, message);
    });
  }
});

describe('a decompression bomb is cut off at the cap → body_too_large', () => {
  // 64 KiB on the wire that decodes to 64 MiB, against a 1 MiB cap.
  const member = zlib.gzipSync(Buffer.alloc(1 << 20), { level: 9 });
  const bomb = Buffer.concat(Array<Buffer>(64).fill(member));
  for (const [header, wire] of [
    ['gzip', bomb],
    ['br', zlib.brotliCompressSync(Buffer.alloc(8 << 20))],
    ['gzip, gzip', zlib.gzipSync(bomb)],
  ] as const) {
    test(header, async () => {
      const r = await decodeBody(wire, header, CAP);
      assert.ok(!r.ok);
      assert.equal(r.reason, 'body_too_large');
      assert.match(
        r.message,
        new RegExp(
          `^body exceeds ${CAP} bytes once decoded \\(Content-Encoding "${header}", ${wire.length} bytes as received\\)`,
        ),
      );
    });
  }

  test('a body decoding to exactly the cap is whole', async () => {
    const r = await decodeBody(zlib.gzipSync(Buffer.alloc(CAP)), 'gzip', CAP);
    assert.ok(r.ok);
    assert.equal(r.bytes.length, CAP);
  });
});
