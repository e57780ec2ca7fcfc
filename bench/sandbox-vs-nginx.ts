// The sandbox against nginx serving the same bytes behind the same auth check (issue 10,
// goal: ≥ 0.9× nginx's requests/s). nginx gets one worker, as the sandbox is one process;
// wrk (Debian's) runs one thread. Rounds alternate nginx and the sandbox so drift in
// machine load hits both alike; the figures are medians, the spread is printed.
// The sandbox runs as shipped: compiled by tsc, with plain node (the same sources under tsx, as
// BEFORE_ROOT=. runs them: 0.89× against 0.97× compiled, in one run).
// npm run bench:sandbox-nginx   (ROUNDS, SECONDS, CONNECTIONS to change the run)
// A bare node:http server sending the same cached bytes behind the same header comparison
// runs in the same rounds too: the ceiling for anything written on node:http.
// BEFORE_ROOT=/path/to/an/older/checkout adds that tree's sandbox to the same rounds, so a
// change is measured before and after in one run (e.g. git archive 4f2c5f3 | tar -x -C DIR,
// with node_modules linked in).
import { execFile, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { basicAuthHeader, DEFAULT_USERS } from '../sandbox/auth.ts';
import { DEFAULT_CUSTOMER_ID } from '../sandbox/data.ts';
import { exampleText } from '../src/schemas.ts';
import { listening, startSandboxProcess, type SandboxProcess } from '../tests/support/sandbox-process.ts';
import { compileForNode } from './compile-for-node.ts';
import { median } from './stats.ts';
import { childEnv, startService } from '../tests/support/processes.ts';
import { lookupOnPath } from '../tests/support/require-binary.ts';

const run = promisify(execFile);
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const SECONDS = Number(process.env.SECONDS ?? 4);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 16);
const PATH = `/v2/customers/${DEFAULT_CUSTOMER_ID}/trackers`;
const [[USER, PASSWORD]] = Object.entries(DEFAULT_USERS) as [[string, string]];
const AUTH = basicAuthHeader(USER, PASSWORD);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function startNginx(dir: string): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  writeFileSync(join(dir, 'trackers.json'), exampleText('trackers-98662653'));
  // Run as root, nginx's worker drops to nobody, which must be able to read the body.
  chmodSync(dir, 0o755);
  chmodSync(join(dir, 'trackers.json'), 0o644);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path ${join(dir, t)};`).join('\n  ');
  writeFileSync(
    join(dir, 'nginx.conf'),
    `worker_processes 1;
daemon off;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} warn;
events { worker_connections 1024; }
http {
  access_log off;
  ${temp}
  server {
    listen 127.0.0.1:${port};
    location = ${PATH} {
      if ($http_authorization != "${AUTH}") { return 401; }
      default_type application/json;
      alias ${join(dir, 'trackers.json')};
    }
  }
}
`,
  );
  const child = spawn('nginx', ['-p', dir, '-e', join(dir, 'error.log'), '-c', join(dir, 'nginx.conf')], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}${PATH}`;
  // SIGTERM, not nginx's graceful SIGQUIT: it waits for wrk's idle keep-alive connections.
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  let answered = 0;
  for (let i = 0; i < 100 && answered !== 200; i++) {
    answered = await fetch(url, { headers: { Authorization: AUTH } }).then(
      (r) => r.status,
      () => 0,
    );
    if (answered === 0) await new Promise((r) => setTimeout(r, 50));
    else if (answered !== 200) break;
  }
  if (answered !== 200) {
    // Never leave nginx behind: a failed start stops what it started.
    await stop();
    throw new Error(answered === 0 ? `nginx did not answer on ${url}` : `nginx answered ${answered}, not 200`);
  }
  return { url, stop };
}

interface WrkResult {
  rps: number;
  p99ms: number;
  non2xx: number;
}

function ms(value: string, unit: string): number {
  return Number(value) * ({ us: 0.001, ms: 1, s: 1000 }[unit] ?? NaN);
}

async function wrk(url: string): Promise<WrkResult> {
  const { stdout } = await run('wrk', [
    '-t1',
    `-c${CONNECTIONS}`,
    `-d${SECONDS}s`,
    '--latency',
    '-H',
    `Authorization: ${AUTH}`,
    url,
  ]);
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1]);
  const p99 = /\s99%\s+([\d.]+)(us|ms|s)/.exec(stdout);
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(stdout)?.[1] ?? 0);
  if (!Number.isFinite(rps) || !p99) throw new Error(`cannot read wrk's output:\n${stdout}`);
  return { rps, p99ms: ms(p99[1]!, p99[2]!), non2xx };
}

