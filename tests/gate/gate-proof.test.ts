// Proof that the gate catches breakage. Every row of the proof table, and every
// hostile body (tests/support/hostile-bodies.ts), is judged by the real gate: its
// specs, fixtures and reporters, one Playwright project per row or body, all in
// one Playwright process (and a row with variables of its own in another). A row's per-check verdicts must be the table's and agree
// with what the monitor's probe decides for the same row, and its report must name
// what broke. A hostile body fails the contract test, and the failure's first line
// names the field and rule (a schema violation at its JSON path) or where the body
// is not JSON (byte offset, line and column): never a crash or a bare RangeError,
// every line bounded and printable. The gate as a user runs it, with its exit-code
// contract, is gate-user.test.ts. A gate that always passes is worse than none.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { findMutation } from '../../sandbox/mutations.ts';
import { MONITOR_CHECKS, probe } from '../../monitor/probe.ts';
import type { CheckName } from '../../src/checks/result.ts';
import { clientFor } from '../../src/client.ts';
import { loadConfig } from '../../src/config/api.ts';
import { pathPattern } from '../../src/group-findings.ts';
import { HOSTILE_BODIES, MAX_MESSAGE_CHARS, NON_PRINTABLE } from '../support/hostile-bodies.ts';
import { startHostileServer, type HostileServer } from '../support/hostile-server.ts';
import { PROOF_TABLE, expectedExitCode, mutationOf, rowName, type Outcome, type ProofRow } from '../support/proof-table.ts';
import { startProofSandbox, type ProofSandbox } from './proof-sandbox.ts';
import { runGateAgainst, type GateRun } from './run-gate.ts';

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

const unescapeXml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');

