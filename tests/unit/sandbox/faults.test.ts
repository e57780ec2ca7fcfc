import assert from 'node:assert/strict';
import { once } from 'node:events';
import http from 'node:http';
import { describe, test } from 'node:test';
import { DEFAULT_CUSTOMER_ID, MISSING_CUSTOMER_ID } from '../../../sandbox/data.ts';
import { formatFaultSpec, malformJson, normaliseFaultSpec, parseFaultSpec } from '../../../sandbox/faults.ts';
import { exampleText } from '../../../src/schemas.ts';
import { requestArrives } from '../../support/exchange-events.ts';
import { ManualClock } from '../../support/manual-clock.ts';
import { AUTH, answered, request, startSandbox, trackersPath } from './helpers.ts';

const EXAMPLE = exampleText('trackers-98662653');
const PATH = trackersPath(DEFAULT_CUSTOMER_ID);
const withFault = (spec: string) => ({ headers: { ...AUTH, 'X-Sandbox-Fault': spec } });

/** GET `path` and resolve at the response headers, with the body's bytes counted as they come. */
function streamed(base: string, path: string, headers: Record<string, string>) {
  return new Promise<{
    status: number;
    received(bytes: number): Promise<void>;
    size(): number;
    body(): Buffer;
    ended: Promise<unknown>;
  }>((resolve, reject) => {
    const req = http.get(`${base}${path}`, { headers, agent: false }, (res) => {
      const parts: Buffer[] = [];
      let size = 0;
      let waiting: { bytes: number; resolve(): void } | undefined;
      res.on('data', (chunk: Buffer) => {
        parts.push(chunk);
        size += chunk.length;
        if (waiting && size >= waiting.bytes) waiting.resolve();
      });
      resolve({
        status: res.statusCode ?? 0,
        received: (bytes) => (size >= bytes ? Promise.resolve() : new Promise((r) => (waiting = { bytes, resolve: r }))),
        size: () => size,
        body: () => Buffer.concat(parts),
        ended: once(res, 'end'),
      });
    });
    req.on('error', reject);
  });
}

