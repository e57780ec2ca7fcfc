// Time as a dependency. Code that measures or waits takes a Clock; production passes systemClock,
// tests pass a manual one (tests/support/manual-clock.ts) and step it, so a loaded machine cannot
// change which rule fires: a test that sleeps and then asserts a duration is a benchmark in
// disguise. The model is Kubernetes' k8s.io/utils/clock (Clock, testing.FakeClock).
import { performance } from 'node:perf_hooks';

/** An armed timer: opaque to its owner, which only hands it back to clearTimeout. */
export type TimerHandle = { readonly __timer: unique symbol };

export interface Clock {
  /** Monotonic milliseconds, for durations: never jumps when the wall clock is set. */
  now(): number;
  /** Wall-clock milliseconds since the epoch, for timestamps people read. */
  epochMs(): number;
  /** Call fn once, ms from now (a timer that does not keep the process alive is the caller's unref). */
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(timer: TimerHandle): void;
}

export const systemClock: Clock = {
  now: () => performance.now(),
  epochMs: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms) as unknown as TimerHandle,
  clearTimeout: (timer) => clearTimeout(timer as unknown as ReturnType<typeof setTimeout>),
};

/**
 * A deadline for work that takes an AbortSignal (fetch, prom-client's push): the signal aborts ms
 * from now on this clock; cancel() disarms it, and must be called when the work ends.
 */
export function abortAfter(clock: Clock, ms: number): { signal: AbortSignal; cancel(): void } {
  const controller = new AbortController();
  const timer = clock.setTimeout(() => controller.abort(), ms);
  return { signal: controller.signal, cancel: () => clock.clearTimeout(timer) };
}
