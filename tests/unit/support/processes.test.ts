import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runToCompletion, startService, waitFor } from '../../support/processes.ts';

/** `node -e SCRIPT`: a child whose behaviour the test spells out. */
const node = (script: string, options: { input?: string; timeoutMs?: number; env?: Record<string, string> } = {}) =>
  runToCompletion(process.execPath, ['-e', script], { timeoutMs: 10_000, ...options });

describe('runToCompletion', () => {
  test('exit code, stdout and stderr apart and interleaved in arrival order', async () => {
    // Two pipes read by one event loop: writes 50 ms apart arrived swapped under load. A second
    // apart, only a stall twenty times longer than that could swap them.
    const r = await node(`
      process.stdout.write('one ');
      setTimeout(() => process.stderr.write('two '), 1000);
      setTimeout(() => { process.stdout.write('three'); process.exitCode = 3; }, 2000);`);
    assert.deepEqual(r, { code: 3, signal: null, output: 'one two three', stdout: 'one three', stderr: 'two ', timedOut: false });
  });

  test('a child outliving timeoutMs is SIGKILLed and says so', async () => {
    const started = Date.now();
    // Long enough for a child to start and print on a loaded machine; the kill comes after.
    const r = await node(`process.stdout.write('started'); setInterval(() => {}, 1000);`, { timeoutMs: 2000 });
    assert.equal(r.timedOut, true);
    assert.equal(r.code, null);
    assert.equal(r.signal, 'SIGKILL');
    assert.equal(r.stdout, 'started', 'output before the kill is kept');
    // Without the kill the child would run until the runner's own timeout ends the test.
    assert.ok(Date.now() - started < 30_000, 'bounded by the timeout');
  });

  test('a child killed by a signal of its own is not a timeout', async () => {
    const r = await node(`process.kill(process.pid, 'SIGTERM'); setInterval(() => {}, 1000);`);
    assert.deepEqual([r.code, r.signal, r.timedOut], [null, 'SIGTERM', false]);
  });

  test('input goes to stdin, which is then closed', async () => {
    const input = 'héllo\n'.repeat(20_000);
    const r = await node(
      `let s = ''; process.stdin.setEncoding('utf8').on('data', (c) => (s += c)).on('end', () => process.stdout.write(s));`,
      {
        input,
      },
    );
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, input, 'every byte, multi-byte characters intact across chunks');
  });

  test('without input, stdin is at end of file at once', async () => {
    const r = await node(`process.stdin.on('data', () => {}).on('end', () => process.stdout.write('eof'));`, { timeoutMs: 5000 });
    assert.deepEqual([r.stdout, r.timedOut], ['eof', false]);
  });

  test('input a child never reads does not fail the run', async () => {
    const r = await node('process.exit(0)', { input: 'x'.repeat(1 << 20) });
    assert.equal(r.code, 0);
  });

  test("the environment: childEnv() by default, without the project's variables", async () => {
    const script = `process.stdout.write(JSON.stringify([process.env.CAP_PASSWORD ?? null, process.env.RUN_TEST_VAR ?? null]))`;
    process.env.CAP_PASSWORD = 'do-not-pass';
    try {
      assert.equal((await node(script)).stdout, '[null,null]');
      assert.equal((await node(script, { env: { RUN_TEST_VAR: 'given' } })).stdout, '[null,"given"]');
    } finally {
      delete process.env.CAP_PASSWORD;
    }
  });

  test('a command that cannot start rejects, naming it', async () => {
    await assert.rejects(runToCompletion('/nonexistent/trackers-test-binary', [], { timeoutMs: 1000 }), {
      message: /^could not start \/nonexistent\/trackers-test-binary: .*ENOENT/,
    });
  });
});

describe('waitFor with services', () => {
  const CASES = [
    { name: 'an exit code', script: 'process.exit(4)', expect: /^child exited \(code 4\) while waiting for Godot:\nbye/ },
    {
      name: 'a signal',
      script: `process.kill(process.pid, 'SIGKILL')`,
      expect: /^child exited \(signal SIGKILL\) while waiting for Godot:\nbye/,
    },
  ];
  for (const c of CASES) {
    test(`notices a service that ended with ${c.name}`, async () => {
      const service = startService('child', process.execPath, [
        '-e',
        `process.stdout.write('bye'); setTimeout(() => { ${c.script} }, 50)`,
      ]);
      try {
        await new Promise((resolve) => service.child.once('exit', resolve));
        await assert.rejects(
          waitFor('Godot', () => undefined, { services: [service], timeoutMs: 2000, intervalMs: 10 }),
          { message: c.expect },
        );
      } finally {
        await service.stop();
      }
    });
  }
});
