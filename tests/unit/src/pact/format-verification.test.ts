import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatVerification, summariseMismatches } from '../../../../src/pact/format-verification.ts';
import { exitCodeFor } from '../../../../src/exit-code.ts';
import { NO_ANSWER, interactionVerdict, verificationVerdicts } from '../../../../src/pact/verdicts.ts';
import type { InteractionResult, Mismatch, VerificationReport } from '../../../../src/pact/verify-contracts.ts';

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

  // The relay answers Pact 502 when the provider did not answer; Pact then reports that status as a mismatch.
  const unanswered = (description: string): InteractionResult => ({
    description,
    states: [],
    method: 'GET',
    path: '/v2/customers/98662653/trackers',
    ok: false,
    mismatches: [
      { kind: 'error', message: `${NO_ANSWER}: connection_refused (connect ECONNREFUSED 127.0.0.1:9)` },
      { kind: 'status', where: 'status', message: 'expected 200 but was 502' },
    ],
  });
  const broken: InteractionResult = {
    ...unanswered('a broken one'),
    mismatches: [{ kind: 'body', where: '$.data[0].id', message: "Expected '1' (String) to be an integer" }],
  };
  const contract = (consumer: string, interactions: InteractionResult[]) => ({
    consumer,
    provider: 'p',
    file: `/x/contracts/${consumer}-p.json`,
    ok: interactions.every((i) => i.ok),
    interactions,
  });
  const reportOf = (...contracts: ReturnType<typeof contract>[]): VerificationReport => ({
    ok: contracts.every((c) => c.ok),
    transportProblems: [{ method: 'GET', path: '/v2/customers/98662653/trackers', reason: 'connection_refused', message: '' }],
    contracts,
  });

  test('no interaction answered: exit 3, and it says INCONCLUSIVE, the provider did not answer', () => {
    const report = reportOf(contract('app-a', [unanswered('one'), unanswered('two')]), contract('app-b', [unanswered('three')]));
    assert.deepEqual(verificationVerdicts(report), ['inconclusive', 'inconclusive', 'inconclusive']);
    assert.equal(exitCodeFor(verificationVerdicts(report)), 3);
    const text = formatVerification(report, 'http://127.0.0.1:9');
    assert.match(text, /^INCONCLUSIVE app-a: 2 of 2 interactions got no answer from the provider/m);
    assert.match(text, /\nverification INCONCLUSIVE: the provider did not answer, so no contract was judged \(2 contracts\)\n$/);
    assert.doesNotMatch(text, /FAIL|broken/);
  });

  test('a broken interaction beside unanswered ones: exit 1, FAILED, each contract by its own word', () => {
    const report = reportOf(contract('app-a', [unanswered('one')]), contract('app-b', [broken]));
    assert.equal(exitCodeFor(verificationVerdicts(report)), 1);
    const text = formatVerification(report, 'http://127.0.0.1:9');
    assert.match(text, /^INCONCLUSIVE app-a: /m);
    assert.match(text, /^FAIL app-b: 1 of 1 interaction broken/m);
    assert.match(text, /verification FAILED: 1 of 2 contracts broken \(app-b\); 1 of 2 contracts got no answer \(app-a\)\n$/);
  });

  test('an unanswered interaction with an error of ours beside it (an unknown provider state) is a failure', () => {
    const i = unanswered('one');
    assert.equal(interactionVerdict(i), 'inconclusive');
    assert.equal(
      interactionVerdict({
        ...i,
        mismatches: [...i.mismatches, { kind: 'error', message: 'no handler for provider state "x"' }],
      }),
      'fail',
    );
  });

  test('credentials that could not be used fail the run, even when nothing answered', () => {
    const report = { ...reportOf(contract('app-a', [unanswered('one')])), authProblem: 'token endpoint answered 500' };
    assert.equal(exitCodeFor(verificationVerdicts(report)), 1);
    assert.match(formatVerification(report, 'x'), /verification FAILED: 1 of 1 contract got no answer \(app-a\)\n$/);
  });
});
