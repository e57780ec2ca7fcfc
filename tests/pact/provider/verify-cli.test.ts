// `npm run verify` as a user runs it: a child process, its exit code and what it
// prints. Against its own embedded sandbox, and against a sandbox started here
// and given as CAP_BASE_URL (a "remote" target, with its own credentials).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startSandbox, type RunningSandbox } from '../../../cli/target.ts';
import { basicAuthHeader, md5Hex } from '../../../src/auth.ts';
import { SANDBOX_PASSWORD } from '../../../src/config/api.ts';
import { freePort } from '../../support/processes.ts';
import { runVerifyCli, type CliRun } from '../support/run-verify-cli.ts';

// Credentials only the sandbox below knows: none of their forms may appear in any output.
const USER = 'pact_verifier';
const PASSWORD = 'Verifier-Secret-7f3a9c';
const OAUTH_KEY = 'pact_oauth_client';
const OAUTH_SECRET = 'OAuth-Secret-91c2d8';
const CREDENTIAL_FORMS = [PASSWORD, md5Hex(PASSWORD), basicAuthHeader(USER, PASSWORD).slice('Basic '.length), OAUTH_SECRET];

function assertNoCredentials(output: string): void {
  for (const form of [...CREDENTIAL_FORMS, SANDBOX_PASSWORD, md5Hex(SANDBOX_PASSWORD)]) {
    assert.ok(!output.includes(form), 'a credential appears in the output of npm run verify');
  }
}

// Two sandboxes that know only these credentials: one as documented, one sending id as a string.
let sandboxes: RunningSandbox[] = [];
let baseUrl: string;
let mutatedUrl: string;
before(async () => {
  const options = { users: { [USER]: PASSWORD }, oauthClients: { [OAUTH_KEY]: OAUTH_SECRET } };
  sandboxes = await Promise.all([startSandbox(options), startSandbox({ ...options, faults: 'mutation=id-string' })]);
  [baseUrl, mutatedUrl] = sandboxes.map((s) => s.baseUrl) as [string, string];
});
after(() => Promise.all(sandboxes.map((s) => s.close())));

/** The start of every ANSI control sequence (CSI). */
const ESC = '\u001b[';

const basicEnv = (url = baseUrl) => ({ CAP_BASE_URL: url, CAP_USERNAME: USER, CAP_PASSWORD: PASSWORD });

// Two runs each serve two tests (what they print, and that none of it is coloured): the same command
// with the same configuration, run twice, would prove nothing more.
let embedded: Promise<CliRun> | undefined;
let mutated: Promise<CliRun> | undefined;
const embeddedRun = () => (embedded ??= runVerifyCli());
const mutatedRun = () => (mutated ??= runVerifyCli(basicEnv(mutatedUrl)));

