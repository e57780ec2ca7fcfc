import assert from 'node:assert/strict';
import { describe, test, type TestContext } from 'node:test';
import { MUTATIONS } from '../../../sandbox/mutations.ts';
import { clientFor, FAILURE_REASONS, type ClientResult, type TrackersClient } from '../../../src/client.ts';
import type { Clock } from '../../../src/clock.ts';
import type { Config } from '../../../src/config/api.ts';
import { Secret } from '../../../src/secret.ts';
import { probe, type MonitorCheck } from '../../../monitor/probe.ts';
import { REASONS, authRefreshed, bodySize, durationMs, lastStep, passed, type Reason } from '../../../src/checks/result.ts';
import { headersReach, requestArrives } from '../../support/exchange-events.ts';
import { ManualClock } from '../../support/manual-clock.ts';
import { closedPort, startSandbox, testClient, testTarget, ttfbOf } from './helpers.ts';

const FAULT = 'X-Sandbox-Fault';

interface Case {
  name: string;
  check: MonitorCheck;
  fault?: string;
  config?: Partial<Config>;
  /** undefined: the probe succeeds. */
  reason?: Reason;
  /** A success slower than the degraded threshold. */
  degraded?: boolean;
  /** The injected delay (latency, trickle): the probe cannot take less. */
  minMs?: number;
  /**
   * The sandbox holds the answer for good (a hang, a body trickled over minutes): once it has the
   * request, or the client has the headers, the test moves the client's manual clock to the timeout.
   */
  heldAfter?: 'request' | 'headers';
}

// About fifty cases run at once, each with its own sandbox, on a machine that may be loaded: a
// budget or timeout that load could reach would decide a case by the machine's speed. So the
// cases that are not about time have budgets no loaded loopback exchange comes near, and the
// real delay faults clear their rule tenfold: 3 s against a 250 ms budget, under a 30 s timeout.
// The boundaries themselves (a millisecond either side) are stepped on a manual clock further down.
const CALM: Partial<Config> = { latencyBudgetMs: 30_000, latencyDegradedMs: 30_000, timeoutMs: 60_000 };
const SLOW = 3000;
const overBudget: Partial<Config> = { latencyBudgetMs: 250, latencyDegradedMs: 250, timeoutMs: 30_000 };
const overDegraded: Partial<Config> = { latencyBudgetMs: 30_000, latencyDegradedMs: 250, timeoutMs: 60_000 };

