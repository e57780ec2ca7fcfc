import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { phaseDurations } from '../../../monitor/phases.ts';

describe("phaseDurations: the client's cumulative timings as blackbox_exporter's phases", () => {
  const cases = [
    {
      name: 'a fresh TLS connection',
      t: { startedAt: 0, dnsMs: 2, connectMs: 5, tlsMs: 15, ttfbMs: 40, totalMs: 46 },
      want: { resolve: 2, connect: 3, tls: 10, processing: 25, transfer: 6 },
    },
    {
      name: 'plain HTTP to an IP (no lookup event)',
      t: { startedAt: 0, connectMs: 1, ttfbMs: 11, totalMs: 12 },
      want: { resolve: 0, connect: 1, tls: 0, processing: 10, transfer: 1 },
    },
    {
      name: 'a reused keep-alive socket: the wait is processing',
      t: { startedAt: 0, ttfbMs: 8, totalMs: 9 },
      want: { resolve: 0, connect: 0, tls: 0, processing: 8, transfer: 1 },
    },
    {
      name: 'no response (connect timed out): no processing, no transfer',
      t: { startedAt: 0, dnsMs: 1, totalMs: 1000 },
      want: { resolve: 1, connect: 0, tls: 0, processing: 0, transfer: 0 },
    },
  ];
  for (const c of cases) test(c.name, () => assert.deepEqual(phaseDurations(c.t), c.want));

  test('phases of a complete response add up to the total', () => {
    const p = phaseDurations(cases[0]!.t);
    assert.equal(p.resolve + p.connect + p.tls + p.processing + p.transfer, 46);
  });
});
