// trackers-contract sandbox (cli/sandbox.ts): its options, its configuration errors, and the
// start-up line's curl, which must really authenticate.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { spawnSync } from 'node:child_process';
import { listeningMessage, main, parseSandboxArgs } from '../../../cli/sandbox.ts';
import { DEFAULT_USERS } from '../../../sandbox/auth.ts';
import { SANDBOX_PASSWORD, SANDBOX_USERNAME } from '../../../src/config/api.ts';
import { programArgs } from '../../support/program.ts';
import { answered, startSandbox, trackersPath } from '../sandbox/helpers.ts';

describe('trackers-contract sandbox', () => {
  test('a bad SANDBOX_PORT stops it with one line naming the variable and value, exit 2, no stack', () => {
    const r = spawnSync(process.execPath, programArgs('cli/sandbox.ts'), {
      env: { PATH: process.env.PATH, SANDBOX_PORT: '80.5' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /SANDBOX_PORT="80\.5": must be a whole number from 0 to 65535/);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  });

  test('--tls needs --cert and --key, and they need --tls', () => {
    assert.deepEqual(parseSandboxArgs(['--tls', '--cert', 'c.pem', '--key', 'k.pem']), {
      ok: true,
      help: false,
      host: '127.0.0.1',
      tls: { certFile: 'c.pem', keyFile: 'k.pem' },
    });
    assert.deepEqual(parseSandboxArgs(['--tls', '--cert', 'c.pem']), {
      ok: false,
      error: '--tls needs --cert FILE and --key FILE',
    });
    assert.deepEqual(parseSandboxArgs(['--cert', 'c.pem']), { ok: false, error: '--cert and --key need --tls' });
  });

  test('--replay is repeatable, and not combined with --faults', () => {
    assert.deepEqual(parseSandboxArgs(['--replay', 'a.har', '--replay', 'failures']), {
      ok: true,
      help: false,
      host: '127.0.0.1',
      replay: ['a.har', 'failures'],
    });
    assert.deepEqual(parseSandboxArgs(['--replay', 'a.har', '--faults', 'latency=10']), {
      ok: false,
      error: '--faults and --replay cannot be combined',
    });
  });

  test('--replay of a missing path is a usage error (2), one line naming it, before listening', async (t) => {
    const lines: string[] = [];
    t.mock.method(process.stderr, 'write', (text: string) => void lines.push(text));
    const code = await main(['--port', '0', '--replay', '/nonexistent/failures']);
    t.mock.restoreAll();
    assert.equal(code, 2);
    assert.deepEqual(lines, ['sandbox: --replay /nonexistent/failures: no such file or directory\n']);
  });

  test('an unreadable certificate is a usage error (2), one line naming the flag and file', async (t) => {
    const lines: string[] = [];
    t.mock.method(process.stderr, 'write', (text: string) => void lines.push(text));
    const code = await main(['--port', '0', '--tls', '--cert', '/nonexistent/cert.pem', '--key', '/nonexistent/key.pem']);
    t.mock.restoreAll();
    assert.equal(code, 2);
    assert.deepEqual(lines, ['sandbox: --cert "/nonexistent/cert.pem": ENOENT (see --help)\n']);
  });

  test("the config's default credentials are the ones the sandbox accepts", () => {
    assert.deepEqual(DEFAULT_USERS, { [SANDBOX_USERNAME]: SANDBOX_PASSWORD });
  });
});

test('the start-up hint carries a curl header that really authenticates', async (t) => {
  const { base } = await startSandbox(t);
  const line = listeningMessage(base);
  assert.ok(line.startsWith(`sandbox listening on ${base} — try: curl -H 'Authorization: Basic `));
  assert.doesNotMatch(line, /\n/);
  const header = /'Authorization: (Basic [A-Za-z0-9+/=]+)'/.exec(line)![1]!;
  const res = await answered(base, trackersPath(98662653), { headers: { authorization: header } });
  assert.equal(res.status, 200);
});
