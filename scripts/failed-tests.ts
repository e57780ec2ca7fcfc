// Which tests failed, read from a run's output: node:test's spec reporter ends with a
// "✖ failing tests:" section (each entry: an optional "test at FILE:LINE:COL", the "✖ name"
// line, then its error indented), and Playwright's list reporter numbers each failure
// ("  1) [project] › file:line:col › title ───") with its error below. npm test prints only
// these two reporters, so a flake list can be built from any run's transcript.
import { withoutColour } from './test-totals.ts';

export interface FailedTest {
  /** "file:line:col › name" where the runner said where, else the name alone. */
  test: string;
  /** The first lines of the error, stack frames left out. */
  error: string;
}

const ERROR_LINES = 4;

/** The first few lines of an error block, up to its stack: no source excerpt, no blanks. */
function errorOf(lines: readonly string[]): string {
  const kept: string[] = [];
  for (const line of lines.map((l) => l.trim())) {
    if (/^at /.test(line) || kept.length === ERROR_LINES) break;
    if (line !== '' && !/^>? ?\d+ \||^\|/.test(line)) kept.push(line);
  }
  return kept.join(' / ');
}

function nodeFailures(lines: readonly string[]): FailedTest[] {
  const out: FailedTest[] = [];
  let inSection = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^✖ failing tests:\s*$/.test(line)) {
      inSection = true;
      continue;
    }
    if (!inSection) continue;
    const name = /^✖ (.*?)(?: \([\d.]+m?s\))?\s*$/.exec(line);
    if (!name) {
      // Any other unindented line ends the section (the next suite's output, in a transcript).
      if (line !== '' && !/^\s/.test(line) && !/^test at /.test(line)) inSection = false;
      continue;
    }
    const at = /^test at (.*)$/.exec(lines[i - 1] ?? '')?.[1];
    const body: string[] = [];
    for (let j = i + 1; j < lines.length && (lines[j] === '' || /^\s/.test(lines[j]!)); j++) body.push(lines[j]!);
    out.push({ test: at ? `${at} › ${name[1]}` : name[1]!, error: errorOf(body) });
  }
  return out;
}

function playwrightFailures(lines: readonly string[]): FailedTest[] {
  const out: FailedTest[] = [];
  for (let i = 0; i < lines.length; i++) {
    const head = /^ {2}\d+\) (.+?) ─*\s*$/.exec(lines[i]!);
    if (!head) continue;
    const body: string[] = [];
    for (let j = i + 1; j < lines.length && !/^ {2}\S/.test(lines[j]!); j++) body.push(lines[j]!);
    out.push({ test: head[1]!, error: errorOf(body) });
  }
  return out;
}

/** Every failed test named in `output` (one or several runs' transcripts, concatenated). */
export function failedTests(output: string): FailedTest[] {
  const lines = withoutColour(output).split(/\r?\n/);
  return [...nodeFailures(lines), ...playwrightFailures(lines)];
}
