// Writes src/types.generated.ts from schemas/ (npm run generate), or with --check
// fails when the committed file differs from what the schemas generate.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile, type JSONSchema } from 'json-schema-to-typescript';
import { format, resolveConfig } from 'prettier';
import { loadSchemas, SCHEMAS_DIR, type JsonSchema } from '../src/schemas.ts';

export const TYPES_FILE = join(SCHEMAS_DIR, '..', 'src', 'types.generated.ts');

const BANNER = `/* Generated from schemas/*.schema.json by \`npm run generate\` (scripts/generate-types.ts).
 * DO NOT EDIT: change the schemas and regenerate. \`npm test\` fails when this file drifts. */`;

const defName = (id: string) => id.replace(/\.schema\.json$/, '');

/** One root whose $defs are all schemas, refs rewritten to them, so every type is emitted once. */
function combined(schemas: JsonSchema[]): JSONSchema {
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (node === null || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === '$schema' || k === '$id') continue;
      out[k] = k === '$ref' && typeof v === 'string' ? `#/$defs/${defName(v)}` : rewrite(v);
    }
    return out;
  };
  const $defs = Object.fromEntries(schemas.map((s) => [defName(s.$id), rewrite(s)]));
  return {
    title: 'TrackersContractSchemas',
    description: 'Every document the endpoint answers with.',
    $defs,
    anyOf: schemas.map((s) => ({ $ref: `#/$defs/${defName(s.$id)}` })),
  } as JSONSchema;
}

export async function generateTypes(): Promise<string> {
  const ts = await compile(combined(loadSchemas()), 'TrackersContractSchemas', {
    bannerComment: BANNER,
    additionalProperties: true,
    unreachableDefinitions: true,
    strictIndexSignatures: false,
    format: false,
  });
  return format(ts, { ...(await resolveConfig(TYPES_FILE)), parser: 'typescript' });
}

async function main(): Promise<void> {
  const generated = await generateTypes();
  if (process.argv.includes('--check')) {
    let committed = '';
    try {
      committed = readFileSync(TYPES_FILE, 'utf8');
    } catch {
      // a missing file is drift too
    }
    if (committed !== generated) {
      process.stderr.write(
        'src/types.generated.ts is out of date with schemas/: run `npm run generate` and commit the result.\n',
      );
      process.exit(1);
    }
    process.stdout.write('types: src/types.generated.ts matches schemas/\n');
    return;
  }
  writeFileSync(TYPES_FILE, generated);
  process.stdout.write(`wrote ${TYPES_FILE}\n`);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, ''))) await main();
