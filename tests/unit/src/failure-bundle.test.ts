// Failure bundles: the HAR a check's exchanges become (validated by har-validator, a schema we did not
// write), the files a bundle holds, reproduce.sh resending the request, retention, and no credential in
// any form in any file.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createSandbox, type Sandbox } from '../../../sandbox/app.ts';
import { basicAuthHeader, md5Hex } from '../../../src/auth.ts';
import { runCheck } from '../../../src/checks/run.ts';
import type { CheckName, CheckResult } from '../../../src/checks/result.ts';
import { createClient, REDACTED } from '../../../src/client.ts';
import type { AuthConfig } from '../../../src/config/credentials.ts';
import { BUNDLE_FILES, bundleName, pruneBundles, reproduceScript, writeFailureBundle } from '../../../src/failure-bundle.ts';
import { harOf, harTimings, type Har } from '../../../src/har.ts';
import { readBundle } from '../../../src/read-bundle.ts';
import { Secret } from '../../../src/secret.ts';
import { sandboxCheckSettings } from '../../support/check-settings.ts';
import { runToCompletion } from '../../support/processes.ts';

/**
 * Run a command in exactly this environment without blocking this process's event loop: the sandbox
 * it calls lives here. Killed after 60 s, ten times a loaded machine's few seconds.
 */
const run = (file: string, args: string[], env: NodeJS.ProcessEnv) => runToCompletion(file, args, { env, timeoutMs: 60_000 });

const harValidator = createRequire(import.meta.url)('har-validator') as { har(data: unknown): Promise<unknown> };

/** har-validator's verdict, its errors in the message when it refuses. */
async function assertValidHar(har: Har): Promise<void> {
  await harValidator.har(har).catch((err: { errors?: unknown }) => {
    assert.fail(`not valid HAR 1.2: ${JSON.stringify(err.errors ?? err)}`);
  });
}

const USER = 'bundle_user';
const PASSWORD = `planted-${randomBytes(12).toString('hex')}`;
const OAUTH_KEY = 'bundle_key';
const OAUTH_SECRET = `planted-${randomBytes(12).toString('hex')}`;
const BASIC: AuthConfig = { kind: 'basic', username: USER, password: new Secret(PASSWORD), passwordIsMd5: false };

