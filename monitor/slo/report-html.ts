// The SLO report as one self-contained HTML page: inline style, no script, no external asset (its
// Content-Security-Policy allows none), so it can be mailed, attached to a ticket or archived. Each
// SLO has its figures, an error-budget burn-down chart (inline SVG: the budget remaining over the
// period, excluded windows shaded, incidents marked under the axis) and its incidents. Every string
// is escaped; the figures are formatted by report-format.ts, as in the other formats.
import { printable } from '../../src/show-value.ts';
import { escapeHtml } from '../status-page.ts';
import { VERDICT_WORD, count, duration, iso, percent, reasonText, rowTitle, sliText, verdictLine } from './report-format.ts';
import type { SloReport, SloRow } from './report.ts';

const STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; color: #1d2330; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin-bottom: .25rem; } h2 { font-size: 1.15rem; margin: 0 0 .5rem; }
.meta { color: #556; margin-top: 0; }
.verdict { font-weight: 600; padding: .5rem .75rem; border-radius: 4px; }
.met { background: #e3f5e8; color: #14532d; } .missed { background: #fde4e1; color: #7f1d1d; } .no_data { background: #eceef2; color: #374151; }
table { border-collapse: collapse; margin: .5rem 0 1rem; } th, td { padding: .25rem .6rem; border-bottom: 1px solid #dde1e8; text-align: left; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
section.slo { border: 1px solid #dde1e8; border-radius: 6px; padding: 1rem; margin: 1rem 0; }
dl.figures { display: grid; grid-template-columns: max-content max-content; gap: .1rem 1rem; margin: .5rem 0; }
dl.figures dt { color: #556; } dl.figures dd { margin: 0; font-variant-numeric: tabular-nums; }
svg.burn-down { width: 100%; height: auto; max-width: 46rem; display: block; }
svg .axis { stroke: #8a93a3; } svg .grid { stroke: #e5e8ee; } svg .zero { stroke: #b42318; stroke-dasharray: 4 3; }
svg .burn { fill: none; stroke: #1f6feb; stroke-width: 2; } svg .excluded { fill: #d9dde5; opacity: .7; }
svg .incident { fill: #d92d20; } svg text { font: 11px system-ui, sans-serif; fill: #556; }
`;

const W = 720;
const H = 240;
const M = { left: 56, right: 16, top: 14, bottom: 44 };

const fixed = (x: number) => x.toFixed(1);

/** Text in the page: printable (a control character shown as its escape), then HTML-escaped. */
const e = (text: string): string => escapeHtml(printable(text, 2000));

/** The burn-down chart: budget remaining (100% at the start) against time, with the windows and incidents. */
export function burnDownSvg(row: SloRow, from: number, to: number): string {
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const values = row.burnDown.map(([, v]) => (Number.isFinite(v) ? v : -1));
  const bottom = Math.min(0, Math.floor(Math.min(...values, 0) * 10) / 10);
  const x = (t: number) => M.left + ((t - from) / Math.max(1, to - from)) * plotW;
  const y = (v: number) => M.top + ((1 - v) / (1 - bottom)) * plotH;
  const parts: string[] = [];
  for (const w of row.excluded)
    parts.push(
      `<rect class="excluded" x="${fixed(x(w.start))}" y="${M.top}" width="${fixed(Math.max(1, x(w.end) - x(w.start)))}" height="${plotH}"><title>${e(`excluded: ${w.name}`)}</title></rect>`,
    );
  const ticks = [1, 0.5, 0, ...(bottom < 0 ? [bottom] : [])];
  for (const v of ticks)
    parts.push(
      `<line class="${v === 0 ? 'zero' : 'grid'}" x1="${M.left}" x2="${W - M.right}" y1="${fixed(y(v))}" y2="${fixed(y(v))}"/>`,
      `<text x="${M.left - 6}" y="${fixed(y(v) + 4)}" text-anchor="end">${Math.round(v * 100)}%</text>`,
    );
  parts.push(
    `<line class="axis" x1="${M.left}" x2="${M.left}" y1="${M.top}" y2="${M.top + plotH}"/>`,
    `<line class="axis" x1="${M.left}" x2="${W - M.right}" y1="${M.top + plotH}" y2="${M.top + plotH}"/>`,
  );
  for (const [t, anchor] of [
    [from, 'start'],
    [(from + to) / 2, 'middle'],
    [to, 'end'],
  ] as const)
    parts.push(
      `<text x="${fixed(x(t))}" y="${H - 22}" text-anchor="${anchor}">${iso(Math.round(t)).slice(0, 16).replace('T', ' ')}</text>`,
    );
  for (const i of row.incidents)
    parts.push(
      `<rect class="incident" x="${fixed(x(i.start))}" y="${M.top + plotH + 3}" width="${fixed(Math.max(2, x(i.end) - x(i.start)))}" height="6"><title>${e(`${iso(i.start)} ${duration(i.durationSeconds)}: ${reasonText(i)}`)}</title></rect>`,
    );
  const points = row.burnDown.map(([t], k) => `${fixed(x(t))},${fixed(y(values[k]!))}`).join(' ');
  parts.push(`<polyline class="burn" points="${points}"/>`);
  parts.push(`<text x="${M.left}" y="${H - 4}">error budget remaining; red marks: incidents; grey: excluded windows</text>`);
  const label = `Error budget remaining for ${rowTitle(row)}: ${percent(row.budgetRemaining)} at the end of the period`;
  return `<svg class="burn-down" viewBox="0 0 ${W} ${H}" role="img" aria-label="${e(label)}" xmlns="http://www.w3.org/2000/svg">${parts.join('')}</svg>`;
}

function section(report: SloReport, r: SloRow): string {
  const head = `<h2>${e(rowTitle(r))} <span class="verdict ${r.verdict}">${VERDICT_WORD[r.verdict]}</span></h2>${
    r.description === undefined ? '' : `<p>${e(r.description)}</p>`
  }`;
  if (r.verdict === 'no_data')
    return `<section class="slo" data-slo="${e(r.name)}">${head}<p>No probes in the period.</p></section>`;
  const figures = [
    ['objective', `${r.objective}%`],
    ['SLI', sliText(r.sli)],
    [
      'probes',
      `${count(r.badProbes)} bad of ${count(r.probes)}${r.locations.length > 1 ? ` (fleet of ${r.locations.length} locations)` : ''}`,
    ],
    ['error budget', `${count(r.budgetProbes)} bad probes`],
    ['budget spent', percent(r.budgetSpent)],
    ['budget remaining', percent(r.budgetRemaining)],
    [
      'excluded',
      r.excluded.length === 0 ? 'none' : `${duration(r.excludedSeconds)} (${r.excluded.map((w) => w.name).join(', ')})`,
    ],
  ]
    .map(([k, v]) => `<dt>${e(k!)}</dt><dd data-figure="${e(k!)}">${e(v!)}</dd>`)
    .join('');
  const incidents =
    r.incidents.length === 0
      ? '<p>No incidents.</p>'
      : `<table class="incidents"><thead><tr><th>start</th><th>end</th><th class="num">duration</th><th>main reason</th><th class="num">bad probes</th><th class="num">budget spent</th></tr></thead><tbody>${r.incidents
          .map(
            (i) =>
              `<tr><td>${iso(i.start)}</td><td>${iso(i.end)}</td><td class="num">${duration(i.durationSeconds)}</td><td>${e(reasonText(i))}</td><td class="num">${count(i.badProbes)}</td><td class="num">${percent(i.budgetSpent)}</td></tr>`,
          )
          .join('')}</tbody></table>`;
  const target = r.target === null ? '' : ` data-target="${e(r.target)}"`;
  return `<section class="slo" data-slo="${e(r.name)}"${target}>${head}<dl class="figures">${figures}</dl>${burnDownSvg(r, report.grid.from, report.grid.to)}${incidents}</section>`;
}

export function reportHtml(report: SloReport): string {
  const windows =
    report.windows.length === 0
      ? '<p>Excluded windows: none.</p>'
      : `<table class="windows"><thead><tr><th>excluded window</th><th>start</th><th>end</th><th>targets</th><th>reason</th></tr></thead><tbody>${report.windows
          .map(
            (w) =>
              `<tr><td>${e(w.name)}</td><td>${iso(w.start)}</td><td>${iso(w.end)}</td><td>${w.targets === undefined ? 'all' : e(w.targets.join(', '))}</td><td>${e(w.reason ?? '')}</td></tr>`,
          )
          .join('')}</tbody></table>`;
  const summary = `<table class="summary"><thead><tr><th>SLO</th><th>target</th><th class="num">objective</th><th class="num">SLI</th><th class="num">budget spent</th><th class="num">budget remaining</th><th class="num">incidents</th><th>verdict</th></tr></thead><tbody>${report.rows
    .map(
      (r) =>
        `<tr><td>${e(r.name)}</td><td>${r.target === null ? '—' : e(r.target)}</td><td class="num">${r.objective}%</td><td class="num">${sliText(r.sli)}</td><td class="num">${percent(r.budgetSpent)}</td><td class="num">${percent(r.budgetRemaining)}</td><td class="num">${r.incidents.length}</td><td>${VERDICT_WORD[r.verdict]}</td></tr>`,
    )
    .join('')}</tbody></table>`;
  const title = `SLO report: ${report.service}, ${iso(report.grid.from).slice(0, 10)} to ${iso(report.grid.to).slice(0, 10)}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>SLO report: ${e(report.service)}</h1>
<p class="meta">${iso(report.grid.from)} to ${iso(report.grid.to)}${report.inProgress ? ' (not over yet)' : ''}, ${duration(report.grid.to - report.grid.from)} in steps of ${duration(report.grid.step)}. Prometheus ${e(report.prometheus)}; SLOs of ${e(report.spec)}.</p>
<p class="verdict ${report.verdict}">${e(verdictLine(report))}</p>
${summary}
${windows}
${report.rows.map((r) => section(report, r)).join('\n')}
</body>
</html>
`;
}
