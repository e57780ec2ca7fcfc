// SIGHUP reloads the targets file, as Prometheus users expect: the new file is checked; on an
// error the running targets stay and a line says why; else removed targets' series are gone and
// new ones probed. In process, on the embedded sandbox, port 0. Each wait is for what the test needs
// (a line, a scrape showing the probes), bounded by the test's timeout.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { startMonitorInProcess } from '../../support/in-process-monitor.ts';
import { fetchUntil } from '../../support/wait.ts';
import { ManualClock } from '../../support/manual-clock.ts';

const targetsJson = (...names: string[]) =>
  JSON.stringify({
    targets: names.map((name) => ({ name, intervalSeconds: 1, notFoundIntervalSeconds: 1, authIntervalSeconds: 0 })),
  });

const probed = (text: string, target: string) =>
  new RegExp(`^trackers_probes_total\\{target="${target}",check="trackers",result="success"\\} [1-9]`, 'm').test(text);
const present = (text: string, target: string) => text.includes(`target="${target}"`);

test(
  'SIGHUP: a bad file keeps the running targets; a good one swaps them, deleting the removed ones',
  { timeout: 60_000 },
  async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'monitor-reload-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'targets.json');
    writeFileSync(file, targetsJson('eu', 'us'));
    const monitor = startMonitorInProcess(
      t,
      ['--config', file, '--port', '0', '--host', '127.0.0.1', '--summary-interval', '0'],
      {
        // Latency is not judged here: a minute's budget and timeout, so a loaded machine's slow probe still passes.
        env: { CAP_TIMEOUT_MS: '60000', CAP_LATENCY_BUDGET_MS: '60000' },
      },
    );
    const { stdout, stderr, exited } = monitor;
    // Where it serves, as it prints it for a user.
    const printed = await Promise.race([
      stdout.match(/^metrics: (\S+)$/m),
      exited.then((code) => assert.fail(`the service ended (${code}): ${stderr}`)),
    ]);
    const url = printed[1]!;
    await fetchUntil(url, (text) => probed(text, 'eu') && probed(text, 'us'));
    const [hup] = monitor.sighupHandlers();
    assert.ok(hup, 'a SIGHUP handler while running');

    // A broken file: the old targets go on, and one line says why (with the position, no file text).
    writeFileSync(file, '{"targets": [ {"name": "eu"}, ]}');
    hup('SIGHUP');
    await stderr.match(/reload failed/);
    assert.match(
      String(stderr),
      /^monitor: SIGHUP: reload failed, keeping the 2 running target\(s\): .*is not valid JSON.*line 1, column \d+/m,
    );
    const kept = await (await fetch(url)).text();
    assert.ok(present(kept, 'eu') && present(kept, 'us'), 'both targets still exported');

    // A good file: us removed (its series deleted), ap added and probed.
    writeFileSync(file, targetsJson('eu', 'ap'));
    hup('SIGHUP');
    const swapped = await fetchUntil(url, (text) => probed(text, 'ap'));
    assert.ok(!present(swapped, 'us'), 'no series of the removed target');
    assert.ok(present(swapped, 'eu'), 'the kept target is still exported');
    assert.match(String(stderr), /^monitor: SIGHUP: reloaded, 2 target\(s\): eu, ap$/m);
    const status = (await (await fetch(url.replace('/metrics', '/api/status'))).json()) as Record<string, unknown>;
    assert.doesNotMatch(JSON.stringify(status), /"us"/, 'the status page forgot the removed target');

    monitor.stop();
    assert.equal(await exited, 0, String(stderr));
    assert.deepEqual(monitor.sighupHandlers(), [], 'no SIGHUP handler left behind');
  },
);

