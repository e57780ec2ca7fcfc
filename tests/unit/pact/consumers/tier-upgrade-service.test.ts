import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ClientResult } from '../../../../src/client.ts';
import { answer } from './helpers.ts';
import {
  decideUpgrade,
  readTierTrackers,
  type TierTracker,
  type UpgradeDecision,
} from '../../../pact/consumers/tier-upgrade-service.ts';

const RULE = { trackerType: 'BILL_AMOUNT', threshold: 2000 };
const NOW = Date.parse('2024-06-01T00:00:00Z');
const base: TierTracker = {
  id: 9737,
  conditionId: 479,
  type: 'BILL_AMOUNT',
  value: 2400,
  periodStart: Date.parse('2023-12-07T00:00:00Z'),
  periodEnd: Date.parse('2024-12-31T23:59:59Z'),
};
const upgrade = (t: TierTracker): UpgradeDecision => ({
  kind: 'upgrade',
  because: { id: t.id, conditionId: t.conditionId, value: t.value },
});

describe('the tier upgrade decision', () => {
  const cases: [string, TierTracker[], UpgradeDecision][] = [
    ['a tracker of the rule type over the threshold in its period upgrades', [base], upgrade(base)],
    ['exactly the threshold upgrades', [{ ...base, value: 2000 }], upgrade({ ...base, value: 2000 })],
    ['below the threshold stays', [{ ...base, value: 1999.5 }], { kind: 'stay' }],
    ['another type does not count', [{ ...base, type: 'POINTS' }], { kind: 'stay' }],
    ['an unknown type is ignored, not an error', [{ ...base, type: 'BILL_NET_AMOUNT' }], { kind: 'stay' }],
    ['a period that has ended does not count', [{ ...base, periodEnd: Date.parse('2024-05-31T23:59:59Z') }], { kind: 'stay' }],
    ['a period not yet begun does not count', [{ ...base, periodStart: Date.parse('2024-06-02T00:00:00Z') }], { kind: 'stay' }],
    [
      'the row is named by (id, conditionId): the same id under another condition is another row',
      [
        { ...base, value: 10 },
        { ...base, conditionId: 480 },
      ],
      upgrade({ ...base, conditionId: 480 }),
    ],
    ['no trackers stays', [], { kind: 'stay' }],
  ];
  for (const [name, trackers, expected] of cases) {
    test(name, () => assert.deepEqual(decideUpgrade(trackers, RULE, NOW), expected));
  }
});

const wire = {
  id: 9737,
  name: 'n',
  conditionId: 479,
  type: 'BILL_AMOUNT',
  value: 2400,
  updatedOn: '2023-12-07T00:00:00Z',
  conditionName: 'c',
  periodStartDate: '2023-12-07T00:00:00Z',
  periodEndDate: '2024-12-31T23:59:59Z',
};

describe('reading trackers for the decision', () => {
  test('reads id, conditionId, type, value and the period dates', () => {
    assert.deepEqual(readTierTrackers(answer(200, { data: [wire] })), { ok: true, trackers: [base] });
  });

  test('fields it does not read may change freely', () => {
    const r = readTierTrackers(answer(200, { data: [{ ...wire, name: null, updatedOn: '12/07/2023', conditionName: 5 }] }));
    assert.deepEqual(r, { ok: true, trackers: [base] });
  });

  const refused: [string, ClientResult, string][] = [
    ['id as text', answer(200, { data: [{ ...wire, id: '9737' }] }), 'data[0].id is not an integer'],
    [
      'a fractional conditionId',
      answer(200, { data: [{ ...wire, conditionId: 479.5 }] }),
      'data[0].conditionId is not an integer',
    ],
    ['value as text', answer(200, { data: [{ ...wire, value: '2400' }] }), 'data[0].value is not a number'],
    [
      'periodStartDate as epoch',
      answer(200, { data: [{ ...wire, periodStartDate: 1701907200000 }] }),
      'data[0].periodStartDate is not an ISO date-time',
    ],
    ['an error answer', answer(404, { errors: [{ status: false, code: 8015 }] }), 'HTTP 404'],
  ];
  for (const [name, result, reason] of refused) {
    test(`refuses ${name}`, () => assert.deepEqual(readTierTrackers(result), { ok: false, reason }));
  }
});
