import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test, type TestContext } from 'node:test';
import { main } from '../../../cli/monitor.ts';
import { createSandbox } from '../../../sandbox/app.ts';
import { basicAuthHeader, md5Hex } from '../../../src/auth.ts';
import { createClient } from '../../../src/client.ts';
import { SANDBOX_PASSWORD, SANDBOX_USERNAME } from '../../../src/config/api.ts';
import { Secret } from '../../../src/secret.ts';
import { parseFlags } from '../../../monitor/flags.ts';
import { childEnv, runToCompletion } from '../../support/processes.ts';
import { programArgs } from '../../support/program.ts';
import { WatchedText, fetchUntil } from '../../support/wait.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MONITOR = programArgs('cli/monitor.ts');
/**
 * Latency is not what these runs judge (probe.test.ts does): a budget and timeout of a minute, which no loaded machine
 * reaches, so a slow probe cannot turn an expected pass into a failure, or a 5xx into a timeout.
 */
const PATIENT = { CAP_TIMEOUT_MS: '60000', CAP_LATENCY_BUDGET_MS: '60000' };

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run the monitor CLI to completion (bounded: killed after 60 s, ten times a loaded machine's few seconds). */
async function run(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const { code, stdout, stderr } = await runToCompletion(process.execPath, [...MONITOR, ...args], {
    cwd: ROOT,
    env: childEnv(env),
    timeoutMs: 60_000,
  });
  return { code, stdout, stderr };
}

function assertNoStack(r: Run): void {
  assert.doesNotMatch(r.stderr, /^\s+at /m, 'no stack trace');
}

describe('parseFlags', () => {
  const CASES: { argv: string[]; error?: RegExp }[] = [
    { argv: [] },
    { argv: ['--once', '--push', '--instance', 'cron-7'] },
    { argv: ['--interval', '10', '--port', '0', '--host', '0.0.0.0', '--config', 'targets.json'] },
    { argv: ['--sandbox-faults', 'latency=200,error-rate=0.1'] },
    { argv: ['--bogus'], error: /^unknown option --bogus$/ },
    { argv: ['extra'], error: /^unexpected argument extra$/ },
    { argv: ['--interval', '0'], error: /^--interval must be a whole number from 1 to 86400, got "0"$/ },
    { argv: ['--interval', '1.5'], error: /^--interval must be a whole number/ },
    { argv: ['--port', '65536'], error: /^--port must be a whole number from 0 to 65535/ },
    { argv: ['--port'], error: /^--port needs a value$/ },
    { argv: ['--host', 'a b'], error: /^--host must be a host name or IP address/ },
    { argv: ['--push'], error: /^--push needs --once/ },
    { argv: ['--once', '--instance', 'x'], error: /^--instance only applies with --push/ },
    { argv: ['--once', '--push', '--instance', 'a/b'], error: /^--instance must be/ },
    { argv: ['--sandbox-faults', 'latency=fast'], error: /^--sandbox-faults: fault "latency" needs whole milliseconds/ },
    { argv: ['--sandbox-faults', 'explode'], error: /^--sandbox-faults: unknown fault "explode"/ },
    { argv: ['--summary-interval', '0'] },
    { argv: ['--summary-interval', '86401'], error: /^--summary-interval must be a whole number from 0 to 86400, got "86401"$/ },
    { argv: ['--summary-interval', '-1'], error: /^--summary-interval needs a value; one starting with "-" is written/ },
    { argv: ['--once', '--summary-interval', '5'], error: /^--summary-interval applies to the service/ },
    { argv: ['--failures-dir', 'dir', '--failures-keep', '3'] },
    { argv: ['--failures-dir', ''], error: /^--failures-dir needs a directory name$/ },
    { argv: ['--failures-keep', '3'], error: /^--failures-keep only applies with --failures-dir$/ },
    { argv: ['--failures-dir', 'd', '--failures-keep', '0'], error: /^--failures-keep must be a whole number from 1 to 100000/ },
    { argv: ['--alertmanager-url', 'http://am:s3cret-pw@alertmanager:9093'] },
    {
      argv: ['--alertmanager-url', 'ftp://alertmanager'],
      error: /^--alertmanager-url="ftp:\/\/alertmanager": must start with http/,
    },
    { argv: ['--alertmanager-url', 'http://am:s3cret-pw@[x'], error: /^--alertmanager-url=\(value hidden\): is not a URL/ },
    { argv: ['--once', '--alertmanager-url', 'http://am:9093'], error: /^--alertmanager-url applies to the service/ },
  ];
  for (const c of CASES) {
    test(`${JSON.stringify(c.argv)} → ${c.error ?? 'ok'}`, () => {
      const r = parseFlags(c.argv);
      if (!c.error) return assert.ok(r.ok, r.ok ? '' : r.error);
      assert.equal(r.ok, false);
      assert.match(r.ok ? '' : r.error, c.error);
      assert.doesNotMatch(r.ok ? '' : r.error, /\n/, 'one line');
      assert.doesNotMatch(r.ok ? '' : r.error, /s3cret-pw/, 'a password is never echoed');
    });
  }
  test('--alertmanager-url keeps user info as a secret, shown without it', () => {
    const r = parseFlags(['--alertmanager-url', 'http://am:s3cret-pw@alertmanager:9093/']);
    assert.ok(r.ok && r.flags.alertmanagerUrl);
    assert.equal(r.flags.alertmanagerUrl.display, 'http://alertmanager:9093');
    assert.equal(String(r.flags.alertmanagerUrl.url), '[redacted]');
  });
});

/** main() in this process, with its own environment and captured output. */
async function runInProcess(argv: string[], env: Record<string, string> = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { env, out: (text) => (stdout += text), err: (line) => (stderr += `${line}\n`) });
  return { code, stdout, stderr };
}

