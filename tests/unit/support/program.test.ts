import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, test } from 'node:test';
import { distStaleness } from '../../support/program.ts';

const base = mkdtempSync(join(tmpdir(), 'program-'));
after(() => rmSync(base, { recursive: true, force: true }));

/** A repository with the given files, each written at the given second (mtime). */
function repo(name: string, files: Record<string, number>): string {
  const root = join(base, name);
  const at = (path: string, seconds: number) => {
    const file = join(root, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, '');
    utimesSync(file, seconds, seconds);
  };
  at('tsconfig.build.json', 0);
  writeFileSync(join(root, 'tsconfig.build.json'), JSON.stringify({ include: ['src', 'cli'] }));
  for (const [path, seconds] of Object.entries(files)) at(path, seconds);
  return root;
}

describe('distStaleness', () => {
  const CASES: { name: string; files: Record<string, number>; stale?: string }[] = [
    {
      name: 'every source built after its last change',
      files: { 'src/a.ts': 100, 'cli/b/c.ts': 100, 'dist/src/a.js': 200, 'dist/cli/b/c.js': 100 },
    },
    { name: 'declaration files need nothing built', files: { 'src/a.ts': 100, 'src/a.d.ts': 300, 'dist/src/a.js': 200 } },
    {
      name: 'a source changed after the build',
      files: { 'src/a.ts': 100, 'cli/b/c.ts': 300, 'dist/src/a.js': 200, 'dist/cli/b/c.js': 200 },
      stale: 'cli/b/c.ts changed after it was built',
    },
    {
      name: 'a source never built',
      files: { 'src/a.ts': 100, 'src/new.ts': 100, 'dist/src/a.js': 200 },
      stale: 'src/new.ts is not built',
    },
    {
      name: 'a compiled file whose source is gone',
      files: { 'src/a.ts': 100, 'dist/src/a.js': 200, 'dist/src/gone.js': 200 },
      stale: 'dist/src/gone.js has no source',
    },
    { name: 'no dist/ at all', files: { 'src/a.ts': 100 }, stale: 'src/a.ts is not built' },
  ];
  CASES.forEach(({ name, files, stale }, i) => {
    test(`${name}: ${stale ?? 'fresh'}`, () => {
      assert.equal(distStaleness(repo(`case-${i}`, files)), stale);
    });
  });
});
