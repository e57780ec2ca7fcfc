// The report's period from --from/--to, --month or nothing, against an injected now.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { reportPeriod } from '../../../../monitor/slo/report-period.ts';
import { ManualClock } from '../../../support/manual-clock.ts';

const s = (iso: string) => Date.parse(iso) / 1000;
// 2026-01-01T00:00:00Z, ten days on.
const clock = new ManualClock();
clock.advance(10 * 86_400_000);
const NOW = clock.epochMs();

describe('the report’s period', () => {
  test('--month: the calendar month in UTC, December into January', () => {
    assert.deepEqual(reportPeriod({ month: '2025-11' }, NOW), {
      ok: true,
      from: s('2025-11-01T00:00:00Z'),
      to: s('2025-12-01T00:00:00Z'),
      inProgress: false,
    });
    assert.deepEqual(reportPeriod({ month: '2025-12' }, NOW), {
      ok: true,
      from: s('2025-12-01T00:00:00Z'),
      to: s('2026-01-01T00:00:00Z'),
      inProgress: false,
    });
  });
  test('this month: from its first day to now, not over', () => {
    assert.deepEqual(reportPeriod({ month: '2026-01' }, NOW), {
      ok: true,
      from: s('2026-01-01T00:00:00Z'),
      to: NOW / 1000,
      inProgress: true,
    });
  });
  test('nothing: the last 30 days, the SLO window; --from alone ends now; --to alone is the 30 days before it', () => {
    assert.deepEqual(reportPeriod({}, NOW), { ok: true, from: NOW / 1000 - 30 * 86_400, to: NOW / 1000, inProgress: false });
    assert.deepEqual(reportPeriod({ from: '2026-01-02T00:00:00Z' }, NOW), {
      ok: true,
      from: s('2026-01-02T00:00:00Z'),
      to: NOW / 1000,
      inProgress: false,
    });
    assert.deepEqual(reportPeriod({ to: '2025-12-31T00:00:00Z' }, NOW), {
      ok: true,
      from: s('2025-12-01T00:00:00Z'),
      to: s('2025-12-31T00:00:00Z'),
      inProgress: false,
    });
  });
  test('--from/--to in any offset, to the second', () => {
    assert.deepEqual(reportPeriod({ from: '2025-11-01T01:00:00.900+01:00', to: '2025-11-02T00:00:00Z' }, NOW), {
      ok: true,
      from: s('2025-11-01T00:00:00Z'),
      to: s('2025-11-02T00:00:00Z'),
      inProgress: false,
    });
  });
  test('an end in the future ends now; a start in the future is refused', () => {
    assert.deepEqual(reportPeriod({ from: '2026-01-05T00:00:00Z', to: '2026-02-01T00:00:00Z' }, NOW), {
      ok: true,
      from: s('2026-01-05T00:00:00Z'),
      to: NOW / 1000,
      inProgress: true,
    });
    assert.deepEqual(reportPeriod({ month: '2026-02' }, NOW), {
      ok: false,
      error: 'the period starts in the future: 2026-02-01T00:00:00Z is after now (2026-01-11T00:00:00Z)',
    });
  });
  const refused: [string, Parameters<typeof reportPeriod>[0], string][] = [
    [
      'inverted',
      { from: '2025-11-02T00:00:00Z', to: '2025-11-01T00:00:00Z' },
      'the period is empty or inverted: --from 2025-11-02T00:00:00Z is not before --to 2025-11-01T00:00:00Z',
    ],
    [
      'empty',
      { from: '2025-11-01T00:00:00Z', to: '2025-11-01T00:00:00Z' },
      'the period is empty or inverted: --from 2025-11-01T00:00:00Z is not before --to 2025-11-01T00:00:00Z',
    ],
    ['not a date', { from: 'yesterday' }, '--from "yesterday" is not an RFC 3339 date-time (e.g. 2025-11-01T00:00:00Z)'],
    [
      'no offset',
      { to: '2025-11-01T00:00:00' },
      '--to "2025-11-01T00:00:00" is not an RFC 3339 date-time (e.g. 2025-11-01T00:00:00Z)',
    ],
    ['a 13th month', { month: '2025-13' }, '--month "2025-13" is not a month (YYYY-MM, e.g. 2025-11)'],
    ['both kinds', { month: '2025-11', from: '2025-11-01T00:00:00Z' }, '--month or --from/--to, not both'],
  ];
  for (const [what, flags, error] of refused)
    test(`refused: ${what}`, () => {
      assert.deepEqual(reportPeriod(flags, NOW), { ok: false, error });
    });
});
