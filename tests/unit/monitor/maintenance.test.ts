import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  MaintenanceSchedule,
  MaintenanceWatch,
  maintenanceView,
  parseDuration,
  parseMaintenance,
  type MaintenanceWindow,
} from '../../../monitor/maintenance.ts';
import type { MaintenanceWindowSpec } from '../../../src/types.generated.ts';
import { maintenanceLine } from '../../../monitor/state-log.ts';

const at = (iso: string) => Date.parse(iso);
const TARGETS = ['eu', 'us'];

function windowsOf(specs: MaintenanceWindowSpec[]): MaintenanceWindow[] {
  const r = parseMaintenance(specs, TARGETS);
  assert.ok(r.ok, r.ok ? '' : r.errors.join('\n'));
  return r.windows;
}
function errorsOf(specs: MaintenanceWindowSpec[]): string[] {
  const r = parseMaintenance(specs, TARGETS);
  assert.ok(!r.ok, 'expected errors');
  return r.ok ? [] : r.errors;
}

describe('parseMaintenance', () => {
  test('durations: minutes, hours, days and their sums', () => {
    assert.equal(parseDuration('90m'), 90 * 60_000);
    assert.equal(parseDuration('1h30m'), 90 * 60_000);
    assert.equal(parseDuration('2d'), 2 * 86_400_000);
    assert.equal(parseDuration(''), undefined);
    assert.equal(parseDuration('90s'), undefined);
  });

  test('each bad entry is one line naming its field: cron, unknown target, end before start, time zone', () => {
    const errors = errorsOf([
      { name: 'a', cron: '0 25 * * *', duration: '1h' },
      { name: 'b', targets: ['eu', 'ap'], start: '2026-01-01T00:00:00Z', end: '2026-01-02T00:00:00Z' },
      { name: 'c', start: '2026-01-02T00:00:00Z', end: '2026-01-01T23:00:00+00:00' },
      { name: 'd', cron: '0 2 * * *', duration: '1h', timeZone: 'Europe/Atlantis' },
      { name: 'e', cron: '0 2 * * *', duration: '8d' },
      { name: 'f', cron: '0 2 * * *', start: '2026-01-01T00:00:00Z', end: '2026-01-02T00:00:00Z' },
      { name: 'a', start: '2026-01-01T00:00:00Z', end: '2026-01-02T00:00:00Z' },
    ]);
    assert.deepEqual(errors, [
      '$.maintenance[0].cron: "0 25 * * *" hour field "25" is outside 0-23',
      '$.maintenance[1].targets[1]: "ap" is not a target of this file',
      '$.maintenance[2].end: 2026-01-01T23:00:00+00:00 is not after start 2026-01-02T00:00:00Z',
      '$.maintenance[3].timeZone: "Europe/Atlantis" is not an IANA time zone (e.g. Europe/Berlin)',
      '$.maintenance[4].duration: "8d" must be like "90m", "2h" or "1h30m", from 1 minute to 7 days',
      '$.maintenance[5]: give either start and end, or cron and duration (with an optional timeZone)',
      '$.maintenance[6].name: "a" is already the name of $.maintenance[0]',
    ]);
  });
});

