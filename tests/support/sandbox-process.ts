// The sandbox in its own process (`trackers-contract sandbox --port 0`): for the benches, so its CPU
// and memory are not counted as the monitor's, and for tests that block their own event loop.
import { fileURLToPath } from 'node:url';
import { childEnv, startService, waitFor, type Service } from './processes.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface SandboxProcess {
  baseUrl: string;
  service: Service;
  stop(): Promise<void>;
}

/** node's arguments for the sandbox command: its source through tsx unless given (a bench passes a compiled one). */
export function startSandboxProcess(nodeArgs = ['--import', 'tsx', 'cli/sandbox.ts']): Promise<SandboxProcess> {
  const service = startService('sandbox', process.execPath, [...nodeArgs, '--port', '0'], childEnv(), ROOT);
  return listening(service, 'the sandbox to listen');
}

/** A started service that prints `listening on URL` (the sandbox, or a server like it): its URL, or it is stopped and the wait's error thrown. */
export async function listening(service: Service, what: string): Promise<SandboxProcess> {
  try {
    const baseUrl = await waitFor(what, () => service.output().match(/listening on (http:\/\/127\.0\.0\.1:\d+)/)?.[1], {
      services: [service],
      timeoutMs: 20_000,
    });
    return { baseUrl, service, stop: () => service.stop() };
  } catch (err) {
    await service.stop();
    throw err;
  }
}
