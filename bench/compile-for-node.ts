// A bench's measured process, compiled by tsc (the build's settings) into .tmp/, so that it runs
// with plain node as the shipped program does: no TypeScript loader in its memory or its CPU.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, '.tmp', 'bench-build');

/** Compile entry (a path from the repository root), what it imports and what the build compiles; the path of entry's .js. */
export function compileForNode(entry: string): string {
  mkdirSync(OUT, { recursive: true });
  const tsconfig = join(OUT, 'tsconfig.json');
  writeFileSync(
    tsconfig,
    JSON.stringify({
      extends: join(ROOT, 'tsconfig.build.json'),
      compilerOptions: { outDir: OUT, rootDir: ROOT, declaration: false },
      // The build's own files as well: some are loaded by URL, not imported (the probe thread's worker).
      include: ['src', 'cli', 'sandbox', 'monitor', 'gate'].map((dir) => join(ROOT, dir)),
      files: [join(ROOT, entry)],
    }),
  );
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', tsconfig], { stdio: 'inherit' });
  return join(OUT, entry.replace(/\.ts$/, '.js'));
}