describe('fault spec parsing', () => {
  const VALID: [string, object][] = [
    ['', {}],
    ['latency=200,jitter=50,mutation=id-string', { latency: 200, jitter: 50, mutation: 'id-string' }],
    [' reset , hang ', { reset: true, hang: true }],
    ['error-rate=0.25,error-status=502', { 'error-rate': 0.25, 'error-status': 502 }],
    ['error-rate=1', { 'error-rate': 1 }],
    ['status=500', { status: 500 }],
    ['content-type=application/json; charset=utf-8', { 'content-type': 'application/json; charset=utf-8' }],
    [
      'malformed-json,truncated-json,trickle=300,crash',
      { 'malformed-json': true, 'truncated-json': true, trickle: 300, crash: true },
    ],
    ['encoding=deflate-raw,truncated-encoding', { encoding: 'deflate-raw', 'truncated-encoding': true }],
    ['lying-encoding,decompression-bomb', { 'lying-encoding': true, 'decompression-bomb': true }],
  ];
  for (const [text, spec] of VALID) {
    test(`parses ${JSON.stringify(text)}`, () => {
      assert.deepEqual(parseFaultSpec(text), { ok: true, spec });
    });
  }

  const INVALID: [string, RegExp][] = [
    ['x', /unknown fault "x"/],
    ['latency', /"latency" needs a value/],
    ['latency=-1', /"latency" needs whole milliseconds .* got "-1"/],
    ['latency=1.5', /got "1.5"/],
    ['latency=9999999', /got "9999999"/],
    ['error-rate=1.5', /"error-rate" needs a fraction 0..1, got "1.5"/],
    ['status=99', /HTTP status 200..599, got "99"/],
    ['status=abc', /got "abc"/],
    ['reset=yes', /"reset" takes no value/],
    ['mutation=nope', /unknown mutation "nope" \(known: id-string/],
    ['latency=1,latency=2', /"latency" given twice/],
    ['content-type=text/html\r\nX-Evil: 1', /media type/],
    ['encoding=zstd', /"encoding" needs a coding \(gzip, deflate, deflate-raw, br, identity\), got "zstd"/],
  ];
  for (const [text, error] of INVALID) {
    test(`returns an error value for ${JSON.stringify(text)}`, () => {
      const result = parseFaultSpec(text);
      assert.equal(result.ok, false);
      assert.match((result as { error: string }).error, error);
    });
  }

  test('accepts objects with the same names and checks them the same way', () => {
    assert.deepEqual(normaliseFaultSpec({ latency: 10, reset: true, hang: false, mutation: 'charset' }), {
      ok: true,
      spec: { latency: 10, reset: true, mutation: 'charset' },
    });
    assert.equal(normaliseFaultSpec({ latency: -5 }).ok, false);
    assert.equal(normaliseFaultSpec({ reset: 'yes' }).ok, false);
    assert.equal(normaliseFaultSpec({ nope: 1 }).ok, false);
    assert.equal(normaliseFaultSpec([1]).ok, false);
    assert.equal(normaliseFaultSpec(null).ok, false);
  });

  test('formats a spec that parses back to itself', () => {
    const spec = { mutation: 'id-string', latency: 200, reset: true as const, 'error-rate': 0.5 };
    assert.equal(formatFaultSpec(spec), 'latency=200,error-rate=0.5,reset,mutation=id-string');
    assert.deepEqual(parseFaultSpec(formatFaultSpec(spec)), { ok: true, spec });
  });

  test('malformJson leaves a syntax error', () => {
    assert.throws(() => JSON.parse(malformJson('{"a":[1]}')), SyntaxError);
    assert.throws(() => JSON.parse(malformJson(EXAMPLE)), SyntaxError);
  });
});

describe('faults over HTTP', () => {
  // The delay faults run on the sandbox's clock: here a manual one, so each test states exactly when
  // the answer goes out, and a loaded machine cannot move it.
  test('latency holds the answer for exactly its value', async (t) => {
    const clock = new ManualClock();
    const { base } = await startSandbox(t, { clock });
    const armed = clock.nextTimer();
    const pending = answered(base, PATH, withFault('latency=200'));
    assert.equal(await Promise.race([armed, pending.then(() => 'answered at once')]), 200);
    clock.advance(199);
    assert.equal(clock.pending(), 1, 'still held at 199 ms');
    clock.advance(1);
    assert.equal((await pending).status, 200);
  });

  test('jitter adds a random delay of 0..jitter to the latency', async (t) => {
    const clock = new ManualClock();
    const { base } = await startSandbox(t, { clock });
    const delays: number[] = [];
    for (let i = 0; i < 20; i++) {
      const armed = clock.nextTimer();
      const pending = answered(base, PATH, withFault('latency=50,jitter=100'));
      const delay = await armed;
      delays.push(delay);
      clock.advance(delay);
      assert.equal((await pending).status, 200);
    }
    assert.ok(
      delays.every((d) => d >= 50 && d <= 150),
      delays.join(', '),
    );
    assert.ok(new Set(delays).size > 1, 'random, not a fixed extra');
  });

  test('error-rate=1 answers every request with a JSON 503', async (t) => {
    const { base } = await startSandbox(t);
    for (let i = 0; i < 3; i++) {
      const res = await answered(base, PATH, withFault('error-rate=1'));
      assert.equal(res.status, 503);
      assert.equal(JSON.parse(res.text).errors[0].code, 503);
    }
  });

  test('error-status picks the status of error-rate answers; error-rate=0 never fires', async (t) => {
    const { base } = await startSandbox(t);
    assert.equal((await answered(base, PATH, withFault('error-rate=1,error-status=429'))).status, 429);
    assert.equal((await answered(base, PATH, withFault('error-rate=0'))).status, 200);
  });

  test('status forces the status and keeps the body', async (t) => {
    const { base } = await startSandbox(t);
    const res = await answered(base, PATH, withFault('status=500'));
    assert.equal(res.status, 500);
    assert.equal(res.text, EXAMPLE);
  });

  test('malformed-json sends application/json that does not parse', async (t) => {
    const { base } = await startSandbox(t);
    const res = await answered(base, PATH, withFault('malformed-json'));
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'application/json');
    assert.throws(() => JSON.parse(res.text), SyntaxError);
  });

  test('truncated-json sends the first half with a matching Content-Length', async (t) => {
    const { base } = await startSandbox(t);
    const res = await answered(base, PATH, withFault('truncated-json'));
    const full = Buffer.from(EXAMPLE);
    assert.equal(res.body.length, Math.floor(full.length / 2));
    assert.equal(res.headers['content-length'], String(res.body.length));
    assert.ok(full.subarray(0, res.body.length).equals(res.body));
    assert.throws(() => JSON.parse(res.text), SyntaxError);
  });

  test('content-type=text/html sends an HTML error page', async (t) => {
    const { base } = await startSandbox(t);
    const res = await answered(base, PATH, withFault('content-type=text/html,status=502'));
    assert.equal(res.status, 502);
    assert.equal(res.headers['content-type'], 'text/html');
    assert.match(res.text, /^<!DOCTYPE html>/);
    assert.match(res.text, /502 Bad Gateway/);
  });

  test('another content-type keeps the JSON body', async (t) => {
    const { base } = await startSandbox(t);
    const res = await answered(base, PATH, withFault('content-type=text/plain'));
    assert.equal(res.headers['content-type'], 'text/plain');
    assert.equal(res.text, EXAMPLE);
  });

  test('reset drops the connection without an answer', async (t) => {
    const { base } = await startSandbox(t);
    const result = await request(base, PATH, withFault('reset'));
    assert.equal(result.ok, false);
    assert.match(String((result as { error: NodeJS.ErrnoException }).error.code), /ECONNRESET/);
  });

  test('trickle sends the headers at once, then the body in ten pieces, one per pause, ending at its time', async (t) => {
    const clock = new ManualClock();
    const { base } = await startSandbox(t, { clock });
    const full = Buffer.from(EXAMPLE);
    const piece = Math.ceil(full.length / 10);
    const firstPause = clock.nextTimer();
    const res = await streamed(base, PATH, withFault('trickle=300').headers);
    assert.equal(res.status, 200, 'the headers come before any time passes');
    assert.equal(await firstPause, 30);
    let ended = false;
    void res.ended.then(() => (ended = true));
    for (let i = 1; i <= 10; i++) {
      const nextPause = clock.nextTimer();
      clock.advance(30);
      await res.received(Math.min(i * piece, full.length));
      assert.equal(res.size(), Math.min(i * piece, full.length), `after pause ${i}: that many pieces, no more`);
      assert.equal(ended, false);
      if (i < 10) assert.equal(await nextPause, 30);
    }
    await res.ended;
    assert.ok(res.body().equals(full), 'the whole body, in order');
    assert.equal(clock.now(), 300);
  });

  test('hang never answers and arms no timer; close() releases it', async (t) => {
    const clock = new ManualClock();
    const { base, sandbox } = await startSandbox(t, { clock });
    const arrived = requestArrives(sandbox.server);
    const pending = request(base, PATH, withFault('hang'));
    await arrived;
    assert.equal(clock.pending(), 0, 'no timer: nothing but the client leaving or close() ends it');
    assert.equal(sandbox.stats.total, 0, 'nothing answered');
    // The clock never moves: close() resolving at all is close() not waiting.
    await sandbox.close();
    const result = await pending;
    assert.equal(result.ok, false);
    assert.equal(sandbox.stats.byRoute.trackers?.hang, 1);
  });

  test('hang holds the connection until the client gives up: its timeout fires, and the sandbox counts a hang', async (t) => {
    const { base, sandbox } = await startSandbox(t);
    const clientClock = new ManualClock();
    const arrived = requestArrives(sandbox.server);
    const pending = request(base, PATH, { ...withFault('hang'), timeoutMs: 100, clock: clientClock });
    const held = await arrived;
    const left = once(held.socket, 'close');
    clientClock.advance(100);
    const result = await pending;
    assert.equal(result.ok, false);
    assert.equal((result as { error: NodeJS.ErrnoException }).error.code, 'ETIMEDOUT');
    await left;
    assert.deepEqual(sandbox.stats.byRoute.trackers, { hang: 1 });
  });

  test('close() ends pending latency without waiting for it, and leaves no timer behind', async (t) => {
    const clock = new ManualClock();
    const { base, sandbox } = await startSandbox(t, { clock });
    const armed = clock.nextTimer();
    const pending = request(base, PATH, withFault('latency=60000'));
    assert.equal(await armed, 60_000);
    await sandbox.close();
    assert.equal(clock.pending(), 0, 'the latency timer is cleared, not left to fire after close()');
    assert.equal((await pending).ok, false);
    assert.equal(sandbox.stats.byRoute.trackers?.aborted, 1);
  });

  test('crash answers the fixed JSON 500 and the server keeps serving', async (t) => {
    const { base } = await startSandbox(t);
    const res = await answered(base, PATH, withFault('crash'));
    assert.equal(res.status, 500);
    assert.equal(res.headers['content-type'], 'application/json');
    assert.deepEqual(JSON.parse(res.text), { errors: [{ status: false, code: 500, message: 'sandbox internal error' }] });
    assert.equal((await answered(base, PATH, { headers: AUTH })).status, 200);
  });

  test('faults apply to the 401 and 8015 answers too', async (t) => {
    const { base } = await startSandbox(t);
    const anonymous = await answered(base, PATH, { headers: { 'X-Sandbox-Fault': 'status=502' } });
    assert.equal(anonymous.status, 502);
    assert.equal(JSON.parse(anonymous.text).errors[0].code, 401);
    const missing = await answered(base, trackersPath(MISSING_CUSTOMER_ID), withFault('truncated-json'));
    assert.throws(() => JSON.parse(missing.text), SyntaxError);
  });

  test('an invalid per-request fault is a JSON 400 naming it', async (t) => {
    const { base } = await startSandbox(t);
    const res = await answered(base, PATH, withFault('bogus'));
    assert.equal(res.status, 400);
    assert.match(JSON.parse(res.text).errors[0].message, /unknown fault "bogus"/);
  });
});

