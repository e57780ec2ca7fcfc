// Proof that provider verification means something: the committed contracts pass
// against the sandbox; every contract mutation the sandbox can serve fails
// exactly the consumers that read what it changes, naming the consumer and the
// field; and a change no consumer reads passes. That last half is the point of
// consumer contracts: the schema validator calls missing-field breaking, but no
// consumer reads updatedOn, so no consumer's contract does.
//
// The verifications run in child processes (support/run-verifications.ts): Pact's
// native verifier prints its own report to stdout, which would flood the test output.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MUTATIONS } from '../../../sandbox/mutations.ts';
import { basicAuthHeader, md5Hex } from '../../../src/auth.ts';
import { SANDBOX_PASSWORD, SANDBOX_USERNAME } from '../../../src/config/api.ts';
import { LOYALTY_MOBILE_APP } from '../consumers/loyalty-mobile-app.ts';
import { TIER_UPGRADE_SERVICE } from '../consumers/tier-upgrade-service.ts';
import type { VerificationReport } from '../../../src/pact/verify-contracts.ts';
import { verificationVerdicts } from '../../../src/pact/verdicts.ts';
import { exitCodeFor } from '../../../src/exit-code.ts';
import { PROOF_TABLE, mutationOf, type Breaks } from '../../support/proof-table.ts';
import { runVerifications, type VerificationBatch, type VerificationCase } from '../support/run-verifications.ts';

const LOYALTY = LOYALTY_MOBILE_APP;
const TIER = TIER_UPGRADE_SERVICE;

// What each consumer reads (docs/contracts.md): loyalty-mobile-app name, type, value, periodEndDate and the 8015 error;
// tier-upgrade-service id, conditionId, type, value, periodStartDate, periodEndDate. The consumers each mutation
// breaks are the proof table's (tests/support/proof-table.ts), beside what the checks decide for the same row.
const BY_MUTATION: Record<string, Breaks> = Object.fromEntries(
  PROOF_TABLE.flatMap((row) => {
    const m = mutationOf(row);
    return m && row.verify ? [[m, row.verify]] : [];
  }),
);

/** The proof table's faults that are verified too (Content-Encoding: the relay must pass codings through as consumers read them). */
const verifiedFaults = PROOF_TABLE.filter((row) => row.verify && row.faults !== '' && mutationOf(row) === undefined);

/** The mutations split by outcome. */
const breaking = MUTATIONS.filter((m) => Object.keys(BY_MUTATION[m.name] ?? {}).length > 0);
const holding = MUTATIONS.filter((m) => Object.keys(BY_MUTATION[m.name] ?? {}).length === 0);

const SCENARIOS = {
  documented: { sandbox: {} },
  notFound200: { sandbox: { notFoundStatus: 200 } },
  notFound400: { sandbox: { notFoundStatus: 400 } },
  notFound401: { sandbox: { notFoundStatus: 401 } },
  otherCustomers: { env: { CAP_CUSTOMER_ID: '200000001', CAP_MISSING_CUSTOMER_ID: '99999998' } },
  customerWithoutTrackers: { env: { CAP_CUSTOMER_ID: '98662654' } },
  connectionsReset: { sandbox: { faults: 'reset' } },
  providerHangs: { sandbox: { faults: 'hang' }, env: { CAP_TIMEOUT_MS: '300' } },
} satisfies Record<string, VerificationCase>;
const scenarioNames = Object.keys(SCENARIOS) as (keyof typeof SCENARIOS)[];

// Every case in one child process, started at once: a child's start (tsx, Pact's native library) costs
// more CPU than the cases it runs.
const groups = {
  scenarios: scenarioNames.map((n): VerificationCase => SCENARIOS[n]),
  breaking: breaking.map((m): VerificationCase => ({ sandbox: { faults: `mutation=${m.name}` } })),
  holding: holding.map((m): VerificationCase => ({ sandbox: { faults: `mutation=${m.name}` } })),
  faults: verifiedFaults.map((row): VerificationCase => ({ sandbox: { faults: row.faults } })),
};
const batch: Promise<VerificationBatch> = runVerifications([
  ...groups.scenarios,
  ...groups.breaking,
  ...groups.holding,
  ...groups.faults,
]);
// Nothing may go unobserved if a test is filtered out.
batch.catch(() => {});
const firstOf = {
  scenarios: 0,
  breaking: groups.scenarios.length,
  holding: groups.scenarios.length + groups.breaking.length,
  faults: groups.scenarios.length + groups.breaking.length + groups.holding.length,
};

async function outcome(group: keyof typeof groups, index: number): Promise<{ report: VerificationReport; summary: string }> {
  const result = (await batch).results[firstOf[group] + index];
  assert.ok(result, `no result for ${group} case ${index}`);
  assert.ok(result.ok, result.ok ? '' : `the verification did not run: ${result.error}`);
  return result;
}

const scenario = (name: keyof typeof SCENARIOS) => outcome('scenarios', scenarioNames.indexOf(name));

