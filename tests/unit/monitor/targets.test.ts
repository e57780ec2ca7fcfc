import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import type { Env } from '../../../src/config/env.ts';
import { Secret } from '../../../src/secret.ts';
import { defaultTargets, loadTargetsFile, parseTargets, withInterval } from '../../../monitor/targets.ts';
import { testConfig } from './helpers.ts';

const base = testConfig();
const remoteBase = testConfig({ target: { kind: 'remote', baseUrl: 'https://eu.api.capillarytech.com' } });
const ENV: Env = { EU_USER: 'eu-monitor', EU_PASSWORD: 'hunter2-secret', US_TOKEN: 'tok-secret-123', KEY: 'k', SECRET: 's3cr3t' };

function errorsOf(document: unknown, env: Env = ENV, b = base): string[] {
  const r = parseTargets(document, b, 'targets.json', env);
  assert.equal(r.ok, false, 'expected a configuration error');
  return r.ok ? [] : r.errors;
}

describe('default target', () => {
  test('one target named default, from the environment, every 30 s and 300 s for the 8015 check', () => {
    const [t, ...rest] = defaultTargets(base);
    assert.equal(rest.length, 0);
    assert.equal(t!.name, 'default');
    assert.equal(t!.config, base);
    assert.equal(t!.intervalSeconds, 30);
    assert.equal(t!.notFoundIntervalSeconds, 300);
  });

  test('--interval overrides the trackers interval only', () => {
    const [t] = withInterval(defaultTargets(base), 5);
    assert.equal(t!.intervalSeconds, 5);
    assert.equal(t!.notFoundIntervalSeconds, 300);
  });
});

