// The package works outside this repository: npm pack, install the tarball into
// an empty project with production dependencies only, and run the installed
// trackers-contract there as a user would (validate the documented body, monitor
// --once on the embedded sandbox, sandbox on a free port, gate, verify and the
// library's public entry against it), checking exit codes and first lines. The
// tarball's file list holds the product only, and what the docs promise. Then signals: SIGTERM and SIGINT to the
// binary and to npm's process (a script that execs the binary, so the shell
// npm starts does not stand between them) each stop the monitor in bounded time, with no
// process left serving. Offline-first from the local npm cache, to stay fast.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SANDBOX_PASSWORD, SANDBOX_USERNAME } from '../../src/config/api.ts';
import { childEnv, runToCompletion, startService, waitFor, type Service } from '../support/processes.ts';
import { distStaleness } from '../support/program.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const STOP_WITHIN_MS = 5000;
// Bounds on runs and waits that are backstops against a hang, not assertions about speed: what they wait
// for takes a second or two alone, and ten seconds was seen on a loaded two-core machine. Under the
// runner's --test-timeout, so a hang is reported with the program's output.
const RUN_BACKSTOP_MS = 120_000;
const WAIT_BACKSTOP_MS = 60_000;

const dir = mkdtempSync(join(tmpdir(), 'ship-pack-'));
const project = join(dir, 'consumer');
const bin = join(project, 'node_modules', '.bin', 'trackers-contract');
const installed = join(project, 'node_modules', 'trackers-contract');
const services: Service[] = [];
/** The tarball's files, as npm pack lists them (the same list as npm pack --dry-run --json). */
let shipped: string[] = [];

/**
 * The library as docs/architecture.md shows it, with Basic auth: `node library.mjs BASE_URL USER PASSWORD` prints
 * the trackers check's verdict and exit code, what a plain string as the password gets, and how the
 * Secret prints.
 */
const LIBRARY_USE = `
import { Secret, createClient, exitCodeFor, loadConfig, runCheck } from 'trackers-contract';
const [baseUrl, username, password] = process.argv.slice(2);
const auth = { kind: 'basic', username, password: new Secret(password), passwordIsMd5: false };
let plain = 'no error';
try {
  createClient({ baseUrl, auth: { ...auth, password }, timeoutMs: 60000 });
} catch (err) {
  plain = \`\${err.name}: \${err.message}\`;
}
const loaded = loadConfig({});
if (!loaded.ok) throw new Error(loaded.errors.join('; '));
const client = createClient({ baseUrl, auth, timeoutMs: 60000 });
const check = await runCheck('trackers', client, loaded.config);
client.close();
console.log(JSON.stringify({ verdict: check.verdict, exit: exitCodeFor([check]), plain, shown: String(auth.password) }));
`;

function firstLine(text: string): string {
  return text.split('\n')[0] ?? '';
}

/** The URL a running command printed on its first lines, e.g. "metrics: http://127.0.0.1:N/metrics". */
async function printedUrl(service: Service, pattern: RegExp): Promise<URL> {
  const m = await waitFor(`${service.name} to print its address`, () => service.output().match(pattern) ?? undefined, {
    services: [service],
    timeoutMs: WAIT_BACKSTOP_MS,
  });
  return new URL(m[1]!);
}

function accepts(url: URL): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(Number(url.port), url.hostname);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

before(() => {
  // The tarball must hold what the sources compile to: npm pack runs prepare (the tsc build) unless
  // dist/ already is that (npm test builds it first). Not rebuilt then: the build starts by removing
  // dist/, which the suites running beside this one start programs from.
  const scripts = distStaleness(ROOT) === undefined ? ['--ignore-scripts'] : [];
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--json', ...scripts, '--pack-destination', dir], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  ) as { filename: string; size: number; entryCount: number; files: { path: string }[] }[];
  const tarball = join(dir, packed[0]!.filename);
  shipped = packed[0]!.files.map((f) => f.path);
  process.stdout.write(`# packed ${packed[0]!.filename}: ${packed[0]!.size} bytes, ${packed[0]!.entryCount} files\n`);
  execFileSync('mkdir', ['-p', project]);
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, scripts: { start: 'exec trackers-contract monitor --port 0' } }),
  );
  // A user's own test, importing nothing but the package's public entry.
  writeFileSync(join(project, 'library.mjs'), LIBRARY_USE);
  execFileSync('npm', ['install', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], {
    cwd: project,
    stdio: 'ignore',
  });
});

