// fast-check arbitraries derived from the contract's own JSON Schemas (schemas/*.schema.json,
// read through src/schemas.ts), so a schema change changes what is generated. The derivation
// covers the keywords the contract uses: $ref, anyOf, enum, type (object, array, string,
// integer, number, boolean), required, properties, items, minLength, and the date-time pattern.
// A keyword or pattern it does not know is an error, never silently ignored: a new schema
// rule must come with a generator for it.
import fc from 'fast-check';
import { loadSchemas, type JsonSchema } from '../../src/schemas.ts';

type Schema = JsonSchema & Record<string, unknown>;

const HANDLED = new Set([
  '$schema',
  '$id',
  '$ref',
  'title',
  'description',
  'examples',
  'type',
  'required',
  'properties',
  'items',
  'anyOf',
  'enum',
  'minLength',
  'pattern',
  'format',
  'minimum',
  'maximum',
  'const',
  'minItems',
  'maxItems',
]);

export const DATE_TIME_PATTERN_SOURCE = (): string => String(byId().get('date-time.schema.json')!.pattern);

let cache: Map<string, Schema> | undefined;
function byId(): Map<string, Schema> {
  cache ??= new Map(loadSchemas().map((s) => [String(s.$id), s as Schema]));
  return cache;
}

export function schemaFor(id: string): Schema {
  const s = byId().get(id);
  if (!s) throw new Error(`no schema ${id}`);
  return s;
}

/**
 * Resolve $ref (relative ids only, as the contract uses). Keywords beside a $ref narrow it (2020-12
 * applies both): properties are merged, so `errors[].status` gets the error envelope's `const: false`.
 */
export function resolve(schema: Schema): Schema {
  if (typeof schema.$ref !== 'string') return schema;
  const { $ref, ...beside } = schema;
  const target = resolve(schemaFor($ref));
  const properties = { ...((target.properties ?? {}) as Record<string, Schema>) };
  for (const [k, s] of Object.entries((beside.properties ?? {}) as Record<string, Schema>)) {
    properties[k] = k in properties ? { ...resolve(properties[k]!), ...s } : s;
  }
  return { ...target, ...beside, ...(target.properties || beside.properties ? { properties } : {}) } as Schema;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** RFC 3339 date-times that are real instants: any year, fraction length 0..9, Z or any offset. */
export const validDateTime: fc.Arbitrary<string> = fc
  .record({
    year: fc.integer({ min: 1, max: 9999 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.integer({ min: 0, max: 59 }),
    fraction: fc.option(fc.stringMatching(/^[0-9]{1,9}$/), { nil: undefined }),
    zone: fc.oneof(
      fc.constant('Z'),
      fc
        .tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
        .map(([sign, h, m]) => `${sign}${pad(h)}:${pad(m)}`),
    ),
  })
  .map(({ year, month, day, hour, minute, second, fraction, zone }) => {
    const last = month === 2 && !isLeap(year) ? 28 : DAYS[month - 1]!;
    const d = Math.min(day, last);
    return `${pad(year, 4)}-${pad(month)}-${pad(d)}T${pad(hour)}:${pad(minute)}:${pad(second)}${fraction ? `.${fraction}` : ''}${zone}`;
  });

/**
 * Strings of the date-time pattern's shape whose fields may be out of range (hour 24, second 60,
 * day 31 in a 30-day month, offset +24:00): the validator decides which it accepts.
 */
export const dateTimeShaped: fc.Arbitrary<string> = fc
  .tuple(
    fc.integer({ min: 0, max: 9999 }),
    fc.integer({ min: 0, max: 13 }),
    fc.integer({ min: 0, max: 32 }),
    fc.integer({ min: 0, max: 25 }),
    fc.integer({ min: 0, max: 60 }),
    fc.integer({ min: 0, max: 61 }),
    fc.option(fc.stringMatching(/^[0-9]{1,12}$/), { nil: undefined }),
    fc.oneof(
      fc.constant('Z'),
      fc
        .tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 60 }))
        .map(([s, h, m]) => `${s}${pad(h)}:${pad(m)}`),
    ),
  )
  .map(([y, mo, d, h, mi, s, f, z]) => `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}${f ? `.${f}` : ''}${z}`);

function stringFor(schema: Schema): fc.Arbitrary<string> {
  if (schema.pattern !== undefined || schema.format !== undefined) {
    if (schema.pattern === DATE_TIME_PATTERN_SOURCE() || schema.format === 'date-time') return validDateTime;
    throw new Error(`no generator for pattern ${JSON.stringify(schema.pattern)} / format ${JSON.stringify(schema.format)}`);
  }
  return fc.string({ minLength: Number(schema.minLength ?? 0), maxLength: 24, unit: 'binary' });
}

/** An arbitrary of values the schema accepts. */
export function arbitraryFor(input: Schema): fc.Arbitrary<unknown> {
  const schema = resolve(input);
  for (const k of Object.keys(schema))
    if (!HANDLED.has(k)) throw new Error(`no generator for keyword ${k} in ${String(schema.$id ?? schema.title)}`);
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  if (Array.isArray(schema.anyOf)) return fc.oneof(...(schema.anyOf as Schema[]).map(arbitraryFor));
  switch (schema.type) {
    case 'object': {
      const props = (schema.properties ?? {}) as Record<string, Schema>;
      const required = (schema.required ?? []) as string[];
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, s] of Object.entries(props)) model[k] = arbitraryFor(s);
      return fc.record(model, { requiredKeys: required });
    }
    case 'array': {
      const maxLength = Math.min(6, Number(schema.maxItems ?? 6));
      const minLength = Number(schema.minItems ?? 0);
      if (maxLength === 0) return fc.constant([]);
      return fc.array(arbitraryFor(schema.items as Schema), { minLength, maxLength: Math.max(minLength, maxLength) });
    }
    case 'string':
      return stringFor(schema);
    case 'integer':
      return fc.maxSafeInteger();
    case 'number':
      return fc.oneof(
        fc.maxSafeInteger(),
        fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)),
      );
    case 'boolean':
      return fc.boolean();
    default:
      throw new Error(`no generator for type ${JSON.stringify(schema.type)} in ${String(schema.$id ?? schema.title)}`);
  }
}

export type JsonKind = 'string' | 'number' | 'integer' | 'boolean' | 'null' | 'object' | 'array';

/** The JSON kinds a schema allows (integer implies number values that are whole). */
export function allowedKinds(input: Schema): Set<JsonKind> {
  const schema = resolve(input);
  if (Array.isArray(schema.anyOf)) return new Set((schema.anyOf as Schema[]).flatMap((s) => [...allowedKinds(s)]));
  if (Array.isArray(schema.enum)) return new Set(['string']);
  if ('const' in schema) return new Set([schema.const === null ? 'null' : (typeof schema.const as JsonKind)]);
  return new Set([schema.type as JsonKind]);
}

/** Every leaf and object inside `value`, with its JSONPath and the schema that governs it. */
export function walk(value: unknown, input: Schema, path = '$'): { path: string; schema: Schema; value: unknown }[] {
  const schema = resolve(input);
  const out = [{ path, schema, value }];
  if (schema.type === 'object' && value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, s] of Object.entries((schema.properties ?? {}) as Record<string, Schema>)) {
      if (k in value) out.push(...walk((value as Record<string, unknown>)[k], s, `${path}.${k}`));
    }
  }
  if (schema.type === 'array' && Array.isArray(value)) {
    value.forEach((item, i) => out.push(...walk(item, schema.items as Schema, `${path}[${i}]`)));
  }
  return out;
}
