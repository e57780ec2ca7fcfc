// A bench's measured process, compiled by tsc (the build's settings) into .tmp/, so that it runs
// with plain node as the shipped program does: no TypeScript loader in its memory or its CPU.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, '.tmp', 'bench-build');
const BUILD_INCLUDE = (JSON.parse(readFileSync(join(ROOT, 'tsconfig.build.json'), 'utf8')) as { include: string[] }).include;

/** Compile entry (a path from the repository root), what it imports and what the build compiles; the path of entry's .js. */
export function compileForNode(entry: string): string {
  // Afresh each time, so no compiled file of a deleted source is left to import.
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const tsconfig = join(OUT, 'tsconfig.json');
  writeFileSync(
    tsconfig,
    JSON.stringify({
      extends: join(ROOT, 'tsconfig.build.json'),
      compilerOptions: { outDir: OUT, rootDir: ROOT, declaration: false },
      // The build's own files as well: some are loaded by URL, not imported (the probe thread's worker).
      include: BUILD_INCLUDE.map((dir) => join(ROOT, dir)),
      files: [join(ROOT, entry)],
    }),
  );
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', tsconfig], { stdio: 'inherit' });
  return join(OUT, entry.replace(/\.ts$/, '.js'));
}
