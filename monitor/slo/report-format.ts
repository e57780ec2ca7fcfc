// The SLO report as JSON, text and Markdown (report-html.ts makes the page). Every format shows the
// same figures, formatted by the same functions. Strings from outside (label values, window names
// and reasons) are made printable in text and escaped in Markdown.
import { printable } from '../../src/show-value.ts';
import type { ExcludedWindow, Incident, SloReport, SloRow, SloVerdict } from './report.ts';

export const FORMATS = ['text', 'markdown', 'json', 'html'] as const;
export type ReportFormat = (typeof FORMATS)[number];

export const iso = (epochSeconds: number): string => new Date(epochSeconds * 1000).toISOString().replace('.000Z', 'Z');

/** 90 → "1m 30s", 5400 → "1h 30m", 2592000 → "30d". */
export function duration(seconds: number): string {
  const parts: string[] = [];
  let left = Math.round(seconds);
  for (const [unit, size] of [
    ['d', 86_400],
    ['h', 3600],
    ['m', 60],
    ['s', 1],
  ] as const) {
    const n = Math.floor(left / size);
    left -= n * size;
    if (n > 0) parts.push(`${n}${unit}`);
  }
  return parts.length === 0 ? '0s' : parts.slice(0, 2).join(' ');
}

/** A ratio as a percentage with `digits` decimals ("18.98%"); a dash for none. */
export function percent(ratio: number | null, digits = 2): string {
  return ratio === null || !Number.isFinite(ratio) ? '—' : `${(100 * ratio).toFixed(digits)}%`;
}

/** The SLI, a percentage already, with enough decimals to tell it from a 99.9 objective. */
export const sliText = (sli: number | null): string => (sli === null ? '—' : `${sli.toFixed(4)}%`);

