// Findings for people: one line each, path first, then the rule, the message and the value seen.
// Every part is escaped and bounded (src/show-value.ts): a path or message can quote a key the
// server sent, and a line must stay one short line whatever the response was.
import { printable, showValue } from './show-value.ts';
import type { Finding, ValidationResult } from './validate.ts';

const MAX_PATH_CHARS = 80;
const MAX_RULE_CHARS = 32;
const MAX_MESSAGE_CHARS = 160;
/** No line of formatFinding is longer, whatever the finding holds. */
export const MAX_FINDING_LINE_CHARS = 512;

export function formatFinding(f: Finding): string {
  const seen = 'value' in f ? ` (seen: ${showValue(f.value)})` : '';
  const line = `${printable(f.path, MAX_PATH_CHARS)} [${printable(f.rule, MAX_RULE_CHARS)}] ${printable(f.message, MAX_MESSAGE_CHARS)}${seen}`;
  if (line.length <= MAX_FINDING_LINE_CHARS) return line;
  // The parts are bounded one by one; this is the backstop for their sum. Never half a surrogate pair.
  let end = MAX_FINDING_LINE_CHARS - 1;
  if (/[\ud800-\udbff]/.test(line.charAt(end - 1))) end--;
  return `${line.slice(0, end)}…`;
}

/** Every error, then every warning, then a one-line verdict. */
export function formatResult(result: ValidationResult, label = 'response'): string {
  const lines: string[] = [];
  for (const e of result.errors) lines.push(`  ERROR   ${formatFinding(e)}`);
  for (const w of result.warnings) lines.push(`  warning ${formatFinding(w)}`);
  const verdict = result.ok ? 'valid' : 'INVALID';
  lines.push(
    `${printable(label, MAX_PATH_CHARS)}: ${verdict} ${result.kind} envelope, ${result.trackerCount} tracker(s), ${result.errors.length} error(s), ${result.warnings.length} warning(s)`,
  );
  return lines.join('\n');
}
