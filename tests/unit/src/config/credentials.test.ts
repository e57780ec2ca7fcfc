import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { describe, test } from 'node:test';
import { credentialsFrom, resolveCredentialRefs, type CredentialNames } from '../../../../src/config/credentials.ts';
import type { Env } from '../../../../src/config/env.ts';
import { errors, ok } from './helpers.ts';

const ENV: Env = { EU_USER: 'eu-monitor', EU_PASSWORD: 'hunter2-secret', US_TOKEN: 'tok-secret-123', KEY: 'k', SECRET: 's3cr3t' };

function refErrors(refs: Parameters<typeof resolveCredentialRefs>[0], env: Env = ENV): string[] {
  const r = resolveCredentialRefs(refs, '$.targets[0].auth', env);
  assert.equal(r.ok, false, 'expected a credential error');
  return r.ok ? [] : r.errors;
}

describe('credentials from CAP_* variables', () => {
  test('Basic auth', () => {
    const c = ok({ CAP_BASE_URL: 'https://x.example', CAP_USERNAME: 'u', CAP_PASSWORD: 'p' });
    assert.equal(c.auth.kind, 'basic');
  });
  test('an md5 password must be 32 hex characters, and its value is never shown', () => {
    const e = errors({ CAP_USERNAME: 'u', CAP_PASSWORD: 'hunter2-secret', CAP_PASSWORD_IS_MD5: 'true' });
    assert.match(e.join('\n'), /CAP_PASSWORD=\(value hidden\): must be 32 hex characters/);
    assert.doesNotMatch(e.join('\n'), /hunter2/);
  });
  test('OAuth key and secret', () => {
    assert.equal(ok({ CAP_OAUTH_KEY: 'k', CAP_OAUTH_SECRET: 's' }).auth.kind, 'oauth-client');
  });
  test('an OAuth token given directly', () => {
    assert.equal(ok({ CAP_OAUTH_TOKEN: 't' }).auth.kind, 'oauth-token');
  });
  test('half a credential is an error naming the missing variable', () => {
    assert.match(errors({ CAP_USERNAME: 'u' }).join(), /CAP_PASSWORD: is required/);
    assert.match(errors({ CAP_OAUTH_SECRET: 's' }).join(), /CAP_OAUTH_KEY: is required/);
  });
  test('Basic and OAuth together are ambiguous', () => {
    assert.match(errors({ CAP_USERNAME: 'u', CAP_PASSWORD: 'p', CAP_OAUTH_TOKEN: 't' }).join(), /not both/);
  });
  test('secrets are redacted when the config is printed or serialised', () => {
    const c = ok({ CAP_USERNAME: 'u', CAP_PASSWORD: 'planted-secret-123' });
    for (const text of [JSON.stringify(c), inspect(c, { depth: 10 }), String((c.auth as { password: unknown }).password)]) {
      assert.doesNotMatch(text, /planted-secret-123/);
    }
  });
});

describe('credential references in a targets file (resolveCredentialRefs)', () => {
  test('Basic with a literal user name', () => {
    const r = resolveCredentialRefs({ username: 'u', passwordEnv: 'EU_PASSWORD' }, '$.auth', ENV);
    assert.ok(r.ok && r.auth.kind === 'basic' && r.auth.username === 'u');
  });
  test('an OAuth client', () => {
    const r = resolveCredentialRefs({ oauthKeyEnv: 'KEY', oauthSecretEnv: 'SECRET' }, '$.auth', ENV);
    assert.ok(r.ok && r.auth.kind === 'oauth-client' && r.auth.key === 'k' && r.auth.secret.reveal() === 's3cr3t');
  });
  test('a blank variable counts as unset', () => {
    const r = resolveCredentialRefs({ oauthTokenEnv: 'BLANK' }, '$.t', { BLANK: '  ' });
    assert.deepEqual(r, { ok: false, errors: ['$.t.oauthTokenEnv: environment variable BLANK is not set'] });
  });
  test('passwordIsMd5 without a password', () => {
    const r = resolveCredentialRefs({ passwordIsMd5: true }, '$.auth', ENV);
    assert.equal(r.ok, false);
  });
});