/** A count of probes: whole with thousands separators, or two decimals (a fleet's mean). */
export function count(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString('en-US') : n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

export const VERDICT_WORD: Record<SloVerdict, string> = { met: 'MET', missed: 'MISSED', no_data: 'NO DATA' };

export const rowTitle = (r: SloRow): string => (r.target === null ? r.name : `${r.name}, target ${r.target}`);

export const reasonText = (i: Incident): string => i.reason ?? 'no failed probe';

/** The verdict's sentence: what was missed, or that all was met. */
export function verdictLine(report: SloReport): string {
  const missed = report.rows.filter((r) => r.verdict === 'missed').map(rowTitle);
  if (report.verdict === 'missed') return `MISSED: ${missed.join('; ')} ran out of error budget`;
  if (report.verdict === 'met') return 'MET: every SLO with probes in the period kept within its error budget';
  return 'NO DATA: no probes of any SLO in the period';
}

function windowLine(w: ExcludedWindow, show: (s: string) => string): string {
  const scope = w.targets === undefined ? 'all targets' : `targets ${w.targets.map(show).join(', ')}`;
  const why = w.reason === undefined ? '' : `: ${show(w.reason)}`;
  return `${show(w.name)} (${iso(w.start)} to ${iso(w.end)}, ${scope})${why}`;
}

const periodLine = (r: SloReport): string =>
  `${iso(r.grid.from)} to ${iso(r.grid.to)}${r.inProgress ? ' (now: not over yet)' : ''}, ${duration(r.grid.to - r.grid.from)} in steps of ${duration(r.grid.step)}`;

const shown = (s: string) => printable(s, 120);

export function reportText(report: SloReport): string {
  const lines = [
    `SLO report: ${shown(report.service)}`,
    `Period: ${periodLine(report)}`,
    `Prometheus: ${report.prometheus}; SLOs of ${shown(report.spec)}`,
    report.windows.length === 0 ? 'Excluded windows: none' : 'Excluded windows:',
    ...report.windows.map((w) => `  ${windowLine(w, shown)}`),
    '',
  ];
  for (const r of report.rows) {
    lines.push(`${VERDICT_WORD[r.verdict].padEnd(7)} ${shown(rowTitle(r))}`);
    const pad = ' '.repeat(8);
    if (r.verdict === 'no_data') {
      lines.push(`${pad}objective ${r.objective}%: no probes in the period`, '');
      continue;
    }
    const where = r.locations.length > 1 ? `, the fleet's view of ${r.locations.length} locations` : '';
    lines.push(
      `${pad}objective ${r.objective}%, SLI ${sliText(r.sli)} (${count(r.badProbes)} bad of ${count(r.probes)} probes${where})`,
      `${pad}error budget ${count(r.budgetProbes)} bad probes: ${percent(r.budgetSpent)} spent, ${percent(r.budgetRemaining)} remaining`,
      `${pad}incidents: ${r.incidents.length === 0 ? 'none' : r.incidents.length}`,
    );
    for (const i of r.incidents)
      lines.push(
        `${pad}  ${iso(i.start)} to ${iso(i.end)}  ${duration(i.durationSeconds).padEnd(7)}  ${shown(reasonText(i))}: ${count(i.badProbes)} bad, ${percent(i.budgetSpent)} of the budget`,
      );
    lines.push(
      `${pad}excluded: ${r.excluded.length === 0 ? 'none' : `${duration(r.excludedSeconds)} (${r.excluded.map((w) => shown(w.name)).join(', ')})`}`,
      '',
    );
  }
  lines.push(printable(verdictLine(report), 2000));
  return `${lines.join('\n')}\n`;
}

/**
 * Text for a Markdown line or table cell: printable, with what CommonMark and GFM could read as markup escaped (an
 * underscore inside a word, as in http_5xx, is not emphasis and stays as it is), and a block marker at its start.
 */
export function md(text: string, max = 200): string {
  return printable(text, max)
    .replace(/[\\`*[\]<>|~&]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, (c) => `\\${c}`)
    .replace(/^([#+-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

export function reportMarkdown(report: SloReport): string {
  const out = [
    `# SLO report: ${md(report.service)}`,
    '',
    `${md(periodLine(report))}; Prometheus ${md(report.prometheus)}; SLOs of ${md(report.spec)}.`,
    '',
    `**${md(verdictLine(report), 2000)}**`,
    '',
    '| SLO | target | objective | SLI | budget spent | budget remaining | incidents | verdict |',
    '| --- | --- | --: | --: | --: | --: | --: | --- |',
    ...report.rows.map(
      (r) =>
        `| ${md(r.name)} | ${r.target === null ? '—' : md(r.target)} | ${r.objective}% | ${sliText(r.sli)} | ${percent(r.budgetSpent)} | ${percent(r.budgetRemaining)} | ${r.incidents.length} | ${VERDICT_WORD[r.verdict]} |`,
    ),
    '',
    '## Excluded windows',
    '',
    ...(report.windows.length === 0 ? ['None.'] : report.windows.map((w) => `- ${windowLine(w, md)}`)),
  ];
  for (const r of report.rows) {
    out.push('', `## ${md(rowTitle(r))}`, '');
    if (r.description !== undefined) out.push(md(r.description, 2000), '');
    if (r.verdict === 'no_data') {
      out.push('No probes in the period.');
      continue;
    }
    out.push(
      `Objective ${r.objective}%, SLI ${sliText(r.sli)}: ${count(r.badProbes)} bad of ${count(r.probes)} probes. ` +
        `Error budget ${count(r.budgetProbes)} bad probes: ${percent(r.budgetSpent)} spent, ${percent(r.budgetRemaining)} remaining.` +
        (r.excluded.length === 0
          ? ''
          : ` Excluded: ${duration(r.excludedSeconds)} (${r.excluded.map((w) => md(w.name)).join(', ')}).`),
      '',
    );
    if (r.incidents.length === 0) {
      out.push('No incidents.');
      continue;
    }
    out.push('| start | end | duration | main reason | bad probes | budget spent |', '| --- | --- | --: | --- | --: | --: |');
    for (const i of r.incidents)
      out.push(
        `| ${iso(i.start)} | ${iso(i.end)} | ${duration(i.durationSeconds)} | ${md(reasonText(i))} | ${count(i.badProbes)} | ${percent(i.budgetSpent)} |`,
      );
  }
  return `${out.join('\n')}\n`;
}

function windowJson(w: ExcludedWindow) {
  return {
    name: w.name,
    ...(w.reason === undefined ? {} : { reason: w.reason }),
    targets: w.targets ?? null,
    start: iso(w.start),
    end: iso(w.end),
  };
}

/** The JSON document: times as RFC 3339, objective and SLI in percent, budgets as fractions of the budget. */
export function reportJson(report: SloReport): string {
  const finite = (x: number | null) => (x === null || !Number.isFinite(x) ? null : x);
  const doc = {
    service: report.service,
    spec: report.spec,
    prometheus: report.prometheus,
    period: {
      from: iso(report.grid.from),
      to: iso(report.grid.to),
      stepSeconds: report.grid.step,
      inProgress: report.inProgress,
    },
    verdict: report.verdict,
    excluded: report.windows.map(windowJson),
    slos: report.rows.map((r) => ({
      name: r.name,
      target: r.target,
      locations: r.locations,
      objective: r.objective,
      sli: r.sli,
      probes: r.probes,
      badProbes: r.badProbes,
      budgetProbes: r.budgetProbes,
      budgetSpent: finite(r.budgetSpent),
      budgetRemaining: finite(r.budgetRemaining),
      verdict: r.verdict,
      incidents: r.incidents.map((i) => ({
        start: iso(i.start),
        end: iso(i.end),
        durationSeconds: i.durationSeconds,
        reason: i.reason,
        reasons: i.reasons,
        badProbes: i.badProbes,
        budgetSpent: i.budgetSpent,
      })),
      excluded: r.excluded.map(windowJson),
      excludedSeconds: r.excludedSeconds,
      burnDown: r.burnDown.map(([t, v]) => [iso(t), finite(v)]),
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
