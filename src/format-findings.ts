// Findings for people: one line each, path first, then the rule, the message and the value seen.
import type { Finding, ValidationResult } from './validate.ts';

const MAX_VALUE_CHARS = 120;

export function showValue(value: unknown): string {
  const text = value === undefined ? 'undefined' : JSON.stringify(value);
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS)}… (${text.length} chars)` : text;
}

export function formatFinding(f: Finding): string {
  const seen = 'value' in f ? ` (seen: ${showValue(f.value)})` : '';
  return `${f.path} [${f.rule}] ${f.message}${seen}`;
}

/** Every error, then every warning, then a one-line verdict. */
export function formatResult(result: ValidationResult, label = 'response'): string {
  const lines: string[] = [];
  for (const e of result.errors) lines.push(`  ERROR   ${formatFinding(e)}`);
  for (const w of result.warnings) lines.push(`  warning ${formatFinding(w)}`);
  const verdict = result.ok ? 'valid' : 'INVALID';
  lines.push(
    `${label}: ${verdict} ${result.kind} envelope, ${result.trackerCount} tracker(s), ${result.errors.length} error(s), ${result.warnings.length} warning(s)`,
  );
  return lines.join('\n');
}
