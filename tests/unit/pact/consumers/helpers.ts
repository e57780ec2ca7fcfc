import type { ClientResult } from '../../../../src/client.ts';

/** A complete JSON answer from the client, as a consumer module receives it. */
export function answer(status: number, body: unknown): ClientResult {
  return {
    ok: true,
    method: 'GET',
    path: '/v2/customers/1/trackers',
    status,
    headers: {},
    bodySize: 0,
    decodedBodySize: 0,
    body,
    timings: { startedAt: 0, totalMs: 1 },
  };
}
