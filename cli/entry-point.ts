// Whether a module is the program being run, not a module a test imports:
// compared by real path, so a symlink or a relative path matches and another
// file that happens to share the name does not.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function isEntryPoint(moduleUrl: string): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false; // argv[1] is not a file (e.g. node -e): not us
  }
}

/**
 * Lets a reader stop reading: `trackers-contract openapi | head -1` closes the pipe, and Node reports
 * the next write as an EPIPE 'error' event that, with no listener, is a stack trace and exit 1. The
 * rest of the output is dropped and the command ends as it would have, with its own exit code, so what
 * it judged still decides $? under pipefail; a service (monitor, sandbox) keeps serving, as its job is
 * the HTTP endpoint, not its log. Any other stream error is thrown as before.
 */
export function quietOnBrokenPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
    });
  }
}

/**
 * quietOnBrokenPipe for a child process of Node, as an `--import` argument (the gate's Playwright
 * runner writes to the same stdout). A data: URL of the function's own compiled text, so one
 * definition serves both, whether run from dist/ or from the sources.
 */
export const QUIET_ON_BROKEN_PIPE_IMPORT = `data:text/javascript,${encodeURIComponent(`(${quietOnBrokenPipe.toString()})();`)}`;
