// The consumer contracts judged against the OpenAPI document by a tool we did not write:
// @pactflow/openapi-pact-comparator, the engine of PactFlow's bi-directional contract testing.
// Provider verification (npm run verify) proves the provider answers what the pacts expect; this
// proves the two published descriptions of the endpoint agree: every interaction's request is an
// operation of the document, its status one the document declares, and its body valid against
// that status's schema (with undeclared response fields refused, as PactFlow does, so a consumer
// cannot come to rely on a field the provider never promised). Run by the unit suite
// (tests/unit/scripts/compare-contracts-openapi.test.ts); by hand it prints the comparator's findings.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as opc from '@pactflow/openapi-pact-comparator';
import { OPENAPI_DOCUMENT } from '../cli/openapi.ts';
import { isEntryPoint } from '../cli/entry-point.ts';
import { CONTRACTS_DIR } from '../src/pact/contracts.ts';

/**
 * The part of the comparator's API used here, as its dist/src/*.d.ts declare it. Declared again
 * because those files import each other without file extensions, which NodeNext resolution (this
 * project's) does not follow: the package's own types come out empty.
 */
interface Result {
  type: 'error' | 'warning' | 'info';
  code: string;
  message: string;
  mockDetails?: { interactionDescription?: string | null; location: string };
  specDetails?: { location: string };
}
interface Comparator {
  compare(pact: unknown): AsyncGenerator<Result>;
}
const { Comparator } = opc as unknown as { Comparator: new (options: { oas: unknown }) => Comparator };

export interface PactFile {
  /** The file name in contracts/, for messages. */
  name: string;
  /** The parsed pact (Pact specification v3 or v4). */
  pact: unknown;
}

export interface Finding {
  file: string;
  type: Result['type'];
  code: Result['code'];
  /** The interaction, as the pact describes it. */
  interaction: string;
  message: string;
  /** Where in the pact, and where in the document, as the comparator names them. */
  pactLocation: string;
  specLocation: string;
}

export function readContractFiles(dir: string = CONTRACTS_DIR): PactFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((name) => ({ name, pact: JSON.parse(readFileSync(join(dir, name), 'utf8')) as unknown }));
}

export function readOpenApi(file: string = OPENAPI_DOCUMENT): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Every finding of the comparator (errors, warnings and infos), per pact, in its order. */
export async function compareWithOpenApi(openapi: unknown, pacts: readonly PactFile[]): Promise<Finding[]> {
  // One comparator for every pact: it compiles the document's schemas once.
  const comparator = new Comparator({ oas: openapi });
  const findings: Finding[] = [];
  for (const { name, pact } of pacts) {
    for await (const r of comparator.compare(pact)) {
      findings.push({
        file: name,
        type: r.type,
        code: r.code,
        interaction: r.mockDetails?.interactionDescription ?? '(the pact)',
        message: r.message,
        pactLocation: r.mockDetails?.location ?? '',
        specLocation: r.specDetails?.location ?? '',
      });
    }
  }
  return findings;
}

export function formatFinding(f: Finding): string {
  return `${f.type} ${f.code} ${f.file}: "${f.interaction}": ${f.message} (pact ${f.pactLocation}; spec ${f.specLocation})`;
}

async function main(): Promise<void> {
  const pacts = readContractFiles();
  const findings = await compareWithOpenApi(readOpenApi(), pacts);
  for (const f of findings) process.stdout.write(`${formatFinding(f)}\n`);
  const errors = findings.filter((f) => f.type === 'error').length;
  const against = relative(process.cwd(), OPENAPI_DOCUMENT);
  process.stdout.write(
    `openapi-pact-comparator: ${pacts.length} contracts against ${against}: ${errors} errors, ${findings.length - errors} other findings\n`,
  );
  process.exitCode = errors > 0 ? 1 : 0;
}

if (isEntryPoint(import.meta.url)) await main();
