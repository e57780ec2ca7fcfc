// The monitor behind an exporter-toolkit web config (--web.config.file): a real Prometheus scrapes it
// over TLS with basic auth; the same scrape without credentials is refused, and so are the status page
// and /api/status. The certificate comes from the suite's throwaway CA (tests/support/test-ca.ts: openssl,
// a temporary directory, no private key committed), and the password is planted so that no output may contain it.
// Prometheus's verdict on each job is awaited, not its first scrape: a scrape that timed out (the first one
// pays a TLS handshake and a bcrypt comparison, on a machine other suites keep busy) says nothing about
// authentication, and the next scrape decides.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import bcrypt from 'bcryptjs';
import { requireBinaries } from '../support/require-binary.ts';
import { childEnv, freePort, getJson, startService, stopAll, waitFor, type Service } from '../support/processes.ts';
import { programArgs } from '../support/program.ts';
import { createTestCa, type TestCa } from '../support/test-ca.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const gate = requireBinaries('prometheus', 'openssl');
const USER = 'prometheus';
const PASSWORD = `planted-${Math.random().toString(36).slice(2)}-secret`;
// A scrape takes milliseconds, the first one (TLS handshake, bcrypt comparison) about 100 ms: its timeout
// has a tenfold margin over that on a loaded machine. Prometheus allows no timeout above the interval.
const SCRAPE = '2s';
// Waits for an event bounded below the runner's 120 s test timeout, so a failure says what was missing.
const EVENT_MS = 90_000;
// Prometheus's words for a scrape that ran out of time: no verdict on the job.
const TIMED_OUT = /deadline exceeded|timeout/i;

