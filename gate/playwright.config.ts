// The release gate: Playwright runs the checks of src/checks/ against the
// configured target, through the project's client, and writes the reports.
// Without CAP_BASE_URL, each worker's fixture starts the embedded sandbox in its
// own process (gate/support/gate.ts, through cli/target.ts), on a free port.
// Run it through `trackers-contract gate` (cli/gate.ts), which maps the outcome
// onto the exit-code contract. It ships in the package: compiled to
// dist/gate/*.js it runs the compiled specs and the compiled sandbox, with no
// TypeScript loader; from the sources (the proof, development) the .ts ones.
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { loadConfig, type Target } from '../src/config/api.ts';
import { loadGateSettings } from '../src/config/gate.ts';

const loaded = loadConfig();
const gate = loadGateSettings();
if (!loaded.ok || !gate.ok) {
  const errors = [...(loaded.ok ? [] : loaded.errors), ...(gate.ok ? [] : gate.errors)];
  process.stderr.write(`configuration error: ${errors.join('; ')} (see .env.example)\n`);
  process.exit(2);
}
const config = loaded.config;
const { ci, reportDir } = gate.settings;
const sandbox = config.target.kind === 'sandbox';
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const ext = import.meta.url.endsWith('.ts') ? 'ts' : 'js';

function projectName(target: Target): string {
  return target.kind === 'sandbox' ? 'sandbox' : new URL(target.baseUrl).host;
}

export default defineConfig({
  testDir: here('.'),
  testMatch: `**/*.spec.${ext}`,
  // A retry of a whole test would hide a flake: a check is retried only when
  // nothing answered, and says so (support/gate.ts expectCheck).
  retries: 0,
  // Against a real cluster: one worker, so the politeness limiter sees every request.
  workers: sandbox ? undefined : 1,
  fullyParallel: sandbox,
  forbidOnly: ci,
  // The auth check sends up to four requests, each possibly retried once, each bounded by the timeout.
  timeout: Math.max(30_000, config.timeoutMs * 10),
  // The project is named after the target, as the HTML report's badge and JUnit's testsuite hostname
  // show it: `sandbox`, or the remote host (never its credentials: config refuses them in URLs).
  projects: [{ name: projectName(config.target) }],
  outputDir: `${reportDir}/test-results`,
  reporter: [
    ['list'],
    [
      here(`support/summary-reporter.${ext}`),
      { verdictFile: `${reportDir}/verdict.json`, checkResultFile: `${reportDir}/check-result.json` },
    ],
    ['junit', { outputFile: `${reportDir}/junit.xml` }],
    // A failure's first screen is our message (the grouped findings, the request): no code frame of our
    // own expect (gate/support/gate.ts), no AI "copy prompt" of it.
    ['html', { outputFolder: `${reportDir}/html`, open: 'never', noSnippets: true, noCopyPrompt: true }],
  ],
  use: {
    // Traces would record request headers, credentials among them.
    trace: 'off',
  },
});
