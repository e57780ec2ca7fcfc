// Recordings judged and served again (issue 21, points 4-6 and 9): `replay` judges a failure bundle
// or HAR offline with today's checks, `sandbox --replay` serves recorded answers by method, path and
// kind of credentials, `record` writes the gate's requests to one HAR. The commands run as a user
// runs them (child processes); the sandboxes they call live in this process.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startSandbox, type RunningSandbox } from '../../../cli/target.ts';
import { entriesToServe } from '../../../sandbox/replay.ts';
import { basicAuthHeader, md5Hex } from '../../../src/auth.ts';
import { anonymizeHar, fakeCustomerId } from '../../../src/anonymize.ts';
import { CHECK_NAMES, type CheckName, type CheckResult, type CheckSettings } from '../../../src/checks/result.ts';
import { runCheck } from '../../../src/checks/run.ts';
import { createClient } from '../../../src/client.ts';
import { SANDBOX_PASSWORD, SANDBOX_USERNAME } from '../../../src/config/api.ts';
import type { AuthConfig } from '../../../src/config/credentials.ts';
import { formatFinding } from '../../../src/format-findings.ts';
import { writeFailureBundle } from '../../../src/failure-bundle.ts';
import type { Har, HarEntry } from '../../../src/har.ts';
import { readBundle } from '../../../src/read-bundle.ts';
import { Secret } from '../../../src/secret.ts';
import { SANDBOX_BASIC_AUTH, sandboxCheckSettings } from '../../support/check-settings.ts';
import { childEnv, runToCompletion } from '../../support/processes.ts';
import { programArgs } from '../../support/program.ts';

const CLI = programArgs('cli/trackers-contract.ts');

/**
 * A command as a user runs it, without blocking this process's event loop: the sandboxes it calls live
 * here. Killed after 60 s, ten times a loaded machine's few seconds.
 */
async function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string; err: string }> {
  const r = await runToCompletion(process.execPath, [...CLI, ...args], { env: childEnv(env), timeoutMs: 60_000 });
  return { code: r.code, out: r.stdout, err: r.stderr };
}

const harValidator = createRequire(import.meta.url)('har-validator') as { har(data: unknown): Promise<unknown> };

// Secrets only this file knows, in every form the suite plants them: the password, its md5, the Basic
// header, the OAuth secret and a token issued for it.
const USER = 'replay_user';
const PASSWORD = `planted-${randomBytes(12).toString('hex')}`;
const OAUTH_KEY = 'replay_key';
const OAUTH_SECRET = `planted-${randomBytes(12).toString('hex')}`;
const PLANTED: AuthConfig = { kind: 'basic', username: USER, password: new Secret(PASSWORD), passwordIsMd5: false };

async function check(baseUrl: string, name: CheckName, auth: AuthConfig, ids: Partial<CheckSettings> = {}, fault?: string) {
  const client = createClient({ baseUrl, auth, timeoutMs: 30_000 });
  try {
    const headers = fault ? { 'X-Sandbox-Fault': fault } : undefined;
    return await runCheck(name, client, sandboxCheckSettings(auth, { notFoundStatuses: [200, 400, 404], ...ids }), {
      headers,
      thorough: true,
    });
  } finally {
    client.close();
  }
}

/** Every check over a sandbox, with the sandbox's own credentials. */
const allChecks = (baseUrl: string, ids: Partial<CheckSettings> = {}) =>
  Promise.all(CHECK_NAMES.map((name) => check(baseUrl, name, SANDBOX_BASIC_AUTH, ids)));

let live: RunningSandbox;
let dir: string;
let token: string;
let failing: CheckResult;
let bundle: string;
before(async () => {
  live = await startSandbox({ users: { [USER]: PASSWORD }, oauthClients: { [OAUTH_KEY]: OAUTH_SECRET } });
  dir = mkdtempSync(join(tmpdir(), 'replay-record-'));
  const tokens = createClient({
    baseUrl: live.baseUrl,
    auth: { kind: 'oauth-client', key: OAUTH_KEY, secret: new Secret(OAUTH_SECRET) },
    timeoutMs: 30_000,
  });
  const issued = await tokens.authHeaders();
  tokens.close();
  assert.ok(issued.ok);
  token = Object.values(issued.headers)[0]!;
  failing = await check(live.baseUrl, 'trackers', PLANTED, {}, 'mutation=id-string');
  const written = writeFailureBundle(join(dir, 'failures'), { result: failing, target: 'live', at: Date.now(), version: '1' });
  assert.ok(written.ok);
  bundle = written.path;
});
after(async () => {
  await live.close();
  rmSync(dir, { recursive: true, force: true });
});