describe('monitor main() errors: one line, exit 2, no stack', () => {
  test('an unknown flag', async () => {
    const r = await runInProcess(['--bogus']);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'monitor: unknown option --bogus (see --help)\n');
    assert.equal(r.stdout, '');
  });

  test('a bad PROMETHEUS_URL: one line naming it, exit 2, no credentials', async () => {
    const r = await runInProcess(['--once'], { PROMETHEUS_URL: 'gopher://u:hunter2-secret@prom:9090' });
    assert.equal(r.code, 2);
    assert.equal(
      r.stderr,
      'monitor: configuration error: PROMETHEUS_URL=(value hidden): must start with http:// or https:// (see .env.example)\n',
    );
  });

  test('a --failures-dir that cannot be written: one line, exit 2, before any probe', async () => {
    const r = await runInProcess(['--once', '--failures-dir', '/dev/null/bundles']);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'monitor: --failures-dir "/dev/null/bundles": cannot be written (ENOTDIR)\n');
    assert.equal(r.stdout, '');
  });

  test('a bad environment variable names it', async () => {
    const r = await runInProcess(['--once'], { CAP_TIMEOUT_MS: 'soon' });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^monitor: configuration error: CAP_TIMEOUT_MS="soon": must be a whole number/);
    assert.equal(r.stderr.split('\n').length, 2, 'one line');
  });

  test('a bad targets file names the field, from --config or MONITOR_CONFIG', async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'monitor-main-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'targets.json');
    writeFileSync(file, JSON.stringify({ targets: [{ name: 'EU' }] }));
    for (const r of [
      await runInProcess(['--once', '--config', file]),
      await runInProcess(['--once'], { MONITOR_CONFIG: file }),
    ]) {
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^monitor: configuration error: .*targets\.json: \$\.targets\[0\]\.name: must match pattern/);
      assertNoStack(r);
    }
  });

  test('CAP_BASE_URL without credentials: one line naming the variables to set', async () => {
    const r = await runInProcess(['--once'], { CAP_BASE_URL: 'https://eu.api.capillarytech.com' });
    assert.equal(r.code, 2);
    assert.equal(
      r.stderr,
      'monitor: configuration error: CAP_BASE_URL is set but no credentials are: set CAP_USERNAME and CAP_PASSWORD, CAP_OAUTH_KEY and CAP_OAUTH_SECRET, or CAP_OAUTH_TOKEN (see .env.example)\n',
    );
  });

  test('CAP_BASE_URL without credentials, with a targets file: each entry names its own', async (t) => {
    const sandbox = createSandbox();
    const baseUrl = await sandbox.listen(0, '127.0.0.1');
    const dir = mkdtempSync(join(tmpdir(), 'monitor-main-'));
    t.after(async () => {
      rmSync(dir, { recursive: true, force: true });
      await sandbox.close();
    });
    const file = join(dir, 'targets.json');
    writeFileSync(file, JSON.stringify({ targets: [{ name: 'eu', auth: { usernameEnv: 'EU_USER', passwordEnv: 'EU_PASS' } }] }));
    const env = { ...PATIENT, CAP_BASE_URL: baseUrl, EU_USER: SANDBOX_USERNAME, EU_PASS: SANDBOX_PASSWORD };
    const r = await runInProcess(['--once', '--config', file], env);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /^eu trackers +ok +HTTP 200/m);
  });

  test('--push without PUSHGATEWAY_URL', async () => {
    const r = await runInProcess(['--once', '--push']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^monitor: --push needs PUSHGATEWAY_URL/);
  });

  test('--sandbox-faults with no sandbox target', async () => {
    const r = await runInProcess(['--once', '--sandbox-faults', 'hang'], {
      CAP_BASE_URL: 'https://eu.api.capillarytech.com',
      CAP_OAUTH_TOKEN: 'tok',
    });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^monitor: --sandbox-faults needs the embedded sandbox/);
  });

  test('--help: the usage, exit 0', async () => {
    const r = await runInProcess(['--help']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^Usage: /);
    for (const flag of ['--once', '--push', '--instance', '--config', '--interval', '--port', '--host', '--sandbox-faults']) {
      assert.ok(r.stdout.includes(flag), flag);
    }
  });
});

