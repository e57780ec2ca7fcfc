// The monitor's status page in a real browser: Debian's Chromium (browsers cannot
// be downloaded here), driven by Playwright. Separate from the gate's config:
// different reports, and no webServer (the test starts the monitor itself).
import { defineConfig } from '@playwright/test';
import { loadTestEnvironment } from '../support/test-env.ts';

const testEnv = loadTestEnvironment();
if (!testEnv.ok) {
  process.stderr.write(`configuration error:\n${testEnv.errors.map((e) => `  - ${e}`).join('\n')}\n`);
  process.exit(2);
}
const CHROMIUM = testEnv.settings.chromiumPath;

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  retries: 0,
  // Every wait is for something the page or the monitor does (a probe, a refresh): seconds alone, and
  // several times that on two loaded cores, with Chromium and a monitor sharing them. Bounded as
  // backstops, not as speed limits: an expectation that never holds fails after a minute, naming itself.
  timeout: 240_000,
  expect: { timeout: 60_000 },
  outputDir: '../../reports/status-page/test-results',
  reporter: [['list'], ['html', { outputFolder: '../../reports/status-page/html', open: 'never' }]],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: CHROMIUM,
      // Without these Chromium tries to reach Google's hosts at start; this machine's network is closed.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    viewport: { width: 1100, height: 1400 },
    screenshot: 'off',
    trace: 'off',
  },
});
