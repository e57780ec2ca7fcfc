// The Pushgateway misbehaving, each way a real one (or the proxy in front of it) can:
// refusing, hanging, answering 5xx, trickling its answer. The push always ends by its
// deadline, the message says what happened and holds no credential in any form (even
// when the gateway echoes the Authorization header back), and `--once --push` exits 1
// when the push failed, 0 when it got through late but within the timeout. The
// deadline is a rule about time: it runs on a manual clock, which the test moves past
// it (or not), so how slow the machine is cannot change the outcome. One case keeps
// the system clock, for the deadline's real timer.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setImmediate } from 'node:timers';
import { describe, test, type TestContext } from 'node:test';
import { Registry } from 'prom-client';
import type { Flags } from '../../../monitor/flags.ts';
import { createMetrics } from '../../../monitor/metrics.ts';
import { once } from '../../../monitor/once.ts';
import { pushMetrics, redactCredentials } from '../../../monitor/push.ts';
import { clientFor } from '../../../src/client.ts';
import type { MonitorSettings } from '../../../src/config/monitor.ts';
import { Secret } from '../../../src/secret.ts';
import { ManualClock } from '../../support/manual-clock.ts';
import { closedPort, startSandbox, testTarget } from './helpers.ts';

const USER = 'push-user';
const PASSWORD = 'Push-Secret-5e1b';
const BASIC = Buffer.from(`${USER}:${PASSWORD}`).toString('base64');
/** The push's deadline, on the manual clock: it costs no real time, and no real-time timer could end a push within the tests' 30 s. */
const TIMEOUT_MS = 60_000;
// --once probes the API first, with the target's timeout (which the push then uses too): the probes run on the
// system clock, so a loaded machine's slow probe must not be mistaken for a failure.
const ONCE_TIMEOUT_MS = 30_000;

type Behaviour = 'refuse' | 'hang' | '5xx-echo' | 'trickle' | 'slow-ok';

interface Gateway {
  url: string;
  /** The push got there: the request arrived (trickle: and the first byte of the answer went out). */
  reached: Promise<void>;
  /** slow-ok: answer now. */
  answer(): void;
}

