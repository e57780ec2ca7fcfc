// The validator's findings did not change when it was made fast (issue 10): every body
// here is judged by src/validate.ts and by the frozen copy of the validator as it was
// (tests/support/validate-oracle.ts), and the two must report the same findings, in the
// same order, with the same values. The only differences allowed are the date-time
// fixes, each listed below with what the old check said.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MUTATIONS } from '../../../sandbox/mutations.ts';
import type { ResponseDraft } from '../../../sandbox/mutations.ts';
import { NOT_FOUND_CODE, NOT_FOUND_MESSAGE } from '../../../src/checks/trackers.ts';
import { exampleText } from '../../../src/schemas.ts';
import { MAX_FINDINGS, TRUNCATED_RULE, validateResponse } from '../../../src/validate.ts';
import type { ValidateOptions } from '../../../src/validate.ts';
import { validateResponse as oracle } from '../../support/validate-oracle.ts';
import { manyTrackers, successEnvelope, usDate } from '../../support/tracker-bodies.ts';
import { seededRandom } from '../../../sandbox/generated-customers.ts';

const SUCCESS: ValidateOptions = { expect: 'success' };
const NOT_FOUND: ValidateOptions = { expect: 'error', errorCode: NOT_FOUND_CODE, errorMessage: NOT_FOUND_MESSAGE };
const OPTIONS: ValidateOptions[] = [SUCCESS, NOT_FOUND, {}, { expect: 'auto' }];

function assertSame(body: unknown, options: ValidateOptions, label: string): void {
  assert.deepStrictEqual(validateResponse(body, options), oracle(body, options), label);
}

const draftOf = (text: string): ResponseDraft => ({ status: 200, contentType: 'application/json', text });
const parsedOrText = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
};

// A tracker broken (or made unusual) in one way, by index: every rule the validator has.
type Tracker = Record<string, unknown>;
const VARIANTS: ((t: Tracker, i: number) => void)[] = [
  () => {},
  (t) => (t.id = String(t.id)),
  (t) => delete t.updatedOn,
  (t) => (t.updatedOn = usDate(t.updatedOn as string)),
  (t) => (t.periodStartDate = '2023-02-30T00:00:00Z'),
  (t) => (t.periodEndDate = '2023-02-29T00:00:00Z'),
  (t) => (t.updatedOn = '2024-02-29T10:00:00.123456+05:30'),
  (t) => (t.updatedOn = '2016-12-31T23:59:60Z'),
  (t) => (t.periodEndDate = '2016-12-31T23:59:60Z'),
  (t) => (t.updatedOn = '2017-01-01T05:29:60+05:30'),
  (t) => (t.updatedOn = '2017-01-01T05:28:60+05:30'),
  (t) => (t.updatedOn = '2023-12-07T00:00:00+24:00'),
  (t) => (t.updatedOn = '2023-12-07t00:00:00z'),
  (t) => (t.updatedOn = ' 2023-12-07T00:00:00Z'),
  (t) => (t.updatedOn = '２０２３-12-07T00:00:00Z'),
  (t) => (t.updatedOn = 1701907200000),
  (t) => (t.value = String(t.value)),
  (t) => (t.name = null),
  (t) => (t.conditionId = 1.5),
  (t) => (t.type = ''),
  (t) => (t.type = 42),
  (t) => (t.type = 'BRAND_NEW_TYPE'),
  (t) => (t.type = '\u{1F600}'), // one code point in two UTF-16 units: the generated minLength reads .length
  (t) => (t.type = '\uD83D'),
  (t) => (t.loyaltyTier = 'gold'),
  (t) => (t.periodEndDate = '2000-01-01T00:00:00Z'),
  (t, i) => (t.id = 10_000 + i - 1), // repeats the previous tracker's id with another conditionId
  (t, i) => ((t.id = 10_000 + i - 1), (t.conditionId = 500 + i - 1)), // repeats its (id, conditionId)
  (t) => (t.id = '1/2'),
  (t) => ((t.id = 1), (t.conditionId = '2/3')),
  (t) => (t.id = { nested: true }),
];

function variedBody(count: number): Record<string, unknown> {
  const data = manyTrackers(count).map((t, i) => {
    const copy: Tracker = { ...t };
    VARIANTS[i % VARIANTS.length]!(copy, i);
    return copy;
  });
  return successEnvelope(data);
}

