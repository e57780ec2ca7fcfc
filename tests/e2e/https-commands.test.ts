// Every command over HTTPS, as the real API is served: `trackers-contract sandbox --tls` with a
// certificate from a test CA made here with openssl (no key is committed), and the gate,
// verify and `monitor --once` as child processes against it. A user trusts the private CA
// with NODE_EXTRA_CA_CERTS (every command reaches the API through src/client.ts, Node's
// https module, which reads it at start-up; Pact's verifier talks plain HTTP to our local
// relay, which uses that client). Without it, the certificate is refused, never accepted,
// and the run is inconclusive (exit 3) with a message saying the certificate is untrusted.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { SANDBOX_PASSWORD, SANDBOX_USERNAME } from '../../src/config/api.ts';
import { runGateAgainst } from '../gate/run-gate.ts';
import { runVerifyCli } from '../pact/support/run-verify-cli.ts';
import { childEnv, runToCompletion, startService, stopAll, waitFor, type Service } from '../support/processes.ts';
import { programArgs } from '../support/program.ts';
import { createTestCa, type TestCa } from '../support/test-ca.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RUN_TIMEOUT_MS = 60_000;

let ca: TestCa;
let baseUrl: string;
const services: Service[] = [];

before(async () => {
  ca = createTestCa();
  const sandbox = startService(
    'sandbox --tls',
    process.execPath,
    [...programArgs('cli/sandbox.ts'), '--port', '0', '--tls', '--cert', ca.goodFiles.cert, '--key', ca.goodFiles.key],
    childEnv(),
    ROOT,
  );
  services.push(sandbox);
  baseUrl = await waitFor(
    'the HTTPS sandbox to listen',
    () => /sandbox listening on (https:\/\/[\d.:]+)/.exec(sandbox.output())?.[1],
    {
      timeoutMs: 20_000,
      intervalMs: 50,
      services,
    },
  );
});
after(async () => {
  await stopAll(services);
  ca?.remove();
});

const remote = (extra: Record<string, string> = {}) => ({
  CAP_BASE_URL: baseUrl,
  CAP_USERNAME: SANDBOX_USERNAME,
  CAP_PASSWORD: SANDBOX_PASSWORD,
  ...extra,
});

function monitorOnce(env: Record<string, string>) {
  return runToCompletion(process.execPath, [...programArgs('cli/monitor.ts'), '--once'], {
    cwd: ROOT,
    env: childEnv(env),
    timeoutMs: RUN_TIMEOUT_MS,
  });
}

describe('every command over HTTPS', { concurrency: 5 }, () => {
  test('the gate passes with the private CA in NODE_EXTRA_CA_CERTS (exit 0)', async () => {
    const run = await runGateAgainst(baseUrl, {
      env: { NODE_EXTRA_CA_CERTS: ca.caFile },
      args: ['--grep', 'satisfies the contract'],
    });
    assert.equal(run.code, 0, run.output);
    assert.match(run.output, /1 passed/);
  });

  test('verify passes with NODE_EXTRA_CA_CERTS: the relay reaches the HTTPS provider through the client (exit 0)', async () => {
    const run = await runVerifyCli(remote({ NODE_EXTRA_CA_CERTS: ca.caFile }));
    assert.equal(run.code, 0, run.output);
    assert.match(run.output, /verification PASSED: 2 contracts/);
  });

  test('verify without the CA: the provider is never judged on an unverified connection (exit 3, untrusted certificate)', async () => {
    const run = await runVerifyCli(remote());
    assert.equal(run.code, 3, run.output);
    assert.match(run.output, /untrusted certificate/);
  });

  test('monitor --once passes with NODE_EXTRA_CA_CERTS (exit 0), every check answered', async () => {
    const run = await monitorOnce(remote({ NODE_EXTRA_CA_CERTS: ca.caFile }));
    assert.equal(run.code, 0, run.output);
    for (const check of ['trackers', 'not_found', 'auth']) {
      assert.match(run.stdout, new RegExp(`^probe_success\\{target="default",check="${check}"\\} 1$`, 'm'), check);
    }
  });

  test('monitor --once without the CA: tls_error, untrusted certificate, exit 3 (inconclusive)', async () => {
    const run = await monitorOnce(remote());
    assert.equal(run.code, 3, run.output);
    assert.match(run.stderr, /^default trackers +FAIL {2}tls_error: untrusted certificate/m);
    assert.doesNotMatch(run.stderr, /^\s+at /m, 'no stack trace');
  });
});
