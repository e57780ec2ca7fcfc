// Nothing the gate writes (terminal, JUnit, HTML report, test results) may hold a
// credential: run it with planted unique secrets, passing and failing, and search
// every artefact for them in every form they travel in.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { basicAuthHeader, md5Hex } from '../../src/auth.ts';
import { runGate, type GateRun } from './run-gate.ts';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

function assertAbsent(run: GateRun, secrets: string[]): void {
  const places: [string, string][] = [['terminal output', run.output]];
  for (const file of filesUnder(run.reportDir)) places.push([file, readFileSync(file).toString('latin1')]);
  assert.ok(places.length > 3, `expected report files in ${run.reportDir}`);
  for (const [where, text] of places) {
    for (const secret of secrets) assert.ok(!text.includes(secret), `a planted secret leaked into ${where}`);
  }
}

test('a planted Basic password leaks into no artefact, whether the gate passes or fails', async () => {
  const password = `planted-${randomBytes(12).toString('hex')}`;
  const username = 'gate_user';
  const forms = [password, md5Hex(password), basicAuthHeader(username, password).slice('Basic '.length)];
  for (const faults of [undefined, 'mutation=id-string']) {
    const run = await runGate({
      faults,
      sandbox: { users: { [username]: password } },
      env: { CAP_USERNAME: username, CAP_PASSWORD: password },
    });
    assert.equal(run.code, faults ? 1 : 0, run.output.slice(-2000));
    assertAbsent(run, forms);
  }
});

test('a planted OAuth secret leaks into no artefact', async () => {
  const secret = `planted-${randomBytes(12).toString('hex')}`;
  const run = await runGate({
    faults: 'mutation=missing-field',
    sandbox: { oauthClients: { gate_key: secret } },
    env: { CAP_USERNAME: '', CAP_PASSWORD: '', CAP_OAUTH_KEY: 'gate_key', CAP_OAUTH_SECRET: secret },
  });
  assert.equal(run.code, 1, run.output.slice(-2000));
  assert.match(run.output, /\$\.data\[0\]\.updatedOn \[required\]/, 'the gate ran with OAuth and reached the contract check');
  assertAbsent(run, [secret]);
});
