// Proof that the gate catches breakage. Every row of the proof table is judged
// by the real gate (its specs, fixtures and reporters, one Playwright project per
// row, in one process against the proof sandbox): its per-check verdicts must be
// the table's and agree with what the monitor's probe decides for the same row,
// and its report must name what broke. Then the gate runs as a user runs it,
// one target at a time, for the exit-code contract: 0 pass, 1 broken, 2 usage,
// 3 nothing answered. A gate that always passes is worse than none.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { findMutation } from '../../sandbox/mutations.ts';
import { CHECKS, probe } from '../../monitor/probe.ts';
import type { CheckName } from '../../src/checks/result.ts';
import { clientFor } from '../../src/client.ts';
import { loadConfig } from '../../src/config/api.ts';
import { PROOF_TABLE, expectedExitCode, mutationOf, rowName, type Outcome, type ProofRow } from '../support/proof-table.ts';
import { startProofSandbox, type ProofSandbox } from './proof-sandbox.ts';
import { runGate, runGateAgainst, runGateEmbedded, type GateRun } from './run-gate.ts';

interface RecordedVerdict {
  project: string;
  check: CheckName;
  verdict: string;
  reason?: string;
}

/** One outcome per check of a project: the first failure of a check decides, as within a check. */
function outcomesOf(verdicts: readonly RecordedVerdict[]): Partial<Record<CheckName, Outcome>> {
  const out: Partial<Record<CheckName, Outcome>> = {};
  for (const v of verdicts) {
    const seen = v.verdict === 'pass' ? 'pass' : (v.reason as Outcome);
    if (out[v.check] === undefined || out[v.check] === 'pass') out[v.check] = seen;
  }
  return out;
}

function verdictsOf(run: GateRun): RecordedVerdict[] {
  return (JSON.parse(readFileSync(join(run.reportDir, 'verdict.json'), 'utf8')) as { checks: RecordedVerdict[] }).checks;
}

/** The JUnit of one project: its testsuites carry hostname="<project>". */
function junitOf(run: GateRun, project: string): string {
  return [...run.junit.matchAll(/<testsuite [^>]*>[\s\S]*?<\/testsuite>/g)]
    .map((m) => m[0])
    .filter((suite) => suite.includes(`hostname="${project}"`))
    .join('\n');
}

/**
 * Text the report must show for a row: each failing check's reason, and the mutation's finding where
 * the body was judged (a schema violation, a lost 8015, or an additive change's warning).
 */
function mustSay(row: ProofRow): string[] {
  const reasons = [...new Set(Object.values(row.expect).filter((o) => o !== 'pass'))];
  const m = mutationOf(row);
  const expect = m ? findMutation(m)?.expect : undefined;
  const bodyJudged = reasons.length === 0 || reasons.some((r) => r === 'schema_violation' || r === 'error_code_mismatch');
  return expect && bodyJudged ? [`${expect.path} [${expect.rule}]`, ...reasons] : reasons;
}

/** What the monitor's probe decides for a row, against the same proof sandbox. */
async function monitorOutcomes(row: ProofRow, baseUrl: string): Promise<Record<string, Outcome>> {
  const loaded = loadConfig(row.env ?? {});
  assert.ok(loaded.ok);
  const client = clientFor(loaded.config, baseUrl);
  try {
    const out: Record<string, Outcome> = {};
    for (const check of CHECKS) {
      const r = await probe(client, { name: 'proof', config: loaded.config }, check);
      out[check] = r.success ? 'pass' : r.reason!;
    }
    return out;
  } finally {
    client.close();
  }
}

