import assert from 'node:assert/strict';
import diagnostics from 'node:diagnostics_channel';
import type { ClientRequest, IncomingMessage } from 'node:http';
import { inspect } from 'node:util';
import { after, before, describe, test, type TestContext } from 'node:test';
import { createSandbox, type Sandbox } from '../../../sandbox/app.ts';
import { createClient, type ClientResult, type FailureReason } from '../../../src/client.ts';
import type { AuthConfig } from '../../../src/config/credentials.ts';
import { exampleText } from '../../../src/schemas.ts';
import { Secret } from '../../../src/secret.ts';
import { headersReach, requestArrives } from '../../support/exchange-events.ts';
import { ManualClock } from '../../support/manual-clock.ts';
import { freePort } from '../../support/processes.ts';

const BASIC: AuthConfig = {
  kind: 'basic',
  username: 'sandbox_user',
  password: new Secret('sandbox_password'),
  passwordIsMd5: false,
};

let sandbox: Sandbox;
let baseUrl: string;
before(async () => {
  sandbox = createSandbox();
  baseUrl = await sandbox.listen(0);
});
after(() => sandbox.close());

const OAUTH: AuthConfig = { kind: 'oauth-client', key: 'sandbox_key', secret: new Secret('sandbox_secret') };
// Real-time exchanges on loopback take milliseconds; a timeout that load could reach would turn a
// slow machine into a failing test. What a timeout decides is stepped on a manual clock below.
const TIMEOUT_MS = 30_000;
const client = (auth: AuthConfig = BASIC, timeoutMs = TIMEOUT_MS) => createClient({ baseUrl, auth, timeoutMs });
const withFault = (fault: string) => ({ headers: { 'X-Sandbox-Fault': fault } });
const why = (r: ClientResult) => `${r.status} ${r.failure?.reason ?? ''} ${r.failure?.message ?? ''}`;

describe('a normal exchange', () => {
  test('returns status, headers, both sizes, the decoded and parsed body, and monotonic timings', async () => {
    const arrived = requestArrives(sandbox.server);
    const r = await client().getTrackers('98662653');
    assert.equal((await arrived).headers['accept-encoding'], 'gzip, deflate, br', 'asks as consumers’ stacks do');
    assert.equal(r.ok, true, why(r));
    assert.equal(r.status, 200);
    assert.match(r.contentType ?? '', /^application\/json/);
    assert.equal(r.headers['content-encoding'], 'gzip', 'the sandbox compresses for a client that asks');
    assert.equal(r.bodyText, exampleText('trackers-98662653'), 'the documented body, byte for byte, once decoded');
    assert.equal(r.decodedBodySize, Buffer.byteLength(exampleText('trackers-98662653')));
    assert.equal(r.bodySize, Number(r.headers['content-length']), 'the size on the wire');
    assert.ok(r.bodySize < r.decodedBodySize / 5, `${r.bodySize} of ${r.decodedBodySize} bytes`);
    assert.equal((r.body as { data: unknown[] }).data.length, 97);
    assert.equal(r.path, '/v2/customers/98662653/trackers');
    const t = r.timings;
    assert.ok(t.ttfbMs !== undefined && t.ttfbMs > 0 && t.ttfbMs <= t.totalMs, inspect(t));
    assert.ok(t.connectMs !== undefined && t.connectMs <= t.ttfbMs, inspect(t));
    assert.ok(Math.abs(t.startedAt - Date.now()) < 10_000);
  });

  test('an unknown customer is a complete JSON answer (ok) carrying the 8015 body', async () => {
    const r = await client().getTrackers('99999999');
    assert.equal(r.ok, true);
    assert.equal(r.status, 404);
    assert.equal((r.body as { errors: { code: number }[] }).errors[0]!.code, 8015);
  });

  test('the customer id is path-encoded, so a traversal cannot escape the path', async () => {
    const r = await client().getTrackers('../../v2/customers/98662653');
    assert.equal(r.path, '/v2/customers/..%2F..%2Fv2%2Fcustomers%2F98662653/trackers');
    assert.equal(r.status, 400);
  });
});

