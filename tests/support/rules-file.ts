// Reads monitor/prometheus/trackers-alerts.rules.yml without a YAML library. The rules file
// keeps to a fixed layout (its header says so): `- alert: NAME`, an `expr: |` block or a
// one-line expr, and `for:` on its own line. A layout change that this reader does not
// understand fails loudly (no rule found, or an alert without expr).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const RULES_FILE = fileURLToPath(new URL('../../monitor/prometheus/trackers-alerts.rules.yml', import.meta.url));
export const RULES_TEST_FILE = fileURLToPath(new URL('../../monitor/prometheus/trackers-alerts.test.yml', import.meta.url));

export interface AlertRule {
  alert: string;
  expr: string;
  for?: string;
  severity?: string;
}

const indentOf = (line: string) => line.length - line.trimStart().length;

export function readAlertRules(text: string = readFileSync(RULES_FILE, 'utf8')): AlertRule[] {
  const lines = text.split('\n');
  const rules: AlertRule[] = [];
  let current: AlertRule | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const alert = line.match(/^\s*- alert:\s*(\S+)\s*$/);
    if (alert) {
      current = { alert: alert[1]!, expr: '' };
      rules.push(current);
      continue;
    }
    if (!current) continue;
    const expr = line.match(/^(\s*)expr:\s*(.*)$/);
    if (expr) {
      const value = expr[2]!.trim();
      if (value === '|' || value === '|-' || value === '>-' || value === '>') {
        const keyIndent = expr[1]!.length;
        const block: string[] = [];
        while (i + 1 < lines.length && (lines[i + 1]!.trim() === '' || indentOf(lines[i + 1]!) > keyIndent)) {
          block.push(lines[++i]!.trim());
        }
        current.expr = block.filter((l) => l !== '').join(value.startsWith('|') ? '\n' : ' ');
      } else {
        current.expr = value.replace(/^'(.*)'$/, '$1').replace(/^"(.*)"$/, '$1');
      }
      continue;
    }
    const forLine = line.match(/^\s*for:\s*(\S+)\s*$/);
    if (forLine) current.for = forLine[1]!;
    const severity = line.match(/^\s*severity:\s*(\S+)\s*$/);
    if (severity) current.severity = severity[1]!;
  }
  for (const r of rules) if (r.expr === '') throw new SyntaxError(`alert ${r.alert}: no expr found (layout changed?)`);
  if (rules.length === 0) throw new SyntaxError('no `- alert:` rule found (layout changed?)');
  return rules;
}

/** A copy of the rules with every `for:` replaced, for end-to-end tests that cannot wait minutes. */
export function withFor(text: string, duration: string): string {
  return text.replace(/^(\s*for:\s*)\S+\s*$/gm, `$1${duration}`);
}

/** A copy of the rules with the `for:` of one alert replaced; throws when that alert has no `for:`. */
export function withForOf(text: string, alert: string, duration: string): string {
  const start = text.search(new RegExp(`^[ \\t]*- alert:[ \\t]*${alert}[ \\t]*$`, 'm'));
  // The block ends where the next rule starts, searched from the next line on.
  const from = start < 0 ? text.length : text.indexOf('\n', start) + 1 || text.length;
  const next = text.slice(from).search(/^[ \t]*- (alert|record):/m);
  const end = next < 0 ? text.length : from + next;
  const block = start < 0 ? '' : text.slice(start, end);
  const changed = block.replace(/^([ \t]*for:[ \t]*)\S+[ \t]*$/m, `$1${duration}`);
  if (changed === block) throw new SyntaxError(`alert ${alert}: no \`for:\` to replace`);
  return text.slice(0, start) + changed + text.slice(end);
}
