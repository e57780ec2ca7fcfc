// The release gate: Playwright runs the checks of src/checks/ against the
// configured target, through the project's client, and writes the reports.
// Without CAP_BASE_URL, Playwright's webServer starts the embedded sandbox.
// Run it through cli/gate.ts (npm run gate), which maps the outcome onto the
// exit-code contract.
import { hostname } from 'node:os';
import { defineConfig } from '@playwright/test';
import { loadConfig } from './src/config/api.ts';
import { loadTestEnvironment } from './src/config/test-env.ts';

const loaded = loadConfig();
const testEnv = loadTestEnvironment();
if (!loaded.ok || !testEnv.ok) {
  const errors = [...(loaded.ok ? [] : loaded.errors), ...(testEnv.ok ? [] : testEnv.errors)];
  process.stderr.write(`configuration error:\n${errors.map((e) => `  - ${e}`).join('\n')}\n(see .env.example)\n`);
  process.exit(2);
}
const config = loaded.config;
const { ci, gateReportDir: reportDir } = testEnv.settings;
const target = config.target;
const sandbox = target.kind === 'sandbox';
const baseURL = target.kind === 'sandbox' ? `http://127.0.0.1:${config.sandboxPort}` : target.baseUrl;

export default defineConfig({
  testDir: 'tests/api',
  testMatch: '**/*.spec.ts',
  // A retry of a whole test would hide a flake: a check is retried only when
  // nothing answered, and says so (tests/api/support/gate.ts expectCheck).
  retries: 0,
  // Against a real cluster: one worker, so the politeness limiter sees every request.
  workers: sandbox ? undefined : 1,
  fullyParallel: sandbox,
  forbidOnly: ci,
  // The auth check sends up to four requests, each possibly retried once, each bounded by the timeout.
  timeout: Math.max(30_000, config.timeoutMs * 10),
  // JUnit's testsuite hostname is the project's name: the machine that ran the gate.
  projects: [{ name: hostname() || 'localhost' }],
  outputDir: `${reportDir}/test-results`,
  reporter: [
    ['list'],
    ['./tests/api/support/summary-reporter.ts', { verdictFile: `${reportDir}/verdict.json` }],
    ['junit', { outputFile: `${reportDir}/junit.xml` }],
    ['html', { outputFolder: `${reportDir}/html`, open: 'never' }],
  ],
  use: {
    // Traces would record request headers, credentials among them.
    trace: 'off',
  },
  webServer: sandbox
    ? {
        command: 'npx tsx sandbox/server.ts',
        url: `${baseURL}/__sandbox/health`,
        // Never reuse whatever listens there: a leftover `npm run sandbox` may be serving faults.
        // A busy port fails the gate with Playwright's message naming it; set SANDBOX_PORT to move.
        reuseExistingServer: false,
        stdout: 'ignore',
        timeout: 30_000,
      }
    : undefined,
});