/** The JUnit failure messages of one project. */
function failuresOf(junit: string): string[] {
  return [...junit.matchAll(/<failure message="([^"]*)"/g)].map((x) => unescapeXml(x[1]!));
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

/**
 * Whether a report says it: a finding's path, or its pattern when the reports grouped it with others of
 * its rule ($.data[*].updatedOn for a change to every tracker, src/group-findings.ts).
 */
function says(report: string, text: string): boolean {
  return report.includes(text) || (text.startsWith('$') && report.includes(pathPattern(text)));
}

/** What the monitor's probe decides for a row, against the same proof sandbox. */
async function monitorOutcomes(row: ProofRow, baseUrl: string): Promise<Record<string, Outcome>> {
  const loaded = loadConfig(row.env ?? {});
  assert.ok(loaded.ok);
  const client = clientFor(loaded.config, baseUrl);
  try {
    const out: Record<string, Outcome> = {};
    for (const check of MONITOR_CHECKS) {
      const r = await probe(client, { name: 'proof', config: loaded.config }, check);
      out[check] = r.verdict === 'pass' ? 'pass' : r.reason!;
    }
    return out;
  } finally {
    client.close();
  }
}

// One Playwright run for both tables: a project per row, and one per hostile body. The configuration
// is a run's, not a project's: a row that needs variables of its own (a small latency budget) is a
// run of its own, beside it.
let proof: ProofSandbox;
let hostile: HostileServer;
let runs: GateRun[];
let verdicts: RecordedVerdict[];
before(async () => {
  [proof, hostile] = await Promise.all([startProofSandbox(PROOF_TABLE), startHostileServer(HOSTILE_BODIES)]);
  const root = proof.baseUrlOf(0).replace(/\/proof\/0$/, '');
  // The latency sample is the trackers check five times over: on every row it decides as the contract
  // test does (the user-run tests keep it), and each of its failures would cost a worker restart.
  const rowGroup = (rows: number[]) => ({
    specs: '*',
    ignore: 'latency',
    targets: rows.map((i) => ({ name: `row-${i}`, baseUrl: proof.baseUrlOf(i) })),
  });
  const rows = PROOF_TABLE.map((_, i) => i);
  const configured = rows.filter((i) => PROOF_TABLE[i]!.env);
  // 48 projects in one process, ~70 workers: a backstop against a hang, not a speed limit. The run takes
  // about 30 s alone and took 145 s under stress-ng --cpu 2 beside other sessions' load.
  const timeoutMs = 1_800_000;
  runs = await Promise.all([
    runGateAgainst(root, {
      perTarget: [
        rowGroup(rows.filter((i) => !PROOF_TABLE[i]!.env)),
        {
          // Only the test that judges the body: the other checks would each fail on any of these bodies for
          // the same reason, and cost a worker each.
          specs: 'trackers',
          grep: 'satisfies the contract',
          targets: HOSTILE_BODIES.map((_, i) => ({ name: `hostile-${i}`, baseUrl: hostile.baseUrlOf(i) })),
        },
      ],
      timeoutMs,
    }),
    ...configured.map((i) => runGateAgainst(root, { env: PROOF_TABLE[i]!.env, perTarget: [rowGroup([i])], timeoutMs })),
  ]);
  verdicts = runs.flatMap(verdictsOf);
});
after(() => Promise.all([proof.close(), hostile.close()]));

/** The JUnit of a project, whichever run it was in. */
const projectJunit = (project: string) => runs.map((run) => junitOf(run, project)).join('\n');

test('every run failed (1), and crashed nowhere', () => {
  for (const run of runs) {
    assert.equal(run.code, 1, run.output.slice(-3000));
    assert.doesNotMatch(run.output, /RangeError|Maximum call stack|TypeError/);
  }
});

describe('the gate on every row of the proof table', () => {
  test('the proof run covered every row', () => {
    const projects = new Set(verdicts.map((v) => v.project).filter((p) => p.startsWith('row-')));
    assert.equal(projects.size, PROOF_TABLE.length, runs.map((run) => run.output.slice(-1500)).join('\n'));
  });

  PROOF_TABLE.forEach((row, i) => {
    test(rowName(row), async () => {
      const project = `row-${i}`;
      const gate = outcomesOf(verdicts.filter((v) => v.project === project));
      assert.deepEqual(gate, row.expect, 'the gate decides as the table says');
      const monitor = await monitorOutcomes(row, proof.baseUrlOf(i));
      // The monitor runs three of the four checks; on those, it and the gate agree.
      for (const check of MONITOR_CHECKS) assert.equal(gate[check], monitor[check], `gate and monitor agree on ${check}`);
      const junit = projectJunit(project);
      for (const text of mustSay(row))
        assert.ok(says(junit, text), `the report of ${project} should say ${JSON.stringify(text)}`);
      // JUnit's <failure message> is the failure's first line: a field and rule, or a reason.
      const messages = [...junit.matchAll(/<failure message="([^"]*)"/g)].map((x) => x[1]!);
      assert.equal(messages.length > 0, expectedExitCode(row) !== 0, `failures in ${project}: ${messages.join(' | ')}`);
      for (const msg of messages) assert.match(msg, /^(\$\S* \[[\w-]+\] |[a-z_0-9]+: )/, `JUnit failure message: ${msg}`);
    });
  });
});

describe('the gate on hostile bodies', () => {
  HOSTILE_BODIES.forEach((row, i) => {
    test(`${row.name}: fails, naming ${row.names.source}`, () => {
      const messages = failuresOf(projectJunit(`hostile-${i}`));
      assert.equal(messages.length, 1, `one failure: ${messages.join(' | ').slice(0, 500)}`);
      const message = messages[0]!;
      assert.match(message, row.reason === 'schema_violation' ? /^\$\S* \[[\w-]+\] / : /^invalid_json: /, message.slice(0, 300));
      assert.match(message, row.names, message.slice(0, 300));
      assert.ok(message.length <= MAX_MESSAGE_CHARS, `a bounded message (${message.length} chars)`);
      assert.doesNotMatch(message, NON_PRINTABLE);
    });
  });
});
