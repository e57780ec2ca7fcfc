// A frozen copy of src/validate.ts as it was before the performance work of issue 10 (commit 4f2c5f3),
// kept as the oracle: tests/unit/src/validate-oracle.test.ts asserts the new validator reports exactly
// the findings this one does. Do not edit, except to follow a deliberate change of the findings.
// The one Ajv instance. Every schema is compiled once, at first use; validation
// returns findings as data (JSON path, rule, message, value seen) and never throws.
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import formatsPlugin from 'ajv-formats';
import { ERROR_SCHEMA_ID, SUCCESS_SCHEMA_ID, knownTrackerTypes, loadSchemas, type JsonSchema } from '../../src/schemas.ts';
import { jsonQuote, printable, showInline, showValue } from '../../src/show-value.ts';
import { isRecord } from '../../src/json-object.ts';

export type EnvelopeKind = 'success' | 'error';
export type Expectation = EnvelopeKind | 'auto';

/** One violation or warning. `path` is a JSONPath into the response body ($ is the root). */
export interface Finding {
  path: string;
  rule: string;
  message: string;
  /** The value seen at `path`; absent when the field itself is missing. */
  value?: unknown;
}

export interface ValidationResult {
  ok: boolean;
  /** Which envelope the body was checked against. */
  kind: EnvelopeKind;
  errors: Finding[];
  warnings: Finding[];
  /** Number of trackers in data[] (0 when there is no array). */
  trackerCount: number;
}

export interface ValidateOptions {
  expect?: Expectation;
  /** With an error envelope: the code errors[0] must carry (8015 for an unknown customer). */
  errorCode?: number;
  /**
   * With errorCode: the documented message of that code. Consumers key on the code, so a different
   * message is a warning (error_message_changed), never an error.
   */
  errorMessage?: string;
}

/** Warning rules: data-quality findings and additive changes. They never fail validation. */
export const WARNING_RULES = [
  'additional_property',
  'unknown_tracker_type',
  'period_end_before_start',
  'duplicate_tracker_id',
  'duplicate_tracker_key',
  'pagination_nonzero',
  'error_message_changed',
] as const;
export type WarningRule = (typeof WARNING_RULES)[number];

// The tolerant reader: the contract allows extra properties, but we want to *see*
// them. Each schema gets a derived "strict twin" that forbids them; one pass over
// the twin yields both the contract's errors and, from its additionalProperties
// errors alone, the warnings. This holds because no schema composes object
// schemas (anyOf/oneOf) where additionalProperties would interact.
const STRICT_PREFIX = 'strict/';

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

interface Compiled {
  ajv: Ajv2020;
  success: ValidateFunction;
  error: ValidateFunction;
  knownTypes: ReadonlySet<string>;
}
let compiled: Compiled | undefined;

function compile(): Compiled {
  if (compiled) return compiled;
  const ajv = new Ajv2020({ strict: true, allErrors: true, verbose: true });
  // ajv-formats is CommonJS; under NodeNext its default import is the module object.
  const addFormats = formatsPlugin as unknown as typeof formatsPlugin.default;
  addFormats(ajv);
  for (const schema of loadSchemas()) ajv.addSchema(strictTwin(schema));
  compiled = {
    ajv,
    success: ajv.getSchema(STRICT_PREFIX + SUCCESS_SCHEMA_ID)!,
    error: ajv.getSchema(STRICT_PREFIX + ERROR_SCHEMA_ID)!,
    knownTypes: new Set(knownTrackerTypes()),
  };
  return compiled;
}

/** Compile every schema now (start-up), so a broken schema fails early and the first probe is not slower. */
export function warmUpValidator(): void {
  compile();
}

/** JSON pointer (/data/3/id) to JSONPath ($.data[3].id). */
export function pointerToPath(pointer: string): string {
  if (pointer === '') return '$';
  return (
    '$' +
    pointer
      .slice(1)
      .split('/')
      .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
      .map((seg) => (/^\d+$/.test(seg) ? `[${seg}]` : /^[A-Za-z_$][\w$]*$/.test(seg) ? `.${seg}` : `[${jsonQuote(seg)}]`))
      .join('')
  );
}

