import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Counter, Registry } from 'prom-client';
import {
  CounterFamily,
  ExpositionRegistry,
  GaugeFamily,
  HistogramFamily,
  escapeLabelValue,
} from '../../../monitor/exposition.ts';
import { createMetrics } from '../../../monitor/metrics.ts';
import { testTarget } from './helpers.ts';

/** One exposition as a set of `name{sorted labels} value` lines plus HELP/TYPE lines: label order is not meaning. */
function normalise(text: string): string[] {
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((line) => {
      if (line.startsWith('#')) return line;
      const m = /^([^{ ]+)(?:\{(.*)\})? (\S+)$/.exec(line);
      assert.ok(m, `not an exposition line: ${line}`);
      const labels = (m[2] ?? '').match(/\w+="(?:[^"\\]|\\.)*"/g) ?? [];
      // prom-client prints NaN as `Nan`; the format says `NaN` (Prometheus reads either).
      const value = m[3] === 'Nan' ? 'NaN' : m[3];
      return `${m[1]}{${[...labels].sort().join(',')}} ${value}`;
    })
    .sort();
}

/** The same families and updates on a registry of either kind. */
function populate(registry: Registry) {
  const registers = [registry];
  const c = new CounterFamily({
    name: 'c_total',
    help: 'A counter.\nSecond line \\ here.',
    labelNames: ['target', 'reason'],
    registers,
  });
  const g = new GaugeFamily({ name: 'g', help: 'A gauge.', labelNames: ['target'], registers });
  const plain = new GaugeFamily({ name: 'plain', help: 'No labels.', registers });
  const h = new HistogramFamily({
    name: 'h_seconds',
    help: 'A histogram.',
    labelNames: ['target'],
    buckets: [0.5, 0.1, 1],
    registers,
  });
  new GaugeFamily({ name: 'empty', help: 'No series yet.', labelNames: ['target'], registers });
  c.inc({ target: 'eu', reason: 'timeout' }, 0);
  c.inc({ target: 'eu', reason: 'timeout' });
  c.inc({ target: 'we"ird\\name\nx', reason: 'http_5xx' }, 3);
  g.set({ target: 'eu' }, 0.25);
  g.set({ target: 'us' }, NaN);
  g.set({ target: 'gone' }, 1);
  g.remove({ target: 'gone' });
  plain.set({}, Infinity);
  h.zero({ target: 'idle' });
  for (const v of [0.05, 0.1, 0.7, 3]) h.observe({ target: 'eu' }, v);
}

