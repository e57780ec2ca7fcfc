// trackers-contract openapi: the endpoint's OpenAPI 3.1 document, as committed
// in openapi/ (generated from schemas/ and drift-checked by npm test), so a tool
// (Prism, a client generator, a gateway) can take it from the installed package.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DONE, EXIT } from '../src/exit-code.ts';
import { PACKAGE_ROOT } from '../src/package-root.ts';
import { parseOptions } from '../src/parse-options.ts';
import { isEntryPoint } from './entry-point.ts';

export const OPENAPI_DOCUMENT = join(PACKAGE_ROOT, 'openapi', 'trackers.openapi.json');

export const USAGE = `Usage: trackers-contract openapi [options]

Prints the OpenAPI 3.1 document of GET /v2/customers/{customerId}/trackers (generated from the
contract's JSON Schemas) to stdout, or writes it to a file.

Options:
  -o, --out FILE   write it to FILE instead
  --path           print only where the installed document is
  -h, --help       this text

Exit codes: 0 done, 2 usage error or FILE not writable.
`;

export function main(argv: readonly string[]): number {
  const parsed = parseOptions(argv, {
    out: { type: 'string', short: 'o' },
    path: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (!parsed.ok) {
    process.stderr.write(`openapi: ${parsed.error} (see --help)\n`);
    return EXIT.usage;
  }
  const { out, path, help } = parsed.values;
  if (help === true) {
    process.stdout.write(USAGE);
    return DONE;
  }
  if (path === true) {
    process.stdout.write(`${OPENAPI_DOCUMENT}\n`);
    return DONE;
  }
  const document = readFileSync(OPENAPI_DOCUMENT, 'utf8');
  if (typeof out !== 'string') {
    process.stdout.write(document);
    return DONE;
  }
  if (out === '') {
    process.stderr.write('openapi: --out needs a file name\n');
    return EXIT.usage;
  }
  try {
    writeFileSync(out, document);
  } catch (err) {
    process.stderr.write(`openapi: cannot write ${out}: ${(err as NodeJS.ErrnoException).code ?? String(err)}\n`);
    return EXIT.usage;
  }
  return DONE;
}

if (isEntryPoint(import.meta.url)) process.exitCode = main(process.argv.slice(2));
