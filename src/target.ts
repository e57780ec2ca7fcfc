// Where requests go. A remote cluster is just its base URL; the embedded sandbox
// (the default) is started in-process on a free loopback port and closed after.
import { createSandbox } from '../sandbox/app.ts';
import { createClient, type TrackersClient } from './client.ts';
import type { Config } from './config.ts';

export interface RunningTarget {
  baseUrl: string;
  /** 'sandbox' or the remote base URL: safe to print (config refuses credentials in URLs). */
  label: string;
  close(): Promise<void>;
}

export async function startTarget(
  config: Config,
  sandboxOptions: Parameters<typeof createSandbox>[0] = {},
): Promise<RunningTarget> {
  if (config.target.kind === 'remote') {
    const baseUrl = config.target.baseUrl;
    return { baseUrl, label: baseUrl, close: async () => {} };
  }
  const sandbox = createSandbox(sandboxOptions);
  const baseUrl = await sandbox.listen(0, '127.0.0.1');
  return { baseUrl, label: `sandbox ${baseUrl}`, close: () => sandbox.close() };
}

/** The project's client for a config and a base URL. */
export function clientFor(config: Config, baseUrl: string, extra: { keepAlive?: boolean } = {}): TrackersClient {
  return createClient({ baseUrl, auth: config.auth, timeoutMs: config.timeoutMs, keepAlive: extra.keepAlive });
}