describe('the validator reports exactly the findings it reported before issue 10', () => {
  test('for every mutation of the documented bodies, under every expectation', () => {
    for (const m of MUTATIONS) {
      if (m.applies === 'auth') continue;
      for (const name of ['trackers-98662653', 'error-8015'] as const) {
        const body = parsedOrText(m.apply(draftOf(exampleText(name))).text);
        for (const options of OPTIONS) assertSame(body, options, `${m.name} on ${name} ${JSON.stringify(options)}`);
      }
    }
  });

  test('for every mutation of a 400-tracker body', () => {
    const text = JSON.stringify(successEnvelope(manyTrackers(400)), null, 4);
    for (const m of MUTATIONS) {
      if (m.applies === 'auth') continue;
      assertSame(parsedOrText(m.apply(draftOf(text)).text), SUCCESS, m.name);
    }
  });

  test('for 5,000 clean trackers, and 5,000 with every updatedOn reformatted', () => {
    const clean = manyTrackers(5000);
    assertSame(successEnvelope(clean), SUCCESS, 'clean');
    const broken = successEnvelope(clean.slice(0, 900).map((t) => ({ ...t, updatedOn: usDate(t.updatedOn) })));
    assertSame(broken, SUCCESS, 'reformatted');
  });

  test('for trackers broken in every way the validator knows, side by side', () => {
    const body = variedBody(29 * 12);
    for (const options of OPTIONS) assertSame(body, options, JSON.stringify(options));
    // Each breakage alone too: the order of findings must not depend on a neighbour.
    for (let v = 0; v < VARIANTS.length; v++) {
      const data = manyTrackers(3).map((t) => ({ ...t }) as Tracker);
      VARIANTS[v]!(data[1]!, 1);
      assertSame(successEnvelope(data), SUCCESS, `variant ${v}`);
    }
  });

  test('for numeric ids and conditionIds drawn from small pools (every kind of repeat), 0 and -0 included', () => {
    const random = seededRandom(8015);
    const pool = [0, -0, 1, 2, 3, 1.5, 1e21, -7];
    const data = manyTrackers(600).map((t) => ({
      ...t,
      id: pool[Math.floor(random() * pool.length)]!,
      conditionId: pool[Math.floor(random() * pool.length)]!,
    }));
    assertSame(successEnvelope(data), SUCCESS, 'pools');
    // The same pools with one string id: the text-keyed path, where "1/2" + 3 is 1 + "2/3".
    assertSame(
      successEnvelope([...data, { ...data[0]!, id: '1/2', conditionId: 3 }, { ...data[1]!, id: 1, conditionId: '2/3' }]),
      SUCCESS,
      'text keys',
    );
  });

  test('for distinct ids out of order, and for ids that only look distinct (0 and -0, NaN, a repeat among non-objects)', () => {
    const data = manyTrackers(300).map((t, i) => ({ ...t, id: (i * 7919) % 300, conditionId: i % 3 === 0 ? `${i}/x` : i }));
    assertSame(successEnvelope(data), SUCCESS, 'shuffled');
    const variants: [string, unknown[]][] = [
      ['0 and -0', [...data, { ...data[0]!, id: data[0]!.id === 0 ? -0 : 0 }]],
      ['NaN twice', [...data, { ...data[0]!, id: NaN }, { ...data[1]!, id: NaN }]],
      ['a repeat past non-objects', [...data, 'x', null, [], { ...data[5]!, conditionId: -1 }]],
      ['a string id', [...data, { ...data[1]!, id: '42' }]],
    ];
    for (const [name, variant] of variants) assertSame(successEnvelope(variant), SUCCESS, name);
  });

  test('for ids that all land in one slot of the id table (it gives up), and after a body larger than it keeps', () => {
    // The table's slot for an id among 256 slots (src/validate.ts int32FirstIndexes, for 100 trackers).
    const slot = (id: number) => {
      const h = Math.imul(id, 0x9e3779b1);
      return (h ^ (h >>> 16)) & 255;
    };
    const colliding: number[] = [];
    for (let id = 1; colliding.length < 100; id++) if (slot(id) === 0) colliding.push(id);
    const data = manyTrackers(100).map((t, i) => ({ ...t, id: colliding[i % 90]! }));
    assertSame(successEnvelope(data), SUCCESS, 'colliding ids');
    const large = manyTrackers(40_000);
    assertSame(successEnvelope([...large, { ...large[7]!, conditionId: 1 }]), SUCCESS, '40,000 trackers');
    assertSame(successEnvelope(data.slice(0, 20)), SUCCESS, 'then 20');
  });

  test('for envelopes broken around the trackers (root, pagination, warnings, errors)', () => {
    const data = manyTrackers(5).map((t) => ({ ...t, id: String(t.id) }));
    const bodies: unknown[] = [
      { ...successEnvelope(data), extra: 1, pagination: { limit: '0', offset: 1, total: 0, more: true } },
      { data, warnings: [{ status: 'no' }], errors: [{ code: 'x', message: 1, status: false, extra: 2 }] },
      { ...successEnvelope(data), warnings: 'none', errors: null },
      { ...successEnvelope([]), data: {} },
      { errors: [{ status: true, code: 8015, message: 'Customer not found' }], data: [1] },
      { errors: [], data: [] },
      // Property names every JSONPath form is made for: indexes, escapes, quotes, non-ASCII, empty.
      {
        ...successEnvelope(manyTrackers(2).map((t) => ({ ...t, 'a/b~c': 1, '0': 2, '007': 3, ünï: 4, '': 5, 'x y"': 6 }))),
        $ok: 1,
      },
      null,
      [],
      'text',
      42,
    ];
    for (const body of bodies) for (const options of OPTIONS) assertSame(body, options, JSON.stringify(body).slice(0, 80));
  });
});

