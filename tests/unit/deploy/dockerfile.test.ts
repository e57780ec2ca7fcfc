// The Dockerfile, checked without a Docker engine (none runs here): parsed with
// dockerfile-ast, split into its stages, and held to what the image must do in a
// cluster: a pinned slim base, a non-root user Kubernetes can verify, production
// dependencies only, the files the package ships, a health check that really asks
// /healthz, and an exec-form entry point so SIGTERM reaches node.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  DockerfileParser,
  type Copy,
  type Env,
  type From,
  type Healthcheck,
  type Instruction,
  JSONInstruction,
} from 'dockerfile-ast';
import { PACKAGE_ROOT } from '../../../src/package-root.ts';

const dockerfile = DockerfileParser.parse(readFileSync(join(PACKAGE_ROOT, 'Dockerfile'), 'utf8'));
const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as {
  bin: Record<string, string>;
  files: string[];
};

interface Stage {
  from: From;
  instructions: Instruction[];
}

/** Instructions grouped by the FROM that starts their stage. */
function stages(): Stage[] {
  const out: Stage[] = [];
  for (const instruction of dockerfile.getInstructions()) {
    if (instruction.getKeyword() === 'FROM') out.push({ from: instruction as From, instructions: [] });
    else out.at(-1)?.instructions.push(instruction);
  }
  return out;
}

const all = stages();
const runtime = all.at(-1)!;
const of = (stage: Stage, keyword: string) => stage.instructions.filter((i) => i.getKeyword() === keyword);
const args = (i: Instruction) => i.getArguments().map((a) => a.getValue());

test('is multi-stage: a build stage and a final runtime stage', () => {
  assert.ok(all.length >= 2, `expected at least two FROM instructions, found ${all.length}`);
  const build = all[0]!;
  const runs = of(build, 'RUN').map((i) => i.getArgumentsContent() ?? '');
  assert.ok(
    runs.some((r) => /\bnpm ci\b/.test(r) && !/--omit=dev/.test(r)),
    `build stage runs no full npm ci: ${runs.join(' | ')}`,
  );
  assert.ok(
    runs.some((r) => /\bnpm run build\b/.test(r)),
    `build stage runs no npm run build: ${runs.join(' | ')}`,
  );
});

test('every base image is a slim Node 20 image pinned to a full version', () => {
  const stageNames = new Set(all.map((s) => s.from.getBuildStage()?.toLowerCase()));
  for (const { from } of all) {
    if (stageNames.has(from.getImageName()?.toLowerCase())) continue; // FROM an earlier stage
    assert.equal(from.getImageName(), 'node', `FROM ${from.getImage()}`);
    assert.match(
      from.getImageTag() ?? '',
      /^20\.\d+\.\d+-(bookworm-slim|alpine(\d+\.\d+)?)$/,
      `FROM ${from.getImage()}: the tag must pin a full Node 20 version of a slim or alpine image`,
    );
  }
});

test('the final stage runs as a numeric non-root user', () => {
  const users = of(runtime, 'USER');
  assert.ok(users.length > 0, 'no USER in the final stage: the container would run as root');
  const [user, group] = (users.at(-1)!.getArgumentsContent() ?? '').split(':');
  // Numeric, or the kubelet cannot check runAsNonRoot against the image's user.
  assert.match(user ?? '', /^\d+$/, `USER ${user}: use a numeric uid`);
  assert.notEqual(Number(user), 0, 'USER 0 is root');
  if (group !== undefined) assert.notEqual(Number(group), 0, 'group 0 is root');
});

test('the final stage installs production dependencies only', () => {
  const runs = of(runtime, 'RUN').map((i) => i.getArgumentsContent() ?? '');
  assert.ok(
    runs.some((r) => /\bnpm ci\b[^&;]*--omit=dev/.test(r)),
    `no npm ci --omit=dev in the final stage: ${runs.join(' | ')}`,
  );
  assert.ok(!runs.some((r) => /\bnpm (install|i)\b/.test(r)), 'npm install in the final stage ignores the lock file');
});