let sandbox: Sandbox;
let baseUrl: string;
let dir: string;
before(async () => {
  sandbox = createSandbox({ users: { [USER]: PASSWORD }, oauthClients: { [OAUTH_KEY]: OAUTH_SECRET } });
  baseUrl = await sandbox.listen(0);
  dir = mkdtempSync(join(tmpdir(), 'failure-bundle-'));
});
after(async () => {
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

async function check(
  name: CheckName,
  options: { auth?: AuthConfig; fault?: string; captureBodyBytes?: number; thorough?: boolean } = {},
): Promise<CheckResult> {
  const auth = options.auth ?? BASIC;
  const client = createClient({ baseUrl, auth, timeoutMs: 30_000, captureBodyBytes: options.captureBodyBytes });
  try {
    const headers = options.fault ? { 'X-Sandbox-Fault': options.fault } : undefined;
    return await runCheck(name, client, sandboxCheckSettings(auth), { headers, thorough: options.thorough });
  } finally {
    client.close();
  }
}

const header = (headers: { name: string; value: string }[], name: string) =>
  headers.find((h) => h.name.toLowerCase() === name.toLowerCase())?.value;

describe('exchange.har', () => {
  test('a failing trackers check: one valid HAR 1.2 entry with the decoded body, both sizes and the credential redacted', async () => {
    const result = await check('trackers', { fault: 'mutation=id-string' });
    assert.equal(result.reason, 'schema_violation');
    const har = harOf(result, '9.9.9');
    await assertValidHar(har);
    assert.deepEqual(har.log.creator, { name: 'trackers-contract', version: '9.9.9' });
    const [entry] = har.log.entries;
    assert.equal(har.log.entries.length, 1);
    assert.equal(entry!.request.url, `${baseUrl}/v2/customers/98662653/trackers`);
    assert.equal(header(entry!.request.headers, 'authorization'), REDACTED);
    assert.equal(entry!.request._credentials, 'configured');
    assert.equal(header(entry!.request.headers, 'x-sandbox-fault'), 'mutation=id-string', 'other headers as sent');
    assert.equal(entry!.response.status, 200);
    assert.equal(header(entry!.response.headers, 'content-encoding'), 'gzip', 'the headers as received');
    const body = JSON.parse(entry!.response.content.text!) as { data: { id: unknown }[] };
    assert.equal(typeof body.data[0]!.id, 'string', 'the decoded body that broke the contract');
    assert.equal(entry!.response.content.size, result.steps[0]!.decodedBodySize);
    assert.equal(entry!.response.bodySize, result.steps[0]!.bodySize);
    assert.ok(entry!.response.bodySize < entry!.response.content.size, 'compressed on the wire');
    assert.equal(entry!._reason, 'schema_violation');
    assert.ok(entry!.timings.wait >= 0 && entry!.time >= entry!.timings.wait, JSON.stringify(entry!.timings));
  });

  test('the auth check: an entry per attempt, each with the kind of credentials it carried', async () => {
    const result = await check('auth', { thorough: true });
    const har = harOf(result, '1');
    await assertValidHar(har);
    assert.deepEqual(
      har.log.entries.map((e) => [e.request._credentials, e.response.status]),
      [
        ['none', 401],
        ['wrong', 401],
        ['wrong', 401],
        ['wrong', 401],
      ],
    );
    for (const e of har.log.entries.slice(1)) {
      const values = e.request.headers.filter((h) => /authorization|oauth-token/i.test(h.name)).map((h) => h.value);
      assert.deepEqual(values, [REDACTED], 'even a wrong credential is redacted');
    }
  });

  test('a body over the capture cap is cut there and the truncation marked', async () => {
    const result = await check('trackers', { fault: 'mutation=id-string', captureBodyBytes: 100 });
    const har = harOf(result, '1');
    await assertValidHar(har);
    const content = har.log.entries[0]!.response.content;
    assert.equal(Buffer.byteLength(content.text!), 100);
    assert.match(content.comment ?? '', /truncated: the recording keeps the first 100 bytes/);
    assert.equal(result.reason, 'schema_violation', 'the cap is the recording’s, not the judgement’s');
  });

  test('a body that does not decode is kept as received, in base64', async () => {
    const result = await check('trackers', { fault: 'lying-encoding' });
    assert.equal(result.reason, 'bad_content_encoding');
    const har = harOf(result, '1');
    await assertValidHar(har);
    const content = har.log.entries[0]!.response.content;
    assert.equal(content.encoding, 'base64');
    assert.equal(Buffer.from(content.text!, 'base64').length, result.steps[0]!.bodySize);
  });

  test('no answer: status 0 and the reason, still valid HAR', async () => {
    const client = createClient({ baseUrl: 'http://127.0.0.1:1', auth: BASIC, timeoutMs: 30_000 });
    const result = await runCheck('trackers', client, sandboxCheckSettings(BASIC));
    const har = harOf(result, '1');
    await assertValidHar(har);
    assert.equal(har.log.entries[0]!.response.status, 0);
    assert.match(har.log.entries[0]!.response._error ?? '', /ECONNREFUSED|refused/);
  });

  test('timings: each phase’s length from the client’s offsets, -1 where unknown', () => {
    const t = { startedAt: 0, dnsMs: 2, connectMs: 5, tlsMs: 9, ttfbMs: 30, totalMs: 34 };
    assert.deepEqual(harTimings(t), { blocked: -1, dns: 2, connect: 7, ssl: 4, send: 0, wait: 21, receive: 4 });
    assert.deepEqual(harTimings({ startedAt: 0, connectMs: 1, ttfbMs: 3, totalMs: 4 }), {
      blocked: -1,
      dns: -1,
      connect: 1,
      ssl: -1,
      send: 0,
      wait: 2,
      receive: 1,
    });
  });
});

describe('the bundle on disk', () => {
  test('three files; reproduce.sh is executable and resends the request with credentials from the environment', async () => {
    const result = await check('trackers', { fault: 'mutation=id-string' });
    const written = writeFailureBundle(dir, {
      result,
      target: 'eu cluster/1',
      at: Date.UTC(2026, 11, 8, 4, 55, 12, 123),
      version: '1',
    });
    assert.ok(written.ok, written.ok ? '' : written.message);
    assert.equal(written.path, join(dir, '20261208T045512.123Z_eu_cluster_1_trackers'));
    assert.deepEqual(readdirSync(written.path).sort(), [...BUNDLE_FILES].sort());
    assert.ok(statSync(join(written.path, 'reproduce.sh')).mode & 0o100, 'executable');
    const doc = JSON.parse(readFileSync(join(written.path, 'result.json'), 'utf8')) as {
      bundleVersion: number;
      result: CheckResult;
    };
    assert.equal(doc.bundleVersion, 1);
    assert.equal(doc.result.errors.length, result.errors.length, 'every finding');
    assert.equal(doc.result.steps[0]!.recorded, undefined, 'the exchange is in the HAR, not twice');
    const script = join(written.path, 'reproduce.sh');
    const sent = await run(script, [], {
      PATH: process.env.PATH,
      CAP_USERNAME: USER,
      CAP_PASSWORD: PASSWORD,
      CAP_BASE_URL: baseUrl,
    });
    assert.equal(sent.code, 0, sent.stderr);
    assert.match(sent.stdout, /^HTTP\/1\.1 200/);
    assert.match(sent.stdout, /"id": "9737"/, 'the same broken body, decoded by curl');
    const without = await run(script, [], { PATH: process.env.PATH });
    assert.equal(without.code, 2);
    assert.equal(without.stderr, 'reproduce.sh: set CAP_USERNAME and CAP_PASSWORD, or CAP_OAUTH_TOKEN\n');
  });

  test('reproduce.sh of the auth check: no credentials and wrong ones, refused again', async () => {
    const script = reproduceScript(await check('auth', { thorough: true }));
    execFileSync('sh', ['-n', '-c', script]);
    const sent = await run('sh', ['-c', script], { PATH: process.env.PATH, CAP_BASE_URL: baseUrl });
    assert.equal(sent.code, 0, sent.stderr);
    assert.equal(sent.stdout.match(/^HTTP\/1\.1 401/gm)?.length, 4, sent.stdout.slice(0, 2000));
  });

  test('a directory that cannot be written is one line, not a throw', async () => {
    const result = await check('trackers', { fault: 'mutation=id-string' });
    const written = writeFailureBundle('/dev/null/bundles', { result, target: 't', at: 0, version: '1' });
    assert.deepEqual(written, { ok: false, message: 'failure bundle: cannot write under /dev/null/bundles (ENOTDIR)' });
  });

  test('retention keeps the newest N of one target and check, and no other’s', () => {
    const root = join(dir, 'prune');
    const names = [1, 2, 3, 4].map((s) => bundleName(s * 1000, 'eu', 'trackers'));
    const others = [bundleName(500, 'x_eu', 'trackers'), bundleName(600, 'eu', 'not_found')];
    for (const n of [...names, ...others, `${names[3]}-2`]) mkdirSync(join(root, n), { recursive: true });
    assert.deepEqual(pruneBundles(root, 'eu', 'trackers', 2), { ok: true, deleted: 3 });
    assert.deepEqual(readdirSync(root).sort(), [...others, names[3], `${names[3]}-2`].sort());
  });
});

describe('reading a bundle back: bad input is one line naming the file', () => {
  let bundle: string;
  before(async () => {
    const result = await check('trackers', { fault: 'mutation=id-string' });
    const written = writeFailureBundle(join(dir, 'read'), { result, target: 'eu', at: Date.now(), version: '1' });
    assert.ok(written.ok);
    bundle = written.path;
  });
  /** A copy of the bundle with one file replaced. */
  const variant = (name: string, file: string, text: string) => {
    const copy = join(dir, 'read', name);
    cpSync(bundle, copy, { recursive: true });
    writeFileSync(join(copy, file), text);
    return copy;
  };

  test('a bundle, and its HAR alone, read back with the endpoint’s entries', () => {
    const read = readBundle(bundle);
    assert.ok(read.ok, read.ok ? '' : read.message);
    assert.equal(read.bundle.entries.length, 1);
    assert.equal(read.bundle.target, 'eu');
    assert.equal(read.bundle.result?.reason, 'schema_violation');
    const har = readBundle(join(bundle, 'exchange.har'));
    assert.ok(har.ok && har.bundle.entries.length === 1 && har.bundle.result === undefined);
  });

  test('missing, not a directory, truncated, another API, a later version, not a bundle', () => {
    const text = readFileSync(join(bundle, 'exchange.har'), 'utf8');
    const result = JSON.parse(readFileSync(join(bundle, 'result.json'), 'utf8')) as Record<string, unknown>;
    const other = JSON.parse(text) as Har;
    for (const e of other.log.entries) e.request.url = 'http://127.0.0.1/v1/orders/1';
    const cases: [string, string][] = [
      [join(dir, 'nowhere'), `${join(dir, 'nowhere')}: no such file or directory`],
      [join(bundle, 'result.json', 'x'), `${join(bundle, 'result.json', 'x')}: cannot be read (ENOTDIR)`],
      [
        variant('truncated', 'exchange.har', text.slice(0, 500)),
        `${join(dir, 'read', 'truncated', 'exchange.har')}: not valid JSON, truncated or damaged (`,
      ],
      [
        variant('other-api', 'exchange.har', JSON.stringify(other)),
        `${join(dir, 'read', 'other-api', 'exchange.har')}: none of its 1 entries is a request to /v2/customers/{customerId}/trackers`,
      ],
      [
        variant('future', 'result.json', JSON.stringify({ ...result, bundleVersion: 2 })),
        `${join(dir, 'read', 'future', 'result.json')}: bundle version 2 is newer than this trackers-contract reads (1): upgrade it`,
      ],
      [
        variant('no-version', 'result.json', '{}'),
        `${join(dir, 'read', 'no-version', 'result.json')}: no bundleVersion: not a failure bundle`,
      ],
      [
        variant('not-har', 'exchange.har', '{"log":{}}'),
        `${join(dir, 'read', 'not-har', 'exchange.har')}: not a HAR log (no log.entries)`,
      ],
    ];
    for (const [path, message] of cases) {
      const read = readBundle(path);
      assert.equal(read.ok, false, path);
      const got = read.ok ? '' : read.message;
      assert.ok(got.startsWith(message), `${got}\n  expected to start with: ${message}`);
      assert.doesNotMatch(got, /\n/, 'one line');
    }
  });
});

describe('no credential in any form in any bundle file', () => {
  test('password, its md5, the Basic header, the OAuth secret and the OAuth token are absent', async () => {
    const tokenClient = createClient({
      baseUrl,
      auth: { kind: 'oauth-client', key: OAUTH_KEY, secret: new Secret(OAUTH_SECRET) },
      timeoutMs: 30_000,
    });
    const issued = await tokenClient.authHeaders();
    tokenClient.close();
    assert.ok(issued.ok);
    const token = Object.values(issued.headers)[0]!;
    const auths: AuthConfig[] = [
      BASIC,
      { kind: 'basic', username: USER, password: new Secret(md5Hex(PASSWORD)), passwordIsMd5: true },
      { kind: 'oauth-client', key: OAUTH_KEY, secret: new Secret(OAUTH_SECRET) },
      { kind: 'oauth-token', token: new Secret(token) },
    ];
    const forms = [PASSWORD, md5Hex(PASSWORD), basicAuthHeader(USER, PASSWORD).slice('Basic '.length), OAUTH_SECRET, token];
    const root = join(dir, 'secrets');
    let files = 0;
    for (const auth of auths) {
      for (const name of ['trackers', 'not_found', 'auth'] as const) {
        const result = await check(name, { auth, fault: 'mutation=id-string', thorough: true });
        const written = writeFailureBundle(root, { result, target: auth.kind, at: Date.now(), version: '1' });
        assert.ok(written.ok);
      }
    }
    for (const bundle of readdirSync(root)) {
      for (const file of readdirSync(join(root, bundle))) {
        const text = readFileSync(join(root, bundle, file), 'latin1');
        files++;
        for (const secret of forms) assert.ok(!text.includes(secret), `a planted secret leaked into ${bundle}/${file}`);
      }
    }
    assert.equal(files, 4 * 3 * 3);
  });
});
