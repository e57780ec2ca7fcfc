// Just enough PromQL reading to answer "which metrics and labels does this expression use?",
// so that a dashboard or a rule referring to a metric the monitor does not export fails a test
// instead of drawing an empty panel. Not a parser: it tokenises and tracks selectors, function
// calls and grouping clauses, which covers what dashboards and alert rules are written with.

export interface SelectorRef {
  /** The metric name as written (a histogram series keeps its _bucket/_sum/_count suffix). */
  metric: string;
  /** Label names in the selector's matchers, e.g. ['target', 'check']. */
  labels: string[];
}

export interface ExprRefs {
  selectors: SelectorRef[];
  /** Labels named in by/without/on/ignoring/group_left/group_right clauses. */
  groupingLabels: string[];
}

const KEYWORDS = new Set(['and', 'or', 'unless', 'bool', 'offset', 'atan2', 'inf', 'nan', 'start', 'end']);
const GROUPING = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right']);

type Token = { kind: 'ident' | 'matchers' | 'open' | 'other'; text: string };

function tokenize(expr: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < expr.length) {
    const rest = expr.slice(i);
    const c = expr[i]!;
    let m: RegExpMatchArray | null;
    if (/\s/.test(c)) i++;
    else if (c === '#') i += rest.indexOf('\n') + 1 || rest.length;
    else if (c === '"' || c === "'" || c === '`') {
      m = rest.match(c === '`' ? /^`[^`]*`/ : c === '"' ? /^"(?:[^"\\]|\\.)*"/ : /^'(?:[^'\\]|\\.)*'/);
      if (!m) throw new SyntaxError(`unterminated string in: ${expr}`);
      tokens.push({ kind: 'other', text: m[0] });
      i += m[0].length;
    } else if (c === '{') {
      m = rest.match(/^\{(?:[^}"']|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')*\}/);
      if (!m) throw new SyntaxError(`unterminated {...} in: ${expr}`);
      tokens.push({ kind: 'matchers', text: m[0] });
      i += m[0].length;
    } else if (c === '[') {
      // A range or subquery duration, possibly a Grafana variable ([$__rate_interval]): not a name.
      const end = rest.indexOf(']');
      if (end < 0) throw new SyntaxError(`unterminated [...] in: ${expr}`);
      i += end + 1;
    } else if (c === '$') {
      // A Grafana variable outside a string, e.g. `> $threshold`.
      m = rest.match(/^\$(\{[^}]*\}|\w+)/);
      i += m ? m[0].length : 1;
    } else if ((m = rest.match(/^(?:0x[0-9a-f]+|(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)(?:[smhdwy]|ms)*/i))) {
      tokens.push({ kind: 'other', text: m[0] });
      i += m[0].length;
    } else if ((m = rest.match(/^[a-zA-Z_:][a-zA-Z0-9_:]*/))) {
      tokens.push({ kind: 'ident', text: m[0] });
      i += m[0].length;
    } else if (c === '(') {
      tokens.push({ kind: 'open', text: c });
      i++;
    } else {
      tokens.push({ kind: 'other', text: c });
      i++;
    }
  }
  return tokens;
}

function matcherLabels(block: string): string[] {
  const names: string[] = [];
  const re = /([a-zA-Z_][a-zA-Z0-9_]*)\s*(?:=~|!~|!=|=)\s*(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`)/g;
  for (const m of block.matchAll(re)) names.push(m[1]!);
  return names;
}

/** Metric selectors and grouping labels of one PromQL expression (Grafana variables allowed). */
export function refsOf(expr: string): ExprRefs {
  const tokens = tokenize(expr);
  const selectors: SelectorRef[] = [];
  const groupingLabels: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    if (t.kind === 'matchers') {
      // Only reached for a selector without a metric name ({__name__=~"..."}): name the problem.
      throw new SyntaxError(`selector without a metric name: ${t.text} in: ${expr}`);
    }
    if (t.kind !== 'ident') continue;
    if (GROUPING.has(t.text)) {
      if (next?.kind === 'open') {
        let j = i + 2;
        for (; j < tokens.length && tokens[j]!.text !== ')'; j++) {
          if (tokens[j]!.kind === 'ident') groupingLabels.push(tokens[j]!.text);
        }
        i = j;
      }
      continue;
    }
    if (next?.kind === 'open') continue; // a function or an aggregation: sum(, rate(, histogram_quantile(
    if (next?.kind === 'ident' && GROUPING.has(next.text)) continue; // an aggregation: sum by (...) (...)
    if (KEYWORDS.has(t.text.toLowerCase())) continue;
    if (next?.kind === 'matchers') {
      selectors.push({ metric: t.text, labels: matcherLabels(next.text) });
      i++;
    } else {
      selectors.push({ metric: t.text, labels: [] });
    }
  }
  return { selectors, groupingLabels };
}

/** A Grafana `label_values(metric{...}, label)` / `label_values(label)` variable query as an expression and a label. */
export function labelValuesQuery(query: string): { expr?: string; label: string } | undefined {
  const m = query.trim().match(/^label_values\(\s*(?:(.*),\s*)?([a-zA-Z_][a-zA-Z0-9_]*)\s*\)$/s);
  if (!m) return undefined;
  return { expr: m[1]?.trim() || undefined, label: m[2]! };
}
