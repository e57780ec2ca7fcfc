// Contract mutations: deliberate, named departures from the documented contract
// that the sandbox can serve (fault `mutation=NAME`). The table is the single
// list of "what could change on Capillary's side" that the release gate's proof
// test, the Pact tests and the monitor tests iterate over: each entry says
// whether a consumer must treat it as breaking and, where the validator is the
// one to notice, which finding it must raise.
import { errorEnvelope, successBody } from './envelopes.ts';
import { isRecord } from '../src/json-object.ts';

/**
 * Which response a mutation rewrites:
 * - success: a 200 tracker list (validate with expect 'success');
 * - not-found: the 8015 answer for an unknown customer (validate with expect 'error', errorCode 8015);
 * - auth: the authentication decision (detected by status, not by the validator);
 * - content-type: the Content-Type header of every answer on the trackers path.
 */
export type MutationTarget = 'success' | 'not-found' | 'auth' | 'content-type';

/** A finding (see src/validate.ts Finding) by JSONPath and rule. */
export interface ExpectedFinding {
  path: string;
  rule: string;
}

/** A response before it is written: mutations and faults rewrite this, the app sends it. */
export interface ResponseDraft {
  status: number;
  contentType: string;
  text: string;
}

interface MutationInfo {
  name: string;
  description: string;
  /** true: a consumer of the contract breaks (the suite must fail); false: an additive change it must tolerate. */
  breaking: boolean;
  applies: MutationTarget;
  /**
   * Breaking: a finding validateResponse must report among its errors.
   * Additive: the one warning it must add, or undefined when the change raises none.
   * Undefined for a breaking change the validator cannot see (auth, headers): the description says how to detect it.
   */
  expect?: ExpectedFinding;
}

export interface ResponseMutation extends MutationInfo {
  applies: 'success' | 'not-found' | 'content-type';
  apply(draft: ResponseDraft): ResponseDraft;
}

export interface AuthMutation extends MutationInfo {
  applies: 'auth';
  /** Given whether the credentials were valid, whether the sandbox lets the request through. */
  apply(authenticated: boolean): boolean;
}

export type Mutation = ResponseMutation | AuthMutation;

type Json = Record<string, unknown>;

/** Parse, rewrite, re-serialise. A fresh parse per call keeps apply() pure. */
function mapBody(draft: ResponseDraft, rewrite: (body: Json) => unknown, indent: number | undefined = 4): ResponseDraft {
  const body: unknown = JSON.parse(draft.text);
  return isRecord(body) ? { ...draft, text: JSON.stringify(rewrite(body), null, indent) } : draft;
}

/** Rewrite the tracker objects of data[] in place (nothing when data is not an array). */
function eachTracker(draft: ResponseDraft, rewrite: (tracker: Json, index: number) => void): ResponseDraft {
  return mapBody(draft, (body) => {
    if (Array.isArray(body.data)) body.data.forEach((t, i) => isRecord(t) && rewrite(t, i));
    return body;
  });
}

/** Rewrite only data[0]. */
function firstTracker(draft: ResponseDraft, rewrite: (tracker: Json) => void): ResponseDraft {
  return eachTracker(draft, (t, i) => i === 0 && rewrite(t));
}

const DATE_FIELDS = ['updatedOn', 'periodStartDate', 'periodEndDate'] as const;

function eachDate(
  draft: ResponseDraft,
  rewrite: (iso: string) => unknown,
  fields: readonly string[] = DATE_FIELDS,
): ResponseDraft {
  return eachTracker(draft, (t) => {
    for (const field of fields) if (typeof t[field] === 'string') t[field] = rewrite(t[field]);
  });
}

/** The same instant, written in +05:30 (India, where Capillary started). */
function toIndiaOffset(iso: string): string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return iso;
  return new Date(ms + 330 * 60_000).toISOString().slice(0, 19) + '+05:30';
}

function firstError(body: Json): Json | undefined {
  const first: unknown = Array.isArray(body.errors) ? body.errors[0] : undefined;
  return isRecord(first) ? first : undefined;
}

