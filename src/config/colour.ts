// Whether a command's output may carry colour (ANSI escape codes). Only a terminal
// shows colour; in a pipe, a file or a CI log the codes are noise that breaks grep.
// NO_COLOR (no-color.org) turns it off even on a terminal; FORCE_COLOR turns it on
// into a pipe and, as in Node and supports-color, wins over NO_COLOR, with 0 or
// false meaning never. Neither is ever an error: both are set in shells for other
// tools, and a stray value must not stop a verification.
import { Reader, type Env } from './env.ts';

export function colourWanted(stdoutIsTerminal: boolean, env: Env = process.env): boolean {
  const r = new Reader(env);
  const force = r.raw('FORCE_COLOR')?.toLowerCase();
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (r.raw('NO_COLOR') !== undefined) return false;
  return stdoutIsTerminal;
}
