// Every row of the proof table judged by the real gate in one Playwright process: one project per
// row, against the proof sandbox (tests/gate/proof-sandbox.ts). Run by tests/gate/gate-proof.test.ts.
import { PROOF_TABLE } from '../support/proof-table.ts';
import { configPerTarget } from './config-per-target.ts';

export default configPerTarget({
  what: 'proof',
  select: {
    testMatch: '**/*.spec.ts',
    // The latency sample is the trackers check five times over: on every row it decides as the contract
    // test does (the user-run tests keep it), and each of its failures would cost a worker restart.
    testIgnore: '**/latency.spec.ts',
  },
  targets: PROOF_TABLE.map((row, i) => ({ name: `row-${i}`, path: `/proof/${i}`, env: row.env })),
});
