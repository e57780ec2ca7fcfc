// runWithoutColour as verify uses it, from a driver process (the function writes to its own
// process's stdout, which inside the test runner is the runner's channel): a child that prints
// colour on both streams comes through plain, and its exit code, or its signal as 128 + n, is the
// result. The child is a tiny script, so each run costs two node start-ups.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { pathToFileURL } from 'node:url';
import { after, describe, test } from 'node:test';

const dir = mkdtempSync(join(tmpdir(), 'without-colour-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const module = pathToFileURL(join(import.meta.dirname, '../../../cli/without-colour.ts')).href;
const driver = join(dir, 'driver.mjs');
writeFileSync(
  driver,
  `const { runWithoutColour } = await import(${JSON.stringify(module)});
const [script, ...argv] = process.argv.slice(2);
const run = await runWithoutColour(script, argv);
if (!run.ok) process.stderr.write('driver: ' + run.error + '\\n');
process.exitCode = run.ok ? run.exitCode : 99;
`,
);
// Colour on both streams, a line split across writes, then the exit the argument asks for.
const child = join(dir, 'child.mjs');
writeFileSync(
  child,
  `process.stdout.write('FORCE_COLOR=' + process.env.FORCE_COLOR + ' \\x1b[1mbold\\x1b[0m \\x1b[3');
process.stdout.write('2mgreen\\x1b[0m\\n');
process.stderr.write('\\x1b[31mred\\x1b[0m');
const how = process.argv[2];
if (how === 'signal') process.kill(process.pid, 'SIGTERM');
else process.exitCode = Number(how);
`,
);

async function run(how: string) {
  const p = spawn(process.execPath, ['--import', 'tsx', driver, child, how], { stdio: ['ignore', 'pipe', 'pipe'] });
  const [stdout, stderr, code] = await Promise.all([
    text(p.stdout),
    text(p.stderr),
    new Promise<number | null>((resolve) => p.once('close', (c) => resolve(c))),
  ]);
  return { stdout, stderr, code };
}

describe('runWithoutColour', { concurrency: true }, () => {
  test('passes both streams through without escape codes; the child runs with FORCE_COLOR=1', async () => {
    const r = await run('0');
    assert.equal(r.stdout, 'FORCE_COLOR=1 bold green\n');
    assert.equal(r.stderr, 'red');
    assert.equal(r.code, 0);
  });

  for (const code of [1, 2, 3]) {
    test(`exit code ${code} is the result`, async () => {
      const r = await run(String(code));
      assert.equal(r.code, code, r.stderr);
    });
  }

  test('a child ended by SIGTERM gives 143 (128 + 15), as a shell reports it', async () => {
    const r = await run('signal');
    assert.equal(r.code, 143, r.stderr);
    assert.ok(!(r.stdout + r.stderr).includes('\u001b['), 'no escape code');
  });
});