const forms = () => [PASSWORD, md5Hex(PASSWORD), basicAuthHeader(USER, PASSWORD).slice('Basic '.length), OAUTH_SECRET, token];
function assertNoSecret(where: string, text: string): void {
  for (const secret of forms()) assert.ok(!text.includes(secret), `a planted secret leaked into ${where}`);
}

describe('replay PATH', () => {
  test('a failing bundle still fails (1) with the first finding the check recorded', async () => {
    assert.equal(failing.verdict, 'fail');
    const first = formatFinding(failing.errors[0]!);
    for (const path of [bundle, join(dir, 'failures'), join(bundle, 'exchange.har')]) {
      const r = await run(['replay', path]);
      assert.equal(r.code, 1, r.out + r.err);
      assert.ok(r.out.includes(`trackers: fail (schema_violation): ${failing.message}`), r.out);
      assert.ok(r.out.includes(`    ${first}\n`), r.out);
      assertNoSecret(`replay ${path}`, r.out + r.err);
    }
  });

  test('a recording that passes now exits 0: a fixed check is proved on what failed', async () => {
    const passing = await check(live.baseUrl, 'not_found', PLANTED);
    const written = writeFailureBundle(join(dir, 'passing'), { result: passing, target: 'live', at: Date.now(), version: '1' });
    assert.ok(written.ok);
    const r = await run(['replay', written.path]);
    assert.equal(r.code, 0, r.out + r.err);
    assert.match(r.out, /not_found: pass: HTTP 404, error 8015/);
  });

  test('a HAR whose requests no check sends judges nothing: inconclusive (3)', async () => {
    const har = JSON.parse(readFileSync(join(bundle, 'exchange.har'), 'utf8')) as Har;
    const entry = har.log.entries[0] as Partial<HarEntry>;
    delete entry._check;
    entry.comment = 'recorded by another tool';
    const file = join(dir, 'foreign.har');
    writeFileSync(file, JSON.stringify(har));
    const r = await run(['replay', file]);
    assert.equal(r.code, 3, r.out + r.err);
    assert.match(r.out, /nothing to judge/);
  });

  test('bad input is one line naming the file, exit 2, and nothing written', async () => {
    const bad = join(dir, 'bad');
    mkdirSync(bad);
    const harText = readFileSync(join(bundle, 'exchange.har'), 'utf8');
    writeFileSync(join(bad, 'truncated.har'), harText.slice(0, harText.length / 2));
    const other = JSON.parse(harText) as Har;
    for (const e of other.log.entries) e.request.url = 'https://api.example.com/v1/orders/1';
    writeFileSync(join(bad, 'other-api.har'), JSON.stringify(other));
    const future = join(bad, 'future');
    mkdirSync(future);
    writeFileSync(join(future, 'exchange.har'), harText);
    writeFileSync(join(future, 'result.json'), JSON.stringify({ bundleVersion: 99 }));
    const before = readdirSync(bad).sort();
    const cases: [string, RegExp][] = [
      [join(bad, 'truncated.har'), /truncated\.har: not valid JSON, truncated or damaged/],
      [
        join(bad, 'other-api.har'),
        /other-api\.har: none of its 1 entries is a request to \/v2\/customers\/\{customerId\}\/trackers/,
      ],
      [join(bad, 'missing'), /missing: no such file or directory/],
      [future, /result\.json: bundle version 99 is newer than this trackers-contract reads/],
      // A directory of them: the first bad one, in name order, fails the whole read.
      [bad, /future\/result\.json: bundle version 99/],
    ];
    for (const [path, message] of cases) {
      const r = await run(['replay', path]);
      assert.equal(r.code, 2, `${path}: ${r.out}${r.err}`);
      assert.equal(r.out, '', 'no verdict printed');
      assert.equal(r.err.trim().split('\n').length, 1, r.err);
      assert.match(r.err, message);
      assert.ok(r.err.includes(path.split('/').pop()!), 'names the file');
    }
    assert.deepEqual(readdirSync(bad).sort(), before, 'nothing written');
  });
});