describe('the gate on every row of the proof table', () => {
  let proof: ProofSandbox;
  let run: GateRun;
  let verdicts: RecordedVerdict[];
  before(async () => {
    proof = await startProofSandbox(PROOF_TABLE);
    run = await runGateAgainst(proof.baseUrlOf(0).replace(/\/proof\/0$/, ''), {
      playwrightConfig: join('tests', 'gate', 'proof.playwright.config.ts'),
      // 36 projects in one process: minutes on a loaded machine, not seconds.
      timeoutMs: 400_000,
    });
    verdicts = verdictsOf(run);
  });
  after(() => proof.close());

  test('the proof run covered every row', () => {
    const projects = new Set(verdicts.map((v) => v.project));
    assert.equal(projects.size, PROOF_TABLE.length, run.output.slice(-3000));
  });

  PROOF_TABLE.forEach((row, i) => {
    test(rowName(row), async () => {
      const project = `row-${i}`;
      const gate = outcomesOf(verdicts.filter((v) => v.project === project));
      assert.deepEqual(gate, row.expect, 'the gate decides as the table says');
      const monitor = await monitorOutcomes(row, proof.baseUrlOf(i));
      // The monitor runs three of the four checks; on those, it and the gate agree.
      for (const check of CHECKS) assert.equal(gate[check], monitor[check], `gate and monitor agree on ${check}`);
      const junit = junitOf(run, project);
      for (const text of mustSay(row))
        assert.ok(junit.includes(text), `the report of ${project} should say ${JSON.stringify(text)}`);
      // JUnit's <failure message> is the failure's first line: a field and rule, or a reason.
      const messages = [...junit.matchAll(/<failure message="([^"]*)"/g)].map((x) => x[1]!);
      assert.equal(messages.length > 0, expectedExitCode(row) !== 0, `failures in ${project}: ${messages.join(' | ')}`);
      for (const msg of messages) assert.match(msg, /^(\$\S* \[[\w-]+\] |[a-z_0-9]+: )/, `JUnit failure message: ${msg}`);
    });
  });
});

// The gate as a user runs it (cli/gate.ts), one target: the exit-code contract and the report's wording.
describe('the gate run as a user runs it', { concurrency: 2 }, () => {
  // With no target configured, as on a fresh clone: the embedded sandbox, started by the gate itself.
  test('the documented sandbox passes (0) with the data-quality warnings, each once', async () => {
    const run = await runGateEmbedded();
    assert.equal(run.code, 0, run.output.slice(-3000));
    assert.match(run.output, /11 warning\(s\) \(tolerated; they do not fail the gate\)/);
    assert.equal(run.output.split('[duplicate_tracker_id]').length - 1, 7, 'each warning once');
    assert.match(run.junit, /<testsuites[^>]* failures="0"/);
    assert.match(run.junit, /<testsuite [^>]*hostname="[^"]+"/, 'JUnit names the host that ran the gate');
  });

  test('a broken contract fails (1), naming the field and rule first', async () => {
    const run = await runGate({ faults: 'mutation=id-string' });
    assert.equal(run.code, 1, run.output.slice(-3000));
    assert.match(run.junit, /<failure message="\$\.data\[0\]\.id \[type\] must be integer \(seen: &quot;9737&quot;\)"/);
  });

  // These two run the contract test alone: the proof above judges every check on a reset target, and
  // here it is the run's exit code and wording that matter (each failing check costs a Playwright worker).
  test('a target nothing answers from is inconclusive (3), and each retry is reported', async () => {
    const run = await runGate({ faults: 'reset', args: ['--grep', 'satisfies the contract'] });
    assert.equal(run.code, 3, run.output.slice(-3000));
    assert.match(run.output, /gate: INCONCLUSIVE \(no request got an HTTP answer\)/);
    assert.match(run.output, /attempt 1 got no HTTP answer/);
  });

  test('refused credentials fail (1) and say so', async () => {
    const run = await runGate({ env: { CAP_PASSWORD: 'not-the-sandbox-password' }, args: ['--grep', 'satisfies the contract'] });
    assert.equal(run.code, 1, run.output.slice(-3000));
    assert.match(run.output, /the configured credentials were refused: HTTP 401/);
  });

  test('97 violations are listed once, bounded, not again in a diff', async () => {
    const run = await runGate({ faults: 'mutation=date-reformat', args: ['--grep', 'satisfies the contract'] });
    assert.equal(run.code, 1, run.output.slice(-3000));
    assert.equal(run.output.split('$.data[0].updatedOn [date-time]').length - 1, 1, 'the first violation once');
    assert.ok(run.output.split('\n').length < 120, `the output is bounded (${run.output.split('\n').length} lines)`);
  });

  test('an unknown option is a usage error (2), not a failure', async () => {
    const run = await runGate({ args: ['--no-such-option'] });
    assert.equal(run.code, 2, run.output);
    assert.match(run.output, /Unknown option '--no-such-option'/);
  });

  test('a bad configuration is a usage error (2)', async () => {
    const run = await runGate({ env: { CAP_NOT_FOUND_STATUS: '200,401' } });
    assert.equal(run.code, 2, run.output);
    assert.match(run.output, /CAP_NOT_FOUND_STATUS/);
  });
});
