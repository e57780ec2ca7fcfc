// The one proof table: for every contract mutation and fault the sandbox can
// serve, the outcome each check must reach ('pass', or the reason it does not),
// and what provider verification must say. The gate proof, the probe tests and
// the Pact proof all iterate it, so the gate, the monitor and verification are
// held to the same judgement; a new mutation fails the completeness test until
// someone fills in its row.
import { MUTATIONS } from '../../sandbox/mutations.ts';
import type { CheckName, Reason } from '../../src/checks/result.ts';
import { LOYALTY_MOBILE_APP } from '../pact/consumers/loyalty-mobile-app.ts';
import { TIER_UPGRADE_SERVICE } from '../pact/consumers/tier-upgrade-service.ts';

export type Outcome = 'pass' | Reason;
export type Consumer = typeof LOYALTY_MOBILE_APP | typeof TIER_UPGRADE_SERVICE;
/** Per consumer that must break: text its failure must show (the field, or the status rule). Empty: every contract holds. */
export type Breaks = Partial<Record<Consumer, string>>;

export interface ProofRow {
  /** `mutation=NAME` or a fault spec of sandbox/faults.ts ('' : the sandbox as documented). */
  faults: string;
  /** Configuration for the row (e.g. a small latency budget). */
  env?: Record<string, string>;
  expect: Record<CheckName, Outcome>;
  /**
   * Verification against the consumers' contracts. Absent: not verified for this row (a fault, not a
   * contract change; the Content-Encoding faults are verified, since verify's relay must pass codings
   * through as a consumer reads them). Where it differs from the checks, `why` says which field no
   * consumer reads.
   */
  verify?: Breaks;
  why?: string;
}

const L = LOYALTY_MOBILE_APP;
const T = TIER_UPGRADE_SERVICE;

const PASS: Record<CheckName, Outcome> = { trackers: 'pass', not_found: 'pass', auth: 'pass', bad_input: 'pass' };
const trackersFail = (reason: Outcome) => ({ ...PASS, trackers: reason });
const notFoundFail = (reason: Outcome) => ({ ...PASS, not_found: reason });
const everyRead = (reason: Outcome, auth: Outcome = 'pass') => ({ trackers: reason, not_found: reason, auth, bad_input: reason });

