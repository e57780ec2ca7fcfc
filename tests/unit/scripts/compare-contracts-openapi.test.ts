// The consumer contracts and the OpenAPI document agree, as judged by PactFlow's comparator, and
// the comparator is not blind here: each pact, broken on purpose by a mutation made in this test
// (nothing broken is committed), fails it at the interaction that was broken.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  compareWithOpenApi,
  formatFinding,
  readContractFiles,
  readOpenApi,
  type Finding,
  type PactFile,
} from '../../../scripts/compare-contracts-openapi.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const openapi = readOpenApi();
const contracts = readContractFiles();
const errorsOf = (findings: readonly Finding[]) => findings.filter((f) => f.type === 'error');
const shown = (findings: readonly Finding[]) => findings.map(formatFinding).join('\n') || '(none)';

/** Each interaction of each contract, as a copy of its pact with only that interaction changed. */
function mutants(change: (interaction: Json) => boolean): { file: PactFile; description: string }[] {
  const out: { file: PactFile; description: string }[] = [];
  for (const { name, pact } of contracts) {
    const interactions = (pact as Json).interactions as Json[];
    interactions.forEach((_, i) => {
      const copy = structuredClone(pact) as Json;
      const interaction = copy.interactions[i] as Json;
      if (change(interaction)) out.push({ file: { name, pact: copy }, description: interaction.description as string });
    });
  }
  return out;
}

async function assertCaught(mutated: { file: PactFile; description: string }[], code: string, message: RegExp): Promise<void> {
  assert.ok(mutated.length > 0, 'a contract has an interaction to break');
  for (const { file, description } of mutated) {
    const errors = errorsOf(await compareWithOpenApi(openapi, [file]));
    assert.ok(errors.length > 0, `${file.name} "${description}": the comparator let the broken pact pass`);
    for (const e of errors) assert.equal(e.interaction, description, `only the broken interaction fails:\n${shown(errors)}`);
    assert.ok(
      errors.some((e) => e.code === code && message.test(e.message)),
      `${file.name} "${description}": expected ${code} matching ${message}, got:\n${shown(errors)}`,
    );
  }
}

describe('the consumer contracts against the OpenAPI document (@pactflow/openapi-pact-comparator)', () => {
  test('every committed contract agrees with the document: no error, no warning', async () => {
    assert.ok(contracts.length >= 2, 'both consumers have a contract');
    const findings = await compareWithOpenApi(openapi, contracts);
    assert.deepEqual(findings.map(formatFinding), []);
  });

  test('a response field the document does not have fails (top level, and in a tracker)', async () => {
    const body = (i: Json): Json | undefined => i.response?.body?.content as Json | undefined;
    await assertCaught(
      mutants((i) => {
        const content = body(i);
        if (content === undefined) return false;
        content.loyaltyTier = 'GOLD';
        return true;
      }),
      'response.body.incompatible',
      /additional properties - loyaltyTier/,
    );
    await assertCaught(
      mutants((i) => {
        const tracker = (body(i)?.data as Json[] | undefined)?.[0];
        if (tracker === undefined) return false;
        tracker.loyaltyTier = 'GOLD';
        return true;
      }),
      'response.body.incompatible',
      /additional properties - loyaltyTier/,
    );
  });

  test('a status the document does not declare fails', async () => {
    await assertCaught(
      mutants((i) => {
        i.response.status = 418;
        return true;
      }),
      'response.status.unknown',
      /not defined in spec file: 418/,
    );
  });

  test('a declared status with the body of another fails: trackers answered with 404', async () => {
    await assertCaught(
      mutants((i) => {
        if (i.response.status !== 200 || !Array.isArray(i.response.body?.content?.data)) return false;
        i.response.status = 404;
        return true;
      }),
      'response.body.incompatible',
      /must NOT have more than 0 items|must NOT have additional properties/,
    );
  });
});
