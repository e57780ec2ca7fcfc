// The monitor's main() run in the test's own process, driven by the signals a user sends (SIGHUP to
// reload, SIGTERM to stop): its output watched, its SIGHUP handler found, and a SIGTERM at teardown
// so a failed test never leaves it running.
import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { main, type MainIo } from '../../cli/monitor.ts';
import { WatchedText } from './wait.ts';

type Listener = (signal: string) => void;

export interface InProcessMonitor {
  stdout: WatchedText;
  stderr: WatchedText;
  /** main()'s exit code. */
  exited: Promise<number>;
  /** The SIGHUP handlers the monitor added: one while it runs, none once it has ended. */
  sighupHandlers(): Listener[];
  /** SIGTERM, as a user stops it; there must be a handler to send it to. */
  stop(): void;
}

const sigtermHandler = () => process.listeners('SIGTERM').at(-1) as Listener | undefined;

export function startMonitorInProcess(
  t: TestContext,
  argv: readonly string[],
  io: Pick<MainIo, 'env' | 'clock'> = {},
): InProcessMonitor {
  const before = process.listeners('SIGHUP');
  const stdout = new WatchedText();
  const stderr = new WatchedText();
  const exited = main(argv, { ...io, out: (text) => stdout.append(text), err: (line) => stderr.append(`${line}\n`) });
  t.after(async () => {
    sigtermHandler()?.('SIGTERM');
    await exited;
  });
  return {
    stdout,
    stderr,
    exited,
    sighupHandlers: () => process.listeners('SIGHUP').filter((l) => !before.includes(l)) as Listener[],
    stop: () => {
      const handler = sigtermHandler();
      assert.ok(handler, 'a SIGTERM handler while running');
      handler('SIGTERM');
    },
  };
}
