// Faults in what the monitor depends on besides the API itself: the OAuth token
// endpoint down or talking garbage for a while (probes fail as auth_error with the
// client's auth_token reason, then recover with no restart, because a failed fetch
// is never cached), a host name that does not resolve (dns_error; `.invalid` never
// resolves, RFC 6761, so no query leaves the machine), and the wall clock jumping
// (intervals and durations come from monotonic clocks, so they do not move).
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, test, type TestContext } from 'node:test';
import { Registry } from 'prom-client';
import { startLoop } from '../../../monitor/loop.ts';
import { createMetrics } from '../../../monitor/metrics.ts';
import { probe } from '../../../monitor/probe.ts';
import { OAUTH_TOKEN_PATH } from '../../../src/auth.ts';
import { clientFor, createClient } from '../../../src/client.ts';
import { answered, durationMs, passed } from '../../../src/checks/result.ts';
import { Secret } from '../../../src/secret.ts';
import { ManualClock } from '../../support/manual-clock.ts';
import { fakeProbe, startSandbox, testTarget, ttfbOf } from './helpers.ts';

type TokenMode = 'ok' | 'refuse' | 'garbage' | 'html' | 'no-token' | 'hang';

/**
 * The sandbox behind a front that misbehaves on the token endpoint while `mode` says so.
 * 'refuse' closes the connection without an answer (the endpoint is down behind a proxy).
 */
