import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatVerification, summariseMismatches } from '../../../../src/pact/format-verification.ts';
import type { Mismatch, VerificationReport } from '../../../../src/pact/verify-contracts.ts';

describe('the verification summary', () => {
  test('a change to every tracker is one line: the lowest index shown, the rest counted', () => {
    const mismatches: Mismatch[] = [12, 0, 3].map((i) => ({
      kind: 'body',
      where: `$.data[${i}].value`,
      message: `Expected '${i}' (String) to be a number`,
    }));
    assert.deepEqual(summariseMismatches(mismatches), [
      "[body] $.data[0].value: Expected '0' (String) to be a number (and 2 more at $.data[*].value)",
    ]);
  });

  test('different fields and kinds stay separate lines; a status line has no path', () => {
    const lines = summariseMismatches([
      { kind: 'body', where: '$.errors[0].code', message: 'Expected 8016 to be equal to 8015' },
      { kind: 'status', where: 'status', message: 'Expected status code 500 to be a 200, 400, 404' },
      { kind: 'body', where: '$.errors[0].status', message: 'Expected true to be equal to false' },
    ]);
    assert.deepEqual(lines, [
      '[body] $.errors[0].code: Expected 8016 to be equal to 8015',
      '[status] Expected status code 500 to be a 200, 400, 404',
      '[body] $.errors[0].status: Expected true to be equal to false',
    ]);
  });

  test('a long message is cut', () => {
    const [line] = summariseMismatches([{ kind: 'body', where: '$.data', message: 'x'.repeat(1000) }]);
    assert.ok(line!.length < 400);
    assert.match(line!, /\.\.\. \(1000 characters\)$/);
  });

  test('names each consumer, the broken interaction, its request and state, and ends with the verdict', () => {
    const report: VerificationReport = {
      ok: false,
      transportProblems: [],
      contracts: [
        { consumer: 'app-a', provider: 'p', file: '/x/contracts/app-a-p.json', ok: true, interactions: [] },
        {
          consumer: 'app-b',
          provider: 'p',
          file: '/x/contracts/app-b-p.json',
          ok: false,
          interactions: [
            {
              description: 'a request',
              states: ['customer has trackers'],
              method: 'GET',
              path: '/v2/customers/7/trackers',
              ok: false,
              mismatches: [{ kind: 'body', where: '$.data[0].id', message: "Expected '1' (String) to be an integer" }],
            },
          ],
        },
      ],
    };
    assert.equal(
      formatVerification(report, 'sandbox http://127.0.0.1:1'),
      [
        '',
        '=== consumer contract verification against sandbox http://127.0.0.1:1 ===',
        'PASS app-a: 0 interactions (contracts/app-a-p.json)',
        'FAIL app-b: 1 of 1 interaction broken (contracts/app-b-p.json)',
        '  x app-b: "a request"',
        '      request: GET /v2/customers/7/trackers   (provider state: customer has trackers)',
        "      - [body] $.data[0].id: Expected '1' (String) to be an integer",
        'verification FAILED: 1 of 2 contracts broken (app-b)',
        '',
      ].join('\n'),
    );
  });
});
