// Reads the Prometheus text exposition format (what /metrics serves): the sample names and,
// for each, the label names seen. Enough to check that an expression refers to real series.

export interface ExpositionIndex {
  /** Sample name (histogram series keep _bucket/_sum/_count) → label names seen on it. */
  samples: Map<string, Set<string>>;
  /** Family name → type from the # TYPE lines. */
  types: Map<string, string>;
  /** Number of sample lines (one per series). */
  seriesCount: number;
}

// A value is what Go's strconv.ParseFloat reads, as Prometheus parses it: NaN and Inf in any
// case (prom-client writes `Nan` for an empty event-loop histogram), with an optional sign.
const SAMPLE_LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{.*\})?\s+[-+]?(?:\d[\d.eE+-]*|\.\d+|inf(?:inity)?|nan)(?:\s+-?\d+)?$/i;

export function indexExposition(text: string): ExpositionIndex {
  const samples = new Map<string, Set<string>>();
  const types = new Map<string, string>();
  let seriesCount = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith('# TYPE ')) {
      const [, , name, type] = line.split(' ');
      if (name && type) types.set(name, type);
      continue;
    }
    if (line.trim() === '' || line.startsWith('#')) continue;
    const m = line.match(SAMPLE_LINE);
    if (!m) throw new SyntaxError(`not an exposition sample line: ${line}`);
    seriesCount++;
    const labels = samples.get(m[1]!) ?? new Set<string>();
    for (const l of (m[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="(?:[^"\\]|\\.)*"/g)) labels.add(l[1]!);
    samples.set(m[1]!, labels);
  }
  return { samples, types, seriesCount };
}

/**
 * What is wrong with an expression against an exposition: unknown metrics, labels a metric does
 * not have, grouping labels none of its metrics has. `extraLabels`: labels added at scrape time.
 */
export function expressionProblems(
  refs: { selectors: { metric: string; labels: string[] }[]; groupingLabels: string[] },
  index: ExpositionIndex,
  extraLabels: ReadonlySet<string> = new Set(),
): string[] {
  const problems: string[] = [];
  const available = new Set(extraLabels);
  for (const { metric, labels } of refs.selectors) {
    const has = index.samples.get(metric);
    if (!has) {
      problems.push(`unknown metric ${metric}`);
      continue;
    }
    for (const l of has) available.add(l);
    for (const l of labels) if (!has.has(l) && !extraLabels.has(l)) problems.push(`${metric} has no label ${l}`);
  }
  if (refs.selectors.length === 0) problems.push('no metric in the expression');
  for (const l of refs.groupingLabels) if (!available.has(l)) problems.push(`no metric in the expression has label ${l}`);
  return problems;
}