export const MUTATIONS: readonly Mutation[] = [
  // Breaking: tracker fields.
  {
    name: 'id-string',
    description: 'data[0].id is sent as a string ("9737"), not an integer',
    breaking: true,
    applies: 'success',
    expect: { path: '$.data[0].id', rule: 'type' },
    apply: (d) => firstTracker(d, (t) => void (t.id = String(t.id))),
  },
  {
    name: 'missing-field',
    description: 'data[0].updatedOn is dropped',
    breaking: true,
    applies: 'success',
    expect: { path: '$.data[0].updatedOn', rule: 'required' },
    apply: (d) => firstTracker(d, (t) => void delete t.updatedOn),
  },
  {
    name: 'date-reformat',
    description: 'every updatedOn loses its ISO shape: 2023-12-07 00:00:00 (no T, no zone)',
    breaking: true,
    applies: 'success',
    expect: { path: '$.data[0].updatedOn', rule: 'date-time' },
    apply: (d) => eachDate(d, (iso) => iso.replace('T', ' ').replace(/(\.\d+)?(Z|[+-]\d\d:\d\d)$/, ''), ['updatedOn']),
  },
  {
    name: 'date-epoch',
    description: 'every periodStartDate becomes epoch milliseconds (a number)',
    breaking: true,
    applies: 'success',
    expect: { path: '$.data[0].periodStartDate', rule: 'type' },
    apply: (d) => eachDate(d, (iso) => Date.parse(iso), ['periodStartDate']),
  },
  {
    name: 'impossible-date',
    description: 'data[0].updatedOn is well-shaped but not a calendar date: 2023-02-30T00:00:00Z',
    breaking: true,
    applies: 'success',
    expect: { path: '$.data[0].updatedOn', rule: 'date-time' },
    apply: (d) => firstTracker(d, (t) => void (t.updatedOn = '2023-02-30T00:00:00Z')),
  },
  {
    name: 'value-string',
    description: 'every value is sent as a string ("0", "2400")',
    breaking: true,
    applies: 'success',
    expect: { path: '$.data[0].value', rule: 'type' },
    apply: (d) => eachTracker(d, (t) => void (t.value = String(t.value))),
  },
  {
    name: 'name-null',
    description: 'data[0].name is null',
    breaking: true,
    applies: 'success',
    expect: { path: '$.data[0].name', rule: 'type' },
    apply: (d) => firstTracker(d, (t) => void (t.name = null)),
  },
  {
    name: 'condition-id-float',
    description: 'data[0].conditionId is a fraction (479.5), not an integer',
    breaking: true,
    applies: 'success',
    expect: { path: '$.data[0].conditionId', rule: 'type' },
    apply: (d) => firstTracker(d, (t) => void (t.conditionId = Number(t.conditionId) + 0.5)),
  },
  {
    name: 'type-empty',
    description: 'data[0].type is the empty string',
    breaking: true,
    applies: 'success',
    expect: { path: '$.data[0].type', rule: 'minLength' },
    apply: (d) => firstTracker(d, (t) => void (t.type = '')),
  },
  // Breaking: the envelope.
  {
    name: 'data-not-array',
    description: 'data is a single object (the first tracker) instead of an array',
    breaking: true,
    applies: 'success',
    expect: { path: '$.data', rule: 'type' },
    apply: (d) => mapBody(d, (body) => ({ ...body, data: Array.isArray(body.data) ? (body.data[0] ?? {}) : body.data })),
  },
  {
    name: 'missing-pagination',
    description: 'the pagination object is dropped',
    breaking: true,
    applies: 'success',
    expect: { path: '$.pagination', rule: 'required' },
    apply: (d) => mapBody(d, ({ pagination: _dropped, ...rest }) => rest),
  },
  // Breaking: the unknown-customer answer.
  {
    name: 'lose-8015',
    description: 'an unknown customer gets 200 with an empty success envelope (data [], no error) instead of 8015',
    breaking: true,
    applies: 'not-found',
    expect: { path: '$', rule: 'envelope' },
    apply: (d) => ({ ...d, status: 200, text: successBody([]) }),
  },
  {
    name: 'wrong-error-code',
    description: 'an unknown customer gets error code 8016 instead of 8015 (same message)',
    breaking: true,
    applies: 'not-found',
    expect: { path: '$.errors[0].code', rule: 'error_code' },
    apply: (d) =>
      mapBody(d, (body) => {
        const error = firstError(body);
        if (error) error.code = 8016;
        return body;
      }),
  },
  {
    name: 'error-status-true',
    description: 'the 8015 error item carries status true (an error must say status false)',
    breaking: true,
    applies: 'not-found',
    expect: { path: '$.errors[0].status', rule: 'const' },
    apply: (d) =>
      mapBody(d, (body) => {
        const error = firstError(body);
        if (error) error.status = true;
        return body;
      }),
  },
  {
    name: 'not-found-5xx',
    description: 'an unknown customer gets HTTP 500 with a code-500 error envelope instead of 8015',
    breaking: true,
    applies: 'not-found',
    expect: { path: '$.errors[0].code', rule: 'error_code' },
    apply: (d) => ({ ...d, status: 500, text: errorEnvelope(500, 'Internal Server Error') }),
  },
  // Breaking, invisible to the body validator.
  {
    name: 'no-auth',
    description: 'authentication is not enforced: requests without (or with wrong) credentials get data; detect by expecting 401',
    breaking: true,
    applies: 'auth',
    apply: () => true,
  },
  {
    name: 'html-content-type',
    description: 'answers keep their JSON body but say Content-Type: text/html; detect by checking the media type',
    breaking: true,
    applies: 'content-type',
    apply: (d) => ({ ...d, contentType: 'text/html' }),
  },
  // Additive: a tolerant reader must accept these.
  {
    name: 'extra-field',
    description: 'every tracker gains "extraField": "x"',
    breaking: false,
    applies: 'success',
    expect: { path: '$.data[0].extraField', rule: 'additional_property' },
    apply: (d) => eachTracker(d, (t) => void (t.extraField = 'x')),
  },
  {
    name: 'new-type',
    description: 'data[0].type is a type the docs do not list (BILL_NET_AMOUNT)',
    breaking: false,
    applies: 'success',
    expect: { path: '$.data[0].type', rule: 'unknown_tracker_type' },
    apply: (d) => firstTracker(d, (t) => void (t.type = 'BILL_NET_AMOUNT')),
  },
  {
    name: 'fractional-seconds',
    description: 'every date gains milliseconds: 2023-12-07T00:00:00.123Z',
    breaking: false,
    applies: 'success',
    apply: (d) => eachDate(d, (iso) => iso.replace(/:(\d\d)Z$/, ':$1.123Z')),
  },
  {
    name: 'offset-date',
    description: 'every date is written with a +05:30 offset (same instant): 2023-12-07T05:30:00+05:30',
    breaking: false,
    applies: 'success',
    apply: (d) => eachDate(d, toIndiaOffset),
  },
  {
    name: 'extra-envelope-field',
    description: 'the envelope gains a top-level "requestId"',
    breaking: false,
    applies: 'success',
    expect: { path: '$.requestId', rule: 'additional_property' },
    apply: (d) => mapBody(d, (body) => ({ requestId: 'sandbox-3f9c2a71', ...body })),
  },
  {
    name: 'compact-json',
    description: 'the body is re-serialised without whitespace (and 2400.000 becomes 2400)',
    breaking: false,
    applies: 'success',
    apply: (d) => mapBody(d, (body) => body, undefined),
  },
  {
    name: 'extra-error-field',
    description: 'the 8015 error item gains "details"',
    breaking: false,
    applies: 'not-found',
    expect: { path: '$.errors[0].details', rule: 'additional_property' },
    apply: (d) =>
      mapBody(d, (body) => {
        const error = firstError(body);
        if (error) error.details = 'no customer matches id';
        return body;
      }),
  },
  {
    name: 'error-message-changed',
    description: 'the 8015 error item says "Customer not found" (a shorter message, same code)',
    breaking: false,
    applies: 'not-found',
    expect: { path: '$.errors[0].message', rule: 'error_message_changed' },
    apply: (d) =>
      mapBody(d, (body) => {
        const error = firstError(body);
        if (error) error.message = 'Customer not found';
        return body;
      }),
  },
  {
    name: 'media-type-case',
    description: 'Content-Type in other case with a parameter: Application/JSON; charset=UTF-8 (RFC 9110: the same media type)',
    breaking: false,
    applies: 'content-type',
    apply: (d) => ({ ...d, contentType: 'Application/JSON; charset=UTF-8' }),
  },
  {
    name: 'charset',
    description: 'Content-Type gains a charset parameter: application/json; charset=utf-8',
    breaking: false,
    applies: 'content-type',
    apply: (d) => ({ ...d, contentType: 'application/json; charset=utf-8' }),
  },
];

export const MUTATION_NAMES: readonly string[] = MUTATIONS.map((m) => m.name);

export function findMutation(name: string): Mutation | undefined {
  return MUTATIONS.find((m) => m.name === name);
}
