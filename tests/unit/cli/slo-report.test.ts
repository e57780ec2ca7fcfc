// trackers-contract slo report's flags and faults, run in this process against a stand-in Prometheus
// (an HTTP server answering a clean month for target eu) on a manual clock: every bad input is one
// line and exit 2, a Prometheus that cannot answer or a period without probes exit 3, and no URL
// credential is ever printed. The figures themselves are tests/prometheus/slo-report.test.ts's.
import assert from 'node:assert/strict';
import http from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { exitCodeOf, main, parseStep, USAGE, type ReportIo } from '../../../cli/slo-report.ts';
import type { ExcludedWindow } from '../../../monitor/slo/report.ts';
import { ManualClock } from '../../support/manual-clock.ts';
import { closedPort } from '../monitor/helpers.ts';

type Answer = (path: string, params: URLSearchParams, res: http.ServerResponse) => void;

const answer = (res: http.ServerResponse, resultType: string, result: unknown) =>
  void res.setHeader('Content-Type', 'application/json').end(JSON.stringify({ status: 'success', data: { resultType, result } }));

/** A clean month: 61 samples an hour (a minute's scrapes), a probe a step from one location, none bad. */
const cleanMonth: Answer = (path, params, res) => {
  const query = params.get('query') ?? '';
  if (query.startsWith('max(')) return answer(res, 'vector', [{ metric: {}, value: [0, '61'] }]);
  const value = /result="failure"|_bucket|failures_total/.test(query) ? '0' : '1';
  const metric = { target: 'eu', location: 'eu-west' };
  if (path === '/api/v1/query') return answer(res, 'vector', [{ metric, value: [Number(params.get('time')), value] }]);
  const values: [number, string][] = [];
  for (let t = Number(params.get('start')); t <= Number(params.get('end')); t += Number(params.get('step')))
    values.push([t, value]);
  answer(res, 'matrix', [{ metric, values }]);
};

async function serve(handler: Answer): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    handler(url.pathname, url.searchParams, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** 2026-01-11T00:00:00Z. */
function clockAtJanuary11(): ManualClock {
  const clock = new ManualClock();
  clock.advance(10 * 86_400_000);
  return clock;
}

async function run(args: string[], options: { env?: Record<string, string>; windows?: ExcludedWindow[] } = {}) {
  let out = '';
  const err: string[] = [];
  const io: ReportIo = {
    env: options.env ?? {},
    out: (t) => void (out += t),
    err: (l) => void err.push(l),
    clock: clockAtJanuary11(),
    windows: options.windows ?? [],
  };
  const code = await main(args, io);
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'slo-report-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('slo report: usage errors are one line and exit 2, before Prometheus is asked', () => {
  const cases: [string, string[], Record<string, string>, string][] = [
    ['an unknown flag', ['--window', '28d'], {}, 'slo report: unknown option --window (see --help)'],
    [
      'an unknown format',
      ['-p', 'http://p:9090', '--format', 'pdf'],
      {},
      'slo report: --format "pdf" is not one of text, markdown, json, html',
    ],
    [
      'a step that is no duration',
      ['-p', 'http://p:9090', '--step', '0s'],
      {},
      'slo report: --step "0s" is not a duration such as 15s, 1m or 1h',
    ],
    [
      'no Prometheus',
      [],
      {},
      'slo report: which Prometheus? Give --prometheus URL or set PROMETHEUS_URL (e.g. http://prometheus:9090)',
    ],
    [
      'a bad PROMETHEUS_URL, its credentials unshown',
      [],
      { PROMETHEUS_URL: 'gopher://u:hunter2-secret@prom:9090' },
      'slo report: configuration error: PROMETHEUS_URL=(value hidden): must start with http:// or https://',
    ],
    [
      'a bad --prometheus, its credentials unshown',
      ['--prometheus', 'http://u:hunter2-secret@pr om'],
      {},
      'slo report: --prometheus=(value hidden): is not a URL (expected e.g. http://prometheus:9090)',
    ],
    [
      'a date that is not RFC 3339',
      ['-p', 'http://p:9090', '--from', '1 Nov 2025'],
      {},
      'slo report: --from "1 Nov 2025" is not an RFC 3339 date-time (e.g. 2025-11-01T00:00:00Z)',
    ],
    [
      'an inverted period',
      ['-p', 'http://p:9090', '--from', '2025-11-02T00:00:00Z', '--to', '2025-11-01T00:00:00Z'],
      {},
      'slo report: the period is empty or inverted: --from 2025-11-02T00:00:00Z is not before --to 2025-11-01T00:00:00Z',
    ],
    [
      'a period in the future',
      ['-p', 'http://p:9090', '--month', '2026-02'],
      {},
      'slo report: the period starts in the future: 2026-02-01T00:00:00Z is after now (2026-01-11T00:00:00Z)',
    ],
    [
      'a step too fine for the period',
      ['-p', 'http://p:9090', '--from', '2020-01-01T00:00:00Z', '--step', '1s'],
      {},
      'slo report: --step 1s: the period would be more than 600,000 steps; give a longer one',
    ],
  ];
  for (const [what, args, env, line] of cases)
    test(what, async () => {
      const r = await run(args, { env });
      assert.deepEqual([r.code, r.out, r.err], [2, '', [line]]);
    });

  test('a spec that cannot be read, or whose SLI the report cannot read: named, exit 2', async () => {
    const missing = await run(['-p', 'http://p:9090', '--spec', join(dir, 'none.yml')]);
    assert.deepEqual([missing.code, missing.err], [2, [`slo report: ${join(dir, 'none.yml')}: cannot read the spec (ENOENT)`]]);
    const spec = join(dir, 'avg.slo.yml');
    writeFileSync(
      spec,
      readFileSync('monitor/slo/trackers.slo.yml', 'utf8').replace(
        'sum by (target, location) (rate(trackers_probes_total{check="trackers",result="failure"}[{{.window}}]))',
        'sum by (target, location) (avg_over_time(trackers_probe_failing[{{.window}}]))',
      ),
    );
    const unreadable = await run(['-p', 'http://p:9090', '--spec', spec]);
    assert.equal(unreadable.code, 2);
    assert.match(
      unreadable.err.join('\n'),
      /^slo report: .*avg\.slo\.yml: \$\.slos\[0\]\.sli\.events\.error_query: the report reads each/,
    );
  });

  test('--help: the usage on stdout, exit 0', async () => {
    const r = await run(['--help']);
    assert.deepEqual([r.code, r.out, r.err], [0, USAGE, []]);
  });
});

