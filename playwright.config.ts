// The release gate: Playwright API tests against the configured target. Without
// CAP_BASE_URL, Playwright's webServer starts the embedded sandbox.
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
  // A retry of a whole test would hide a flake: requests retry only on network
  // failures, and say so (tests/api/support/endpoint.ts).
  retries: 0,
  // Against a real cluster: one worker, so the politeness limiter sees every request.
  workers: sandbox ? undefined : 1,
  fullyParallel: sandbox,
  forbidOnly: ci,
  timeout: Math.max(30_000, config.timeoutMs * 4),
  outputDir: `${reportDir}/test-results`,
  reporter: [
    ['list'],
    ['./tests/api/support/summary-reporter.ts'],
    ['junit', { outputFile: `${reportDir}/junit.xml` }],
    ['html', { outputFolder: `${reportDir}/html`, open: 'never' }],
  ],
  use: {
    baseURL,
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