// The runs share nothing (each sandbox's faults are fixed), so they run side by side.
describe('npm run verify', { concurrency: 3 }, () => {
  test('passes against the embedded sandbox (no configuration), exit 0', async () => {
    const run = await embeddedRun();
    assert.equal(run.code, 0, run.output);
    assert.match(run.output, /^PASS loyalty-mobile-app: 2 interactions/m);
    assert.match(run.output, /^PASS tier-upgrade-service: 1 interaction/m);
    assert.match(run.output, /verification PASSED: 2 contracts/);
    assertNoCredentials(run.output);
  });

  test('fails with exit 1 when the provider sends id as a string, naming the consumer, interaction, path and field', async () => {
    const run = await mutatedRun();
    assert.equal(run.code, 1, run.output);
    const summary = run.output.slice(run.output.indexOf('=== consumer contract verification'));
    assert.match(summary, /^PASS loyalty-mobile-app/m);
    assert.match(summary, /^FAIL tier-upgrade-service: 1 of 1 interaction broken/m);
    assert.match(summary, /x tier-upgrade-service: "a request for the trackers that decide a tier upgrade"/);
    assert.match(summary, /request: GET \/v2\/customers\/98662653\/trackers/);
    assert.match(summary, /- \[body\] \$\.data\[0\]\.id: Expected '9737' \(String\) to be an integer/);
    assert.match(summary, /verification FAILED: 1 of 2 contracts broken \(tier-upgrade-service\)/);
    assertNoCredentials(run.output);
  });

  test('sends the configured OAuth credentials in place of the contract placeholders', async () => {
    const run = await runVerifyCli({ CAP_BASE_URL: baseUrl, CAP_OAUTH_KEY: OAUTH_KEY, CAP_OAUTH_SECRET: OAUTH_SECRET });
    assert.equal(run.code, 0, run.output);
    assertNoCredentials(run.output);
  });

  test('wrong credentials fail with exit 1 and say the provider refused them', async () => {
    const run = await runVerifyCli({ ...basicEnv(), CAP_PASSWORD: 'not-the-password-3e1b' });
    assert.equal(run.code, 1, run.output);
    assert.match(run.output, /the provider refused the configured credentials/);
    assert.ok(!run.output.includes('not-the-password-3e1b'));
  });

  test('an unreachable provider is inconclusive (exit 3) with the reason, never a stack trace', async () => {
    // Below the ephemeral range: a port just closed there could be given to any server started on port 0.
    const port = await freePort();
    const run = await runVerifyCli({ ...basicEnv(), CAP_BASE_URL: `http://127.0.0.1:${port}` });
    assert.equal(run.code, 3, run.output);
    assert.match(run.output, /no answer from the provider: connection_refused/);
    assert.match(run.output, /^INCONCLUSIVE loyalty-mobile-app: 2 of 2 interactions got no answer from the provider/m);
    assert.match(run.output, /verification INCONCLUSIVE: the provider did not answer, so no contract was judged/);
    assert.doesNotMatch(run.output, /verification FAILED|contracts? broken/);
    assert.doesNotMatch(run.output, /^\s+at /m);
  });

  test('bad configuration stops it with exit 2 and one line per problem, no stack trace', async () => {
    const run = await runVerifyCli({ CAP_TIMEOUT_MS: 'soon', CAP_CUSTOMER_ID: 'abc' });
    assert.equal(run.code, 2, run.output);
    assert.match(run.stderr, /CAP_TIMEOUT_MS="soon": must be a whole number/);
    assert.match(run.stderr, /CAP_CUSTOMER_ID="abc": must be a positive integer customer id/);
    assert.doesNotMatch(run.output, /^\s+at /m);
  });

  // Pact's native verifier colours its report whatever stdout is; in a pipe or a CI log the codes are noise.
  // runVerifyCli passes on none of ENV_VARS, so a NO_COLOR or FORCE_COLOR in the developer's shell counts for nothing.
  test('prints no ANSI escape codes into a pipe, on stdout or stderr', async () => {
    const run = await embeddedRun();
    assert.equal(run.code, 0, run.output);
    assert.ok(!run.stdout.includes(ESC), `an escape code on stdout: ${JSON.stringify(run.stdout.slice(0, 300))}`);
    assert.ok(!run.stderr.includes(ESC), `an escape code on stderr: ${JSON.stringify(run.stderr.slice(0, 300))}`);
    assert.match(run.stdout, /has status code 200 \(OK\)/, "the verifier's own report is still there, in plain text");
  });

  test('a broken contract into a pipe: no escape codes, still exit 1', async () => {
    const run = await mutatedRun();
    assert.equal(run.code, 1, run.output);
    assert.ok(!`${run.stdout}${run.stderr}`.includes(ESC), 'no escape code in the output');
  });

  test('keeps the colour in a pipe when FORCE_COLOR=1', async () => {
    const run = await runVerifyCli({ FORCE_COLOR: '1' });
    assert.equal(run.code, 0, run.output);
    assert.ok(run.stdout.includes(ESC), 'the verifier report is coloured');
  });

  test('an unexpected argument is a usage error, exit 2', async () => {
    const run = await runVerifyCli({}, ['--broker']);
    assert.equal(run.code, 2, run.output);
    assert.equal(run.stderr, 'verify: unknown option --broker (see --help)\n');
  });

  test('a remote provider without credentials is a usage error, exit 2, naming the variables', async () => {
    const run = await runVerifyCli({ CAP_BASE_URL: baseUrl });
    assert.equal(run.code, 2, run.output);
    assert.equal(
      run.stderr,
      'verify: configuration error: CAP_BASE_URL is set but no credentials are: set CAP_USERNAME and CAP_PASSWORD, CAP_OAUTH_KEY and CAP_OAUTH_SECRET, or CAP_OAUTH_TOKEN (see .env.example)\n',
    );
  });
});