after(async () => {
  for (const s of services) await s.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the installed package', () => {
  test('ships compiled JavaScript and no TypeScript sources or dev tools', () => {
    const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    assert.equal(pkg.bin['trackers-contract'], 'dist/cli/trackers-contract.js');
    const files = execFileSync('find', [installed, '-name', '*.ts', '-not', '-name', '*.d.ts'], { encoding: 'utf8' });
    assert.equal(files.trim(), '', 'no .ts source files');
    assert.throws(() => execFileSync('ls', [join(project, 'node_modules', 'tsx')], { stdio: 'ignore' }), 'tsx is not installed');
  });

  test('the tarball holds the product and what the docs promise, and no test material', () => {
    const testMaterial = shipped.filter((p) => /^tests\/|\.test\.|(^|\/)consumers\/|test-env|(^|\/)\.tmp\//.test(p));
    assert.deepEqual(testMaterial, [], 'no test material in the package');
    const promised = [
      'dist/cli/trackers-contract.js',
      'dist/src/index.js',
      'dist/src/index.d.ts',
      'dist/gate/playwright.config.js',
      'schemas/trackers-response.schema.json',
      'schemas/examples/trackers-98662653.json',
      'contracts/loyalty-mobile-app-capillary-customer-trackers.json',
      'contracts/tier-upgrade-service-capillary-customer-trackers.json',
      'openapi/trackers.openapi.json',
      'monitor/prometheus/trackers-alerts.rules.yml',
      'monitor/prometheus/trackers-slo.rules.yml',
      'monitor/prometheus/prometheus.example.yml',
      'monitor/grafana/trackers-dashboard.json',
      'monitor/slo/trackers.slo.yml',
      'monitor/targets.example.json',
      '.env.example',
    ];
    assert.deepEqual(
      promised.filter((p) => !shipped.includes(p)),
      [],
      'every file the docs point users at is in the package',
    );
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { files: string[] };
    for (const entry of pkg.files.filter((f) => !f.startsWith('!'))) {
      assert.ok(
        shipped.some((p) => p === entry || p.startsWith(entry)),
        `package.json "files" names ${entry}: nothing of it is packed`,
      );
    }
  });

  test('--version prints the version', async () => {
    const r = await runToCompletion(bin, ['--version'], { cwd: project, env: childEnv(), timeoutMs: RUN_BACKSTOP_MS });
    assert.equal(r.code, 0, r.output);
    assert.match(firstLine(r.stdout), /^\d+\.\d+\.\d+$/);
  });

  test('validate passes the documented body (exit 0) and refuses a bad flag (exit 2, one line)', async () => {
    const body = join(installed, 'schemas', 'examples', 'trackers-98662653.json');
    const ok = await runToCompletion(bin, ['validate', body], { cwd: project, env: childEnv(), timeoutMs: RUN_BACKSTOP_MS });
    assert.equal(ok.code, 0, ok.output);
    assert.match(ok.stdout.trim().split('\n').at(-1)!, /valid/);
    const bad = await runToCompletion(bin, ['validate', '--nope', body], {
      cwd: project,
      env: childEnv(),
      timeoutMs: RUN_BACKSTOP_MS,
    });
    assert.equal(bad.code, 2);
    assert.match(firstLine(bad.stderr), /^validate: unknown option --nope \(see --help\)$/);
  });

  test('monitor --once on the embedded sandbox prints the exposition and exits 0', async () => {
    const r = await runToCompletion(bin, ['monitor', '--once'], { cwd: project, env: childEnv(), timeoutMs: RUN_BACKSTOP_MS });
    assert.equal(r.code, 0, r.output);
    assert.match(firstLine(r.stdout), /^# HELP trackers_/);
  });

  test('gate, verify and the library pass against the installed sandbox on a free port', async () => {
    const sandbox = startService('sandbox', bin, ['sandbox', '--port', '0'], childEnv(), project);
    services.push(sandbox);
    const base = await printedUrl(sandbox, /^sandbox listening on (http:\/\/127\.0\.0\.1:\d+)/m);
    const env = childEnv({
      CAP_BASE_URL: base.origin,
      CAP_USERNAME: SANDBOX_USERNAME,
      CAP_PASSWORD: SANDBOX_PASSWORD,
      GATE_REPORT_DIR: join(dir, 'gate-report'),
    });
    const [gate, verify, library] = await Promise.all([
      runToCompletion(bin, ['gate'], { cwd: project, env, timeoutMs: RUN_BACKSTOP_MS }),
      runToCompletion(bin, ['verify'], { cwd: project, env, timeoutMs: RUN_BACKSTOP_MS }),
      runToCompletion(process.execPath, [join(project, 'library.mjs'), base.origin, SANDBOX_USERNAME, SANDBOX_PASSWORD], {
        cwd: project,
        env: childEnv(),
        timeoutMs: RUN_BACKSTOP_MS,
      }),
    ]);
    assert.equal(gate.code, 0, gate.output);
    assert.match(gate.output, /^Running \d+ tests? using \d+ worker/m, gate.output);
    assert.match(gate.output, /gate: PASSED/);
    assert.ok(readFileSync(join(dir, 'gate-report', 'junit.xml'), 'utf8').includes('<testsuites'));
    assert.equal(verify.code, 0, verify.output);
    assert.match(firstLine(verify.stdout), /^verifying \d+ consumer contracts \(.+\) against http:\/\/127\.0\.0\.1:\d+$/);
    // The library, through the package's public entry only: a client with Basic auth runs a check.
    assert.equal(library.code, 0, library.output);
    const used = JSON.parse(library.stdout) as { verdict: string; exit: number; plain: string; shown: string };
    assert.deepEqual({ verdict: used.verdict, exit: used.exit }, { verdict: 'pass', exit: 0 }, library.output);
    assert.match(used.plain, /^TypeError: createClient: auth\.password must be a Secret .*, got a string$/);
    assert.ok(!used.plain.includes(SANDBOX_PASSWORD), 'the message does not show the password');
    assert.equal(used.shown, '[redacted]');
    await sandbox.stop();
    assert.equal(sandbox.child.exitCode, 0, sandbox.output());
  });
});

describe('signals stop the monitor in bounded time, leaving nothing serving', () => {
  const cases: [string, string, string[], NodeJS.Signals][] = [];
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    cases.push([`${signal} to the binary`, bin, ['monitor', '--port', '0'], signal]);
    cases.push([`${signal} to npm's process (npm start)`, 'npm', ['start', '--silent'], signal]);
  }
  for (const [name, command, args, signal] of cases) {
    test(name, async () => {
      const child = spawn(command, args, { cwd: project, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (c: Buffer) => (output += c.toString()));
      child.stderr.on('data', (c: Buffer) => (output += c.toString()));
      const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, sig) => resolve(code ?? sig)));
      try {
        const url = new URL(
          (await waitFor('the monitor to listen', () => output.match(/^metrics: (http:\S+)/m)?.[1], {
            timeoutMs: WAIT_BACKSTOP_MS,
          }))!,
        );
        assert.equal(await accepts(url), true);
        const sent = Date.now();
        child.kill(signal);
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_WITHIN_MS * 2);
        const code = await exited;
        clearTimeout(timer);
        assert.ok(Date.now() - sent < STOP_WITHIN_MS, `stopped after ${Date.now() - sent} ms:\n${output}`);
        assert.ok(([0, 130, 143, signal] as (number | string)[]).includes(code ?? ''), `exit ${String(code)}:\n${output}`);
        // Nothing orphaned: once npm is gone, the monitor it started is gone too. An orphan would serve on
        // for good, so the wait's bound only says when to stop waiting for one.
        await waitFor('the metrics port to close', async () => ((await accepts(url)) ? undefined : true), {
          timeoutMs: WAIT_BACKSTOP_MS,
        });
      } finally {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
    });
  }
});
