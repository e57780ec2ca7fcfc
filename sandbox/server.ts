// `npm run sandbox`: the sandbox on a fixed local port, for manual use and for
// tools that need a running server. Thin on purpose: everything else is in app.ts.
// `--tls --cert FILE --key FILE` serves HTTPS, as the real API is served.
import { readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadConfigOrExit } from '../src/config/api.ts';
import { parseOptions } from '../src/parse-options.ts';
import { createSandbox } from './app.ts';
import { DEFAULT_USERS, basicAuthHeader } from './auth.ts';
import { DEFAULT_CUSTOMER_ID } from './data.ts';

const HOST = '127.0.0.1';
const USAGE = 'usage: npm run sandbox [-- --tls --cert CERT.pem --key KEY.pem]   (port: SANDBOX_PORT, default 8787)';

export type SandboxArgs = { ok: true; help: boolean; tls?: { certFile: string; keyFile: string } } | { ok: false; error: string };

export function parseSandboxArgs(argv: readonly string[]): SandboxArgs {
  const parsed = parseOptions(argv, {
    tls: { type: 'boolean', default: false },
    cert: { type: 'string' },
    key: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (!parsed.ok) return parsed;
  const { tls, cert, key, help } = parsed.values;
  if (help === true) return { ok: true, help: true };
  if (tls !== true) {
    if (cert !== undefined || key !== undefined) return { ok: false, error: '--cert and --key need --tls' };
    return { ok: true, help: false };
  }
  if (typeof cert !== 'string' || typeof key !== 'string') return { ok: false, error: '--tls needs --cert FILE and --key FILE' };
  return { ok: true, help: false, tls: { certFile: cert, keyFile: key } };
}

/** The PEM files' contents, or a one-line problem naming the file. */
function readTlsFiles(files: { certFile: string; keyFile: string }): { cert: Buffer; key: Buffer } | string {
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

function usageError(message: string): never {
  process.stderr.write(`sandbox: ${message}\n${USAGE}\n`);
  process.exit(2);
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

async function main(): Promise<void> {
  const args = parseSandboxArgs(process.argv.slice(2));
  if (!args.ok) usageError(args.error);
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  // SANDBOX_PORT, like every variable, is read and checked by the config module (exit 2 on a bad value).
  const port = { port: loadConfigOrExit().sandboxPort };
  let tls: { cert: Buffer; key: Buffer } | undefined;
  if (args.tls) {
    const files = readTlsFiles(args.tls);
    if (typeof files === 'string') usageError(files);
    tls = files;
  }
  let sandbox;
  try {
    sandbox = createSandbox({ tls });
  } catch (err) {
    // A file that is not a PEM certificate or key, or a key that does not match.
    usageError(`--cert/--key: ${(err as Error).message.split('\n')[0]}`);
  }
  let baseUrl: string;
  try {
    baseUrl = await sandbox.listen(port.port, HOST);
  } catch (err) {
    process.stderr.write(
      `sandbox could not listen on ${HOST}:${port.port}: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    process.exit(1);
  }
  process.stdout.write(`${listeningMessage(baseUrl)}\n`);
  const stop = (signal: NodeJS.Signals) => {
    process.stdout.write(`sandbox: ${signal}, shutting down\n`);
    sandbox.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

// Run only as the entry point: tests import listeningMessage without starting a server.
const entry = process.argv[1];
if (entry !== undefined && realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url))) {
  void main();
}
