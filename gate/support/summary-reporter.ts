// Prints, after the list reporter (so after the failures), what a release
// engineer needs to see but the list hides: the warnings (tolerated changes, data
// quality), retries and latency, then the run's verdict. It also writes
// verdict.json with the exit code, which cli/gate.ts returns: the code comes
// from exitCodeFor (src/exit-code.ts), on the verdict each check recorded.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { FullConfig, FullResult, Reporter, Suite, TestCase, TestResult } from '@playwright/test/reporter';
import type { Verdict } from '../../src/checks/result.ts';
import { exitCodeFor, runVerdict, type Judged } from '../../src/exit-code.ts';

const SHOWN = ['warning', 'retry', 'latency', 'trackers'] as const;
const MAX_WARNINGS = 50;

/** One check's outcome as verdict.json carries it (gate.ts recordVerdict). */
interface RecordedCheck {
  /** The Playwright project: one per target (the proof runs many). */
  project: string;
  check: string;
  verdict: Verdict;
  reason?: string;
  answered: boolean;
}

export default class SummaryReporter implements Reporter {
  readonly #lines: Record<(typeof SHOWN)[number], string[]> = { warning: [], retry: [], latency: [], trackers: [] };
  readonly #checks: RecordedCheck[] = [];
  /** What each test judged: its checks' verdicts, or the test's own outcome when it ran no check. */
  readonly #judged: Judged[] = [];
  readonly #verdictFile: string | undefined;
  #tests = 0;

  constructor(options: { verdictFile?: string } = {}) {
    this.#verdictFile = options.verdictFile;
  }

  onBegin(_config: FullConfig, suite: Suite): void {
    this.#tests = suite.allTests().length;
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const recorded: RecordedCheck[] = [];
    for (const a of test.annotations) {
      if (a.type === 'verdict' && a.description) {
        const project = test.parent.project()?.name ?? '';
        recorded.push({ project, ...(JSON.parse(a.description) as Omit<RecordedCheck, 'project'>) });
      }
      const kind = a.type as (typeof SHOWN)[number];
      if (SHOWN.includes(kind) && a.description) this.#lines[kind].push(a.description);
    }
    if (result.status === 'skipped') return;
    this.#checks.push(...recorded);
    this.#judged.push(...recorded);
    // A test that failed while its checks passed (or that ran none) failed for a reason of its own.
    const failed = result.status !== 'passed';
    if (recorded.length === 0) this.#judged.push(failed ? 'fail' : 'pass');
    else if (failed && recorded.every((r) => r.verdict === 'pass')) this.#judged.push('fail');
  }

  onEnd(result: FullResult): void {
    const out: string[] = [];
    const { warning, retry, latency, trackers } = this.#lines;
    if (trackers.length) out.push(...trackers.map((t) => `  trackers: ${t}`));
    if (latency.length) out.push(...latency.map((l) => `  ${l}`));
    if (retry.length)
      out.push(
        `  ${retry.length} network-level retr${retry.length === 1 ? 'y' : 'ies'} (a first attempt failed):`,
        ...retry.map((r) => `    ${r}`),
      );
    if (warning.length) {
      out.push(`  ${warning.length} warning(s) (tolerated; they do not fail the gate):`);
      out.push(...warning.slice(0, MAX_WARNINGS).map((w) => `    ${w}`));
      if (warning.length > MAX_WARNINGS) out.push(`    … ${warning.length - MAX_WARNINGS} more in the HTML and JUnit reports`);
    }
    // A run that failed outside every test (the sandbox did not start, a global error) failed.
    if (result.status !== 'passed' && (this.#judged.length === 0 || runVerdict(this.#judged) === 'pass'))
      this.#judged.push('fail');
    const verdict = runVerdict(this.#judged);
    const exitCode = exitCodeFor(this.#judged);
    const words = {
      pass: 'PASSED',
      fail: 'FAILED',
      inconclusive:
        this.#tests === 0 ? 'INCONCLUSIVE (no test matched: nothing was judged)' : 'INCONCLUSIVE (no request got an HTTP answer)',
    };
    out.push(`  gate: ${words[verdict]}`);
    process.stdout.write(`\n${out.join('\n')}\n`);
    if (this.#verdictFile) {
      mkdirSync(dirname(this.#verdictFile), { recursive: true });
      writeFileSync(this.#verdictFile, `${JSON.stringify({ verdict, exitCode, checks: this.#checks }, null, 2)}\n`);
    }
  }

  printsToStdio(): boolean {
    return true;
  }
}
