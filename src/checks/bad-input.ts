// The bad_input check: customerId is documented as an integer. Each malformed id
// must get a 4xx JSON error envelope: never a 5xx, never tracker data (another
// customer's least of all). It sends one request per row, so it is the gate's,
// not the monitor's.
import type { ClientResult, TrackersClient } from '../client.ts';
import { formatFinding } from '../format-findings.ts';
import { validateResponse } from '../validate.ts';
import {
  combine,
  ms,
  stepOf,
  trackersIn,
  transportFailure,
  type CheckResult,
  type CheckSettings,
  type Reason,
} from './result.ts';
import { NOT_FOUND_CODE, type RunOptions } from './trackers.ts';

/** [what it is, the path segment as sent (already percent-encoded where it must be)]. */
export const BAD_CUSTOMER_IDS: readonly (readonly [string, string])[] = [
  ['non-numeric', 'abc'],
  ['negative', '-98662653'],
  ['zero', '0'],
  ['2^63 (past a signed long)', '9223372036854775808'],
  ['a float', '98662653.5'],
  ['an encoded path traversal', '..%2F..%2Fv2%2Fcustomers%2F98662653'],
  ['an SQL-looking string', encodeURIComponent("1' OR '1'='1")],
  ['a very long id', '9'.repeat(400)],
  ['unicode digits', encodeURIComponent('٩٨٦٦٢٦٥٣')],
];

export function badInputPath(segment: string): string {
  return `/v2/customers/${segment}/trackers`;
}

/** Judge the answer to one malformed id. */
export function judgeBadInput(name: string, r: ClientResult, settings: CheckSettings, title: string) {
  const fail = (reason: Reason, message: string) => stepOf(title, r, reason, message);
  const transport = transportFailure(r);
  if (transport) return fail(transport.reason, transport.message);
  const status = r.status!;
  if (status >= 500) return fail('http_5xx', `HTTP ${status} for a bad customerId (${name})`);
  const data = trackersIn(r.body);
  if (data > 0) return fail('bad_input_accepted', `HTTP ${status}: served ${data} tracker(s) for a bad customerId (${name})`);
  if (r.failure?.reason === 'bad_content_encoding') return fail('bad_content_encoding', `HTTP ${status}: ${r.failure.message}`);
  if (r.failure?.reason === 'non_json_content_type') return fail('bad_content_type', `HTTP ${status}: ${r.failure.message}`);
  if (r.failure?.reason === 'invalid_json') return fail('invalid_json', `HTTP ${status}: error body ${r.failure.message}`);
  const result = validateResponse(r.body, { expect: 'error' });
  if (!result.ok) return fail('schema_violation', `HTTP ${status}: not an error envelope: ${formatFinding(result.errors[0]!)}`);
  // Some clusters may answer an id that is merely unknown (0, negative) like any unknown customer:
  // 8015 with an accepted status. Anything else must be a 4xx.
  const code = (r.body as { errors: { code?: unknown }[] }).errors[0]?.code;
  const acceptedNotFound = code === NOT_FOUND_CODE && settings.notFoundStatuses.includes(status);
  if (!acceptedNotFound && (status < 400 || status >= 500)) {
    return fail('bad_input_accepted', `expected a 4xx, got HTTP ${status} (code ${String(code)}) for a bad customerId (${name})`);
  }
  return stepOf(title, r, undefined, `HTTP ${status}, error ${String(code)}, ${ms(r.timings.totalMs)}`);
}

export async function checkBadInput(
  client: TrackersClient,
  settings: CheckSettings,
  options: RunOptions & { ids?: readonly (readonly [string, string])[] } = {},
): Promise<CheckResult> {
  const steps = [];
  for (const [name, segment] of options.ids ?? BAD_CUSTOMER_IDS) {
    const r = await client.request('GET', badInputPath(segment), { headers: options.headers });
    steps.push(judgeBadInput(name, r, settings, `GET with customerId ${name}`));
  }
  return combine('bad_input', steps, `every malformed customerId got a 4xx error envelope (${steps.length} ids)`);
}