/** A misbehaving gateway on port 0 (or a port nobody listens on, for 'refuse'). */
async function gateway(t: TestContext, behaviour: Behaviour): Promise<Gateway> {
  let reach!: () => void;
  const reached = new Promise<void>((resolve) => (reach = resolve));
  let answer = () => {};
  const answered = new Promise<void>((resolve) => (answer = resolve));
  if (behaviour === 'refuse') return { url: `http://${USER}:${PASSWORD}@127.0.0.1:${await closedPort()}`, reached, answer };
  const timers = new Set<NodeJS.Timeout>();
  const server = http.createServer((req, res) => {
    req.resume();
    if (behaviour === 'hang') return reach();
    if (behaviour === '5xx-echo') {
      // A proxy's error page that repeats the request, credentials and all, with raw control bytes.
      res.writeHead(503, { 'Content-Type': 'text/plain' });
      res.end(
        `upstream down\r\n\u0007authorization: ${req.headers.authorization ?? ''}\npassword=${PASSWORD}\n${'x'.repeat(5000)}`,
      );
      return;
    }
    if (behaviour === 'slow-ok') {
      reach();
      void answered.then(() => res.writeHead(200).end());
      return;
    }
    // trickle: one byte at once, then one every 50 ms, forever; each byte would reset an idle timeout.
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.write('.', () => reach());
    timers.add(setInterval(() => res.write('.'), 50));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(
    () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearInterval(timer);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  return { url: `http://${USER}:${PASSWORD}@127.0.0.1:${(server.address() as AddressInfo).port}`, reached, answer };
}

function registryWithMetrics(): Registry {
  const registry = new Registry();
  createMetrics({ registry, targets: [testTarget('eu')], version: 'test', defaultMetrics: false });
  return registry;
}

function assertNoCredential(text: string): void {
  for (const form of [PASSWORD, BASIC]) assert.ok(!text.includes(form), `a credential form appears in: ${text}`);
}

/** Let the I/O and promise callbacks that are ready run: not a wait for time. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Drive a push on `clock` to its end: a gateway that never finishes is waited for (the request got there), then the
 * clock goes to 1 ms before the deadline (the push must still be waiting) and then to the deadline; slow-ok answers
 * 1 ms before it. Refuse and 5xx-echo end by themselves, the clock untouched.
 */
async function drive(clock: ManualClock, gw: Gateway, behaviour: Behaviour, deadlineMs: number, pushing: Promise<unknown>) {
  if (behaviour === 'refuse' || behaviour === '5xx-echo') return;
  let settled = false;
  void pushing.finally(() => (settled = true));
  await gw.reached;
  clock.advance(deadlineMs - 1);
  await settle();
  assert.equal(settled, false, 'the push ended before its deadline');
  if (behaviour === 'slow-ok') gw.answer();
  else clock.advance(1);
}

/** What the failure message says, for a push with that deadline. */
const CASES: { behaviour: Behaviour; ok: boolean; says?: (deadlineMs: number) => RegExp }[] = [
  { behaviour: 'refuse', ok: false, says: () => /ECONNREFUSED/ },
  { behaviour: 'hang', ok: false, says: (ms) => new RegExp(`no answer within ${ms} ms`) },
  { behaviour: '5xx-echo', ok: false, says: () => /status 503, upstream down/ },
  { behaviour: 'trickle', ok: false, says: (ms) => new RegExp(`no answer within ${ms} ms`) },
  { behaviour: 'slow-ok', ok: true },
];

describe('pushMetrics against a misbehaving Pushgateway', { concurrency: true }, () => {
  for (const c of CASES) {
    test(
      `${c.behaviour}: ${c.ok ? 'pushed' : 'a failure value'} by the deadline, no credential in the message`,
      { timeout: 30_000 },
      async (t) => {
        const gw = await gateway(t, c.behaviour);
        const clock = new ManualClock();
        const pushing = pushMetrics(registryWithMetrics(), {
          url: gw.url,
          groupings: { instance: 'a' },
          timeoutMs: TIMEOUT_MS,
          clock,
        });
        assert.equal(clock.pending(), 1, 'the deadline is armed as the push starts');
        await drive(clock, gw, c.behaviour, TIMEOUT_MS, pushing);
        const r = await pushing;
        assert.equal(clock.pending(), 0, 'the deadline is cleared as the push ends');
        assert.equal(r.ok, c.ok, r.ok ? '' : r.message);
        if (r.ok) return;
        assert.match(r.message, /^push to the Pushgateway failed: /);
        assert.match(r.message, c.says!(TIMEOUT_MS));
        assertNoCredential(r.message);
        // eslint-disable-next-line no-control-regex -- control characters are what must not appear
        assert.doesNotMatch(r.message, /[\n\r\u0000-\u001f]/, 'one printable line');
        assert.ok(r.message.length < 400, `bounded: ${r.message.length} chars`);
      },
    );
  }

  test('on the system clock, the deadline ends a hanging push', { timeout: 30_000 }, async (t) => {
    // No bound on the time taken: were the deadline not armed, the push would hang and the test time out.
    const gw = await gateway(t, 'hang');
    const r = await pushMetrics(registryWithMetrics(), { url: gw.url, groupings: { instance: 'a' }, timeoutMs: 250 });
    assert.equal(r.ok, false);
    assert.match(r.ok ? '' : r.message, /^push to the Pushgateway failed: no answer within 250 ms$/);
  });
});

describe('monitor --once --push when the push fails', { concurrency: true }, () => {
  for (const c of CASES) {
    test(`${c.behaviour}: exit ${c.ok ? 0 : 1}, the push bounded by the target's timeout`, { timeout: 60_000 }, async (t) => {
      const { baseUrl } = await startSandbox(t);
      const gw = await gateway(t, c.behaviour);
      const target = testTarget('eu', { timeoutMs: ONCE_TIMEOUT_MS, latencyBudgetMs: ONCE_TIMEOUT_MS });
      const clients = [clientFor(target.config, baseUrl)];
      const lines: string[] = [];
      const settings = { pushgateway: { url: new Secret(gw.url), display: 'http://(hidden)@127.0.0.1' } } as MonitorSettings;
      const flags = { once: true, push: true, instance: 'cron-1', help: false } as Flags;
      // The probes time out on the client's (system) clock; the push's deadline is on the run's, this one.
      const clock = new ManualClock();
      const armed = clock.nextTimer();
      const running = once(
        { flags, settings, targets: [target], version: 'test' },
        { out: () => {}, err: (line) => lines.push(line), clock },
        { clientFor: () => clients[0]!, where: () => baseUrl, baseUrlOf: () => baseUrl, close: async () => clients[0]!.close() },
      );
      const deadline = await Promise.race([armed, running.then((code) => assert.fail(`ended (${code}) without pushing`))]);
      assert.equal(deadline, ONCE_TIMEOUT_MS, "the push's deadline is the target's whole-request timeout");
      await drive(clock, gw, c.behaviour, ONCE_TIMEOUT_MS, running);
      const code = await running;
      assert.equal(code, c.ok ? 0 : 1, lines.join('\n'));
      assertNoCredential(lines.join('\n'));
      if (!c.ok)
        assert.ok(
          lines.some((l) => c.says!(ONCE_TIMEOUT_MS).test(l)),
          lines.join('\n'),
        );
    });
  }
});

test('redactCredentials hides the user info as given, percent-decoded and as a Basic credential', () => {
  const url = 'http://us%65r:p%40ss-word@gw:9091';
  const text = 'a p@ss-word, p%40ss-word and dXNlcjpwQHNzLXdvcmQ= here';
  assert.equal(redactCredentials(text, url), 'a (hidden), (hidden) and (hidden) here');
  assert.equal(redactCredentials('nothing to hide', 'http://gw:9091'), 'nothing to hide');
});
