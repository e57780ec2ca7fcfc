import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { matches, parseCron, startsBetween, wallClock, type WallClock } from '../../../monitor/cron.ts';

const cronOf = (text: string) => {
  const r = parseCron(text);
  assert.ok(r.ok, `parses: ${text}`);
  return r.cron;
};
const at = (iso: string) => Date.parse(iso);
const w = (over: Partial<WallClock>): WallClock => ({ year: 2026, month: 3, day: 10, hour: 2, minute: 0, weekday: 2, ...over });

describe('parseCron', () => {
  test('stars, lists, ranges and steps expand to the values cron reads', () => {
    const c = cronOf('*/15 1-3,22 1,15 */6 1-5');
    assert.deepEqual([...c.minutes], [0, 15, 30, 45]);
    assert.deepEqual([...c.hours], [1, 2, 3, 22]);
    assert.deepEqual([...c.daysOfMonth], [1, 15]);
    assert.deepEqual([...c.months], [1, 7]);
    assert.deepEqual([...c.daysOfWeek], [1, 2, 3, 4, 5]);
    assert.deepEqual([...cronOf('5/20 * * * *').minutes], [5, 25, 45], 'N/step runs from N to the end');
    assert.deepEqual([...cronOf('0 0 * * 7').daysOfWeek], [0], '7 is Sunday, as 0');
  });

  test('a bad expression is one phrase naming the field', () => {
    const cases: [string, RegExp][] = [
      ['* * * *', /needs 5 fields.*got 4/],
      ['60 * * * *', /minute field "60" is outside 0-59/],
      ['0 24 * * *', /hour field "24"/],
      ['0 0 0 * *', /day of month field "0"/],
      ['0 0 * 13 *', /month field "13"/],
      ['0 0 * * 8', /day of week field "8"/],
      ['0 5-1 * * *', /from high to low/],
      ['*/0 * * * *', /step of 0/],
      ['0 0 * JAN *', /month field "JAN" is not/],
      ['0 0 L * *', /day of month field "L"/],
    ];
    for (const [text, error] of cases) {
      const r = parseCron(text);
      assert.ok(!r.ok, text);
      if (!r.ok) assert.match(r.error, error, text);
    }
  });
});

describe('matches', () => {
  test('both day fields restricted: either matches (cron OR rule); one a star: both must', () => {
    const either = cronOf('0 2 13 * 5'); // the 13th, or any Friday
    assert.ok(matches(either, w({ day: 13, weekday: 2 })));
    assert.ok(matches(either, w({ day: 20, weekday: 5 })));
    assert.ok(!matches(either, w({ day: 20, weekday: 4 })));
    const fridays = cronOf('0 2 * * 5');
    assert.ok(matches(fridays, w({ day: 20, weekday: 5 })));
    assert.ok(!matches(fridays, w({ day: 13, weekday: 2 })));
    assert.ok(!matches(fridays, w({ day: 20, weekday: 5, minute: 1 })), 'the minute too');
  });
});

describe('startsBetween in a time zone', () => {
  test('02:00 Europe/Berlin is 01:00Z in winter and 00:00Z in summer', () => {
    const c = cronOf('0 2 * * *');
    assert.deepEqual(startsBetween(c, 'Europe/Berlin', at('2026-01-10T00:00:00Z'), at('2026-01-11T00:00:00Z')), [
      at('2026-01-10T01:00:00Z'),
    ]);
    assert.deepEqual(startsBetween(c, 'Europe/Berlin', at('2026-07-10T00:00:00Z'), at('2026-07-11T00:00:00Z')), [
      at('2026-07-10T00:00:00Z'),
    ]);
    assert.deepEqual(startsBetween(c, 'UTC', at('2026-07-10T00:00:00Z'), at('2026-07-11T00:00:00Z')), [
      at('2026-07-10T02:00:00Z'),
    ]);
  });

  test('DST: a skipped wall-clock time starts nothing; a repeated one starts once', () => {
    // Europe/Berlin springs forward on 2026-03-29 02:00 → 03:00 and falls back on 2026-10-25 03:00 → 02:00.
    const half2 = cronOf('30 2 * * *');
    assert.deepEqual(startsBetween(half2, 'Europe/Berlin', at('2026-03-28T12:00:00Z'), at('2026-03-30T12:00:00Z')), [
      at('2026-03-30T00:30:00Z'),
    ]);
    const fall = startsBetween(half2, 'Europe/Berlin', at('2026-10-24T12:00:00Z'), at('2026-10-25T12:00:00Z'));
    assert.deepEqual(fall, [at('2026-10-25T00:30:00Z')], 'the first 02:30 (CEST), not the second (CET)');
    assert.equal(wallClock(at('2026-10-25T01:30:00Z'), 'Europe/Berlin').hour, 2, 'the second 02:30 exists');
  });
});
