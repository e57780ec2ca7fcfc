// The release gate: Playwright runs the checks of src/checks/ against the
// configured target, through the project's client, and writes the reports.
// Without CAP_BASE_URL, Playwright's webServer starts the embedded sandbox.
// Run it through `trackers-contract gate` (cli/gate.ts), which maps the outcome
// onto the exit-code contract. It ships in the package: compiled to
// dist/gate/*.js it runs the compiled specs and the compiled sandbox, with no
// TypeScript loader; from the sources (the proof, development) the .ts ones.
import { hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { loadConfig } from '../src/config/api.ts';
import { loadTestEnvironment } from '../src/config/test-env.ts';

const loaded = loadConfig();
const testEnv = loadTestEnvironment();
if (!loaded.ok || !testEnv.ok) {
  const errors = [...(loaded.ok ? [] : loaded.errors), ...(testEnv.ok ? [] : testEnv.errors)];
  process.stderr.write(`configuration error: ${errors.join('; ')} (see .env.example)\n`);
  process.exit(2);
}
const config = loaded.config;
const { ci, gateReportDir: reportDir } = testEnv.settings;
const target = config.target;
const sandbox = target.kind === 'sandbox';
const baseURL = target.kind === 'sandbox' ? `http://127.0.0.1:${config.sandboxPort}` : target.baseUrl;
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const ext = import.meta.url.endsWith('.ts') ? 'ts' : 'js';
const quote = (arg: string) => `'${arg.replaceAll("'", "'\\''")}'`;
// The sandbox's own server, by the same node; the sources need tsx, the compiled package nothing.
const sandboxCommand = [process.execPath, ...(ext === 'ts' ? ['--import', 'tsx'] : []), here(`../sandbox/server.${ext}`)]
  .map(quote)
  .join(' ');

export default defineConfig({
  testDir: here('.'),
  testMatch: `**/*.spec.${ext}`,
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
    [here(`support/summary-reporter.${ext}`), { verdictFile: `${reportDir}/verdict.json` }],
    ['junit', { outputFile: `${reportDir}/junit.xml` }],
    ['html', { outputFolder: `${reportDir}/html`, open: 'never' }],
  ],
  use: {
    // Traces would record request headers, credentials among them.
    trace: 'off',
  },
  webServer: sandbox
    ? {
        command: sandboxCommand,
        url: `${baseURL}/__sandbox/health`,
        // Never reuse whatever listens there: a leftover `npm run sandbox` may be serving faults.
        // A busy port fails the gate with Playwright's message naming it; set SANDBOX_PORT to move.
        reuseExistingServer: false,
        stdout: 'ignore',
        timeout: 30_000,
      }
    : undefined,
});