describe('slo report against a Prometheus', () => {
  let prometheus: { url: string; close(): Promise<void> };
  before(async () => {
    prometheus = await serve(cleanMonth);
  });
  after(() => prometheus.close());

  test('a clean month: every SLO met, exit 0; the step from the samples; the text report', async () => {
    const r = await run(['-p', prometheus.url, '--month', '2025-11']);
    assert.deepEqual(r.err, []);
    assert.equal(r.code, 0);
    assert.match(r.out, /^Period: 2025-11-01T00:00:00Z to 2025-12-01T00:00:00Z, 30d in steps of 1m$/m);
    assert.match(r.out, /^MET {5}trackers-availability, target eu$/m);
    assert.match(r.out, /objective 99\.9%, SLI 100\.0000% \(0 bad of 43,200 probes\)/);
    assert.match(r.out, /^MET: every SLO with probes in the period kept within its error budget$/m);
  });

  test('PROMETHEUS_URL when no flag; this month ends now and says so', async () => {
    const r = await run(['--month', '2026-01', '-f', 'json', '--step', '1h'], { env: { PROMETHEUS_URL: prometheus.url } });
    assert.equal(r.code, 0, r.err.join('\n'));
    assert.deepEqual(JSON.parse(r.out).period, {
      from: '2026-01-01T00:00:00Z',
      to: '2026-01-11T00:00:00Z',
      stepSeconds: 3600,
      inProgress: true,
    });
  });

  test('a window over the whole period leaves nothing to judge: one line, exit 3', async () => {
    const all: ExcludedWindow = { name: 'freeze', start: Date.UTC(2025, 9, 1) / 1000, end: Date.UTC(2026, 0, 1) / 1000 };
    const r = await run(['-p', prometheus.url, '--month', '2025-11', '--step', '1h'], { windows: [all] });
    assert.equal(r.code, 3);
    assert.deepEqual(r.err, [
      `slo report: no probes of any SLO of monitor/slo/trackers.slo.yml in Prometheus at ${prometheus.url} from 2025-11-01T00:00:00Z to 2025-12-01T00:00:00Z: nothing to judge`,
    ]);
  });

  test("--config: the targets file's maintenance windows are left out (one over the month: nothing to judge)", async () => {
    const file = join(dir, 'targets.json');
    const targets = [{ name: 'eu' }];
    writeFileSync(
      file,
      JSON.stringify({ targets, maintenance: [{ name: 'freeze', start: '2025-10-01T00:00:00Z', end: '2026-01-01T00:00:00Z' }] }),
    );
    const r = await run(['-p', prometheus.url, '--month', '2025-11', '--step', '1h', '--config', file]);
    assert.equal(r.code, 3);
    assert.match(r.err.join('\n'), /no probes of any SLO .*: nothing to judge/);
    // The same through MONITOR_CONFIG.
    const viaEnv = await run(['-p', prometheus.url, '--month', '2025-11', '--step', '1h'], { env: { MONITOR_CONFIG: file } });
    assert.equal(viaEnv.code, 3);
    // A bad window is the monitor's one line, exit 2, before Prometheus is asked.
    writeFileSync(file, JSON.stringify({ targets, maintenance: [{ name: 'x', cron: '0 2 * *', duration: '1h' }] }));
    const bad = await run(['-p', prometheus.url, '--month', '2025-11', '--config', file]);
    assert.equal(bad.code, 2);
    assert.deepEqual(bad.err, [
      `slo report: configuration error: ${file}: $.maintenance[0].cron: "0 2 * *" needs 5 fields (minute hour day-of-month month day-of-week), got 4`,
    ]);
  });

  test('--out writes the page; a path that cannot be written is one line, exit 2', async () => {
    const file = join(dir, 'report.html');
    const ok = await run(['-p', prometheus.url, '--month', '2025-11', '--step', '1h', '-f', 'html', '-o', file]);
    assert.deepEqual([ok.code, ok.out, ok.err], [0, '', []]);
    assert.match(readFileSync(file, 'utf8'), /^<!doctype html>/);
    const bad = await run(['-p', prometheus.url, '--month', '2025-11', '--step', '1h', '-o', dir]);
    assert.deepEqual([bad.code, bad.err], [2, [`slo report: cannot write ${dir}: EISDIR`]]);
  });
});

