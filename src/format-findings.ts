// Findings for people: one line each, path first, then the rule, the message and the value seen.
// Every part is escaped and bounded (src/show-value.ts): a path or message can quote a key the
// server sent, and a line must stay one short line whatever the response was.
import { groupFindings, type FindingGroup } from './group-findings.ts';
import { printable, showValue } from './show-value.ts';
import type { Finding, ValidationResult } from './validate.ts';

const MAX_PATH_CHARS = 80;
const MAX_RULE_CHARS = 32;
const MAX_MESSAGE_CHARS = 160;
/** No line of formatFinding is longer, whatever the finding holds. */
export const MAX_FINDING_LINE_CHARS = 512;

export function formatFinding(f: Finding): string {
  const seen = 'value' in f ? ` (seen: ${showValue(f.value)})` : '';
  return bounded(
    `${printable(f.path, MAX_PATH_CHARS)} [${printable(f.rule, MAX_RULE_CHARS)}] ${printable(f.message, MAX_MESSAGE_CHARS)}${seen}`,
  );
}

/** A finding's line, cut at MAX_FINDING_LINE_CHARS. */
export function bounded(line: string): string {
  if (line.length <= MAX_FINDING_LINE_CHARS) return line;
  // The parts are bounded one by one; this is the backstop for their sum. Never half a surrogate pair.
  let end = MAX_FINDING_LINE_CHARS - 1;
  if (/[\ud800-\udbff]/.test(line.charAt(end - 1))) end--;
  return `${line.slice(0, end)}…`;
}

/**
 * One line for a group. A group of one is the finding itself (its real path); a larger one names the
 * pattern, how many, and the first value seen:
 * `$.data[*].id [type] must be integer: 97 of 97 trackers, first seen "9737"`.
 * `trackerCount` (the trackers in data[]) gives "of N trackers"; without it, or off data[], "N times".
 */
export function formatGroup(g: FindingGroup, trackerCount?: number): string {
  if (g.count === 1) return formatFinding(g.first);
  const seen = 'value' in g.first ? `, first seen ${showValue(g.first.value)}` : '';
  const howMany =
    g.trackers !== undefined && trackerCount !== undefined && trackerCount >= g.trackers
      ? g.count === g.trackers
        ? `${g.trackers} of ${trackerCount} trackers`
        : `${g.count} times in ${g.trackers} of ${trackerCount} trackers`
      : `${g.count} times`;
  return bounded(
    `${printable(g.pattern, MAX_PATH_CHARS)} [${printable(g.rule, MAX_RULE_CHARS)}] ${printable(g.first.message, MAX_MESSAGE_CHARS)}: ${howMany}${seen}`,
  );
}

/** Every group, one line each, errors first. */
export function formatGroups(errors: readonly Finding[], warnings: readonly Finding[] = [], trackerCount?: number): string[] {
  return groupFindings(errors, warnings).map((g) => formatGroup(g, trackerCount));
}

/** Every error group, then every warning group (src/group-findings.ts), then a one-line verdict. */
export function formatResult(result: ValidationResult, label = 'response'): string {
  const lines: string[] = [];
  for (const g of groupFindings(result.errors, result.warnings))
    lines.push(`  ${g.severity === 'error' ? 'ERROR  ' : 'warning'} ${formatGroup(g, result.trackerCount)}`);
  const verdict = result.ok ? 'valid' : 'INVALID';
  lines.push(
    `${printable(label, MAX_PATH_CHARS)}: ${verdict} ${result.kind} envelope, ${result.trackerCount} tracker(s), ${result.errors.length} error(s), ${result.warnings.length} warning(s)`,
  );
  return lines.join('\n');
}