describe('a targets file', () => {
  test('holds up to 1,000 targets (what bench/monitor-fleet.ts shows one process holding); 1,001 is an error', () => {
    const many = (n: number) => ({ targets: Array.from({ length: n }, (_, i) => ({ name: `t${i}` })) });
    const r = parseTargets(many(1000), base, 'targets.json', ENV);
    assert.ok(r.ok && r.targets.length === 1000);
    assert.match(errorsOf(many(1001)).join('\n'), /\$\.targets.*(1000|at most)/);
  });

  test('clusters × customers, credentials resolved from the variables it names', () => {
    const r = parseTargets(
      {
        targets: [
          {
            name: 'eu-main',
            baseUrl: 'https://eu.api.capillarytech.com/',
            customerId: '200000001',
            auth: { usernameEnv: 'EU_USER', passwordEnv: 'EU_PASSWORD' },
            intervalSeconds: 15,
            latencyBudgetMs: 2000,
          },
          {
            name: 'us_1',
            baseUrl: 'https://us.api.capillarytech.com',
            auth: { oauthTokenEnv: 'US_TOKEN' },
            notFoundStatuses: [404],
          },
          { name: 'sandbox' },
        ],
      },
      base,
      'targets.json',
      ENV,
    );
    assert.ok(r.ok, r.ok ? '' : r.errors.join('\n'));
    const [eu, us, sandbox] = r.targets;
    assert.deepEqual(eu!.config.target, { kind: 'remote', baseUrl: 'https://eu.api.capillarytech.com' });
    assert.equal(eu!.config.customerId, '200000001');
    assert.equal(eu!.config.missingCustomerId, base.missingCustomerId);
    assert.equal(eu!.config.auth.kind, 'basic');
    assert.equal(eu!.config.auth.kind === 'basic' && eu!.config.auth.username, 'eu-monitor');
    assert.equal(eu!.config.auth.kind === 'basic' && eu!.config.auth.password.reveal(), 'hunter2-secret');
    assert.equal(eu!.intervalSeconds, 15);
    assert.equal(eu!.notFoundIntervalSeconds, 300);
    assert.equal(eu!.config.latencyBudgetMs, 2000);
    assert.equal(eu!.config.latencyDegradedMs, base.latencyDegradedMs);
    assert.equal(us!.config.auth.kind, 'oauth-token');
    assert.deepEqual(us!.config.notFoundStatuses, [404]);
    assert.deepEqual(sandbox!.config.target, { kind: 'sandbox' });
    assert.equal(sandbox!.config.auth, base.auth, 'the sandbox target keeps the environment’s (sandbox) credentials');
    assert.doesNotMatch(JSON.stringify(r.targets), /hunter2|tok-secret/, 'secrets stay redacted when serialised');
  });

  test('credentials never travel to a base URL they were not configured for', () => {
    const withToken: typeof remoteBase = { ...remoteBase, auth: { kind: 'oauth-token', token: new Secret('env-token') } };
    const same = { name: 'same', baseUrl: 'https://eu.api.capillarytech.com' };
    const r = parseTargets(
      { targets: [same, { name: 'other', baseUrl: 'https://us.api.capillarytech.com', auth: {} }] },
      withToken,
      'targets.json',
      ENV,
    );
    assert.ok(r.ok);
    assert.equal(r.targets[0]!.config.auth.kind, 'oauth-token', 'same base URL as CAP_BASE_URL: the environment’s credentials');
    assert.equal(r.targets[1]!.config.auth.kind, 'none', 'another cluster: none unless named');
    // Left without "auth", another cluster gets no credentials either: a configuration error, not a probe.
    const errors = errorsOf({ targets: [same, { name: 'other', baseUrl: 'https://us.api.capillarytech.com' }] }, ENV, withToken);
    assert.deepEqual(errors, [
      'targets.json: $.targets[1].auth: is required for "other" (https://us.api.capillarytech.com), which has no credentials: name usernameEnv and passwordEnv, oauthKeyEnv and oauthSecretEnv, or oauthTokenEnv; "auth": {} probes without any',
    ]);
  });

  // As CAP_BASE_URL without credentials is for every command: every check would be refused, read as broken.
  test('a remote entry with no credentials at all is an error naming the entry and what to set', () => {
    const noCredentials = { ...remoteBase, auth: { kind: 'none' } as const };
    const errors = errorsOf(
      {
        targets: [
          { name: 'eu' },
          { name: 'us', baseUrl: 'https://us.api.capillarytech.com' },
          { name: 'ok', auth: { oauthTokenEnv: 'US_TOKEN' } },
        ],
      },
      ENV,
      noCredentials,
    );
    assert.equal(errors.length, 2, errors.join('\n'));
    assert.equal(
      errors[0],
      'targets.json: $.targets[0].auth: is required for "eu" (https://eu.api.capillarytech.com), which has no credentials: name usernameEnv and passwordEnv, oauthKeyEnv and oauthSecretEnv, or oauthTokenEnv, or set CAP_USERNAME and CAP_PASSWORD, CAP_OAUTH_KEY and CAP_OAUTH_SECRET, or CAP_OAUTH_TOKEN for CAP_BASE_URL; "auth": {} probes without any',
    );
    assert.match(
      errors[1]!,
      /^targets\.json: \$\.targets\[1\]\.auth: is required for "us" \(https:\/\/us\.api\.capillarytech\.com\).*oauthTokenEnv; "auth"/,
    );
    // The embedded sandbox needs none: it is given its own.
    assert.ok(parseTargets({ targets: [{ name: 'sandbox' }] }, base, 'targets.json', ENV).ok);
  });

  test('flapping thresholds per target; absent, the defaults apply (no field)', () => {
    const r = parseTargets(
      { targets: [{ name: 'a', flapping: { lowPercent: 10, highPercent: 25.5 } }, { name: 'b' }] },
      base,
      't',
    );
    assert.ok(r.ok);
    assert.deepEqual(r.targets[0]!.flapping, { lowPercent: 10, highPercent: 25.5 });
    assert.equal(r.targets[1]!.flapping, undefined);
  });

  test('"auth": {} sends no credentials', () => {
    const r = parseTargets({ targets: [{ name: 'anon', auth: {} }] }, base, 'targets.json', ENV);
    assert.ok(r.ok);
    assert.equal(r.targets[0]!.config.auth.kind, 'none');
  });
});

