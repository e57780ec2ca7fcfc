// The composition root: where the embedded sandbox meets the core. The core
// (src/) never imports the test double; the entry points ask for a target here.
// A remote target is used as configured; the embedded sandbox (the default) is
// started in-process on a free loopback port and closed after.
import { createSandbox } from '../sandbox/app.ts';
import type { Config } from '../src/config/api.ts';

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
