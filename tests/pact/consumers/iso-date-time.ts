// How both consumers read a tracker date. The pattern is the contract's shape
// (schemas/date-time.schema.json): a 'T', a zone ('Z' or an offset), fractional
// seconds allowed. The consumers' Pact contracts match dates with this same
// regex, so a contract accepts exactly what the consumers' parser accepts. The
// instant comes from the validator's own date-time check, so the consumers read
// every date the schema accepts (a leap second too, which Date.parse refuses).
import { dateTimeEpochMs } from '../../../src/rfc3339-date-time.ts';

export const ISO_DATE_TIME_PATTERN = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$';

/** Epoch milliseconds, or undefined when the value is not an ISO date-time of that shape (or not a real instant). */
export function parseIsoDateTime(value: unknown): number | undefined {
  return typeof value === 'string' ? dateTimeEpochMs(value) : undefined;
}
