// @ts-check
// The gate's own specs, fixtures and reporters with one Playwright project per target, all in one
// process: the proof table's rows, the hostile bodies. run-gate.ts (runGateAgainst, perTarget)
// describes the run in GATE_PER_TARGET. Plain JavaScript: Playwright loads its config in the runner
// and again in every worker (a proof run starts about seventy), so that with the compiled gate
// (dist/gate) nothing it loads needs its TypeScript loader, a module-hooks thread in each process.
import { fileURLToPath } from 'node:url';

/**
 * @typedef {object} TargetGroup targets judged by the same tests
 * @property {string} specs the spec files' base name, a glob ('*', 'trackers')
 * @property {string} [ignore] a spec left out ('latency')
 * @property {string} [grep] only the tests whose title matches this regular expression
 * @property {{ name: string; baseUrl: string }[]} targets one project each
 *
 * @typedef {object} PerTargetRun
 * @property {boolean} compiled dist/gate's specs and reporter, else gate/'s sources
 * @property {number} timeout each test's bound, in ms
 * @property {TargetGroup[]} groups
 */

/** @type {PerTargetRun} */
const run = JSON.parse(process.env.GATE_PER_TARGET ?? 'null');
const reportDir = process.env.GATE_REPORT_DIR;
if (!run || !reportDir) {
  process.stderr.write('the per-target gate config needs GATE_PER_TARGET and GATE_REPORT_DIR (see tests/gate/run-gate.ts)\n');
  process.exit(2);
}
const ext = run.compiled ? 'js' : 'ts';
const gate = (path) => fileURLToPath(new URL(`../../${run.compiled ? 'dist/gate' : 'gate'}/${path}`, import.meta.url));

/** @type {import('@playwright/test').PlaywrightTestConfig} */
export default {
  testDir: gate(''),
  testMatch: `**/*.spec.${ext}`,
  retries: 0,
  fullyParallel: true,
  workers: 2,
  timeout: run.timeout,
  outputDir: `${reportDir}/test-results`,
  reporter: [
    [gate(`support/summary-reporter.${ext}`), { verdictFile: `${reportDir}/verdict.json` }],
    ['junit', { outputFile: `${reportDir}/junit.xml` }],
  ],
  use: { trace: 'off' },
  // A project's tests in one worker at a time: each project has its own worker (its baseURL), and
  // a worker costs about half a second of CPU to start. Two workers on one project start it twice,
  // and every failed test (most targets have some) starts another.
  projects: run.groups.flatMap((group) =>
    group.targets.map((t) => ({
      name: t.name,
      workers: 1,
      testMatch: `**/${group.specs}.spec.${ext}`,
      ...(group.ignore ? { testIgnore: `**/${group.ignore}.spec.${ext}` } : {}),
      ...(group.grep ? { grep: new RegExp(group.grep) } : {}),
      // Playwright's own option: the gate's fixture sends a project's requests to its baseURL.
      use: { baseURL: t.baseUrl },
    })),
  ),
};
