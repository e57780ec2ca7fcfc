// The hostile-input table through the sandbox, as raw bytes on a socket (a client library would
// refuse to send most of them): in a PUT /__sandbox/faults body, in headers, in the path. Every
// answer is a JSON error envelope with a 4xx, or a 200 where the input is harmless; never a 5xx,
// never a dropped connection; and the sandbox serves the documented answer afterwards (no fault
// was set by a __proto__ key, nothing crashed).
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createSandbox } from '../../../sandbox/app.ts';
import { AUTH, answered, trackersPath } from './helpers.ts';

const deep = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
const MB10 = 10 * 1024 * 1024;
const bytes = (...parts: (string | number[] | Buffer)[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

interface RawAnswer {
  status: number;
  contentType: string;
  body: string;
}

/** Bytes on a fresh connection; the first response read back (the sandbox may close after it). */
function raw(port: number, request: Buffer): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const parts: Buffer[] = [];
    const timer = setTimeout(() => socket.destroy(new Error('no answer in 10 s')), 10_000);
    const done = () => {
      clearTimeout(timer);
      const text = Buffer.concat(parts).toString('latin1');
      const m = /^HTTP\/1\.1 (\d{3}) [^\r]*\r\n([\s\S]*?)\r\n\r\n([\s\S]*)$/.exec(text);
      if (!m) return reject(new Error(`not an HTTP answer: ${JSON.stringify(text.slice(0, 200))}`));
      const contentType = /^content-type: *([^\r]*)/im.exec(m[2]!)?.[1] ?? '';
      const length = Number(/^content-length: *(\d+)/im.exec(m[2]!)?.[1] ?? m[3]!.length);
      resolve({ status: Number(m[1]), contentType, body: m[3]!.slice(0, length) });
    };
    socket.on('data', (chunk: Buffer) => {
      parts.push(chunk);
      const text = Buffer.concat(parts).toString('latin1');
      const head = text.indexOf('\r\n\r\n');
      const length = /^content-length: *(\d+)/im.exec(text.slice(0, head))?.[1];
      if (head >= 0 && length !== undefined && text.length >= head + 4 + Number(length)) {
        socket.destroy();
        done();
      }
    });
    socket.on('error', () => {}); // the sandbox may reset after answering a request it refused mid-body
    socket.on('close', () => (parts.length > 0 ? done() : reject(new Error('closed without an answer'))));
    socket.write(request);
  });
}

const auth = `Authorization: ${AUTH.authorization}\r\n`;
const put = (body: Buffer) =>
  bytes(
    `PUT /__sandbox/faults HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
    body,
  );
const get = (path: string | Buffer, headers: string | Buffer = '') =>
  bytes('GET ', typeof path === 'string' ? path : path, ` HTTP/1.1\r\nHost: x\r\n${auth}`, headers, 'Connection: close\r\n\r\n');

// [name, request, the statuses allowed]
const ROWS: [string, () => Buffer, number[]][] = [
  ['faults body: 1,000,000 levels (over the body limit)', () => put(bytes(deep(1e6))), [413]],
  ['faults body: 8,000 levels (under the body limit)', () => put(bytes(deep(8000))), [400]],
  ['faults body: 8,000 levels as a fault value', () => put(bytes(`{"latency":${deep(8000)}}`)), [400]],
  ['faults body: a 10 MB string', () => put(bytes(JSON.stringify('a'.repeat(MB10)))), [413]],
  ['faults body: a 1,000,000-element array', () => put(bytes(JSON.stringify(new Array(1e6).fill(0)))), [413]],
  ['faults body: a __proto__ key', () => put(bytes('{"__proto__":{"hang":true}}')), [400]],
  ['faults body: a constructor key', () => put(bytes('{"constructor":{"prototype":{"hang":true}}}')), [400]],
  ['faults body: invalid UTF-8', () => put(bytes('{"content-type":"a/', [0xff, 0xfe], '"}')), [400]],
  ['faults body: a NUL byte', () => put(bytes('{"content-type":"a', [0], 'b"}')), [400]],
  ['faults body: 1e400 as a latency', () => put(bytes('{"latency":1e400}')), [400]],
  ['faults body: -0 as a latency (harmless: no delay)', () => put(bytes('{"latency":-0}')), [200]],
  ['faults body: duplicate keys', () => put(bytes('{"latency":1,"latency":"x"}')), [400]],
  ['faults body: a BOM (trimmed, as whitespace)', () => put(bytes([0xef, 0xbb, 0xbf], '{"latency":1}')), [200]],
  ['header: a 10 MB header', () => get(trackersPath(98662653), `X-Big: ${'a'.repeat(MB10)}\r\n`), [431]],
  ['header: 1,000,000 levels as the fault header', () => get(trackersPath(98662653), `X-Sandbox-Fault: ${deep(1e6)}\r\n`), [431]],
  ['header: a fault spec with a __proto__ name', () => get(trackersPath(98662653), 'X-Sandbox-Fault: __proto__=1\r\n'), [400]],
  [
    'header: a fault spec with invalid UTF-8',
    () => get(trackersPath(98662653), bytes('X-Sandbox-Fault: mutation=', [0xff], '\r\n')),
    [400],
  ],
  ['header: a NUL byte', () => get(trackersPath(98662653), bytes('X-Sandbox-Fault: a', [0], 'b\r\n')), [400]],
  ['header: the Authorization header twice (Node keeps the first)', () => get(trackersPath(98662653), `${auth}`), [200]],
  ['path: 1,000,000 levels of %5B', () => get(`/v2/customers/${'%5B'.repeat(1e6)}/trackers`), [431]],
  ['path: a 1,000-segment path', () => get(`/v2/customers/${'a/'.repeat(1000)}trackers`), [404]],
  ['path: invalid UTF-8 percent-encoded', () => get('/v2/customers/%FF%FE/trackers'), [400]],
  ['path: raw invalid UTF-8', () => get(bytes('/v2/customers/', [0xff], '/trackers')), [400]],
  ['path: a NUL', () => get('/v2/customers/%00/trackers'), [400]],
  ['path: __proto__ as the customer', () => get(trackersPath('__proto__')), [400]],
  ['path: constructor as the customer', () => get(trackersPath('constructor')), [400]],
  ['path: 1e400 as the customer', () => get(trackersPath('1e400')), [400]],
  ['path: -0 as the customer', () => get(trackersPath('-0')), [400]],
];

describe('the sandbox on hostile requests', () => {
  const sandbox = createSandbox();
  let base = '';
  before(async () => {
    base = await sandbox.listen(0);
  });
  after(() => sandbox.close());

  for (const [name, make, allowed] of ROWS) {
    test(`${name}: ${allowed.join(' or ')}`, async () => {
      const a = await raw(Number(new URL(base).port), make());
      assert.ok(allowed.includes(a.status), `${a.status} ${a.body.slice(0, 200)}`);
      assert.match(a.contentType, /^application\/json/, 'a JSON answer');
      const body = JSON.parse(a.body) as { errors?: { code: number }[] };
      if (a.status >= 400) assert.equal(body.errors?.[0]?.code, a.status, 'the error envelope');
      // Whatever a row set, the next starts from no faults.
      await answered(base, '/__sandbox/faults', { method: 'DELETE' });
    });
  }

  test('after them all, the sandbox answers as documented and no prototype was polluted', async () => {
    const after = await answered(base, trackersPath(98662653), { headers: AUTH, timeoutMs: 30_000 });
    assert.equal(after.status, 200, 'still serving');
    assert.equal(({} as { hang?: unknown }).hang, undefined);
  });
});
