import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ManualClock } from '../../support/manual-clock.ts';

describe('ManualClock', () => {
  test('timers fire in due order when time is advanced past them, each seeing its own due time', () => {
    const clock = new ManualClock();
    const fired: string[] = [];
    clock.setTimeout(() => fired.push(`b@${clock.now()}`), 200);
    clock.setTimeout(() => fired.push(`a@${clock.now()}`), 100);
    clock.setTimeout(() => fired.push(`c@${clock.now()}`), 200);
    clock.advance(99);
    assert.deepEqual(fired, []);
    clock.advance(150);
    assert.deepEqual(fired, ['a@100', 'b@200', 'c@200']);
    assert.equal(clock.now(), 249);
    assert.equal(clock.pending(), 0);
  });

  test('a timer armed by a callback fires in the same advance when it falls due', () => {
    const clock = new ManualClock();
    const fired: number[] = [];
    clock.setTimeout(() => {
      fired.push(clock.now());
      clock.setTimeout(() => fired.push(clock.now()), 50);
      clock.setTimeout(() => fired.push(clock.now()), 500);
    }, 100);
    clock.advance(200);
    assert.deepEqual(fired, [100, 150]);
    assert.equal(clock.pending(), 1);
  });

  test('a cleared timer never fires; the wall clock moves with the monotonic one', () => {
    const clock = new ManualClock(1_000_000);
    let fired = false;
    const timer = clock.setTimeout(() => (fired = true), 10);
    clock.clearTimeout(timer);
    clock.advance(20);
    assert.equal(fired, false);
    assert.equal(clock.epochMs(), 1_000_020);
  });

  test('nextTimer resolves with the delay of the next timer armed', async () => {
    const clock = new ManualClock();
    const next = clock.nextTimer();
    clock.setTimeout(() => {}, 1234);
    assert.equal(await next, 1234);
  });

  test('advancing by a negative or NaN amount is refused', () => {
    const clock = new ManualClock();
    assert.throws(() => clock.advance(-1), /not a non-negative/);
    assert.throws(() => clock.advance(Number.NaN), /not a non-negative/);
  });
});
