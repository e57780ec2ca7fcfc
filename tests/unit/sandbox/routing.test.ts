import assert from 'node:assert/strict';
import net from 'node:net';
import { describe, test } from 'node:test';
import { DEFAULT_CUSTOMER_ID } from '../../../sandbox/data.ts';
import { exampleText } from '../../../src/schemas.ts';
import { AUTH, answered, startSandbox, trackersPath } from './helpers.ts';

const INVALID_ID = { status: false, code: 400, message: 'Invalid path parameter: customerId' };

// Raw path segments (sent as they are) that are not a positive Java long.
const BAD_IDS: [string, string][] = [
  ['letters', 'abc'],
  ['negative', '-1'],
  ['zero', '0'],
  ['zeros', '0000'],
  ['2^63 (Long.MAX_VALUE + 1)', '9223372036854775808'],
  ['20 digits', '12345678901234567890'],
  ['a float', '1.5'],
  ['exponent', '1e3'],
  ['hex', '0x10'],
  ['explicit plus sign', '+1'],
  ['encoded leading space', '%201'],
  ['encoded trailing space', '1%20'],
  ['empty segment', ''],
  ['encoded traversal', '..%2F..%2Fetc%2Fpasswd'],
  ['encoded dots', '%2e%2e'],
  ['encoded dots and slash', '%2E%2E%2F98662653'],
  ['SQL injection', "1'%20OR%20'1'%3D'1"],
  ['SQL statement', '1;DROP%20TABLE%20customers'],
  ['Arabic-Indic digits', '%D9%A1%D9%A2%D9%A3'],
  ['fullwidth digits', '%EF%BC%91%EF%BC%92'],
  ['bad percent-encoding', '%zz'],
  ['lone percent', '%'],
  ['truncated UTF-8 escape', '%E0%A4%A'],
  ['NUL byte', '98662653%00'],
  ['list', '1,2'],
  ['very long', '9'.repeat(5000)],
];

describe('customerId validation', () => {
  for (const [label, segment] of BAD_IDS) {
    test(`answers 400 "Invalid path parameter" for ${label}`, async (t) => {
      const { base } = await startSandbox(t);
      const res = await answered(base, trackersPath(segment), { headers: AUTH });
      assert.equal(res.status, 400);
      assert.equal(res.headers['content-type'], 'application/json');
      const body = JSON.parse(res.text);
      assert.deepEqual(body.errors, [INVALID_ID]);
      assert.equal(body.data, undefined);
    });
  }

  test('checks authentication before the id: an anonymous bad id gets 401', async (t) => {
    const { base } = await startSandbox(t);
    const res = await answered(base, trackersPath('abc'));
    assert.equal(res.status, 401);
  });
});

describe('routing', () => {
  const NOT_FOUND = { status: false, code: 404, message: 'Resource not found' };

  for (const path of [
    '/',
    '/v2/customers/98662653',
    '/v2/customers/98662653/trackers/',
    '/v1/customers/98662653/trackers',
    '//v2/customers/98662653/trackers',
    '/v2/customers/1/../98662653/trackers',
    '/v2/customers/98662653/trackers/%2e%2e',
    '/v2/customers/98662653/TRACKERS',
  ]) {
    test(`answers a JSON 404 for ${path}, before authentication`, async (t) => {
      const { base } = await startSandbox(t);
      const res = await answered(base, path);
      assert.equal(res.status, 404);
      assert.equal(res.headers['content-type'], 'application/json');
      assert.deepEqual(JSON.parse(res.text).errors, [NOT_FOUND]);
    });
  }

  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
    test(`answers ${method} on the trackers path with 405 and Allow: GET, HEAD`, async (t) => {
      const { base } = await startSandbox(t);
      const res = await answered(base, trackersPath(DEFAULT_CUSTOMER_ID), {
        method,
        headers: AUTH,
        body: method === 'POST' ? '{}' : undefined,
      });
      assert.equal(res.status, 405);
      assert.equal(res.headers.allow, 'GET, HEAD');
      assert.equal(JSON.parse(res.text).errors[0].code, 405);
    });
  }

  test('answers HEAD like GET, without a body', async (t) => {
    const { base } = await startSandbox(t);
    const res = await answered(base, trackersPath(DEFAULT_CUSTOMER_ID), { method: 'HEAD', headers: AUTH });
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-length'], String(Buffer.byteLength(exampleText('trackers-98662653'))));
    assert.equal(res.body.length, 0);
  });

  test('ignores unknown and badly encoded query parameters', async (t) => {
    const { base } = await startSandbox(t);
    const res = await answered(base, `${trackersPath(DEFAULT_CUSTOMER_ID)}?x=%zz&customerId=1`, { headers: AUTH });
    assert.equal(res.status, 200);
    assert.equal(res.text, exampleText('trackers-98662653'));
  });

  test('serves health without authentication', async (t) => {
    const { base } = await startSandbox(t);
    const res = await answered(base, '/__sandbox/health');
    assert.equal(res.status, 200);
    assert.deepEqual(JSON.parse(res.text), { status: 'UP' });
  });

  test('tolerates a large header within Node limits', async (t) => {
    const { base } = await startSandbox(t);
    const res = await answered(base, trackersPath(DEFAULT_CUSTOMER_ID), {
      headers: { ...AUTH, 'x-padding': 'a'.repeat(12_000) },
    });
    assert.equal(res.status, 200);
  });

  test('counts responses by route and status', async (t) => {
    const { base, sandbox } = await startSandbox(t);
    await answered(base, trackersPath(DEFAULT_CUSTOMER_ID), { headers: AUTH });
    await answered(base, trackersPath(DEFAULT_CUSTOMER_ID));
    await answered(base, '/nowhere');
    assert.deepEqual(sandbox.stats.byRoute.trackers, { 200: 1, 401: 1 });
    assert.deepEqual(sandbox.stats.byRoute.unmatched, { 404: 1 });
    assert.equal(sandbox.stats.total, 3);
  });
});

/** Send raw bytes and read until the server closes. */
function rawExchange(base: string, bytes: string): Promise<string> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.end(bytes));
    let out = '';
    socket.on('data', (d) => (out += d.toString('latin1')));
    socket.on('end', () => resolve(out));
    socket.on('error', reject);
  });
}

describe('requests the HTTP parser rejects', () => {
  test('a garbage request line gets a JSON 400', async (t) => {
    const { base } = await startSandbox(t);
    const out = await rawExchange(base, 'NOT AN HTTP REQUEST\r\n\r\n');
    assert.match(out, /^HTTP\/1\.1 400 /);
    assert.match(out, /"code":400/);
  });

  test('headers over the limit get a JSON 431', async (t) => {
    const { base } = await startSandbox(t);
    const out = await rawExchange(
      base,
      `GET /v2/customers/1/trackers HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(40_000)}\r\n\r\n`,
    );
    assert.match(out, /^HTTP\/1\.1 431 /);
    assert.match(out, /application\/json/);
  });

  test('the server keeps answering afterwards', async (t) => {
    const { base } = await startSandbox(t);
    await rawExchange(base, 'GET /%%% HTTP/1.1\r\n\r\n\r\n');
    assert.equal((await answered(base, trackersPath(DEFAULT_CUSTOMER_ID), { headers: AUTH })).status, 200);
  });
});
