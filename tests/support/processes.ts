// Child processes for end-to-end tests (Prometheus, the Pushgateway, blackbox_exporter, the
// monitor): started on loopback ports, waited for with a deadline, and always stopped, by
// their own pid, even when the test fails. Their output is kept (bounded) for the failure message.
// runToCompletion() is the one-shot kind (the gate, the monitor's --once, a verification
// worker): run, collect all output, kill after a timeout, give back the exit status.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';

// A loopback port nothing listens on, for a port a child binds a while later or one that must stay
// closed. Not an ephemeral port: the kernel hands those to every server that listens on port 0, and
// npm test starts dozens at once, so in the seconds before the child binds it (or while a test relies
// on it being closed) another server may be given it. Below the ephemeral range only a server asking
// for that very port could take it.
const LOWEST_PORT = 10_000;
const PORT_ATTEMPTS = 50;

/** The low end of Linux's ephemeral range (32768 unless configured otherwise). */
function ephemeralLow(): number {
  try {
    const low = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    return Number.isInteger(low) && low > LOWEST_PORT + 1000 ? low : 32_768;
  } catch {
    return 32_768;
  }
}

function listensOn(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A free loopback TCP port below the ephemeral range, picked at random so that two callers seldom meet. */
export async function freePort(): Promise<number> {
  const high = ephemeralLow();
  for (let i = 0; i < PORT_ATTEMPTS; i++) {
    const port = LOWEST_PORT + Math.floor(Math.random() * (high - LOWEST_PORT));
    if (await listensOn(port)) return port;
  }
  throw new Error(`no free loopback port in ${LOWEST_PORT}-${high - 1} after ${PORT_ATTEMPTS} attempts`);
}

/**
 * The environment for a child: this process's, minus the project's own variables, so a
 * developer's CAP_BASE_URL or credentials can never send a test to a real cluster.
 */
export function childEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined || /^(CAP_|MONITOR_|SANDBOX_)/.test(k) || k === 'PUSHGATEWAY_URL' || k === 'PROMETHEUS_URL') continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}

export interface RunOptions {
  /** The child's whole environment (undefined values are left out); childEnv() when not given. */
  env?: Record<string, string | undefined>;
  /** Written to the child's stdin, which is then closed; stdin is /dev/null when not given. */
  input?: string;
  /** SIGKILL after this long (the result then says timedOut). */
  timeoutMs: number;
  cwd?: string;
}

export interface RunResult {
  /** The exit code; null when killed by a signal. */
  code: number | null;
  signal: NodeJS.Signals | null;
  /** stdout and stderr interleaved, in the order they arrived. */
  output: string;
  stdout: string;
  stderr: string;
  /** The child was killed because it outlived timeoutMs. */
  timedOut: boolean;
}

// After the child exits, how long its stdout/stderr may stay open (held by a grandchild
// it left behind) before they are closed from this side, so a run always ends.
const STREAM_GRACE_MS = 2000;

/**
 * Run a command to completion and collect everything it printed. Bounded: the child is
 * killed (SIGKILL, its own pid) after `timeoutMs`, and no timer outlives the run. Rejects only
 * when the command cannot be started at all (e.g. ENOENT).
 */
export function runToCompletion(command: string, args: string[], options: RunOptions): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: options.env ?? childEnv(),
      cwd: options.cwd,
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    // Both are pipes (stdio above), so never null.
    const out = child.stdout!;
    const err = child.stderr!;
    let stdout = '';
    let stderr = '';
    let output = '';
    let timedOut = false;
    let graceTimer: NodeJS.Timeout | undefined;
    // Decoded per stream, so a UTF-8 character split across chunks stays whole.
    out.setEncoding('utf8');
    err.setEncoding('utf8');
    out.on('data', (text: string) => {
      stdout += text;
      output += text;
    });
    err.on('data', (text: string) => {
      stderr += text;
      output += text;
    });
    const killTimer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.on('error', (error) => {
      // Before a pid there is no process: the command could not be started ('close' follows).
      if (child.pid === undefined) reject(new Error(`could not start ${command}: ${error.message}`));
    });
    child.once('exit', () => {
      clearTimeout(killTimer);
      graceTimer = setTimeout(() => {
        out.destroy();
        err.destroy();
      }, STREAM_GRACE_MS);
    });
    child.once('close', (code, signal) => {
      clearTimeout(killTimer);
      clearTimeout(graceTimer);
      resolve({ code, signal, output, stdout, stderr, timedOut });
    });
    if (options.input !== undefined && child.stdin) {
      // A child that exits without reading its input must not fail the run with EPIPE.
      child.stdin.on('error', () => {});
      child.stdin.end(options.input);
    }
  });
}

