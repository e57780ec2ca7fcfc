// An Alertmanager that refuses never stops the monitor: each failed sync is one line, retried with a
// back-off that doubles on the injected clock, and the probes go on. (The real Alertmanager's side is
// tests/prometheus/alertmanager-silences.test.ts.)
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { startMonitorInProcess } from '../../support/in-process-monitor.ts';
import { ManualClock } from '../../support/manual-clock.ts';
import { fetchUntil } from '../../support/wait.ts';
import { closedPort } from './helpers.ts';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { syncSilences } from '../../../monitor/alertmanager-silences.ts';
import { MaintenanceSchedule } from '../../../monitor/maintenance.ts';
import { Secret } from '../../../src/secret.ts';

test(
  '--alertmanager-url refused: a line per failed sync, retried after 5 s then 10 s, and probing goes on',
  { timeout: 60_000 },
  async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'monitor-am-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'targets.json');
    const clock = new ManualClock();
    const start = new Date(clock.epochMs() - 60_000).toISOString();
    const end = new Date(clock.epochMs() + 3_600_000).toISOString();
    writeFileSync(
      file,
      JSON.stringify({
        targets: [{ name: 'eu', intervalSeconds: 1, notFoundIntervalSeconds: 1, authIntervalSeconds: 0 }],
        maintenance: [{ name: 'upgrade', start, end }],
      }),
    );
    const port = await closedPort();
    const monitor = startMonitorInProcess(
      t,
      ['--config', file, '--port', '0', '--summary-interval', '0', '--alertmanager-url', `http://127.0.0.1:${port}`],
      { env: { CAP_TIMEOUT_MS: '60000', CAP_LATENCY_BUDGET_MS: '60000' }, clock },
    );
    const { stdout, stderr, exited } = monitor;
    const url = (await stdout.match(/^metrics: (\S+)$/m))[1]!;
    await stderr.match(/retrying in 5 s/);
    assert.match(
      String(stderr),
      /^level=warn msg="Alertmanager silences not synced: fetch failed \(ECONNREFUSED\); retrying in 5 s"$/m,
    );
    clock.advance(5_000);
    await stderr.match(/retrying in 10 s/);
    assert.equal(String(stderr).match(/not synced/g)?.length, 2, 'one line per attempt');
    await fetchUntil(url, (text) => /^trackers_probes_total\{target="eu",check="trackers",result="success"\} [1-9]/m.test(text));
    monitor.stop();
    assert.equal(await exited, 0, String(stderr));
  },
);

test('user info in the URL is sent as Basic auth, never in the URL or an error line', async (t) => {
  const seen: { url: string; authorization?: string }[] = [];
  let status = 200;
  const server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', authorization: req.headers.authorization });
    res.writeHead(status, { 'Content-Type': 'application/json' }).end(status === 200 ? '[]' : '{"error":"no"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => server.close());
  const { port } = server.address() as AddressInfo;
  const sync = () =>
    syncSilences({
      url: new Secret(`http://am%40ops:s3cret-pw@127.0.0.1:${port}/`),
      schedule: new MaintenanceSchedule([]),
      targets: ['eu'],
      clock: new ManualClock(),
    });
  assert.deepEqual(await sync(), { ok: true, created: 0, deleted: 0, kept: 0 });
  assert.deepEqual(seen, [
    { url: '/api/v2/silences', authorization: `Basic ${Buffer.from('am@ops:s3cret-pw').toString('base64')}` },
  ]);
  status = 401;
  const refused = await sync();
  assert.deepEqual(refused, { ok: false, error: 'GET api/v2/silences: HTTP 401' });
});
