import assert from 'node:assert/strict';
import { describe, test, type TestContext } from 'node:test';
import type { StatusSnapshot } from '../../../monitor/status-history.ts';
import { STATUS_PAGE_CSP } from '../../../monitor/status-page.ts';
import { probeResult, serveMonitor, testTarget } from './helpers.ts';

const serve = (t: TestContext) => serveMonitor(t, [testTarget('eu')]);

describe('monitor HTTP server', () => {
  test('GET /metrics: the exposition with the registry’s content type', async (t) => {
    const { base, registry, record } = await serve(t);
    record(probeResult('x', true));
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

  test('GET /api/status: the snapshot the page renders', async (t) => {
    const { base, record } = await serve(t);
    record(probeResult('HTTP 503 down'));
    const body = (await (await fetch(`${base}/api/status`)).json()) as StatusSnapshot;
    assert.equal(body.targets[0]!.name, 'eu');
    assert.equal(body.targets[0]!.checks[0]!.up, false);
    assert.equal(body.targets[0]!.checks[0]!.lastFailure?.message, 'HTTP 503 down');
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
});
