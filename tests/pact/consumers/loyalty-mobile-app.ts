// Consumer "loyalty-mobile-app": the loyalty screen of the mobile app. It shows
// each tracker's name, type, current value and period end, and "no loyalty
// profile" when Capillary answers 8015. It reads nothing else: its Pact contract
// (contracts/loyalty-mobile-app-capillary-customer-trackers.json) pins exactly these fields.
import type { ClientResult, TrackersClient } from '../../../src/client.ts';
import type { Tracker } from '../../../src/types.generated.ts';
import { parseIsoDateTime } from './iso-date-time.ts';
import { isRecord } from '../../../src/json-object.ts';

export const LOYALTY_MOBILE_APP = 'loyalty-mobile-app';

/** The tracker fields this consumer reads, and nothing more. */
export const LOYALTY_APP_READS = ['name', 'type', 'value', 'periodEndDate'] as const;

/** The error code Capillary answers for a customer it does not know. */
export const CUSTOMER_NOT_FOUND = 8015;

/**
 * HTTP statuses the app accepts with the 8015 body. The docs do not say which one
 * comes; these are the ones a gateway plausibly uses. A 5xx is an outage, never "no profile".
 */
export const NO_PROFILE_STATUSES: readonly number[] = [200, 400, 404];

/** The contract's fields the screen shows (generated from schemas/), plus the period end as sent (ISO 8601). */
export type TrackerRow = Pick<Tracker, 'name' | 'type' | 'value'> & { periodEnd: Tracker['periodEndDate'] };

export type LoyaltyScreen =
  { kind: 'trackers'; rows: TrackerRow[] } | { kind: 'no-profile' } | { kind: 'unavailable'; reason: string };

function firstError(body: Record<string, unknown>): Record<string, unknown> | undefined {
  const first: unknown = Array.isArray(body.errors) ? body.errors[0] : undefined;
  return isRecord(first) ? first : undefined;
}

/** One tracker → one display row; a reason when a field the screen shows is unusable. */
function toRow(tracker: unknown, index: number): TrackerRow | string {
  const at = `data[${index}]`;
  if (!isRecord(tracker)) return `${at} is not an object`;
  const { name, type, value, periodEndDate } = tracker;
  if (typeof name !== 'string') return `${at}.name is not a string`;
  if (typeof type !== 'string') return `${at}.type is not a string`;
  if (typeof value !== 'number' || !Number.isFinite(value)) return `${at}.value is not a number`;
  if (parseIsoDateTime(periodEndDate) === undefined) return `${at}.periodEndDate is not an ISO date-time`;
  return { name, type, value, periodEnd: periodEndDate as string };
}

/** The view-model: an answer from the endpoint → what the loyalty screen shows. */
export function toLoyaltyScreen(result: ClientResult): LoyaltyScreen {
  if (!result.ok || !isRecord(result.body)) {
    return { kind: 'unavailable', reason: result.failure?.message ?? 'no JSON body' };
  }
  const body = result.body;
  const error = firstError(body);
  if (error) {
    if (error.code === CUSTOMER_NOT_FOUND && error.status === false && NO_PROFILE_STATUSES.includes(result.status ?? 0)) {
      return { kind: 'no-profile' };
    }
    return { kind: 'unavailable', reason: `error ${String(error.code)} with HTTP ${result.status}` };
  }
  if (result.status !== 200) return { kind: 'unavailable', reason: `HTTP ${result.status}` };
  if (!Array.isArray(body.data)) return { kind: 'unavailable', reason: 'data is not a list' };
  const rows: TrackerRow[] = [];
  for (const [i, tracker] of body.data.entries()) {
    const row = toRow(tracker, i);
    if (typeof row === 'string') return { kind: 'unavailable', reason: row };
    rows.push(row);
  }
  return { kind: 'trackers', rows };
}

/** Fetch a customer's trackers through the project's client and build the screen. */
export async function loadLoyaltyScreen(client: TrackersClient, customerId: string): Promise<LoyaltyScreen> {
  return toLoyaltyScreen(await client.getTrackers(customerId));
}
