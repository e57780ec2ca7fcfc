// Consumer "tier-upgrade-service": a back-end job that upgrades a customer's tier
// when a tracker of the rule's type reaches its threshold within the tracker's
// current period. It reads id, conditionId, type, value and the period dates
// (a tracker row is identified by (id, conditionId)); it never reads name,
// conditionName or updatedOn, and its Pact contract
// (contracts/tier-upgrade-service-capillary-customer-trackers.json) pins only what it reads.
import type { ClientResult, TrackersClient } from '../../../src/client.ts';
import { parseIsoDateTime } from './iso-date-time.ts';
import { isRecord } from '../../../src/json-object.ts';
import type { Tracker } from '../../../src/types.generated.ts';

export const TIER_UPGRADE_SERVICE = 'tier-upgrade-service';

/** The tracker fields this consumer reads, and nothing more. */
export const TIER_SERVICE_READS = ['id', 'conditionId', 'type', 'value', 'periodStartDate', 'periodEndDate'] as const;

/** The contract's fields the rule reads (generated from schemas/), with the period as epoch milliseconds. */
export type TierTracker = Pick<Tracker, 'id' | 'conditionId' | 'type' | 'value'> & { periodStart: number; periodEnd: number };

export interface UpgradeRule {
  /** Tracker type that counts, e.g. BILL_AMOUNT; trackers of other (or unknown) types are ignored. */
  trackerType: string;
  /** Upgrade when the tracker's value reaches this. */
  threshold: number;
}

export type UpgradeDecision =
  | { kind: 'upgrade'; because: { id: number; conditionId: number; value: number } }
  | { kind: 'stay' }
  | { kind: 'unavailable'; reason: string };

function readTracker(t: unknown, index: number): TierTracker | string {
  const at = `data[${index}]`;
  if (!isRecord(t)) return `${at} is not an object`;
  if (!Number.isSafeInteger(t.id)) return `${at}.id is not an integer`;
  if (!Number.isSafeInteger(t.conditionId)) return `${at}.conditionId is not an integer`;
  if (typeof t.type !== 'string') return `${at}.type is not a string`;
  if (typeof t.value !== 'number' || !Number.isFinite(t.value)) return `${at}.value is not a number`;
  const periodStart = parseIsoDateTime(t.periodStartDate);
  if (periodStart === undefined) return `${at}.periodStartDate is not an ISO date-time`;
  const periodEnd = parseIsoDateTime(t.periodEndDate);
  if (periodEnd === undefined) return `${at}.periodEndDate is not an ISO date-time`;
  return { id: t.id as number, conditionId: t.conditionId as number, type: t.type, value: t.value, periodStart, periodEnd };
}

/** The trackers of a 200 answer, or why they cannot be used. */
export function readTierTrackers(result: ClientResult): { ok: true; trackers: TierTracker[] } | { ok: false; reason: string } {
  if (!result.ok || !isRecord(result.body)) return { ok: false, reason: result.failure?.message ?? 'no JSON body' };
  if (result.status !== 200) return { ok: false, reason: `HTTP ${result.status}` };
  const data = result.body.data;
  if (!Array.isArray(data)) return { ok: false, reason: 'data is not a list' };
  const trackers: TierTracker[] = [];
  for (const [i, t] of data.entries()) {
    const tracker = readTracker(t, i);
    if (typeof tracker === 'string') return { ok: false, reason: tracker };
    trackers.push(tracker);
  }
  return { ok: true, trackers };
}

/** Upgrade when a tracker of the rule's type, in its current period at `now`, has reached the threshold. */
export function decideUpgrade(trackers: readonly TierTracker[], rule: UpgradeRule, now: number): UpgradeDecision {
  const qualifying = trackers.find(
    (t) => t.type === rule.trackerType && t.periodStart <= now && now <= t.periodEnd && t.value >= rule.threshold,
  );
  return qualifying
    ? { kind: 'upgrade', because: { id: qualifying.id, conditionId: qualifying.conditionId, value: qualifying.value } }
    : { kind: 'stay' };
}

/** Fetch a customer's trackers through the project's client and decide. */
export async function checkUpgrade(
  client: TrackersClient,
  customerId: string,
  rule: UpgradeRule,
  now: number,
): Promise<UpgradeDecision> {
  const read = readTierTrackers(await client.getTrackers(customerId));
  return read.ok ? decideUpgrade(read.trackers, rule, now) : { kind: 'unavailable', reason: read.reason };
}
