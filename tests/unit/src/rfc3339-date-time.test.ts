// The contract's date-time check, case by case from RFC 3339 §5.6–5.8 and its examples,
// and the Date.parse-compatible reading the data-quality pass relies on.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dateParseCompatible, dateTimeEpochMs, hasDateTimeShape, isDateTime } from '../../../src/rfc3339-date-time.ts';
import { seededRandom } from '../../../sandbox/generated-customers.ts';

// [value, shape (the schema's pattern), valid (pattern + calendar), why]
const CASES: [string, boolean, boolean, string][] = [
  ['1985-04-12T23:20:50.52Z', true, true, 'RFC 3339 §5.8 example'],
  ['1996-12-19T16:39:57-08:00', true, true, 'RFC 3339 §5.8 example (offset)'],
  ['1990-12-31T23:59:60Z', true, true, 'RFC 3339 §5.8 leap second'],
  ['1990-12-31T15:59:60-08:00', true, true, 'RFC 3339 §5.8 leap second in an offset'],
  ['1937-01-01T12:00:27.87+00:20', true, true, 'RFC 3339 §5.8 example (+00:20)'],
  ['2016-12-31T23:59:60Z', true, true, 'issue 10: a leap second'],
  ['1985-04-12T00:59:59.999999999999999Z', true, true, 'issue 10: a long fraction'],
  ['2016-12-31T24:59:60+01:00', true, false, 'issue 10: hour 24 (23 UTC after the offset is no excuse)'],
  ['2023-12-07T24:00:00Z', true, false, 'hour 24'],
  ['2023-12-07T23:60:00Z', true, false, 'minute 60'],
  ['2016-12-31T23:60:60+00:01', true, false, 'minute 60 in a leap second'],
  ['2023-12-07T23:59:61Z', true, false, 'second 61'],
  ['2023-12-07T23:58:60Z', true, false, 'second 60 not at 23:59 UTC'],
  ['2023-12-07T12:59:60Z', true, false, 'second 60 at noon'],
  ['2017-01-01T00:00:60+00:01', true, true, 'second 60: 23:59 UTC of the day before'],
  ['2016-12-31T23:59:60.5Z', true, true, 'a leap second with a fraction'],
  ['2024-02-29T00:00:00Z', true, true, 'leap year'],
  ['2000-02-29T00:00:00Z', true, true, 'leap year (divisible by 400)'],
  ['1900-02-29T00:00:00Z', true, false, 'not a leap year (divisible by 100)'],
  ['2023-02-29T00:00:00Z', true, false, 'not a leap year'],
  ['2023-02-30T00:00:00Z', true, false, '30 February'],
  ['2023-04-31T00:00:00Z', true, false, '31 April'],
  ['2023-12-31T00:00:00Z', true, true, '31 December'],
  ['2023-13-07T00:00:00Z', true, false, 'month 13'],
  ['2023-00-07T00:00:00Z', true, false, 'month 0'],
  ['2023-12-00T00:00:00Z', true, false, 'day 0'],
  ['0000-01-01T00:00:00Z', true, true, 'year 0000'],
  ['9999-12-31T23:59:59.999Z', true, true, 'year 9999'],
  ['2023-12-07T00:00:00+23:59', true, true, 'largest offset'],
  ['2023-12-07T00:00:00+24:00', true, false, 'offset hour 24'],
  ['2023-12-07T00:00:00-00:60', true, false, 'offset minute 60'],
  ['2023-12-07T00:00:00-00:00', true, true, 'unknown local offset (§4.3)'],
  ['2023-12-07T00:00:00.Z', false, false, 'a dot without digits'],
  ['2023-12-07T00:00:00', false, false, 'no zone'],
  ['2023-12-07 00:00:00Z', false, false, 'a space for T'],
  ['2023-12-07t00:00:00z', false, false, 'lower-case t and z: the contract pattern refuses them'],
  ['2023-12-07T00:00:00+0530', false, false, 'offset without a colon'],
  ['2023-12-07T00:00:00+05', false, false, 'offset without minutes'],
  ['2023-12-07', false, false, 'a date only'],
  [' 2023-12-07T00:00:00Z', false, false, 'leading whitespace'],
  ['2023-12-07T00:00:00Z ', false, false, 'trailing whitespace'],
  ['2023-12-07T00:00:00Z\n', false, false, 'trailing newline'],
  ['２０２３-12-07T00:00:00Z', false, false, 'full-width digits'],
  ['٢٠٢٣-12-07T00:00:00Z', false, false, 'Arabic-Indic digits'],
  ['+2023-12-07T00:00:00Z', false, false, 'a signed year'],
  ['12023-12-07T00:00:00Z', false, false, 'a five-digit year'],
  ['2023-12-07T00:00:00ZZ', false, false, 'two zones'],
  ['2023-12-07T00:00:00.123', false, false, 'a fraction and no zone'],
  ['', false, false, 'empty'],
];