const KEEP_OUTPUT = 32 * 1024;

// Services not stopped yet. If this process exits without stopping one (a hook that threw, an uncaught
// error, a signal turned into process.exit), it is killed rather than left running without its test.
const running = new Set<ChildProcess>();
const killRunning = () => {
  for (const child of running) child.kill('SIGKILL');
};

export interface Service {
  readonly name: string;
  readonly child: ChildProcess;
  /** The last 32 KiB of stdout and stderr, interleaved. */
  output(): string;
  /** SIGTERM, then SIGKILL after graceMs; resolves when the process has exited. */
  stop(graceMs?: number): Promise<void>;
}

export function startService(name: string, command: string, args: string[], env?: Record<string, string>, cwd?: string): Service {
  const child = spawn(command, args, { env: env ?? childEnv(), cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  if (running.size === 0) process.on('exit', killRunning);
  running.add(child);
  child.once('exit', () => {
    running.delete(child);
    if (running.size === 0) process.off('exit', killRunning);
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-KEEP_OUTPUT);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.on('error', (err) => keep(Buffer.from(`\n[spawn error: ${err.message}]\n`)));
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  return {
    name,
    child,
    output: () => output,
    async stop(graceMs = 5000) {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Stop them all (each by its own pid), in reverse start order; never throws. */
export async function stopAll(services: Service[]): Promise<void> {
  for (const s of [...services].reverse()) {
    try {
      await s.stop();
    } catch {
      // keep stopping the others
    }
  }
}

/**
 * Poll `check` until it returns a value other than undefined, or fail after `timeoutMs` with
 * `what`, the last error and the given services' output.
 */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined> | T | undefined,
  options: { timeoutMs?: number; intervalMs?: number; services?: Service[] } = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  let last = '';
  for (;;) {
    for (const s of options.services ?? []) {
      const { exitCode, signalCode } = s.child;
      if (exitCode !== null || signalCode !== null) {
        const how = signalCode !== null ? `signal ${signalCode}` : `code ${exitCode}`;
        throw new Error(`${s.name} exited (${how}) while waiting for ${what}:\n${s.output()}`);
      }
    }
    try {
      const value = await check();
      if (value !== undefined) return value;
      last = '';
    } catch (err) {
      last = err instanceof Error ? err.message : String(err);
    }
    if (Date.now() >= deadline) {
      const logs = (options.services ?? []).map((s) => `--- ${s.name} output ---\n${s.output()}`).join('\n');
      throw new Error(
        `timed out after ${options.timeoutMs ?? 30_000} ms waiting for ${what}${last ? ` (last error: ${last})` : ''}\n${logs}`,
      );
    }
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 250));
  }
}

/** GET a URL and parse JSON; throws on a non-2xx status (with the body) or a network error. */
export async function getJson<T = unknown>(url: string): Promise<T> {
  const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
  const text = await res.text();
  if (!res.ok) throw new Error(`GET ${url}: HTTP ${res.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}

/** GET a URL as text; throws on a non-2xx status. */
export async function getText(url: string): Promise<string> {
  const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
  const text = await res.text();
  if (!res.ok) throw new Error(`GET ${url}: HTTP ${res.status}: ${text.slice(0, 500)}`);
  return text;
}
