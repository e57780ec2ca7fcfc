// The one validator: the schemas compiled once, ahead of time, by Ajv (scripts/generate-validators.ts
// writes src/validators.generated.ts; nothing here loads Ajv or compiles at run time). Validation
// returns findings as data (JSON path, rule, message, value seen) and never throws.
import type { ErrorObject } from 'ajv/dist/2020.js';
import { ERROR_SCHEMA_ID, knownTrackerTypes } from './schemas.ts';
import { ITEMS_PROPERTY, STRICT_PREFIX } from './strict-schemas.ts';
import { dateParseCompatible } from './rfc3339-date-time.ts';
import { jsonQuote, printable, showInline, showValue } from './show-value.ts';
import { isRecord } from './json-object.ts';
import { SUCCESS_SPLIT, validators, type CompiledValidator } from './validators.generated.ts';

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

// The validators compare against strict twins of the schemas (src/strict-schemas.ts): the
// contract's errors and, from the twins' additionalProperties errors, the warnings. The success
// envelope is checked in two parts, the envelope without its trackers and then each tracker: the
// error objects are the ones Ajv makes in the one-pass run (same instancePath, schemaPath, data),
// put back in the order Ajv reports them (the envelope's properties are checked in schema order).
interface SplitArray {
  envelope: CompiledValidator;
  item: CompiledValidator;
  /** Properties checked after data: their errors follow the trackers' errors. */
  after: ReadonlySet<string>;
}

interface Compiled {
  success: SplitArray;
  error: CompiledValidator;
  knownTypes: ReadonlySet<string>;
}
let compiled: Compiled | undefined;

/** A generated validator by its schema's $id (the strict twin's), or undefined. */
function validatorFor(id: string): CompiledValidator | undefined {
  return Object.hasOwn(validators, id) ? validators[id] : undefined;
}

function required(id: string): CompiledValidator {
  const v = validatorFor(id);
  if (!v) throw new Error(`src/validators.generated.ts has no validator for ${id}: run npm run generate`);
  return v;
}

function compile(): Compiled {
  compiled ??= {
    success: {
      envelope: required(SUCCESS_SPLIT.envelopeId),
      item: required(SUCCESS_SPLIT.itemId),
      after: new Set(SUCCESS_SPLIT.after),
    },
    error: required(STRICT_PREFIX + ERROR_SCHEMA_ID),
    knownTypes: new Set(knownTrackerTypes()),
  };
  return compiled;
}

/** The first segment of an instancePath (/warnings/0/code → warnings). */
function topProperty(instancePath: string): string {
  const end = instancePath.indexOf('/', 1);
  return end < 0 ? instancePath.slice(1) : instancePath.slice(1, end);
}

// No schema has a $dynamicAnchor, so nothing writes here; one object serves every call.
const NO_ANCHORS = Object.freeze({});

/** The trackers whose period ends before it starts (as Date.parse reads the dates), for the data-quality pass. */
interface Periods {
  data: readonly unknown[];
  /** Their indexes, ascending. */
  backwards: number[];
}

/** Ajv's errors for a success body, as the one-pass validator reports them ([] when valid), and the periods read on the way. */
function successErrors({ envelope, item, after }: SplitArray, body: unknown): { errors: ErrorObject[]; periods?: Periods } {
  const errors = envelope(body) ? [] : [...(envelope.errors ?? [])];
  const data = isRecord(body) ? body[ITEMS_PROPERTY] : undefined;
  if (!Array.isArray(data)) return { errors };
  // Compared right after Ajv checked the tracker, while its dates are in the CPU's cache (the
  // dates' verdicts are looked up by string, and the data-quality pass comes much later).
  const periods: Periods = { data, backwards: [] };
  const itemErrors: ErrorObject[] = [];
  // A valid tracker (nearly every one) is checked with one shared context; only a failing one
  // is checked again with its own, for error objects with its instancePath and parentData.
  const quick = {
    instancePath: '',
    parentData: data,
    parentDataProperty: 0,
    rootData: body as Record<string, unknown>,
    dynamicAnchors: NO_ANCHORS,
  };
  for (let i = 0; i < data.length; i++) {
    if (!item(data[i], quick)) {
      const cxt = { ...quick, instancePath: `/${ITEMS_PROPERTY}/${i}`, parentDataProperty: i };
      item(data[i], cxt);
      for (const e of item.errors ?? []) itemErrors.push(e);
    }
    const t: unknown = data[i];
    if (isRecord(t) && endsBeforeStart(t)) periods.backwards.push(i);
  }
  if (itemErrors.length === 0) return { errors, periods };
  let at = errors.findIndex((e) => e.instancePath !== '' && after.has(topProperty(e.instancePath)));
  if (at < 0) at = errors.length;
  return { errors: [...errors.slice(0, at), ...itemErrors, ...errors.slice(at)], periods };
}

