// trackers-contract sandbox: the embedded sandbox on a port, for manual use, a
// demo, or a gate and a verification to point CAP_BASE_URL at; over HTTPS with
// --tls, as the real API is served. Runs until SIGINT or SIGTERM, then closes its
// connections and exits 0. It starts the sandbox as every entry point does
// (startSandbox, cli/target.ts).
import { readFileSync } from 'node:fs';
import { loadSandboxPort } from '../src/config/api.ts';
import { isListenHost } from '../src/config/monitor.ts';
import { DONE, EXIT, NOT_DONE } from '../src/exit-code.ts';
import { parseOptions } from '../src/parse-options.ts';
import { DEFAULT_USERS, basicAuthHeader } from '../sandbox/auth.ts';
import { DEFAULT_CUSTOMER_ID } from '../sandbox/data.ts';
import { parseFaultSpec, type FaultSpec } from '../sandbox/faults.ts';
import { entriesToServe } from '../sandbox/replay.ts';
import type { HarEntry } from '../src/har.ts';
import { readRecordings } from '../src/read-bundle.ts';
import { isEntryPoint } from './entry-point.ts';
import { startSandbox, type RunningSandbox } from './target.ts';

export const USAGE = `Usage: trackers-contract sandbox [options]    (in a clone: npm run sandbox -- [options])

Serves the embedded sandbox, a local double of GET /v2/customers/{customerId}/trackers built from
the docs, until SIGINT or SIGTERM. The first line of output is its URL and a curl that works.

Options:
  --port N        listen port (default SANDBOX_PORT or 8787; 0 = any free port)
  --host ADDR     listen address (default 127.0.0.1)
  --faults SPEC   serve every request with these faults, e.g. latency=1500 or mutation=id-string
  --replay PATH   serve recorded answers instead of the built-in data: a failure bundle, a HAR file
                  (from record, or a bundle's exchange.har) or a directory of them; repeatable, a
                  failure bundle's answer replacing a HAR's (record's baseline, the failures on
                  top). A request is matched by method, path and credentials (valid, none or wrong:
                  judged against the sandbox's own); one with no recording gets a 501 naming it,
                  and a log line
  --tls           serve HTTPS, with --cert FILE and --key FILE (PEM)
  --cert FILE     the certificate (chain) for --tls
  --key FILE      its private key
  -h, --help      this text

Exit codes: 0 stopped by a signal, 1 could not listen, 2 usage or configuration error.
`;

interface TlsFiles {
  certFile: string;
  keyFile: string;
}

type SandboxArgs =
  | { ok: true; help: boolean; port?: number; host: string; faults?: FaultSpec; tls?: TlsFiles; replay?: string[] }
  | { ok: false; error: string };

export function parseSandboxArgs(argv: readonly string[]): SandboxArgs {
  const parsed = parseOptions(argv, {
    port: { type: 'string' },
    host: { type: 'string' },
    faults: { type: 'string' },
    replay: { type: 'string', multiple: true },
    tls: { type: 'boolean', default: false },
    cert: { type: 'string' },
    key: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (!parsed.ok) return parsed;
  const { port, host = '127.0.0.1', faults, cert, key } = parsed.values as Record<string, string | undefined>;
  const replay = parsed.values.replay as string[] | undefined;
  const { help, tls } = parsed.values as { help: boolean; tls: boolean };
  const args: SandboxArgs = { ok: true, help, host };
  if (!tls && (cert !== undefined || key !== undefined)) return { ok: false, error: '--cert and --key need --tls' };
  if (tls) {
    if (cert === undefined || key === undefined) return { ok: false, error: '--tls needs --cert FILE and --key FILE' };
    args.tls = { certFile: cert, keyFile: key };
  }
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
  if (replay !== undefined) {
    // Faults act on the built-in data; a recording is served as it was recorded.
    if (faults !== undefined) return { ok: false, error: '--faults and --replay cannot be combined' };
    args.replay = replay;
  }
  return args;
}

/** The PEM files' contents, or a one-line problem naming the file. */
function readTlsFiles(files: TlsFiles): { cert: Buffer; key: Buffer } | string {
  const read = (flag: string, file: string): Buffer | string => {
    try {
      return readFileSync(file);
    } catch (err) {
      return `${flag} ${JSON.stringify(file)}: ${(err as NodeJS.ErrnoException).code ?? 'unreadable'}`;
    }
  };
  const cert = read('--cert', files.certFile);
  const key = read('--key', files.keyFile);
  if (typeof cert === 'string') return cert;
  if (typeof key === 'string') return key;
  return { cert, key };
}

/** The start-up line: where it listens and a curl that works (Capillary's Basic wants md5(password), so curl -u would be refused). */
export function listeningMessage(baseUrl: string): string {
  const [user, password] = Object.entries(DEFAULT_USERS)[0]!;
  const header = basicAuthHeader(user, password);
  return (
    `sandbox listening on ${baseUrl} — try: curl -H 'Authorization: ${header}' ${baseUrl}/v2/customers/${DEFAULT_CUSTOMER_ID}/trackers` +
    ` (Capillary Basic auth is base64("${user}:" + md5hex("${password}")), so curl -u ${user}:${password} gets 401)`
  );
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
  let replay: HarEntry[] | undefined;
  if (args.replay !== undefined) {
    const recordings = [];
    for (const path of args.replay) {
      const read = readRecordings(path);
      if (!read.ok) {
        process.stderr.write(`sandbox: --replay ${read.message}\n`);
        return EXIT.usage;
      }
      recordings.push(...read.recordings.map((r) => r.bundle));
    }
    replay = entriesToServe(recordings);
  }
  let tls: { cert: Buffer; key: Buffer } | undefined;
  if (args.tls) {
    const files = readTlsFiles(args.tls);
    if (typeof files === 'string') {
      process.stderr.write(`sandbox: ${files} (see --help)\n`);
      return EXIT.usage;
    }
    tls = files;
  }
  let running: RunningSandbox;
  try {
    running = await startSandbox({ port, host: args.host, faults: args.faults, tls, replay });
  } catch (err) {
    // Before listening, Node's TLS layer refuses a file that is not a PEM certificate or key, or a key that does not match.
    if (tls && (err as NodeJS.ErrnoException).syscall !== 'listen') {
      process.stderr.write(`sandbox: --cert/--key: ${(err as Error).message.split('\n')[0]}\n`);
      return EXIT.usage;
    }
    process.stderr.write(`sandbox: cannot listen on ${args.host}:${port}: ${err instanceof Error ? err.message : String(err)}\n`);
    return NOT_DONE;
  }
  process.stdout.write(`${listeningMessage(running.baseUrl)}\n`);
  if (replay) process.stdout.write(`sandbox: replaying ${replay.length} recorded exchanges from ${args.replay!.join(', ')}\n`);
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  process.stdout.write(`sandbox: ${signal}, shutting down\n`);
  await running.close();
  return DONE;
}

if (isEntryPoint(import.meta.url)) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
