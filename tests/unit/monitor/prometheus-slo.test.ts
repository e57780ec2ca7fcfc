// The long-window ratios from Prometheus's HTTP API, against a throwaway HTTP
// server per case that answers as Prometheus does (the e2e test runs a real one).
// The time-out and the answers' age run on a manual clock.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setImmediate } from 'node:timers';
import { describe, test, type TestContext } from 'node:test';
import { createPrometheusSloSource, LONG_QUERIES } from '../../../monitor/prometheus-slo.ts';
import { Secret } from '../../../src/secret.ts';
import { ManualClock } from '../../support/manual-clock.ts';
import { closedPort } from './helpers.ts';

type Handler = (query: string, req: http.IncomingMessage, res: http.ServerResponse) => void;

async function fakePrometheus(t: TestContext, handler: Handler): Promise<{ url: string; seen: http.IncomingMessage[] }> {
  const seen: http.IncomingMessage[] = [];
  const server = http.createServer((req, res) => {
    seen.push(req);
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname !== '/api/v1/query') return void res.writeHead(404).end();
    handler(url.searchParams.get('query') ?? '', req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

const vector = (result: { metric: Record<string, string>; value: string }[]) =>
  JSON.stringify({
    status: 'success',
    data: { resultType: 'vector', result: result.map((r) => ({ metric: r.metric, value: [1767000000, r.value] })) },
  });

/** Let the I/O and promise callbacks that are ready run: not a wait for time. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('Prometheus SLO source', () => {
  test('reads the 1 d, 7 d, 30 d ratios and the budget left per target and check', async (t) => {
    const { url, seen } = await fakePrometheus(t, (q, _req, res) => {
      res.setHeader('Content-Type', 'application/json');
      const trackers = { target: 'eu', sloth_slo: 'trackers-availability', sloth_window: '1d' };
      const notFound = { target: 'eu', sloth_slo: 'not-found-availability' };
      const latency = { target: 'eu', sloth_slo: 'trackers-latency' };
      if (q === LONG_QUERIES.ratio1d)
        return void res.end(
          vector([
            { metric: trackers, value: '0.9995' },
            { metric: latency, value: '0.5' },
          ]),
        );
      if (q === LONG_QUERIES.ratio7d) return void res.end(vector([{ metric: trackers, value: '0.99' }]));
      if (q === LONG_QUERIES.ratio30d)
        return void res.end(
          vector([
            { metric: trackers, value: '1' },
            { metric: notFound, value: 'NaN' },
          ]),
        );
      if (q === LONG_QUERIES.budgetRemaining)
        return void res.end(
          vector([
            { metric: trackers, value: '0.25' },
            { metric: notFound, value: '-1' },
          ]),
        );
      res.writeHead(400).end();
    });
    const source = createPrometheusSloSource({ url: new Secret(`http://scraper:s3cret-pw@${url.slice(7)}`), display: url });
    assert.equal(source.view().status, 'pending');
    await source.refresh();
    const view = source.view();
    assert.equal(view.status, 'ok', view.reason);
    assert.deepEqual(view.ratios, {
      'eu/trackers': { ratio1d: 0.9995, ratio7d: 0.99, ratio30d: 1, budgetRemaining: 0.25 },
      'eu/not_found': { ratio1d: null, ratio7d: null, ratio30d: null, budgetRemaining: -1 },
    });
    assert.equal(seen.length, 4);
    for (const req of seen) {
      assert.equal(req.headers.authorization, `Basic ${Buffer.from('scraper:s3cret-pw').toString('base64')}`);
    }
    assert.doesNotMatch(JSON.stringify(view), /s3cret/);
  });

  const FAILURES: { name: string; handler: Handler; reason: RegExp; timeoutMs?: number }[] = [
    {
      name: 'no SLO rules loaded',
      handler: (_q, _req, res) => void res.end(vector([])),
      reason: /^no SLO recording rules there \(monitor\/prometheus\/trackers-slo\.rules\.yml\)$/,
    },
    { name: 'HTTP 503', handler: (_q, _req, res) => void res.writeHead(503).end('down'), reason: /^HTTP 503$/ },
    { name: 'not JSON', handler: (_q, _req, res) => void res.end('<html>'), reason: /^not a Prometheus query answer$/ },
    {
      name: 'an error answer',
      handler: (_q, _req, res) => void res.end(JSON.stringify({ status: 'error', errorType: 'bad_data' })),
      reason: /^not a Prometheus query answer$/,
    },
    // A minute, on the manual clock: no real-time timer could end it within the test's 30 s.
    { name: 'no answer within the timeout', handler: () => {}, reason: /^timeout after 60000 ms$/, timeoutMs: 60_000 },
  ];
  for (const c of FAILURES) {
    test(`${c.name}: unavailable, with a reason and no URL`, { timeout: 30_000 }, async (t) => {
      let arrivals = 0;
      let allArrived!: () => void;
      const arrived = new Promise<void>((resolve) => (allArrived = resolve));
      const { url } = await fakePrometheus(t, (q, req, res) => {
        if (++arrivals === 4) allArrived();
        c.handler(q, req, res);
      });
      const clock = new ManualClock();
      const source = createPrometheusSloSource({
        url: new Secret(`http://u:s3cret-pw@${url.slice(7)}`),
        display: url,
        timeoutMs: c.timeoutMs,
        clock,
      });
      const refreshing = source.refresh();
      assert.equal(clock.pending(), 4, "a deadline per query, on the source's clock");
      if (c.timeoutMs !== undefined) {
        // The four questions got there and hang: 1 ms short of the time-out they are still waited for.
        await arrived;
        clock.advance(c.timeoutMs - 1);
        await settle();
        assert.equal(source.view().status, 'pending');
        clock.advance(1);
      }
      // Every other failure ends without the clock moving: none waits for the time-out.
      await refreshing;
      assert.equal(clock.pending(), 0, 'every deadline cleared');
      const view = source.view();
      assert.equal(view.status, 'unavailable');
      assert.match(view.reason ?? '', c.reason);
      assert.equal(view.ratios, undefined);
      assert.doesNotMatch(JSON.stringify(view), /s3cret|127\.0\.0\.1:\d+\/api/);
    });
  }

  test('nothing listening: unavailable (ECONNREFUSED); view() never waits and re-asks only when stale', async () => {
    const clock = new ManualClock();
    let calls = 0;
    const port = await closedPort();
    const source = createPrometheusSloSource({
      url: new Secret(`http://127.0.0.1:${port}`),
      display: `http://127.0.0.1:${port}`,
      maxAgeMs: 10_000,
      clock,
      fetch: ((...args: Parameters<typeof fetch>) => {
        calls++;
        return fetch(...args);
      }) as typeof fetch,
    });
    assert.equal(source.view().status, 'pending', 'the first view starts a query and returns at once');
    await source.refresh();
    assert.deepEqual((({ status, reason }) => ({ status, reason }))(source.view()), {
      status: 'unavailable',
      reason: 'ECONNREFUSED',
    });
    assert.equal(source.view().fetchedAt, clock.epochMs(), 'stamped with the wall-clock time of the question');
    const after = calls;
    clock.advance(9_999);
    source.view();
    assert.equal(calls, after, 'cached within maxAgeMs');
    clock.advance(1);
    source.view();
    assert.equal(calls, after + 4, 'stale: asked again, in the background');
  });
});
