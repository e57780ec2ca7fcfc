// npm run test:unit: every tests/unit/**/*.test.ts (or the files and directories given), in four
// processes instead of one per file. Node 20's runner starts a process per file, and each one loads
// tsx (~0.3 s of CPU): with 79 files that was a quarter of the suite's CPU. Each process imports its
// share of the files, so the files of one shard share a process:
// - their top-level before/after hooks run at the shard's start and end, and one that throws fails
//   every test of the shard, each reported with that hook's error (look for the hook's file in the
//   stack);
// - a test that exits the process or changes a global would affect the others (none does; a test of
//   that kind belongs in its own file under a suite that runs files alone, as e2e does).
// Four, as --test-concurrency was.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const SHARDS = 4;
// A test that holds a manual clock never lets a timeout fire by itself: if the code under test
// regressed, it would wait forever. Each test ends here instead, failing with its name; the
// slowest unit test takes seconds, even beside stress-ng.
const TEST_TIMEOUT_MS = 120_000;
const UNIT_DIR = 'tests/unit';

function isDirectory(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.test.ts'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

const given = process.argv.slice(2);
const files = (given.length > 0 ? given : [UNIT_DIR]).flatMap((arg) => (isDirectory(arg) ? testFiles(arg) : [arg]));
const missing = files.filter((f) => !statSync(f, { throwIfNoEntry: false })?.isFile());
if (missing.length > 0) {
  process.stderr.write(`run-unit: no such test file: ${missing.join(', ')}\n`);
  process.exit(2);
}
if (files.length === 0) {
  process.stderr.write(`run-unit: no *.test.ts file in ${given.join(' ') || UNIT_DIR}\n`);
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'unit-shards-'));
const shards = Array.from({ length: Math.min(SHARDS, files.length) }, (_, k) => {
  const path = join(dir, `unit-${k + 1}.test.mjs`);
  // Round robin over the sorted list, so neighbouring (similar) files land in different shards.
  const mine = files.filter((_, i) => i % SHARDS === k);
  writeFileSync(path, mine.map((f) => `import ${JSON.stringify(pathToFileURL(resolve(f)).href)};\n`).join(''));
  return path;
});

const cleanUp = () => rmSync(dir, { recursive: true, force: true });
process.on('exit', cleanUp);
const child = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    `--test-concurrency=${SHARDS}`,
    `--test-timeout=${TEST_TIMEOUT_MS}`,
    '--test-reporter=spec',
    ...shards,
  ],
  { stdio: 'inherit' },
);
// npm forwards Ctrl-C to the whole group; the runner stops its shards itself.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => child.kill(signal));
child.on('error', (err) => {
  process.stderr.write(`run-unit: cannot start node: ${err.message}\n`);
  process.exitCode = 1;
});
// A shard runner ended by a signal: 128 + its number, as a shell reports it.
child.on('close', (code, signal) => (process.exitCode = code ?? (signal ? 128 + constants.signals[signal] : 1)));
