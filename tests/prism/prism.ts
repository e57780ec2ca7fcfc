// Stoplight Prism (a tool nobody here wrote) as a child process: a validating
// proxy in front of a server, or a mock served from the OpenAPI document alone.
// startPrism() picks a free loopback port, waits until Prism listens, keeps its
// log (credentials redacted), and stop() ends exactly the process it started.
//
// Prism reports what it finds in two places: the `sl-violations` header of each
// response (JSON, request and response violations) and its log
// ("Violation: response.body.data.0.id ..."). Without --errors (the default here)
// the proxy forwards every request unchanged and only reports; with --errors it
// answers a response violation with a 500 problem+json, and answers a request
// that fails its own checks (no credentials, a customerId that is not an int64)
// itself with 401/422 instead of forwarding it.
import { spawn, type ChildProcess } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OPENAPI_FILE } from '../../scripts/generate-openapi.ts';
import { stripVTControlCharacters } from 'node:util';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The installed CLI's entry script (node_modules/.bin/prism points at it). */
export const PRISM_CLI = realpathSync(join(ROOT, 'node_modules', '.bin', 'prism'));
export const DEFAULT_DOCUMENT = OPENAPI_FILE;
/** Response header in which Prism lists the violations it found for that exchange. */
export const VIOLATIONS_HEADER = 'sl-violations';

const LOG_LIMIT = 4 * 1024 * 1024;

export interface PrismOptions {
  mode: 'proxy' | 'mock';
  /** proxy: the server requests are forwarded to, e.g. the sandbox's base URL. */
  upstream?: string;
  /** Default: openapi/trackers.openapi.json. */
  document?: string;
  /** Default 0: Prism listens on a free port and the helper reads which. */
  port?: number;
  /** --errors: a response violation becomes a 500, and a request failing Prism's checks is answered by Prism (see above). */
  errors?: boolean;
  /** proxy: --validate-request (default true: request violations are reported, never blocking without --errors). */
  validateRequest?: boolean;
  /** How long to wait for "Prism is listening" (default 30 s). */
  startTimeoutMs?: number;
}

export interface PrismViolation {
  /** ['response', 'body', 'data', '0', 'id'], ['request', 'path', 'customerid'], ['request'] for security. */
  location: string[];
  severity: 'Error' | 'Warning' | 'Information' | 'Hint' | string;
  code?: string | number;
  message: string;
}

/** One "Violation:" line of Prism's log. */
export interface LoggedViolation {
  level: 'error' | 'warn' | 'info';
  /** First token after "Violation:", e.g. response.body.data.0.id (empty for a whole-request violation). */
  location: string;
  line: string;
}

export interface RunningPrism {
  /** http://127.0.0.1:PORT: point a client (or CAP_BASE_URL) here. */
  baseUrl: string;
  port: number;
  pid: number;
  /** Everything Prism has logged, without colours, credential values redacted. */
  log(): string;
  /** A position in the log: pass it to loggedViolations() to see only what came after. */
  mark(): number;
  /** The "Violation:" lines logged from `since` up to `until` (a settle() position; default: the end). */
  loggedViolations(since?: number, until?: number): LoggedViolation[];
  /**
   * Resolves to a position in the log before which every line of every request already answered lies:
   * a barrier request (an unknown path, answered 404) goes through Prism, and its "Request received" line
   * is awaited. Prism logs a request's violations before it answers, in order, so nothing of an earlier
   * request can come after that line. Bounded by the caller's timeout only.
   */
  settle(): Promise<number>;
  /** Stop the process (SIGTERM, then SIGKILL after 5 s); safe to call twice. */
  stop(): Promise<void>;
}

/** The violations Prism attached to a response (header sl-violations), [] when there are none. */
export function violationsOf(headers: Record<string, string | string[] | undefined>): PrismViolation[] {
  const raw = headers[VIOLATIONS_HEADER];
  const text = Array.isArray(raw) ? raw.join(',') : raw;
  if (text === undefined || text === '') return [];
  if (text.startsWith('Too many violations!')) {
    // Prism cut the JSON at 8 kB: recover the location and severity of each complete entry.
    const entries = [...text.matchAll(/"location":(\[[^\]]*\]),"severity":"(\w+)"/g)];
    return entries.map((m) => ({
      location: JSON.parse(m[1]!) as string[],
      severity: m[2]!,
      message: 'one of many violations (Prism truncated its sl-violations header; its log has them all)',
    }));
  }
  return JSON.parse(text) as PrismViolation[];
}

export const responseViolations = (v: PrismViolation[]) => v.filter((x) => x.location[0] === 'response');
export const requestViolations = (v: PrismViolation[]) => v.filter((x) => x.location[0] === 'request');

const CREDENTIAL_HEADER = /((?:authorization|x-cap-api-oauth-token)["']?\s*[:=]\s*["']?)(?:basic\s+|bearer\s+)?[^\s"',}]+/gi;
const BASIC_VALUE = /\bBasic\s+[A-Za-z0-9+/=_-]{8,}/g;

