// The trackers route's hot path keeps every answer exact: bodies are encoded once and
// reused only while nothing rewrote them, and a Basic header that passed is remembered
// without ever letting a wrong one through.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  DEFAULT_CUSTOMER_ID,
  GENERATED_CUSTOMER_RANGE,
  MISSING_CUSTOMER_ID,
  createCustomerStore,
} from '../../../sandbox/data.ts';
import { exampleText } from '../../../src/schemas.ts';
import { AUTH, capillaryBasic, request, startSandbox, trackersPath } from './helpers.ts';

async function get(base: string, path: string, headers: Record<string, string>) {
  const result = await request(base, path, { headers });
  assert.ok(result.ok, result.ok ? '' : result.error.message);
  return result.res;
}

describe('the customer store keeps each body with its bytes', () => {
  test('bytes are the UTF-8 of the text, and the same object on every hit', () => {
    const store = createCustomerStore(10);
    for (const id of [DEFAULT_CUSTOMER_ID, GENERATED_CUSTOMER_RANGE.first + 3]) {
      const body = store.lookupBody(id)!;
      assert.deepEqual(body.bytes, Buffer.from(body.text, 'utf8'));
      assert.equal(body.text, store.lookup(id));
      assert.equal(store.lookupBody(id), body);
    }
    assert.equal(store.lookupBody(MISSING_CUSTOMER_ID), undefined);
  });
});

describe('the trackers route answers exactly, request after request', () => {
  test('the same documented body on repeated requests, and a rewritten one under a mutation in between', async (t) => {
    const { base } = await startSandbox(t);
    const path = trackersPath(DEFAULT_CUSTOMER_ID);
    const documented = exampleText('trackers-98662653');
    assert.equal((await get(base, path, AUTH)).text, documented);
    const mutated = await get(base, path, { ...AUTH, 'X-Sandbox-Fault': 'mutation=id-string' });
    assert.notEqual(mutated.text, documented);
    assert.equal(mutated.headers['content-length'], String(mutated.body.length));
    const again = await get(base, path, AUTH);
    assert.equal(again.text, documented);
    assert.equal(again.headers['content-length'], String(Buffer.byteLength(documented)));
  });

  test('a remembered Basic header does not let a wrong one through, nor survive in another sandbox', async (t) => {
    const { base } = await startSandbox(t);
    const path = trackersPath(DEFAULT_CUSTOMER_ID);
    for (let i = 0; i < 3; i++) assert.equal((await get(base, path, AUTH)).status, 200);
    assert.equal((await get(base, path, { authorization: capillaryBasic('sandbox_user', 'wrong') })).status, 401);
    assert.equal((await get(base, path, {})).status, 401);
    // A sandbox with other users refuses the header the first one accepted.
    const other = await startSandbox(t, { users: { someone: 'else' } });
    assert.equal((await get(other.base, path, AUTH)).status, 401);
    assert.equal((await get(base, path, AUTH)).status, 200);
  });

  test('the not-found answer follows the sandbox’s notFoundStatus, with the documented 8015 body', async (t) => {
    const { base } = await startSandbox(t, { notFoundStatus: 200 });
    const res = await get(base, trackersPath(MISSING_CUSTOMER_ID), AUTH);
    assert.equal(res.status, 200);
    assert.equal(res.text, exampleText('error-8015'));
  });
});
