import { validateResponse } from '../../src/validate.ts';
import { expect, get, test } from './support/gate.ts';

// customerId is documented as an integer. Each of these must get a 4xx JSON error
// envelope: never a 5xx, never tracker data (another customer's least of all).
const BAD_IDS: [string, string][] = [
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

test.describe('bad customerId inputs', () => {
  for (const [name, raw] of BAD_IDS) {
    test(`${name} gets a 4xx JSON error, never a 5xx or data`, async ({ request, gate }) => {
      const call = await get(request, gate, `/v2/customers/${raw}/trackers`, await gate.authHeaders());
      expect(call.status, `GET ${call.path}: HTTP ${call.status} for a bad customerId (${name})`).toBeLessThan(500);
      const data = (call.body as { data?: unknown } | undefined)?.data;
      expect(Array.isArray(data) ? data.length : 0, `GET ${call.path}: served tracker data for a bad customerId (${name})`).toBe(
        0,
      );
      expect(call.parseError, `GET ${call.path}: error body is not JSON: ${call.parseError}`).toBeUndefined();
      const result = validateResponse(call.body, { expect: 'error' });
      expect(result.errors, `GET ${call.path}: not an error envelope`).toEqual([]);
      // Some clusters may answer an id that is merely unknown (0, negative) like any unknown
      // customer: 8015 with an accepted status. Anything else must be a 4xx.
      const code = (call.body as { errors: { code: unknown }[] }).errors[0]?.code;
      const acceptedNotFound = code === 8015 && gate.config.notFoundStatuses.includes(call.status);
      expect(
        acceptedNotFound || (call.status >= 400 && call.status < 500),
        `GET ${call.path}: expected a 4xx, got HTTP ${call.status} (code ${String(code)})`,
      ).toBe(true);
    });
  }
});
