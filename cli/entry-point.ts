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
