import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  DEFAULT_CUSTOMER_ID,
  EMPTY_CUSTOMER_ID,
  GENERATED_CUSTOMER_RANGE,
  MISSING_CUSTOMER_ID,
  createCustomerStore,
  lookupCustomer,
} from '../../../sandbox/data.ts';
import { exampleText, knownTrackerTypes } from '../../../src/schemas.ts';
import { validateResponse } from '../../../src/validate.ts';
import { AUTH, answered, startSandbox, trackersPath } from './helpers.ts';

describe('customers', () => {
  test('serves the documented example for 98662653 byte for byte', async (t) => {
    const { base } = await startSandbox(t);
    const res = await answered(base, trackersPath(DEFAULT_CUSTOMER_ID), { headers: AUTH });
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'application/json');
    assert.ok(res.body.equals(Buffer.from(exampleText('trackers-98662653'), 'utf8')));
    assert.equal(res.headers['content-length'], String(res.body.length));
  });

  test('accepts leading zeros in the id, as Long.parseLong does', async (t) => {
    const { base } = await startSandbox(t);
    const res = await answered(base, trackersPath('0000000000098662653'), { headers: AUTH });
    assert.equal(res.status, 200);
    assert.equal(res.text, exampleText('trackers-98662653'));
  });

  test('returns a valid success envelope with no trackers for the empty customer', async (t) => {
    const { base } = await startSandbox(t);
    const res = await answered(base, trackersPath(EMPTY_CUSTOMER_ID), { headers: AUTH });
    assert.equal(res.status, 200);
    const body = JSON.parse(res.text);
    assert.deepEqual(body.data, []);
    const result = validateResponse(body, { expect: 'success' });
    assert.equal(result.ok, true, JSON.stringify(result.errors));
    assert.equal(result.trackerCount, 0);
  });

  test('returns the documented 8015 body with 404 for an unknown customer', async (t) => {
    const { base } = await startSandbox(t);
    const res = await answered(base, trackersPath(MISSING_CUSTOMER_ID), { headers: AUTH });
    assert.equal(res.status, 404);
    assert.equal(res.headers['content-type'], 'application/json');
    assert.equal(res.text, exampleText('error-8015'));
    assert.equal(validateResponse(JSON.parse(res.text), { expect: 'error', errorCode: 8015 }).ok, true);
  });

  test('sends the 8015 body with the configured notFoundStatus', async (t) => {
    const { base } = await startSandbox(t, { notFoundStatus: 200 });
    const res = await answered(base, trackersPath(MISSING_CUSTOMER_ID), { headers: AUTH });
    assert.equal(res.status, 200);
    assert.equal(res.text, exampleText('error-8015'));
  });

  test('treats Long.MAX_VALUE as a well-formed id of an unknown customer', async (t) => {
    const { base } = await startSandbox(t);
    const res = await answered(base, trackersPath('9223372036854775807'), { headers: AUTH });
    assert.equal(res.status, 404);
    assert.equal(res.text, exampleText('error-8015'));
  });

  test('refuses an out-of-range notFoundStatus at construction, naming the value', async () => {
    const { createSandbox } = await import('../../../sandbox/app.ts');
    assert.throws(() => createSandbox({ notFoundStatus: 99 }), /notFoundStatus .* got 99/);
  });
});

describe('generated customers', () => {
  const { first, last } = GENERATED_CUSTOMER_RANGE;
  const sample = [first, first + 1, first + 4242, last];
  const known = new Set(knownTrackerTypes());

  test('validate cleanly: no errors, no warnings, 1 to 40 trackers', () => {
    for (const id of [...sample, ...Array.from({ length: 100 }, (_, i) => first + i * 99)]) {
      const result = validateResponse(JSON.parse(lookupCustomer(id)!), { expect: 'success' });
      assert.equal(result.ok, true, `${id}: ${JSON.stringify(result.errors)}`);
      assert.deepEqual(result.warnings, [], `${id}`);
      assert.ok(result.trackerCount >= 1 && result.trackerCount <= 40, `${id}: ${result.trackerCount} trackers`);
    }
  });

  test('are deterministic in the id and differ between ids', () => {
    assert.equal(lookupCustomer(first + 7), lookupCustomer(BigInt(first + 7)));
    assert.equal(lookupCustomer(first + 7), createCustomerStore().lookup(first + 7));
    assert.notEqual(lookupCustomer(first + 7), lookupCustomer(first + 8));
  });

  test('look realistic: known types, integer ids, some decimal values, ISO dates with end after start', () => {
    const trackers = sample.flatMap((id) => JSON.parse(lookupCustomer(id)!).data);
    const range = Array.from({ length: 50 }, (_, i) => JSON.parse(lookupCustomer(first + i)!).data).flat();
    for (const t of trackers) {
      assert.ok(known.has(t.type), t.type);
      assert.ok(Number.isInteger(t.id) && Number.isInteger(t.conditionId));
      assert.ok(t.name.length > 0 && t.conditionName.length > 0);
      for (const d of [t.updatedOn, t.periodStartDate, t.periodEndDate]) assert.match(d, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      assert.ok(Date.parse(t.periodEndDate) > Date.parse(t.periodStartDate));
    }
    assert.ok(
      range.some((t) => !Number.isInteger(t.value)),
      'some values have decimals',
    );
    assert.ok(new Set(range.map((t) => t.type)).size >= 5, 'several types');
  });

  test('are served over HTTP and nothing outside the range exists', async (t) => {
    const { base } = await startSandbox(t);
    const res = await answered(base, trackersPath(first + 99), { headers: AUTH });
    assert.equal(res.status, 200);
    assert.equal(res.text, lookupCustomer(first + 99));
    assert.equal(lookupCustomer(first - 1), undefined);
    assert.equal(lookupCustomer(last + 1), undefined);
    assert.equal(lookupCustomer(MISSING_CUSTOMER_ID), undefined);
    assert.equal(lookupCustomer(1.5), undefined);
  });

  // How much faster the cache is: npm run bench:sandbox-data (a timing has no place in a unit test).
  test('the store’s cache answers what an uncached lookup does, through hits, misses and evictions', () => {
    const store = createCustomerStore(10);
    // 30 ids through a 10-entry cache, three times: first misses, then evicted ids regenerated.
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 30; i++)
        assert.equal(store.lookup(first + i), lookupCustomer(first + i), `round ${round}, id ${first + i}`);
    }
    // A hit right after a miss: the very same body.
    assert.equal(store.lookup(first + 29), lookupCustomer(first + 29));
    for (const id of [DEFAULT_CUSTOMER_ID, EMPTY_CUSTOMER_ID, first - 1, last + 1, MISSING_CUSTOMER_ID])
      assert.equal(store.lookup(id), lookupCustomer(id), String(id));
  });
});