/** A period date as the data-quality pass compares it: Date.parse's reading, NaN for a non-string. */
const periodMs = (value: unknown): number => (typeof value === 'string' ? dateParseCompatible(value) : NaN);

function endsBeforeStart(t: Record<string, unknown>): boolean {
  const start = periodMs(t.periodStartDate);
  return periodMs(t.periodEndDate) < start;
}

/** Look every validator up now (start-up), so a missing one fails early and the first probe is not slower. */
export function warmUpValidator(): void {
  compile();
}

/** JSON pointer (/data/3/id) to JSONPath ($.data[3].id). */
export function pointerToPath(pointer: string): string {
  if (pointer === '') return '$';
  let path = '$';
  for (const raw of pointer.slice(1).split('/')) path += pathSegment(raw);
  return path;
}

// Property names repeat (every tracker has the same nine), so their JSONPath form is kept;
// bounded, as a hostile body can have any number of distinct names.
const segmentCache = new Map<string, string>();
const MAX_CACHED_SEGMENTS = 1000;

function pathSegment(raw: string): string {
  if (isIndex(raw)) return `[${raw}]`;
  let out = segmentCache.get(raw);
  if (out !== undefined) return out;
  const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
  out = /^\d+$/.test(seg) ? `[${seg}]` : /^[A-Za-z_$][\w$]*$/.test(seg) ? `.${seg}` : `[${jsonQuote(seg)}]`;
  if (segmentCache.size < MAX_CACHED_SEGMENTS) segmentCache.set(raw, out);
  return out;
}

/** ASCII digits only (the /^\d+$/ of an array index), without a regex. */
function isIndex(seg: string): boolean {
  if (seg.length === 0) return false;
  for (let i = 0; i < seg.length; i++) if ((seg.charCodeAt(i) - 48) >>> 0 > 9) return false;
  return true;
}