describe('monitor main() --once --push', () => {
  test('PUT to the Pushgateway under job trackers_contract and the instance', async (t) => {
    const received: { method?: string; url?: string; body: string }[] = [];
    const gateway = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push({ method: req.method, url: req.url, body });
        res.end();
      });
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    t.after(() => new Promise<void>((resolve) => gateway.close(() => resolve())));
    const url = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`;
    const r = await runInProcess(['--once', '--push', '--instance', 'ci-test'], { ...PATIENT, PUSHGATEWAY_URL: url });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(received.length, 1);
    assert.equal(received[0]!.method, 'PUT');
    assert.equal(received[0]!.url, '/metrics/job/trackers_contract/instance/ci-test');
    assert.match(received[0]!.body, /^trackers_probes_total\{target="default",check="trackers",result="success"\} 1$/m);
    assert.match(r.stderr, /pushed to http:\/\/127\.0\.0\.1:\d+ \(job trackers_contract, instance ci-test\)/);
  });

  test('a push that fails makes the run fail (exit 1)', async () => {
    const r = await runInProcess(['--once', '--push'], { PUSHGATEWAY_URL: 'http://127.0.0.1:1' });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /push to the Pushgateway failed: ECONNREFUSED/);
  });
});

describe('monitor main() --once --failures-dir', () => {
  test('a bundle per failing check, none for a passing one, each named on stderr', async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'monitor-bundles-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const r = await runInProcess(['--once', '--failures-dir', dir, '--sandbox-faults', 'mutation=no-auth'], PATIENT);
    assert.equal(r.code, 1, r.stderr);
    const bundles = readdirSync(dir);
    assert.equal(bundles.length, 1, bundles.join(', '));
    assert.match(bundles[0]!, /^\d{8}T\d{6}\.\d{3}Z_default_auth$/);
    assert.deepEqual(readdirSync(join(dir, bundles[0]!)).sort(), ['exchange.har', 'reproduce.sh', 'result.json']);
    assert.ok(r.stderr.includes(`msg="failure bundle written" path=${JSON.stringify(join(dir, bundles[0]!))}`), r.stderr);
  });

  test('no planted credential, in any form, in the log, the metrics or any bundle file', async (t) => {
    const user = 'once_user';
    const password = `planted-${randomBytes(12).toString('hex')}`;
    const secret = `planted-${randomBytes(12).toString('hex')}`;
    const sandbox = createSandbox({
      users: { [user]: password },
      oauthClients: { once_key: secret },
      faults: 'mutation=id-string',
    });
    const baseUrl = await sandbox.listen(0);
    t.after(() => sandbox.close());
    const issuer = createClient({
      baseUrl,
      auth: { kind: 'oauth-client', key: 'once_key', secret: new Secret(secret) },
      timeoutMs: 60_000,
    });
    const issued = await issuer.authHeaders();
    issuer.close();
    assert.ok(issued.ok);
    const token = Object.values(issued.headers)[0]!;
    const forms = [password, md5Hex(password), basicAuthHeader(user, password).slice('Basic '.length), secret, token];
    const credentials: Record<string, string>[] = [
      { CAP_USERNAME: user, CAP_PASSWORD: password },
      { CAP_USERNAME: user, CAP_PASSWORD: md5Hex(password), CAP_PASSWORD_IS_MD5: 'true' },
      { CAP_OAUTH_KEY: 'once_key', CAP_OAUTH_SECRET: secret },
      { CAP_OAUTH_TOKEN: token },
    ];
    for (const env of credentials) {
      const dir = mkdtempSync(join(tmpdir(), 'monitor-secrets-'));
      t.after(() => rmSync(dir, { recursive: true, force: true }));
      const r = await runInProcess(['--once', '--failures-dir', dir], { ...PATIENT, CAP_BASE_URL: baseUrl, ...env });
      assert.equal(r.code, 1, r.stderr);
      const places: [string, string][] = [
        ['stdout', r.stdout],
        ['stderr', r.stderr],
      ];
      for (const bundle of readdirSync(dir)) {
        for (const file of readdirSync(join(dir, bundle)))
          places.push([`${bundle}/${file}`, readFileSync(join(dir, bundle, file), 'latin1')]);
      }
      assert.ok(places.length >= 5, `a bundle was written: ${places.map(([w]) => w).join(', ')}`);
      for (const [where, text] of places) {
        for (const form of forms) assert.ok(!text.includes(form), `a planted credential leaked into ${where}`);
      }
    }
  });
});

// The exit-code contract of every command, for --once (in process: the embedded sandbox's faults).
describe('monitor main() --once exit codes', { concurrency: true }, () => {
  const cases: { name: string; faults?: string; code: number }[] = [
    { name: 'every check passes: 0', code: 0 },
    { name: 'the contract is broken: 1', faults: 'mutation=id-string', code: 1 },
    { name: 'authentication is not enforced: 1 (the auth check runs in --once too)', faults: 'mutation=no-auth', code: 1 },
    { name: 'every answer a 5xx: 1 (an answer came, so it is a failure)', faults: 'error-rate=1', code: 1 },
    { name: 'no request got an answer: 3 (inconclusive)', faults: 'reset', code: 3 },
  ];
  for (const c of cases) {
    test(c.name, async () => {
      const r = await runInProcess(['--once', ...(c.faults ? ['--sandbox-faults', c.faults] : [])], PATIENT);
      assert.equal(r.code, c.code, r.stderr);
      assert.equal(
        r.stderr
          .trim()
          .split('\n')
          .filter((l) => /^default (trackers|not_found|auth) /.test(l)).length,
        3,
        r.stderr,
      );
    });
  }
});

describe('monitor main() --once in a maintenance window', () => {
  test('the verdict and exit code stay honest (a failure is a failure), and a line says the window is on', async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'monitor-main-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'targets.json');
    const now = Math.floor(Date.now() / 60_000) * 60_000;
    const window = {
      name: 'db upgrade',
      reason: 'Postgres 16',
      start: new Date(now - 60_000).toISOString(),
      end: new Date(now + 3_600_000).toISOString(),
    };
    writeFileSync(
      file,
      JSON.stringify({ targets: [{ name: 'eu' }, { name: 'us' }], maintenance: [{ ...window, targets: ['eu'] }] }),
    );
    const failing = await runInProcess(['--once', '--config', file, '--sandbox-faults', 'error-rate=1'], PATIENT);
    assert.equal(failing.code, 1, failing.stderr);
    const on = failing.stderr.split('\n').filter((l) => l.includes('maintenance'));
    assert.deepEqual(on, [
      `eu maintenance window "db upgrade" ${window.start.replace('.000Z', 'Z')} to ${window.end.replace('.000Z', 'Z')} (reason "Postgres 16") is on: failures still count here`,
    ]);
    assert.match(failing.stdout, /^trackers_maintenance\{target="eu"\} 1$/m);
    assert.match(failing.stdout, /^trackers_maintenance\{target="us"\} 0$/m);
    assert.match(failing.stdout, /^trackers_maintenance_probes_total\{target="eu",check="trackers",result="failure"\} 1$/m);
    const passing = await runInProcess(['--once', '--config', file], PATIENT);
    assert.equal(passing.code, 0, passing.stderr);
  });
});

describe('monitor CLI (child process)', { concurrency: true }, () => {
  test('--once on the embedded sandbox: the exposition on stdout, one line per probe on stderr, exit 0', async () => {
    const r = await run(['--once'], PATIENT);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^# HELP trackers_probes_total /m);
    assert.match(r.stdout, /^trackers_probes_total\{target="default",check="trackers",result="success"\} 1$/m);
    assert.match(r.stdout, /^trackers_probes_total\{target="default",check="not_found",result="success"\} 1$/m);
    assert.match(r.stdout, /^probe_success\{target="default",check="trackers"\} 1$/m);
    assert.doesNotMatch(r.stdout, /^process_cpu/m, 'no process metrics in a one-shot run');
    assert.match(r.stderr, /^default trackers +ok +HTTP 200, \d+ tracker\(s\)/m);
    assert.match(r.stderr, /^default not_found +ok +HTTP 404, error 8015/m);
  });

  test('--once with a failing sandbox: each failure counted under its reason, exit 1', async () => {
    const r = await run(['--once', '--sandbox-faults', 'error-rate=1'], PATIENT);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /^trackers_probe_failures_total\{target="default",check="trackers",reason="http_5xx"\} 1$/m);
    assert.match(r.stdout, /^trackers_probe_failures_total\{target="default",check="not_found",reason="http_5xx"\} 1$/m);
    assert.match(r.stdout, /^probe_http_status_code\{target="default",check="trackers"\} 503$/m);
    assert.match(r.stderr, /^default trackers +FAIL +http_5xx: HTTP 503/m);
  });

  test('the service: prints its addresses, serves /metrics, stops cleanly on SIGTERM', { timeout: 60_000 }, async (t) => {
    const service = startService(t, ['--port', '0', '--interval', '1']);
    const trackersPassed = /^trackers_probes_total\{target="default",check="trackers",result="success"\} [1-9]\d*$/m;
    const [, base] = await service.stdout.match(/status page: (http:\/\/127\.0\.0\.1:\d+)\/\n/);
    assert.match(String(service.stdout), /^metrics: http:\/\/127\.0\.0\.1:\d+\/metrics$/m);
    // Scraped until the first trackers probe is in: it starts within a second, whenever the machine gets to it.
    const text = await fetchUntil(`${base}/metrics`, (t) => trackersPassed.test(t));
    assert.match(text, /^process_cpu_user_seconds_total /m);
    assert.equal((await fetch(`${base}/healthz`)).status, 200);
    service.child.kill('SIGTERM');
    assert.equal(await service.exited, 0, String(service.stderr));
    assert.match(String(service.stderr), /monitor: SIGTERM: finishing probes in flight/);
    assert.match(String(service.stderr), /monitor: stopped/);
  });

  test(
    'the service’s terminal: a line when a check goes DOWN, and a summary line every --summary-interval',
    { timeout: 60_000 },
    async (t) => {
      const service = startService(t, '--port 0 --interval 1 --summary-interval 1 --sandbox-faults error-rate=1'.split(' '));
      const summary =
        /^level=info msg=summary window_s=1 up=\d+ degraded=\d+ down=[1-9]\d* pending=\d+ default\.ok=0\/[1-9]\d* default\.p95_ms=\d+$/m;
      await service.stderr.match(summary);
      service.child.kill('SIGTERM');
      assert.equal(await service.exited, 0, String(service.stderr));
      const stderr = String(service.stderr);
      assert.match(
        stderr,
        /^level=warn target=default check=trackers from=PENDING to=DOWN reason=http_5xx duration_ms=\d+ msg="PENDING → DOWN: HTTP 503/m,
      );
      assert.equal(stderr.match(/check=trackers from=/g)?.length, 1, 'one line for the change, none for the repeats');
    },
  );
});

/** The service as a child process, its output watched; killed when the test ends, should it still run. */
function startService(t: TestContext, args: string[]) {
  const child = spawn(process.execPath, [...MONITOR, ...args], { cwd: ROOT, env: childEnv(PATIENT) });
  t.after(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  const stdout = new WatchedText();
  const stderr = new WatchedText();
  // Decoded per stream, so a character split across chunks (the log's "→") stays whole.
  child.stdout.setEncoding('utf8').on('data', (c: string) => stdout.append(c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => stderr.append(c));
  const exited = new Promise<number | null>((resolve) =>
    child.on('close', (code, signal) => {
      for (const text of [stdout, stderr]) text.end(`the service exited (${signal ?? code})`);
      resolve(code);
    }),
  );
  return { child, stdout, stderr, exited };
}