export const PROOF_TABLE: readonly ProofRow[] = [
  { faults: '', expect: PASS, verify: {} },
  // Breaking: tracker fields. Verification breaks only the consumers that read the field.
  { faults: 'mutation=id-string', expect: trackersFail('schema_violation'), verify: { [T]: '$.data[0].id' } },
  {
    faults: 'mutation=missing-field',
    expect: trackersFail('schema_violation'),
    verify: {},
    why: 'no consumer reads updatedOn',
  },
  { faults: 'mutation=date-reformat', expect: trackersFail('schema_violation'), verify: {}, why: 'no consumer reads updatedOn' },
  { faults: 'mutation=date-epoch', expect: trackersFail('schema_violation'), verify: { [T]: '$.data[0].periodStartDate' } },
  {
    faults: 'mutation=impossible-date',
    expect: trackersFail('schema_violation'),
    verify: {},
    why: 'no consumer reads updatedOn',
  },
  {
    faults: 'mutation=value-string',
    expect: trackersFail('schema_violation'),
    verify: { [L]: '$.data[0].value', [T]: '$.data[0].value' },
  },
  { faults: 'mutation=name-null', expect: trackersFail('schema_violation'), verify: { [L]: '$.data[0].name' } },
  { faults: 'mutation=condition-id-float', expect: trackersFail('schema_violation'), verify: { [T]: '$.data[0].conditionId' } },
  {
    faults: 'mutation=type-empty',
    expect: trackersFail('schema_violation'),
    verify: {},
    why: 'both consumers read type as text and neither pins its values',
  },
  // Breaking: the envelope.
  { faults: 'mutation=data-not-array', expect: trackersFail('schema_violation'), verify: { [L]: '$.data', [T]: '$.data' } },
  {
    faults: 'mutation=missing-pagination',
    expect: trackersFail('schema_violation'),
    verify: {},
    why: 'no consumer reads pagination',
  },
  // Breaking: the unknown-customer answer.
  { faults: 'mutation=lose-8015', expect: notFoundFail('error_code_mismatch'), verify: { [L]: '$.errors' } },
  { faults: 'mutation=wrong-error-code', expect: notFoundFail('error_code_mismatch'), verify: { [L]: '$.errors[0].code' } },
  { faults: 'mutation=error-status-true', expect: notFoundFail('schema_violation'), verify: { [L]: '$.errors[0].status' } },
  {
    faults: 'mutation=not-found-5xx',
    expect: notFoundFail('http_5xx'),
    verify: { [L]: 'Expected status code 500 to be a 200, 400, 404' },
  },
  // Breaking, invisible to a body validator.
  {
    faults: 'mutation=no-auth',
    expect: { ...PASS, auth: 'auth_not_enforced' },
    verify: {},
    why: 'consumer contracts always send credentials: enforcing them is the auth check',
  },
  {
    faults: 'mutation=html-content-type',
    // A refusal is judged by its status: its media type does not matter.
    expect: everyRead('bad_content_type'),
    verify: { [L]: 'Content-Type', [T]: 'Content-Type' },
  },
  // Additive: a tolerant reader accepts these, with a warning where the validator sees them.
  { faults: 'mutation=extra-field', expect: PASS, verify: {} },
  { faults: 'mutation=new-type', expect: PASS, verify: {} },
  { faults: 'mutation=fractional-seconds', expect: PASS, verify: {} },
  { faults: 'mutation=offset-date', expect: PASS, verify: {} },
  { faults: 'mutation=extra-envelope-field', expect: PASS, verify: {} },
  { faults: 'mutation=compact-json', expect: PASS, verify: {} },
  { faults: 'mutation=extra-error-field', expect: PASS, verify: {} },
  { faults: 'mutation=error-message-changed', expect: PASS, verify: {} },
  { faults: 'mutation=media-type-case', expect: PASS, verify: {} },
  { faults: 'mutation=charset', expect: PASS, verify: {} },
  // Content-Encoding, which the client asks for as consumers' stacks do: every coding decodes to the body judged;
  // one that does not decode as its header says fails, and a decompression bomb is cut off at the body cap.
  { faults: 'encoding=gzip', expect: PASS, verify: {} },
  { faults: 'encoding=deflate', expect: PASS, verify: {} },
  { faults: 'encoding=br', expect: PASS, verify: {} },
  { faults: 'encoding=identity', expect: PASS, verify: {} },
  {
    faults: 'lying-encoding',
    expect: everyRead('bad_content_encoding'),
    verify: { [L]: 'bad_content_encoding', [T]: 'bad_content_encoding' },
  },
  {
    faults: 'truncated-encoding',
    expect: everyRead('bad_content_encoding'),
    verify: { [L]: 'bad_content_encoding', [T]: 'bad_content_encoding' },
  },
  { faults: 'decompression-bomb', expect: everyRead('body_too_large'), verify: { [L]: 'body_too_large', [T]: 'body_too_large' } },
  // Faults: what the network or the provider's servers can do.
  { faults: 'truncated-json', expect: everyRead('invalid_json') },
  { faults: 'malformed-json', expect: everyRead('invalid_json') },
  { faults: 'content-type=text/html', expect: everyRead('bad_content_type') },
  { faults: 'error-rate=1', expect: everyRead('http_5xx', 'http_5xx') },
  {
    faults: 'latency=400',
    env: { CAP_LATENCY_BUDGET_MS: '250', CAP_LATENCY_DEGRADED_MS: '100' },
    // Only the answers the contract times: a refusal or an error envelope for bad input has no budget.
    expect: { trackers: 'latency_budget_exceeded', not_found: 'latency_budget_exceeded', auth: 'pass', bad_input: 'pass' },
  },
  // Every answer refused: the configured credentials no longer work. Bad input still gets a 4xx.
  { faults: 'status=401', expect: { trackers: 'auth_error', not_found: 'auth_error', auth: 'pass', bad_input: 'pass' } },
  // Nothing answers: inconclusive everywhere, and the gate exits 3.
  { faults: 'reset', expect: everyRead('connect_error', 'connect_error') },
];

/** The mutation rows' names, for the completeness test. */
export function mutationOf(row: ProofRow): string | undefined {
  return row.faults.startsWith('mutation=') ? row.faults.slice('mutation='.length) : undefined;
}

/** Every sandbox mutation has exactly one row. */
export function missingMutationRows(): string[] {
  const rows = new Set(PROOF_TABLE.map(mutationOf).filter((m) => m !== undefined));
  return MUTATIONS.map((m) => m.name).filter((name) => !rows.has(name));
}

export function rowName(row: ProofRow): string {
  if (row.faults === '') return 'the sandbox as documented';
  const m = mutationOf(row);
  if (m) return `mutation ${m}: ${MUTATIONS.find((x) => x.name === m)?.description ?? '(unknown mutation)'}`;
  return `fault ${row.faults}`;
}

/** The run-level verdict a row implies, by the exit-code contract: 0 pass, 3 nothing answered, else 1. */
export function expectedExitCode(row: ProofRow): number {
  const outcomes = Object.values(row.expect);
  if (outcomes.every((o) => o === 'pass')) return 0;
  const noAnswer: readonly Outcome[] = ['timeout', 'connect_error', 'dns_error', 'tls_error'];
  return outcomes.every((o) => noAnswer.includes(o)) ? 3 : 1;
}
