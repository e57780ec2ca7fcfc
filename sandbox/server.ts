// `npm run sandbox`: the sandbox on a fixed local port, for manual use and for
// tools that need a running server. Thin on purpose: everything else is in app.ts.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadConfigOrExit } from '../src/config/api.ts';
import { createSandbox } from './app.ts';
import { DEFAULT_USERS, basicAuthHeader } from './auth.ts';
import { DEFAULT_CUSTOMER_ID } from './data.ts';

const HOST = '127.0.0.1';

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
  // SANDBOX_PORT, like every variable, is read and checked by the config module (exit 2 on a bad value).
  const port = { port: loadConfigOrExit().sandboxPort };
  const sandbox = createSandbox();
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
