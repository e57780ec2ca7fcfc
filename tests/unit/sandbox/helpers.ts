// Shared by the sandbox tests: a sandbox per test on port 0, and a raw node:http
// request that sends the path exactly as given (fetch would normalise ../ and
// re-encode), counts body chunks and reports socket errors as values.
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { TestContext } from 'node:test';
import { createSandbox } from '../../../sandbox/app.ts';
import type { Sandbox, SandboxOptions } from '../../../sandbox/app.ts';

/** Capillary's Basic header, computed here independently of sandbox/auth.ts. */
export function capillaryBasic(username: string, password: string): string {
  const md5 = createHash('md5').update(password).digest('hex');
  return `Basic ${Buffer.from(`${username}:${md5}`).toString('base64')}`;
}

export const AUTH = { authorization: capillaryBasic('sandbox_user', 'sandbox_password') };

export async function startSandbox(t: TestContext, options?: SandboxOptions): Promise<{ sandbox: Sandbox; base: string }> {
  const sandbox = createSandbox(options);
  const base = await sandbox.listen(0);
  t.after(() => sandbox.close());
  return { sandbox, base };
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  text: string;
  /** How many 'data' events the body arrived in. */
  chunks: number;
  ms: number;
}

export type RawResult = { ok: true; res: RawResponse } | { ok: false; error: NodeJS.ErrnoException; ms: number };

export function request(
  base: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; timeoutMs?: number } = {},
): Promise<RawResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    const { hostname, port } = new URL(base);
    // host/port/path options, not a URL string: a URL would resolve ../ and %2e%2e before sending.
    const target = { hostname, port, path, method: options.method ?? 'GET', headers: options.headers, agent: false };
    const req = http.request(target, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (chunk: Buffer) => parts.push(chunk));
      res.on('error', (error) => resolve({ ok: false, error, ms: performance.now() - started }));
      res.on('end', () => {
        const body = Buffer.concat(parts);
        resolve({
          ok: true,
          res: {
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            text: body.toString('utf8'),
            chunks: parts.length,
            ms: performance.now() - started,
          },
        });
      });
    });
    req.on('error', (error) => resolve({ ok: false, error, ms: performance.now() - started }));
    if (options.timeoutMs !== undefined)
      req.setTimeout(options.timeoutMs, () => req.destroy(Object.assign(new Error('client timeout'), { code: 'ETIMEDOUT' })));
    req.end(options.body);
  });
}

/** A request that must have been answered. */
export async function answered(base: string, path: string, options?: Parameters<typeof request>[2]): Promise<RawResponse> {
  const result = await request(base, path, options);
  if (!result.ok) throw new Error(`${path}: no answer (${result.error.code ?? result.error.message})`);
  return result.res;
}

export const trackersPath = (id: string | number) => `/v2/customers/${id}/trackers`;