const PATTERN = new RegExp('^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$', 'u');

describe('the contract date-time check (RFC 3339 §5.6 with the schema pattern, and a real calendar)', () => {
  for (const [value, shape, valid, why] of CASES) {
    test(`${JSON.stringify(value)} is ${valid ? 'valid' : shape ? 'well-shaped but not a real date-time' : 'the wrong shape'} (${why})`, () => {
      assert.equal(hasDateTimeShape(value), shape);
      assert.equal(PATTERN.test(value), shape, 'the table agrees with the regex');
      assert.equal(isDateTime(value), valid);
    });
  }

  test('answers the same when called twice, whatever came in between', () => {
    assert.equal(isDateTime('2023-02-30T00:00:00Z'), false);
    assert.equal(isDateTime('2023-02-28T00:00:00Z'), true);
    assert.equal(isDateTime('2023-02-30T00:00:00Z'), false);
    assert.equal(dateTimeEpochMs('2023-12-07T00:00:00Z'), Date.UTC(2023, 11, 7));
  });

  test('answers the same past the verdict table bounds (more strings than it keeps, longer ones than it stores)', () => {
    const day = (i: number) => new Date(Date.UTC(2000, 0, 1) + i * 86_400_000).toISOString();
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 10_000; i++) assert.equal(dateParseCompatible(day(i)), Date.UTC(2000, 0, 1) + i * 86_400_000);
    }
    const long = `2023-12-07T00:00:00.${'9'.repeat(60)}Z`;
    const longBad = `2023-02-30T00:00:00.${'9'.repeat(60)}Z`;
    for (let round = 0; round < 2; round++) {
      assert.equal(hasDateTimeShape(long), true);
      assert.equal(isDateTime(long), true);
      assert.equal(isDateTime(longBad), false);
      assert.equal(hasDateTimeShape(longBad), true);
      assert.equal(dateParseCompatible(long), Date.parse(long));
    }
    // The format check after another string's pattern check (Ajv asks pattern, then format, of one value).
    assert.equal(hasDateTimeShape(long), true);
    assert.equal(isDateTime(longBad), false);
    assert.equal(hasDateTimeShape(longBad), true);
    assert.equal(isDateTime(long), true);
    assert.equal(hasDateTimeShape('2023-02-30T00:00:00Z'), true);
    assert.equal(isDateTime('2023-02-28T00:00:00Z'), true);
    // The period check reads the last two strings checked: here both long, so the second took the first's entry.
    const longLater = `2024-01-01T00:00:00.${'1'.repeat(60)}Z`;
    assert.equal(hasDateTimeShape(long), true);
    assert.equal(hasDateTimeShape(longLater), true);
    assert.equal(dateParseCompatible(long), Date.parse(long));
    assert.equal(dateParseCompatible(longLater), Date.parse(longLater));
  });
});

/** Strings near the date-time shape: a valid one with a few characters replaced, dropped or added. */
function nearDates(count: number): string[] {
  const random = seededRandom(20240229);
  const alphabet = '0123456789-:.TZtz+ 5\u0660';
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const ms = Math.floor(random() * 253402300799000);
    let s = new Date(ms).toISOString();
    if (random() < 0.3) s = s.replace('Z', random() < 0.5 ? '+05:30' : '-11:45');
    if (random() < 0.3) s = s.replace(/\.\d+/, random() < 0.5 ? '' : '.123456789');
    const edits = Math.floor(random() * 3);
    for (let e = 0; e < edits; e++) {
      const at = Math.floor(random() * (s.length + 1));
      const c = alphabet[Math.floor(random() * alphabet.length)]!;
      const kind = random();
      s =
        kind < 0.5
          ? s.slice(0, at) + c + s.slice(at + 1)
          : kind < 0.75
            ? s.slice(0, at) + s.slice(at + 1)
            : s.slice(0, at) + c + s.slice(at);
    }
    out.push(s);
  }
  return out;
}

describe('hasDateTimeShape is exactly the schema pattern', () => {
  test('on 20,000 near-dates', () => {
    for (const s of nearDates(20_000)) assert.equal(hasDateTimeShape(s), PATTERN.test(s), JSON.stringify(s));
  });
});

describe("dateParseCompatible is Date.parse (the data-quality pass keeps Date.parse's semantics)", () => {
  test('on the case table and 20,000 near-dates', () => {
    for (const s of [...CASES.map(([v]) => v), ...nearDates(20_000)]) {
      assert.ok(Object.is(dateParseCompatible(s), Date.parse(s)), JSON.stringify(s));
    }
  });
  test('refuses a leap second, as Date.parse does', () => {
    assert.ok(Number.isNaN(dateParseCompatible('2016-12-31T23:59:60Z')));
  });
});
