// The composition root: where the embedded sandbox meets the core. The core
// (src/) never imports the double; every entry point asks for a target here:
// verify and the gate's fixture (gate/support/gate.ts) open the configured one,
// and the monitor, the sandbox command and the tests start a sandbox with the
// same function. A remote target is used as configured; the embedded sandbox
// is started in-process, on a free loopback port unless a port is given.
import { createSandbox, type Sandbox, type SandboxOptions } from '../sandbox/app.ts';
import type { Config } from '../src/config/api.ts';

/** A target ready for requests: its base URL (the remote one, or a running sandbox's) and how to let it go. */
export interface OpenTarget {
  baseUrl: string;
  /** 'sandbox <url>' or the remote base URL: safe to print (config refuses credentials in URLs). */
  label: string;
  close(): Promise<void>;
}

/** An open target that is a sandbox of this process, whose faults and stats can be reached. */
export interface RunningSandbox extends OpenTarget {
  sandbox: Sandbox;
}

export interface SandboxStart extends SandboxOptions {
  /** Default 0: any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
}

/** The one way to start the embedded sandbox: build it, listen, and give its base URL. */
export async function startSandbox(options: SandboxStart = {}): Promise<RunningSandbox> {
  const { port = 0, host = '127.0.0.1', ...sandboxOptions } = options;
  const sandbox = createSandbox(sandboxOptions);
  const baseUrl = await sandbox.listen(port, host);
  return { baseUrl, label: `sandbox ${baseUrl}`, sandbox, close: () => sandbox.close() };
}

/** The configured target, opened: the remote base URL as it is, or the embedded sandbox started here. */
export async function openTarget(config: Config, sandbox: SandboxStart = {}): Promise<OpenTarget> {
  if (config.target.kind === 'remote') {
    const baseUrl = config.target.baseUrl;
    return { baseUrl, label: baseUrl, close: async () => {} };
  }
  return startSandbox(sandbox);
}
