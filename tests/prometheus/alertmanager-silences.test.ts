// --alertmanager-url against a real Alertmanager (Debian's prometheus-alertmanager, one process for
// the file): a silence per maintenance window, found again rather than duplicated after a restart,
// deleted when the window leaves the file, and a refusing Alertmanager is a line, not a stop. The
// windows are placed around the wall clock of the run (Alertmanager refuses a silence that ended).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { requireBinaries } from '../support/require-binary.ts';
import { freePort, getText, startService, stopAll, waitFor, type Service } from '../support/processes.ts';
import { ManualClock } from '../support/manual-clock.ts';
import { MaintenanceSchedule, type MaintenanceWindow } from '../../monitor/maintenance.ts';
import { SILENCE_CREATED_BY, syncSilences } from '../../monitor/alertmanager-silences.ts';
import { startMonitorInProcess } from '../support/in-process-monitor.ts';
import { Secret } from '../../src/secret.ts';

const gate = requireBinaries('prometheus-alertmanager', 'amtool');
const MINUTE = 60_000;

interface AmtoolSilence {
  id: string;
  matchers: { name: string; value: string; isRegex: boolean; isEqual?: boolean }[];
  createdBy: string;
  comment: string;
  startsAt: string;
  endsAt: string;
}

describe('Alertmanager silences for maintenance windows', { skip: gate.skip }, () => {
  const services: Service[] = [];
  let dir = '';
  let url = '';
  const amtoolQuery = (): AmtoolSilence[] => {
    const r = spawnSync(gate.path('amtool'), ['silence', 'query', '-o', 'json', `--alertmanager.url=${url}`], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.equal(r.status, 0, r.stderr);
    return JSON.parse(r.stdout) as AmtoolSilence[];
  };

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'trackers-am-silences-'));
    writeFileSync(path.join(dir, 'alertmanager.yml'), 'route:\n  receiver: none\nreceivers:\n  - name: none\n');
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    services.push(
      startService('alertmanager', gate.path('prometheus-alertmanager'), [
        `--config.file=${path.join(dir, 'alertmanager.yml')}`,
        `--storage.path=${path.join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
        '--cluster.listen-address=',
      ]),
    );
    await waitFor('Alertmanager ready', async () => ((await getText(`${url}/-/ready`).catch(() => '')) ? true : undefined), {
      services,
    });
  });
  after(async () => {
    await stopAll(services);
    rmSync(dir, { recursive: true, force: true });
  });

  test('one silence per window, matching its targets; kept on a restart; deleted when the window leaves the file', async () => {
    const clock = new ManualClock(Math.floor(Date.now() / MINUTE) * MINUTE);
    const now = clock.epochMs();
    const upgrade: MaintenanceWindow = {
      name: 'db upgrade',
      reason: 'Postgres 16',
      targets: ['eu'],
      schedule: { kind: 'once', startMs: now - MINUTE, endMs: now + 30 * MINUTE },
    };
    const later: MaintenanceWindow = {
      name: 'next week',
      schedule: { kind: 'once', startMs: now + 7 * 24 * 60 * MINUTE, endMs: now + 7 * 24 * 61 * MINUTE },
    };
    const sync = (windows: MaintenanceWindow[]) =>
      syncSilences({ url: new Secret(url), schedule: new MaintenanceSchedule(windows), targets: ['eu', 'us'], clock });

    assert.deepEqual(
      await sync([upgrade, later]),
      { ok: true, created: 1, deleted: 0, kept: 0 },
      'next week is not silenced yet',
    );
    const [silence, ...more] = amtoolQuery();
    assert.equal(more.length, 0);
    assert.deepEqual(
      silence!.matchers.map((m) => [m.name, m.value, m.isRegex, m.isEqual]),
      [
        ['target', '^(?:eu)$', true, true],
        ['alertname', 'TrackersAuthNotEnforced', false, false],
      ],
      'every alert of the target but the security one',
    );
    assert.equal(silence!.createdBy, SILENCE_CREATED_BY);
    assert.match(silence!.comment, /^Postgres 16 \[maintenance "db upgrade" /);
    assert.equal(Date.parse(silence!.endsAt), now + 30 * MINUTE);

    // A restart (a fresh sync, no memory): found by createdBy and its comment, not made twice.
    assert.deepEqual(await sync([upgrade, later]), { ok: true, created: 0, deleted: 0, kept: 1 });
    assert.equal(amtoolQuery().length, 1);

    // Changed (all targets now): the old silence goes, a new one covers both.
    const everywhere = { ...upgrade, targets: undefined };
    assert.deepEqual(await sync([everywhere]), { ok: true, created: 1, deleted: 1, kept: 0 });
    assert.deepEqual(
      amtoolQuery().map((s) => s.matchers[0]!.value),
      ['^(?:eu|us)$'],
    );

    // Removed from the file: deleted.
    assert.deepEqual(await sync([]), { ok: true, created: 0, deleted: 1, kept: 0 });
    assert.deepEqual(amtoolQuery(), []);
  });

  test('an Alertmanager that refuses is one line of why, never a throw', async () => {
    const port = await freePort();
    const r = await syncSilences({
      url: new Secret(`http://127.0.0.1:${port}`),
      schedule: new MaintenanceSchedule([]),
      targets: ['eu'],
      clock: new ManualClock(),
    });
    assert.equal(r.ok, false);
    assert.match(r.ok ? '' : r.error, /^fetch failed \(ECONNREFUSED\)$/);
  });

  test(
    'the service: --alertmanager-url silences a window in force, and a SIGHUP that removes it deletes the silence',
    { timeout: 60_000 },
    async (t) => {
      const file = path.join(dir, 'targets.json');
      const clock = new ManualClock(Math.floor(Date.now() / MINUTE) * MINUTE);
      const window = {
        name: 'upgrade',
        reason: 'db 16',
        start: new Date(clock.epochMs() - MINUTE).toISOString(),
        end: new Date(clock.epochMs() + 20 * MINUTE).toISOString(),
      };
      const targets = [{ name: 'eu', intervalSeconds: 3600, notFoundIntervalSeconds: 3600, authIntervalSeconds: 0 }];
      writeFileSync(file, JSON.stringify({ targets, maintenance: [window] }));
      const monitor = startMonitorInProcess(
        t,
        ['--config', file, '--port', '0', '--summary-interval', '0', '--alertmanager-url', url],
        { clock },
      );
      const { stderr, exited } = monitor;
      await stderr.match(/Alertmanager silences: 1 created, 0 deleted, 0 kept/);
      const [silence] = amtoolQuery();
      assert.deepEqual(
        silence!.matchers.map((m) => m.value),
        ['^(?:eu)$', 'TrackersAuthNotEnforced'],
      );
      assert.match(silence!.comment, /^db 16 \[maintenance "upgrade"/);

      writeFileSync(file, JSON.stringify({ targets }));
      const [hup] = monitor.sighupHandlers();
      hup!('SIGHUP');
      await stderr.match(/Alertmanager silences: 0 created, 1 deleted, 0 kept/);
      assert.deepEqual(amtoolQuery(), []);
      monitor.stop();
      assert.equal(await exited, 0, String(stderr));
    },
  );
});