describe('a bad targets file names the field', () => {
  const CASES: { name: string; document: unknown; error: RegExp }[] = [
    { name: 'not an object', document: [], error: /^targets\.json: \$: must be object$/ },
    { name: 'no targets', document: {}, error: /\$\.targets: is required/ },
    { name: 'an empty list', document: { targets: [] }, error: /\$\.targets: must NOT have fewer than 1 items/ },
    { name: 'a bad name', document: { targets: [{ name: 'EU Main' }] }, error: /\$\.targets\[0\]\.name: must match pattern/ },
    {
      name: 'a name too long',
      document: { targets: [{ name: 'x'.repeat(41) }] },
      error: /\$\.targets\[0\]\.name: must match pattern/,
    },
    { name: 'no name', document: { targets: [{}] }, error: /\$\.targets\[0\]\.name: is required/ },
    {
      name: 'a duplicate name',
      document: { targets: [{ name: 'a' }, { name: 'b' }, { name: 'a' }] },
      error: /\$\.targets\[2\]\.name: "a" is already the name of \$\.targets\[0\]/,
    },
    {
      name: 'interval zero',
      document: { targets: [{ name: 'a', intervalSeconds: 0 }] },
      error: /\$\.targets\[0\]\.intervalSeconds: must be >= 1/,
    },
    {
      name: 'a fractional interval',
      document: { targets: [{ name: 'a', notFoundIntervalSeconds: 1.5 }] },
      error: /\$\.targets\[0\]\.notFoundIntervalSeconds: must be integer/,
    },
    {
      name: 'an unknown field',
      document: { targets: [{ name: 'a', intervall: 3 }] },
      error: /\$\.targets\[0\]\.intervall: is not an allowed property/,
    },
    {
      name: 'a numeric customer id',
      document: { targets: [{ name: 'a', customerId: 98662653 }] },
      error: /\$\.targets\[0\]\.customerId: must be string/,
    },
    {
      name: 'a customer id over the 64-bit range',
      document: { targets: [{ name: 'a', customerId: '9999999999999999999' }] },
      error: /\$\.targets\[0\]\.customerId: must be at most 9223372036854775807/,
    },
    {
      name: 'the same customer twice',
      document: { targets: [{ name: 'a', customerId: '5', missingCustomerId: '5' }] },
      error: /\$\.targets\[0\]\.missingCustomerId: must differ from customerId/,
    },
    {
      name: 'a 5xx accepted for 8015',
      document: { targets: [{ name: 'a', notFoundStatuses: [404, 500] }] },
      error: /\$\.targets\[0\]\.notFoundStatuses\[1\]: must be <= 499/,
    },
    ...[401, 403, 407].map((status) => ({
      name: `an authentication refusal (${status}) accepted for 8015`,
      document: { targets: [{ name: 'a', notFoundStatuses: [404, status] }] },
      error: /\$\.targets\[0\]\.notFoundStatuses\[1\]: must not be one of 401, 403, 407/,
    })),
    {
      name: 'degraded over the budget',
      document: { targets: [{ name: 'a', latencyBudgetMs: 100, latencyDegradedMs: 200 }] },
      error: /\$\.targets\[0\]\.latencyDegradedMs: 200 must not exceed the latency budget \(100\)/,
    },
    {
      name: 'flapping thresholds the wrong way round',
      document: { targets: [{ name: 'a', flapping: { lowPercent: 30, highPercent: 30 } }] },
      error: /^targets\.json: \$\.targets\[0\]\.flapping\.lowPercent: 30 must be under highPercent \(30\)$/,
    },
    {
      name: 'a flapping threshold over 100 %',
      document: { targets: [{ name: 'a', flapping: { lowPercent: 20, highPercent: 130 } }] },
      error: /\$\.targets\[0\]\.flapping\.highPercent: must be <= 100/,
    },
    {
      name: 'a flapping threshold missing',
      document: { targets: [{ name: 'a', flapping: { highPercent: 40 } }] },
      error: /\$\.targets\[0\]\.flapping\.lowPercent: is required/,
    },
    {
      name: 'a base URL that is not one',
      document: { targets: [{ name: 'a', baseUrl: 'eu cluster' }] },
      error: /\$\.targets\[0\]\.baseUrl: is not a URL/,
    },
    {
      name: 'a password written into the file',
      document: { targets: [{ name: 'a', auth: { username: 'u', password: 'hunter2-secret' } }] },
      error: /\$\.targets\[0\]\.auth\.password: is not an allowed property/,
    },
    {
      name: 'a variable that is not set',
      document: { targets: [{ name: 'a', auth: { usernameEnv: 'EU_USER', passwordEnv: 'NOT_SET_ANYWHERE' } }] },
      error: /\$\.targets\[0\]\.auth\.passwordEnv: environment variable NOT_SET_ANYWHERE is not set/,
    },
    {
      name: 'half an OAuth client',
      document: { targets: [{ name: 'a', auth: { oauthKeyEnv: 'KEY' } }] },
      error: /\$\.targets\[0\]\.auth\.oauthSecretEnv: is required when \$\.targets\[0\]\.auth\.oauthKeyEnv \(KEY\) is set/,
    },
    {
      name: 'two schemes at once',
      document: {
        targets: [{ name: 'a', auth: { usernameEnv: 'EU_USER', passwordEnv: 'EU_PASSWORD', oauthTokenEnv: 'US_TOKEN' } }],
      },
      error:
        /\$\.targets\[0\]\.auth\.usernameEnv \(EU_USER\)\/.* and \$\.targets\[0\]\.auth\.oauthTokenEnv \(US_TOKEN\): set one kind of credentials/,
    },
    {
      name: 'a variable name that is not one',
      document: { targets: [{ name: 'a', auth: { oauthTokenEnv: 'us-token' } }] },
      error: /\$\.targets\[0\]\.auth\.oauthTokenEnv: must match pattern/,
    },
  ];
  for (const c of CASES) {
    test(c.name, () => {
      const errors = errorsOf(c.document);
      assert.ok(
        errors.some((e) => c.error.test(e)),
        `expected ${c.error}, got:\n${errors.join('\n')}`,
      );
      assert.ok(
        errors.every((e) => e.startsWith('targets.json: ')),
        'every error names the file',
      );
    });
  }

  test('a base URL with credentials is refused without echoing it', () => {
    const errors = errorsOf({ targets: [{ name: 'a', baseUrl: 'https://user:hunter2-secret@eu.api.capillarytech.com' }] });
    assert.match(errors.join('\n'), /\$\.targets\[0\]\.baseUrl: must not contain credentials/);
    assert.doesNotMatch(errors.join('\n'), /hunter2/);
  });

  test('no error ever shows a secret value, even one misplaced in the file or held by a named variable', () => {
    const errors = [
      ...errorsOf({ targets: [{ name: 'a', auth: { username: 'u', password: 'hunter2-secret' } }] }),
      ...errorsOf({
        targets: [{ name: 'a', auth: { usernameEnv: 'EU_USER', passwordEnv: 'EU_PASSWORD', passwordIsMd5: true } }],
      }),
    ];
    assert.match(errors.join('\n'), /passwordEnv \(EU_PASSWORD\)=\(value hidden\): must be 32 hex characters/);
    assert.doesNotMatch(errors.join('\n'), /hunter2/);
  });
});

