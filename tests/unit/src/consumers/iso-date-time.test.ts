import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ISO_DATE_TIME_PATTERN, parseIsoDateTime } from '../../../../src/consumers/iso-date-time.ts';
import { schemaById } from '../../../../src/schemas.ts';

describe('how the consumers read a tracker date', () => {
  test("the consumers' pattern (and so their contracts' regex) is the schema's date-time shape", () => {
    const schemaPattern = schemaById('date-time.schema.json').pattern as string;
    const digits = (p: string) => p.replaceAll('[0-9]', '\\d');
    assert.equal(ISO_DATE_TIME_PATTERN, digits(schemaPattern));
  });

  const cases: [string, unknown, number | undefined][] = [
    ['the documented form', '2023-12-07T00:00:00Z', Date.UTC(2023, 11, 7)],
    ['fractional seconds', '2023-12-07T00:00:00.123Z', Date.UTC(2023, 11, 7, 0, 0, 0, 123)],
    ['an offset (same instant)', '2023-12-07T05:30:00+05:30', Date.UTC(2023, 11, 7)],
    ['no T', '2023-12-07 00:00:00', undefined],
    ['no zone', '2023-12-07T00:00:00', undefined],
    ['a date only', '2023-12-07', undefined],
    ['epoch milliseconds', 1701907200000, undefined],
    ['an impossible month', '2023-13-07T00:00:00Z', undefined],
    ['null', null, undefined],
  ];
  for (const [name, value, expected] of cases) {
    test(`${name}: ${JSON.stringify(value)} → ${expected === undefined ? 'rejected' : 'parsed'}`, () => {
      assert.equal(parseIsoDateTime(value), expected);
    });
  }
});
