// Random requests at the monitor's HTTP server (/metrics, /healthz, the status page)
// never get a 5xx, never hang, never take it down (seeded, bounded).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { randomRequest, send } from '../../support/random-request.ts';
import { euProbe, serveMonitor, testTarget } from './helpers.ts';

export const SEED = 20240616;

test('random requests at the monitor: always an answer below 500, and it keeps serving', async (t) => {
  const { base, record } = await serveMonitor(t, [testTarget('eu')]);
  record(euProbe('schema_violation: $.data[0].id <script>alert(1)</script>'));
  await fc.assert(
    fc.asyncProperty(randomRequest, async (r) => {
      const out = await send(base, r);
      assert.ok('status' in out, `no answer: ${'error' in out ? out.error : ''}`);
      assert.ok(out.status < 500, `HTTP ${out.status}`);
    }),
    { seed: SEED, numRuns: 150 },
  );
  assert.deepEqual(await send(base, { method: 'GET', path: '/metrics', headers: {}, body: '' }), { status: 200 });
});
