import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createStateLog } from '../../../monitor/state-log.ts';
import { createStatusHistory } from '../../../monitor/status-history.ts';
import type { Probe } from '../../../monitor/probe.ts';
import { euProbe, probeOf, testTarget, type ProbeFacts } from './helpers.ts';

function setup(location?: string, summaries?: boolean) {
  const lines: string[] = [];
  const history = createStatusHistory([testTarget('eu'), testTarget('us')], { version: 'x' });
  const log = createStateLog({ history, log: (l) => lines.push(l), location, summaries });
  const feed = (r: Probe) => {
    history.add(r); // as the loop does: the history first, then the hook
    log.onResult(r);
  };
  return { lines, log, feed };
}

const ok = (facts: ProbeFacts = {}) => probeOf({ message: 'HTTP 200', durationMs: 25, ...facts });
const broken = (): Probe =>
  probeOf({
    message: 'HTTP 200, schema: $.data[0].id [type]',
    durationMs: 25,
    reason: 'schema_violation',
    errors: [{ path: '$.data[0].id', rule: 'type', message: 'm' }],
  });

describe('the terminal: one line per state change', () => {
  test('the broken field of a rule broken in several trackers is its pattern ($.data[*].id), as the message groups it', () => {
    const { lines, feed } = setup();
    feed(ok());
    feed(
      probeOf({
        message: 'HTTP 200: 3 contract violation(s), first: $.data[*].id [type] must be integer: 3 of 3 trackers',
        durationMs: 25,
        reason: 'schema_violation',
        errors: [0, 1, 2].map((i) => ({ path: `$.data[${i}].id`, rule: 'type', message: 'must be integer' })),
      }),
    );
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, / field="\$\.data\[\*\]\.id" /);
  });
  test('UP → DOWN → DEGRADED → DOWN (another reason), in logfmt; a fresh UP and a repeat say nothing', () => {
    const { lines, feed } = setup('eu-west-1');
    feed(ok());
    feed(ok());
    assert.deepEqual(lines, [], 'PENDING → UP is no news');
    feed(broken());
    feed(broken());
    feed(ok());
    feed(euProbe('HTTP 503 (error 503: down)'));
    assert.deepEqual(lines, [
      'level=warn location=eu-west-1 target=eu check=trackers from=UP to=DOWN reason=schema_violation field="$.data[0].id" duration_ms=25 msg="UP → DOWN: HTTP 200, schema: $.data[0].id [type]"',
      'level=warn location=eu-west-1 target=eu check=trackers from=DOWN to=DEGRADED duration_ms=25 msg="DOWN → DEGRADED: 60% in 15 min, under 99.9%"',
      'level=warn location=eu-west-1 target=eu check=trackers from=DEGRADED to=DOWN reason=http_5xx duration_ms=25 msg="DEGRADED → DOWN: HTTP 503 (error 503: down)"',
    ]);
  });

  test('a hostile message stays on one line, quoted', () => {
    const { lines, feed } = setup();
    feed(euProbe('evil\nlevel=info target=forged "quote"'));
    assert.equal(lines.length, 1);
    assert.doesNotMatch(lines[0]!, /\n/);
    assert.match(lines[0]!, /msg="PENDING → DOWN: evil\\nlevel=info target=forged \\"quote\\""$/);
  });

  test('the summary line: state counts, and per target ok/total and p95 since the previous line', () => {
    const { log, feed } = setup();
    for (let i = 0; i < 19; i++) feed(ok({ durationMs: 10 + i }));
    feed(euProbe('HTTP 503')); // 25 ms: the 19th of 20 sorted durations is 27
    feed(ok({ target: 'us', check: 'not_found', durationMs: 7 }));
    assert.equal(
      log.summary(60),
      'level=info msg=summary window_s=60 up=1 degraded=0 down=1 pending=4 eu.ok=19/20 eu.p95_ms=27 us.ok=1/1 us.p95_ms=7',
    );
    assert.equal(
      log.summary(60),
      'level=info msg=summary window_s=60 up=1 degraded=0 down=1 pending=4 eu.ok=0/0 eu.p95_ms=- us.ok=0/0 us.p95_ms=-',
      'counts restart with each line',
    );
  });

  test('with summaries off, nothing is kept for them (no line would ever clear it)', () => {
    const { log, feed } = setup(undefined, false);
    for (let i = 0; i < 1000; i++) feed(ok());
    assert.match(log.summary(60), / eu\.ok=0\/0 eu\.p95_ms=- /);
  });
});
