// The release gate, checked by someone else's validator: every request the gate
// makes passes through Stoplight Prism (a validating proxy built from our OpenAPI
// document) in front of the sandbox, and Prism must find no response violation.
// Then the gate's shape check runs against Prism's mock, served from the document
// alone: the document carries enough to describe the contract.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createSandbox, type Sandbox } from '../../sandbox/app.ts';
import { runGateAgainst } from '../gate/run-gate.ts';
import { startPrism, type RunningPrism } from './prism.ts';

let sandbox: Sandbox;
const running: RunningPrism[] = [];
before(async () => {
  sandbox = createSandbox();
});
after(async () => {
  await Promise.all(running.map((p) => p.stop()));
  await sandbox.close();
});

test('every request of the gate passes Prism as a validating proxy with no response violation', async () => {
  const upstream = await sandbox.listen(0, '127.0.0.1');
  const prism = await startPrism({ mode: 'proxy', upstream });
  running.push(prism);
  const before = sandbox.stats.byRoute.trackers ? Object.values(sandbox.stats.byRoute.trackers).reduce((a, b) => a + b, 0) : 0;
  const run = await runGateAgainst(prism.baseUrl);
  assert.equal(run.code, 0, `the gate through Prism should pass:\n${run.output.slice(-3000)}`);
  await prism.settle();
  const reached = Object.values(sandbox.stats.byRoute.trackers ?? {}).reduce((a, b) => a + b, 0) - before;
  assert.ok(reached >= 15, `the gate's requests should reach the sandbox through Prism (saw ${reached})`);
  const responseViolations = prism.loggedViolations().filter((v) => v.location.startsWith('response'));
  assert.deepEqual(
    responseViolations.map((v) => v.line),
    [],
    'Prism found the sandbox in breach of the OpenAPI document',
  );
});

test("the gate's shape check passes against Prism's mock, served from the OpenAPI document alone", async () => {
  const prism = await startPrism({ mode: 'mock' });
  running.push(prism);
  const run = await runGateAgainst(prism.baseUrl, { args: ['--grep', 'satisfies the contract'] });
  assert.equal(run.code, 0, `the gate's shape check against the mock should pass:\n${run.output.slice(-3000)}`);
  assert.match(run.output, /1 passed/);
  assert.match(run.output, /97 tracker\(s\)/, 'the mock serves the documented example');
});
