// The gate's contract test on every hostile body (tests/support/hostile-bodies.ts): one project per
// body, in one Playwright process, against the hostile server (CAP_BASE_URL). Only the test that
// judges the body ("satisfies the contract"): the other checks would each fail on any of these
// bodies for the same reason, and cost a run each. Run by tests/gate/gate-hostile-bodies.test.ts.
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { loadConfig } from '../../src/config/api.ts';
import { loadTestEnvironment } from '../../src/config/test-env.ts';
import type { GateTarget } from '../../gate/support/gate.ts';
import { HOSTILE_BODIES } from '../support/hostile-bodies.ts';

const loaded = loadConfig();
const testEnv = loadTestEnvironment();
if (!loaded.ok || !testEnv.ok || loaded.config.target.kind !== 'remote') {
  process.stderr.write('the hostile-body config needs CAP_BASE_URL set to the hostile server and a valid configuration\n');
  process.exit(2);
}
const base = loaded.config.target.baseUrl;
const reportDir = testEnv.settings.gateReportDir;
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig<object, { gateTarget: GateTarget }>({
  testDir: here('../../gate'),
  testMatch: 'existing-customer.spec.ts',
  grep: /satisfies the contract/,
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
  projects: HOSTILE_BODIES.map((_, i) => ({ name: `hostile-${i}`, use: { gateTarget: { baseUrl: `${base}/hostile/${i}` } } })),
});
