import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ClientResult } from '../../../../src/client.ts';
import { answer } from './helpers.ts';
import { toLoyaltyScreen, type LoyaltyScreen } from '../../../pact/consumers/loyalty-mobile-app.ts';

const tracker = {
  id: 9737,
  name: 'Transaction Amount tracker',
  conditionId: 479,
  type: 'BILL_AMOUNT',
  value: 2400,
  updatedOn: '2023-12-07T00:00:00Z',
  conditionName: 'tracker',
  periodStartDate: '2023-12-07T00:00:00Z',
  periodEndDate: '2024-12-31T23:59:59Z',
};
const row = { name: 'Transaction Amount tracker', type: 'BILL_AMOUNT', value: 2400, periodEnd: '2024-12-31T23:59:59Z' };
const notFound = {
  pagination: { limit: 0, offset: 0, total: 0 },
  warnings: [],
  errors: [{ status: false, code: 8015, message: 'Customer not found' }],
};

describe('the loyalty screen view-model', () => {
  const cases: [string, ClientResult, LoyaltyScreen][] = [
    [
      'a tracker becomes a row of name, type, value and period end',
      answer(200, { data: [tracker] }),
      { kind: 'trackers', rows: [row] },
    ],
    [
      'fields the screen does not show may change freely',
      answer(200, { data: [{ ...tracker, id: 'x', updatedOn: 'soon', extra: 1 }] }),
      { kind: 'trackers', rows: [row] },
    ],
    ['no trackers is an empty list', answer(200, { data: [], errors: [] }), { kind: 'trackers', rows: [] }],
    ['8015 with HTTP 404 is "no loyalty profile"', answer(404, notFound), { kind: 'no-profile' }],
    ['8015 with HTTP 200 is "no loyalty profile"', answer(200, notFound), { kind: 'no-profile' }],
    ['8015 with HTTP 400 is "no loyalty profile"', answer(400, notFound), { kind: 'no-profile' }],
    ['8015 with HTTP 500 is an outage', answer(500, notFound), { kind: 'unavailable', reason: 'error 8015 with HTTP 500' }],
    [
      '8015 marked status true is not trusted',
      answer(404, { errors: [{ status: true, code: 8015 }] }),
      { kind: 'unavailable', reason: 'error 8015 with HTTP 404' },
    ],
    [
      'another error code is an outage',
      answer(404, { errors: [{ status: false, code: 8016 }] }),
      { kind: 'unavailable', reason: 'error 8016 with HTTP 404' },
    ],
    [
      'a value sent as text is refused',
      answer(200, { data: [{ ...tracker, value: '2400' }] }),
      { kind: 'unavailable', reason: 'data[0].value is not a number' },
    ],
    [
      'a null name is refused',
      answer(200, { data: [{ ...tracker, name: null }] }),
      { kind: 'unavailable', reason: 'data[0].name is not a string' },
    ],
    [
      'a period end that is not ISO is refused',
      answer(200, { data: [{ ...tracker, periodEndDate: '2024-12-31 23:59:59' }] }),
      { kind: 'unavailable', reason: 'data[0].periodEndDate is not an ISO date-time' },
    ],
    ['data that is not a list is refused', answer(200, { data: tracker }), { kind: 'unavailable', reason: 'data is not a list' }],
  ];
  for (const [name, result, expected] of cases) {
    test(name, () => assert.deepEqual(toLoyaltyScreen(result), expected));
  }

  test('a transport failure says why', () => {
    const failed: ClientResult = {
      ...answer(0, undefined),
      ok: false,
      status: undefined,
      body: undefined,
      failure: { reason: 'timeout', message: 'no complete response within 10 ms' },
    };
    assert.deepEqual(toLoyaltyScreen(failed), { kind: 'unavailable', reason: 'no complete response within 10 ms' });
  });
});
