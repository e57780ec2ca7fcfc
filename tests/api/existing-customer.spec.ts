import { validateResponse } from '../../src/validate.ts';
import { trackersPath } from '../../src/client.ts';
import { expect, expectJsonBody, expectJsonContentType, expectValid, get, test } from './support/gate.ts';

test.describe('an existing customer (CAP_CUSTOMER_ID)', () => {
  test('returns 200 JSON whose body satisfies the contract, dates included', async ({ request, gate }) => {
    const call = await get(request, gate, trackersPath(gate.config.customerId), await gate.authHeaders());
    expect(call.status, `GET ${call.path}: expected HTTP 200, got ${call.status}: ${call.text.slice(0, 200)}`).toBe(200);
    expectJsonContentType(call);
    expectJsonBody(call);
    const result = validateResponse(call.body, { expect: 'success' });
    expectValid(result, `customer ${gate.config.customerId}`);
    test.info().annotations.push({
      type: 'trackers',
      description: `${result.trackerCount} tracker(s), ${result.warnings.length} warning(s)`,
    });
  });

  test('two consecutive calls return the same set of (id, conditionId) pairs', async ({ request, gate }) => {
    const headers = await gate.authHeaders();
    const pairs = async () => {
      const call = await get(request, gate, trackersPath(gate.config.customerId), headers);
      expect(call.status).toBe(200);
      expectJsonBody(call);
      const data = (call.body as { data?: { id: unknown; conditionId: unknown }[] }).data;
      expect(Array.isArray(data), `GET ${call.path}: $.data is not an array`).toBe(true);
      return data!.map((t) => `${String(t.id)}/${String(t.conditionId)}`).sort();
    };
    const first = await test.step('first call', pairs);
    const second = await test.step('second call', pairs);
    const missing = first.filter((p) => !second.includes(p));
    const added = second.filter((p) => !first.includes(p));
    expect({ missing, added }, 'the (id, conditionId) pairs changed between two consecutive calls').toEqual({
      missing: [],
      added: [],
    });
  });
});