describe('MaintenanceSchedule', () => {
  const schedule = new MaintenanceSchedule(
    windowsOf([
      { name: 'upgrade', reason: 'db 16', targets: ['eu'], start: '2026-01-05T10:00:00Z', end: '2026-01-05T12:00:00Z' },
      { name: 'nightly', cron: '30 1 * * *', duration: '90m', timeZone: 'America/New_York' },
    ]),
  );

  test('a one-off window applies to its targets from start (inclusive) to end (exclusive)', () => {
    assert.equal(schedule.activeFor('eu', at('2026-01-05T09:59:59Z')), undefined);
    assert.equal(schedule.activeFor('eu', at('2026-01-05T10:00:00Z'))?.window.name, 'upgrade');
    assert.equal(schedule.activeFor('eu', at('2026-01-05T11:59:59Z'))?.window.name, 'upgrade');
    assert.equal(schedule.activeFor('eu', at('2026-01-05T12:00:00Z')), undefined);
    assert.equal(schedule.activeFor('us', at('2026-01-05T11:00:00Z')), undefined, 'not a target of it');
  });

  test('a cron window: 01:30 New York for 90 m, every target, across midnight UTC and DST', () => {
    // EST (UTC-5) in January: 06:30Z-08:00Z.
    assert.equal(schedule.activeFor('us', at('2026-01-07T06:29:59Z')), undefined);
    assert.equal(schedule.activeFor('us', at('2026-01-07T06:30:00Z'))?.window.name, 'nightly');
    assert.equal(schedule.activeFor('eu', at('2026-01-07T07:59:00Z'))?.endMs, at('2026-01-07T08:00:00Z'));
    assert.equal(schedule.activeFor('us', at('2026-01-07T08:00:00Z')), undefined);
    // EDT (UTC-4) in July: 05:30Z-07:00Z.
    assert.equal(schedule.activeFor('us', at('2026-07-07T05:30:00Z'))?.startMs, at('2026-07-07T05:30:00Z'));
    assert.equal(schedule.activeFor('us', at('2026-07-07T06:30:00Z'))?.endMs, at('2026-07-07T07:00:00Z'));
  });

  test('upcoming: the windows in force or starting within 7 days, in order', () => {
    const list = schedule.upcoming(at('2026-01-04T00:00:00Z'));
    assert.equal(list.length, 8, 'seven nightly and the upgrade');
    assert.deepEqual(
      list.slice(0, 3).map((o) => [o.window.name, new Date(o.startMs).toISOString()]),
      [
        ['nightly', '2026-01-04T06:30:00.000Z'],
        ['nightly', '2026-01-05T06:30:00.000Z'],
        ['upgrade', '2026-01-05T10:00:00.000Z'],
      ],
    );
    const view = maintenanceView(schedule, at('2026-01-05T11:00:00Z'))!;
    assert.deepEqual(view.active, [
      { name: 'upgrade', reason: 'db 16', targets: ['eu'], start: at('2026-01-05T10:00:00Z'), end: at('2026-01-05T12:00:00Z') },
    ]);
    assert.equal(maintenanceView(new MaintenanceSchedule([]), 0), undefined, 'no windows, nothing on the page');
  });

  test('a window longer than a week (one-off) is in force all along', () => {
    const long = new MaintenanceSchedule(
      windowsOf([{ name: 'move', start: '2026-01-01T00:00:00Z', end: '2026-03-01T00:00:00Z' }]),
    );
    assert.equal(long.activeFor('eu', at('2026-02-15T00:00:00Z'))?.window.name, 'move');
    assert.equal(long.activeFor('eu', at('2026-03-01T00:00:00Z')), undefined);
  });
});

describe('MaintenanceWatch: the log says when a window starts and ends, once each', () => {
  const windows = windowsOf([
    { name: 'upgrade "x"\nnext', reason: 'db <16>', targets: ['eu'], start: '2026-01-05T10:00:00Z', end: '2026-01-05T10:30:00Z' },
  ]);
  const line = (o: Parameters<typeof maintenanceLine>[0], e: 'start' | 'end') => maintenanceLine(o, e);

  test('one line at the start, none while it lasts, one at the end; hostile text stays one quoted line', () => {
    const watch = new MaintenanceWatch(new MaintenanceSchedule(windows), line);
    assert.deepEqual(watch.tick(at('2026-01-05T09:59:50Z')), []);
    const started = watch.tick(at('2026-01-05T10:00:00Z'));
    assert.deepEqual(started, [
      'level=info maintenance="upgrade \\"x\\"\\nnext" event=start targets=eu start=2026-01-05T10:00:00.000Z end=2026-01-05T10:30:00.000Z reason="db <16>" msg="maintenance window started"',
    ]);
    assert.deepEqual(watch.tick(at('2026-01-05T10:10:00Z')), []);
    assert.match(watch.tick(at('2026-01-05T10:30:00Z')).join('\n'), /^level=info .*event=end .*msg="maintenance window ended"$/);
    assert.deepEqual(watch.tick(at('2026-01-05T10:40:00Z')), []);
  });

  test('a reload keeps an open window quiet, and ends a removed one', () => {
    const first = new MaintenanceWatch(new MaintenanceSchedule(windows), line);
    first.tick(at('2026-01-05T10:05:00Z'));
    const kept = new MaintenanceWatch(new MaintenanceSchedule(windows), line, first);
    assert.deepEqual(kept.tick(at('2026-01-05T10:06:00Z')), []);
    const removed = new MaintenanceWatch(new MaintenanceSchedule([]), line, kept);
    assert.match(removed.tick(at('2026-01-05T10:07:00Z')).join('\n'), /event=end/);
  });
});
