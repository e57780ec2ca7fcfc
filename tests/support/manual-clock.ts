// A Clock (src/clock.ts) that moves only when the test says so. advance() fires the timers that
// fall due, in order of their due time (then of arming), each seeing now() at its own due time,
// so a timer armed by another timer's callback fires within the same advance if it falls due.
// nextTimer() resolves when the code under test arms a timer: a test waits for that event, never
// for real time to pass.
import type { Clock, TimerHandle } from '../../src/clock.ts';

interface Armed {
  at: number;
  seq: number;
  fn: () => void;
}

export class ManualClock implements Clock {
  private monotonic = 0;
  private readonly armed = new Map<TimerHandle, Armed>();
  private seq = 0;
  private waiters: ((delayMs: number) => void)[] = [];

  /** @param epochStart the wall clock at monotonic 0 (default 2026-01-01T00:00:00Z). */
  constructor(private readonly epochStart = Date.UTC(2026, 0, 1)) {}

  now(): number {
    return this.monotonic;
  }

  epochMs(): number {
    return this.epochStart + this.monotonic;
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const handle = {} as TimerHandle;
    const delay = Math.max(0, Number.isFinite(ms) ? ms : 0);
    this.armed.set(handle, { at: this.monotonic + delay, seq: this.seq++, fn });
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w(delay);
    return handle;
  }

  clearTimeout(timer: TimerHandle): void {
    this.armed.delete(timer);
  }

  /** Timers armed and not yet fired or cleared. */
  pending(): number {
    return this.armed.size;
  }

  /** Resolves with its delay the next time a timer is armed (one already armed does not count). */
  nextTimer(): Promise<number> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Move time forward by ms, firing every timer that falls due on the way. */
  advance(ms: number): void {
    if (!(ms >= 0)) throw new RangeError(`ManualClock.advance: ${ms} is not a non-negative number of ms`);
    const end = this.monotonic + ms;
    for (;;) {
      let due: [TimerHandle, Armed] | undefined;
      for (const entry of this.armed) {
        if (entry[1].at > end) continue;
        if (!due || entry[1].at < due[1].at || (entry[1].at === due[1].at && entry[1].seq < due[1].seq)) due = entry;
      }
      if (!due) break;
      this.armed.delete(due[0]);
      this.monotonic = Math.max(this.monotonic, due[1].at);
      due[1].fn();
    }
    this.monotonic = end;
  }
}