test('the final stage copies everything package.json "files" ships, and leaves out what it leaves out', () => {
  const copied = new Set<string>();
  for (const copy of of(runtime, 'COPY') as Copy[]) {
    const [destination, ...reversed] = args(copy).reverse();
    // From the build stage: what it built, named by where it lands in the image.
    const sources = copy.getFromFlag() ? [destination!] : reversed.reverse();
    for (const source of sources) {
      const path = source.replace(/^\.\//, '');
      if (!copy.getFromFlag()) {
        assert.ok(existsSync(join(PACKAGE_ROOT, path)), `COPY ${source}: no such file in the repository`);
      }
      copied.add(path.replace(/\/$/, ''));
    }
  }
  const ignored = readFileSync(join(PACKAGE_ROOT, '.dockerignore'), 'utf8').split('\n');
  for (const shipped of pkg.files) {
    // A file the package leaves out of a folder it ships must stay out of the image too.
    if (shipped.startsWith('!')) {
      assert.ok(
        ignored.includes(shipped.slice(1)),
        `package.json "files" leaves out ${shipped.slice(1)}, .dockerignore does not`,
      );
      continue;
    }
    const path = shipped.replace(/\/$/, '');
    assert.ok(copied.has(path), `package.json "files" ships ${shipped}, the image does not copy it`);
  }
});

test('.dockerignore keeps secrets, dependencies and old builds out of the build context', () => {
  const ignored = readFileSync(join(PACKAGE_ROOT, '.dockerignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  for (const entry of ['.env', 'node_modules', 'dist', '.git']) assert.ok(ignored.includes(entry), `${entry} is not ignored`);
  // Every copied source must survive the ignore list, or the build fails on a missing path.
  for (const copy of dockerfile.getCOPYs()) {
    if (copy.getFromFlag()) continue;
    for (const source of args(copy).slice(0, -1)) {
      const top = source.replace(/^\.\//, '').split('/')[0];
      if (top !== '.') assert.ok(!ignored.includes(top!), `COPY ${source}, but .dockerignore excludes ${top}`);
    }
  }
});

test('ENTRYPOINT is exec form on the package bin, CMD runs the monitor', () => {
  const entrypoint = dockerfile.getENTRYPOINTs().at(-1);
  assert.ok(entrypoint instanceof JSONInstruction);
  const argv = entrypoint.getJSONStrings().map((s) => s.getJSONValue());
  // Shell form would make /bin/sh PID 1, and SIGTERM would not reach the monitor.
  assert.ok(argv.length > 0, `ENTRYPOINT ${entrypoint.getArgumentsContent()} is shell form`);
  assert.deepEqual(argv, ['node', pkg.bin['trackers-contract']]);
  const cmd = dockerfile.getCMDs().at(-1)!;
  assert.deepEqual(
    cmd.getJSONStrings().map((s) => s.getJSONValue()),
    ['monitor'],
  );
});

test('the monitor listens on all interfaces on the exposed port, and no ENV or ARG carries a credential', () => {
  const env = new Map<string, string>();
  for (const e of of(runtime, 'ENV') as Env[]) for (const p of e.getProperties()) env.set(p.getName(), p.getValue() ?? '');
  assert.equal(env.get('MONITOR_HOST'), '0.0.0.0', 'the default 127.0.0.1 is unreachable from outside the container');
  const exposed = of(runtime, 'EXPOSE').flatMap(args);
  assert.ok(exposed.includes(env.get('MONITOR_PORT') ?? '9464'), `EXPOSE ${exposed.join(' ')}`);
  const names = [
    ...dockerfile.getENVs().flatMap((e) => e.getProperties().map((p) => p.getName())),
    ...dockerfile.getARGs().flatMap((a) => (a.getProperty() ? [a.getProperty()!.getName()] : [])),
  ];
  for (const name of names) {
    assert.doesNotMatch(
      name,
      /PASSWORD|SECRET|TOKEN|USERNAME|OAUTH|KEY/i,
      `${name}: credentials come at run time, never baked in`,
    );
  }
});

function healthcheckArgv(): string[] {
  const health = of(runtime, 'HEALTHCHECK').at(-1) as Healthcheck | undefined;
  assert.ok(health, 'no HEALTHCHECK in the final stage');
  assert.equal(health.getSubcommand()?.getValue().toUpperCase(), 'CMD');
  // dockerfile-ast does not expose a HEALTHCHECK's JSON array: read it from the text after CMD.
  const text = health.getArgumentsContent() ?? '';
  const json = text.slice(text.search(/\bCMD\b/i) + 3).trim();
  const argv = JSON.parse(json) as unknown;
  assert.ok(Array.isArray(argv) && argv.every((a) => typeof a === 'string'), `HEALTHCHECK CMD ${json} is not exec form`);
  return argv;
}

/** Runs the HEALTHCHECK command against a server on `port`; its exit code. */
function runHealthcheck(port: number): Promise<number | null> {
  const [command, ...rest] = healthcheckArgv();
  assert.equal(command, 'node', 'the slim image has no curl or wget');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, rest, { env: { ...process.env, MONITOR_PORT: String(port) }, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

function listen(status: number): Promise<{ server: Server; port: number; paths: string[] }> {
  const paths: string[] = [];
  const server = createServer((req, res) => {
    paths.push(req.url ?? '');
    res.writeHead(req.url === '/healthz' ? status : 404).end();
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as AddressInfo).port, paths })),
  );
}

const HEALTH_CASES = [
  { name: 'healthy when /healthz answers 200', status: 200, exit: 0 },
  { name: 'unhealthy when /healthz answers 503', status: 503, exit: 1 },
] as const;

for (const c of HEALTH_CASES) {
  test(`HEALTHCHECK is ${c.name}`, async () => {
    const { server, port, paths } = await listen(c.status);
    try {
      assert.equal(await runHealthcheck(port), c.exit);
      assert.deepEqual(paths, ['/healthz']);
    } finally {
      server.close();
    }
  });
}

test('HEALTHCHECK is unhealthy when nothing listens', async () => {
  const { server, port } = await listen(200);
  await new Promise((resolve) => server.close(resolve));
  assert.equal(await runHealthcheck(port), 1);
});
