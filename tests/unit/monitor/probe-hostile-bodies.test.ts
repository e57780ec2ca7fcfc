// Every hostile body of tests/support/hostile-bodies.ts through the monitor: the probe reports the
// contract's reason (schema_violation naming the path, or invalid_json naming the byte, line or
// column), never probe_error (our own fault, the wrong alert for the wrong team); the metrics'
// field label stays bounded; the status page and /api/status render the result, bounded and escaped.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { Registry } from 'prom-client';
import { createMonitorServer } from '../../../monitor/http.ts';
import { createMetrics } from '../../../monitor/metrics.ts';
import { probe, type Probe } from '../../../monitor/probe.ts';
import { createStatusHistory } from '../../../monitor/status-history.ts';
import { renderStatusBody } from '../../../monitor/status-page.ts';
import { clientFor } from '../../../src/client.ts';
import { HOSTILE_BODIES, MAX_MESSAGE_CHARS, NON_PRINTABLE } from '../../support/hostile-bodies.ts';
import { startHostileServer, type HostileServer } from '../../support/hostile-server.ts';
import { testTarget } from './helpers.ts';

const MAX_PAGE_BYTES = 200_000; // the page of one target: its messages and findings, not the body

describe('the monitor on hostile bodies', () => {
  let server: HostileServer;
  const results: Probe[] = [];
  before(async () => {
    server = await startHostileServer(HOSTILE_BODIES);
  });
  after(() => server.close());

  HOSTILE_BODIES.forEach((row, i) => {
    test(`${row.name}: ${row.reason}`, async () => {
      const target = testTarget(`hostile-${i}`);
      const client = clientFor(target.config, server.baseUrlOf(i));
      try {
        const before = Object.keys(Object.prototype).length;
        const r = await probe(client, target, 'trackers');
        assert.equal(r.reason, row.reason, r.message.slice(0, 300));
        assert.equal(r.verdict, 'fail');
        assert.ok(r.message.length <= MAX_MESSAGE_CHARS, `message of ${r.message.length} chars`);
        assert.doesNotMatch(r.message, NON_PRINTABLE);
        assert.match(r.message, row.names);
        assert.equal(Object.keys(Object.prototype).length, before, 'nothing polluted Object.prototype');
        assert.equal(({} as { polluted?: unknown }).polluted, undefined);
        results.push(r);
      } finally {
        client.close();
      }
    });
  });

  test('the metrics, the status page and /api/status show every result, bounded and escaped', async (t) => {
    assert.equal(results.length, HOSTILE_BODIES.length, 'every probe above ran');
    const targets = results.map((r) => testTarget(r.target));
    const registry = new Registry();
    const metrics = createMetrics({ registry, targets, version: 'test' });
    const history = createStatusHistory(targets, { version: 'test' });
    for (const r of results) {
      metrics.record(r);
      history.add(r);
    }
    const exposition = await registry.metrics();
    for (const line of exposition.split('\n')) assert.ok(line.length < 1000, `a short exposition line: ${line.slice(0, 200)}`);
    const monitor = createMonitorServer({ registry, history, targetCount: targets.length, log: () => {} });
    await new Promise<void>((resolve) => monitor.listen(0, '127.0.0.1', resolve));
    t.after(() => new Promise<void>((resolve) => monitor.close(() => resolve())));
    const base = `http://127.0.0.1:${(monitor.address() as AddressInfo).port}`;

    const page = await fetch(`${base}/`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.ok(Buffer.byteLength(html) < MAX_PAGE_BYTES * targets.length, `a page of ${Buffer.byteLength(html)} bytes`);
    assert.doesNotMatch(html.replace(/[\n\t]/g, ''), NON_PRINTABLE);
    assert.match(html, /schema_violation at \$\.data\[0\]\.name/, 'the summary row names the broken field');
    assert.equal(html.match(/<script\b/g)?.length, 1, 'the page’s own script only');
    // The messages are in the details, fetched per target when opened: render them all open.
    const open = Object.fromEntries(targets.map((x) => [x.name, history.target(x.name)!]));
    const details = renderStatusBody(history.summary(), open);
    assert.doesNotMatch(details.replace(/[\n\t]/g, ''), NON_PRINTABLE);
    assert.match(details, /\$\.data\[0\]\.name \[type\]/);
    assert.match(details, /NUL byte at byte offset/);
    assert.doesNotMatch(details, /<script\b/);
    const one = await fetch(`${base}/api/status?target=${encodeURIComponent(targets[0]!.name)}`);
    assert.equal(one.status, 200);
    assert.ok((await one.text()).length < MAX_PAGE_BYTES, 'one target’s details are bounded');

    const api = await fetch(`${base}/api/status`);
    assert.equal(api.status, 200);
    const text = await api.text();
    assert.ok(text.length < MAX_PAGE_BYTES * targets.length, `/api/status of ${text.length} chars`);
    const status = JSON.parse(text) as { targets: { name: string }[] };
    assert.equal(status.targets.length, targets.length);
  });
});
