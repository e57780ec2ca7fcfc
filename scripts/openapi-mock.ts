// npm run openapi:mock [-- --port N] [--host ADDR]: Stoplight Prism's mock of the OpenAPI
// document. A script rather than flags in package.json: npm appends `-- --port N` after the
// script's own --port, and Prism, given two, fails. Signals are passed on so Ctrl-C stops Prism.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { isEntryPoint } from '../cli/entry-point.ts';
import { PACKAGE_ROOT } from '../src/package-root.ts';

export const MOCK_DEFAULTS = { port: 4010, host: '127.0.0.1' } as const;
const DOCUMENT = 'openapi/trackers.openapi.json';

export type PrismArgs = { ok: true; args: string[] } | { ok: false; error: string };

/** Prism's argv for our argv, or the one-line usage error. */
export function prismArgs(argv: readonly string[]): PrismArgs {
  let values: { port?: string; host?: string };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { port: { type: 'string' }, host: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
  const port = values.port ?? String(MOCK_DEFAULTS.port);
  if (!/^\d+$/.test(port) || Number(port) < 1 || Number(port) > 65535) {
    return { ok: false, error: `--port ${JSON.stringify(port)}: expected a port number 1-65535` };
  }
  const host = values.host ?? MOCK_DEFAULTS.host;
  if (host === '') return { ok: false, error: '--host: expected an address' };
  return { ok: true, args: ['mock', DOCUMENT, '--port', port, '--host', host] };
}

function main(): void {
  const parsed = prismArgs(process.argv.slice(2));
  if (!parsed.ok) {
    process.stderr.write(`openapi:mock: ${parsed.error}\nusage: npm run openapi:mock -- [--port N] [--host ADDR]\n`);
    process.exit(2);
  }
  const child = spawn(join(PACKAGE_ROOT, 'node_modules', '.bin', 'prism'), parsed.args, { stdio: 'inherit', cwd: PACKAGE_ROOT });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('error', (err) => {
    process.stderr.write(`openapi:mock: cannot start prism: ${err.message}\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (isEntryPoint(import.meta.url)) main();
