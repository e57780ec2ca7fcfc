// Findings grouped for people: a type change across 97 trackers is one line, not 97. Findings that
// share a severity, a rule and a path pattern (every array index read as [*]) become one group with a
// count and the first finding seen. Machine outputs (result.json, check-result.json, the bundles) keep
// every finding; this is for what a person reads: the terminal, JUnit, the HTML report, the monitor.
// The lines are formatFinding's neighbours in src/format-findings.ts (formatGroup).
import type { Finding } from './validate.ts';

export type Severity = 'error' | 'warning';

export interface FindingGroup {
  severity: Severity;
  rule: string;
  /** The path with every array index as [*]: $.data[*].id. */
  pattern: string;
  /** How many findings the group holds. */
  count: number;
  /** The first finding of the group, in the order found: its message and value stand for the group's. */
  first: Finding;
  /** The distinct trackers (indices of data[]) the findings are in, when the pattern runs over $.data[*]. */
  trackers?: number;
}

// An array index is a bracketed number; a quoted key (["a[0]"]) is kept whole, whatever it holds.
const SEGMENT = /\["(?:[^"\\]|\\.)*"\]|\[\d+\]/g;
const DATA_ITEM = /^\$\.data\[(\d+)\]/;
const OVER_DATA = '$.data[*]';

/** A finding's path with every array index as [*]. */
export function pathPattern(path: string): string {
  return path.replace(SEGMENT, (segment) => (segment.startsWith('["') ? segment : '[*]'));
}

/**
 * Group findings by severity, rule and path pattern. Errors come first, then warnings; within each, the
 * groups are in the order of their first finding, so the first line is the first thing that broke.
 */
export function groupFindings(errors: readonly Finding[], warnings: readonly Finding[] = []): FindingGroup[] {
  return [...groupOf('error', errors), ...groupOf('warning', warnings)];
}

function groupOf(severity: Severity, findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup & { items: Set<string> }>();
  for (const f of findings) {
    const pattern = pathPattern(f.path);
    const key = `${f.rule}\u0000${pattern}`;
    let g = groups.get(key);
    if (!g) {
      g = { severity, rule: f.rule, pattern, count: 0, first: f, items: new Set() };
      groups.set(key, g);
    }
    g.count++;
    const item = DATA_ITEM.exec(f.path);
    if (item && pattern.startsWith(OVER_DATA)) g.items.add(item[1]!);
  }
  return [...groups.values()].map(({ items, ...g }) => (items.size > 0 ? { ...g, trackers: items.size } : g));
}

/**
 * Where the first group is, for a field of one line (the monitor's log, the status page): the first
 * finding's path, or its pattern when the same rule broke there more than once ($.data[*].id).
 */
export function firstField(errors: readonly Finding[]): string | undefined {
  const g = groupOf('error', errors)[0];
  return g && (g.count === 1 ? g.first.path : g.pattern);
}
