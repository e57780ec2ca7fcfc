import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { describe, test, type TestContext } from 'node:test';
import { Gauge, Registry } from 'prom-client';
import { ExpositionRegistry } from '../../../monitor/exposition.ts';
import { createMonitorServer } from '../../../monitor/http.ts';
import { createStatusHistory, type StatusSnapshot, type StatusSummary } from '../../../monitor/status-history.ts';
import { STATUS_PAGE_CSP } from '../../../monitor/status-page.ts';
import { euProbe, serveMonitor, testTarget } from './helpers.ts';

const serve = (t: TestContext) => serveMonitor(t, [testTarget('eu')]);

describe('monitor HTTP server', () => {
  test('GET /metrics: the exposition with the registry’s content type', async (t) => {
    const { base, registry, record } = await serve(t);
    record(euProbe('x', true));
    const res = await fetch(`${base}/metrics`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), registry.contentType);
    const text = await res.text();
    assert.match(text, /^# HELP trackers_probes_total /m);
    assert.match(text, /^trackers_probes_total\{target="eu",check="trackers",result="success"\} 1$/m);
  });

  test('GET /healthz', async (t) => {
    const { base } = await serve(t);
    const res = await fetch(`${base}/healthz`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type')!, /^application\/json/);
    const body = (await res.json()) as Record<string, unknown>;
    assert.equal(body.status, 'ok');
    assert.equal(body.targets, 1);
    assert.equal(typeof body.uptime, 'number');
  });

  test('GET /api/status: the summary the page renders; ?target=NAME: one target’s details', async (t) => {
    const { base, record } = await serve(t);
    record(euProbe('HTTP 503 down'));
    const body = (await (await fetch(`${base}/api/status`)).json()) as StatusSummary;
    assert.equal(body.targets[0]!.name, 'eu');
    assert.equal(body.targets[0]!.checks[0]!.state, 'DOWN');
    assert.equal(body.targets[0]!.checks[0]!.lastFailure?.reason, 'http_5xx');
    assert.equal('recent' in body.targets[0]!.checks[0]!, false, 'no chart points in the summary');
    const detail = (await (await fetch(`${base}/api/status?target=eu`)).json()) as StatusSnapshot;
    assert.equal(detail.targets[0]!.checks[0]!.up, false);
    assert.equal(detail.targets[0]!.checks[0]!.lastFailure?.message, 'HTTP 503 down');
    assert.equal(detail.targets[0]!.checks[0]!.recent.length, 1);
    const unknown = await fetch(`${base}/api/status?target=nope`);
    assert.equal(unknown.status, 404);
    assert.deepEqual(await unknown.json(), { error: 'no such target' });
  });

  test('GET /: the status page with a strict Content-Security-Policy', async (t) => {
    const { base } = await serve(t);
    const res = await fetch(`${base}/`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(res.headers.get('content-security-policy'), STATUS_PAGE_CSP);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.match(await res.text(), /<title>trackers-contract monitor<\/title>/);
  });

  test('HEAD works where GET does, with no body', async (t) => {
    const { base } = await serve(t);
    const res = await fetch(`${base}/healthz`, { method: 'HEAD' });
    assert.equal(res.status, 200);
    assert.equal(await res.text(), '');
  });

  test('404 for anything else, 405 for another method on a known path', async (t) => {
    const { base } = await serve(t);
    for (const path of ['/nope', '/metrics/x', '/api', '/index.html'])
      assert.equal((await fetch(`${base}${path}`)).status, 404, path);
    const post = await fetch(`${base}/metrics`, { method: 'POST' });
    assert.equal(post.status, 405);
    assert.equal(post.headers.get('allow'), 'GET, HEAD');
  });

  test('a query string does not change the route', async (t) => {
    const { base } = await serve(t);
    assert.equal((await fetch(`${base}/metrics?x=1`)).status, 200);
  });

  for (const Kind of [Registry, ExpositionRegistry])
    test(`a collector that throws: a generic 500, the reason logged in one line, and the server keeps serving (${Kind.name})`, async (t) => {
      const registry = new Kind();
      new Gauge({
        name: 'broken_gauge',
        help: 'a collector with a bug',
        registers: [registry],
        collect() {
          throw new Error('collector broke\n  at internals (/srv/monitor/secret-path.ts:1:1)');
        },
      });
      const logged: string[] = [];
      const targets = [testTarget('eu')];
      const server = createMonitorServer({
        registry,
        history: createStatusHistory(targets, { version: '0.0.1' }),
        targetCount: 1,
        log: (line) => logged.push(line),
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      t.after(() => new Promise<void>((resolve) => server.close(() => resolve())));
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

      const res = await fetch(`${base}/metrics?token=abc`);
      assert.equal(res.status, 500);
      const text = await res.text();
      assert.deepEqual(JSON.parse(text), { error: 'internal error' });
      assert.doesNotMatch(text, /collector broke|secret-path/, 'no internals in the response');
      assert.equal(logged.length, 1);
      assert.doesNotMatch(logged[0]!, /\n/, 'one line');
      assert.match(logged[0]!, /^monitor: internal error serving GET \/metrics: collector broke/);
      assert.doesNotMatch(logged[0]!, /token=abc/, 'the query string is not logged');
      assert.equal((await fetch(`${base}/healthz`)).status, 200);
    });
});
