// The Pushgateway misbehaving, each way a real one (or the proxy in front of it) can:
// refusing, hanging, answering 5xx, trickling its answer. The push always ends within
// its timeout, the message says what happened and holds no credential in any form
// (even when the gateway echoes the Authorization header back), and `--once --push`
// exits 1 when the push failed, 0 when it got through late but within the timeout.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { describe, test, type TestContext } from 'node:test';
import { Registry } from 'prom-client';
import type { Flags } from '../../../monitor/flags.ts';
import { createMetrics } from '../../../monitor/metrics.ts';
import { once } from '../../../monitor/once.ts';
import { pushMetrics, redactCredentials } from '../../../monitor/push.ts';
import { clientFor } from '../../../src/client.ts';
import type { MonitorSettings } from '../../../src/config/monitor.ts';
import { Secret } from '../../../src/secret.ts';
import { closedPort, startSandbox, testTarget } from './helpers.ts';

const USER = 'push-user';
const PASSWORD = 'Push-Secret-5e1b';
const BASIC = Buffer.from(`${USER}:${PASSWORD}`).toString('base64');
// slow-ok answers at a quarter of it: 750 ms of slack, as a GC pause in a loaded test process can take hundreds.
const TIMEOUT_MS = 1000;
// The deadline plus generous slack for a loaded 2-core machine; a hang would take forever.
const BOUND_MS = TIMEOUT_MS + 1500;
// --once also probes the API first, with the target's timeout (which the push then uses too): generous,
// so a loaded machine's slow probe is not mistaken for the push failing.
const ONCE_TIMEOUT_MS = 2500;

type Behaviour = 'refuse' | 'hang' | '5xx-echo' | 'trickle' | 'slow-ok';

/** A misbehaving gateway on port 0 (or a port nobody listens on, for 'refuse'). */
async function gateway(t: TestContext, behaviour: Behaviour): Promise<string> {
  if (behaviour === 'refuse') return `http://${USER}:${PASSWORD}@127.0.0.1:${await closedPort()}`;
  const timers = new Set<NodeJS.Timeout>();
  const server = http.createServer((req, res) => {
    req.resume();
    if (behaviour === 'hang') return;
    if (behaviour === '5xx-echo') {
      // A proxy's error page that repeats the request, credentials and all, with raw control bytes.
      res.writeHead(503, { 'Content-Type': 'text/plain' });
      res.end(
        `upstream down\r\n\u0007authorization: ${req.headers.authorization ?? ''}\npassword=${PASSWORD}\n${'x'.repeat(5000)}`,
      );
      return;
    }
    if (behaviour === 'slow-ok') {
      const timer = setTimeout(() => res.writeHead(200).end(), TIMEOUT_MS / 4);
      timers.add(timer);
      return;
    }
    // trickle: one byte every 50 ms, forever; each byte resets an idle timeout.
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    const timer = setInterval(() => res.write('.'), 50);
    timers.add(timer);
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
  return `http://${USER}:${PASSWORD}@127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function registryWithMetrics(): Registry {
  const registry = new Registry();
  createMetrics({ registry, targets: [testTarget('eu')], version: 'test', defaultMetrics: false });
  return registry;
}

function assertNoCredential(text: string): void {
  for (const form of [PASSWORD, BASIC]) assert.ok(!text.includes(form), `a credential form appears in: ${text}`);
}

const CASES: { behaviour: Behaviour; ok: boolean; says?: RegExp }[] = [
  { behaviour: 'refuse', ok: false, says: /ECONNREFUSED/ },
  { behaviour: 'hang', ok: false, says: /no answer within \d+ ms/ },
  { behaviour: '5xx-echo', ok: false, says: /status 503, upstream down/ },
  { behaviour: 'trickle', ok: false, says: /no answer within \d+ ms/ },
  { behaviour: 'slow-ok', ok: true },
];

describe('pushMetrics against a misbehaving Pushgateway', { concurrency: true }, () => {
  for (const c of CASES) {
    test(`${c.behaviour}: ${c.ok ? 'pushed' : 'a failure value'} within the timeout, no credential in the message`, async (t) => {
      const url = await gateway(t, c.behaviour);
      const t0 = performance.now();
      const r = await pushMetrics(registryWithMetrics(), { url, groupings: { instance: 'a' }, timeoutMs: TIMEOUT_MS });
      const ms = performance.now() - t0;
      assert.ok(ms < BOUND_MS, `took ${Math.round(ms)} ms`);
      assert.equal(r.ok, c.ok, r.ok ? '' : r.message);
      if (r.ok) return;
      assert.match(r.message, /^push to the Pushgateway failed: /);
      assert.match(r.message, c.says!);
      assertNoCredential(r.message);
      // eslint-disable-next-line no-control-regex -- control characters are what must not appear
      assert.doesNotMatch(r.message, /[\n\r\u0000-\u001f]/, 'one printable line');
      assert.ok(r.message.length < 400, `bounded: ${r.message.length} chars`);
    });
  }
});

describe('monitor --once --push when the push fails', { concurrency: true }, () => {
  for (const c of CASES) {
    test(`${c.behaviour}: exit ${c.ok ? 0 : 1} within the run's timeout`, async (t) => {
      const { baseUrl } = await startSandbox(t);
      const url = await gateway(t, c.behaviour);
      const target = testTarget('eu', { timeoutMs: ONCE_TIMEOUT_MS });
      const clients = [clientFor(target.config, baseUrl)];
      const lines: string[] = [];
      const settings = { pushgateway: { url: new Secret(url), display: 'http://(hidden)@127.0.0.1' } } as MonitorSettings;
      const flags = { once: true, push: true, instance: 'cron-1', help: false } as Flags;
      const t0 = performance.now();
      const code = await once(
        { flags, settings, targets: [target], version: 'test' },
        { out: () => {}, err: (line) => lines.push(line) },
        { clientFor: () => clients[0]!, where: () => baseUrl, baseUrlOf: () => baseUrl, close: async () => clients[0]!.close() },
      );
      const ms = performance.now() - t0;
      // Three checks against a healthy sandbox, then the push: bounded by the push's timeout.
      assert.ok(ms < ONCE_TIMEOUT_MS * 2 + 2500, `took ${Math.round(ms)} ms`);
      assert.equal(code, c.ok ? 0 : 1, lines.join('\n'));
      assertNoCredential(lines.join('\n'));
      if (!c.ok)
        assert.ok(
          lines.some((l) => c.says!.test(l)),
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
