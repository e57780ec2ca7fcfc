// Property-based tests from the schemas (tests/support/schema-arbitrary.ts derives the
// generators from schemas/*.schema.json): what the schema allows, the validator and both
// consumers accept; what a schema-directed mutation breaks, the validator rejects at the
// mutated path. Seeded and bounded: a failure prints its seed and shrunk case, and each
// failure found becomes a row of REGRESSIONS below.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { parseIsoDateTime } from '../../pact/consumers/iso-date-time.ts';
import { toLoyaltyScreen } from '../../pact/consumers/loyalty-mobile-app.ts';
import { readTierTrackers } from '../../pact/consumers/tier-upgrade-service.ts';
import { validateDocument, validateResponse } from '../../../src/validate.ts';
import {
  allowedKinds,
  arbitraryFor,
  dateTimeShaped,
  schemaFor,
  validDateTime,
  walk,
  type JsonKind,
} from '../../support/schema-arbitrary.ts';
import { answer } from '../pact/consumers/helpers.ts';

export const SEED = 20240614;
const RUNS = { seed: SEED, numRuns: 200 };

// The schema lets a success envelope carry errors[]; the validator (validate.ts detectKind) reads
// a non-empty errors[] as the error envelope, as Capillary's 8015 answer is. So a success body is
// generated with errors: [] (REGRESSIONS row "success envelope with errors").
const successBody = arbitraryFor(schemaFor('trackers-response.schema.json')).map((b): unknown => ({
  ...(b as object),
  errors: [],
}));
const errorBody = arbitraryFor(schemaFor('error-response.schema.json'));
const accepted = (s: string) => validateDocument('date-time.schema.json', s).length === 0;

describe('bodies generated from the schemas', () => {
  test('every generated success body is valid, and both consumers read every tracker', () => {
    fc.assert(
      fc.property(successBody, (body) => {
        const r = validateResponse(body, { expect: 'success' });
        assert.deepEqual(r.errors, []);
        const data = (body as { data: unknown[] }).data;
        const screen = toLoyaltyScreen(answer(200, body));
        assert.equal(screen.kind, 'trackers', JSON.stringify(screen));
        assert.equal(screen.kind === 'trackers' ? screen.rows.length : -1, data.length);
        const tier = readTierTrackers(answer(200, body));
        assert.ok(tier.ok, tier.ok ? '' : tier.reason);
        assert.equal(tier.trackers.length, data.length);
      }),
      RUNS,
    );
  });

  test('every generated error envelope is valid as an error envelope', () => {
    fc.assert(
      fc.property(errorBody, (body) => {
        assert.deepEqual(validateResponse(body, { expect: 'error' }).errors, []);
      }),
      RUNS,
    );
  });

  test('every real RFC 3339 instant is accepted by the schema and parsed by the consumers', () => {
    fc.assert(
      fc.property(validDateTime, (s) => {
        assert.ok(accepted(s), `rejected: ${s}`);
        assert.notEqual(parseIsoDateTime(s), undefined, `consumers cannot parse: ${s}`);
      }),
      { ...RUNS, numRuns: 1000 },
    );
  });

  test('every date-time-shaped string the schema accepts, the consumers parse', () => {
    fc.assert(
      fc.property(dateTimeShaped, (s) => {
        if (accepted(s)) assert.notEqual(parseIsoDateTime(s), undefined, `schema accepts, consumers cannot parse: ${s}`);
      }),
      { ...RUNS, numRuns: 2000 },
    );
  });
});

const OTHER: Record<JsonKind, unknown> = {
  string: 'x',
  number: 1.5,
  integer: 7,
  boolean: true,
  null: null,
  object: { a: 1 },
  array: [1],
};

/** A value of a JSON kind the schema does not allow (integer and number count as one kind). */
function swapValue(kinds: Set<JsonKind>, pick: number): unknown {
  const numeric = kinds.has('number') || kinds.has('integer');
  const candidates = (Object.keys(OTHER) as JsonKind[]).filter(
    (k) => !kinds.has(k) && !(numeric && (k === 'number' || k === 'integer')),
  );
  return OTHER[candidates[pick % candidates.length]!];
}

function setAt(root: unknown, path: string, value: unknown | typeof REMOVE): unknown {
  const parts = [...path.matchAll(/\.([A-Za-z_]\w*)|\[(\d+)\]/g)].map((m) => m[1] ?? Number(m[2]));
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const p of parts.slice(0, -1)) node = node[p] as Record<string | number, unknown>;
  const last = parts.at(-1)!;
  if (value === REMOVE) delete node[last];
  else node[last] = value;
  return copy;
}
const REMOVE = Symbol('remove');

