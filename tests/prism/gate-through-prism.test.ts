// The release gate, checked by someone else's validator: every request the gate
// makes passes through Stoplight Prism (a validating proxy built from our OpenAPI
// document) in front of the sandbox, and Prism must find no response violation.
// Then the gate's shape check runs against Prism's mock, served from the document
// alone: the document carries enough to describe the contract.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runGateAgainst } from '../gate/run-gate.ts';
import { sharedPrism, sharedProxy } from './shared.ts';

test('every request of the gate passes Prism as a validating proxy with no response violation', async () => {
  const { prism, sandbox } = await sharedProxy();
  const requests = () => Object.values(sandbox.stats.byRoute.trackers ?? {}).reduce((a, b) => a + b, 0);
  const before = requests();
  const mark = prism.mark();
  const run = await runGateAgainst(prism.baseUrl);
  assert.equal(run.code, 0, `the gate through Prism should pass:\n${run.output.slice(-3000)}`);
  const until = await prism.settle();
  const reached = requests() - before;
  assert.ok(reached >= 15, `the gate's requests should reach the sandbox through Prism (saw ${reached})`);
  const responseViolations = prism.loggedViolations(mark, until).filter((v) => v.location.startsWith('response'));
  assert.deepEqual(
    responseViolations.map((v) => v.line),
    [],
    'Prism found the sandbox in breach of the OpenAPI document',
  );
});

test("the gate's shape check passes against Prism's mock, served from the OpenAPI document alone", async () => {
  const prism = await sharedPrism({ mode: 'mock' });
  const run = await runGateAgainst(prism.baseUrl, { args: ['--grep', 'satisfies the contract'] });
  assert.equal(run.code, 0, `the gate's shape check against the mock should pass:\n${run.output.slice(-3000)}`);
  assert.match(run.output, /1 passed/);
  assert.match(run.output, /97 tracker\(s\)/, 'the mock serves the documented example');
});
