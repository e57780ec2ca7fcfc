// The report's four formats from one hand-made report: the same figures in each, the JSON fields
// the issue names, and hostile strings (a window's name and reason, a label value) shown as text:
// printable in text, escaped in Markdown and HTML, which loads nothing from anywhere.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { stepGrid } from '../../../../monitor/slo/report-fetch.ts';
import { duration, md, reportJson, reportMarkdown, reportText } from '../../../../monitor/slo/report-format.ts';
import { reportHtml } from '../../../../monitor/slo/report-html.ts';
import { buildReport, type LocationCounts } from '../../../../monitor/slo/report.ts';
import type { SloSpecObjective } from '../../../../src/types.generated.ts';

const T0 = Date.UTC(2025, 10, 1) / 1000;
const HOSTILE = '<img src=x onerror=alert(1)>*[x](javascript:alert(2))*|\u001b[31m';
const grid = stepGrid(T0, T0 + 100 * 60, 60);
const slo = (name: string, objective: number): SloSpecObjective => ({
  name,
  objective,
  description: `about ${name}`,
  sli: { events: { error_query: 'e[{{.window}}]', total_query: 't[{{.window}}]' } },
  alerting: { name: 'A' },
});
const series = (badAt: number[]): LocationCounts => ({
  bad: Array.from({ length: 100 }, (_v, i) => (badAt.includes(i) ? 1 : 0)),
  total: Array(100).fill(1),
});
const report = buildReport(
  {
    service: 'capillary-customer-trackers',
    spec: 'monitor/slo/trackers.slo.yml',
    prometheus: 'http://prometheus:9090',
    inProgress: false,
  },
  {
    grid,
    windows: [{ name: HOSTILE, reason: HOSTILE, targets: [HOSTILE], start: T0 + 50 * 60, end: T0 + 55 * 60 }],
    slos: [
      // 99% of 95 probes (5 excluded) allows 0.95 bad ones: 1 (the other is excluded) misses it.
      {
        slo: slo('trackers-availability', 99),
        counts: new Map([
          [
            HOSTILE,
            {
              locations: new Map([['', series([10, 52])]]),
              reasons: new Map([[HOSTILE, [...Array(10).fill(0), 1, ...Array(89).fill(0)]]]),
            },
          ],
        ]),
      },
      {
        slo: slo('not-found-availability', 90),
        counts: new Map([['eu', { locations: new Map([['', series([20, 21, 22])]]), reasons: new Map() }]]),
      },
      { slo: slo('trackers-latency', 99), counts: new Map() },
    ],
  },
);

describe('the report’s formats', () => {
  const json = JSON.parse(reportJson(report)) as {
    verdict: string;
    slos: {
      name: string;
      target: string | null;
      objective: number;
      sli: number | null;
      budgetRemaining: number | null;
      incidents: { start: string; end: string; reason: string | null }[];
    }[];
  };
  test('JSON: slos[].name, objective, sli, budgetRemaining, incidents[].start, end and reason', () => {
    assert.equal(json.verdict, 'missed');
    assert.deepEqual(
      json.slos.map((s) => [s.name, s.target, s.objective, s.sli, s.budgetRemaining, s.incidents]),
      [
        [
          'trackers-availability',
          HOSTILE,
          99,
          Number((100 * (1 - 1 / 95)).toPrecision(12)),
          Number((1 - 1 / 0.95).toPrecision(12)),
          [{ start: '2025-11-01T00:10:00Z', end: '2025-11-01T00:11:00Z', reason: HOSTILE }].map((i) => ({
            ...i,
            durationSeconds: 60,
            reasons: { [HOSTILE]: 1 },
            badProbes: 1,
            budgetSpent: Number((1 / 0.95).toPrecision(12)),
          })),
        ],
        [
          'not-found-availability',
          'eu',
          90,
          97,
          0.7,
          [
            {
              start: '2025-11-01T00:20:00Z',
              end: '2025-11-01T00:23:00Z',
              reason: null,
              durationSeconds: 180,
              reasons: {},
              badProbes: 3,
              budgetSpent: 0.3,
            },
          ],
        ],
        ['trackers-latency', null, 99, null, null, []],
      ],
    );
  });
  test('text, Markdown and HTML: the same figures', () => {
    const figures = [
      '98.9474%',
      '-5.26%',
      '105.26%',
      '97.0000%',
      '70.00%',
      '30.00%',
      '2025-11-01T00:20:00Z',
      '2025-11-01T00:23:00Z',
      '3m',
      '0.95 bad probes',
      '5m',
    ];
    for (const [format, text] of [
      ['text', reportText(report)],
      ['markdown', reportMarkdown(report)],
      ['html', reportHtml(report)],
    ] as const)
      for (const f of figures) assert.ok(text.includes(f), `${format} lacks ${f}`);
  });
  test('text: one line per figure, the verdict last; a hostile string printable', () => {
    const text = reportText(report);
    assert.ok(!text.includes('\u001b'));
    assert.match(text.trimEnd().split('\n').at(-1)!, /^MISSED: trackers-availability, target .* ran out of error budget$/);
    assert.match(text, /^NO DATA trackers-latency\n {8}objective 99%: no probes in the period$/m);
  });
  test('Markdown: a hostile string is escaped, so it makes no link, image, HTML or table column', () => {
    const markdown = reportMarkdown(report);
    assert.doesNotMatch(markdown, /(?<!\\)[<[]/);
    assert.ok(markdown.includes('\\<img src=x onerror=alert(1)\\>\\*\\[x\\](javascript:alert(2))\\*\\|'));
    assert.equal(md('# heading'), '\\# heading');
    assert.equal(md('http_5xx'), 'http_5xx');
  });
  test('HTML: one page that loads nothing, a burn-down chart per SLO with probes, hostile strings as text', () => {
    const html = reportHtml(report);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">/);
    // Attribute values emptied first: an escaped string in one is text. The match, if any, rather than the whole page.
    const markup = html.replace(/"[^"]*"/g, '""');
    assert.equal(/<(script|img|link|iframe|object)|<[a-z]+[^>]*\s(src|href)=|url\(/i.exec(markup)?.[0], undefined);
    assert.ok(!html.includes('\u001b'));
    assert.equal(html.match(/<svg class="burn-down"/g)?.length, 2);
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
    // The excluded window shaded, the incidents marked.
    assert.equal(html.match(/<rect class="excluded"/g)?.length, 1);
    assert.equal(html.match(/<rect class="incident"/g)?.length, 2);
  });
  test('durations read as people write them', () => {
    assert.deepEqual([0, 59, 60, 90, 5400, 86_400, 2_592_000, 90_061].map(duration), [
      '0s',
      '59s',
      '1m',
      '1m 30s',
      '1h 30m',
      '1d',
      '30d',
      '1d 1h',
    ]);
  });
});
