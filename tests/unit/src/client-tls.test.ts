// The client over HTTPS, against the sandbox serving certificates from a test CA made
// here with openssl: a trusted certificate works and its handshake is timed; an
// untrusted, an expired and a wrong-host certificate each fail as tls, saying which,
// and the trackers check turns that into tls_error (inconclusive: nothing answered).
// The CA is trusted as a user trusts one, with NODE_EXTRA_CA_CERTS, which Node reads at
// start-up: the requests that need it run in one child process (trusting-client.ts).
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startSandbox, type RunningSandbox } from '../../../cli/target.ts';
import { createClient, type ClientResult } from '../../../src/client.ts';
import { runCheck } from '../../../src/checks/run.ts';
import { DEFAULTS } from '../../../src/config/api.ts';
import type { AuthConfig } from '../../../src/config/credentials.ts';
import { Secret } from '../../../src/secret.ts';
import { childEnv, runToCompletion } from '../../support/processes.ts';
import { createTestCa, type KeyPair, type TestCa } from '../../support/test-ca.ts';
import type { TrustedOutcome, TrustedRequest } from '../../support/trusting-client.ts';

const BASIC: AuthConfig = {
  kind: 'basic',
  username: 'sandbox_user',
  password: new Secret('sandbox_password'),
  passwordIsMd5: false,
};
const OAUTH = { CAP_OAUTH_KEY: 'sandbox_key', CAP_OAUTH_SECRET: 'sandbox_secret' };
const why = (r: Pick<ClientResult, 'status' | 'failure'>) => `${r.status} ${r.failure?.reason ?? ''} ${r.failure?.message ?? ''}`;
// Far beyond what a loaded machine adds to a loopback handshake: these tests are about certificates, not time.
const TIMEOUT_MS = 30_000;
const CHILD = join(import.meta.dirname, '..', '..', 'support', 'trusting-client.ts');

let ca: TestCa;
const sandboxes: RunningSandbox[] = [];
const urls: Record<'good' | 'expired' | 'wrongHost', string> = { good: '', expired: '', wrongHost: '' };
/** With the CA trusted, in the child: by name. */
let trusted: Record<'good' | 'goodOauth' | 'expired' | 'wrongHost' | 'expiredOauth', TrustedOutcome>;

async function serve(pair: KeyPair): Promise<string> {
  const sandbox = await startSandbox({ tls: pair });
  sandboxes.push(sandbox);
  return sandbox.baseUrl;
}

before(async () => {
  ca = createTestCa();
  [urls.good, urls.expired, urls.wrongHost] = await Promise.all([serve(ca.good), serve(ca.expired), serve(ca.wrongHost)]);
  const env = { CAP_TIMEOUT_MS: String(TIMEOUT_MS) };
  const requests: Record<keyof typeof trusted, TrustedRequest> = {
    good: { baseUrl: urls.good, env },
    goodOauth: { baseUrl: urls.good, env: { ...env, ...OAUTH } },
    expired: { baseUrl: urls.expired, env, check: true },
    wrongHost: { baseUrl: urls.wrongHost, env, check: true },
    expiredOauth: { baseUrl: urls.expired, env: { ...env, ...OAUTH } },
  };
  const file = join(ca.dir, 'requests.json');
  writeFileSync(file, JSON.stringify(Object.values(requests)));
  const run = await runToCompletion(process.execPath, ['--import', 'tsx', CHILD, file], {
    env: childEnv({ NODE_EXTRA_CA_CERTS: ca.caFile }),
    timeoutMs: 120_000,
  });
  assert.equal(run.code, 0, run.output);
  const outcomes = JSON.parse(run.stdout) as TrustedOutcome[];
  trusted = Object.fromEntries(Object.keys(requests).map((name, i) => [name, outcomes[i]!])) as typeof trusted;
});
after(async () => {
  await Promise.all(sandboxes.map((s) => s.close()));
  ca?.remove();
});

const client = (baseUrl: string) => createClient({ baseUrl, auth: BASIC, timeoutMs: TIMEOUT_MS });

describe('HTTPS with a trusted certificate (NODE_EXTRA_CA_CERTS)', () => {
  test('the sandbox serves https:// and the documented body arrives', () => {
    assert.match(urls.good, /^https:\/\/127\.0\.0\.1:\d+$/);
    const r = trusted.good.result;
    assert.equal(r.ok, true, why(r));
    assert.equal(r.status, 200);
    assert.equal(r.trackers, 97);
  });

  test('the TLS handshake is in the timings, after the TCP connect and before the first byte', () => {
    const t = trusted.good.result.timings;
    assert.ok(t.connectMs !== undefined && t.tlsMs !== undefined && t.ttfbMs !== undefined, JSON.stringify(t));
    assert.ok(t.connectMs <= t.tlsMs && t.tlsMs <= t.ttfbMs && t.ttfbMs <= t.totalMs, JSON.stringify(t));
  });

  test('plain HTTP has no TLS phase', async () => {
    const plain = await startSandbox();
    try {
      const r = await client(plain.baseUrl).getTrackers('98662653');
      assert.equal(r.ok, true, why(r));
      assert.equal(r.timings.tlsMs, undefined);
    } finally {
      await plain.close();
    }
  });

  test('an OAuth token is fetched over the same HTTPS and used', () => {
    assert.equal(trusted.goodOauth.result.status, 200, why(trusted.goodOauth.result));
  });
});

describe('a certificate that must not be accepted', () => {
  const judged = (r: Pick<ClientResult, 'ok' | 'status' | 'failure'>, says: RegExp, code: RegExp) => {
    assert.equal(r.ok, false);
    assert.equal(r.status, undefined, 'no HTTP answer: nothing was sent over an unverified connection');
    assert.equal(r.failure?.reason, 'tls', why(r));
    assert.match(r.failure!.message, says);
    assert.match(r.failure!.message, code);
  };

  test('untrusted (issuer not a trusted CA) → tls, the message says which; the trackers check → tls_error, inconclusive', async () => {
    const r = await client(urls.good).getTrackers('98662653');
    judged(r, /^untrusted certificate/, /UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN/);
    const check = await runCheck('trackers', client(urls.good), {
      ...DEFAULTS,
      notFoundStatuses: [...DEFAULTS.notFoundStatuses],
      auth: BASIC,
    });
    assert.equal(check.reason, 'tls_error');
    assert.equal(check.verdict, 'inconclusive');
    assert.match(check.message, /^untrusted certificate/);
  });

  const CASES = [
    { name: 'expired', outcome: () => trusted.expired, says: /^expired certificate/, code: /CERT_HAS_EXPIRED/ },
    {
      name: 'for another host',
      outcome: () => trusted.wrongHost,
      says: /^host-name mismatch/,
      code: /ERR_TLS_CERT_ALTNAME_INVALID/,
    },
  ];
  for (const c of CASES) {
    test(`${c.name}, with the CA trusted → tls, the message says which; the trackers check → tls_error, inconclusive`, () => {
      const { result, check } = c.outcome();
      judged(result, c.says, c.code);
      assert.equal(check?.reason, 'tls_error');
      assert.equal(check?.verdict, 'inconclusive');
      assert.match(check!.message, c.says);
    });
  }

  test('the OAuth token request is refused the same way: auth_token names the TLS problem', () => {
    const r = trusted.expiredOauth.result;
    assert.equal(r.failure?.reason, 'auth_token', why(r));
    assert.match(r.failure!.message, /expired certificate/);
  });
});
