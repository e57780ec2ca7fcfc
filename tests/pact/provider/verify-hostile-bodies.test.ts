// The hostile-body table (tests/support/hostile-bodies.ts) through provider verification: a
// provider answering each body fails verification (exit code 1, the contract is broken) through
// the relay, never a crash or a transport problem; the report names where the body is bad, in
// bounded, printable lines. All rows run in one child process (Pact's native verifier prints its
// own report to fd 1), plus `verify` as a user runs it for the exit code.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SANDBOX_PASSWORD, SANDBOX_USERNAME } from '../../../src/config/api.ts';
import { EXIT, exitCodeFor } from '../../../src/exit-code.ts';
import { verificationVerdicts } from '../../../src/pact/verdicts.ts';
import { HOSTILE_BODIES, NON_PRINTABLE } from '../../support/hostile-bodies.ts';
import { startHostileServer, type HostileServer } from '../../support/hostile-server.ts';
import { childEnv, runToCompletion } from '../../support/processes.ts';
import { programArgs } from '../../support/program.ts';
import { runVerifications, type VerificationBatch } from '../support/run-verifications.ts';
import { RUN_TIMEOUT_MS } from '../support/run-verify-cli.ts';

const MAX_SUMMARY_LINE_CHARS = 600;
// The hostile server asks for none, but a remote target without credentials is a configuration error.
const remote = (baseUrl: string) => ({ CAP_BASE_URL: baseUrl, CAP_USERNAME: SANDBOX_USERNAME, CAP_PASSWORD: SANDBOX_PASSWORD });

describe('verification against a provider answering hostile bodies', () => {
  let server: HostileServer;
  let batch: VerificationBatch;
  before(async () => {
    server = await startHostileServer(HOSTILE_BODIES);
    batch = await runVerifications(HOSTILE_BODIES.map((_, i) => ({ env: remote(server.baseUrlOf(i)) })));
  });
  after(() => server.close());

  HOSTILE_BODIES.forEach((row, i) => {
    test(`${row.name}: the contracts are broken (exit 1)`, () => {
      const outcome = batch.results[i]!;
      assert.ok(outcome.ok, outcome.ok ? '' : outcome.error);
      if (!outcome.ok) return;
      assert.equal(exitCodeFor(verificationVerdicts(outcome.report)), EXIT.broken, outcome.summary);
      assert.deepEqual(outcome.report.transportProblems, [], 'every request got its answer through the relay');
      for (const line of outcome.summary.split('\n')) {
        assert.ok(line.length <= MAX_SUMMARY_LINE_CHARS, `a bounded line (${line.length} chars): ${line.slice(0, 200)}`);
        assert.doesNotMatch(line, NON_PRINTABLE);
      }
      assert.match(outcome.summary, /- \[body\] \$/, 'a body mismatch, at a JSON path');
    });
  });

  test('verify as a user runs it exits 1 on invalid UTF-8 (the relay passes the bytes on, not a decoded copy)', async () => {
    const row = HOSTILE_BODIES.findIndex((r) => r.name.startsWith('invalid UTF-8'));
    const run = await runToCompletion(process.execPath, programArgs('cli/verify.ts'), {
      env: childEnv(remote(server.baseUrlOf(row))),
      timeoutMs: RUN_TIMEOUT_MS,
    });
    assert.equal(run.code, EXIT.broken, run.output.slice(-2000));
    assert.match(run.output, /Failed to parse the actual body/);
  });
});
