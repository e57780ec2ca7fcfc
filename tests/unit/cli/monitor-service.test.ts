// The long-running service's lifecycle, in process (main.test.ts has the CLI): it leaves no
// signal handler behind when it stops, and a server error after listening ends it cleanly
// (one line, exit 1) instead of crashing. And cli/monitor.ts runs only as the program itself.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import type http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { after, describe, test, type TestContext } from 'node:test';
import { main } from '../../../cli/monitor.ts';
import { childEnv, runToCompletion } from '../../support/processes.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MAIN = join(ROOT, 'cli', 'monitor.ts');
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

type Listener = (...args: unknown[]) => void;

/** The service in this process on the embedded sandbox, port 0; resolves once it listens. */
async function startService(t: TestContext) {
  const before = Object.fromEntries(SIGNALS.map((s) => [s, process.listeners(s)]));
  let stderr = '';
  let server: http.Server | undefined;
  const exited = main(['--port', '0', '--host', '127.0.0.1'], {
    env: {},
    out: () => {},
    err: (line) => (stderr += `${line}\n`),
    listening: (s) => (server = s),
  });
  let code: number | undefined;
  void exited.then((c) => (code = c));
  // Bounded: the service listens within a second or two; a failure to start resolves `exited` early.
  for (let i = 0; i < 200 && !server && code === undefined; i++) await sleep(50);
  assert.ok(server, `the service did not start: ${stderr}`);
  /** The handlers main() added, by signal. */
  const added = (signal: (typeof SIGNALS)[number]) => process.listeners(signal).filter((l) => !before[signal]!.includes(l));
  // If an assertion fails before the test stops the service, stop it here, so this process can exit.
  t.after(async () => {
    if (code === undefined) (added('SIGTERM')[0] as Listener | undefined)?.('SIGTERM');
    await exited;
  });
  return { server, exited, added, stderr: () => stderr };
}

describe('the monitor service (in process)', () => {
  test('stopping on SIGTERM removes its SIGINT and SIGTERM handlers', async (t) => {
    const service = await startService(t);
    for (const signal of SIGNALS) assert.equal(service.added(signal).length, 1, `one ${signal} handler while running`);
    // Called directly rather than process.emit: the test runner has signal handlers of its own.
    (service.added('SIGTERM')[0] as Listener)('SIGTERM');
    assert.equal(await service.exited, 0, service.stderr());
    for (const signal of SIGNALS) assert.deepEqual(service.added(signal), [], `no ${signal} handler left behind`);
    assert.equal(service.server.listening, false);
    assert.match(service.stderr(), /monitor: SIGTERM: finishing probes in flight/);
  });

  test('SIGINT twice at once (Ctrl-C under npm: the terminal and npm each send one) is one graceful stop', async (t) => {
    const service = await startService(t);
    const [onInt] = service.added('SIGINT') as Listener[];
    onInt!('SIGINT');
    // Were this taken as a second request, the service would call process.exit(1) and end this test file.
    onInt!('SIGINT');
    assert.equal(await service.exited, 0, service.stderr());
    assert.doesNotMatch(service.stderr(), /again/);
    assert.match(service.stderr(), /monitor: stopped/);
  });

  test('a server error after listening: one line, a clean stop, exit 1', async (t) => {
    const service = await startService(t);
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
    runToCompletion(process.execPath, ['--import', 'tsx', file, '--help'], { cwd: ROOT, env: childEnv(), timeoutMs: 20_000 });

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