describe('one rule set for both sources', () => {
  const NAMES: CredentialNames = {
    username: 'U',
    password: 'P',
    passwordIsMd5: 'MD5',
    oauthKey: 'K',
    oauthSecret: 'S',
    oauthToken: 'T',
  };

  test('nothing given: no credentials', () => {
    assert.deepEqual(credentialsFrom({}, NAMES), { ok: true, auth: { kind: 'none' } });
  });

  test('messages use the names the caller gives, and never a value', () => {
    const r = credentialsFrom({ username: 'a:b-secret', password: 'not-md5-secret', passwordIsMd5: true }, NAMES);
    assert.deepEqual(r, {
      ok: false,
      errors: [
        'U=(value hidden): must not contain ":" (Basic auth separator)',
        'P=(value hidden): must be 32 hex characters when MD5 is true',
      ],
    });
  });

  test('three kinds at once name every field given', () => {
    const r = credentialsFrom({ username: 'u', password: 'p', oauthKey: 'k', oauthToken: 't' }, NAMES);
    assert.deepEqual(r, {
      ok: false,
      errors: [
        'U/P, K and T: set one kind of credentials (Basic, an OAuth client key and secret, or an OAuth token), not all three',
      ],
    });
  });

  test('a value given but unreadable (null) gives no AuthConfig and no second message', () => {
    assert.deepEqual(credentialsFrom({ username: 'u', password: null }, NAMES), { ok: false, errors: [] });
  });

  test('a user name with ":" is refused from either source, without showing it', () => {
    const fromEnv = errors({ CAP_USERNAME: 'u:hunter2-secret', CAP_PASSWORD: 'p' }).join('\n');
    assert.match(fromEnv, /CAP_USERNAME=\(value hidden\): must not contain ":"/);
    const fromFile = refErrors({ username: 'u:hunter2-secret', passwordEnv: 'EU_PASSWORD' }).join('\n');
    assert.match(fromFile, /\$\.targets\[0\]\.auth\.username=\(value hidden\): must not contain ":"/);
    assert.doesNotMatch(fromEnv + fromFile, /hunter2/);
  });

  test('an OAuth token that cannot travel in a header is refused from either source, without showing it', () => {
    const fromEnv = errors({ CAP_OAUTH_TOKEN: 'tok\u00e9n-secret' }).join('\n');
    assert.match(fromEnv, /CAP_OAUTH_TOKEN=\(value hidden\): must be visible ASCII/);
    const fromFile = refErrors({ oauthTokenEnv: 'BAD_TOKEN' }, { BAD_TOKEN: 'tok\u00e9n-secret' }).join('\n');
    assert.match(fromFile, /\$\.targets\[0\]\.auth\.oauthTokenEnv \(BAD_TOKEN\)=\(value hidden\): must be visible ASCII/);
    assert.doesNotMatch(fromEnv + fromFile, /secret/);
  });

  test('an md5 flag without a password is an error from either source', () => {
    assert.match(errors({ CAP_PASSWORD_IS_MD5: 'true' }).join(), /CAP_PASSWORD_IS_MD5: only applies with CAP_PASSWORD/);
    assert.match(
      refErrors({ passwordIsMd5: true }).join(),
      /\$\.targets\[0\]\.auth\.passwordIsMd5: only applies with \$\.targets\[0\]\.auth\.passwordEnv/,
    );
    assert.equal(ok({ CAP_PASSWORD_IS_MD5: 'false', CAP_OAUTH_TOKEN: 't' }).auth.kind, 'oauth-token', 'false is harmless');
  });

  test('half a credential names the missing field from either source', () => {
    assert.match(errors({ CAP_OAUTH_KEY: 'k' }).join(), /CAP_OAUTH_SECRET: is required when CAP_OAUTH_KEY is set/);
    assert.deepEqual(refErrors({ passwordEnv: 'EU_PASSWORD' }), [
      '$.targets[0].auth.usernameEnv (or username): is required when $.targets[0].auth.passwordEnv (EU_PASSWORD) is set',
    ]);
  });

  test('Basic and OAuth together name the variables from either source', () => {
    assert.deepEqual(errors({ CAP_USERNAME: 'u', CAP_PASSWORD: 'p', CAP_OAUTH_KEY: 'k', CAP_OAUTH_SECRET: 's' }), [
      'CAP_USERNAME/CAP_PASSWORD and CAP_OAUTH_KEY/CAP_OAUTH_SECRET: set one kind of credentials (Basic, an OAuth client key and secret, or an OAuth token), not both',
    ]);
    assert.match(
      refErrors({ usernameEnv: 'EU_USER', passwordEnv: 'EU_PASSWORD', oauthTokenEnv: 'US_TOKEN' }).join(),
      /^\$\.targets\[0\]\.auth\.usernameEnv \(EU_USER\)\/\$\.targets\[0\]\.auth\.passwordEnv \(EU_PASSWORD\) and \$\.targets\[0\]\.auth\.oauthTokenEnv \(US_TOKEN\): set one kind of credentials/,
    );
  });

  test('a named variable that is not set is reported once, not also as missing', () => {
    assert.deepEqual(refErrors({ usernameEnv: 'EU_USER', passwordEnv: 'NOT_SET' }), [
      '$.targets[0].auth.passwordEnv: environment variable NOT_SET is not set',
    ]);
  });

  test('username and usernameEnv together', () => {
    assert.match(
      refErrors({ username: 'u', usernameEnv: 'EU_USER', passwordEnv: 'EU_PASSWORD' }).join(),
      /\$\.targets\[0\]\.auth: give username or usernameEnv, not both/,
    );
  });
});
