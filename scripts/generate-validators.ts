// Writes src/validators.generated.ts (npm run generate): the validator's schemas
// (src/strict-schemas.ts) compiled by Ajv ahead of time, as standalone code. At run time
// src/validate.ts calls these functions and never loads Ajv: loading it and compiling the
// schemas was ~120 ms of every start, and `monitor --once` under cron starts every time.
// With --check, fails when the committed file differs from what the schemas (and this
// Ajv version) generate.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { format as formatMessage } from 'node:util';
import { Ajv2020, _ } from 'ajv/dist/2020.js';
import standalone from 'ajv/dist/standalone/index.js';
import { format, resolveConfig } from 'prettier';
import { patternEngine } from '../src/pattern-engine.ts';
import { FORMATS } from '../src/schema-formats.ts';
import { SCHEMAS_DIR } from '../src/schemas.ts';
import { STRICT_PREFIX, strictSchemas } from '../src/strict-schemas.ts';
import { isEntryPoint } from '../cli/entry-point.ts';
import { writeOrCheck } from './write-or-check.ts';

// CommonJS: under NodeNext its default import is the module object, which is the function itself.
const standaloneCode = standalone as unknown as typeof standalone.default;

export const VALIDATORS_FILE = join(SCHEMAS_DIR, '..', 'src', 'validators.generated.ts');

const BANNER = `/* Generated from schemas/*.schema.json by \`npm run generate\` (scripts/generate-validators.ts):
 * Ajv's standalone code for src/strict-schemas.ts, for src/validate.ts.
 * DO NOT EDIT: change the schemas (or Ajv) and regenerate. \`npm test\` fails when this file drifts. */`;

// Ajv calls the option unicode deprecated (counting code points is its default now) and warns
// of it at every construction; it still honours it. Every other message is passed on.
const UNICODE_DEPRECATION = 'DEPRECATED: option unicode.';
const quietAboutUnicode = {
  log: (...args: unknown[]) => process.stdout.write(`${formatMessage(...args)}\n`),
  warn: (...args: unknown[]) => {
    if (!(typeof args[0] === 'string' && args[0].startsWith(UNICODE_DEPRECATION)))
      process.stderr.write(`${formatMessage(...args)}\n`);
  },
  error: (...args: unknown[]) => process.stderr.write(`${formatMessage(...args)}\n`),
};

/**
 * The Ajv instance the validator's findings come from. The options are the findings' own:
 * strict (a schema Ajv would half-ignore fails here, at generation), allErrors (every
 * finding, not the first), verbose (errors carry schema, parentSchema and data: validate.ts
 * words dates, anyOf and not from them). The date-time pattern and format run through our
 * own functions, which the generated code imports by the names below. unicode: false, so a
 * minLength reads s.length instead of counting code points in a loop (the tracker type's
 * minLength: 1 ran over every type string, ~0.04× JSON.parse at 5,000 trackers); the same
 * verdict while every length bound is a minLength ≤ 1, which assertLengthsUnitFree holds.
 */
export function contractAjv(): Ajv2020 {
  const ajv = new Ajv2020({
    strict: true,
    allErrors: true,
    verbose: true,
    unicode: false,
    logger: quietAboutUnicode,
    code: { source: true, esm: true, regExp: patternEngine, formats: _`FORMATS` },
  });
  for (const [name, definition] of Object.entries(FORMATS)) ajv.addFormat(name, definition);
  return ajv;
}

/** Throws unless every length bound is a minLength of 0 or 1: where counting UTF-16 units and code points agree. */
export function assertLengthsUnitFree(node: unknown, where: string): void {
  if (Array.isArray(node)) return node.forEach((n, i) => assertLengthsUnitFree(n, `${where}/${i}`));
  if (node === null || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'maxLength' || (key === 'minLength' && !(value === 0 || value === 1))) {
      throw new Error(
        `${where}: ${key} ${JSON.stringify(value)} counts characters, which unicode: false would count as UTF-16 units`,
      );
    }
    assertLengthsUnitFree(value, `${where}/${key}`);
  }
}

