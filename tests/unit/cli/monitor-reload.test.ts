// SIGHUP reloads the targets file, as Prometheus users expect: the new file is checked; on an
// error the running targets stay and a line says why; else removed targets' series are gone and
// new ones probed. In process, on the embedded sandbox, port 0. Each wait is for what the test needs
// (a line, a scrape showing the probes), bounded by the test's timeout.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { main } from '../../../cli/monitor.ts';
import { WatchedText, fetchUntil } from '../../support/wait.ts';

type Listener = (...args: unknown[]) => void;

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
    const before = process.listeners('SIGHUP');
    const stderr = new WatchedText();
    const stdout = new WatchedText();
    const exited = main(['--config', file, '--port', '0', '--host', '127.0.0.1', '--summary-interval', '0'], {
      // Latency is not judged here: a minute's budget and timeout, so a loaded machine's slow probe still passes.
      env: { CAP_TIMEOUT_MS: '60000', CAP_LATENCY_BUDGET_MS: '60000' },
      out: (text) => stdout.append(text),
      err: (line) => stderr.append(`${line}\n`),
    });
    const added = (signal: string) => process.listeners(signal as NodeJS.Signals).filter((l) => !before.includes(l));
    t.after(async () => {
      (process.listeners('SIGTERM').at(-1) as Listener | undefined)?.('SIGTERM');
      await exited;
    });
    // Where it serves, as it prints it for a user.
    const printed = await Promise.race([
      stdout.match(/^metrics: (\S+)$/m),
      exited.then((code) => assert.fail(`the service ended (${code}): ${stderr}`)),
    ]);
    const url = printed[1]!;
    await fetchUntil(url, (text) => probed(text, 'eu') && probed(text, 'us'));
    const [hup] = added('SIGHUP') as Listener[];
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

    (process.listeners('SIGTERM').at(-1) as Listener)('SIGTERM');
    assert.equal(await exited, 0, String(stderr));
    assert.deepEqual(added('SIGHUP'), [], 'no SIGHUP handler left behind');
  },
);
