import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, test, type TestContext } from 'node:test';
import { Registry } from 'prom-client';
import { createMetrics } from '../../../monitor/metrics.ts';
import { PUSH_JOB, pushMetrics } from '../../../monitor/push.ts';
import { closedPort, testTarget } from './helpers.ts';

interface Received {
  method: string;
  url: string;
  authorization?: string;
  body: string;
}

/** A stand-in Pushgateway on port 0: records each request, answers with `status`. */
async function fakeGateway(t: TestContext, status = 200): Promise<{ base: string; received: Received[] }> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => {
      received.push({
        method: req.method!,
        url: req.url!,
        authorization: req.headers.authorization,
        body: Buffer.concat(parts).toString(),
      });
      res.writeHead(status, { 'Content-Type': 'text/plain' });
      res.end(status >= 400 ? 'pushed metrics are invalid or inconsistent' : '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

function registryWithMetrics(): Registry {
  const registry = new Registry();
  createMetrics({ registry, targets: [testTarget('eu')], version: '1.0.0', defaultMetrics: false });
  return registry;
}

describe('push to a Pushgateway', () => {
  test('PUT /metrics/job/trackers_contract/instance/NAME with the exposition', async (t) => {
    const gw = await fakeGateway(t);
    const r = await pushMetrics(registryWithMetrics(), { url: gw.base, groupings: { instance: 'cron-1' } });
    assert.deepEqual(r, { ok: true });
    assert.equal(gw.received.length, 1);
    assert.equal(gw.received[0]!.method, 'PUT');
    assert.equal(gw.received[0]!.url, `/metrics/job/${PUSH_JOB}/instance/cron-1`);
    assert.match(gw.received[0]!.body, /^trackers_probes_total\{target="eu",check="trackers",result="success"\} 0$/m);
  });

  test('a path prefix and basic-auth user info in the URL are honoured', async (t) => {
    const gw = await fakeGateway(t);
    const url = gw.base.replace('http://', 'http://push:pw@') + '/gateway';
    const r = await pushMetrics(registryWithMetrics(), { url, groupings: { instance: 'a' } });
    assert.deepEqual(r, { ok: true });
    assert.equal(gw.received[0]!.url, `/gateway/metrics/job/${PUSH_JOB}/instance/a`);
    assert.equal(gw.received[0]!.authorization, `Basic ${Buffer.from('push:pw').toString('base64')}`);
  });

  test('a refusing gateway is a failure value with its answer', async (t) => {
    const gw = await fakeGateway(t, 400);
    const r = await pushMetrics(registryWithMetrics(), { url: gw.base, groupings: { instance: 'a' } });
    assert.equal(r.ok, false);
    assert.match(
      r.ok ? '' : r.message,
      /^push to the Pushgateway failed: push failed with status 400, pushed metrics are invalid/,
    );
  });

  test('no gateway listening is a failure value, not an exception', async () => {
    const port = await closedPort();
    const r = await pushMetrics(registryWithMetrics(), {
      url: `http://user:hunter2@127.0.0.1:${port}`,
      groupings: { instance: 'a' },
    });
    assert.equal(r.ok, false);
    assert.match(r.ok ? '' : r.message, /ECONNREFUSED/);
    assert.doesNotMatch(r.ok ? '' : r.message, /hunter2/);
  });

  test('a grouping value that would break the URL path is refused before any request', async (t) => {
    const gw = await fakeGateway(t);
    const r = await pushMetrics(registryWithMetrics(), { url: gw.base, groupings: { instance: 'a/b' } });
    assert.equal(r.ok, false);
    assert.equal(gw.received.length, 0);
  });
});
