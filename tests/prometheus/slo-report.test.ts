// trackers-contract slo report against a real Prometheus serving a backfilled month: the history of
// tests/support/slo-history.ts (two locations, a restart, outages of known length) written into
// blocks by `promtool tsdb create-blocks-from openmetrics`, and a Prometheus started on them. The
// command's JSON must be the hand computation below; the other formats must show its figures; a
// window must take its outage out of the figures; an empty month has nothing to judge. Prometheus
// evaluates a month of steps per report, so it is asked twice: by the command, and once in this
// process for the formats and the windows, which only change what is done with its answers.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { main, render, reportFrom, requestOf, type ReportIo, type ReportRequest } from '../../cli/slo-report.ts';
import { collectCounts } from '../../monitor/slo/report-fetch.ts';
import type { ExcludedWindow, SloCounts, StepGrid } from '../../monitor/slo/report.ts';
import { childEnv, runToCompletion } from '../support/processes.ts';
import { programArgs } from '../support/program.ts';
import { startPrometheus, type RunningPrometheus } from '../support/prometheus.ts';
import { requireBinaries } from '../support/require-binary.ts';
import { SCRAPE_SECONDS, sloHistory } from '../support/slo-history.ts';

const gate = requireBinaries('promtool', 'prometheus');
// A hang's limit, tenfold above a loaded machine: block creation takes under a second of CPU.
const HANG_MS = 60_000;

const at = (iso: string) => Date.parse(iso) / 1000;
/** November: a probe a minute from each location. */
const PROBES = 30 * 24 * 60;

/**
 * The hand computation, from the outages of slo-history.ts: a failing minute is one bad probe at each failing location;
 * with two locations the fleet's view is the smaller ratio, so eu-central's outage of 24 November alone spends nothing.
 */
const HAND = {
  'trackers-availability': {
    objective: 99.9,
    // 24 min of 5xx on 3 November; 8 of timeouts and 2 of refused connections on 17 November.
    bad: 24 + 8 + 2,
    budget: 0.001 * PROBES, // 43.2 bad probes
    incidents: [
      { start: '2025-11-03T10:00:00Z', end: '2025-11-03T10:24:00Z', minutes: 24, reason: 'http_5xx', bad: 24 },
      // Timeouts the first 8 minutes, refused the last 2: timeout counted most.
      { start: '2025-11-17T02:00:00Z', end: '2025-11-17T02:10:00Z', minutes: 10, reason: 'timeout', bad: 10 },
    ],
  },
  'trackers-latency': {
    objective: 99,
    // eu-west's histogram: the 8 timeouts (10 s) and 6 hours of correct 1.5 s answers on 25 November.
    bad: 8 + 360,
    budget: 0.01 * PROBES, // 432
    incidents: [
      { start: '2025-11-17T02:00:00Z', end: '2025-11-17T02:08:00Z', minutes: 8, reason: 'timeout', bad: 8 },
      { start: '2025-11-25T06:00:00Z', end: '2025-11-25T12:00:00Z', minutes: 360, reason: null, bad: 360 },
    ],
  },
  'not-found-availability': {
    objective: 99.9,
    bad: 50,
    budget: 0.001 * PROBES,
    // One incident, though the report's first range query ends at 21:20 and the second begins there.
    incidents: [
      { start: '2025-11-14T21:00:00Z', end: '2025-11-14T21:50:00Z', minutes: 50, reason: 'error_code_mismatch', bad: 50 },
    ],
  },
} as const;
type SloName = keyof typeof HAND;

interface JsonRow {
  name: SloName;
  target: string | null;
  locations: string[];
  objective: number;
  sli: number;
  probes: number;
  badProbes: number;
  budgetSpent: number;
  budgetRemaining: number;
  verdict: string;
  excludedSeconds: number;
  excluded: { name: string; start: string; end: string }[];
  incidents: {
    start: string;
    end: string;
    durationSeconds: number;
    reason: string | null;
    badProbes: number;
    budgetSpent: number;
  }[];
}
interface JsonReport {
  period: { from: string; to: string; stepSeconds: number; inProgress: boolean };
  verdict: string;
  excluded: { name: string }[];
  slos: JsonRow[];
}

