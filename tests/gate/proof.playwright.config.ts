// The gate's own specs, fixtures and reporters, with one project per row of the
// proof table: every row judged by the real gate in one Playwright process.
// CAP_BASE_URL is the proof sandbox (tests/gate/proof-sandbox.ts); each project
// targets its row's prefix. Run by tests/gate/gate-proof.test.ts.
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { loadConfig } from '../../src/config/api.ts';
import { loadTestEnvironment } from '../../src/config/test-env.ts';
import type { GateTarget } from '../../gate/support/gate.ts';
import { PROOF_TABLE } from '../support/proof-table.ts';

const loaded = loadConfig();
const testEnv = loadTestEnvironment();
if (!loaded.ok || !testEnv.ok || loaded.config.target.kind !== 'remote') {
  process.stderr.write('the proof config needs CAP_BASE_URL set to the proof sandbox and a valid configuration\n');
  process.exit(2);
}
const base = loaded.config.target.baseUrl;
const reportDir = testEnv.settings.gateReportDir;
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig<object, { gateTarget: GateTarget }>({
  testDir: here('../../gate'),
  testMatch: '**/*.spec.ts',
  // The latency sample is the trackers check five times over: on every row it decides as the contract
  // test does (the user-run tests keep it), and each of its failures would cost a worker restart.
  testIgnore: '**/latency.spec.ts',
  retries: 0,
  fullyParallel: true,
  workers: 2,
  timeout: 30_000,
  outputDir: `${reportDir}/test-results`,
  reporter: [
    [here('../../gate/support/summary-reporter.ts'), { verdictFile: `${reportDir}/verdict.json` }],
    ['junit', { outputFile: `${reportDir}/junit.xml` }],
  ],
  use: { trace: 'off' },
  projects: PROOF_TABLE.map((row, i) => ({
    name: `row-${i}`,
    use: { gateTarget: { baseUrl: `${base}/proof/${i}`, env: row.env } },
  })),
});
