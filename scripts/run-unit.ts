// npm run test:unit: every tests/unit/**/*.test.ts (or the files given), in four processes
// instead of one per file. Node 20's runner starts a process per file, and each one loads tsx
// (~0.3 s of CPU): with 79 files that was a quarter of the suite's CPU. Each process imports
// its share of the files, so the files of one shard share a process: their top-level
// before/after hooks run at the shard's start and end, and a test that exits the process or
// changes a global would affect the others (none does; a test of that kind belongs in its own
// file under a suite that runs files alone, as e2e does). Four, as --test-concurrency was.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const SHARDS = 4;
const UNIT_DIR = 'tests/unit';

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.test.ts'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

const given = process.argv.slice(2);
const files = given.length > 0 ? given : testFiles(UNIT_DIR);
const dir = mkdtempSync(join(tmpdir(), 'unit-shards-'));
const shards = Array.from({ length: Math.min(SHARDS, files.length) }, (_, k) => {
  const path = join(dir, `unit-${k + 1}-of-${SHARDS}.test.mjs`);
  // Round robin over the sorted list, so neighbouring (similar) files land in different shards.
  const mine = files.filter((_, i) => i % SHARDS === k);
  writeFileSync(path, mine.map((f) => `import ${JSON.stringify(pathToFileURL(resolve(f)).href)};\n`).join(''));
  return path;
});

const child = spawn(
  process.execPath,
  ['--import', 'tsx', '--test', `--test-concurrency=${SHARDS}`, '--test-reporter=spec', ...shards],
  { stdio: 'inherit' },
);
// npm forwards Ctrl-C to the whole group; the runner stops its shards itself.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('close', (code, signal) => {
  rmSync(dir, { recursive: true, force: true });
  process.exitCode = code ?? (signal ? 1 : 0);
});
