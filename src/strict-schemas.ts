// The schemas the validator checks with, derived from the hand-written ones in schemas/.
// Only scripts/generate-validators.ts compiles them (into src/validators.generated.ts); the
// validator itself runs that generated code and needs from here only the names.
import { SUCCESS_SCHEMA_ID, loadSchemas, type JsonSchema } from './schemas.ts';

// The tolerant reader: the contract allows extra properties, but we want to *see*
// them. Each schema gets a derived "strict twin" that forbids them; one pass over
// the twin yields both the contract's errors and, from its additionalProperties
// errors alone, the warnings. This holds because no schema composes object
// schemas (anyOf/oneOf) where additionalProperties would interact.
export const STRICT_PREFIX = 'strict/';

function strictTwin(schema: JsonSchema): JsonSchema {
  const close = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(close);
    if (node === null || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) out[k] = close(v);
    // A node with $ref extends another schema; closing it would reject the referenced properties.
    if ('properties' in out && !('additionalProperties' in out) && !('$ref' in out)) out.additionalProperties = false;
    return out;
  };
  return { ...(close(schema) as JsonSchema), $id: STRICT_PREFIX + schema.$id };
}

// The success envelope is checked in two parts: the envelope without its trackers, then
// each tracker with the tracker schema. Ajv's own loop over a $ref'd array concatenates
// every failing item's errors onto all the errors before it, which is quadratic (30,000
// bad trackers took ~52 s); src/validate.ts loops itself, and appends.
export const ITEMS_PROPERTY = 'data';
export const ENVELOPE_ID = `${STRICT_PREFIX}trackers-envelope.schema.json`;

export interface SplitEnvelope {
  /** The success envelope without data.items ($id ENVELOPE_ID). */
  envelope: JsonSchema;
  /** The $id of the schema each item of data[] is checked with. */
  itemId: string;
  /** Properties checked after data: their errors follow the trackers' errors. */
  after: string[];
}

function withoutItems(schema: JsonSchema): SplitEnvelope {
  const properties = schema.properties as Record<string, Record<string, unknown>>;
  const { items, ...array } = properties[ITEMS_PROPERTY]!;
  const itemRef = (items as { $ref?: unknown } | undefined)?.$ref;
  if (typeof itemRef !== 'string' || Object.keys(items as object).length !== 1) {
    throw new Error(`${schema.$id}: ${ITEMS_PROPERTY}.items must be a bare $ref for the split check`);
  }
  const names = Object.keys(properties);
  return {
    envelope: { ...schema, $id: ENVELOPE_ID, properties: { ...properties, [ITEMS_PROPERTY]: array } },
    itemId: STRICT_PREFIX + itemRef,
    after: names.slice(names.indexOf(ITEMS_PROPERTY) + 1),
  };
}

/** Every strict twin (sorted by $id, as loadSchemas is) and the split success envelope. */
export function strictSchemas(): { twins: JsonSchema[]; split: SplitEnvelope } {
  const twins = loadSchemas().map(strictTwin);
  return { twins, split: withoutItems(twins.find((s) => s.$id === STRICT_PREFIX + SUCCESS_SCHEMA_ID)!) };
}