describe('the date-time fixes: where the new check differs from ajv-formats 3.0.1, on purpose', () => {
  const FIXED: [string, boolean][] = [
    // [value, valid now] — the old check said the opposite.
    ['2016-12-31T24:59:60+01:00', false], // hour 24, accepted because the offset makes it 23 UTC
    ['2016-12-31T23:60:60+00:01', false], // minute 60, the same way
    ['1985-04-12T00:59:59.999999999999999Z', true], // a long fraction, parsed as a float that rounds to 60
    ['2016-12-31T23:59:60.999999999999999Z', true], // a leap second with a long fraction (rounds to 61)
  ];
  for (const [value, valid] of FIXED) {
    test(`${value} is ${valid ? 'valid' : 'invalid'} (it was ${valid ? 'invalid' : 'valid'})`, () => {
      const data = manyTrackers(1).map((t) => ({ ...t, updatedOn: value }));
      const rules = (r: { errors: { rule: string }[] }) => r.errors.map((e) => e.rule);
      assert.deepEqual(rules(validateResponse(successEnvelope(data), SUCCESS)), valid ? [] : ['date-time']);
      assert.deepEqual(rules(oracle(successEnvelope(data), SUCCESS)), valid ? ['date-time'] : []);
    });
  }
});

describe('a body with more findings than anyone reads', () => {
  test(`lists the first ${MAX_FINDINGS} errors as before, then one finding that says how many more`, () => {
    const body = successEnvelope(manyTrackers(1500).map((t) => ({ ...t, id: String(t.id), updatedOn: usDate(t.updatedOn) })));
    const before = oracle(body, SUCCESS);
    const now = validateResponse(body, SUCCESS);
    assert.equal(before.errors.length, 3000);
    assert.deepStrictEqual(now.errors.slice(0, MAX_FINDINGS), before.errors.slice(0, MAX_FINDINGS));
    assert.deepStrictEqual(now.errors[MAX_FINDINGS], {
      path: '$',
      rule: TRUNCATED_RULE,
      message: `and 2000 more errors not listed (the first ${MAX_FINDINGS} are)`,
    });
    assert.equal(now.errors.length, MAX_FINDINGS + 1);
    assert.equal(now.ok, false);
    assert.deepStrictEqual(now.warnings, before.warnings);
  });

  test('caps warnings the same way, and a capped body with only warnings still passes', () => {
    const body = successEnvelope(manyTrackers(1200).map((t) => ({ ...t, type: 'NEW_TYPE' })));
    const now = validateResponse(body, SUCCESS);
    assert.equal(now.ok, true);
    assert.equal(now.warnings.length, MAX_FINDINGS + 1);
    assert.deepStrictEqual(now.warnings.slice(0, MAX_FINDINGS), oracle(body, SUCCESS).warnings.slice(0, MAX_FINDINGS));
    assert.match(now.warnings[MAX_FINDINGS]!.message, /^and 200 more warnings not listed/);
  });
});
