// Proof that the gate catches breakage: the gate runs as a child process against
// a sandbox serving each contract mutation and fault, and must fail naming the
// field and rule for every breaking change, and pass (with the warning) for every
// additive one. A gate that always passes is worse than none.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MUTATIONS } from '../../sandbox/mutations.ts';
import { runGate } from './run-gate.ts';

interface Case {
  name: string;
  faults: string;
  env?: Record<string, string>;
  /** Text the gate's output must contain (the field and rule, or the check that broke). */
  says: string[];
}

// Breaking changes the validator does not see: how the gate words them instead.
const SAID_BY_THE_GATE: Record<string, string[]> = {
  'no-auth': ['served tracker data without valid credentials'],
  'html-content-type': ['is not application/json'],
  'not-found-5xx': ['is a server error: an unknown customer must get 8015'],
};

const breaking: Case[] = MUTATIONS.filter((m) => m.breaking).map((m) => ({
  name: `mutation ${m.name}: ${m.description}`,
  faults: `mutation=${m.name}`,
  says: SAID_BY_THE_GATE[m.name] ?? [`${m.expect!.path} [${m.expect!.rule}]`],
}));

const faults: Case[] = [
  { name: 'truncated JSON', faults: 'truncated-json', says: ['body is not valid JSON'] },
  { name: 'malformed JSON', faults: 'malformed-json', says: ['body is not valid JSON'] },
  { name: 'a 5xx for every request', faults: 'error-rate=1', says: ['expected HTTP 200, got 503'] },
  {
    name: 'a response slower than the budget',
    faults: 'latency=400',
    env: { CAP_LATENCY_BUDGET_MS: '250', CAP_LATENCY_DEGRADED_MS: '100' },
    says: ['over the latency budget CAP_LATENCY_BUDGET_MS=250'],
  },
  {
    name: 'connections reset (retried once, and the retry reported)',
    faults: 'reset',
    says: ['no HTTP response after 2 attempts', 'attempt 1 failed at the network level'],
  },
];

const additive = MUTATIONS.filter((m) => !m.breaking);

// Two gate runs at a time: each is a Playwright process; more would only queue on two cores.
describe('the gate fails for every breaking change, naming what broke', { concurrency: 2 }, () => {
  for (const c of [...breaking, ...faults]) {
    test(c.name, async () => {
      const run = await runGate({ faults: c.faults, env: c.env });
      assert.equal(run.code, 1, `the gate should fail (exit 1); it exited ${run.code}:\n${run.output.slice(-3000)}`);
      for (const text of c.says)
        assert.ok(run.output.includes(text), `the gate's output should say ${JSON.stringify(text)}:\n${run.output.slice(-4000)}`);
    });
  }
});

describe('the gate passes additive changes, with a warning', { concurrency: 2 }, () => {
  for (const m of additive) {
    test(`mutation ${m.name}: ${m.description}`, async () => {
      const run = await runGate({ faults: `mutation=${m.name}` });
      assert.equal(run.code, 0, `the gate should pass; it exited ${run.code}:\n${run.output.slice(-3000)}`);
      if (m.expect) {
        const text = `${m.expect.path} [${m.expect.rule}]`;
        assert.ok(run.output.includes(text), `the terminal summary should list the warning ${text}`);
        assert.ok(run.junit.includes(text), `the JUnit report should carry the warning ${text}`);
      }
    });
  }

  test('the unmodified sandbox passes with the documented data-quality warnings', async () => {
    const run = await runGate();
    assert.equal(run.code, 0, run.output.slice(-3000));
    assert.match(run.output, /11 warning\(s\) \(tolerated; they do not fail the gate\)/);
    assert.match(run.junit, /<testsuites[^>]* failures="0"/);
  });
});
