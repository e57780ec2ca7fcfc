// trackers-contract sandbox: the embedded sandbox on a port, for manual use, a
// demo, or a gate and a verification to point CAP_BASE_URL at. Runs until
// SIGINT or SIGTERM, then closes its connections and exits 0.
import { loadSandboxPort } from '../src/config/api.ts';
import { isListenHost } from '../src/config/monitor.ts';
import { DONE, EXIT, NOT_DONE } from '../src/exit-code.ts';
import { parseOptions } from '../src/parse-options.ts';
import { createSandbox } from '../sandbox/app.ts';
import { parseFaultSpec, type FaultSpec } from '../sandbox/faults.ts';
import { listeningMessage } from '../sandbox/server.ts';
import { isEntryPoint } from './entry-point.ts';

export const USAGE = `Usage: trackers-contract sandbox [options]    (in a clone: npm run sandbox -- [options])

Serves the embedded sandbox, a local double of GET /v2/customers/{customerId}/trackers built from
the docs, until SIGINT or SIGTERM. The first line of output is its URL and a curl that works.

Options:
  --port N        listen port (default SANDBOX_PORT or 8787; 0 = any free port)
  --host ADDR     listen address (default 127.0.0.1)
  --faults SPEC   serve every request with these faults, e.g. latency=1500 or mutation=id-string
  -h, --help      this text

Exit codes: 0 stopped by a signal, 1 could not listen, 2 usage or configuration error.
`;

type SandboxArgs = { ok: true; help: boolean; port?: number; host: string; faults?: FaultSpec } | { ok: false; error: string };

export function parseSandboxArgs(argv: readonly string[]): SandboxArgs {
  const parsed = parseOptions(argv, {
    port: { type: 'string' },
    host: { type: 'string' },
    faults: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (!parsed.ok) return parsed;
  const { port, host = '127.0.0.1', faults, help } = parsed.values as Record<string, string | undefined> & { help: boolean };
  const args: SandboxArgs = { ok: true, help, host };
  if (port !== undefined) {
    if (!/^\d{1,5}$/.test(port) || Number(port) > 65_535)
      return { ok: false, error: `--port must be a whole number from 0 to 65535, got ${JSON.stringify(port)}` };
    args.port = Number(port);
  }
  if (!isListenHost(host)) return { ok: false, error: `--host must be a host name or IP address, got ${JSON.stringify(host)}` };
  if (faults !== undefined) {
    const spec = parseFaultSpec(faults);
    if (!spec.ok) return { ok: false, error: `--faults: ${spec.error}` };
    args.faults = spec.spec;
  }
  return args;
}

export async function main(argv: readonly string[]): Promise<number> {
  const args = parseSandboxArgs(argv);
  if (!args.ok) {
    process.stderr.write(`sandbox: ${args.error} (see --help)\n`);
    return EXIT.usage;
  }
  if (args.help) {
    process.stdout.write(USAGE);
    return DONE;
  }
  let port = args.port;
  if (port === undefined) {
    // SANDBOX_PORT, like every variable, is read and checked by the config module.
    const loaded = loadSandboxPort();
    if (!loaded.ok) {
      process.stderr.write(`sandbox: configuration error: ${loaded.errors.join('; ')} (see .env.example)\n`);
      return EXIT.usage;
    }
    port = loaded.port;
  }
  const sandbox = createSandbox({ faults: args.faults });
  let baseUrl: string;
  try {
    baseUrl = await sandbox.listen(port, args.host);
  } catch (err) {
    process.stderr.write(`sandbox: cannot listen on ${args.host}:${port}: ${err instanceof Error ? err.message : String(err)}\n`);
    return NOT_DONE;
  }
  process.stdout.write(`${listeningMessage(baseUrl)}\n`);
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  process.stdout.write(`sandbox: ${signal}, shutting down\n`);
  await sandbox.close();
  return DONE;
}

export const COMMAND = { summary: 'serve the embedded sandbox (a local double of the endpoint)', main };

if (isEntryPoint(import.meta.url)) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
