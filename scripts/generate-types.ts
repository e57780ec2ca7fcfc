// Writes src/types.generated.ts from schemas/ (npm run generate), or with --check
// fails when the committed file differs from what the schemas generate.
import { join } from 'node:path';
import { compile, type JSONSchema } from 'json-schema-to-typescript';
import { format, resolveConfig } from 'prettier';
import { loadSchemas, SCHEMAS_DIR, type JsonSchema } from '../src/schemas.ts';
import { isEntryPoint } from '../cli/entry-point.ts';
import { writeOrCheck } from './write-or-check.ts';

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
  writeOrCheck(
    {
      path: TYPES_FILE,
      shown: 'src/types.generated.ts',
      tool: 'types',
      from: 'schemas/',
      matches: 'schemas/',
      fix: 'npm run generate',
    },
    await generateTypes(),
  );
}

if (isEntryPoint(import.meta.url)) await main();
