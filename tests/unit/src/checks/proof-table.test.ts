// The proof table seen by the checks and by the monitor's probe, in process:
// every row's outcome, check by check, and the probe agreeing with the check.
// The gate proof (tests/gate) runs the same rows through the real gate.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createSandbox } from '../../../../sandbox/app.ts';
import { MONITOR_CHECKS, probe } from '../../../../monitor/probe.ts';
import { CHECK_NAMES, verdictOf } from '../../../../src/checks/result.ts';
import { runCheck } from '../../../../src/checks/run.ts';
import { clientFor } from '../../../../src/client.ts';
import { loadConfig } from '../../../../src/config/api.ts';
import { PROOF_TABLE, missingMutationRows, rowName } from '../../../support/proof-table.ts';

test('every sandbox mutation has a row in the proof table', () => {
  assert.deepEqual(missingMutationRows(), []);
});

test('every row names an outcome for every check', () => {
  for (const row of PROOF_TABLE) assert.deepEqual(Object.keys(row.expect).sort(), [...CHECK_NAMES].sort(), rowName(row));
});

test('verification differs from the checks only where the table says which field no consumer reads', () => {
  for (const row of PROOF_TABLE) {
    if (!row.verify) continue;
    const checksFail = Object.values(row.expect).some((o) => o !== 'pass');
    const verifyFails = Object.keys(row.verify).length > 0;
    // Never stricter than the checks: a consumer cannot rely on what the contract does not promise.
    assert.ok(checksFail || !verifyFails, `${rowName(row)}: verification fails where every check passes`);
    if (checksFail && !verifyFails) assert.ok(row.why, `${rowName(row)}: the checks fail and verification holds: say why`);
    if (!checksFail) assert.equal(row.why, undefined, `${rowName(row)}: nothing differs, so nothing to explain`);
  }
});

// One sandbox for all rows: each request asks for its row's faults by header.
let baseUrl = '';
const sandbox = createSandbox();
before(async () => {
  baseUrl = await sandbox.listen(0, '127.0.0.1');
});
after(() => sandbox.close());

describe('each row, check by check, and the monitor agrees', { concurrency: 4 }, () => {
  for (const row of PROOF_TABLE) {
    test(rowName(row), async () => {
      const loaded = loadConfig(row.env ?? {});
      assert.ok(loaded.ok);
      const config = loaded.config;
      const client = clientFor(config, baseUrl);
      const headers = row.faults ? { 'X-Sandbox-Fault': row.faults } : undefined;
      try {
        for (const check of CHECK_NAMES) {
          const r = await runCheck(check, client, config, { headers, thorough: check === 'auth' });
          assert.equal(r.verdict === 'pass' ? 'pass' : r.reason, row.expect[check], `${check}: ${r.message}`);
          assert.equal(r.verdict, verdictOf(row.expect[check] === 'pass' ? undefined : row.expect[check]), check);
        }
        for (const check of MONITOR_CHECKS) {
          const p = await probe(client, { name: 't', config }, check, { headers });
          assert.equal(p.verdict === 'pass' ? 'pass' : p.reason, row.expect[check], `monitor ${check}: ${p.message}`);
        }
      } finally {
        client.close();
      }
    });
  }
});
