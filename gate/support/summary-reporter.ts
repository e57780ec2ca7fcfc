// Prints, after the list reporter (so after the failures), what a release
// engineer needs to see but the list hides: the warnings (tolerated changes, data
// quality), retries and latency. It also writes verdict.json, from which
// cli/gate.ts tells a broken contract (exit 1) from a target nothing answered
// from (exit 3).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

const SHOWN = ['warning', 'retry', 'latency', 'trackers'] as const;
const MAX_WARNINGS = 50;

interface Verdict {
  /** The Playwright project: one per target (the proof runs many). */
  project: string;
  check: string;
  verdict: string;
  reason?: string;
  answered: boolean;
}

export default class SummaryReporter implements Reporter {
  readonly #lines: Record<(typeof SHOWN)[number], string[]> = { warning: [], retry: [], latency: [], trackers: [] };
  readonly #verdicts: Verdict[] = [];
  readonly #verdictFile: string | undefined;
  #failedTests = 0;

  constructor(options: { verdictFile?: string } = {}) {
    this.#verdictFile = options.verdictFile;
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'passed' && result.status !== 'skipped') this.#failedTests++;
    for (const a of test.annotations) {
      if (a.type === 'verdict' && a.description) {
        const project = test.parent.project()?.name ?? '';
        this.#verdicts.push({ project, ...(JSON.parse(a.description) as Omit<Verdict, 'project'>) });
      }
      const kind = a.type as (typeof SHOWN)[number];
      if (SHOWN.includes(kind) && a.description) this.#lines[kind].push(a.description);
    }
  }

  /**
   * Inconclusive: the run failed, every failing check got no HTTP answer, and no request at all did.
   * Any answer, or a test that failed without a check verdict, makes it a failure.
   */
  #inconclusive(result: FullResult): boolean {
    if (result.status === 'passed' || this.#verdicts.length === 0) return false;
    const failedChecks = this.#verdicts.filter((v) => v.verdict !== 'pass').length;
    return failedChecks >= this.#failedTests && this.#verdicts.every((v) => !v.answered && v.verdict === 'inconclusive');
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
    const inconclusive = this.#inconclusive(result);
    out.push(
      `  gate: ${result.status === 'passed' ? 'PASSED' : inconclusive ? 'INCONCLUSIVE (no request got an HTTP answer)' : 'FAILED'}`,
    );
    process.stdout.write(`\n${out.join('\n')}\n`);
    if (this.#verdictFile) {
      mkdirSync(dirname(this.#verdictFile), { recursive: true });
      const verdict = result.status === 'passed' ? 'pass' : inconclusive ? 'inconclusive' : 'fail';
      writeFileSync(this.#verdictFile, `${JSON.stringify({ verdict, checks: this.#verdicts }, null, 2)}\n`);
    }
  }

  printsToStdio(): boolean {
    return true;
  }
}