describe('ExpositionRegistry prints what prom-client prints', () => {
  for (const defaults of [{}, { location: 'eu-west "1"' }]) {
    test(`same series and values as prom-client's own rendering (default labels ${JSON.stringify(defaults)})`, async () => {
      const ours = new ExpositionRegistry();
      const theirs = new Registry();
      ours.setDefaultLabels(defaults);
      theirs.setDefaultLabels(defaults);
      populate(ours);
      populate(theirs);
      const text = await ours.metrics();
      assert.deepEqual(normalise(text), normalise(await theirs.metrics()));
      assert.match(text, /^h_seconds_bucket\{le="0\.1",target="eu".*\} 2$/m, 'buckets are cumulative and sorted');
      assert.match(text, /^h_seconds_bucket\{le="\+Inf",target="eu".*\} 4$/m);
      assert.match(text, /^c_total\{target="we\\"ird\\\\name\\nx",reason="http_5xx".*\} 3$/m, 'label values escaped');
      assert.doesNotMatch(text, /gone/, 'a removed series is not printed');
      assert.match(text, /^# HELP c_total A counter\.\\nSecond line \\\\ here\.$/m);
    });
  }

  test("prom-client's own metrics on the same registry print as before, blank line between families", async () => {
    const ours = new ExpositionRegistry();
    new Counter({ name: 'theirs_total', help: 'prom-client.', registers: [ours] }).inc(2);
    new GaugeFamily({ name: 'mine', help: 'ours.', registers: [ours] }).set({}, 1);
    assert.equal(
      await ours.metrics(),
      '# HELP theirs_total prom-client.\n# TYPE theirs_total counter\ntheirs_total 2\n\n# HELP mine ours.\n# TYPE mine gauge\nmine 1\n',
    );
  });

  test('the whole monitor exposition at 300 targets matches prom-client line for line, in several slices', async () => {
    const targets = Array.from({ length: 300 }, (_, i) => testTarget(`t${i}`));
    const ours = new ExpositionRegistry();
    const theirs = new Registry();
    for (const registry of [ours, theirs]) {
      registry.setDefaultLabels({ location: 'x' });
      const m = createMetrics({ registry, targets, version: '1', defaultMetrics: false });
      for (const t of targets)
        m.record({
          target: t.name,
          check: 'trackers',
          success: false,
          verdict: 'fail',
          answered: true,
          reason: 'schema_violation',
          message: 'x',
          httpStatus: 200,
          startedAt: 1,
          durationMs: 12,
          degraded: false,
          bodySize: 10,
          decodedBodySize: 10,
          errors: [{ path: '$.data[0].id', rule: 'type', message: 'm' }],
          warnings: [],
          authRefreshed: false,
        });
    }
    const slices: string[] = [];
    for await (const s of ours.slices()) slices.push(s.toString('utf8'));
    assert.ok(slices.length > 3, `rendered in slices (${slices.length})`);
    assert.ok(
      slices.every((s) => s === '' || s.endsWith('\n')),
      'a slice never cuts a line',
    );
    assert.deepEqual(normalise(slices.join('')), normalise(await theirs.metrics()));
  });

  test('a line printed once is printed anew after its value, its series or the default labels change', async () => {
    const ours = new ExpositionRegistry();
    const c = new CounterFamily({ name: 'c_total', help: 'c', labelNames: ['t'], registers: [ours] });
    const g = new GaugeFamily({ name: 'g', help: 'g', labelNames: ['t'], registers: [ours] });
    const h = new HistogramFamily({ name: 'h', help: 'h', labelNames: ['t'], buckets: [1], registers: [ours] });
    c.inc({ t: 'a' });
    g.set({ t: 'a' }, 5);
    h.observe({ t: 'a' }, 0.5);
    const before = await ours.metrics();
    assert.match(before, /^c_total\{t="a"\} 1$/m);
    c.inc({ t: 'a' });
    g.set({ t: 'a' }, 6);
    h.observe({ t: 'a' }, 2);
    let text = await ours.metrics();
    assert.match(text, /^c_total\{t="a"\} 2$/m);
    assert.match(text, /^g\{t="a"\} 6$/m);
    assert.match(text, /^h_bucket\{le="1",t="a"\} 1$/m);
    assert.match(text, /^h_bucket\{le="\+Inf",t="a"\} 2$/m);
    assert.match(text, /^h_sum\{t="a"\} 2\.5$/m);
    g.set({ t: 'a' }, -0);
    g.set({ t: 'b' }, 0);
    ours.setDefaultLabels({ location: 'x' });
    text = await ours.metrics();
    assert.match(text, /^g\{t="a",location="x"\} 0$/m);
    assert.match(text, /^c_total\{t="a",location="x"\} 2$/m);
    assert.match(text, /^h_count\{t="a",location="x"\} 2$/m);
    assert.doesNotMatch(text, /\{t="a"\}/, 'no line keeps the old labels');
  });

  test('a prom-client family longer than a slice, between our families, prints whole and in order', async () => {
    const ours = new ExpositionRegistry();
    const theirs = new Registry();
    for (const registry of [ours, theirs]) {
      const before = new GaugeFamily({ name: 'before', help: 'b', labelNames: ['i'], registers: [registry] });
      const big = new Counter({ name: 'big_total', help: 'prom-client, 2,000 series', labelNames: ['i'], registers: [registry] });
      const after = new GaugeFamily({ name: 'after', help: 'a', labelNames: ['i'], registers: [registry] });
      for (let i = 0; i < 2000; i++) {
        before.set({ i: String(i) }, i);
        big.inc({ i: `label-value-${i}-${'x'.repeat(40)}` }, i);
        after.set({ i: String(i) }, -i);
      }
    }
    const text = await ours.metrics();
    assert.ok(text.length > 200_000, `${text.length} chars`);
    assert.deepEqual(normalise(text), normalise(await theirs.metrics()));
    assert.ok(text.indexOf('# HELP before') < text.indexOf('# HELP big_total'));
    assert.ok(text.indexOf('# HELP big_total') < text.indexOf('# HELP after'));
    // And again, with the slice buffers reused: the same text.
    assert.equal(await ours.metrics(), text);
  });

  test('escapeLabelValue follows the exposition format', () => {
    assert.equal(escapeLabelValue('a\\b"c\nd'), 'a\\\\b\\"c\\nd');
  });
});