/** Prism logs request headers only at debug level (never enabled here); this is the second line of defence. */
export function redactCredentials(text: string): string {
  return text.replace(CREDENTIAL_HEADER, '$1[redacted]').replace(BASIC_VALUE, 'Basic [redacted]');
}

const VIOLATION_LINE = /(error|warn|info)\s+Violation: (\S*)/;

export async function startPrism(options: PrismOptions): Promise<RunningPrism> {
  const { mode, document = DEFAULT_DOCUMENT, port = 0, errors = false, startTimeoutMs = 30_000 } = options;
  if (mode === 'proxy' && !options.upstream) throw new TypeError('startPrism: proxy mode needs an upstream URL');
  const args = [PRISM_CLI, mode, document, ...(mode === 'proxy' ? [options.upstream!] : [])];
  args.push('--port', String(port), '--host', '127.0.0.1', '--errors', String(errors), '--verboseLevel', 'info');
  if (mode === 'proxy' && options.validateRequest !== undefined) args.push('--validate-request', String(options.validateRequest));

  // An empty environment: Prism needs none, and credentials in ours have no business in its process.
  const child: ChildProcess = spawn(process.execPath, args, { cwd: ROOT, env: {}, stdio: ['ignore', 'pipe', 'pipe'] });
  let logText = '';
  // Redacted a whole line at a time, so a credential split across two chunks is still caught.
  let partialLine = '';
  /** settle()'s barriers: a text to find in the log, and what to do once it is there (or never can be). */
  const waiters = new Set<{ text: string; found(at: number): void; failed(reason: Error): void }>();
  const checkWaiters = () => {
    for (const w of waiters) {
      const at = logText.indexOf(w.text);
      if (at >= 0) {
        waiters.delete(w);
        w.found(logText.lastIndexOf('\n', at) + 1);
      } else if (hasExited || logText.length >= LOG_LIMIT) {
        waiters.delete(w);
        w.failed(new Error(`Prism ${hasExited ? 'exited' : 'filled its log'} before logging ${w.text}`));
      }
    }
  };
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let hasExited = false;
  // If the test process ends without stop() (a failed hook, a timeout), Prism must not outlive it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  void exited.then(() => {
    hasExited = true;
    process.off('exit', killOnExit);
    checkWaiters();
  });

  const listening = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Prism did not start within ${startTimeoutMs} ms; its log:\n${logText.slice(-2000)}`)),
      startTimeoutMs,
    );
    const onData = (chunk: Buffer) => {
      const lines = (partialLine + chunk.toString('utf8')).split('\n');
      partialLine = lines.pop()!.slice(-LOG_LIMIT);
      if (lines.length > 0 && logText.length < LOG_LIMIT)
        logText += redactCredentials(stripVTControlCharacters(lines.join('\n'))) + '\n';
      checkWaiters();
      const match = /Prism is listening on (http:\/\/[^\s]+)/.exec(logText);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(new Error(`could not run Prism (${PRISM_CLI}): ${err.message}`));
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`Prism exited (code ${code}) before listening; its log:\n${logText.slice(-2000)}`));
    });
  });

  const stop = async () => {
    if (hasExited) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    let giveUp: NodeJS.Timeout | undefined;
    await Promise.race([exited, new Promise((resolve) => (giveUp = setTimeout(resolve, 6_000)))]);
    // Both timers cleared: either would keep the test process alive for seconds after Prism exited.
    clearTimeout(killer);
    clearTimeout(giveUp);
  };

  let baseUrl: string;
  let barriers = 0;
  try {
    baseUrl = await listening;
  } catch (err) {
    await stop();
    throw err;
  }

  return {
    baseUrl,
    port: Number(new URL(baseUrl).port),
    pid: child.pid!,
    log: () => logText,
    mark: () => logText.length,
    loggedViolations(since = 0, until = logText.length) {
      return logText
        .slice(since, until)
        .split('\n')
        .flatMap((line) => {
          const m = VIOLATION_LINE.exec(line);
          return m ? [{ level: m[1] as LoggedViolation['level'], location: m[2]!, line: line.trim() }] : [];
        });
    },
    async settle() {
      const barrier = `/__log-barrier__/${process.pid}-${++barriers}`;
      const logged = new Promise<number>((found, failed) => {
        waiters.add({ text: `[HTTP SERVER] get ${barrier} `, found, failed });
        checkWaiters();
      });
      // Handled here too: a barrier that cannot be sent throws below, and its wait must not reject unheard.
      logged.catch(() => {});
      // The answer itself does not matter (a 404 from Prism or from the upstream); that it came does.
      await (await fetch(`${baseUrl}${barrier}`)).arrayBuffer();
      return logged;
    },
    stop,
  };
}
