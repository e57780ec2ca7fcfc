// Large tracker bodies for the validator's oracle test and bench/validate.ts: the
// documented example is 97 trackers, and the performance goals (issue 10) are also
// stated at 5,000, a size no fixture holds. Built from the sandbox's generated
// customers, so the trackers are realistic and the body is deterministic.
import { generateTrackers } from '../../sandbox/generated-customers.ts';
import { GENERATED_CUSTOMER_RANGE } from '../../sandbox/data.ts';
import type { Tracker } from '../../src/types.generated.ts';

/** count clean trackers (unique ids, known types, periods in order), the same every call. */
export function manyTrackers(count: number): Tracker[] {
  const out: Tracker[] = [];
  for (let customer = GENERATED_CUSTOMER_RANGE.first; out.length < count; customer++) {
    for (const t of generateTrackers(customer)) {
      if (out.length === count) break;
      // Renumbered: generated ids repeat across customers, and a repeat would be a data-quality warning.
      out.push({ ...t, id: 10_000 + out.length, conditionId: 500 + out.length });
    }
  }
  return out;
}

/** A success envelope around trackers, as the API sends it. */
export function successEnvelope(data: readonly unknown[]): Record<string, unknown> {
  return { pagination: { limit: 0, offset: 0, total: 0 }, data: [...data], warnings: [], errors: [] };
}

/** 2023-12-07T00:00:00Z → 12/07/2023: the shape a date takes when a serializer changes. */
export function usDate(iso: string): string {
  return `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;
}