interface Answer {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

function get(url: string, ca: Buffer, auth?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = https.get(url, { ca, timeout: 30_000, headers: auth ? { Authorization: auth } : {} }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${url}: timeout`)));
    req.on('error', reject);
  });
}

describe('a protected monitor (--web.config.file: TLS + bcrypt basic auth)', { skip: gate.skip }, () => {
  const services: Service[] = [];
  let dir = '';
  let base = '';
  let ca: Buffer;
  let testCa: TestCa | undefined;
  let promUrl = '';
  const basic = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'fleet-webcfg-e2e-'));
    // From the suite's throwaway CA, for 127.0.0.1: Prometheus trusts it through ca_file, our client
    // through `ca`. Copied next to the web config, which names them relative to itself.
    testCa = createTestCa();
    copyFileSync(testCa.goodFiles.cert, path.join(dir, 'monitor.crt'));
    copyFileSync(testCa.goodFiles.key, path.join(dir, 'monitor.key'));
    ca = Buffer.from(testCa.caPem);
    // Relative file names: exporter-toolkit resolves them against the web-config's directory.
    writeFileSync(
      path.join(dir, 'web.yml'),
      `tls_server_config:\n  cert_file: monitor.crt\n  key_file: monitor.key\nbasic_auth_users:\n  ${USER}: '${bcrypt.hashSync(PASSWORD, 10)}'\n`,
    );
    const monitor = startService(
      'monitor',
      process.execPath,
      // The default interval: one probe at start-up gives the series this suite reads, and the monitor
      // spends its CPU on the scrapes being tested, not on probing every second.
      [...programArgs('cli/monitor.ts'), '--port', '0', '--web.config.file', path.join(dir, 'web.yml')],
      childEnv(),
      ROOT,
    );
    services.push(monitor);
    base = await waitFor(
      'the monitor to print its https URL',
      () => monitor.output().match(/metrics: (https:\/\/\S+)\/metrics/)?.[1],
      { services },
    );

    const port = await freePort();
    promUrl = `http://127.0.0.1:${port}`;
    const hostPort = new URL(base).host;
    const tlsConfig = { ca_file: testCa.caFile };
    const config = {
      global: { scrape_interval: SCRAPE, scrape_timeout: SCRAPE },
      scrape_configs: [
        {
          job_name: 'with-credentials',
          scheme: 'https',
          tls_config: tlsConfig,
          basic_auth: { username: USER, password_file: path.join(dir, 'password') },
          static_configs: [{ targets: [hostPort] }],
        },
        { job_name: 'without-credentials', scheme: 'https', tls_config: tlsConfig, static_configs: [{ targets: [hostPort] }] },
        {
          job_name: 'plain-http',
          scheme: 'http',
          basic_auth: { username: USER, password_file: path.join(dir, 'password') },
          static_configs: [{ targets: [hostPort] }],
        },
      ],
    };
    writeFileSync(path.join(dir, 'password'), PASSWORD);
    writeFileSync(path.join(dir, 'prometheus.yml'), JSON.stringify(config));
    const prometheus = startService('prometheus', gate.path('prometheus'), [
      `--config.file=${path.join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${path.join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=warn',
    ]);
    services.push(prometheus);
    await waitFor('Prometheus to be ready', async () => ((await fetch(`${promUrl}/-/ready`)).ok ? true : undefined), {
      services,
    });
  });
  after(async () => {
    await stopAll(services);
    if (dir) rmSync(dir, { recursive: true, force: true });
    testCa?.remove();
  });

  test('Prometheus scrapes over TLS with basic auth; without credentials, or over plain HTTP, it is refused', async () => {
    type Target = { labels: { job: string }; health: string; lastError: string };
    type Targets = { data: { activeTargets: Target[] } };
    const decided = (a: Target) => a.health === 'up' || (a.health === 'down' && !TIMED_OUT.test(a.lastError));
    let seen = '';
    const byJob = await waitFor(
      'a verdict on all three jobs (a scrape that did not time out)',
      async () => {
        const t = await getJson<Targets>(`${promUrl}/api/v1/targets`);
        const m = new Map(t.data.activeTargets.map((a) => [a.labels.job, a]));
        seen = [...m.values()].map((a) => `${a.labels.job}: ${a.health} ${a.lastError}`).join('; ');
        return m.size === 3 && [...m.values()].every(decided) ? m : undefined;
      },
      { services, timeoutMs: EVENT_MS },
    ).catch((e: unknown) => {
      throw new Error(`${(e as Error).message.split('\n')[0]}; last seen: ${seen}`);
    });
    assert.equal(byJob.get('with-credentials')!.health, 'up', byJob.get('with-credentials')!.lastError);
    assert.equal(byJob.get('without-credentials')!.health, 'down');
    assert.match(byJob.get('without-credentials')!.lastError, /401/);
    assert.equal(byJob.get('plain-http')!.health, 'down');
    const samples = await waitFor(
      'a probe series through the protected scrape',
      async () => {
        const r = await getJson<{ data: { result: unknown[] } }>(
          `${promUrl}/api/v1/query?query=${encodeURIComponent('probe_success{job="with-credentials"}')}`,
        );
        return r.data.result.length > 0 ? r.data.result : undefined;
      },
      { services, timeoutMs: EVENT_MS },
    );
    assert.ok(samples.length > 0);
  });

  for (const p of ['/metrics', '/', '/api/status']) {
    test(`${p}: 401 with a Basic challenge without credentials or with a wrong password, 200 with them`, async () => {
      const none = await get(`${base}${p}`, ca);
      assert.equal(none.status, 401);
      assert.match(String(none.headers['www-authenticate']), /^Basic realm=/);
      assert.ok(!none.body.includes('trackers_'), 'nothing of the content');
      const wrong = await get(`${base}${p}`, ca, `Basic ${Buffer.from(`${USER}:nope`).toString('base64')}`);
      assert.equal(wrong.status, 401);
      const ok = await get(`${base}${p}`, ca, basic);
      assert.equal(ok.status, 200);
    });
  }

  test('/healthz stays open for liveness probes, and tells nothing but ok', async () => {
    const r = await get(`${base}/healthz`, ca);
    assert.equal(r.status, 200);
    assert.deepEqual(Object.keys(JSON.parse(r.body) as object).sort(), ['status', 'targets', 'uptime']);
  });

  test('the password and the hash appear in no output of the monitor or Prometheus', () => {
    const hash = readFileSync(path.join(dir, 'web.yml'), 'utf8').match(/'(\$2.*)'/)![1]!;
    for (const s of services) {
      assert.ok(!s.output().includes(PASSWORD), `${s.name} printed the password`);
      assert.ok(!s.output().includes(hash), `${s.name} printed the hash`);
    }
  });
});
