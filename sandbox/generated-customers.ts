// Synthetic customers for load and monitor tests: many distinct, realistic bodies
// without storing any. Each body is a pure function of the customer id (a seeded
// PRNG), so a test can ask for customer 200000042 today and get the same bytes
// tomorrow. Bodies are clean on purpose: known types, unique ids, periodEndDate
// after periodStartDate, so the validator reports no warnings and any warning a
// monitor raises against the sandbox comes from an injected fault.
import { knownTrackerTypes } from '../src/schemas.ts';
import type { Tracker } from '../src/types.generated.ts';

/** A small, fast, well-mixed 32-bit PRNG (mulberry32); the seed fully decides the sequence. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Names in the style of the documented example, per type; {n} {k} {d} {tier} are filled in.
const NAMES: Record<string, readonly string[]> = {
  BILL_AMOUNT: [
    'Annual Spend',
    'Transaction Amount tracker',
    'Spend {n}',
    'Tier Upgrade',
    'Abnormal spend - {n} in {d} days',
    'Festive Spend',
  ],
  CUSTOMER_VISITS: ['Visits Tracker', '{k} visits', 'Weekend Visits', 'Last 3 months purchases'],
  POINTS: ['Points Tracker', 'Regular Points Tracker for Upgrade', 'Bonus Points {k}'],
  LINEITEM_AMOUNT: ['Category Spend', 'Electronics Spend {n}'],
  LINEITEM_QTY: ['Stamp Tracker', 'Buy {k} Coffees', 'Fashion Tracker'],
  LINEITEM_COUNT: ['Basket Builder', 'Category Explorer'],
  ALTERNATE_CURRENCIES: ['Tier tracker {tier}', 'Miles Tracker'],
  BILL_EXTENDED_FIELD: ['Store Visits', 'Channel Tracker'],
  LINEITEM_EXTENDED_FIELD: ['Footwear Segment', 'Brand Tracker'],
  BILL_TOTAL_QTY: ['Number of Nights', 'Items per Bill'],
  BILL_GROSS_AMOUNT: ['Spend_per_year', 'Gross Spend'],
};
const FALLBACK_NAMES = ['Tracker {k}'];
const CONDITION_NAMES = ['TrackerCase_{k}', 'case {k}', 'Spend {n}', '{k} in {d} days', 'Cycle{k}', 'Annual reset tracker'];
const AMOUNTS = [1000, 2500, 5000, 10000, 50000];
const DAYS = [7, 30, 90, 365];
const TIERS = ['Blue', 'Silver', 'Gold', 'Platinum'];
const PERIOD_DAYS = [30, 90, 180, 365];
const COUNT_TYPES = new Set([
  'CUSTOMER_VISITS',
  'LINEITEM_QTY',
  'LINEITEM_COUNT',
  'BILL_TOTAL_QTY',
  'BILL_EXTENDED_FIELD',
  'LINEITEM_EXTENDED_FIELD',
]);
const DAY_MS = 86_400_000;
const FIRST_START = Date.UTC(2023, 0, 1);

/** 2024-06-09T00:00:00Z: the documented shape, without the milliseconds toISOString adds. */
function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The trackers of one generated customer: 1 to 40, deterministic in the id. */
export function generateTrackers(customerId: number): Tracker[] {
  const random = seededRandom(customerId);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const fill = (template: string) =>
    template
      .replace('{n}', String(pick(AMOUNTS)))
      .replace('{k}', String(1 + Math.floor(random() * 12)))
      .replace('{d}', String(pick(DAYS)))
      .replace('{tier}', pick(TIERS));
  const types = knownTrackerTypes();
  const count = 1 + Math.floor(random() * 40);
  const trackers: Tracker[] = [];
  let id = 5000 + Math.floor(random() * 5000);
  for (let i = 0; i < count; i++) {
    // Strictly increasing ids: (id, conditionId) stays unique, as the validator expects.
    id += 1 + Math.floor(random() * 40);
    // Bill amount dominates real programmes (and the documented example).
    const type = random() < 0.4 ? 'BILL_AMOUNT' : pick(types);
    const start = FIRST_START + Math.floor(random() * 900) * DAY_MS;
    const periodDays = pick(PERIOD_DAYS);
    const end = start + periodDays * DAY_MS - 1000;
    const updated = start + Math.floor(random() * periodDays) * DAY_MS;
    let value: number;
    if (COUNT_TYPES.has(type)) value = Math.floor(random() * 60);
    else if (random() < 0.3) value = 0;
    else value = Math.round(random() * 5_000_000) / 100; // two decimals, e.g. 1234.57
    trackers.push({
      id,
      name: fill(pick(NAMES[type] ?? FALLBACK_NAMES)),
      conditionId: 100 + Math.floor(id / 20),
      type,
      value,
      updatedOn: isoSeconds(updated),
      conditionName: fill(pick(CONDITION_NAMES)),
      periodStartDate: isoSeconds(start),
      periodEndDate: isoSeconds(end),
    });
  }
  return trackers;
}
