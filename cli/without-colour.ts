// Runs a command again in a child process whose stdout and stderr reach ours with
// their ANSI escape codes stripped. For output that JavaScript never sees: Pact's
// native verifier prints its coloured report straight to file descriptor 1,
// whatever that is, and reads no environment variable for it; libpact_ffi's one
// switch, pactffi_verifier_set_coloured_output, is not bound by
// @pact-foundation/pact-core (19.2), so nothing in this process can turn it off.
// The child runs with FORCE_COLOR=1: it runs the command itself rather than
// starting another child, and the colour it prints is stripped here.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import type { Readable, Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { ansiStripper } from '../src/strip-ansi.ts';

/** Passed on to the child, so it never outlives us (a supervisor's SIGTERM, a closed terminal's SIGHUP). */
const FORWARDED: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

export type ChildRun = { ok: true; exitCode: number } | { ok: false; error: string };

/**
 * Run `node <this process's flags> script ...argv` (tsx's loader included) and give back its exit code,
 * or 128 + the signal's number when a signal ended it, as a shell reports it. Never rejects.
 */
export async function runWithoutColour(script: string, argv: readonly string[]): Promise<ChildRun> {
  const child = spawn(process.execPath, [...process.execArgv, script, ...argv], {
    env: { ...process.env, FORCE_COLOR: '1' },
    stdio: ['inherit', 'pipe', 'pipe'],
  });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  for (const signal of FORWARDED) process.on(signal, forward);
  const copies = [copyStripped(child.stdout, process.stdout), copyStripped(child.stderr, process.stderr)];
  try {
    const ended = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (code, signal) => resolve({ code, signal }));
    });
    // The child's streams are closed; their last partial lines may still be on the way through the strippers.
    await Promise.all(copies.map((c) => finished(c.stripped)));
    if (ended.code !== null) return { ok: true, exitCode: ended.code };
    return { ok: true, exitCode: 128 + (ended.signal === null ? 0 : constants.signals[ended.signal]) };
  } catch (e) {
    return { ok: false, error: `cannot run ${script} in a child process: ${e instanceof Error ? e.message : String(e)}` };
  } finally {
    for (const signal of FORWARDED) process.off(signal, forward);
    for (const c of copies) c.stop();
  }
}

function copyStripped(from: Readable, to: Writable): { stripped: Readable; stop(): void } {
  const stripped = from.pipe(ansiStripper());
  stripped.pipe(to, { end: false });
  // A reader that went away (`verify | head`) ends the copy, not the verification: the rest is
  // read and dropped, so the child never blocks on a full pipe, and its exit code still counts.
  const readerGone = () => {
    stripped.unpipe(to);
    stripped.resume();
  };
  to.on('error', readerGone);
  return { stripped, stop: () => to.off('error', readerGone) };
}
