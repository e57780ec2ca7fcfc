// Shared by the sandbox tests: a sandbox per test on port 0, and a raw node:http
// request that sends the path exactly as given (fetch would normalise ../ and
// re-encode) and reports socket errors as values.
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { TestContext } from 'node:test';
import { systemClock, type Clock, type TimerHandle } from '../../../src/clock.ts';
import { startSandbox as start } from '../../../cli/target.ts';
import type { Sandbox, SandboxOptions } from '../../../sandbox/app.ts';

/** Capillary's Basic header, computed here independently of sandbox/auth.ts. */
export function capillaryBasic(username: string, password: string): string {
  const md5 = createHash('md5').update(password).digest('hex');
  return `Basic ${Buffer.from(`${username}:${md5}`).toString('base64')}`;
}

export const AUTH = { authorization: capillaryBasic('sandbox_user', 'sandbox_password') };

/** A sandbox for this test (cli/target.ts startSandbox: port 0, loopback), closed after it. */
export async function startSandbox(t: TestContext, options?: SandboxOptions): Promise<{ sandbox: Sandbox; base: string }> {
  const running = await start(options);
  t.after(() => running.close());
  return { sandbox: running.sandbox, base: running.baseUrl };
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  text: string;
}

export type RawResult = { ok: true; res: RawResponse } | { ok: false; error: NodeJS.ErrnoException };

export interface RawOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Give up (error code ETIMEDOUT) when no complete answer came within this time on `clock`. */
  timeoutMs?: number;
  clock?: Clock;
}

export function request(base: string, path: string, options: RawOptions = {}): Promise<RawResult> {
  const clock = options.clock ?? systemClock;
  return new Promise((resolve) => {
    let timer: TimerHandle | undefined;
    const settle = (result: RawResult) => {
      if (timer !== undefined) clock.clearTimeout(timer);
      resolve(result);
    };
    const { hostname, port } = new URL(base);
    // host/port/path options, not a URL string: a URL would resolve ../ and %2e%2e before sending.
    const target = { hostname, port, path, method: options.method ?? 'GET', headers: options.headers, agent: false };
    const req = http.request(target, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (chunk: Buffer) => parts.push(chunk));
      res.on('error', (error) => settle({ ok: false, error }));
      res.on('end', () => {
        const body = Buffer.concat(parts);
        settle({
          ok: true,
          res: {
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            text: body.toString('utf8'),
          },
        });
      });
    });
    req.on('error', (error) => settle({ ok: false, error }));
    if (options.timeoutMs !== undefined)
      timer = clock.setTimeout(
        () => req.destroy(Object.assign(new Error('client timeout'), { code: 'ETIMEDOUT' })),
        options.timeoutMs,
      );
    req.end(options.body);
  });
}

/** A request that must have been answered. */
export async function answered(base: string, path: string, options?: RawOptions): Promise<RawResponse> {
  const result = await request(base, path, options);
  if (!result.ok) throw new Error(`${path}: no answer (${result.error.code ?? result.error.message})`);
  return result.res;
}

export const trackersPath = (id: string | number) => `/v2/customers/${id}/trackers`;
