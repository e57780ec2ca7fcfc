// How a test starts one of this repository's programs (cli/*.ts) as a child
// process: compiled, from dist/, when dist/ is what the sources compile to now, else from the
// source through tsx. A tsx start-up costs about 250 ms of CPU, and npm test starts these
// programs dozens of times on a machine its suites already keep busy; npm test builds dist/
// first. A source edited, added or removed since the build makes the whole of dist/ stale, so a
// test never runs code older than the sources.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function filesUnder(dir: string, suffix: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name), suffix) : e.name.endsWith(suffix) ? [join(dir, e.name)] : [],
  );
}

function modifiedAt(file: string): number | undefined {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

/**
 * Why root's dist/ is not what its sources compile to (the first reason found), or undefined when
 * every source of the build (tsconfig.build.json's include) has its compiled file, written after
 * the source was last changed, and every compiled file still has its source.
 */
export function distStaleness(root: string): string | undefined {
  const { include } = JSON.parse(readFileSync(join(root, 'tsconfig.build.json'), 'utf8')) as { include: string[] };
  for (const dir of include) {
    for (const source of filesUnder(join(root, dir), '.ts').filter((f) => !f.endsWith('.d.ts'))) {
      const path = relative(root, source);
      const builtAt = modifiedAt(join(root, 'dist', path.replace(/\.ts$/, '.js')));
      if (builtAt === undefined) return `${path} is not built`;
      if (modifiedAt(source)! > builtAt) return `${path} changed after it was built`;
    }
    for (const built of filesUnder(join(root, 'dist', dir), '.js')) {
      const path = relative(join(root, 'dist'), built).replace(/\.js$/, '.ts');
      if (modifiedAt(join(root, path)) === undefined) return `dist/${relative(join(root, 'dist'), built)} has no source`;
    }
  }
  return undefined;
}

let distFresh: boolean | undefined;

/** Whether tests run this repository's code compiled, from dist/ (it is what the sources compile to now). */
export function runsCompiled(): boolean {
  distFresh ??= distStaleness(ROOT) === undefined;
  return distFresh;
}

/** node's arguments to run a program of this repository, by its source path: programArgs('cli/validate.ts'). */
export function programArgs(source: string): string[] {
  return runsCompiled() ? [join(ROOT, 'dist', source.replace(/\.ts$/, '.js'))] : ['--import', 'tsx', join(ROOT, source)];
}
