// The gate as a user runs it (cli/gate.ts), one target a run: the exit-code contract (0 pass,
// 1 broken, 2 usage, 3 nothing answered), the report's wording, and that nothing the gate writes
// (terminal, JUnit, HTML report, test results) holds a credential: runs with planted unique secrets,
// passing and failing, every artefact searched for them in every form they travel in. The proof
// that the gate judges every check as it should, target by target, is gate-proof.test.ts.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { basicAuthHeader, md5Hex } from '../../src/auth.ts';
import { HOSTILE_BODIES, MAX_MESSAGE_CHARS } from '../support/hostile-bodies.ts';
import { startHostileServer, type HostileServer } from '../support/hostile-server.ts';
import { recordingOf } from '../../cli/record.ts';
import { startSandbox } from '../../cli/target.ts';
import { entriesToServe } from '../../sandbox/replay.ts';
import { CHECK_NAMES } from '../../src/checks/result.ts';
import { runCheck } from '../../src/checks/run.ts';
import { createClient } from '../../src/client.ts';
import { DEFAULTS, SANDBOX_PASSWORD, SANDBOX_USERNAME } from '../../src/config/api.ts';
import type { AuthConfig } from '../../src/config/credentials.ts';
import { readRecordings } from '../../src/read-bundle.ts';
import { Secret } from '../../src/secret.ts';
import { childEnv, runToCompletion } from '../support/processes.ts';
import { programArgs } from '../support/program.ts';
import { runGate, runGateAgainst, runGateEmbedded, type GateRun } from './run-gate.ts';

