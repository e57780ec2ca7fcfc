// The hostile-body table (tests/support/hostile-bodies.ts) through the release gate: its contract
// test fails on each body, and the failure's first line names the field and rule (a schema
// violation at its JSON path) or where the body is not JSON (byte offset, line and column); never
// a crash or a bare RangeError; every line bounded and printable. One Playwright process runs a
// project per body; then the gate as a user runs it exits 1 on one of them.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { HOSTILE_BODIES, MAX_MESSAGE_CHARS, NON_PRINTABLE } from '../support/hostile-bodies.ts';
import { startHostileServer, type HostileServer } from '../support/hostile-server.ts';
import { runGateAgainst, type GateRun } from './run-gate.ts';

const unescapeXml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');

/** The JUnit failure messages of one project (its testsuites carry hostname="<project>"). */
function failuresOf(run: GateRun, project: string): string[] {
  return [...run.junit.matchAll(/<testsuite [^>]*>[\s\S]*?<\/testsuite>/g)]
    .map((m) => m[0])
    .filter((suite) => suite.includes(`hostname="${project}"`))
    .flatMap((suite) => [...suite.matchAll(/<failure message="([^"]*)"/g)].map((x) => unescapeXml(x[1]!)));
}

describe('the gate on hostile bodies', () => {
  let server: HostileServer;
  let run: GateRun;
  before(async () => {
    server = await startHostileServer(HOSTILE_BODIES);
    run = await runGateAgainst(server.base, { playwrightConfig: join('tests', 'gate', 'hostile.playwright.config.ts') });
  });
  after(() => server.close());

  test('the run failed (1), and crashed nowhere', () => {
    assert.equal(run.code, 1, run.output.slice(-3000));
    assert.doesNotMatch(run.output, /RangeError|Maximum call stack|TypeError/);
  });

  HOSTILE_BODIES.forEach((row, i) => {
    test(`${row.name}: fails, naming ${row.names.source}`, () => {
      const messages = failuresOf(run, `hostile-${i}`);
      assert.equal(messages.length, 1, `one failure: ${messages.join(' | ').slice(0, 500)}`);
      const message = messages[0]!;
      assert.match(message, row.reason === 'schema_violation' ? /^\$\S* \[[\w-]+\] / : /^invalid_json: /, message.slice(0, 300));
      assert.match(message, row.names, message.slice(0, 300));
      assert.ok(message.length <= MAX_MESSAGE_CHARS, `a bounded message (${message.length} chars)`);
      assert.doesNotMatch(message, NON_PRINTABLE);
    });
  });

  test('the gate as a user runs it exits 1 on a body nested 1,000,000 levels, naming the field', async () => {
    const user = await runGateAgainst(server.baseUrlOf(0), { args: ['--grep', 'satisfies the contract'] });
    assert.equal(user.code, 1, user.output.slice(-3000));
    assert.match(user.output, /\$\.data\[0\]\.name \[type\]/);
    assert.doesNotMatch(user.output, /RangeError/);
    for (const line of user.output.split('\n'))
      assert.ok(line.length <= MAX_MESSAGE_CHARS, `a bounded line: ${line.slice(0, 200)}`);
  });
});