const CASES: Case[] = [
  { name: 'the documented customer passes', check: 'trackers' },
  { name: 'the missing customer gets 8015 and passes', check: 'not_found' },
  {
    name: 'latency beyond the budget',
    check: 'trackers',
    fault: `latency=${SLOW}`,
    config: overBudget,
    reason: 'latency_budget_exceeded',
    minMs: SLOW,
  },
  {
    name: 'latency beyond the degraded threshold, within the budget',
    check: 'trackers',
    fault: `latency=${SLOW}`,
    config: overDegraded,
    degraded: true,
    minMs: SLOW,
  },
  { name: 'every request a 503', check: 'trackers', fault: 'error-rate=1', reason: 'http_5xx' },
  { name: 'a 503 on the 8015 check too', check: 'not_found', fault: 'error-rate=1', reason: 'http_5xx' },
  { name: 'a 429', check: 'trackers', fault: 'error-rate=1,error-status=429', reason: 'http_4xx' },
  { name: 'a 401 (credentials refused)', check: 'trackers', fault: 'status=401', reason: 'auth_error' },
  { name: 'a 302', check: 'trackers', fault: 'status=302', reason: 'unexpected_status' },
  { name: 'malformed JSON', check: 'trackers', fault: 'malformed-json', reason: 'invalid_json' },
  { name: 'truncated JSON', check: 'trackers', fault: 'truncated-json', reason: 'invalid_json' },
  { name: 'truncated JSON on the 8015 check', check: 'not_found', fault: 'truncated-json', reason: 'invalid_json' },
  { name: 'an HTML page', check: 'trackers', fault: 'content-type=text/html', reason: 'bad_content_type' },
  { name: 'a JSON body labelled text/html', check: 'trackers', fault: 'mutation=html-content-type', reason: 'bad_content_type' },
  {
    name: 'a 503 HTML page from a proxy is a 5xx first',
    check: 'trackers',
    fault: 'error-rate=1,content-type=text/html',
    reason: 'http_5xx',
  },
  { name: 'a connection reset', check: 'trackers', fault: 'reset', reason: 'connect_error' },
  {
    name: 'a body trickled beyond the budget',
    check: 'trackers',
    fault: `trickle=${SLOW}`,
    config: overBudget,
    reason: 'latency_budget_exceeded',
    minMs: SLOW,
  },
  // The maximum trickle, ten minutes: the sandbox is closed long before.
  {
    name: 'a body trickled beyond the timeout',
    check: 'trackers',
    fault: 'trickle=600000',
    heldAfter: 'headers',
    reason: 'timeout',
  },
  { name: 'a hang', check: 'trackers', fault: 'hang', heldAfter: 'request', reason: 'timeout' },
  { name: 'a hang on the 8015 check', check: 'not_found', fault: 'hang', heldAfter: 'request', reason: 'timeout' },
  {
    name: 'lose-8015: 200 with empty data and no error',
    check: 'not_found',
    fault: 'mutation=lose-8015',
    reason: 'error_code_mismatch',
  },
  { name: 'wrong-error-code: 8016', check: 'not_found', fault: 'mutation=wrong-error-code', reason: 'error_code_mismatch' },
  { name: 'error-status-true', check: 'not_found', fault: 'mutation=error-status-true', reason: 'schema_violation' },
  { name: 'not-found-5xx', check: 'not_found', fault: 'mutation=not-found-5xx', reason: 'http_5xx' },
  {
    name: '8015 with a status not accepted (4xx)',
    check: 'not_found',
    config: { notFoundStatuses: [400] },
    reason: 'http_4xx',
  },
  {
    name: '8015 with a status not accepted (200)',
    check: 'not_found',
    fault: 'status=200',
    config: { notFoundStatuses: [404] },
    reason: 'unexpected_status',
  },
  // The monitor sends credentials, so an endpoint that stopped enforcing them still answers it:
  // no-auth is caught by the release gate's anonymous request, not by the monitor.
  { name: 'no-auth (not visible to a probe that sends credentials)', check: 'trackers', fault: 'mutation=no-auth' },
  {
    name: 'wrong credentials',
    check: 'trackers',
    config: { auth: { kind: 'basic', username: 'sandbox_user', password: new Secret('wrong'), passwordIsMd5: false } },
    reason: 'auth_error',
  },
];

// Every contract mutation of the sandbox's table, by what it rewrites.
for (const m of MUTATIONS) {
  if (m.applies === 'success') {
    CASES.push({
      name: `mutation ${m.name}`,
      check: 'trackers',
      fault: `mutation=${m.name}`,
      reason: m.breaking ? 'schema_violation' : undefined,
    });
  } else if (m.applies === 'not-found' && !m.breaking) {
    CASES.push({ name: `mutation ${m.name}`, check: 'not_found', fault: `mutation=${m.name}` });
  } else if (m.applies === 'content-type' && !m.breaking) {
    CASES.push({ name: `mutation ${m.name}`, check: 'trackers', fault: `mutation=${m.name}` });
  }
}

/** The project's client on `clock`, closed after the test. */
function clockedClient(t: TestContext, target: { config: Config }, baseUrl: string, clock: Clock): TrackersClient {
  const client = clientFor(target.config, baseUrl, { clock });
  t.after(() => client.close());
  return client;
}

