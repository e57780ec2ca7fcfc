// The closing count of npm test: its suites run under two runners, node:test (spec reporter:
// `ℹ pass N`, TAP: `# pass N`) and Playwright (`  N passed (1.2s)`, `  N failed`), and each
// prints only its own summary. The same patterns as .ci/run, which adds them up the same way.
export interface TestTotals {
  passed: number;
  failed: number;
}

const PATTERNS: readonly [keyof TestTotals, RegExp][] = [
  ['passed', /^(?:ℹ|#) pass (\d+)\s*$/gm],
  ['failed', /^(?:ℹ|#) fail (\d+)\s*$/gm],
  ['passed', /^ +(\d+) passed \(/gm],
  ['failed', /^ +(\d+) failed\s*$/gm],
];

/** Text with its ANSI colour codes removed, so that anchored patterns see what a person reads. */
export const withoutColour = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, ''); // eslint-disable-line no-control-regex

/** The sum of every runner summary in `output` (several suites' output, concatenated). */
export function countTests(output: string): TestTotals {
  const totals: TestTotals = { passed: 0, failed: 0 };
  // ANSI colour codes would hide a summary line from the anchored patterns.
  const plain = withoutColour(output);
  for (const [key, pattern] of PATTERNS) for (const m of plain.matchAll(pattern)) totals[key] += Number(m[1]);
  return totals;
}

export const formatTotals = (t: TestTotals) => `tests: ${t.passed} passed, ${t.failed} failed`;