const SANDBOX_AUTH: AuthConfig = {
  kind: 'basic',
  username: SANDBOX_USERNAME,
  password: new Secret(SANDBOX_PASSWORD),
  passwordIsMd5: false,
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

function assertAbsent(run: GateRun, secrets: string[]): void {
  const places: [string, string][] = [['terminal output', run.output]];
  for (const file of filesUnder(run.reportDir)) places.push([file, readFileSync(file).toString('latin1')]);
  assert.ok(places.length > 3, `expected report files in ${run.reportDir}`);
  for (const [where, text] of places) {
    for (const secret of secrets) assert.ok(!text.includes(secret), `a planted secret leaked into ${where}`);
  }
}

// A Basic password only this file knows, and the sandboxes its runs start.
const PLANTED_USER = 'gate_user';
const plantedPassword = `planted-${randomBytes(12).toString('hex')}`;
const withPlantedPassword = (faults?: string) =>
  runGate({
    faults,
    sandbox: { users: { [PLANTED_USER]: plantedPassword } },
    env: { CAP_USERNAME: PLANTED_USER, CAP_PASSWORD: plantedPassword },
  });
// One run of a broken contract serves two tests: its exit code and first line, and the planted
// password's absence from what a failing run writes. A second run would prove nothing more.
let brokenRun: Promise<GateRun> | undefined;
const broken = () => (brokenRun ??= withPlantedPassword('mutation=id-string'));

describe('the gate run as a user runs it', { concurrency: 2 }, () => {
  // With no target configured, as on a fresh clone: the embedded sandbox, started by the gate itself.
  test('the documented sandbox passes (0) with the data-quality warnings, each once', async () => {
    const run = await runGateEmbedded();
    assert.equal(run.code, 0, run.output.slice(-3000));
    assert.match(run.output, /warnings \(tolerated; they do not fail the gate\):/);
    // Seven trackers repeat an id: one line, grouped, with its count (src/group-findings.ts).
    assert.equal(run.output.split('[duplicate_tracker_id]').length - 1, 1, 'each group of warnings once');
    assert.match(run.output, /trackers: \$\.data\[\*\]\.id \[duplicate_tracker_id\] .*: 7 of 97 trackers, first seen \d+$/m);
    assert.match(run.output, /^ {2}verdict \(sandbox\):\n {4}pass {2}/m, 'the verdict block names the target');
    for (const check of ['trackers', 'not_found', 'auth', 'bad_input'])
      assert.match(run.output, new RegExp(`^ {4}pass {2}${check} +\\S`, 'm'), `a line for ${check}`);
    assert.match(run.junit, /<testsuites[^>]* failures="0"/);
    assert.match(run.junit, /<testsuite [^>]*hostname="sandbox"/, 'the project is named after the target');
  });

  test('a broken contract fails (1), naming the field and rule first', async () => {
    const run = await broken();
    assert.equal(run.code, 1, run.output.slice(-3000));
    assert.match(run.junit, /<failure message="\$\.data\[0\]\.id \[type\] must be integer \(seen: &quot;9737&quot;\)"/);
    // The first screen of the failure: the finding, the reason, the request; no code frame of our own expect.
    assert.match(
      run.output,
      /Error: \$\.data\[0\]\.id \[type\] must be integer \(seen: "9737"\)\n {6}schema_violation: 1 contract violation\(s\)\n {6}request: GET \/v2\/customers\/98662653\/trackers \(the existing customer\): HTTP 200 in \d+ ms/,
    );
    assert.doesNotMatch(run.output, /support\/gate\.[jt]s:\d+/);
    // The project is the remote target's host; the verdict block gives each skip its reason.
    const host = /hostname="(127\.0\.0\.1:\d+)"/.exec(run.junit)?.[1];
    assert.ok(host, 'JUnit names the target host');
    assert.match(run.output, new RegExp(`^ {2}verdict \\(${host.replace(/\./g, '\\.')}\\):$`, 'm'));
    assert.match(run.output, /^ {4}FAIL {2}trackers {2}schema_violation:\n {12}\$\.data\[0\]\.id \[type\]/m);
    const skips = run.output.match(
      /^ {4}skip {2}.*: the trackers check does not pass \(schema_violation\): see the contract test$/gm,
    );
    assert.equal(skips?.length, 2, run.output.slice(-3000));
  });

  test('a failing check leaves its failure bundle under failures/, named in the JUnit failure', async () => {
    const run = await broken();
    const failures = join(run.reportDir, 'failures');
    const bundles = readdirSync(failures);
    const contract = bundles.find((b) => b.endsWith('_trackers'));
    assert.ok(contract, `a trackers bundle among ${bundles.join(', ')}`);
    assert.deepEqual(readdirSync(join(failures, contract)).sort(), ['exchange.har', 'reproduce.sh', 'result.json']);
    assert.ok(run.junit.includes(`failure bundle: ${join(failures, contract)}`), 'the path, in the failure’s text');
    const har = JSON.parse(readFileSync(join(failures, contract, 'exchange.har'), 'utf8')) as {
      log: { entries: { response: { content: { text: string } } }[] };
    };
    assert.match(har.log.entries[0]!.response.content.text, /"id": "9737"/, 'the body that broke the contract');
  });

  test('its bundle, replayed, fails again: replay (1) and sandbox --replay under the gate, the same way', async () => {
    const run = await broken();
    const failures = join(run.reportDir, 'failures');
    const message = /<failure message="([^"]*)"/.exec(run.junit)![1]!.replace(/&quot;/g, '"');
    const replayed = await runToCompletion(process.execPath, [...programArgs('cli/trackers-contract.ts'), 'replay', failures], {
      env: childEnv(),
      timeoutMs: 120_000,
    });
    assert.equal(replayed.code, 1, replayed.stdout + replayed.stderr);
    assert.ok(replayed.stdout.includes(`    ${message}\n`), `the same first finding: ${replayed.stdout}`);
    // A baseline of the other checks' answers (record's HAR, made here the way record makes it), the failures on top.
    const clean = await startSandbox();
    const client = createClient({ baseUrl: clean.baseUrl, auth: SANDBOX_AUTH, timeoutMs: 30_000 });
    const settings = { ...DEFAULTS, notFoundStatuses: [...DEFAULTS.notFoundStatuses], auth: SANDBOX_AUTH };
    const results = [];
    for (const name of CHECK_NAMES) results.push(await runCheck(name, client, settings, { thorough: name === 'auth' }));
    client.close();
    await clean.close();
    const read = readRecordings(failures);
    assert.ok(read.ok);
    const baseline = { entries: recordingOf(results, 'sandbox', '1').log.entries };
    const replay = await startSandbox({ replay: entriesToServe([baseline, ...read.recordings.map((r) => r.bundle)]) });
    try {
      const again = await runGateAgainst(replay.baseUrl);
      assert.equal(again.code, 1, again.output.slice(-3000));
      const failed = (junit: string) => [...junit.matchAll(/<failure message="([^"]*)"/g)].map((m) => m[1]);
      assert.deepEqual(failed(again.junit), failed(run.junit), 'the same tests fail with the same message');
      assert.match(again.junit, /<testsuites[^>]* failures="1"/);
    } finally {
      await replay.close();
    }
  });

  // These run the contract test alone: the proof (gate-proof.test.ts) judges every check on a reset target, and
  // here it is the run's exit code and wording that matter (each failing check costs a Playwright worker).
  test('a target nothing answers from is inconclusive (3), and each retry is reported', async () => {
    const run = await runGate({ faults: 'reset', args: ['--grep', 'satisfies the contract'] });
    assert.equal(run.code, 3, run.output.slice(-3000));
    assert.match(run.output, /gate: INCONCLUSIVE \(no request got an HTTP answer\)/);
    assert.match(run.output, /attempt 1 got no HTTP answer/);
  });

  test('refused credentials fail (1) and say so', async () => {
    const run = await runGate({ env: { CAP_PASSWORD: 'not-the-sandbox-password' }, args: ['--grep', 'satisfies the contract'] });
    assert.equal(run.code, 1, run.output.slice(-3000));
    assert.match(run.output, /the configured credentials were refused: HTTP 401/);
  });

  test('97 violations are listed once, bounded, not again in a diff', async () => {
    const run = await runGate({ faults: 'mutation=date-reformat', args: ['--grep', 'satisfies the contract'] });
    assert.equal(run.code, 1, run.output.slice(-3000));
    // One line for one rule broken across every tracker, in JUnit's message and the terminal.
    const grouped =
      /\$\.data\[\*\]\.updatedOn \[date-time\] [^\n"]*: 97 of 97 trackers, first seen (?:"|&quot;)2023-12-07 00:00:00(?:"|&quot;)/;
    assert.match(/<failure message="([^"]*)"/.exec(run.junit)?.[1] ?? '', grouped);
    assert.doesNotMatch(run.output, /\$\.data\[\d+\]\.updatedOn/, 'no finding listed one by one');
    assert.ok(run.output.split('\n').length < 60, `the output is bounded (${run.output.split('\n').length} lines)`);
    // Every finding, ungrouped, on disk beside verdict.json.
    const written = JSON.parse(readFileSync(join(run.reportDir, 'check-result.json'), 'utf8')) as {
      checks: { result: { check: string; errors: { path: string }[] } }[];
    };
    const trackers = written.checks.find((c) => c.result.check === 'trackers')!.result;
    assert.deepEqual(
      trackers.errors.map((e) => e.path),
      Array.from({ length: 97 }, (_, i) => `$.data[${i}].updatedOn`),
    );
  });

  test('an unknown option is a usage error (2), not a failure, in one line', async () => {
    const run = await runGate({ args: ['--no-such-option'] });
    assert.equal(run.code, 2, run.output);
    assert.equal(run.output, 'gate: unknown option --no-such-option (see --help)\n');
  });

  // A configuration error is found before Playwright starts: one line, as every command prints it.
  const badConfigurations: [string, string, Record<string, string>, RegExp][] = [
    [
      'a status list that accepts a refusal',
      'http://127.0.0.1:9',
      { CAP_NOT_FOUND_STATUS: '200,401' },
      /CAP_NOT_FOUND_STATUS="200,401"/,
    ],
    ['a base URL that is not one', 'eu.api', {}, /CAP_BASE_URL="eu\.api": is not a URL/],
    [
      'a base URL with the API version',
      'https://eu.api.capillarytech.com/v2/',
      {},
      /: must be the API's root, without the version: https:\/\/eu\.api\.capillarytech\.com \(the client adds/,
    ],
    [
      'a remote target without credentials',
      'http://127.0.0.1:9',
      { CAP_USERNAME: '', CAP_PASSWORD: '' },
      /CAP_BASE_URL is set but no credentials are: set CAP_USERNAME and CAP_PASSWORD, CAP_OAUTH_KEY and CAP_OAUTH_SECRET, or CAP_OAUTH_TOKEN/,
    ],
  ];
  for (const [name, baseUrl, env, pattern] of badConfigurations) {
    test(`${name} is a usage error (2), in one line`, async () => {
      const run = await runGateAgainst(baseUrl, { env });
      assert.equal(run.code, 2, run.output);
      assert.match(run.output, /^gate: configuration error: .* \(see \.env\.example\)\n$/);
      assert.match(run.output, pattern);
    });
  }

  test('--grep matching no test judged nothing: inconclusive (3), and says no test matched', async () => {
    const run = await runGateAgainst('http://127.0.0.1:9', { args: ['--grep', 'no test has this title'] });
    assert.equal(run.code, 3, run.output);
    assert.match(run.output, /gate: INCONCLUSIVE \(no test matched: nothing was judged\)/);
  });

  test('--list lists the tests and exits 0, with no verdict', async () => {
    const run = await runGateAgainst('http://127.0.0.1:9', { args: ['--list'] });
    assert.equal(run.code, 0, run.output);
    assert.match(run.output, /^Total: \d+ tests in \d+ files$/m);
    assert.doesNotMatch(run.output, /gate: /);
  });
});