const nonEmptyBody = successBody.filter((b) => (b as { data: unknown[] }).data.length > 0);

describe('schema-directed mutations of valid bodies are rejected at the mutated path', () => {
  test('a type swap at any path', () => {
    fc.assert(
      fc.property(nonEmptyBody, fc.nat(), fc.nat(), (body, at, pick) => {
        const spots = walk(body, schemaFor('trackers-response.schema.json')).filter((s) => s.path !== '$');
        const spot = spots[at % spots.length]!;
        const mutated = setAt(body, spot.path, swapValue(allowedKinds(spot.schema), pick));
        const r = validateResponse(mutated, { expect: 'success' });
        assert.equal(r.ok, false, `accepted a type swap at ${spot.path}`);
        assert.ok(
          r.errors.some((e) => e.path === spot.path),
          `${spot.path}: ${r.errors.map((e) => e.path).join(', ')}`,
        );
      }),
      RUNS,
    );
  });

  test('a required field removed at any path', () => {
    fc.assert(
      fc.property(nonEmptyBody, fc.nat(), (body, at) => {
        const spots = walk(body, schemaFor('trackers-response.schema.json')).flatMap((s) =>
          s.schema.type === 'object' ? ((s.schema.required ?? []) as string[]).map((k) => `${s.path}.${k}`) : [],
        );
        const path = spots[at % spots.length]!;
        const r = validateResponse(setAt(body, path, REMOVE), { expect: 'success' });
        assert.equal(r.ok, false, `accepted the removal of ${path}`);
        assert.ok(
          r.errors.some((e) => e.path === path && e.rule === 'required'),
          `${path}: ${JSON.stringify(r.errors)}`,
        );
      }),
      RUNS,
    );
  });

  const CORRUPT = [
    (s: string) => s.replace('T', ' '),
    (s: string) => s.slice(0, 10),
    (s: string) => s.replace(/(Z|[+-]\d\d:\d\d)$/, ''),
    (s: string) => s.replace(/^(\d{4})-(\d\d)-(\d\d)/, '$2/$3/$1'),
    (s: string) => s.replace(/^(\d{4})-\d\d/, '$1-13'),
    (s: string) => String(Date.parse(s)),
  ];
  test('a corrupted date at any date path', () => {
    fc.assert(
      fc.property(nonEmptyBody, fc.nat(), fc.nat({ max: CORRUPT.length - 1 }), (body, at, how) => {
        const spots = walk(body, schemaFor('trackers-response.schema.json')).filter(
          (s) => s.schema.$id === 'date-time.schema.json',
        );
        const spot = spots[at % spots.length]!;
        const r = validateResponse(setAt(body, spot.path, CORRUPT[how]!(spot.value as string)), { expect: 'success' });
        assert.equal(r.ok, false, `accepted a corrupted date at ${spot.path}`);
        assert.ok(
          r.errors.some((e) => e.path === spot.path),
          `${spot.path}: ${r.errors.map((e) => e.path).join(', ')}`,
        );
      }),
      RUNS,
    );
  });
});

/** Each failure the properties found, kept as a row (seed ${SEED}): what was found, the case, what holds now. */
const REGRESSIONS: { found: string; body: unknown; expect: 'success' | 'error'; ok: boolean }[] = [
  {
    // The schema allows it; the validator's envelope rule reads non-empty errors[] as the error envelope.
    found: 'success envelope with errors',
    body: {
      pagination: { limit: 0, offset: 0, total: 0 },
      data: [],
      warnings: [],
      errors: [{ status: false, code: 0, message: '' }],
    },
    expect: 'success',
    ok: false,
  },
  {
    // Found in the generator, not the validator: a $ref's sibling `properties` (status const false) must narrow it.
    found: 'error envelope with status true',
    body: { errors: [{ status: true, code: 0, message: '' }] },
    expect: 'error',
    ok: false,
  },
  {
    found: 'shrunk minimal error envelope',
    body: { errors: [{ status: false, code: 0, message: '' }] },
    expect: 'error',
    ok: true,
  },
];

describe('regressions found by the properties', () => {
  for (const row of REGRESSIONS) {
    test(`${row.found} → ${row.ok ? 'valid' : 'invalid'}`, () => {
      assert.equal(validateResponse(row.body, { expect: row.expect }).ok, row.ok);
    });
  }
});