/** Each consumer in `breaks` failed, showing its text; every other consumer passed. */
function assertBreaks(report: VerificationReport, summary: string, breaks: Breaks): void {
  const consumers = report.contracts.map((c) => c.consumer).sort();
  assert.deepEqual(consumers, [LOYALTY, TIER].sort(), 'both contracts were verified');
  assert.equal(report.ok, Object.keys(breaks).length === 0, summary);
  for (const contract of report.contracts) {
    const expected = breaks[contract.consumer as keyof Breaks];
    if (expected === undefined) {
      assert.ok(contract.ok, `${contract.consumer} should hold:\n${summary}`);
      assert.match(summary, new RegExp(`^PASS ${contract.consumer}:`, 'm'));
      continue;
    }
    assert.equal(contract.ok, false, `${contract.consumer} should break:\n${summary}`);
    assert.match(summary, new RegExp(`^FAIL ${contract.consumer}:`, 'm'));
    // The consumer's broken interaction names the expectation: in the structured result and in the printed block.
    const lines = summary.split('\n').filter((l) => l.startsWith('      - ') || l.startsWith(`  x ${contract.consumer}:`));
    assert.ok(
      contract.interactions.some((i) => i.mismatches.some((m) => `${m.where ?? ''} ${m.message}`.includes(expected))),
      `${contract.consumer}'s mismatches should mention ${JSON.stringify(expected)}:\n${summary}`,
    );
    assert.ok(
      lines.some((l) => l.includes(expected)),
      `the summary should show ${JSON.stringify(expected)}:\n${summary}`,
    );
  }
}

describe('provider verification against the embedded sandbox', () => {
  test('the committed contracts hold against the documented behaviour', async () => {
    const { report, summary } = await scenario('documented');
    assertBreaks(report, summary, {});
    assert.match(summary, /verification PASSED: 2 contracts/);
  });

  test('every sandbox mutation has a decided outcome for the consumers', () => {
    assert.deepEqual(Object.keys(BY_MUTATION).sort(), MUTATIONS.map((m) => m.name).sort());
  });

  for (const name of ['notFound200', 'notFound400'] as const) {
    test(`8015 with HTTP ${SCENARIOS[name].sandbox.notFoundStatus} holds: the docs do not say which status comes; the app accepts 200, 400 and 404`, async () => {
      const { report, summary } = await scenario(name);
      assertBreaks(report, summary, {});
    });
  }

  test('8015 with HTTP 401 breaks the loyalty app: outside the statuses it accepts', async () => {
    const { report, summary } = await scenario('notFound401');
    assertBreaks(report, summary, { [LOYALTY]: 'Expected status code 401 to be a 200, 400, 404' });
  });

  test('the customer in the path comes from the provider state: other configured customers are verified as well', async () => {
    const { report, summary } = await scenario('otherCustomers');
    assertBreaks(report, summary, {});
    const paths = report.contracts.flatMap((c) => c.interactions.map((i) => i.path)).sort();
    assert.deepEqual(paths, [
      '/v2/customers/200000001/trackers',
      '/v2/customers/200000001/trackers',
      '/v2/customers/99999998/trackers',
    ]);
  });

  test('a configured customer without trackers breaks both consumers, showing the path requested', async () => {
    const { report, summary } = await scenario('customerWithoutTrackers');
    assertBreaks(report, summary, { [LOYALTY]: '$.data', [TIER]: '$.data' });
    assert.match(summary, /request: GET \/v2\/customers\/98662654\/trackers {3}\(provider state: customer has trackers\)/);
  });

  for (const [name, reason] of [
    ['connectionsReset', 'connection_reset'],
    ['providerHangs', 'timeout'],
  ] as const) {
    test(`a provider that gives no answer (${reason}) fails every interaction with the transport reason, not a crash`, async () => {
      const { report, summary } = await scenario(name);
      assert.equal(report.ok, false);
      assert.equal(report.transportProblems.length, 3, summary);
      for (const contract of report.contracts) {
        for (const i of contract.interactions) {
          assert.ok(
            i.mismatches.some((m) => m.message.startsWith(`no answer from the provider: ${reason}`)),
            summary,
          );
        }
      }
      assert.match(summary, new RegExp(`- \\[error\\] no answer from the provider: ${reason}`));
    });
  }

  test("no credential appears in anything the verifier printed, Pact's native report included", async () => {
    const credentials = [
      SANDBOX_PASSWORD,
      md5Hex(SANDBOX_PASSWORD),
      basicAuthHeader(SANDBOX_USERNAME, SANDBOX_PASSWORD).slice(6),
    ];
    const { output, results } = await batch;
    for (const text of [output, JSON.stringify(results)]) {
      for (const credential of credentials)
        assert.ok(!text.includes(credential), 'a credential appears in the verification output');
    }
  });
});

describe('provider verification under each contract mutation', () => {
  for (const [group, mutations] of [
    ['breaking', breaking],
    ['holding', holding],
  ] as const) {
    mutations.forEach((mutation, index) => {
      const breaks = BY_MUTATION[mutation.name] ?? {};
      const verdict = group === 'holding' ? 'every contract holds' : `breaks ${Object.keys(breaks).join(' and ')}`;
      test(`${mutation.name} (${mutation.description}): ${verdict}`, async () => {
        const { report, summary } = await outcome(group, index);
        assertBreaks(report, summary, breaks);
      });
    });
  }
});

describe('provider verification under each verified fault of the proof table', () => {
  verifiedFaults.forEach((row, index) => {
    const breaks = row.verify ?? {};
    const broken = Object.keys(breaks).length > 0;
    test(`${row.faults}: ${broken ? `breaks ${Object.keys(breaks).join(' and ')}, exit 1` : 'every contract holds'}`, async () => {
      const { report, summary } = await outcome('faults', index);
      assertBreaks(report, summary, breaks);
      // The provider answered, with a body no consumer could read: a broken contract, not an unjudgeable one.
      assert.equal(exitCodeFor(verificationVerdicts(report)), broken ? 1 : 0, summary);
    });
  });
});
