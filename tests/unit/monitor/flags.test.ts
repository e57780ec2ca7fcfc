// The fleet flags of monitor/flags.ts (--location, --shard, --web.config.file) and MONITOR_LOCATION:
// a bad value is one line naming it, exit 2, before anything starts; a bad web-config file never
// shows its contents (hashes, key material).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { main } from '../../../cli/monitor.ts';
import { parseFlags } from '../../../monitor/flags.ts';
import { loadMonitorSettings } from '../../../src/config/monitor.ts';

describe('parseFlags: fleet flags', () => {
  const CASES: { argv: string[]; error?: RegExp }[] = [
    { argv: ['--location', 'eu-west-1'] },
    { argv: ['--shard', '2/3'] },
    { argv: ['--web.config.file', 'web.yml'] },
    { argv: ['--location', 'EU'], error: /^--location must match .*got "EU"$/ },
    { argv: ['--location', ''], error: /^--location must match/ },
    { argv: ['--location', 'a'.repeat(41)], error: /^--location must match/ },
    { argv: ['--location', 'a b'], error: /^--location must match .*got "a b"$/ },
    { argv: ['--shard', '4/3'], error: /^--shard: expected I\/N .*got "4\/3"$/ },
    { argv: ['--shard', '0/1'], error: /^--shard: expected I\/N/ },
    { argv: ['--web.config.file', ''], error: /^--web.config.file needs a file name$/ },
    { argv: ['--web.config.file', 'w.yml', '--once'], error: /--once serves nothing/ },
  ];
  for (const c of CASES) {
    test(`${JSON.stringify(c.argv)} → ${c.error ?? 'ok'}`, () => {
      const r = parseFlags(c.argv);
      if (!c.error) return assert.equal(r.ok, true, r.ok ? '' : r.error);
      assert.equal(r.ok, false);
      if (!r.ok) {
        assert.match(r.error, c.error);
        assert.ok(!r.error.includes('\n'), 'one line');
      }
    });
  }
  test('the usage lists them', async () => {
    const { USAGE } = await import('../../../monitor/flags.ts');
    for (const f of ['--location NAME', '--shard I/N', '--web.config.file FILE']) assert.ok(USAGE.includes(f), f);
  });
});

describe('MONITOR_LOCATION', () => {
  test('a valid one is read; the flag wins over it (cli/monitor.ts)', () => {
    const r = loadMonitorSettings({ MONITOR_LOCATION: 'ap-south-1' });
    assert.ok(r.ok);
    assert.equal(r.settings.location, 'ap-south-1');
  });
  test('a bad one names the variable', () => {
    const r = loadMonitorSettings({ MONITOR_LOCATION: 'Not Valid' });
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.errors.join(';'), /^MONITOR_LOCATION="Not Valid": must match/);
  });
});

describe('a bad --web.config.file stops the monitor: exit 2, one line, no contents', () => {
  const HASH = '$2y$10$' + 'S'.repeat(53);
  const cases: { name: string; text: string; error: RegExp }[] = [
    { name: 'not YAML', text: `basic_auth_users:\n  alice: ${HASH}\n   bad: [`, error: /not YAML \(line \d+, column \d+\)/ },
    {
      name: 'an unknown key (a typo must not leave it open)',
      text: `basic_auth_user:\n  alice: ${HASH}\n`,
      error: /unknown key "basic_auth_user"/,
    },
    {
      name: 'a password instead of a hash',
      text: 'basic_auth_users:\n  alice: hunter2-plain\n',
      error: /basic_auth_users.alice is not a bcrypt hash/,
    },
    {
      name: 'a missing key file',
      text: 'tls_server_config:\n  cert_file: nope.crt\n  key_file: nope.key\n',
      error: /tls_server_config.cert_file "nope.crt" cannot be read \(ENOENT\)/,
    },
    {
      name: 'client certificates (not supported)',
      text: 'tls_server_config:\n  cert_file: a\n  key_file: b\n  client_auth_type: RequireAndVerifyClientCert\n',
      error: /only NoClientCert/,
    },
  ];
  for (const c of cases) {
    test(c.name, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'fleet-webcfg-'));
      try {
        const file = join(dir, 'web.yml');
        writeFileSync(file, c.text);
        const err: string[] = [];
        const code = await main(['--web.config.file', file, '--port', '0'], { env: {}, out: () => {}, err: (l) => err.push(l) });
        assert.equal(code, 2);
        assert.equal(err.length, 1, err.join('\n'));
        assert.match(err[0]!, c.error);
        assert.match(err[0]!, /^monitor: configuration error: --web.config.file ".*web.yml": /);
        assert.ok(!err[0]!.includes(HASH) && !err[0]!.includes('hunter2'), 'no secret in the message');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
