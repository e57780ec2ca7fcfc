// Prints, after the list reporter, what a release engineer needs to see but the
// list hides: the warnings (tolerated changes, data quality), retries and latency.
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

const SHOWN = ['warning', 'retry', 'latency', 'trackers'] as const;
const MAX_WARNINGS = 50;

export default class SummaryReporter implements Reporter {
  readonly #lines: Record<(typeof SHOWN)[number], string[]> = { warning: [], retry: [], latency: [], trackers: [] };

  onTestEnd(test: TestCase, _result: TestResult): void {
    for (const a of test.annotations) {
      const kind = a.type as (typeof SHOWN)[number];
      if (SHOWN.includes(kind) && a.description) this.#lines[kind].push(a.description);
    }
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
    out.push(`  gate: ${result.status === 'passed' ? 'PASSED' : 'FAILED'}`);
    process.stdout.write(`\n${out.join('\n')}\n`);
  }

  printsToStdio(): boolean {
    return true;
  }
}