describe('fault selection', () => {
  test('by query parameter, without changing the customer looked up', async (t) => {
    const { base } = await startSandbox(t);
    const res = await answered(base, `${PATH}?sandbox_fault=${encodeURIComponent('mutation=new-type,status=203')}`, {
      headers: AUTH,
    });
    assert.equal(res.status, 203);
    const body = JSON.parse(res.text);
    assert.equal(body.data[0].type, 'BILL_NET_AMOUNT');
    assert.equal(body.data.length, JSON.parse(EXAMPLE).data.length);
    assert.equal(body.data[1].id, JSON.parse(EXAMPLE).data[1].id);
  });

  test('from options, and setFaults / clearFaults', async (t) => {
    const { base, sandbox } = await startSandbox(t, { faults: 'status=501' });
    assert.equal((await answered(base, PATH, { headers: AUTH })).status, 501);
    sandbox.setFaults({ status: 502 });
    assert.equal((await answered(base, PATH, { headers: AUTH })).status, 502);
    sandbox.setFaults('error-rate=1');
    assert.equal((await answered(base, PATH, { headers: AUTH })).status, 503);
    sandbox.clearFaults();
    assert.equal((await answered(base, PATH, { headers: AUTH })).status, 200);
    assert.throws(() => sandbox.setFaults('nope'), /invalid sandbox faults: unknown fault "nope"/);
  });

  test('per-request faults override global ones of the same name and add to the others', async (t) => {
    const { base } = await startSandbox(t, { faults: { status: 501, 'content-type': 'text/plain' } });
    const res = await answered(base, PATH, withFault('status=502'));
    assert.equal(res.status, 502);
    assert.equal(res.headers['content-type'], 'text/plain');
  });

  test('through the control endpoint, without authentication', async (t) => {
    const { base, sandbox } = await startSandbox(t);
    const put = await answered(base, '/__sandbox/faults', { method: 'PUT', body: 'latency=5,status=504' });
    assert.equal(put.status, 200);
    assert.deepEqual(JSON.parse(put.text), { faults: { latency: 5, status: 504 }, spec: 'latency=5,status=504' });
    assert.equal((await answered(base, PATH, { headers: AUTH })).status, 504);
    assert.deepEqual(sandbox.faults, { latency: 5, status: 504 });

    const putJson = await answered(base, '/__sandbox/faults', { method: 'PUT', body: '{"error-rate":1,"error-status":500}' });
    assert.equal(JSON.parse(putJson.text).spec, 'error-rate=1,error-status=500');
    assert.equal((await answered(base, PATH, { headers: AUTH })).status, 500);
    assert.equal(JSON.parse((await answered(base, '/__sandbox/faults')).text).spec, 'error-rate=1,error-status=500');

    const bad = await answered(base, '/__sandbox/faults', { method: 'PUT', body: 'latency=abc' });
    assert.equal(bad.status, 400);
    assert.match(JSON.parse(bad.text).errors[0].message, /latency/);
    assert.equal((await answered(base, '/__sandbox/faults', { method: 'PUT', body: '{oops' })).status, 400);

    // Faults never touch health or the control endpoint itself, so they can always be undone.
    assert.equal((await answered(base, '/__sandbox/health')).status, 200);
    const cleared = await answered(base, '/__sandbox/faults', { method: 'DELETE' });
    assert.deepEqual(JSON.parse(cleared.text), { faults: {}, spec: '' });
    assert.equal((await answered(base, PATH, { headers: AUTH })).status, 200);
    const post = await answered(base, '/__sandbox/faults', { method: 'POST' });
    assert.equal(post.status, 405);
    assert.equal(post.headers.allow, 'GET, PUT, DELETE');
  });
});
