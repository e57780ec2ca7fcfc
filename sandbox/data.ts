// The sandbox's customers: the documented one, an empty one, a generated range,
// and everyone else unknown (answered with 8015).
import { exampleText } from '../src/schemas.ts';
import { successBody } from './envelopes.ts';
import { generateTrackers } from './generated-customers.ts';

/** The customer of the documented example; its body is served byte for byte. */
export const DEFAULT_CUSTOMER_ID = 98662653;
/** A known customer without trackers: success envelope, data []. */
export const EMPTY_CUSTOMER_ID = 98662654;
/** Not in the data set: answered with the documented 8015 body. */
export const MISSING_CUSTOMER_ID = 99999999;
/** Customers with deterministic synthetic trackers (inclusive bounds). */
export const GENERATED_CUSTOMER_RANGE = { first: 200000001, last: 200009999 } as const;

function toId(id: bigint | number): bigint | undefined {
  if (typeof id === 'bigint') return id;
  return Number.isSafeInteger(id) ? BigInt(id) : undefined;
}

function isGenerated(id: bigint): boolean {
  return id >= BigInt(GENERATED_CUSTOMER_RANGE.first) && id <= BigInt(GENERATED_CUSTOMER_RANGE.last);
}

/** The body text for a customer, or undefined when the customer does not exist. Uncached: see createCustomerStore. */
export function lookupCustomer(id: bigint | number): string | undefined {
  const key = toId(id);
  if (key === undefined) return undefined;
  if (key === BigInt(DEFAULT_CUSTOMER_ID)) return exampleText('trackers-98662653');
  if (key === BigInt(EMPTY_CUSTOMER_ID)) return successBody([]);
  if (isGenerated(key)) return successBody(generateTrackers(Number(key)));
  return undefined;
}

/** A body as text (what mutations rewrite) and as the UTF-8 bytes sent when nothing rewrites it. */
export interface CustomerBody {
  text: string;
  bytes: Buffer;
}

export interface CustomerStore {
  lookup(id: bigint | number): string | undefined;
  /** The same body with its bytes, encoded once per body instead of once per request. */
  lookupBody(id: bigint | number): CustomerBody | undefined;
}

const withBytes = (text: string): CustomerBody => ({ text, bytes: Buffer.from(text, 'utf8') });

/**
 * lookupCustomer with the example read once and generated bodies kept in a
 * small LRU, owned by one sandbox: load tests hit a few ids thousands of times,
 * and the bound keeps a sweep over the whole range from holding every body.
 */
export function createCustomerStore(cacheSize = 1000): CustomerStore {
  const example = withBytes(exampleText('trackers-98662653'));
  const empty = withBytes(successBody([]));
  const cache = new Map<bigint, CustomerBody>();
  const exampleId = BigInt(DEFAULT_CUSTOMER_ID);
  const emptyId = BigInt(EMPTY_CUSTOMER_ID);
  function lookupBody(id: bigint | number): CustomerBody | undefined {
    const key = toId(id);
    if (key === undefined) return undefined;
    if (key === exampleId) return example;
    if (key === emptyId) return empty;
    if (!isGenerated(key)) return undefined;
    let body = cache.get(key);
    if (body === undefined) {
      body = withBytes(successBody(generateTrackers(Number(key))));
      if (cache.size >= cacheSize) cache.delete(cache.keys().next().value!);
    } else {
      cache.delete(key); // re-insert below: Map order is the recency order
    }
    cache.set(key, body);
    return body;
  }
  return { lookupBody, lookup: (id) => lookupBody(id)?.text };
}
