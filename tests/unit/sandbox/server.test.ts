import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { spawnSync } from 'node:child_process';
import { DEFAULT_USERS } from '../../../sandbox/auth.ts';
import { listeningMessage } from '../../../sandbox/server.ts';
import { SANDBOX_PASSWORD, SANDBOX_USERNAME } from '../../../src/config/api.ts';
import { programArgs } from '../../support/program.ts';
import { answered, startSandbox, trackersPath } from './helpers.ts';

describe('npm run sandbox', () => {
  test('a bad SANDBOX_PORT stops it with one line naming the variable and value, exit 2, no stack', () => {
    const r = spawnSync(process.execPath, programArgs('sandbox/server.ts'), {
      env: { PATH: process.env.PATH, SANDBOX_PORT: '80.5' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /SANDBOX_PORT="80\.5": must be a whole number from 0 to 65535/);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  });

  test("the config's default credentials are the ones the sandbox accepts", () => {
    assert.deepEqual(DEFAULT_USERS, { [SANDBOX_USERNAME]: SANDBOX_PASSWORD });
  });
});

test('the start-up hint carries a curl header that really authenticates', async (t) => {
  const { base } = await startSandbox(t);
  const line = listeningMessage(base);
  assert.ok(line.startsWith(`sandbox listening on ${base} — try: curl -H 'Authorization: Basic `));
  assert.doesNotMatch(line, /\n/);
  const header = /'Authorization: (Basic [A-Za-z0-9+/=]+)'/.exec(line)![1]!;
  const res = await answered(base, trackersPath(98662653), { headers: { authorization: header } });
  assert.equal(res.status, 200);
});