describe('probe against the sandbox: one reason per fault', { concurrency: true }, () => {
  for (const c of CASES) {
    test(`${c.check}: ${c.name} → ${c.reason ?? (c.degraded ? 'success, degraded' : 'success')}`, async (t) => {
      const { sandbox, baseUrl } = await startSandbox(t);
      const target = testTarget('t1', { ...CALM, ...c.config });
      const options = c.fault ? { headers: { [FAULT]: c.fault } } : {};
      let result;
      if (c.heldAfter) {
        const clock = new ManualClock();
        const holding = c.heldAfter === 'headers' ? headersReach(baseUrl) : requestArrives(sandbox.server);
        const pending = probe(clockedClient(t, target, baseUrl, clock), target, c.check, options);
        await holding;
        clock.advance(target.config.timeoutMs);
        result = await pending;
        assert.equal(durationMs(result), target.config.timeoutMs, 'ended by the timeout, at the timeout');
        if (c.heldAfter === 'headers') assert.equal(lastStep(result)?.status, 200, 'the headers had come');
      } else {
        result = await probe(testClient(t, target, baseUrl), target, c.check, options);
      }
      assert.equal(result.reason, c.reason, result.message);
      assert.equal(passed(result), c.reason === undefined, result.message);
      assert.equal(result.degraded, c.degraded ?? false, result.message);
      assert.equal(result.target, 't1');
      assert.equal(result.check, c.check);
      assert.ok(result.message.length > 0);
      // durationMs is what the latency budget and the histogram see: it must cover the whole wait, headers included.
      if (c.minMs !== undefined)
        assert.ok(durationMs(result) >= c.minMs - 2, `${durationMs(result)} ms, at least ${c.minMs} due`);
      const ttfb = ttfbOf(result);
      if (ttfb !== undefined)
        assert.ok(ttfb <= durationMs(result), `first byte at ${ttfb} ms, after the end (${durationMs(result)} ms)`);
      const mutation = MUTATIONS.find((m) => `mutation=${m.name}` === c.fault);
      // The body is judged only when the status was right: a 5xx stops the probe before validation.
      const bodyJudged = c.reason === undefined || c.reason === 'schema_violation' || c.reason === 'error_code_mismatch';
      if (mutation?.expect && bodyJudged) {
        const findings = mutation.breaking ? result.errors : result.warnings;
        assert.ok(
          findings.some((f) => f.path === mutation.expect!.path && f.rule === mutation.expect!.rule),
          `expected ${mutation.expect.rule} at ${mutation.expect.path}, got ${JSON.stringify(findings.map((f) => [f.path, f.rule]))}`,
        );
      }
    });
  }
});

describe('probe details', () => {
  test('a success carries status, durations, tracker count, body size and the documented example’s warnings', async (t) => {
    const { baseUrl } = await startSandbox(t);
    const target = testTarget('t1', CALM);
    const r = await probe(testClient(t, target, baseUrl), target, 'trackers');
    assert.equal(lastStep(r)?.status, 200);
    assert.ok(r.trackerCount! > 0);
    assert.ok(bodySize(r) > 0);
    const ttfb = ttfbOf(r);
    assert.ok(ttfb !== undefined && ttfb <= durationMs(r));
    assert.ok(r.warnings.some((w) => w.rule === 'duplicate_tracker_id'));
    assert.deepEqual(r.errors, []);
    assert.equal(r.degraded, false);
    assert.match(r.message, /^HTTP 200, \d+ tracker\(s\)/);
  });

  test('a refused connection (closed port) is connect_error', async (t) => {
    const port = await closedPort();
    const target = testTarget('t1', CALM);
    const r = await probe(testClient(t, target, `http://127.0.0.1:${port}`), target, 'trackers');
    assert.equal(r.reason, 'connect_error');
    assert.equal(lastStep(r)?.status, undefined);
    assert.match(r.message, /ECONNREFUSED/);
  });

  test('a hostile server message is kept as text, clipped to one line', async (t) => {
    const { sandbox, baseUrl } = await startSandbox(t);
    sandbox.setFaults('error-rate=1');
    const target = testTarget('t1', CALM);
    const r = await probe(testClient(t, target, baseUrl), target, 'trackers');
    assert.equal(r.reason, 'http_5xx');
    assert.match(r.message, /^HTTP 503 \(error 503: .*\), expected 200/);
    assert.doesNotMatch(r.message, /\n/);
  });
});

