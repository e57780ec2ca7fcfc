import assert from 'node:assert/strict';
import { test } from 'node:test';
import { abortAfter } from '../../../src/clock.ts';
import { ManualClock } from '../../support/manual-clock.ts';

test('abortAfter: aborts at its deadline on the clock, not a millisecond early; cancel disarms it', () => {
  const clock = new ManualClock();
  const due = abortAfter(clock, 500);
  clock.advance(499);
  assert.equal(due.signal.aborted, false);
  clock.advance(1);
  assert.equal(due.signal.aborted, true);
  const cancelled = abortAfter(clock, 500);
  cancelled.cancel();
  assert.equal(clock.pending(), 0, 'no timer left armed');
  clock.advance(1000);
  assert.equal(cancelled.signal.aborted, false);
});