function childPointer(pointer: string, key: string): string {
  return `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

const DATE_TIME_SCHEMA = 'date-time.schema.json';
const DATE_TIME_HINT = "must be an ISO 8601 date-time with 'T' and a zone (Z or ±hh:mm), e.g. 2023-12-07T00:00:00Z";

function isDateTimeError(e: ErrorObject): boolean {
  return (
    (e.keyword === 'pattern' || e.keyword === 'format') &&
    (e.parentSchema as { $id?: string })?.$id === STRICT_PREFIX + DATE_TIME_SCHEMA
  );
}

function toFindings(ajvErrors: ErrorObject[]): { errors: Finding[]; warnings: Finding[] } {
  const errors: Finding[] = [];
  const warnings: Finding[] = [];
  // anyOf: one finding per value, worded by its last (catch-all) branch. Branch errors
  // reached through a $ref lose the anyOf's schemaPath, so they are matched by value
  // path: our only anyOf (tracker type) sits on a leaf, where nothing else can fail.
  const anyOfPaths = new Set(ajvErrors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  const inBranch = (e: ErrorObject) => e.keyword !== 'anyOf' && anyOfPaths.has(e.instancePath);
  const dateSeen = new Set<string>();
  for (const e of ajvErrors) {
    if (inBranch(e)) continue;
    if (e.keyword === 'additionalProperties') {
      const key = (e.params as { additionalProperty: string }).additionalProperty;
      const pointer = childPointer(e.instancePath, key);
      warnings.push({
        path: pointerToPath(pointer),
        rule: 'additional_property',
        message: `property ${showValue(key, 60)} is not in the contract (tolerated: additive change)`,
        value: (e.data as Record<string, unknown>)[key],
      });
    } else if (e.keyword === 'required') {
      const key = (e.params as { missingProperty: string }).missingProperty;
      errors.push({
        path: pointerToPath(childPointer(e.instancePath, key)),
        rule: 'required',
        message: 'is required but missing',
      });
    } else if (isDateTimeError(e)) {
      if (dateSeen.has(e.instancePath)) continue;
      dateSeen.add(e.instancePath);
      const both = ajvErrors.filter((o) => o.instancePath === e.instancePath && isDateTimeError(o));
      const shapeWrong = both.some((o) => o.keyword === 'pattern');
      errors.push({
        path: pointerToPath(e.instancePath),
        rule: 'date-time',
        message: shapeWrong ? DATE_TIME_HINT : 'is not a real calendar date-time (format date-time)',
        value: e.data,
      });
    } else if (e.keyword === 'anyOf') {
      const branches = ajvErrors.filter(
        (b) => b !== e && b.instancePath === e.instancePath && b.schemaPath.startsWith(`${e.schemaPath}/`),
      );
      const last = branches[branches.length - 1];
      errors.push({
        path: pointerToPath(e.instancePath),
        rule: last?.keyword ?? 'anyOf',
        message: last?.message ?? e.message ?? 'is invalid',
        value: e.data,
      });
    } else if (e.keyword === 'not' && Array.isArray((e.schema as { enum?: unknown }).enum)) {
      // Ajv's own wording ("must NOT be valid") does not say what was excluded.
      const excluded = (e.schema as { enum: unknown[] }).enum.map((v) => JSON.stringify(v)).join(', ');
      errors.push({ path: pointerToPath(e.instancePath), rule: 'not', message: `must not be one of ${excluded}`, value: e.data });
    } else {
      errors.push({ path: pointerToPath(e.instancePath), rule: e.keyword, message: e.message ?? 'is invalid', value: e.data });
    }
  }
  return { errors, warnings };
}

/** Which envelope a body looks like: an error one has errors and no tracker data. */
export function detectKind(body: unknown): EnvelopeKind {
  if (!isRecord(body)) return 'success';
  const errs = body.errors;
  const data = body.data;
  const hasErrors = Array.isArray(errs) && errs.length > 0;
  const noData = data === undefined || (Array.isArray(data) && data.length === 0);
  return hasErrors && noData ? 'error' : 'success';
}

function describeErrors(body: Record<string, unknown>): string {
  const first = Array.isArray(body.errors) ? (body.errors[0] as Record<string, unknown> | undefined) : undefined;
  return first ? `${showInline(first.code)} ${showInline(first.message, 80)}` : 'no error item';
}

const isScalar = (v: unknown) => v === null || (typeof v !== 'object' && typeof v !== 'function');

const MAX_LISTED = 10;
function inlineList(values: readonly unknown[]): string {
  const shown = values.slice(0, MAX_LISTED).map((v) => showInline(v));
  return values.length > MAX_LISTED ? `${shown.join(', ')}, … (${values.length} in all)` : shown.join(', ');
}

// Data-quality checks: the documented example itself breaks these, so they are warnings.
function dataQuality(body: Record<string, unknown>, knownTypes: ReadonlySet<string>): Finding[] {
  const out: Finding[] = [];
  const pagination = body.pagination;
  if (isRecord(pagination)) {
    for (const key of ['limit', 'offset', 'total']) {
      const v = pagination[key];
      if (typeof v === 'number' && v !== 0) {
        out.push({
          path: `$.pagination.${key}`,
          rule: 'pagination_nonzero',
          message: 'is non-zero, but the docs say pagination is not supported',
          value: v,
        });
      }
    }
  }
  const data = body.data;
  if (!Array.isArray(data)) return out;
  const conditionsById = new Map<unknown, { first: number; conditions: unknown[] }>();
  const seenKeys = new Map<string, number>();
  data.forEach((t, i) => {
    if (!isRecord(t)) return;
    if (typeof t.type === 'string' && t.type !== '' && !knownTypes.has(t.type)) {
      out.push({
        path: `$.data[${i}].type`,
        rule: 'unknown_tracker_type',
        message: 'is not a documented tracker type (tolerated: new type)',
        value: t.type,
      });
    }
    const start = typeof t.periodStartDate === 'string' ? Date.parse(t.periodStartDate) : NaN;
    const end = typeof t.periodEndDate === 'string' ? Date.parse(t.periodEndDate) : NaN;
    if (end < start) {
      out.push({
        path: `$.data[${i}].periodEndDate`,
        rule: 'period_end_before_start',
        message: `is before periodStartDate ${showInline(t.periodStartDate)} (tracker id ${showInline(t.id)})`,
        value: t.periodEndDate,
      });
    }
    // An object or array as id is a type error already; String() of one would be noise, and of a deep one a stack overflow.
    if (isScalar(t.id) && isScalar(t.conditionId)) {
      const key = `${String(t.id)}/${String(t.conditionId)}`;
      const earlier = seenKeys.get(key);
      if (earlier !== undefined) {
        out.push({
          path: `$.data[${i}]`,
          rule: 'duplicate_tracker_key',
          message: `repeats (id, conditionId) = (${showInline(t.id)}, ${showInline(t.conditionId)}) of $.data[${earlier}]`,
          value: t.id,
        });
      } else seenKeys.set(key, i);
    }
    const entry = conditionsById.get(t.id);
    if (entry) entry.conditions.push(t.conditionId);
    else conditionsById.set(t.id, { first: i, conditions: [t.conditionId] });
  });
  for (const [id, { first, conditions }] of conditionsById) {
    const distinct = [...new Set(conditions)];
    if (distinct.length > 1) {
      out.push({
        path: `$.data[${first}].id`,
        rule: 'duplicate_tracker_id',
        message: `id appears ${conditions.length} times with conditionIds ${inlineList(distinct)}: id alone is not unique, (id, conditionId) is`,
        value: id,
      });
    }
  }
  return out;
}

// Ajv's generated code and the data-quality pass go only as deep as the schemas do, so today no
// JSON value exhausts the stack (tests/unit/src/hostile-input.test.ts tries a million levels). If
// a future schema or check walks into a value (a $ref cycle, a deep-equal) and overflows, or a
// non-JSON body throws from a getter, that is a finding: a verdict, not a crash.
function uncheckable(err: unknown, pass: string): Finding {
  if (err instanceof RangeError && /call stack/i.test(err.message)) {
    return { path: '$', rule: 'depth', message: `is nested too deeply for the ${pass} (the call stack ran out)` };
  }
  const reason = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return { path: '$', rule: 'unchecked', message: `could not be checked by the ${pass} (${printable(reason, 80)})` };
}

function guarded<T>(pass: string, errors: Finding[], fallback: T, run: () => T): T {
  try {
    return run();
  } catch (err) {
    errors.push(uncheckable(err, pass));
    return fallback;
  }
}

/** Validate one response body. Never throws. */
export function validateResponse(body: unknown, options: ValidateOptions = {}): ValidationResult {
  compile(); // outside the guard: a broken schema is our bug, and must fail loudly
  try {
    return checkResponse(body, options);
  } catch (err) {
    const kind: EnvelopeKind = options.expect === 'error' ? 'error' : 'success';
    return { ok: false, kind, errors: [uncheckable(err, 'validator')], warnings: [], trackerCount: 0 };
  }
}

function checkResponse(body: unknown, options: ValidateOptions): ValidationResult {
  const { success, error, knownTypes } = compile();
  const detected = detectKind(body);
  const kind: EnvelopeKind = options.expect && options.expect !== 'auto' ? options.expect : detected;
  const errors: Finding[] = [];
  const warnings: Finding[] = [];
  if (isRecord(body) && kind !== detected) {
    errors.push({
      path: '$',
      rule: 'envelope',
      message:
        kind === 'success'
          ? `expected a success envelope, got an error envelope (${describeErrors(body)})`
          : 'expected an error envelope (errors non-empty, no tracker data), got a success envelope',
    });
  }
  const validateFn = kind === 'success' ? success : error;
  if (!guarded('schema check', errors, true, () => validateFn(body))) {
    const found = toFindings(validateFn.errors ?? []);
    errors.push(...found.errors);
    warnings.push(...found.warnings);
  }
  if (isRecord(body)) {
    warnings.push(...guarded('data-quality checks', errors, [], () => dataQuality(body, knownTypes)));
    if (kind === 'error' && options.errorCode !== undefined && Array.isArray(body.errors) && body.errors.length > 0) {
      const code = (body.errors[0] as Record<string, unknown> | undefined)?.code;
      if (code !== options.errorCode) {
        errors.push({ path: '$.errors[0].code', rule: 'error_code', message: `must be ${options.errorCode}`, value: code });
      }
      const message = (body.errors[0] as Record<string, unknown> | undefined)?.message;
      if (options.errorMessage !== undefined && typeof message === 'string' && message !== options.errorMessage) {
        warnings.push({
          path: '$.errors[0].message',
          rule: 'error_message_changed',
          message: `differs from the documented "${options.errorMessage}" (tolerated: consumers key on the code)`,
          value: message,
        });
      }
    }
  }
  const data = isRecord(body) ? body.data : undefined;
  return { ok: errors.length === 0, kind, errors, warnings, trackerCount: Array.isArray(data) ? data.length : 0 };
}

// ─── Other documents (the monitor's targets file) ────────────────────────────
/**
 * Validate a document against one schema of schemas/ by $id, on the same Ajv instance. For
 * configuration, not responses: an unknown property is an error (rule additionalProperties),
 * and no value is attached to findings (a config value may be a secret put in the wrong place).
 */
export function validateDocument(schemaId: string, value: unknown): Finding[] {
  const validateFn = compile().ajv.getSchema(STRICT_PREFIX + schemaId);
  if (!validateFn) return [{ path: '$', rule: 'schema', message: `no schema with $id ${schemaId} in schemas/` }];
  const failed: Finding[] = [];
  if (guarded('schema check', failed, false, () => validateFn(value))) return [];
  if (failed.length > 0) return failed;
  const { errors, warnings } = toFindings(validateFn.errors ?? []);
  const unknown = warnings.map((w) => ({
    path: w.path,
    rule: 'additionalProperties',
    message: `is not an allowed property (allowed: see schemas/${schemaId})`,
  }));
  return [...errors.map(({ path, rule, message }) => ({ path, rule, message })), ...unknown];
}
