// The generators' one ending (npm run generate, slo, k8s:rules): write the generated text, or
// with --check compare it with the committed file and exit 1 when they differ (a missing file
// is drift too), so the check:generated and test suites catch a regeneration nobody committed.
import { readFileSync, writeFileSync } from 'node:fs';

export interface GeneratedFile {
  /** Where it is written. */
  path: string;
  /** How messages name it: its path in the repository. */
  shown: string;
  /** The messages' prefix, the command's short name: types, slo, k8s:rules. */
  tool: string;
  /** What it is generated from, as "out of date with …" says it. */
  from: string;
  /** What it matches when up to date, as "… matches …" says it. */
  matches: string;
  /** The command that regenerates it. */
  fix: string;
}

/** What --check says when the committed text is not the generated one; undefined when they agree. */
export function driftMessage(file: GeneratedFile, committed: string | undefined, text: string): string | undefined {
  if (committed === text) return undefined;
  return `${file.shown} is out of date with ${file.from}: run \`${file.fix}\` and commit the result.`;
}

export function writeOrCheck(file: GeneratedFile, text: string): void {
  if (!process.argv.includes('--check')) {
    writeFileSync(file.path, text);
    process.stdout.write(`wrote ${file.shown}\n`);
    return;
  }
  let committed: string | undefined;
  try {
    committed = readFileSync(file.path, 'utf8');
  } catch {
    // a missing file is drift too
  }
  const drift = driftMessage(file, committed, text);
  if (drift !== undefined) {
    process.stderr.write(`${drift}\n`);
    process.exit(1);
  }
  process.stdout.write(`${file.tool}: ${file.shown} matches ${file.matches}\n`);
}
