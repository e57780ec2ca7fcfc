// The gate's own specs, fixtures and reporters, with one Playwright project per
// target, all in one process: what the proof and the hostile-body runs share.
// CAP_BASE_URL is the test's server; each project targets a path under it.
import { fileURLToPath } from 'node:url';
import { defineConfig, type PlaywrightTestConfig } from '@playwright/test';
import { loadConfig } from '../../src/config/api.ts';
import { loadTestEnvironment } from '../../src/config/test-env.ts';
import type { GateTarget } from '../../gate/support/gate.ts';

export interface PerTargetOptions {
  /** For the error message: which run this config is for, and what CAP_BASE_URL must be. */
  what: string;
  /** Which specs run (testMatch, testIgnore, grep). */
  select: Pick<PlaywrightTestConfig, 'testMatch' | 'testIgnore' | 'grep'>;
  /** One project per target: its name, its path under CAP_BASE_URL, its own variables. */
  targets: readonly { name: string; path: string; env?: Record<string, string> }[];
}

export function configPerTarget(options: PerTargetOptions) {
  const loaded = loadConfig();
  const testEnv = loadTestEnvironment();
  if (!loaded.ok || !testEnv.ok || loaded.config.target.kind !== 'remote') {
    process.stderr.write(`the ${options.what} config needs CAP_BASE_URL set to its server and a valid configuration\n`);
    process.exit(2);
  }
  const base = loaded.config.target.baseUrl;
  const reportDir = testEnv.settings.gateReportDir;
  const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
  return defineConfig<object, { gateTarget: GateTarget }>({
    testDir: here('../../gate'),
    ...options.select,
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
    // A project's tests in one worker at a time: each project has its own worker (its gateTarget), and
    // a worker costs about a second of CPU to start. Two workers on one project start it twice, and
    // every failed test (most rows have some) starts another; one at a time, 94 workers become 63.
    projects: options.targets.map((t) => ({
      name: t.name,
      workers: 1,
      use: { gateTarget: { baseUrl: `${base}${t.path}`, env: t.env } },
    })),
  });
}
