import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import { renderStatusBody, renderStatusPage, STATUS_PAGE_CSP, escapeHtml } from '../../../monitor/status-page.ts';
import { createStatusHistory } from '../../../monitor/status-history.ts';
import type { Probe } from '../../../monitor/probe.ts';
import { probeOf, testTarget, type ProbeFacts } from './helpers.ts';

const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(2)>',
  "'><svg onload=alert(3)>",
  '</textarea><iframe src=javascript:alert(4)>',
  '&lt;b&gt;already-escaped&lt;/b&gt;',
];

function failure(message: string, facts: ProbeFacts = {}): Probe {
  return probeOf({
    reason: 'http_5xx',
    message,
    status: 503,
    startedAt: Date.UTC(2026, 0, 2, 3, 4, 5),
    durationMs: 42,
    bodySize: 10,
    ...facts,
  });
}

function historyWith(results: Probe[], nowMs = Date.UTC(2026, 0, 2, 3, 5, 0)) {
  const history = createStatusHistory([testTarget('eu'), testTarget('us', { latencyBudgetMs: 500, latencyDegradedMs: 100 })], {
    version: '9.9.9',
    now: () => nowMs,
  });
  for (const r of results) history.add(r);
  return history;
}

/** The page's body with every target's details open, as the browser renders them once fetched. */
function bodyOpen(history: ReturnType<typeof historyWith>): string {
  const open = Object.fromEntries(history.summary().targets.map((t) => [t.name, history.target(t.name)!]));
  return renderStatusBody(history.summary(), open);
}

const ok = (facts: ProbeFacts = {}): Probe =>
  failure('HTTP 200, 35 tracker(s), 4 warning(s), 12 ms', {
    reason: undefined,
    status: 200,
    trackerCount: 35,
    durationMs: 12,
    warnings: Array.from({ length: 4 }, () => ({ path: '$', rule: 'pagination_nonzero', message: 'w' })),
    ...facts,
  });

/** The summary row of a target and check: [state, target, check, 15 min, 1 h, ...]. */
function row(body: string, target: string, check: string): string[] {
  const rows = [...body.matchAll(/<tr class="[a-z]+">(.*?)<\/tr>/g)].map((m) =>
    [...m[1]!.matchAll(/<td>(.*?)<\/td>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, '')),
  );
  const found = rows.find((r) => r[1] === target && r[2] === check);
  assert.ok(found, `a row for ${target} ${check}`);
  return found;
}

