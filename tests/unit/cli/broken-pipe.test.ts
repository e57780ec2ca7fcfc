// A reader that stops reading (`trackers-contract openapi | head -1`) ends the command quietly:
// no stack trace on stderr, and the exit code is the command's own. Each run closes the read end
// of the child's stdout before the child has started, so its first write meets a closed pipe.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { describe, test } from 'node:test';
import { exampleText } from '../../../src/schemas.ts';
import { childEnv } from '../../support/processes.ts';
import { programArgs } from '../../support/program.ts';

const COMMAND = programArgs('cli/trackers-contract.ts');
// A backstop against a hang, not a speed limit: a gate --list takes about 2 s.
const TIMEOUT_MS = 60_000;

function runWithStdoutClosed(args: string[], input = ''): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...COMMAND, ...args], {
      env: childEnv(),
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: TIMEOUT_MS,
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdin.end(input);
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('a closed stdout (| head) ends a command quietly', { concurrency: true }, () => {
  test('openapi: exit 0, nothing on stderr', async () => {
    const r = await runWithStdoutClosed(['openapi']);
    assert.deepEqual(r, { code: 0, stderr: '' });
  });

  test('validate of a broken body: still its own exit code, 1, without a stack trace', async () => {
    const body = JSON.parse(exampleText('trackers-98662653'));
    body.data[0].id = 'not-a-number';
    const r = await runWithStdoutClosed(['validate', '-'], JSON.stringify(body));
    assert.deepEqual(r, { code: 1, stderr: '' });
  });

  // The gate's output is its Playwright runner's, a child process writing to the same stdout.
  test('gate --list: exit 0, nothing on stderr', async () => {
    const r = await runWithStdoutClosed(['gate', '--list']);
    assert.deepEqual(r, { code: 0, stderr: '' });
  });
});