// What nginx does here, in node:http: compare the header, send bytes read once.
const BARE_SERVER = `
import http from 'node:http';
import { readFileSync } from 'node:fs';
const [file, auth, path] = process.argv.slice(1);
const body = readFileSync(file);
const server = http.createServer((req, res) => {
  if (req.url !== path || req.headers.authorization !== auth) { res.writeHead(401, { 'Content-Length': '0' }); res.end(); return; }
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(body.length) });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => console.log('listening on http://127.0.0.1:' + server.address().port));
`;

function startBareNode(file: string): Promise<SandboxProcess> {
  const args = ['--input-type=module', '-e', BARE_SERVER, file, AUTH, PATH];
  return listening(startService('bare node:http', process.execPath, args, childEnv()), 'bare node:http to listen');
}

/** The sandbox of another checkout, on a free port: its sandbox command, or sandbox/server.ts where it predates it. */
function startSandboxFrom(root: string): Promise<SandboxProcess> {
  const args = existsSync(join(root, 'sandbox', 'server.ts'))
    ? ['--import', 'tsx', 'sandbox/server.ts']
    : ['--import', 'tsx', 'cli/sandbox.ts', '--port', '0'];
  const service = startService('sandbox (before)', process.execPath, args, childEnv({ SANDBOX_PORT: '0' }), root);
  return listening(service, 'the older sandbox to listen');
}

const missing = ['nginx', 'wrk'].filter((name) => lookupOnPath(name) === undefined);
if (missing.length > 0) {
  process.stderr.write(
    `bench/sandbox-vs-nginx needs ${missing.join(' and ')} (Debian packages nginx, wrk: see docs/development.md "Setup")\n`,
  );
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'perf-nginx-'));
// Everything started is stopped at the end, in reverse order, whatever failed in between.
const started: { stop(): Promise<void> }[] = [];
const start = async <T extends { stop(): Promise<void> }>(server: Promise<T>): Promise<T> => {
  const s = await server;
  started.push(s);
  return s;
};
try {
  const nginx = await start(startNginx(dir));
  // As shipped (trackers-contract sandbox runs dist/cli/sandbox.js): compiled, with plain node.
  const sandbox = await start(startSandboxProcess([compileForNode('cli/sandbox.ts')]));
  const bare = await start(startBareNode(join(dir, 'trackers.json')));
  const before = process.env.BEFORE_ROOT ? await start(startSandboxFrom(process.env.BEFORE_ROOT)) : undefined;
  const targets = {
    nginx: nginx.url,
    sandbox: `${sandbox.baseUrl}${PATH}`,
    bare: `${bare.baseUrl}${PATH}`,
    ...(before ? { before: `${before.baseUrl}${PATH}` } : {}),
  };
  const results: Record<string, WrkResult[]> = { nginx: [], sandbox: [], bare: [], before: [] };
  // A short warm-up for each: JIT for the sandbox, page cache for nginx.
  for (const url of Object.values(targets)) await wrk(url);
  for (let r = 0; r < ROUNDS; r++) {
    for (const [name, url] of Object.entries(targets)) results[name]!.push(await wrk(url));
  }
  const failed = Object.values(results)
    .flat()
    .reduce((n, x) => n + x.non2xx, 0);
  if (failed > 0) throw new Error(`${failed} responses were not 2xx: the auth header or the path is wrong`);
  const rps = (xs: WrkResult[]) => median(xs.map((x) => x.rps));
  const p99 = (xs: WrkResult[]) => median(xs.map((x) => x.p99ms));
  const bytes = Buffer.byteLength(exampleText('trackers-98662653'));
  const nginxRuns = results.nginx!;
  const lines = [
    `bench/sandbox-vs-nginx: GET ${PATH} (${bytes} bytes, Basic auth), wrk -t1 -c${CONNECTIONS} -d${SECONDS}s, median of ${ROUNDS} alternating rounds`,
    `  nginx (1 worker, baseline)  ${rps(nginxRuns).toFixed(0).padStart(7)} req/s   p99 ${p99(nginxRuns).toFixed(2)} ms`,
  ];
  for (const [name, label] of [
    ['sandbox', 'sandbox'],
    ['bare', 'bare node:http (ceiling)'],
    ['before', 'sandbox (BEFORE_ROOT)'],
  ] as const) {
    const runs = results[name]!;
    if (runs.length === 0) continue;
    const ratios = runs.map((s, i) => s.rps / nginxRuns[i]!.rps);
    lines.push(
      `  ${label.padEnd(26)}  ${rps(runs).toFixed(0).padStart(7)} req/s   p99 ${p99(runs).toFixed(2)} ms   ` +
        `${(rps(runs) / rps(nginxRuns)).toFixed(2)}× nginx's req/s (rounds ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}), ` +
        `p99 ${(p99(runs) / p99(nginxRuns)).toFixed(2)}× nginx's`,
    );
  }
  process.stdout.write(lines.join('\n') + '\n');
} finally {
  for (const s of started.reverse()) await s.stop();
  rmSync(dir, { recursive: true, force: true });
}
