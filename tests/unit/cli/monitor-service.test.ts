// The long-running service's lifecycle, in process (main.test.ts has the CLI): it leaves no
// signal handler behind when it stops, and a server error after listening ends it cleanly
// (one line, exit 1) instead of crashing. And cli/monitor.ts runs only as the program itself.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, test, type TestContext } from 'node:test';
import { main } from '../../../cli/monitor.ts';
import { ManualClock } from '../../support/manual-clock.ts';
import { childEnv, runToCompletion } from '../../support/processes.ts';
import { fetchUntil } from '../../support/wait.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MAIN = join(ROOT, 'cli', 'monitor.ts');
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

type Listener = (...args: unknown[]) => void;

/**
 * The service in this process on the embedded sandbox, port 0, its rules about time on `clock` (a manual one: the test
 * moves it); resolves once it prints where it serves, or fails with its output if it ends first. Its HTTP server is
 * found as a user finds it, by the printed address, among the servers created meanwhile.
 */
async function startService(t: TestContext, clock: ManualClock, argv: string[] = []) {
  const before = Object.fromEntries(SIGNALS.map((s) => [s, process.listeners(s)]));
  const created: http.Server[] = [];
  const createServer = http.createServer.bind(http);
  t.mock.method(http, 'createServer', ((...args: Parameters<typeof http.createServer>) => {
    const server = createServer(...args);
    created.push(server);
    return server;
  }) as typeof http.createServer);
  let stdout = '';
  let stderr = '';
  let printed!: (url: URL) => void;
  const serving = new Promise<URL>((resolve) => (printed = resolve));
  const exited = main(['--port', '0', '--host', '127.0.0.1', ...argv], {
    env: {},
    out: (text) => {
      stdout += text;
      const url = /^metrics: (\S+)$/m.exec(stdout)?.[1];
      if (url) printed(new URL(url));
    },
    err: (line) => (stderr += `${line}\n`),
    clock,
  });
  let code: number | undefined;
  void exited.then((c) => (code = c));
  const url = await Promise.race([
    serving,
    exited.then((c) => assert.fail(`the service ended (${c}) before listening: ${stderr}`)),
  ]);
  const server = created.find((s) => (s.address() as AddressInfo | null)?.port === Number(url.port));
  assert.ok(server, `a server listens on ${url.host}`);
  /** The handlers main() added, by signal. */
  const added = (signal: (typeof SIGNALS)[number]) => process.listeners(signal).filter((l) => !before[signal]!.includes(l));
  // If an assertion fails before the test stops the service, stop it here, so this process can exit.
  t.after(async () => {
    if (code === undefined) (added('SIGTERM')[0] as Listener | undefined)?.('SIGTERM');
    await exited;
  });
  return { server, exited, added, stderr: () => stderr };
}