describe('sandbox --replay', () => {
  test('serves by method, path and kind of credentials, judged against its own; 501 names what is missing', async () => {
    const recorded = await Promise.all(CHECK_NAMES.map((name) => check(live.baseUrl, name, PLANTED)));
    const har = recorded.flatMap((r) => r.steps.flatMap((s) => (s.recorded ? [s.recorded] : [])));
    assert.ok(har.some((x) => x.credentials === 'wrong') && har.some((x) => x.credentials === 'none'));
    const entries = recorded.flatMap((r) => {
      const written = writeFailureBundle(join(dir, 'kinds'), { result: r, target: 'live', at: Date.now(), version: '1' });
      assert.ok(written.ok);
      const read = readBundle(join(written.path, 'exchange.har'));
      assert.ok(read.ok);
      return read.bundle.entries;
    });
    const logged: string[] = [];
    const replay = await startSandbox({ replay: entries, log: (line) => logged.push(line) });
    try {
      // The sandbox's credentials, not the recording's: valid here is what was valid there.
      const results = await allChecks(replay.baseUrl);
      for (const r of results) assert.equal(r.verdict, 'pass', `${r.check}: ${r.message}`);
      assert.deepEqual(logged, []);
      const client = createClient({ baseUrl: replay.baseUrl, auth: SANDBOX_BASIC_AUTH, timeoutMs: 30_000 });
      const missing = await client.getTrackers('12345');
      const head = await client.request('HEAD', '/v2/customers/98662653/trackers');
      client.close();
      assert.equal(missing.status, 501);
      assert.equal(
        (missing.body as { errors: { message: string }[] }).errors[0]!.message,
        'no recording for GET /v2/customers/12345/trackers with valid credentials',
      );
      assert.equal(head.status, 501);
      assert.deepEqual(logged, [
        'sandbox --replay: 501 no recording for GET /v2/customers/12345/trackers with valid credentials',
        'sandbox --replay: 501 no recording for HEAD /v2/customers/98662653/trackers with valid credentials',
      ]);
    } finally {
      await replay.close();
    }
  });

  test('a failure bundle over a baseline fails only where it failed: monitor --once reproduces the verdict', async () => {
    const baseline = await Promise.all(CHECK_NAMES.map((name) => check(live.baseUrl, name, PLANTED)));
    const baseEntries = baseline.flatMap((r) => {
      const w = writeFailureBundle(join(dir, 'baseline'), { result: r, target: 'live', at: Date.now(), version: '1' });
      assert.ok(w.ok);
      const read = readBundle(join(w.path, 'exchange.har'));
      assert.ok(read.ok);
      return read.bundle.entries;
    });
    const failed = readBundle(bundle);
    assert.ok(failed.ok);
    const replay = await startSandbox({ replay: entriesToServe([{ entries: baseEntries }, failed.bundle]) });
    try {
      const r = await run(['monitor', '--once'], {
        CAP_BASE_URL: replay.baseUrl,
        CAP_USERNAME: SANDBOX_USERNAME,
        CAP_PASSWORD: SANDBOX_PASSWORD,
      });
      assert.equal(r.code, 1, r.out + r.err);
      // The summary lines go to stderr, the metrics to stdout.
      assert.ok(r.err.includes(`default trackers  FAIL  schema_violation: ${failing.message}`), r.err);
      assert.match(r.err, /default not_found ok /);
      assert.match(r.err, /default auth {6}ok /);
    } finally {
      await replay.close();
    }
  });
});