describe('loading the file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'monitor-targets-'));
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  test('reads and checks it', () => {
    const r = loadTargetsFile(write('ok.json', JSON.stringify({ targets: [{ name: 'one' }] })), base, ENV);
    assert.ok(r.ok);
    assert.equal(r.targets[0]!.name, 'one');
  });

  test('a missing file', () => {
    const r = loadTargetsFile(join(dir, 'nope.json'), base, ENV);
    assert.deepEqual(r, { ok: false, errors: [`${join(dir, 'nope.json')}: cannot read the targets file (ENOENT)`] });
  });

  test('invalid JSON, without quoting the text (it could hold a misplaced secret)', () => {
    const path = write('bad.json', '{"targets": [{"name": "a", "auth": {"password": hunter2-secret}}]}');
    const r = loadTargetsFile(path, base, ENV);
    assert.deepEqual(r, { ok: false, errors: [`${path}: is not valid JSON: Unexpected token at line 1, column 49`] });
  });

  const syntaxErrors: [string, string, string][] = [
    // V8 quotes the text after "Unexpected token" and gives no position: the scanner places it.
    [
      'a bare word on line 4',
      '{\n  "targets": [\n    {"name": "a",\n     "auth": {"password": hunter2-secret}}]}',
      'Unexpected token at line 4, column 27',
    ],
    [
      'a missing comma (V8 gives the position)',
      '{"targets": [\r\n{"name": "a"}\r\n{"name": "hunter2-secret"}]}',
      "Expected ',' or ']' after array element at line 3, column 1",
    ],
    ['a trailing comma', '{"targets": [{"name": "hunter2-secret"},]}', 'Unexpected token at line 1, column 41'],
    ['a file cut short', '{"targets": [{"name": "hunter2-secret', 'Unterminated string at line 1, column 38'],
  ];
  for (const [name, text, where] of syntaxErrors) {
    test(`a syntax error gives line and column, never the text: ${name}`, () => {
      const path = write('syntax.json', text);
      const r = loadTargetsFile(path, base, ENV);
      assert.deepEqual(r, { ok: false, errors: [`${path}: is not valid JSON: ${where}`] });
      assert.doesNotMatch(JSON.stringify(r), /hunter2|password/);
    });
  }

  test.after(() => rmSync(dir, { recursive: true, force: true }));
});

describe('monitor/targets.example.json', () => {
  test('is a valid targets file (with its variables set)', () => {
    const path = fileURLToPath(new URL('../../../monitor/targets.example.json', import.meta.url));
    const env: Env = { EU_USERNAME: 'u', EU_PASSWORD: 'p', APAC_OAUTH_KEY: 'k', APAC_OAUTH_SECRET: 's' };
    const r = loadTargetsFile(path, base, env);
    assert.ok(r.ok, r.ok ? '' : r.errors.join('\n'));
    assert.deepEqual(
      r.targets.map((t) => [t.name, t.config.auth.kind]),
      [
        ['eu', 'basic'],
        ['eu-vip', 'basic'],
        ['apac', 'oauth-client'],
      ],
    );
  });
});
