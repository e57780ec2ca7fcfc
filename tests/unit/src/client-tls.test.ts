// The client over HTTPS, against the sandbox serving certificates from a test CA made
// here with openssl: a trusted certificate works and its handshake is timed; an
// untrusted, an expired and a wrong-host certificate each fail as tls, saying which,
// and the trackers check turns that into tls_error (inconclusive: nothing answered).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createSandbox, type Sandbox } from '../../../sandbox/app.ts';
import { createClient, tlsProblem, type ClientResult } from '../../../src/client.ts';
import { runCheck } from '../../../src/checks/run.ts';
import { DEFAULTS } from '../../../src/config/api.ts';
import type { AuthConfig } from '../../../src/config/credentials.ts';
import { Secret } from '../../../src/secret.ts';
import { createTestCa, type KeyPair, type TestCa } from '../../support/test-ca.ts';

const BASIC: AuthConfig = {
  kind: 'basic',
  username: 'sandbox_user',
  password: new Secret('sandbox_password'),
  passwordIsMd5: false,
};
const OAUTH: AuthConfig = { kind: 'oauth-client', key: 'sandbox_key', secret: new Secret('sandbox_secret') };
const why = (r: ClientResult) => `${r.status} ${r.failure?.reason ?? ''} ${r.failure?.message ?? ''}`;

let ca: TestCa;
const sandboxes: Sandbox[] = [];
const urls: Record<'good' | 'expired' | 'wrongHost', string> = { good: '', expired: '', wrongHost: '' };

async function serve(pair: KeyPair): Promise<string> {
  const sandbox = createSandbox({ tls: pair });
  sandboxes.push(sandbox);
  return sandbox.listen(0, '127.0.0.1');
}

before(async () => {
  ca = createTestCa();
  [urls.good, urls.expired, urls.wrongHost] = await Promise.all([serve(ca.good), serve(ca.expired), serve(ca.wrongHost)]);
});
after(async () => {
  await Promise.all(sandboxes.map((s) => s.close()));
  ca?.remove();
});

// Far beyond what a loaded machine adds to a loopback handshake: these tests are about certificates, not time.
const client = (baseUrl: string, trust: string | undefined, auth: AuthConfig = BASIC) =>
  createClient({ baseUrl, auth, timeoutMs: 30_000, ...(trust ? { ca: trust } : {}) });

describe('HTTPS with a trusted certificate', () => {
  test('the sandbox serves https:// and the documented body arrives', async () => {
    assert.match(urls.good, /^https:\/\/127\.0\.0\.1:\d+$/);
    const r = await client(urls.good, ca.caPem).getTrackers('98662653');
    assert.equal(r.ok, true, why(r));
    assert.equal(r.status, 200);
    assert.equal((r.body as { data: unknown[] }).data.length, 97);
  });

  test('the TLS handshake is in the timings, after the TCP connect and before the first byte', async () => {
    const r = await client(urls.good, ca.caPem).getTrackers('98662653');
    const t = r.timings;
    assert.ok(t.connectMs !== undefined && t.tlsMs !== undefined && t.ttfbMs !== undefined, JSON.stringify(t));
    assert.ok(t.connectMs <= t.tlsMs && t.tlsMs <= t.ttfbMs && t.ttfbMs <= t.totalMs, JSON.stringify(t));
  });

  test('plain HTTP has no TLS phase', async () => {
    const plain = createSandbox();
    const base = await plain.listen(0, '127.0.0.1');
    try {
      const r = await client(base, undefined).getTrackers('98662653');
      assert.equal(r.ok, true, why(r));
      assert.equal(r.timings.tlsMs, undefined);
    } finally {
      await plain.close();
    }
  });

  test('an OAuth token is fetched over the same HTTPS and used', async () => {
    const r = await client(urls.good, ca.caPem, OAUTH).getTrackers('98662653');
    assert.equal(r.status, 200, why(r));
  });
});

describe('a certificate that must not be accepted', () => {
  const CASES: { name: string; url: () => string; trust: () => string | undefined; says: RegExp; code: RegExp }[] = [
    {
      name: 'untrusted (issuer not a trusted CA)',
      url: () => urls.good,
      trust: () => undefined,
      says: /^untrusted certificate/,
      code: /UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN/,
    },
    { name: 'expired', url: () => urls.expired, trust: () => ca.caPem, says: /^expired certificate/, code: /CERT_HAS_EXPIRED/ },
    {
      name: 'for another host',
      url: () => urls.wrongHost,
      trust: () => ca.caPem,
      says: /^host-name mismatch/,
      code: /ERR_TLS_CERT_ALTNAME_INVALID/,
    },
  ];
  for (const c of CASES) {
    test(`${c.name} → tls, the message says which; the trackers check → tls_error, inconclusive`, async () => {
      const r = await client(c.url(), c.trust()).getTrackers('98662653');
      assert.equal(r.ok, false);
      assert.equal(r.status, undefined, 'no HTTP answer: nothing was sent over an unverified connection');
      assert.equal(r.failure?.reason, 'tls', why(r));
      assert.match(r.failure!.message, c.says);
      assert.match(r.failure!.message, c.code);
      const check = await runCheck('trackers', client(c.url(), c.trust()), {
        ...DEFAULTS,
        notFoundStatuses: [...DEFAULTS.notFoundStatuses],
        auth: BASIC,
      });
      assert.equal(check.reason, 'tls_error');
      assert.equal(check.verdict, 'inconclusive');
      assert.match(check.message, c.says);
    });
  }

  test('the OAuth token request is refused the same way: auth_token names the TLS problem', async () => {
    const r = await client(urls.expired, ca.caPem, OAUTH).getTrackers('98662653');
    assert.equal(r.failure?.reason, 'auth_token', why(r));
    assert.match(r.failure!.message, /expired certificate/);
  });

  test('every code a user can act on has its own words; others say the handshake failed', () => {
    assert.match(tlsProblem('DEPTH_ZERO_SELF_SIGNED_CERT'), /^untrusted/);
    assert.match(tlsProblem('UNABLE_TO_GET_ISSUER_CERT_LOCALLY'), /^untrusted/);
    assert.match(tlsProblem('CERT_NOT_YET_VALID'), /not yet valid/);
    assert.equal(tlsProblem('EPROTO'), 'TLS handshake failed');
  });
});