// The rule, to the millisecond. The sandbox and the client share one manual clock, as one world;
// the sandbox's latency and trickle hold the answer until the test moves the clock, and the test
// moves it only once the side that reads it next has done all it does before reading it, so the
// probe's duration is exactly the time the test let pass, whatever the machine's load.
const RULE: Partial<Config> = { latencyDegradedMs: 100, latencyBudgetMs: 250, timeoutMs: 1000 };

async function onManualClock(t: TestContext) {
  const clock = new ManualClock();
  const { sandbox, baseUrl } = await startSandbox(t, { clock });
  const target = testTarget('t1', RULE);
  return { clock, sandbox, baseUrl, target, client: clockedClient(t, target, baseUrl, clock) };
}

/** Let a trickle's pauses pass one by one: it arms each only after writing the piece before. */
async function trickleThrough(clock: ManualClock, pauseMs: number, pauses: number): Promise<void> {
  for (let i = 1; i <= pauses; i++) {
    const next = clock.nextTimer();
    clock.advance(pauseMs);
    if (i < pauses) assert.equal(await next, pauseMs);
  }
}

describe(
  'latency budget versus timeout, stepped on a manual clock (degraded 100, budget 250, timeout 1000 ms)',
  {
    concurrency: true,
  },
  () => {
    const ROWS: { fault: string; passes: number; reason?: Reason; degraded?: boolean; why: string }[] = [
      { fault: 'latency=100', passes: 100, why: 'at the degraded threshold is not over it' },
      { fault: 'latency=101', passes: 101, degraded: true, why: 'over the degraded threshold, within the budget' },
      { fault: 'latency=250', passes: 250, degraded: true, why: 'at the budget is within it' },
      { fault: 'latency=251', passes: 251, reason: 'latency_budget_exceeded', why: 'over the budget' },
      {
        fault: 'latency=999',
        passes: 999,
        reason: 'latency_budget_exceeded',
        why: 'an answer inside the timeout is judged on its time',
      },
      { fault: 'latency=1000', passes: 1000, reason: 'timeout', why: 'an answer due at the timeout is too late' },
      { fault: 'hang', passes: 1000, reason: 'timeout', why: 'no answer: the timeout ends it' },
    ];
    for (const row of ROWS) {
      test(`${row.fault}, ${row.passes} ms pass → ${row.reason ?? (row.degraded ? 'success, degraded' : 'success')}: ${row.why}`, async (t) => {
        const { clock, sandbox, target, client } = await onManualClock(t);
        const arrived = requestArrives(sandbox.server);
        const pending = probe(client, target, 'trackers', { headers: { [FAULT]: row.fault } });
        await arrived;
        clock.advance(row.passes);
        const r = await pending;
        assert.equal(r.reason, row.reason, r.message);
        assert.equal(r.degraded, row.degraded ?? false, r.message);
        assert.equal(durationMs(r), row.passes);
        if (row.degraded) assert.match(r.message, /degraded: over 100 ms/);
        if (row.reason === 'latency_budget_exceeded')
          assert.match(r.message, new RegExp(`took ${row.passes} ms \\(budget 250 ms\\)`));
        if (row.reason === 'timeout') assert.match(r.message, /no complete response within 1000 ms after 1000 ms/);
      });
    }

    test('a body trickled past the budget fails it, though its headers came in time: the duration counts the body', async (t) => {
      const { clock, sandbox, baseUrl, target, client } = await onManualClock(t);
      const arrived = requestArrives(sandbox.server);
      const headers = headersReach(baseUrl);
      const pending = probe(client, target, 'trackers', { headers: { [FAULT]: 'latency=50,trickle=250' } });
      await arrived;
      clock.advance(50);
      await headers;
      await trickleThrough(clock, 25, 10);
      const r = await pending;
      assert.equal(r.reason, 'latency_budget_exceeded', r.message);
      assert.equal(ttfbOf(r), 50);
      assert.equal(durationMs(r), 300);
    });

    test('a body trickled within the budget passes (degraded)', async (t) => {
      const { clock, sandbox, target, client } = await onManualClock(t);
      const arrived = requestArrives(sandbox.server);
      const pending = probe(client, target, 'trackers', { headers: { [FAULT]: 'trickle=200' } });
      await arrived;
      await trickleThrough(clock, 20, 10);
      const r = await pending;
      assert.equal(passed(r), true, r.message);
      assert.equal(r.degraded, true);
      assert.equal(durationMs(r), 200);
    });

    test('a body still trickling at the timeout → timeout, with its headers timed', async (t) => {
      const { clock, sandbox, baseUrl, target, client } = await onManualClock(t);
      const arrived = requestArrives(sandbox.server);
      const headers = headersReach(baseUrl);
      const pending = probe(client, target, 'trackers', { headers: { [FAULT]: 'latency=50,trickle=2000' } });
      await arrived;
      clock.advance(50);
      await headers;
      clock.advance(950);
      const r = await pending;
      assert.equal(r.reason, 'timeout', r.message);
      assert.equal(lastStep(r)?.status, 200);
      assert.equal(ttfbOf(r), 50);
      assert.equal(durationMs(r), 1000);
    });
  },
);