const close = (actual: number, expected: number, what: string) =>
  assert.ok(Math.abs(actual - expected) < 1e-9, `${what}: ${actual}, by hand ${expected}`);

describe('slo report on a backfilled month in a real Prometheus', { skip: gate.skip }, () => {
  let dir: string;
  let prometheus: RunningPrometheus | undefined;
  let request: ReportRequest;
  let collected: { grid: StepGrid; counts: SloCounts[] };
  const io: ReportIo = { env: {}, out: () => {}, err: () => {} };

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'trackers-slo-report-'));
    const history = path.join(dir, 'history.om');
    writeFileSync(history, sloHistory());
    // Blocks of up to a year: with the default of 2 h, promtool reads the whole file once per block, 363 times.
    const blocks = await runToCompletion(
      gate.path('promtool'),
      ['tsdb', 'create-blocks-from', 'openmetrics', '--quiet', '--max-block-duration=8760h', history, path.join(dir, 'tsdb')],
      { timeoutMs: HANG_MS },
    );
    assert.equal(blocks.code, 0, blocks.output);
    rmSync(history);
    prometheus = await startPrometheus({ binary: gate.path('prometheus'), targets: [], tsdb: path.join(dir, 'tsdb') });
    const asked = requestOf(['--prometheus', prometheus.url, '--month', '2025-11'], io);
    assert.ok(asked.ok && 'request' in asked, JSON.stringify(asked));
    request = asked.request;
    const answer = await collectCounts(request.api, request.queries, request.period, request.step);
    assert.ok(answer.ok, JSON.stringify(answer));
    collected = answer;
  });
  after(async () => {
    await prometheus?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the command: JSON whose SLI, budget and incidents are the hand computation; exit 1 for the missed SLO', async () => {
    const r = await runToCompletion(
      process.execPath,
      [
        ...programArgs('cli/trackers-contract.ts'),
        'slo',
        'report',
        '--prometheus',
        prometheus!.url,
        '--month',
        '2025-11',
        '-f',
        'json',
      ],
      { env: childEnv(), timeoutMs: HANG_MS },
    );
    assert.equal(r.stderr, '');
    assert.equal(r.code, 1, 'not-found-availability spent 116% of its budget');
    const doc = JSON.parse(r.stdout) as JsonReport;
    // The step is the scrape interval Prometheus's samples show.
    assert.deepEqual(doc.period, {
      from: '2025-11-01T00:00:00Z',
      to: '2025-12-01T00:00:00Z',
      stepSeconds: SCRAPE_SECONDS,
      inProgress: false,
    });
    assert.equal(doc.verdict, 'missed');
    assert.deepEqual(
      doc.slos.map((s) => [s.name, s.target]),
      Object.keys(HAND).map((name) => [name, 'eu']),
    );
    for (const row of doc.slos) {
      const hand = HAND[row.name];
      assert.equal(row.objective, hand.objective);
      // Every minute counted once: none lost or doubled across eu-west's restart on 10 November.
      assert.equal(row.probes, PROBES, `${row.name}: probes`);
      assert.equal(row.badProbes, hand.bad, `${row.name}: bad probes`);
      close(row.sli, 100 * (1 - hand.bad / PROBES), `${row.name}: SLI`);
      close(row.budgetSpent, hand.bad / hand.budget, `${row.name}: budget spent`);
      close(row.budgetRemaining, 1 - hand.bad / hand.budget, `${row.name}: budget remaining`);
      assert.equal(row.verdict, hand.bad <= hand.budget ? 'met' : 'missed');
      assert.deepEqual(
        row.incidents.map((i) => ({
          start: i.start,
          end: i.end,
          minutes: i.durationSeconds / 60,
          reason: i.reason,
          bad: i.badProbes,
        })),
        hand.incidents,
        `${row.name}: incidents`,
      );
      row.incidents.forEach((i, k) => close(i.budgetSpent, hand.incidents[k]!.bad / hand.budget, `${row.name}: incident ${k}`));
      assert.deepEqual(row.excluded, []);
    }
    assert.deepEqual(doc.slos[0]!.locations, ['eu-central', 'eu-west']);
    // What this process computes from the same answers is the command's document, to the byte.
    assert.equal(render(reportFrom(request, collected, []), 'json'), r.stdout);
  });

  test('text, Markdown and HTML show the figures of the JSON', () => {
    const report = reportFrom(request, collected, []);
    const doc = JSON.parse(render(report, 'json')) as JsonReport;
    const figures = doc.slos.flatMap((s) => [
      `${s.sli.toFixed(4)}%`,
      `${(100 * s.budgetSpent).toFixed(2)}%`,
      `${(100 * s.budgetRemaining).toFixed(2)}%`,
      ...s.incidents.flatMap((i) => [i.start, i.end, `${(100 * i.budgetSpent).toFixed(2)}%`]),
    ]);
    // As a reader checks them: trackers 99.9213% with 21.30% of its budget left; not_found overspent.
    for (const f of ['99.9213%', '21.30%', '85.19%', '-15.74%', '83.33%'])
      assert.ok(figures.includes(f), `${f} in ${figures.join(' ')}`);
    for (const format of ['text', 'markdown', 'html'] as const) {
      const out = render(report, format);
      for (const f of figures) assert.ok(out.includes(f), `${format} lacks ${f}`);
      for (const d of ['24m', '10m', '6h', '50m']) assert.ok(out.includes(d), `${format} lacks the duration ${d}`);
    }
    assert.match(render(report, 'html'), /<svg class="burn-down"[^>]*>.*<polyline class="burn" points="[\d., ]+"\/>/s);
  });

  test('an excluded window takes its outage out of every figure, for the targets it names', () => {
    const windows: ExcludedWindow[] = [
      // The 24 minutes of 5xx on 3 November, and 6 minutes either side: 18 steps of 2 minutes of eu's.
      {
        name: 'db-upgrade',
        reason: 'PostgreSQL upgrade',
        targets: ['eu'],
        start: at('2025-11-03T09:54:00Z'),
        end: at('2025-11-03T10:30:00Z'),
      },
      // Another target's: eu's not_found outage still counts.
      { name: 'us-move', targets: ['us'], start: at('2025-11-14T20:00:00Z'), end: at('2025-11-14T23:00:00Z') },
    ];
    const doc = JSON.parse(render(reportFrom(request, collected, windows), 'json')) as JsonReport;
    assert.deepEqual(
      doc.excluded.map((w) => w.name),
      ['db-upgrade', 'us-move'],
    );
    const probes = PROBES - 36;
    const bad: Record<SloName, number> = { 'trackers-availability': 10, 'trackers-latency': 368, 'not-found-availability': 50 };
    for (const row of doc.slos) {
      assert.equal(row.probes, probes, row.name);
      assert.equal(row.badProbes, bad[row.name], row.name);
      const budget = (1 - row.objective / 100) * probes;
      close(row.budgetRemaining, 1 - bad[row.name] / budget, `${row.name}: budget remaining`);
      assert.equal(row.excludedSeconds, 36 * 60);
      assert.deepEqual(
        row.excluded.map((w) => [w.name, w.start, w.end]),
        [['db-upgrade', '2025-11-03T09:54:00Z', '2025-11-03T10:30:00Z']],
      );
    }
    // The outage inside the window is no incident and spends nothing; the one after it still is one.
    assert.deepEqual(
      doc.slos[0]!.incidents.map((i) => i.start),
      ['2025-11-17T02:00:00Z'],
    );
  });

  test('a month without probes: one line, exit 3', async () => {
    let out = '';
    const errors: string[] = [];
    const code = await main(['--prometheus', prometheus!.url, '--month', '2025-09'], {
      env: {},
      out: (t) => void (out += t),
      err: (l) => void errors.push(l),
    });
    assert.equal(code, 3);
    assert.equal(out, '');
    assert.deepEqual(errors, [
      `slo report: no probes of any SLO of monitor/slo/trackers.slo.yml in Prometheus at ${prometheus!.url} from 2025-09-01T00:00:00Z to 2025-10-01T00:00:00Z: nothing to judge`,
    ]);
  });
});