describe('authentication', () => {
  test('Basic sends base64(username:md5(password)), and a password given as md5 works the same', async () => {
    const md5 = { ...BASIC, password: new Secret('a2a3e8c4c8f5b3e9a1b8e0d0a1b8c3d2'), passwordIsMd5: true } as AuthConfig;
    assert.equal((await client().getTrackers('98662653')).status, 200);
    assert.equal((await client(md5).getTrackers('98662653')).status, 401, 'a wrong md5 is refused');
    const { md5Hex } = await import('../../../src/auth.ts');
    const right = { ...BASIC, password: new Secret(md5Hex('sandbox_password')), passwordIsMd5: true } as AuthConfig;
    assert.equal((await client(right).getTrackers('98662653')).status, 200);
  });

  test('no credentials and a wrong password get 401', async () => {
    assert.equal((await client().getTrackers('98662653', { auth: 'none' })).status, 401);
    assert.equal((await client({ ...BASIC, password: new Secret('nope') }).getTrackers('98662653')).status, 401);
  });

  test('OAuth: a token is generated once, cached, and sent as X-CAP-API-OAUTH-TOKEN', async () => {
    const local = createSandbox();
    const url = await local.listen(0);
    try {
      const c = createClient({ baseUrl: url, auth: OAUTH, timeoutMs: TIMEOUT_MS });
      const results = await Promise.all([c.getTrackers('98662653'), c.getTrackers('98662653'), c.getTrackers('98662653')]);
      assert.deepEqual(
        results.map((r) => r.status),
        [200, 200, 200],
      );
      assert.equal(local.stats.byRoute.oauth?.['200'], 1, 'concurrent callers share one token request');
    } finally {
      await local.close();
    }
  });

  test('OAuth: a token is renewed a tenth of its ttl before it expires, to the millisecond', async () => {
    // One clock for both sides, as one world: the sandbox would refuse the token at 100 s.
    const clock = new ManualClock();
    const local = createSandbox({ tokenTtlSeconds: 100, clock });
    const url = await local.listen(0);
    try {
      const c = createClient({ baseUrl: url, auth: OAUTH, timeoutMs: TIMEOUT_MS, clock });
      assert.equal((await c.getTrackers('98662653')).status, 200);
      clock.advance(89_999); // the last millisecond before the renewal margin (10 s of 100): cached
      assert.equal((await c.getTrackers('98662653')).status, 200);
      assert.equal(local.stats.byRoute.oauth?.['200'], 1);
      clock.advance(1); // 90 s: renewed before the sandbox would refuse it
      const r = await c.getTrackers('98662653');
      assert.equal(r.status, 200);
      assert.equal(r.authRefreshed, undefined, 'renewed ahead of expiry, not after a 401');
      assert.equal(local.stats.byRoute.oauth?.['200'], 2);
    } finally {
      await local.close();
    }
  });

  test('OAuth: a token refused with 401 (expired early, revoked) is replaced once, and the result says so', async () => {
    const serverClock = new ManualClock();
    const local = createSandbox({ tokenTtlSeconds: 100, clock: serverClock });
    const url = await local.listen(0);
    try {
      // The client's clock stands still; the server's moves past the token's expiry.
      const c = createClient({ baseUrl: url, auth: OAUTH, timeoutMs: TIMEOUT_MS, clock: new ManualClock() });
      assert.equal((await c.getTrackers('98662653')).status, 200);
      serverClock.advance(200_000);
      const r = await c.getTrackers('98662653');
      assert.equal(r.status, 200);
      assert.equal(r.authRefreshed, true);
      assert.equal(local.stats.byRoute.oauth?.['200'], 2);
    } finally {
      await local.close();
    }
  });

  test('OAuth: a wrong secret is a failure with reason auth_token, and the secret is in no field of the result', async () => {
    const secret = 'planted-oauth-secret-42';
    const r = await client({ kind: 'oauth-client', key: 'sandbox_key', secret: new Secret(secret) }).getTrackers('98662653');
    assert.equal(r.ok, false);
    assert.equal(r.failure?.reason, 'auth_token');
    assert.match(r.failure!.message, /HTTP 401/);
    assert.doesNotMatch(JSON.stringify(r) + inspect(r, { depth: 10 }), new RegExp(secret));
  });

  test('OAuth: a token given directly is sent as is; an unknown one gets 401', async () => {
    const r = await client({ kind: 'oauth-token', token: new Secret('not-a-token') }).getTrackers('98662653');
    assert.equal(r.status, 401);
  });

  test('credentials never appear in a result', async () => {
    const r = await client().getTrackers('98662653');
    const text = JSON.stringify(r) + inspect(r, { depth: 10 });
    assert.doesNotMatch(text, /sandbox_password|c2FuZGJveF91c2Vy/);
  });
});