// What the generated code calls by name: code.regExp's `code` and code.formats above.
const IMPORTS = [
  `import type { DataValidationCxt, ErrorObject } from 'ajv/dist/types/index.js';`,
  `import { patternEngine } from './pattern-engine.ts';`,
  `import { FORMATS } from './schema-formats.ts';`,
];
if (patternEngine.code !== 'patternEngine') throw new Error('src/pattern-engine.ts: patternEngine.code must be its import name');

/** strict/api-error.schema.json → apiError: the export name of a schema's validator. */
function exportName(id: string): string {
  const name = id
    .slice(STRICT_PREFIX.length)
    .replace(/\.schema\.json$/, '')
    .replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
  if (!/^[a-z][A-Za-z0-9]*$/.test(name)) throw new Error(`${id}: no export name for it (got ${JSON.stringify(name)})`);
  return name;
}

// Ajv's standalone code requires its small runtime helpers (ucs2length, for minLength) even as
// an ES module. Each is copied in from this Ajv's own file, so the generated code loads no part
// of Ajv; only a helper that is one self-contained function can be, anything else fails here.
const RUNTIME_REQUIRE = /require\("ajv\/dist\/runtime\/([a-z0-9_]+)"\)\.default/g;
const requireAjvFile = createRequire(import.meta.url);

function runtimeHelper(name: string): string {
  const helper = (requireAjvFile(`ajv/dist/runtime/${name}`) as { default?: unknown }).default;
  const source = typeof helper === 'function' ? helper.toString() : '';
  if (!source.startsWith(`function ${name}(`) || /\brequire\(/.test(source)) {
    throw new Error(`the standalone code needs ajv/dist/runtime/${name}, which is not one self-contained function`);
  }
  return `// Copied from ajv/dist/runtime/${name}.js.\n${source}`;
}

function asEsModule(code: string): string {
  const helpers = new Set<string>();
  const out = code.replace(RUNTIME_REQUIRE, (_m, name: string) => (helpers.add(name), name));
  const left = /\brequire\([^)]*\)/.exec(out);
  if (left) throw new Error(`the standalone code requires ${left[0]}, which generate-validators.ts cannot provide`);
  return [...[...helpers].sort().map(runtimeHelper), out.replace(/^"use strict";/, '')].join('\n');
}

export async function generateValidators(): Promise<string> {
  const { twins, split } = strictSchemas();
  const ajv = contractAjv();
  for (const schema of [...twins, split.envelope]) {
    assertLengthsUnitFree(schema, schema.$id);
    ajv.addSchema(schema);
  }
  const names = new Map([...twins, split.envelope].map((s) => [s.$id, exportName(s.$id)]));
  const standalone = asEsModule(standaloneCode(ajv, Object.fromEntries([...names].map(([id, name]) => [name, id]))));
  const source = [
    BANNER,
    '// @ts-nocheck: Ajv generates JavaScript; the typed surface is what follows it.',
    ...IMPORTS,
    standalone,
    '',
    "/** A generated validator: Ajv's calling convention, and its errors after it returns false. */",
    'export interface CompiledValidator {',
    '  (data: unknown, context?: DataValidationCxt): boolean;',
    '  errors?: ErrorObject[] | null;',
    '}',
    '',
    '/** Each validator by the $id of its schema. */',
    'export const validators: Readonly<Record<string, CompiledValidator>> = {',
    ...[...names].map(([id, name]) => `  ${JSON.stringify(id)}: ${name},`),
    '};',
    '',
    '/** The success envelope, checked in two parts (src/strict-schemas.ts). */',
    `export const SUCCESS_SPLIT = ${JSON.stringify({ envelopeId: split.envelope.$id, itemId: split.itemId, after: split.after })} as const;`,
    '',
  ].join('\n');
  return format(source, { ...(await resolveConfig(VALIDATORS_FILE)), parser: 'typescript' });
}

async function main(): Promise<void> {
  writeOrCheck(
    {
      path: VALIDATORS_FILE,
      shown: 'src/validators.generated.ts',
      tool: 'validators',
      from: 'schemas/',
      matches: 'schemas/',
      fix: 'npm run generate',
    },
    await generateValidators(),
  );
}

if (isEntryPoint(import.meta.url)) await main();