/** A client that answers with a canned result: for transport failures a loopback sandbox cannot produce. */
function cannedClient(result: Partial<ClientResult>): TrackersClient {
  const full: ClientResult = {
    ok: false,
    method: 'GET',
    path: '/x',
    headers: {},
    bodySize: 0,
    decodedBodySize: 0,
    timings: { startedAt: 0, totalMs: 5 },
    ...result,
  };
  return {
    getTrackers: async () => full,
    request: async () => full,
    authHeaders: async () => ({ ok: true, headers: {}, generated: false }),
    close: () => {},
  };
}

describe('client failure reasons map onto probe reasons', () => {
  const expected: Record<(typeof FAILURE_REASONS)[number], Reason> = {
    timeout: 'timeout',
    connection_refused: 'connect_error',
    connection_reset: 'connect_error',
    network: 'connect_error',
    dns: 'dns_error',
    tls: 'tls_error',
    auth_token: 'auth_error',
    body_too_large: 'body_too_large',
    // These three come with a response: judged after its status (200 here).
    bad_content_encoding: 'bad_content_encoding',
    non_json_content_type: 'bad_content_type',
    invalid_json: 'invalid_json',
    invalid_request: 'probe_error',
  };
  for (const reason of FAILURE_REASONS) {
    test(`${reason} → ${expected[reason]}`, async () => {
      const withResponse = reason === 'bad_content_encoding' || reason === 'non_json_content_type' || reason === 'invalid_json';
      const client = cannedClient({ status: withResponse ? 200 : undefined, failure: { reason, message: `canned ${reason}` } });
      const r = await probe(client, testTarget('t1'), 'trackers');
      assert.equal(r.reason, expected[reason]);
      assert.ok(REASONS.includes(r.reason!));
    });
  }

  test('a client that throws (a bug) still gives a failed result, not an exception', async () => {
    const client = cannedClient({});
    client.getTrackers = async () => {
      throw new Error('boom');
    };
    const r = await probe(client, testTarget('t1'), 'not_found');
    assert.equal(passed(r), false);
    // Our bug, not the network: it must not count as connect_error, which reads as connectivity.
    assert.equal(r.reason, 'probe_error');
    assert.match(r.message, /check error: boom/);
  });

  test('a fresh OAuth token after a 401 is reported (the one hidden retry)', async () => {
    const r = await probe(
      cannedClient({ ok: true, status: 200, authRefreshed: true, body: { data: [] } }),
      testTarget('t1'),
      'trackers',
    );
    assert.equal(authRefreshed(r), true);
  });
});