describe('status page', () => {
  for (const hostile of HOSTILE) {
    test(`escapes a hostile response message: ${hostile}`, () => {
      const history = historyWith([
        failure(`HTTP 503 (error 503: ${hostile})`, {
          reason: 'schema_violation',
          errors: [{ path: `$.data[0].${hostile}`, rule: 'type', message: hostile }],
        }),
      ]);
      for (const html of [renderStatusPage(history.summary()), bodyOpen(history)]) {
        assert.ok(!html.includes(hostile), 'the raw string must not appear');
        assert.equal(html.match(/<script\b/g)?.length ?? 0, html.startsWith('<!DOCTYPE') ? 1 : 0, 'the page’s own script only');
        assert.doesNotMatch(html, /<img|<iframe|<svg onload/i, 'no element comes from the message');
      }
      const escaped = escapeHtml(hostile);
      const open = bodyOpen(history);
      assert.ok(open.includes(`<p class="msg">HTTP 503 (error 503: ${escaped})</p>`), 'shown as text in the last message');
      assert.ok(open.includes(`at 2026-01-02 03:04:05Z: HTTP 503 (error 503: ${escaped})`), 'and in the last failure');
      assert.ok(renderStatusPage(history.summary()).includes(`schema_violation at $.data[0].${escaped}`), 'the field, as text');
    });
  }

  test('the inline script and style are the ones the Content-Security-Policy allows', () => {
    const html = renderStatusPage(historyWith([]).summary());
    const script = html.match(/<script>([\s\S]*?)<\/script>/)![1]!;
    const style = html.match(/<style>([\s\S]*?)<\/style>/)![1]!;
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    assert.ok(STATUS_PAGE_CSP.includes(`script-src ${hash(script)}`));
    assert.ok(STATUS_PAGE_CSP.includes(`style-src ${hash(style)}`));
    assert.match(STATUS_PAGE_CSP, /default-src 'none'/);
    assert.match(STATUS_PAGE_CSP, /connect-src 'self'/);
  });

  test('is self-contained: no external script, style, font or image', () => {
    const history = historyWith([failure('x')]);
    for (const html of [renderStatusPage(history.summary()), bodyOpen(history)])
      assert.doesNotMatch(html, /<script[^>]+src=|<link\b|@import|url\(|(src|href)="?(https?:)?\/\//i);
  });

  test('a summary row per target and check, failing first, then degraded, pending, up', () => {
    const history = historyWith([
      ok({ target: 'us' }),
      failure('HTTP 503', { check: 'not_found', target: 'us' }),
      failure('bad', { reason: 'schema_violation', errors: [{ path: '$.data[0].id', rule: 'type', message: 'm' }] }),
      ok(),
    ]);
    const body = renderStatusBody(history.summary());
    const states = [...body.matchAll(/<tr class="([a-z]+)"><td>([A-Z]+)<\/td><td>([a-z]+)<\/td><td>([a-z_]+)<\/td>/g)].map(
      (m) => `${m[2]} ${m[3]} ${m[4]}`,
    );
    assert.deepEqual(states, [
      'DOWN us not_found',
      'DEGRADED eu trackers',
      'PENDING eu not_found',
      'PENDING eu auth',
      'PENDING us auth',
      'UP us trackers',
    ]);
    assert.deepEqual(row(body, 'eu', 'trackers').slice(3, 5), ['50%', '50%']);
    assert.match(row(body, 'eu', 'trackers')[6]!, /^50% in 15 min, under 99\.9%$/);
    assert.match(
      row(body, 'eu', 'trackers')[7]!,
      /^schema_violation at \$\.data\[0\]\.id 03:04:05$/,
      'the last failure and its field',
    );
    assert.deepEqual(row(body, 'us', 'trackers').slice(3, 6), ['100%', '100%', '12 ms']);
  });

  test('the banner names what fails and what is degraded; all green only when every check is UP', () => {
    const failing = renderStatusBody(
      historyWith([
        failure('bad', { reason: 'schema_violation', errors: [{ path: '$.data[0].id', rule: 'type', message: 'm' }] }),
        failure('HTTP 503', { target: 'us', check: 'not_found' }),
      ]).summary(),
    );
    assert.match(
      failing,
      /<p class="banner down">2 failing: eu trackers \(schema_violation at \$\.data\[0\]\.id\), us not_found \(http_5xx\); 4 pending<\/p>/,
    );
    assert.doesNotMatch(failing, /check\(s\)/);
    const slow = renderStatusBody(historyWith([ok({ degraded: true, durationMs: 1500 })]).summary());
    assert.match(slow, /<p class="banner degraded">1 degraded: eu trackers \(last probe over 1000 ms\); 5 pending<\/p>/);
    const pending = renderStatusBody(historyWith([ok()]).summary());
    assert.match(pending, /<p class="banner pending">5 pending<\/p>/, 'not green while checks are pending');
    const all = historyWith(
      ['eu', 'us'].flatMap((target) => (['trackers', 'not_found', 'auth'] as const).map((check) => ok({ target, check }))),
    );
    assert.match(renderStatusBody(all.summary()), /<p class="banner up">all 6 checks UP<\/p>/);
  });

  test('a target flapping at 30% errors is never all green', () => {
    const results: Probe[] = [];
    const start = Date.UTC(2026, 0, 2, 3, 0, 0);
    for (let i = 0; i < 40; i++) {
      const at = start + i * 5000;
      results.push(i % 10 < 3 ? failure('HTTP 503', { startedAt: at }) : ok({ startedAt: at }));
    }
    for (let cut = 1; cut <= results.length; cut++) {
      const history = historyWith(results.slice(0, cut), start + cut * 5000);
      const state = history.summary().targets[0]!.checks[0]!.state;
      assert.ok(state === 'DOWN' || state === 'DEGRADED', `after ${cut} probes: ${state}`);
      assert.doesNotMatch(renderStatusBody(history.summary()), /banner up/);
    }
  });

  test('a flapping check shows FLAPPING, steadily, with its percent state change, in the row, banner and details', () => {
    const start = Date.UTC(2026, 0, 2, 3, 0, 0);
    const results: Probe[] = [];
    const FAILS = [0, 3, 6]; // 30 %, spread: DOWN and DEGRADED alternate
    for (let i = 0; i < 60; i++) {
      const at = start + i * 2000;
      results.push(FAILS.includes(i % 10) ? failure('HTTP 503', { startedAt: at }) : ok({ startedAt: at }));
    }
    const shown: string[] = [];
    for (let cut = 1; cut <= results.length; cut++) {
      const body = renderStatusBody(historyWith(results.slice(0, cut), start + cut * 2000).summary());
      shown.push(row(body, 'eu', 'trackers')[0]!);
    }
    const first = shown.indexOf('FLAPPING');
    assert.ok(first > 0 && first < 15, `FLAPPING from probe ${first}: ${shown.join(' ')}`);
    assert.deepEqual(new Set(shown.slice(first)), new Set(['FLAPPING']), 'no flipping once flapping');
    const history = historyWith(results, start + 60 * 2000);
    const body = bodyOpen(history);
    const percent = history.summary().targets[0]!.checks[0]!.stateChangePercent;
    assert.ok(percent >= 30, `${percent}`);
    assert.match(body, /<tr class="flapping"><td>FLAPPING<\/td><td>eu<\/td><td>trackers<\/td>/);
    assert.ok(body.includes(`${percent}% state change over the last 21 probes, now DEGRADED`));
    assert.match(
      body,
      /<p class="banner flapping">1 flapping: eu trackers \([\d.]+% state change over the last 21 probes, now DEGRADED\); 5 pending<\/p>/,
    );
    assert.match(
      body,
      /<div class="check flapping"><div class="head"><span class="badge">FLAPPING<\/span> <strong>trackers<\/strong>/,
    );
    assert.match(body, /<details class="flapping" data-target="eu"/);
  });

  test('details: up/down, success ratio, last failure, tracker count, warnings', () => {
    const body = bodyOpen(
      historyWith([
        failure('HTTP 503 (error 503: down)'),
        ok(),
        ok(),
        ok(),
        failure('timed out', { check: 'not_found', reason: 'timeout' }),
      ]),
    );
    assert.match(body, /<div class="check degraded">[\s\S]*?<span class="badge">DEGRADED<\/span> <strong>trackers<\/strong>/);
    assert.match(body, /<div class="check down">[\s\S]*?<span class="badge">DOWN<\/span> <strong>not_found<\/strong>/);
    assert.match(body, /<div class="check pending">/, 'the second target has not been probed');
    assert.match(body, /75% of the last 4 \(3\/4 since start\)/);
    assert.match(body, /<dt>trackers<\/dt><dd>35<\/dd>/);
    assert.match(body, /<dt>warnings<\/dt><dd>4<\/dd>/);
    assert.match(body, /<code>http_5xx<\/code> at 2026-01-02 03:04:05Z: HTTP 503 \(error 503: down\)/);
  });

  test('the chart: a log latency axis from 1 ms to 10 s, a clock-time axis, budget lines labelled in the legend', () => {
    const start = Date.UTC(2026, 0, 2, 3, 0, 0);
    const results = Array.from({ length: 30 }, (_, i) =>
      i === 20
        ? failure('HTTP 503', { startedAt: start + i * 10_000, durationMs: 20_000 })
        : ok({ startedAt: start + i * 10_000, durationMs: 5 + i }),
    );
    const body = bodyOpen(historyWith(results, start + 300_000));
    const chart = body.match(/<svg viewBox="0 0 640 170" class="chart"[\s\S]*?<\/svg>/)![0];
    const ticks = [...chart.matchAll(/<text [^>]*class="tick">([^<]+)<\/text>/g)].map((m) => m[1]);
    assert.deepEqual(ticks, ['1 ms', '10 ms', '100 ms', '1 s', '10 s']);
    const times = [...chart.matchAll(/<text [^>]*class="tick time">([^<]+)<\/text>/g)].map((m) => m[1]);
    assert.deepEqual(times, ['03:00', '03:01', '03:02', '03:03', '03:04', '03:05'], 'every minute of the 5 minutes shown');
    const yOf = (ms: string) => Number(new RegExp(`<text x="46" y="([\\d.]+)" class="tick">${ms}</text>`).exec(chart)![1]);
    assert.ok(yOf('1 ms') > yOf('10 ms') && yOf('10 ms') > yOf('1 s') && yOf('1 s') > yOf('10 s'), 'slower is higher');
    assert.ok(Math.abs(yOf('1 ms') - yOf('10 ms') - (yOf('1 s') - yOf('10 s'))) < 0.2, 'a decade is a decade: log scale');
    assert.match(chart, /<line [^>]*class="budget"><title>latency budget 3000 ms<\/title>/);
    assert.match(chart, /<line [^>]*class="degraded"><title>degraded threshold 1000 ms<\/title>/);
    assert.doesNotMatch(chart, /<text[^>]*>(budget|degraded)/, 'no line label inside the plot, where the series runs');
    assert.match(body, /<figcaption class="legend">.*budget 3000 ms .*degraded 1000 ms .*failed probe<\/figcaption>/);
    assert.match(chart, /<circle [^>]*class="fail"><title>2026-01-02 03:03:20Z http_5xx 20\.0 s<\/title>/);
    const failY = Number(/<circle cx="[\d.]+" cy="([\d.]+)"/.exec(chart)![1]);
    assert.equal(failY, 8, 'slower than 10 s is drawn at the top, not off the chart');
  });

  test('closed details send nothing but their name: 200 targets make a small page', () => {
    const targets = Array.from({ length: 200 }, (_, i) => testTarget(`target-${i}`));
    const history = createStatusHistory(targets, { version: 'x' });
    for (let k = 0; k < 10; k++)
      for (const t of targets)
        for (const check of ['trackers', 'not_found', 'auth'] as const)
          history.add(ok({ target: t.name, check, startedAt: Date.now() - (10 - k) * 30_000 }));
    const page = renderStatusPage(history.summary());
    assert.ok(page.length < 150_000, `a page of ${page.length} bytes`);
    assert.equal(page.match(/<tr class="up">/g)?.length, 600, 'a row for every target and check');
    assert.doesNotMatch(page, /<svg/, 'no chart until a target is opened');
    assert.ok(JSON.stringify(history.summary()).length < 200_000);
  });

  test('Prometheus ratios and budget when configured; "unavailable" when it cannot be reached', () => {
    const history = historyWith([ok()]);
    const withRatios = renderStatusBody({
      ...history.summary(),
      prometheus: {
        url: 'http://prom:9090',
        status: 'ok',
        fetchedAt: Date.UTC(2026, 0, 2, 3, 4, 0),
        ratios: { 'eu/trackers': { ratio1d: 0.9995, ratio7d: 0.99, ratio30d: 1, budgetRemaining: -0.5 } },
      },
    });
    assert.match(withRatios, /<th>24 h<\/th><th>7 d<\/th><th>30 d<\/th><th>budget left<\/th>/);
    assert.deepEqual(row(withRatios, 'eu', 'trackers').slice(5, 9), ['99.95%', '99%', '100%', 'exhausted']);
    assert.deepEqual(row(withRatios, 'eu', 'not_found').slice(5, 9), ['-', '-', '-', '-']);
    const down = renderStatusBody({
      ...history.summary(),
      prometheus: { url: 'http://prom:9090', status: 'unavailable', reason: 'ECONNREFUSED' },
    });
    assert.match(down, /<p class="prom unavailable">Prometheus http:\/\/prom:9090: unavailable \(ECONNREFUSED\)/);
    assert.doesNotMatch(renderStatusBody(history.summary()), /<th>24 h<\/th>/, 'no columns without PROMETHEUS_URL');
  });

  test('maintenance: MAINTENANCE with the reason on the rows it covers, the state beside it, hostile text escaped; the next 7 days listed', () => {
    const history = historyWith([failure('HTTP 503'), ok({ target: 'us' })]);
    const hostile = HOSTILE[1]!;
    const upgrade = {
      name: 'db upgrade',
      reason: `Postgres 16 ${hostile}`,
      targets: ['eu'],
      start: Date.UTC(2026, 0, 2, 3, 0, 0),
      end: Date.UTC(2026, 0, 2, 4, 0, 0),
    };
    const nightly = { name: 'nightly', targets: null, start: Date.UTC(2026, 0, 3, 1, 0, 0), end: Date.UTC(2026, 0, 3, 1, 30, 0) };
    const html = renderStatusPage({
      ...history.summary(),
      maintenance: { active: [upgrade], upcoming: [upgrade, nightly], more: 3 },
    });
    assert.ok(!html.includes(hostile), 'the raw reason must not appear');
    const reason = `db upgrade: Postgres 16 ${escapeHtml(hostile)}`;
    assert.ok(html.includes(`<p class="banner maintenance">MAINTENANCE ${reason}, until 2026-01-02 04:00:00Z (eu)</p>`));
    assert.deepEqual(row(html, 'eu', 'trackers').slice(0, 3), ['MAINTENANCE', 'eu', 'trackers']);
    assert.ok(row(html, 'eu', 'trackers').includes(`DOWN during ${reason}`), "the check's own state stays visible");
    assert.equal(row(html, 'us', 'trackers')[0], 'UP', 'a target outside the window is as ever');
    // The banner agrees with the rows: the DOWN check in the window is counted as in maintenance, not failing.
    assert.ok(html.includes('<p class="banner pending">2 pending; 3 in maintenance</p>'), 'banner counts maintenance rows');
    assert.match(html, /<details class="maintenance" data-target="eu"/);
    assert.match(
      html,
      /<h2>Maintenance windows, next 7 days<\/h2>\n<ul class="maintenance"><li>2026-01-02 03:00:00Z to 2026-01-02 04:00:00Z \(eu\) <strong>db upgrade<\/strong>/,
    );
    assert.match(
      html,
      /<li>2026-01-03 01:00:00Z to 2026-01-03 01:30:00Z \(every target\) <strong>nightly<\/strong><\/li><li class="muted">and 3 more<\/li>/,
    );
    assert.doesNotMatch(renderStatusBody(history.summary()), /MAINTENANCE|Maintenance windows/, 'nothing without windows');
  });

  test('maintenance over FLAPPING over state: the row, its sort place and the banner agree', () => {
    const start = Date.UTC(2026, 0, 2, 3, 0, 0);
    const results: Probe[] = [];
    for (let i = 0; i < 60; i++) {
      const at = start + i * 2000;
      results.push([0, 3, 6].includes(i % 10) ? failure('HTTP 503', { startedAt: at }) : ok({ startedAt: at }));
      results.push(failure('HTTP 503', { target: 'us', startedAt: at }));
    }
    const summary = historyWith(results, start + 60 * 2000).summary();
    assert.equal(summary.targets[0]!.checks[0]!.flapping, true, 'eu trackers flaps');
    const window = { name: 'db upgrade', targets: ['eu'], start, end: start + 3_600_000 };
    const body = renderStatusBody({ ...summary, maintenance: { active: [window], upcoming: [window], more: 0 } });
    const eu = row(body, 'eu', 'trackers');
    assert.equal(eu[0], 'MAINTENANCE');
    assert.ok(eu.includes('FLAPPING during db upgrade'), eu.join(' | '));
    assert.match(body, /<p class="banner down">1 failing: us trackers \(http_5xx\); 2 pending; 3 in maintenance<\/p>/);
    assert.doesNotMatch(body, /flapping: eu/, 'a check in maintenance is not named as flapping');
    const order = [...body.matchAll(/<tr class="([a-z]+)">/g)].map((m) => m[1]);
    assert.deepEqual(order.slice(0, 1), ['down'], 'a problem sorts above a row in maintenance');
    assert.ok(order.indexOf('maintenance') > order.lastIndexOf('pending'), order.join(' '));

    const calm = renderStatusBody({
      ...historyWith([ok(), ok({ target: 'us' })]).summary(),
      maintenance: { active: [window], upcoming: [], more: 0 },
    });
    assert.match(calm, /<p class="banner pending">2 pending; 3 in maintenance<\/p>/);
  });

  test('the history window is bounded', () => {
    const history = createStatusHistory([testTarget('eu')], { version: 'x', capacity: 5 });
    for (let i = 0; i < 20; i++) history.add(failure(`m${i}`));
    const c = history.snapshot().targets[0]!.checks[0]!;
    assert.equal(c.recent.length, 5);
    assert.equal(c.probes, 20);
    assert.equal(c.lastFailure?.message, 'm19');
  });

  test('a snapshot is a copy: later probes do not change it', () => {
    const history = historyWith([failure('first')]);
    const before = history.snapshot();
    history.add(failure('second'));
    assert.equal(before.targets[0]!.checks[0]!.probes, 1);
  });
});
