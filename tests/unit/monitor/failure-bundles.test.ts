// The monitor writes a bundle when a check starts failing or fails for another reason, not on every
// failing probe, and keeps the newest N per target and check.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Reason } from '../../../src/checks/result.ts';
import { createBundleKeeper } from '../../../monitor/failure-bundles.ts';
import type { Probe } from '../../../monitor/probe.ts';

let clock = Date.UTC(2026, 0, 1);
function probe(target: string, reason?: Reason): Probe {
  clock += 1000;
  return {
    check: 'trackers',
    verdict: reason ? 'fail' : 'pass',
    reason,
    message: reason ?? 'ok',
    errors: [],
    warnings: [],
    steps: [],
    degraded: false,
    target,
    startedAt: clock,
  };
}

test('a bundle per change into failure or of its reason; the newest N kept; an unwritable directory is a line', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'keeper-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const log: string[] = [];
  const keeper = createBundleKeeper({ dir, keep: 2, version: '1', log: (l) => log.push(l) });
  const sequence: [string, Reason | undefined][] = [
    ['eu', undefined],
    ['eu', 'http_5xx'], // starts failing: written
    ['eu', 'http_5xx'], // same failure: not
    ['us', 'http_5xx'], // another target's first failure: written
    ['eu', 'timeout'], // another reason: written
    ['eu', undefined],
    ['eu', 'timeout'], // failing again after a pass: written, and the oldest of eu goes
    ['eu', 'timeout'],
  ];
  for (const [target, reason] of sequence) keeper.onResult(probe(target, reason));
  const names = readdirSync(dir).sort();
  assert.deepEqual(
    names.map((n) => n.slice(n.indexOf('_') + 1)),
    ['us_trackers', 'eu_trackers', 'eu_trackers'],
  );
  assert.equal(log.filter((l) => l.includes('failure bundle written')).length, 4);

  const lines: string[] = [];
  const broken = createBundleKeeper({ dir: '/dev/null/x', keep: 2, version: '1', log: (l) => lines.push(l) });
  broken.onResult(probe('eu', 'http_5xx'));
  assert.deepEqual(lines, ['level=warn target=eu check=trackers msg="failure bundle: cannot write under /dev/null/x (ENOTDIR)"']);
  // A directory name with a quote and a newline stays one logfmt line.
  const odd: string[] = [];
  createBundleKeeper({ dir: '/dev/null/a"b\nc', keep: 2, version: '1', log: (l) => odd.push(l) }).onResult(
    probe('eu', 'http_5xx'),
  );
  assert.deepEqual(odd, [
    'level=warn target=eu check=trackers msg="failure bundle: cannot write under /dev/null/a\\"b\\nc (ENOTDIR)"',
  ]);
});