describe('record --out FILE.har', () => {
  const variants: [string, () => Record<string, string>][] = [
    ['a Basic password', () => ({ CAP_USERNAME: USER, CAP_PASSWORD: PASSWORD })],
    ['its md5', () => ({ CAP_USERNAME: USER, CAP_PASSWORD: md5Hex(PASSWORD), CAP_PASSWORD_IS_MD5: 'true' })],
    ['an OAuth client', () => ({ CAP_OAUTH_KEY: OAUTH_KEY, CAP_OAUTH_SECRET: OAUTH_SECRET })],
    // The token is issued in before(): read it when the test runs.
    ['an OAuth token', () => ({ CAP_OAUTH_TOKEN: token })],
  ];
  for (const [n, [what, env]] of variants.entries()) {
    test(`records the gate's requests with ${what} redacted; replayed, every check passes`, async () => {
      const out = join(dir, `record-${what.replace(/\W+/g, '-')}.har`);
      const r = await run(['record', '--out', out], { CAP_BASE_URL: live.baseUrl, ...env() });
      assert.equal(r.code, 0, r.out + r.err);
      assert.match(r.out, /record: 15 exchanges from .* \(trackers pass, not_found pass, auth pass, bad_input pass\)/);
      const text = readFileSync(out, 'utf8');
      assertNoSecret(out, text);
      assertNoSecret('record output', r.out + r.err);
      const har = JSON.parse(text) as Har;
      await harValidator.har(har);
      const replay = await startSandbox({ replay: har.log.entries });
      try {
        for (const res of await allChecks(replay.baseUrl)) assert.equal(res.verdict, 'pass', `${res.check}: ${res.message}`);
        // The commands over the replay, once: the requests they send are the same for every variant.
        if (n === 0) {
          const env = { CAP_BASE_URL: replay.baseUrl, CAP_USERNAME: SANDBOX_USERNAME, CAP_PASSWORD: SANDBOX_PASSWORD };
          for (const command of [['monitor', '--once'], ['verify']]) {
            const r = await run(command, env);
            assert.equal(r.code, 0, `${command.join(' ')}: ${r.out}${r.err}`);
          }
        }
      } finally {
        await replay.close();
      }
      if (n > 0) return;
      const again = await run(['replay', out]);
      assert.equal(again.code, 0, again.out + again.err);
      assert.match(again.out, /replay: 4 check\(s\) over 1 recording\(s\): pass/);
      assertNoSecret('replay output', again.out + again.err);
    });
  }

  test('--anonymize maps the customer ids to stable fake ones in paths and bodies; the replay passes with them', async () => {
    const out = join(dir, 'anonymized.har');
    const r = await run(['record', '--out', out, '--anonymize'], {
      CAP_BASE_URL: live.baseUrl,
      CAP_USERNAME: USER,
      CAP_PASSWORD: PASSWORD,
    });
    assert.equal(r.code, 0, r.out + r.err);
    const [customer, missing] = [fakeCustomerId('98662653'), fakeCustomerId('99999999')];
    assert.ok(r.out.includes(`CAP_CUSTOMER_ID=${customer} CAP_MISSING_CUSTOMER_ID=${missing}`), r.out);
    const text = readFileSync(out, 'utf8');
    const har = JSON.parse(text) as Har;
    const real = /(?<![0-9])(98662653|99999999)(?![0-9])/;
    for (const e of har.log.entries) {
      // The malformed ids are the tool's own table (one is built from the sandbox's id), kept as sent.
      if (e._check !== 'bad_input') assert.ok(!real.test(JSON.stringify(e)), `no real id left in ${e.comment}`);
    }
    assert.ok(har.log.entries.some((e) => e.request.url.endsWith(`/v2/customers/${customer}/trackers`)));
    assert.ok(
      har.log.entries.some((e) => e.comment.includes(missing)),
      'in the titles too',
    );
    const replay = await startSandbox({ replay: har.log.entries });
    try {
      const ids = { customerId: customer, missingCustomerId: missing };
      for (const res of await allChecks(replay.baseUrl, ids)) assert.equal(res.verdict, 'pass', `${res.check}: ${res.message}`);
    } finally {
      await replay.close();
    }
    // Stable and consistent: the same fake in another recording, in its body too, and a longer number left alone.
    const entry = structuredClone(har.log.entries[0]!);
    entry.response.content.text = '{"customerId": 98662653, "other": 198662653}';
    const again = anonymizeHar({ log: { ...har.log, entries: [entry] } }, ['98662653']);
    assert.equal(again.fakes.get('98662653'), customer);
    assert.equal(again.har.log.entries[0]!.response.content.text, `{"customerId": ${customer}, "other": 198662653}`);
    assert.equal(
      again.har.log.entries[0]!.response.content.size,
      Buffer.byteLength(`{"customerId": ${customer}, "other": 198662653}`),
    );
  });

  test('--out where nothing can be written: one line, exit 2, nothing written, no request sent', async () => {
    const requestsBefore = live.sandbox.stats.total;
    for (const out of [join(dir, 'no-such-dir', 'x.har'), join(bundle, 'result.json', 'x.har'), dir]) {
      const r = await run(['record', '--out', out], { CAP_BASE_URL: live.baseUrl, CAP_USERNAME: USER, CAP_PASSWORD: PASSWORD });
      assert.equal(r.code, 2, r.out + r.err);
      assert.equal(r.err.trim().split('\n').length, 1, r.err);
      assert.ok(r.err.startsWith(`record: --out ${out}: `), r.err);
    }
    assert.equal(live.sandbox.stats.total, requestsBefore, 'no request sent');
    assert.ok(!readdirSync(dir).includes('no-such-dir'));
  });
});