describe('slo report when Prometheus cannot answer', () => {
  test('nothing listening: exit 3, one line, no credential', async () => {
    const port = await closedPort();
    const r = await run(['-p', `http://scraper:hunter2-secret@127.0.0.1:${port}`, '--month', '2025-11']);
    assert.deepEqual(
      [r.code, r.out, r.err],
      [3, '', [`slo report: cannot read Prometheus at http://127.0.0.1:${port} (ECONNREFUSED): nothing to judge`]],
    );
  });
  const answers: [string, Answer, number, RegExp][] = [
    [
      'HTTP 503 (starting, overloaded)',
      (_p, _q, res) => void res.writeHead(503).end('unavailable'),
      3,
      /\(HTTP 503\): nothing to judge$/,
    ],
    [
      'a refused query: Prometheus’s own words, exit 2',
      (_p, _q, res) =>
        void res
          .writeHead(400, { 'Content-Type': 'application/json' })
          .end(JSON.stringify({ status: 'error', errorType: 'bad_data', error: 'parse error at char 5: unexpected "\u001b"' })),
      2,
      /refused the query "max\(max_over_time\(count_over_time\(trackers_probes_total\{check=\\"trackers\\"\}.*\(HTTP 400: bad_data: parse error at char 5: unexpected "\?"\)$/,
    ],
    [
      'not a Prometheus at all',
      (_p, _q, res) => void res.end('<html>hello</html>'),
      2,
      /did not answer as a Prometheus \(not a Prometheus query answer\)$/,
    ],
  ];
  for (const [what, handler, code, line] of answers)
    test(what, async (t) => {
      const fake = await serve(handler);
      t.after(() => fake.close());
      const r = await run(['-p', fake.url, '--month', '2025-11']);
      assert.equal(r.code, code);
      assert.equal(r.out, '');
      assert.equal(r.err.length, 1);
      assert.match(r.err[0]!, line);
    });
});

describe('slo report’s small rules', () => {
  test('the verdict as the exit code: missed 1, met 0, no data 3', () => {
    assert.deepEqual((['missed', 'met', 'no_data'] as const).map(exitCodeOf), [1, 0, 3]);
  });
  test('--step: seconds, minutes or hours, at least a second', () => {
    assert.deepEqual(['15', '15s', '2m', '1h', '0', '1.5s', '1d', ''].map(parseStep), [
      15,
      15,
      120,
      3600,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