async function tokenFront(t: TestContext): Promise<{
  baseUrl: string;
  setMode(mode: TokenMode): void;
  tokenCalls(): number;
  /** Resolves when the next token request has been met in the current mode (a hang: is being held). */
  tokenAsked(): Promise<void>;
}> {
  const { sandbox } = await startSandbox(t);
  let mode: TokenMode = 'ok';
  let calls = 0;
  const asked: (() => void)[] = [];
  const front = http.createServer((req, res) => {
    if (req.url?.startsWith(OAUTH_TOKEN_PATH)) {
      calls++;
      for (const resolve of asked.splice(0)) resolve();
      if (mode === 'refuse') return void req.socket.destroy();
      if (mode === 'hang') return void req.resume();
      if (mode === 'garbage') return void res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"data":{"accessTok');
      if (mode === 'html') return void res.writeHead(502, { 'Content-Type': 'text/html' }).end('<html>Bad gateway</html>');
      if (mode === 'no-token') return void res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"data":{}}');
    }
    sandbox.server.emit('request', req, res);
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise<void>((resolve) => (front.close(() => resolve()), front.closeAllConnections())));
  return {
    baseUrl: `http://127.0.0.1:${(front.address() as AddressInfo).port}`,
    setMode: (m) => (mode = m),
    tokenCalls: () => calls,
    tokenAsked: () => new Promise((resolve) => asked.push(resolve)),
  };
}

// A token request, a GET and a validation take what they take on a loaded machine: far below
// 30 s. A hang is ended by the test: the client runs on a manual clock it moves to the timeout.
const oauthTarget = () =>
  testTarget('eu', {
    auth: { kind: 'oauth-client', key: 'sandbox_key', secret: new Secret('sandbox_secret') },
    timeoutMs: 30_000,
  });

describe('the OAuth token endpoint down or answering garbage for a while', { concurrency: true }, () => {
  const BROKEN: TokenMode[] = ['refuse', 'garbage', 'html', 'no-token', 'hang'];
  for (const mode of BROKEN) {
    test(`${mode}: auth_error (auth_token) on every probe while it lasts, then recovery with no restart`, async (t) => {
      const front = await tokenFront(t);
      const target = oauthTarget();
      const clock = new ManualClock();
      const client = clientFor(target.config, front.baseUrl, mode === 'hang' ? { clock } : {});
      t.after(() => client.close());
      front.setMode(mode);
      for (let i = 0; i < 2; i++) {
        const asked = front.tokenAsked();
        const pending = probe(client, target, 'trackers');
        if (mode === 'hang') {
          await asked;
          clock.advance(target.config.timeoutMs);
        }
        const r = await pending;
        assert.equal(passed(r), false);
        assert.equal(r.reason, 'auth_error', r.message);
        assert.match(r.message, /token/);
        if (mode === 'hang') assert.match(r.message, /token request failed: timeout \(no complete response within 30000 ms\)/);
        assert.doesNotMatch(r.message, /sandbox_secret/);
      }
      assert.equal(front.tokenCalls(), 2, 'a failed token fetch is not cached: each probe asks again');
      front.setMode('ok');
      const healed = await probe(client, target, 'trackers');
      assert.equal(passed(healed), true, healed.message);
      // And the token is now cached: the next probe does not ask for another.
      await probe(client, target, 'trackers');
      assert.equal(front.tokenCalls(), 3);
    });
  }

  test('the client says auth_token while it lasts', async (t) => {
    const front = await tokenFront(t);
    front.setMode('garbage');
    const client = createClient({
      baseUrl: front.baseUrl,
      auth: { kind: 'oauth-client', key: 'sandbox_key', secret: new Secret('sandbox_secret') },
      timeoutMs: 30_000,
    });
    const r = await client.getTrackers('98662653');
    assert.equal(r.failure?.reason, 'auth_token');
    assert.match(r.failure!.message, /invalid_json/);
  });
});

test('a host name that does not resolve → dns_error, inconclusive, naming the host', async () => {
  // A resolver that answers slowly under load must still be a DNS failure, not a timeout.
  const target = testTarget('eu', { timeoutMs: 60_000 });
  const client = clientFor(target.config, 'https://trackers-api.invalid');
  const r = await probe(client, target, 'trackers');
  assert.equal(r.reason, 'dns_error', r.message);
  assert.equal(r.verdict, 'inconclusive');
  assert.equal(answered(r), false);
  assert.match(r.message, /ENOTFOUND|EAI_AGAIN/);
  assert.match(r.message, /trackers-api\.invalid/);
});

describe('the wall clock jumping backward and forward', () => {
  /** Date.now an hour ahead on one call, an hour behind on the next: any duration taken from it would be ±1 h. */
  function jumpingClock(t: TestContext): void {
    const real = Date.now.bind(Date);
    let sign = 1;
    t.mock.method(Date, 'now', () => real() + (sign = -sign) * 3_600_000);
  }

  // The real system clock: the point is what its wall half does to durations (nothing).
  test('a probe duration is the real one, within the request and not ±1 h', async (t) => {
    const { baseUrl } = await startSandbox(t);
    const target = testTarget('eu', { latencyBudgetMs: 60_000, latencyDegradedMs: 60_000, timeoutMs: 60_000 });
    const client = clientFor(target.config, baseUrl);
    t.after(() => client.close());
    jumpingClock(t);
    const r = await probe(client, target, 'trackers', { headers: { 'X-Sandbox-Fault': 'latency=60' } });
    assert.equal(passed(r), true, r.message);
    // The sandbox waits 60 ms on the monotonic clock; an hour either way is what a wall-clock duration would show.
    assert.ok(durationMs(r) >= 55 && durationMs(r) < 600_000, `duration ${durationMs(r)} ms`);
    const ttfb = ttfbOf(r);
    assert.ok(ttfb !== undefined && ttfb >= 55 && ttfb <= durationMs(r), `ttfb ${ttfb} ms`);
  });

  test('the loop keeps its interval (1 s) while the clock jumps', async (t) => {
    const target = testTarget('eu', {}, { intervalSeconds: 1, authIntervalSeconds: 0 });
    const clock = new ManualClock();
    const at: number[] = [];
    jumpingClock(t);
    const loop = startLoop({
      targets: [target],
      clientFor: () => ({}) as never,
      metrics: createMetrics({ registry: new Registry(), targets: [target], version: 'test', defaultMetrics: false }),
      jitter: 0,
      random: () => 0,
      clock,
      probe: async (_client, _target, check) => {
        if (check === 'trackers') at.push(clock.now());
        return fakeProbe(target, check);
      },
    });
    t.after(() => loop.stop());
    const rearmed = clock.nextTimer();
    clock.advance(0); // the first probes: no spread with random() = 0
    assert.deepEqual(at, [0]);
    assert.equal(await rearmed, 1000, 'the next trackers probe is armed one interval after the first started');
    clock.advance(999);
    assert.deepEqual(at, [0], 'not a millisecond early');
    clock.advance(1);
    assert.deepEqual(at, [0, 1000]);
    await loop.stop();
  });
});