function childPointer(pointer: string, key: string): string {
  return `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

// Joined once: asked of every error, a concatenation per call was a string to build and flatten.
const DATE_TIME_SCHEMA_ID = `${STRICT_PREFIX}date-time.schema.json`;
const DATE_TIME_HINT = "must be an ISO 8601 date-time with 'T' and a zone (Z or ±hh:mm), e.g. 2023-12-07T00:00:00Z";

function isDateTimeError(e: ErrorObject): boolean {
  return (e.keyword === 'pattern' || e.keyword === 'format') && (e.parentSchema as { $id?: string })?.$id === DATE_TIME_SCHEMA_ID;
}

interface Converted {
  errors: Finding[];
  warnings: Finding[];
  /** Findings past the limit: counted, not built (nobody is shown them). */
  unlisted: { errors: number; warnings: number };
}

/** Ajv's errors as findings; past `limit` findings of a kind, only their number. */
function toFindings(ajvErrors: ErrorObject[], limit = Infinity): Converted {
  const errors: Finding[] = [];
  const warnings: Finding[] = [];
  const unlisted = { errors: 0, warnings: 0 };
  // anyOf: one finding per value, worded by its last (catch-all) branch. Branch errors
  // reached through a $ref lose the anyOf's schemaPath, so they are matched by value
  // path: our only anyOf (tracker type) sits on a leaf, where nothing else can fail.
  const anyOfPaths = new Set<string>();
  for (const e of ajvErrors) if (e.keyword === 'anyOf') anyOfPaths.add(e.instancePath);
  const inBranch = (e: ErrorObject) => e.keyword !== 'anyOf' && anyOfPaths.has(e.instancePath);
  // The errors a finding words itself from (a date's pattern and format errors, an anyOf's
  // branches), by value path: a lookup instead of a search, so the conversion is linear.
  const byPath = new Map<string, ErrorObject[]>();
  for (const e of ajvErrors) {
    if (!isDateTimeError(e) && !anyOfPaths.has(e.instancePath)) continue;
    const group = byPath.get(e.instancePath);
    if (group) group.push(e);
    else byPath.set(e.instancePath, [e]);
  }
  const samePath = (e: ErrorObject) => byPath.get(e.instancePath)!;
  const dateSeen = new Set<string>();
  for (const e of ajvErrors) {
    if (inBranch(e)) continue;
    if (e.keyword === 'additionalProperties' ? warnings.length >= limit : errors.length >= limit) {
      // Counted exactly as it would be built: one per error, one per date value.
      if (isDateTimeError(e)) {
        if (dateSeen.has(e.instancePath)) continue;
        dateSeen.add(e.instancePath);
      }
      if (e.keyword === 'additionalProperties') unlisted.warnings++;
      else unlisted.errors++;
      continue;
    }
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
      const both = samePath(e).filter(isDateTimeError);
      const shapeWrong = both.some((o) => o.keyword === 'pattern');
      errors.push({
        path: pointerToPath(e.instancePath),
        rule: 'date-time',
        message: shapeWrong ? DATE_TIME_HINT : 'is not a real calendar date-time (format date-time)',
        value: e.data,
      });
    } else if (e.keyword === 'anyOf') {
      const branches = samePath(e).filter((b) => b !== e && b.schemaPath.startsWith(`${e.schemaPath}/`));
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
  return { errors, warnings, unlisted };
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

/** Set and Map equality: === except that NaN equals NaN. */
const sameValueZero = (a: unknown, b: unknown) => a === b || (a !== a && b !== b);

const isScalar = (v: unknown) => v === null || (typeof v !== 'object' && typeof v !== 'function');

const MAX_LISTED = 10;
function inlineList(values: readonly unknown[]): string {
  const shown = values.slice(0, MAX_LISTED).map((v) => showInline(v));
  return values.length > MAX_LISTED ? `${shown.join(', ')}, … (${values.length} in all)` : shown.join(', ');
}

/** Per id: where it first appears, how often, and (once a second conditionId shows up) every conditionId. */
interface IdEntry {
  first: number;
  count: number;
  condition: unknown;
  conditions?: unknown[];
  /** Numeric bodies: the first index of each (id, conditionId) after the first one. */
  pairs?: Map<unknown, number>;
}

// A tracker's key is the text `${id}/${conditionId}`, so "1/2" + 3 and 1 + "2/3" are the same
// key. When every id and conditionId is a number (every real body), text equality is number
// equality (a number's text has no '/', and only 0 and -0 share one, as Map keys do too), so
// the per-id entries answer it without building a string per tracker.
const allNumericKeys = (data: readonly unknown[]) =>
  data.every((t) => !isRecord(t) || (typeof t.id === 'number' && typeof t.conditionId === 'number'));

// The first index of each int32 id (every real body's ids are): open addressing in typed
// arrays kept between calls, where a Map get and set per tracker cost ~0.1× JSON.parse at 97
// trackers, and allocating a typed array per call ~1.5 µs. -0 is 0 here, as it is as a Map key.
// Bounded: the arrays shrink back after a huge body, and ids that collide on purpose (past a
// linear number of probes) fall back to the Map.
const KEPT_SLOTS = 1 << 16;
let slotIds = new Int32Array(256);
/** 1 + the first index with the slot's id; 0 for an empty slot. */
let slotFirsts = new Int32Array(256);

/** Per tracker, the first index with its id (its own if it is the first), or undefined when an id is not an int32. */
function int32FirstIndexes(data: readonly unknown[]): number[] | undefined {
  let size = 256;
  while (size < 2 * data.length) size *= 2;
  if (slotIds.length < size || slotIds.length > Math.max(size, KEPT_SLOTS)) {
    slotIds = new Int32Array(size);
    slotFirsts = new Int32Array(size);
  } else slotFirsts.fill(0, 0, size);
  const mask = size - 1;
  let probes = 8 * data.length;
  const firsts: number[] = [];
  for (let i = 0; i < data.length; i++) {
    const t: unknown = data[i];
    if (!isRecord(t)) {
      firsts.push(i); // skipped by the data-quality pass
      continue;
    }
    const id = t.id;
    if (typeof id !== 'number' || (id | 0) !== id) return undefined;
    const h = Math.imul(id, 0x9e3779b1);
    let slot = (h ^ (h >>> 16)) & mask;
    while (slotFirsts[slot] !== 0 && slotIds[slot] !== id) {
      if (--probes < 0) return undefined;
      slot = (slot + 1) & mask;
    }
    if (slotFirsts[slot] === 0) {
      slotIds[slot] = id;
      slotFirsts[slot] = i + 1;
    }
    firsts.push(slotFirsts[slot]! - 1);
  }
  return firsts;
}

/** (id, i) → the first index with that id, or undefined when i is the first (and it is recorded). */
function firstIndexer(firsts: number[] | undefined): (id: unknown, i: number) => number | undefined {
  if (firsts) return (_id, i) => (firsts[i] === i ? undefined : firsts[i]);
  const firstById = new Map<unknown, number>();
  return (id, i) => {
    const first = firstById.get(id);
    if (first === undefined) firstById.set(id, i);
    return first;
  };
}

/** Numeric bodies: the first index with this (id, conditionId), or undefined (and i is recorded). */
function firstPairIndex(entry: IdEntry | undefined, conditionId: unknown, i: number): number | undefined {
  if (!entry) return undefined; // the entry made for this tracker records it
  if (sameValueZero(entry.condition, conditionId)) return entry.first;
  entry.pairs ??= new Map();
  const earlier = entry.pairs.get(conditionId);
  if (earlier === undefined) entry.pairs.set(conditionId, i);
  return earlier;
}

/** Other bodies: the key as text, in its own map. */
function firstKeyIndex(seen: Map<string, number>, id: unknown, conditionId: unknown, i: number): number | undefined {
  const key = `${String(id)}/${String(conditionId)}`;
  const earlier = seen.get(key);
  if (earlier === undefined) seen.set(key, i);
  return earlier;
}

// Data-quality checks: the documented example itself breaks these, so they are warnings.
function dataQuality(body: Record<string, unknown>, knownTypes: ReadonlySet<string>, periods?: Periods): Finding[] {
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
  const backwards = periods?.data === data ? periods.backwards : undefined;
  let nextBackwards = 0; // the first of `backwards` not reported yet
  // Most ids appear once: for those, only the index (a number, no object); an entry for the others.
  const firsts = int32FirstIndexes(data);
  // No id repeats (most bodies), so no key repeats either (a key's text starts with its id's,
  // which has no '/'): the per-id bookkeeping is skipped.
  const distinct = firsts?.every((first, i) => first === i) ?? false;
  const firstIndex = firstIndexer(firsts);
  const repeated = new Map<unknown, IdEntry>();
  const seenKeys = distinct || allNumericKeys(data) ? undefined : new Map<string, number>();
  for (let i = 0; i < data.length; i++) {
    const t: unknown = data[i];
    if (!isRecord(t)) continue;
    if (typeof t.type === 'string' && t.type !== '' && !knownTypes.has(t.type)) {
      out.push({
        path: `$.data[${i}].type`,
        rule: 'unknown_tracker_type',
        message: 'is not a documented tracker type (tolerated: new type)',
        value: t.type,
      });
    }
    if (backwards ? backwards[nextBackwards] === i : endsBeforeStart(t)) {
      if (backwards) nextBackwards++;
      out.push({
        path: `$.data[${i}].periodEndDate`,
        rule: 'period_end_before_start',
        message: `is before periodStartDate ${showInline(t.periodStartDate)} (tracker id ${showInline(t.id)})`,
        value: t.periodEndDate,
      });
    }
    if (distinct) continue;
    // An object or array as id is a type error already; String() of one would be noise, and of a deep one a stack overflow.
    const first = firstIndex(t.id, i);
    let entry: IdEntry | undefined;
    if (first !== undefined) {
      entry = repeated.get(t.id);
      if (!entry)
        repeated.set(t.id, (entry = { first, count: 1, condition: (data[first] as Record<string, unknown>).conditionId }));
    }
    if (isScalar(t.id) && isScalar(t.conditionId)) {
      const earlier = seenKeys ? firstKeyIndex(seenKeys, t.id, t.conditionId, i) : firstPairIndex(entry, t.conditionId, i);
      if (earlier !== undefined) {
        out.push({
          path: `$.data[${i}]`,
          rule: 'duplicate_tracker_key',
          message: `repeats (id, conditionId) = (${showInline(t.id)}, ${showInline(t.conditionId)}) of $.data[${earlier}]`,
          value: t.id,
        });
      }
    }
    if (entry) {
      if (!entry.conditions && !sameValueZero(entry.condition, t.conditionId)) {
        entry.conditions = new Array<unknown>(entry.count).fill(entry.condition);
      }
      entry.conditions?.push(t.conditionId);
      entry.count++;
    }
  }
  // In the order the ids first appear, as the findings have always been listed.
  const varied = [...repeated].filter(([, e]) => e.conditions).sort(([, a], [, b]) => a.first - b.first);
  for (const [id, { first, conditions }] of varied) {
    // Without a second conditionId there is one distinct value: nothing to report.
    if (!conditions) continue;
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
  const checked = guarded<{ errors: ErrorObject[]; periods?: Periods }>('schema check', errors, { errors: [] }, () =>
    kind === 'success' ? successErrors(success, body) : { errors: error(body) ? [] : (error.errors ?? []) },
  );
  const ajvErrors = checked.errors;
  const unlisted = { errors: 0, warnings: 0 };
  if (ajvErrors.length > 0) {
    // Enough to fill the capped lists whatever comes before them (at most the envelope error).
    const found = toFindings(ajvErrors, MAX_FINDINGS);
    for (const f of found.errors) errors.push(f);
    for (const f of found.warnings) warnings.push(f);
    Object.assign(unlisted, found.unlisted);
  }
  if (isRecord(body)) {
    // A loop, not push(...): a spread of a huge list overflows the call stack.
    for (const w of guarded('data-quality checks', errors, [], () => dataQuality(body, knownTypes, checked.periods)))
      warnings.push(w);
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
  return {
    ok: errors.length === 0,
    kind,
    errors: capped(errors, unlisted.errors, 'errors'),
    warnings: capped(warnings, unlisted.warnings, 'warnings'),
    trackerCount: Array.isArray(data) ? data.length : 0,
  };
}

/** At most this many errors (and as many warnings) are listed; a body that breaks every tracker says so in one line. */
export const MAX_FINDINGS = 1000;
export const TRUNCATED_RULE = 'findings_truncated';

function capped(findings: Finding[], unlisted: number, what: 'errors' | 'warnings'): Finding[] {
  if (findings.length + unlisted <= MAX_FINDINGS) return findings;
  const more = findings.length + unlisted - MAX_FINDINGS;
  return [
    ...findings.slice(0, MAX_FINDINGS),
    { path: '$', rule: TRUNCATED_RULE, message: `and ${more} more ${what} not listed (the first ${MAX_FINDINGS} are)` },
  ];
}

// ─── Other documents (the monitor's targets file) ────────────────────────────
/**
 * Validate a document against one schema of schemas/ by $id, with the same generated code. For
 * configuration, not responses: an unknown property is an error (rule additionalProperties),
 * and no value is attached to findings (a config value may be a secret put in the wrong place).
 */
export function validateDocument(schemaId: string, value: unknown): Finding[] {
  const validateFn = validatorFor(STRICT_PREFIX + schemaId);
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
