import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { gateFor, lookupOnPath } from '../../support/require-binary.ts';

const installed =
  (...names: string[]) =>
  (name: string) =>
    names.includes(name) ? `/usr/bin/${name}` : undefined;

describe('require-binary gate', () => {
  test('runs when every binary is installed, on CI or not', () => {
    for (const ci of [false, true]) {
      const gate = gateFor(['promtool', 'prometheus'], ci, installed('promtool', 'prometheus'));
      assert.equal(gate.skip, false);
      assert.equal(gate.path('promtool'), '/usr/bin/promtool');
    }
  });

  test('skips off CI with a message naming the missing binary and its Debian package', () => {
    const gate = gateFor(['promtool', 'prometheus-pushgateway'], false, installed('promtool'));
    assert.equal(typeof gate.skip, 'string');
    assert.match(gate.skip as string, /prometheus-pushgateway not installed/);
    assert.match(gate.skip as string, /apt-get install -y prometheus-pushgateway/);
    assert.doesNotMatch(gate.skip as string, /promtool/);
  });

  test('does not skip on CI: the test runs and fails where it needs the binary', () => {
    const gate = gateFor(['chromium'], true, installed());
    assert.equal(gate.skip, false);
    assert.throws(() => gate.path('chromium'), /chromium not installed.*CI=true/);
  });

  test('one package for two binaries is named once', () => {
    const gate = gateFor(['promtool', 'prometheus'], false, installed());
    assert.match(gate.skip as string, /apt-get install -y prometheus\)/);
  });

  test('lookupOnPath finds sh and not a made-up name', () => {
    assert.match(lookupOnPath('sh') ?? '', /^\/.*\/sh$/);
    assert.equal(lookupOnPath('no-such-binary-trackers-contract'), undefined);
  });
});