describe('the gate as a user runs it on a hostile body', () => {
  let server: HostileServer;
  before(async () => {
    server = await startHostileServer(HOSTILE_BODIES);
  });
  after(() => server.close());

  test('exits 1 on a body nested 1,000,000 levels, naming the field', async () => {
    const user = await runGateAgainst(server.baseUrlOf(0), { args: ['--grep', 'satisfies the contract'] });
    assert.equal(user.code, 1, user.output.slice(-3000));
    assert.match(user.output, /\$\.data\[0\]\.name \[type\]/);
    assert.doesNotMatch(user.output, /RangeError/);
    for (const line of user.output.split('\n'))
      assert.ok(line.length <= MAX_MESSAGE_CHARS, `a bounded line: ${line.slice(0, 200)}`);
  });
});

describe('no credential in anything the gate writes', { concurrency: 2 }, () => {
  test('a planted Basic password leaks into no artefact, whether the gate passes or fails', async () => {
    const forms = [
      plantedPassword,
      md5Hex(plantedPassword),
      basicAuthHeader(PLANTED_USER, plantedPassword).slice('Basic '.length),
    ];
    const [passed, failed] = await Promise.all([withPlantedPassword(), broken()]);
    assert.equal(passed.code, 0, passed.output.slice(-2000));
    assert.equal(failed.code, 1, failed.output.slice(-2000));
    assertAbsent(passed, forms);
    assertAbsent(failed, forms);
    assert.ok(filesUnder(join(failed.reportDir, 'failures')).length >= 3, 'the failing run’s bundles were searched too');
  });

  test('a planted OAuth secret leaks into no artefact', async () => {
    const secret = `planted-${randomBytes(12).toString('hex')}`;
    const run = await runGate({
      faults: 'mutation=missing-field',
      sandbox: { oauthClients: { gate_key: secret } },
      env: { CAP_USERNAME: '', CAP_PASSWORD: '', CAP_OAUTH_KEY: 'gate_key', CAP_OAUTH_SECRET: secret },
    });
    assert.equal(run.code, 1, run.output.slice(-2000));
    assert.match(run.output, /\$\.data\[0\]\.updatedOn \[required\]/, 'the gate ran with OAuth and reached the contract check');
    assertAbsent(run, [secret]);
  });
});