describe('the monitor service (in process)', { timeout: 60_000 }, () => {
  // Each test starts a service, and so a probe thread (tsx loaded again, half a CPU-second): a few rules per service.
  test('a summary every --summary-interval seconds; stopping on SIGTERM ends them and removes the signal handlers', async (t) => {
    const clock = new ManualClock();
    const service = await startService(t, clock, ['--summary-interval', '5']);
    for (const signal of SIGNALS) assert.equal(service.added(signal).length, 1, `one ${signal} handler while running`);
    const summaries = () => service.stderr().match(/^level=info msg=summary window_s=5 /gm)?.length ?? 0;
    clock.advance(4999);
    assert.equal(summaries(), 0);
    clock.advance(1);
    assert.equal(summaries(), 1, 'the first at 5 s');
    clock.advance(5000);
    assert.equal(summaries(), 2, 'the next 5 s after it');
    clock.advance(12_000);
    assert.equal(summaries(), 4, 'at 15 and 20 s');
    // Called directly rather than process.emit: the test runner has signal handlers of its own.
    (service.added('SIGTERM')[0] as Listener)('SIGTERM');
    assert.equal(await service.exited, 0, service.stderr());
    for (const signal of SIGNALS) assert.deepEqual(service.added(signal), [], `no ${signal} handler left behind`);
    assert.equal(service.server.listening, false);
    assert.match(service.stderr(), /monitor: SIGTERM: finishing probes in flight/);
    assert.equal(clock.pending(), 0, 'the summary timer is cleared');
    clock.advance(60_000);
    assert.equal(summaries(), 4);
  });

  test('SIGINT twice at once (Ctrl-C under npm: terminal and npm) is one graceful stop; a press a second later exits at once', async (t) => {
    const clock = new ManualClock();
    const exits: unknown[] = [];
    // Recorded, not done: the graceful stop the first signal began goes on and ends the service.
    t.mock.method(process, 'exit', ((code?: number) => void exits.push(code)) as typeof process.exit);
    const service = await startService(t, clock);
    const [onInt] = service.added('SIGINT') as Listener[];
    onInt!('SIGINT');
    onInt!('SIGINT');
    clock.advance(999);
    onInt!('SIGINT');
    assert.deepEqual(exits, [], 'at once and 999 ms later: the same Ctrl-C, delivered again');
    assert.doesNotMatch(service.stderr(), /again/);
    clock.advance(1);
    onInt!('SIGINT');
    assert.deepEqual(exits, [1], '1000 ms later: a second press, exit 1 without waiting');
    assert.match(service.stderr(), /^monitor: SIGINT again, exiting without waiting$/m);
    assert.equal(await service.exited, 0, service.stderr());
    assert.match(service.stderr(), /monitor: stopped/);
  });

  test('--failures-dir: one bundle when a check starts failing, not one per failing probe', async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'service-bundles-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const service = await startService(t, new ManualClock(), [
      '--failures-dir',
      dir,
      '--interval',
      '1',
      '--sandbox-faults',
      'mutation=id-string',
    ]);
    const metrics = `http://127.0.0.1:${(service.server.address() as AddressInfo).port}/metrics`;
    // Three failing trackers probes, a second apart (real time: the probe thread's timers).
    await fetchUntil(metrics, (text) => {
      const failed = /^trackers_probes_total\{target="default",check="trackers",result="failure"\} (\d+)$/m.exec(text);
      return Number(failed?.[1] ?? 0) >= 3;
    });
    const bundles = readdirSync(dir).filter((name) => name.endsWith('_default_trackers'));
    assert.equal(bundles.length, 1, `${bundles.join(', ')}\n${service.stderr()}`);
    assert.deepEqual(readdirSync(join(dir, bundles[0]!)).sort(), ['exchange.har', 'reproduce.sh', 'result.json']);
    assert.equal(service.stderr().match(/check=trackers msg="failure bundle written"/g)?.length, 1, service.stderr());
  });

  test('a server error after listening: one line, a clean stop, exit 1', async (t) => {
    const service = await startService(t, new ManualClock());
    service.server.emit('error', Object.assign(new Error('accept EMFILE'), { code: 'EMFILE', syscall: 'accept' }));
    assert.equal(await service.exited, 1, service.stderr());
    const lines = service.stderr().split('\n');
    assert.equal(lines.filter((l) => l.includes('EMFILE')).length, 1, service.stderr());
    assert.ok(
      lines.some((l) => /^monitor: server error: EMFILE: finishing probes in flight/.test(l)),
      service.stderr(),
    );
    assert.doesNotMatch(service.stderr(), /^\s+at /m, 'no stack');
    assert.match(service.stderr(), /monitor: stopped/);
    assert.equal(service.server.listening, false);
    for (const signal of SIGNALS) assert.deepEqual(service.added(signal), [], `no ${signal} handler left behind`);
  });
});

describe('cli/monitor.ts runs only as the program itself', { concurrency: true }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'monitor-entry-'));
  const link = join(dir, 'monitor-link.ts');
  symlinkSync(MAIN, link);
  // Another file called monitor.ts that imports the monitor: the file name alone must not make it start.
  mkdirSync(join(dir, 'other'));
  writeFileSync(join(dir, 'other', 'monitor.ts'), `import ${JSON.stringify(MAIN)};\n`);

  const run = (file: string) =>
    runToCompletion(process.execPath, ['--import', 'tsx', file, '--help'], { cwd: ROOT, env: childEnv(), timeoutMs: 60_000 });

  after(() => rmSync(dir, { recursive: true, force: true }));

  test('started through a symlink, it runs', async () => {
    const r = await run(link);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Usage: trackers-contract monitor/);
  });

  test('imported by another monitor.ts, it does nothing', async () => {
    const r = await run(join(dir, 'other', 'monitor.ts'));
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
  });
});