const faultCases: [string, string, FailureReason, RegExp][] = [
  ['malformed JSON', 'malformed-json', 'invalid_json', /not valid JSON/],
  ['truncated JSON', 'truncated-json', 'invalid_json', /not valid JSON/],
  ['an HTML content type', 'content-type=text/html', 'non_json_content_type', /"text\/html/],
  ['a Content-Encoding that lies', 'lying-encoding', 'bad_content_encoding', /does not decode as gzip \(incorrect header check/],
  ['a compressed stream cut short', 'encoding=br,truncated-encoding', 'bad_content_encoding', /does not decode as br/],
  ['a decompression bomb', 'decompression-bomb', 'body_too_large', /^body exceeds 10485760 bytes once decoded/],
  ['a reset connection', 'reset', 'connection_reset', /ECONNRESET|socket hang up/],
];

describe('failures are classified, never thrown', () => {
  for (const [name, fault, reason, message] of faultCases) {
    test(`${name} → ${reason}`, async () => {
      const r = await client().getTrackers('98662653', withFault(fault));
      assert.equal(r.ok, false);
      assert.equal(r.failure?.reason, reason, why(r));
      assert.match(r.failure!.message, message);
    });
  }

  test('a 5xx is a complete answer: the status tells, not a failure reason', async () => {
    const r = await client().getTrackers('98662653', withFault('error-rate=1'));
    assert.equal(r.status, 503);
    assert.equal(r.failure, undefined);
  });

  test('a refused connection → connection_refused', async () => {
    // Below the ephemeral range, so no parallel test's server on port 0 can be given it meanwhile.
    const port = await freePort();
    const r = await createClient({ baseUrl: `http://127.0.0.1:${port}`, auth: BASIC, timeoutMs: TIMEOUT_MS }).getTrackers('1');
    assert.equal(r.failure?.reason, 'connection_refused');
  });

  test('a TLS handshake against a plain-HTTP port → tls', async () => {
    const r = await createClient({ baseUrl: baseUrl.replace('http:', 'https:'), auth: BASIC, timeoutMs: TIMEOUT_MS }).getTrackers(
      '98662653',
    );
    assert.equal(r.failure?.reason, 'tls', why(r));
  });

  test('a request Node cannot build (a token that is not a valid header) → invalid_request, not a throw, value not shown', async () => {
    const r = await client({ kind: 'oauth-token', token: new Secret('tok\u4e2dn-planted') }).getTrackers('98662653');
    assert.equal(r.failure?.reason, 'invalid_request');
    assert.match(r.failure!.message, /header X-CAP-API-OAUTH-TOKEN/);
    assert.doesNotMatch(JSON.stringify(r), /planted/);
    const viaFault = await client().getTrackers('98662653', { headers: { 'X-Sandbox-Fault': 'latency=1\r\nX-Evil: 1' } });
    assert.equal(viaFault.failure?.reason, 'invalid_request');
  });

  test('a body over the cap → body_too_large, as received or once decoded: one cap', async () => {
    const capped = createClient({ baseUrl, auth: BASIC, timeoutMs: TIMEOUT_MS, maxBodyBytes: 5000 });
    const plain = await capped.getTrackers('98662653', withFault('encoding=identity'));
    assert.equal(plain.failure?.reason, 'body_too_large');
    assert.equal(plain.failure?.message, 'body exceeds 5000 bytes');
    // ~3.3 KB of gzip on the wire, 37 KB decoded.
    const gzip = await capped.getTrackers('98662653');
    assert.equal(gzip.headers['content-encoding'], 'gzip');
    assert.ok(gzip.bodySize < 5000);
    assert.equal(gzip.failure?.reason, 'body_too_large', why(gzip));
    assert.match(gzip.failure!.message, /^body exceeds 5000 bytes once decoded/);
    assert.equal(gzip.body, undefined);
  });
});

// The client's clock is the sandbox's (its latency, trickle and token ttl run on it): the test
// moves it, once the side that reads it next has done everything it does before reading it, so
// every duration below is exact and no load can change which rule fires.
describe('options of the wrong type: a TypeError at createClient naming the field, never the value', () => {
  // From JavaScript (or past a cast), a plain string where a Secret belongs once crashed inside the
  // first request with "auth.password.reveal is not a function".
  const cases: [string, unknown, RegExp][] = [
    [
      'a plain string as the Basic password',
      { ...BASIC, password: 'planted-pw' },
      /^createClient: auth\.password must be a Secret .*, got a string$/,
    ],
    [
      'a plain string as the OAuth secret',
      { kind: 'oauth-client', key: 'k', secret: 'planted-pw' },
      /^createClient: auth\.secret must be a Secret/,
    ],
    [
      'a plain object as the token',
      { kind: 'oauth-token', token: { value: 'planted-pw' } },
      /^createClient: auth\.token must be a Secret .*, got an object \(Object\)$/,
    ],
    ['an unknown kind', { kind: 'bearer', token: 'planted-pw' }, /^createClient: auth must be \{ kind: 'none' \| 'basic'/],
    ['no auth at all', undefined, /^createClient: auth must be .*, got undefined$/],
  ];
  for (const [name, auth, says] of cases) {
    test(name, () => {
      assert.throws(
        () => createClient({ baseUrl, auth: auth as AuthConfig, timeoutMs: TIMEOUT_MS }),
        (err: Error) => err instanceof TypeError && says.test(err.message) && !err.message.includes('planted-pw'),
      );
    });
  }

  test('with a Secret, the same call works', async () => {
    const r = await createClient({ baseUrl, auth: BASIC, timeoutMs: TIMEOUT_MS }).getTrackers('98662653');
    assert.equal(r.status, 200, why(r));
  });
});

describe('timing, on a manual clock shared with the sandbox', () => {
  async function onManualClock(t: TestContext, timeoutMs: number) {
    const clock = new ManualClock();
    const sandbox = createSandbox({ clock });
    const url = await sandbox.listen(0);
    t.after(() => sandbox.close());
    const c = createClient({ baseUrl: url, auth: BASIC, timeoutMs, clock });
    t.after(() => c.close());
    return { clock, sandbox, url, c };
  }

  test('startedAt is the clock’s wall time; the first byte and the end are its monotonic time (latency=150)', async (t) => {
    const { clock, sandbox, c } = await onManualClock(t, 1000);
    const arrived = requestArrives(sandbox.server);
    const pending = c.getTrackers('98662653', withFault('latency=150'));
    await arrived;
    clock.advance(150);
    const r = await pending;
    assert.equal(r.ok, true, why(r));
    assert.equal(r.timings.startedAt, Date.UTC(2026, 0, 1), 'the clock’s epoch at the start, not Date.now()');
    assert.equal(r.timings.ttfbMs, 150);
    assert.equal(r.timings.totalMs, 150);
  });

  test('an answer 1 ms inside the timeout is an answer; one due at the timeout is a timeout', async (t) => {
    const { clock, sandbox, c } = await onManualClock(t, 400);
    let arrived = requestArrives(sandbox.server);
    let pending = c.getTrackers('98662653', withFault('latency=399'));
    await arrived;
    clock.advance(399);
    const inside = await pending;
    assert.equal(inside.ok, true, why(inside));
    assert.equal(inside.timings.totalMs, 399);

    arrived = requestArrives(sandbox.server);
    pending = c.getTrackers('98662653', withFault('latency=400'));
    await arrived;
    clock.advance(400);
    const at = await pending;
    assert.equal(at.failure?.reason, 'timeout', why(at));
    assert.equal(at.status, undefined);
    assert.equal(at.timings.totalMs, 400);
  });

  test('decoding is not the server’s time: the total ends at the last byte, and the timeout no longer runs', async (t) => {
    const { clock, sandbox, url, c } = await onManualClock(t, 1000);
    const port = Number(new URL(url).port);
    // Node publishes this before the client's own 'response' handler runs, so the 'end' listener added
    // here runs after the client's: the body has arrived, and it is still being decoded.
    const onResponse = (message: unknown) => {
      const { request } = message as { request: ClientRequest };
      if (request.socket?.remotePort !== port) return;
      diagnostics.unsubscribe('http.client.response.finish', onResponse);
      request.once('response', (res: IncomingMessage) => res.once('end', () => clock.advance(5000)));
    };
    diagnostics.subscribe('http.client.response.finish', onResponse);
    const arrived = requestArrives(sandbox.server);
    const pending = c.getTrackers('98662653', withFault('latency=150,encoding=br'));
    await arrived;
    clock.advance(150);
    const r = await pending;
    assert.equal(r.ok, true, why(r));
    assert.equal(r.headers['content-encoding'], 'br');
    assert.equal(clock.now(), 5150, 'the clock moved while the body was decoded');
    assert.equal(r.timings.ttfbMs, 150);
    assert.equal(r.timings.totalMs, 150);
  });

  test('a hanging server → timeout at the configured time, not a millisecond before', async (t) => {
    const { clock, sandbox, c } = await onManualClock(t, 300);
    const arrived = requestArrives(sandbox.server);
    const pending = c.getTrackers('98662653', withFault('hang'));
    await arrived;
    clock.advance(299);
    assert.equal(clock.pending(), 1, 'at 299 ms the client’s timeout is still armed (a hang arms nothing)');
    clock.advance(1);
    const r = await pending;
    assert.equal(r.failure?.reason, 'timeout', why(r));
    assert.equal(r.failure?.message, 'no complete response within 300 ms');
    assert.equal(r.timings.totalMs, 300);
    assert.equal(r.timings.ttfbMs, undefined);
  });

  test('a trickled body slower than the timeout → timeout, with the first byte timed', async (t) => {
    const { clock, sandbox, url, c } = await onManualClock(t, 400);
    const arrived = requestArrives(sandbox.server);
    const headers = headersReach(url);
    const pending = c.getTrackers('98662653', withFault('latency=100,trickle=2000'));
    await arrived;
    clock.advance(100); // the headers go out; the body's first piece is due 200 ms later
    await headers;
    clock.advance(300);
    const r = await pending;
    assert.equal(r.failure?.reason, 'timeout', why(r));
    assert.equal(r.status, 200, 'the headers had come');
    assert.equal(r.timings.ttfbMs, 100);
    assert.equal(r.timings.totalMs, 400);
  });
});
