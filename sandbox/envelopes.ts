// The v2 error envelope, as in the documented 8015 body. Every error the sandbox
// answers with (400, 401, 404, 405, 5xx) has this shape, so a client has one
// parser for all of them and the validator's error schema applies everywhere.

import type { ErrorResponse, Tracker, TrackersResponse } from '../src/types.generated.ts';

/** Java's Long.MAX_VALUE: Capillary customer ids are longs. */
export const CUSTOMER_ID_MAX = 9223372036854775807n;

export const MESSAGES = {
  badCustomerId: 'Invalid path parameter: customerId',
  unauthorized: 'Authentication failed. Please check username and password.',
  notFound: 'Resource not found',
  methodNotAllowed: 'Method not allowed',
  internal: 'sandbox internal error',
} as const;

/** The error envelope as JSON text. */
export function errorEnvelope(code: number, message: string): string {
  const envelope: ErrorResponse = {
    pagination: { limit: 0, offset: 0, total: 0 },
    warnings: [],
    errors: [{ status: false, code, message }],
  };
  return JSON.stringify(envelope);
}

/** A success envelope around the given trackers, indented like the documented example. */
export function successBody(data: readonly Tracker[]): string {
  const envelope: TrackersResponse = { pagination: { limit: 0, offset: 0, total: 0 }, data: [...data], warnings: [], errors: [] };
  return JSON.stringify(envelope, null, 4);
}

/** The body answered to a handler exception (fixed text: nothing from the request or the error leaks). */
export const INTERNAL_ERROR_BODY = JSON.stringify({ errors: [{ status: false, code: 500, message: MESSAGES.internal }] });
