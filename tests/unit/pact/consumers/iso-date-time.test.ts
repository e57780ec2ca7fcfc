import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ISO_DATE_TIME_PATTERN, parseIsoDateTime } from '../../../pact/consumers/iso-date-time.ts';
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

describe('the consumers read every date the schema accepts', () => {
  const cases: [string, string, number][] = [
    ['a leap second at the end of a UTC day', '2016-12-31T23:59:60Z', Date.UTC(2017, 0, 1)],
    ['a leap second in an offset', '2017-01-01T05:29:60+05:30', Date.UTC(2017, 0, 1)],
    ['a long fraction (truncated to ms)', '1985-04-12T00:59:59.999999999999999Z', Date.UTC(1985, 3, 12, 0, 59, 59, 999)],
    ['29 February of a leap year', '2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
    ['year 0000', '0000-01-01T00:00:00Z', Date.parse('0000-01-01T00:00:00Z')],
  ];
  for (const [name, value, expected] of cases) {
    test(`${name}: ${value}`, () => assert.equal(parseIsoDateTime(value), expected));
  }

  for (const value of [
    '2016-12-31T24:59:60+01:00',
    '2023-02-29T00:00:00Z',
    '2016-12-31T23:58:60Z',
    '2023-12-07T00:00:00+24:00',
  ]) {
    test(`a date the schema refuses is refused: ${value}`, () => assert.equal(parseIsoDateTime(value), undefined));
  }
});