test(
  'maintenance windows: logged at start and end once each; SIGHUP adds, changes and removes them',
  { timeout: 60_000 },
  async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'monitor-reload-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'targets.json');
    const withWindows = (maintenance: unknown[]) => JSON.stringify({ ...JSON.parse(targetsJson('eu', 'us')), maintenance });
    // The clock reads 2026-01-01T00:00:00Z: "upgrade" is on, "nightly" starts at 02:00 Berlin (01:00Z).
    const upgrade = {
      name: 'upgrade',
      reason: 'db <16>',
      targets: ['eu'],
      start: '2025-12-31T23:00:00Z',
      end: '2026-01-01T01:00:00Z',
    };
    const nightly = { name: 'nightly', cron: '0 2 * * *', duration: '30m', timeZone: 'Europe/Berlin' };
    writeFileSync(file, withWindows([upgrade]));
    const monitor = startMonitorInProcess(
      t,
      ['--config', file, '--port', '0', '--host', '127.0.0.1', '--summary-interval', '0'],
      {
        env: { CAP_TIMEOUT_MS: '60000', CAP_LATENCY_BUDGET_MS: '60000' },
        clock: new ManualClock(),
      },
    );
    const { stdout, stderr, exited } = monitor;
    const url = (await stdout.match(/^metrics: (\S+)$/m))[1]!;
    const [hup] = monitor.sighupHandlers();
    const lines = (event: string) =>
      String(stderr)
        .split('\n')
        .filter((l) => l.includes(`event=${event}`));
    assert.deepEqual(lines('start'), [
      'level=info maintenance=upgrade event=start targets=eu start=2025-12-31T23:00:00.000Z end=2026-01-01T01:00:00.000Z reason="db <16>" msg="maintenance window started"',
    ]);
    const metrics = await fetchUntil(url, (text) => probed(text, 'eu'));
    assert.match(metrics, /^trackers_maintenance\{target="eu"\} 1$/m);
    assert.match(metrics, /^trackers_maintenance\{target="us"\} 0$/m);
    const page = await (await fetch(url.replace('/metrics', '/'))).text();
    assert.match(page, /MAINTENANCE upgrade: db &lt;16&gt;, until 2026-01-01 01:00:00Z \(eu\)/, 'escaped on the page');

    // Changed (a later end) and one added: the old occurrence ends, the new one starts; nightly is upcoming.
    writeFileSync(file, withWindows([{ ...upgrade, end: '2026-01-01T03:00:00Z' }, nightly]));
    hup!('SIGHUP');
    await stderr.match(/reloaded/);
    assert.equal(lines('end').length, 1);
    assert.equal(lines('start').length, 2);
    assert.match(lines('start')[1]!, /maintenance=upgrade .*end=2026-01-01T03:00:00.000Z/);
    const status = (await (await fetch(url.replace('/metrics', '/api/status'))).json()) as {
      maintenance: { active: { name: string }[]; upcoming: { name: string; start: number }[] };
    };
    assert.deepEqual(
      status.maintenance.active.map((w) => w.name),
      ['upgrade'],
    );
    assert.deepEqual(
      status.maintenance.upcoming.slice(0, 3).map((w) => [w.name, new Date(w.start).toISOString()]),
      [
        ['upgrade', '2025-12-31T23:00:00.000Z'],
        ['nightly', '2026-01-01T01:00:00.000Z'],
        ['nightly', '2026-01-02T01:00:00.000Z'],
      ],
    );
    assert.equal(status.maintenance.upcoming.length, 8, 'upgrade and 7 nightly in the next 7 days');

    // Removed: it ends at once, and the gauge says so.
    writeFileSync(file, targetsJson('eu', 'us'));
    hup!('SIGHUP');
    await stderr.match(/reloaded[^]*reloaded/);
    assert.equal(lines('end').length, 2);
    assert.match(lines('end')[1]!, /maintenance=upgrade .*end=2026-01-01T03:00:00.000Z/);
    const after = await fetchUntil(url, (text) => probed(text, 'eu'));
    assert.match(after, /^trackers_maintenance\{target="eu"\} 0$/m);
    monitor.stop();
    assert.equal(await exited, 0, String(stderr));
  },
);
