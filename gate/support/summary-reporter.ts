// Prints, after the list reporter (so after the failures), what a release
// engineer needs to see but the list hides: the warnings (tolerated changes, data
// quality), retries and latency, then the verdict block (one line per check, a
// failure's findings grouped, a skip's reason) and the run's verdict. It also
// writes verdict.json with the exit code, which cli/gate.ts returns: the code
// comes from exitCodeFor (src/exit-code.ts), on the verdict each check recorded;
// and check-result.json beside it, every check's whole result, every finding.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { FullConfig, FullResult, Reporter, Suite, TestCase, TestResult } from '@playwright/test/reporter';
import type { CheckResult, Verdict } from '../../src/checks/result.ts';
import { exitCodeFor, runVerdict, type Judged } from '../../src/exit-code.ts';
import { HIDDEN_WARNING_ANNOTATION, VERDICT_ANNOTATION, VERDICT_BLOCK_GROUPS } from './annotations.ts';

const SHOWN = ['warning', 'retry', 'latency', 'trackers'] as const;
const MAX_WARNINGS = 50;
const WORDS: Record<Verdict, string> = { pass: 'pass', fail: 'FAIL', inconclusive: 'INCONCLUSIVE' };

/** One check's whole result, as check-result.json carries it. */
interface WrittenResult {
  project: string;
  test: string;
  result: CheckResult;
}

/** One check's outcome as verdict.json carries it (gate.ts recordVerdict). */
interface RecordedCheck {
  /** The Playwright project: one per target (the proof runs many). */
  project: string;
  check: string;
  verdict: Verdict;
  reason?: string;
  answered: boolean;
}

/** What the verdict annotation carries besides: for the verdict block only. */
interface ForPeople {
  message?: string;
  findings?: string[];
}

export default class SummaryReporter implements Reporter {
  readonly #lines: Record<(typeof SHOWN)[number], string[]> = { warning: [], retry: [], latency: [], trackers: [] };
  readonly #checks: RecordedCheck[] = [];
  /** What each test judged: its checks' verdicts, or the test's own outcome when it ran no check. */
  readonly #judged: Judged[] = [];
  /** The verdict block: one line per check (or per test that ran none), a failure's groups under it. */
  readonly #block: string[] = [];
  readonly #results: WrittenResult[] = [];
  readonly #verdictFile: string | undefined;
  readonly #checkResultFile: string | undefined;
  #tests = 0;
  #projects = new Set<string>();

  constructor(options: { verdictFile?: string; checkResultFile?: string } = {}) {
    this.#verdictFile = options.verdictFile;
    this.#checkResultFile = options.checkResultFile;
  }

  onBegin(_config: FullConfig, suite: Suite): void {
    this.#tests = suite.allTests().length;
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const recorded: RecordedCheck[] = [];
    const shown: ForPeople[] = [];
    const project = test.parent.project()?.name ?? '';
    this.#projects.add(project);
    for (const a of test.annotations) {
      if (a.type === VERDICT_ANNOTATION && a.description) {
        const { message, findings, ...v } = JSON.parse(a.description) as Omit<RecordedCheck, 'project'> & ForPeople;
        recorded.push({ project, ...v });
        shown.push({ message, findings });
      }
      const kind = (a.type === HIDDEN_WARNING_ANNOTATION ? 'warning' : a.type) as (typeof SHOWN)[number];
      if (SHOWN.includes(kind) && a.description) this.#lines[kind].push(a.description);
    }
    const results = (result.attachments ?? []).flatMap((a) =>
      a.name === 'check-result.json' && a.body ? [JSON.parse(a.body.toString('utf8')) as CheckResult] : [],
    );
    this.#results.push(...results.map((r) => ({ project, test: test.title, result: r })));
    this.#block.push(...blockLines(project, test, result, recorded, shown));
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
      // A line a group (src/group-findings.ts), each with its count: a count of lines would mislead.
      out.push(`  warnings (tolerated; they do not fail the gate):`);
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
    // One project: its name once, in the header; several (the proof's targets): on every line.
    const many = this.#projects.size > 1;
    const named = this.#block.map((l) => (many ? l : l.replace(/^\[[^\]]*\] /, '')));
    if (named.length > 0) out.push(`  verdict${many ? '' : ` (${[...this.#projects][0]})`}:`, ...named.map((l) => `    ${l}`));
    out.push(`  gate: ${words[verdict]}`);
    process.stdout.write(`\n${out.join('\n')}\n`);
    if (this.#verdictFile) {
      mkdirSync(dirname(this.#verdictFile), { recursive: true });
      writeFileSync(this.#verdictFile, `${JSON.stringify({ verdict, exitCode, checks: this.#checks }, null, 2)}\n`);
    }
    if (this.#checkResultFile) {
      mkdirSync(dirname(this.#checkResultFile), { recursive: true });
      writeFileSync(this.#checkResultFile, `${JSON.stringify({ checks: this.#results }, null, 2)}\n`);
    }
  }

  printsToStdio(): boolean {
    return true;
  }
}

/**
 * A test's lines in the verdict block, each prefixed with its project ("[sandbox] "): a line per check it
 * ran, a failure's groups of findings under it; a test that ran no check, one line with its outcome, a
 * skip with its reason.
 */
function blockLines(
  project: string,
  test: TestCase,
  result: TestResult,
  recorded: RecordedCheck[],
  shown: ForPeople[],
): string[] {
  const at = `[${project}] `;
  if (result.status === 'skipped') {
    const why = test.annotations.find((a) => a.type === 'skip')?.description;
    return [`${at}skip  ${test.title}${why ? `: ${why}` : ''}`];
  }
  if (recorded.length === 0) {
    const passed = result.status === 'passed';
    const first = passed ? '' : `: ${(result.error?.message ?? result.status).split('\n')[0]}`;
    return [`${at}${passed ? 'pass' : 'FAIL'}  ${test.title}${first}`];
  }
  return recorded.flatMap((c, i) => {
    const { message = '', findings = [] } = shown[i] ?? {};
    const head = `${at}${WORDS[c.verdict].padEnd(4)}  ${c.check.padEnd(9)} `;
    if (c.verdict === 'pass') return [`${head}${message}`];
    if (findings.length === 0) return [`${head}${c.reason}: ${message}`];
    const more = findings.length > VERDICT_BLOCK_GROUPS ? [`${at}        … more in check-result.json`] : [];
    return [`${head}${c.reason}:`, ...findings.slice(0, VERDICT_BLOCK_GROUPS).map((g) => `${at}        ${g}`), ...more];
  });
}
