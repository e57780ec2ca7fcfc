// The hand-written contract, loaded once from schemas/. Every other part (the
// validator, the type generator, the OpenAPI generator) reads schemas through here.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from './package-root.ts';

export const SCHEMAS_DIR = join(PACKAGE_ROOT, 'schemas');
export const EXAMPLES_DIR = join(SCHEMAS_DIR, 'examples');

export interface JsonSchema {
  $id: string;
  title?: string;
  description?: string;
  [keyword: string]: unknown;
}

/** Schema ids of the two documents the endpoint answers with. */
export const SUCCESS_SCHEMA_ID = 'trackers-response.schema.json';
export const ERROR_SCHEMA_ID = 'error-response.schema.json';
export const KNOWN_TRACKER_TYPE_SCHEMA_ID = 'known-tracker-type.schema.json';

let loaded: JsonSchema[] | undefined;

/** All schemas in schemas/, sorted by $id so every generator output is stable. */
export function loadSchemas(): JsonSchema[] {
  loaded ??= readdirSync(SCHEMAS_DIR)
    .filter((f) => f.endsWith('.schema.json'))
    .sort()
    .map((f) => {
      const schema = JSON.parse(readFileSync(join(SCHEMAS_DIR, f), 'utf8')) as JsonSchema;
      if (schema.$id !== f) throw new Error(`schemas/${f}: $id must be "${f}", found ${JSON.stringify(schema.$id)}`);
      return schema;
    });
  return loaded;
}

export function schemaById(id: string): JsonSchema {
  const schema = loadSchemas().find((s) => s.$id === id);
  if (!schema) throw new Error(`no schema with $id ${id} in schemas/`);
  return schema;
}

/** The documented tracker types, straight from the schema's enum. */
export function knownTrackerTypes(): readonly string[] {
  return schemaById(KNOWN_TRACKER_TYPE_SCHEMA_ID).enum as string[];
}

/** The documented example bodies, as raw text (the success body is served byte for byte by the sandbox). */
export function exampleText(name: 'trackers-98662653' | 'error-8015'): string {
  return readFileSync(join(EXAMPLES_DIR, `${name}.json`), 'utf8');
}
