// The sandbox's Content-Encoding: negotiated from Accept-Encoding, forced by the `encoding` fault,
// and broken on purpose by the lying-encoding, truncated-encoding and decompression-bomb faults.
// Bodies are decoded here with node:zlib directly, not with the client's decoder.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import zlib from 'node:zlib';
import { negotiate } from '../../../sandbox/content-coding.ts';
import { DEFAULT_CUSTOMER_ID } from '../../../sandbox/data.ts';
import { exampleText } from '../../../src/schemas.ts';
import { AUTH, answered, startSandbox, trackersPath } from './helpers.ts';

const EXAMPLE = Buffer.from(exampleText('trackers-98662653'));
const PATH = trackersPath(DEFAULT_CUSTOMER_ID);
const asking = (acceptEncoding: string, fault?: string) => ({
  headers: { ...AUTH, 'Accept-Encoding': acceptEncoding, ...(fault ? { 'X-Sandbox-Fault': fault } : {}) },
});

describe('negotiation', () => {
  const CASES: [string | undefined, string][] = [
    [undefined, 'identity'],
    ['', 'identity'],
    ['gzip, deflate, br', 'gzip'],
    ['br, deflate', 'br'],
    ['deflate', 'deflate'],
    ['GZIP', 'gzip'],
    ['gzip;q=0, br', 'br'],
    ['br;q=0.5, gzip;q=0.4', 'br'],
    ['*', 'gzip'],
    ['*;q=0', 'identity'],
    ['gzip;q=0,*;q=0.1', 'br'],
    ['identity', 'identity'],
    ['compress, zstd', 'identity'],
    ['gzip;q=abc', 'identity'],
  ];
  for (const [header, coding] of CASES) {
    test(`${JSON.stringify(header)} → ${coding}`, () => assert.equal(negotiate(header), coding));
  }
});

describe('codings over HTTP', () => {
  test('a request asking for gzip, deflate and br gets gzip, with Vary and the compressed length', async (t) => {
    const { base } = await startSandbox(t);
    const res = await answered(base, PATH, asking('gzip, deflate, br'));
    assert.equal(res.headers['content-encoding'], 'gzip');
    assert.equal(res.headers.vary, 'Accept-Encoding');
    assert.equal(res.headers['content-length'], String(res.body.length));
    assert.ok(res.body.length < EXAMPLE.length / 5, `compressed: ${res.body.length} bytes`);
    assert.ok(zlib.gunzipSync(res.body).equals(EXAMPLE));
  });

  test('a request asking for nothing gets the documented body byte for byte, still with Vary', async (t) => {
    const { base } = await startSandbox(t);
    const res = await answered(base, PATH, { headers: AUTH });
    assert.equal(res.headers['content-encoding'], undefined);
    assert.equal(res.headers.vary, 'Accept-Encoding');
    assert.ok(res.body.equals(EXAMPLE));
  });

  const DECODE: [string, string | undefined, (b: Buffer) => Buffer][] = [
    ['gzip', 'gzip', zlib.gunzipSync],
    ['deflate', 'deflate', zlib.inflateSync],
    ['deflate-raw', 'deflate', zlib.inflateRawSync],
    ['br', 'br', zlib.brotliDecompressSync],
    ['identity', undefined, (b) => b],
  ];
  for (const [coding, header, decode] of DECODE) {
    test(`encoding=${coding} answers with Content-Encoding ${String(header)}, whatever was asked`, async (t) => {
      const { base } = await startSandbox(t);
      const res = await answered(base, PATH, asking('gzip', `encoding=${coding}`));
      assert.equal(res.headers['content-encoding'], header);
      assert.equal(res.headers['content-length'], String(res.body.length));
      assert.ok(decode(res.body).equals(EXAMPLE));
    });
  }

  test('deflate-raw is a raw stream, not the zlib wrapping the name deflate promises', async (t) => {
    const { base } = await startSandbox(t);
    const res = await answered(base, PATH, asking('deflate', 'encoding=deflate-raw'));
    assert.throws(() => zlib.inflateSync(res.body), /incorrect header check/);
  });

  test('HEAD gets the same coding headers and no body', async (t) => {
    const { base } = await startSandbox(t);
    const get = await answered(base, PATH, asking('br'));
    const head = await answered(base, PATH, { method: 'HEAD', ...asking('br') });
    assert.equal(head.headers['content-encoding'], 'br');
    assert.equal(head.headers['content-length'], get.headers['content-length']);
    assert.equal(head.body.length, 0);
  });
});

describe('broken codings', () => {
  test('lying-encoding says gzip and sends the body as it is', async (t) => {
    const { base } = await startSandbox(t);
    const lie = await answered(base, PATH, asking('identity', 'lying-encoding'));
    assert.equal(lie.headers['content-encoding'], 'gzip');
    assert.ok(lie.body.equals(EXAMPLE));
    assert.throws(() => zlib.gunzipSync(lie.body), /incorrect header check/);
  });

  test('lying-encoding lies about the coding chosen: br when encoding=br', async (t) => {
    const { base } = await startSandbox(t);
    const lie = await answered(base, PATH, asking('gzip', 'encoding=br,lying-encoding'));
    assert.equal(lie.headers['content-encoding'], 'br');
    assert.ok(lie.body.equals(EXAMPLE));
  });

  test('truncated-encoding sends the first half of the compressed body, with a matching Content-Length', async (t) => {
    const { base } = await startSandbox(t);
    const whole = await answered(base, PATH, asking('gzip'));
    const cut = await answered(base, PATH, asking('gzip', 'truncated-encoding'));
    assert.equal(cut.headers['content-encoding'], 'gzip');
    assert.equal(cut.body.length, Math.floor(whole.body.length / 2));
    assert.equal(cut.headers['content-length'], String(cut.body.length));
    assert.ok(whole.body.subarray(0, cut.body.length).equals(cut.body));
    assert.throws(() => zlib.gunzipSync(cut.body), /unexpected end of file/);
  });

  test('decompression-bomb: about 1 MB of valid gzip that expands past any sane cap', async (t) => {
    const { base } = await startSandbox(t);
    const res = await answered(base, PATH, asking('gzip, deflate, br', 'decompression-bomb'));
    assert.equal(res.headers['content-encoding'], 'gzip');
    assert.ok(res.body.length < 1.1e6, `${res.body.length} bytes`);
    // Its first member alone is 1 MiB of zeros; the whole is past 64 MiB (1 GiB, not decoded here).
    assert.ok(zlib.gunzipSync(res.body.subarray(0, res.body.length / 1024)).equals(Buffer.alloc(1 << 20)));
    assert.throws(() => zlib.gunzipSync(res.body, { maxOutputLength: 64 << 20 }), { code: 'ERR_BUFFER_TOO_LARGE' });
  });
});
