import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_CUSTOMER_ID } from '../../../sandbox/data.ts';
import { exampleText } from '../../../src/schemas.ts';
import { ManualClock } from '../../support/manual-clock.ts';
import { AUTH, answered, capillaryBasic, startSandbox, trackersPath } from './helpers.ts';

const UNAUTHORIZED = {
  pagination: { limit: 0, offset: 0, total: 0 },
  warnings: [],
  errors: [{ status: false, code: 401, message: 'Authentication failed. Please check username and password.' }],
};
const plainBasic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const TOKEN_PATH = '/v3/oauth/token/generate';

async function issueToken(base: string, body: unknown) {
  return answered(base, TOKEN_PATH, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('Basic authentication', () => {
  test('accepts base64(username:md5hex(password))', async (t) => {
    const { base } = await startSandbox(t);
    const res = await answered(base, trackersPath(DEFAULT_CUSTOMER_ID), { headers: AUTH });
    assert.equal(res.status, 200);
  });

  test('accepts configured users', async (t) => {
    const { base } = await startSandbox(t, { users: { alice: 's3cret' } });
    assert.equal(
      (await answered(base, trackersPath(DEFAULT_CUSTOMER_ID), { headers: { authorization: capillaryBasic('alice', 's3cret') } }))
        .status,
      200,
    );
    assert.equal((await answered(base, trackersPath(DEFAULT_CUSTOMER_ID), { headers: AUTH })).status, 401);
  });

  const REFUSED: [string, Record<string, string>][] = [
    ['no credentials', {}],
    ['a wrong password', { authorization: capillaryBasic('sandbox_user', 'wrong') }],
    ['the plain (non-md5) password, as curl -u sends it', { authorization: plainBasic('sandbox_user', 'sandbox_password') }],
    ['an unknown user', { authorization: capillaryBasic('mallory', 'sandbox_password') }],
    ['a prototype key as user', { authorization: capillaryBasic('__proto__', 'x') }],
    ['no colon', { authorization: `Basic ${Buffer.from('sandbox_user').toString('base64')}` }],
    ['another scheme', { authorization: 'Bearer abc' }],
    ['garbage', { authorization: 'Basic !!!' }],
    ['an unknown OAuth token', { 'x-cap-api-oauth-token': 'not-a-token' }],
  ];
  for (const [label, headers] of REFUSED) {
    test(`refuses ${label} with the documented 401`, async (t) => {
      const { base } = await startSandbox(t);
      const res = await answered(base, trackersPath(DEFAULT_CUSTOMER_ID), { headers });
      assert.equal(res.status, 401);
      assert.equal(res.headers['www-authenticate'], 'Basic realm="capillary"');
      assert.equal(res.headers['content-type'], 'application/json');
      assert.deepEqual(JSON.parse(res.text), UNAUTHORIZED);
    });
  }
});

describe('OAuth', () => {
  test('issues a token for a valid key/secret, and the token reads trackers', async (t) => {
    const { base } = await startSandbox(t, { tokenTtlSeconds: 120 });
    const issued = await issueToken(base, { key: 'sandbox_key', secret: 'sandbox_secret' });
    assert.equal(issued.status, 200);
    const { data } = JSON.parse(issued.text);
    assert.equal(typeof data.accessToken, 'string');
    assert.ok(data.accessToken.length >= 20);
    assert.equal(data.ttlSeconds, 120);
    const res = await answered(base, trackersPath(DEFAULT_CUSTOMER_ID), {
      headers: { 'X-CAP-API-OAUTH-TOKEN': data.accessToken },
    });
    assert.equal(res.status, 200);
    assert.equal(res.text, exampleText('trackers-98662653'));
  });

  test('refuses an expired token', async (t) => {
    const clock = new ManualClock();
    const { base } = await startSandbox(t, { tokenTtlSeconds: 60, clock });
    const { data } = JSON.parse((await issueToken(base, { key: 'sandbox_key', secret: 'sandbox_secret' })).text);
    const headers = { 'X-CAP-API-OAUTH-TOKEN': data.accessToken };
    clock.advance(59_999);
    assert.equal((await answered(base, trackersPath(DEFAULT_CUSTOMER_ID), { headers })).status, 200);
    clock.advance(1);
    const res = await answered(base, trackersPath(DEFAULT_CUSTOMER_ID), { headers });
    assert.equal(res.status, 401);
    assert.deepEqual(JSON.parse(res.text), UNAUTHORIZED);
  });

  test('tokens of one sandbox are unknown to another', async (t) => {
    const { base: first } = await startSandbox(t);
    const { base: second } = await startSandbox(t);
    const { data } = JSON.parse((await issueToken(first, { key: 'sandbox_key', secret: 'sandbox_secret' })).text);
    const res = await answered(second, trackersPath(DEFAULT_CUSTOMER_ID), {
      headers: { 'X-CAP-API-OAUTH-TOKEN': data.accessToken },
    });
    assert.equal(res.status, 401);
  });

  for (const [label, body] of [
    ['a wrong secret', { key: 'sandbox_key', secret: 'nope' }],
    ['an unknown key', { key: 'other', secret: 'sandbox_secret' }],
  ] as const) {
    test(`answers 401 JSON for ${label}`, async (t) => {
      const { base } = await startSandbox(t);
      const res = await issueToken(base, body);
      assert.equal(res.status, 401);
      assert.equal(JSON.parse(res.text).errors[0].code, 401);
    });
  }

  for (const [label, body] of [
    ['malformed JSON', '{"key": "sandbox_key",'],
    ['an empty body', ''],
    ['a JSON array', '[]'],
    ['a missing secret', '{"key":"sandbox_key"}'],
    ['a numeric secret', '{"key":"sandbox_key","secret":1}'],
  ]) {
    test(`answers 400 JSON for ${label}`, async (t) => {
      const { base } = await startSandbox(t);
      const res = await answered(base, TOKEN_PATH, { method: 'POST', body });
      assert.equal(res.status, 400);
      assert.equal(JSON.parse(res.text).errors[0].code, 400);
    });
  }

  test('answers 413 for an oversized body and 405 for GET', async (t) => {
    const { base } = await startSandbox(t);
    assert.equal((await answered(base, TOKEN_PATH, { method: 'POST', body: 'x'.repeat(20_000) })).status, 413);
    const get = await answered(base, TOKEN_PATH);
    assert.equal(get.status, 405);
    assert.equal(get.headers.allow, 'POST');
  });
});
