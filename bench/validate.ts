// What full validation costs against JSON.parse of the same body, measured in the
// same run (absolute times mean little on a shared machine; the ratio is the figure).
// Three bodies: the documented 97-tracker example, 5,000 clean trackers, and 5,000
// trackers whose every updatedOn lost its ISO shape (the failing body must cost time
// linear in its size). Issue 10's goals: ≤ 0.5× at 97 and 5,000, ≤ 5× for the failing one.
// "before" is the validator as it was before issue 10 (the frozen copy the findings
// oracle test uses), so before and after come from the same run.
// npm run bench:validate
import { performance } from 'node:perf_hooks';
import { exampleText } from '../src/schemas.ts';
import { validateResponse, warmUpValidator } from '../src/validate.ts';
import { validateResponse as validateBefore } from '../tests/support/validate-oracle.ts';
import { manyTrackers, successEnvelope, usDate } from '../tests/support/tracker-bodies.ts';
import { median } from './stats.ts';

const ROUNDS = Number(process.env.ROUNDS ?? 9);
// Each timed batch runs for about this long, whatever the body's size.
const BATCH_MS = 100;
const WARM_MS = 300;

const large = manyTrackers(5000);
const cases: { name: string; text: string; skipBefore?: boolean }[] = [
  { name: 'documented 97 trackers', text: exampleText('trackers-98662653') },
  { name: '5,000 trackers', text: JSON.stringify(successEnvelope(large), null, 4) },
  {
    name: '5,000 bad updatedOn',
    text: JSON.stringify(successEnvelope(large.map((t) => ({ ...t, updatedOn: usDate(t.updatedOn) }))), null, 4),
  },
  {
    // 90,000 findings, 1,000 listed. Not run on the old validator: it took ~52 s (quadratic).
    name: '30,000 trackers broken 3 ways',
    text: JSON.stringify(
      successEnvelope(manyTrackers(30_000).map((t) => ({ ...t, id: String(t.id), name: null, updatedOn: usDate(t.updatedOn) }))),
    ),
    skipBefore: true,
  },
];
warmUpValidator();

let sink = 0;
function timeIt(iterations: number, fn: () => void): number {
  const t0 = performance.now();
  for (let i = 0; i < iterations; i++) fn();
  return (performance.now() - t0) / iterations;
}
/** Warm a side up (JIT, caches), then size its batches from a warm timing. */
function batchSize(fn: () => void): number {
  for (const t0 = performance.now(); performance.now() - t0 < WARM_MS;) fn();
  return Math.max(1, Math.round(BATCH_MS / Math.max(timeIt(3, fn), 0.001)));
}
const us = (ms: number) => `${(ms * 1000).toFixed(1)} µs`.padStart(11);
const spread = (xs: number[]) => `${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}`;

const lines = [
  `bench/validate: validateResponse vs JSON.parse of the same body, median of ${ROUNDS} interleaved rounds (spread of the per-round ratio)`,
];
for (const { name, text, skipBefore } of cases) {
  // Separately parsed copies, taken in turn: each call sees other string objects, as a probe
  // validating a freshly parsed body does (no identity shortcut a real body would not get).
  const copies: unknown[] = Array.from({ length: 8 }, () => JSON.parse(text));
  let turn = 0;
  const body = () => copies[turn++ & 7];
  const sides = {
    parse: () => (sink += (JSON.parse(text) as { data: unknown[] }).data.length),
    before: () => (sink += validateBefore(body()).warnings.length),
    after: () => (sink += validateResponse(body()).warnings.length),
  };
  const run = skipBefore ? (['parse', 'after'] as const) : (['parse', 'before', 'after'] as const);
  const sizes = {
    parse: batchSize(sides.parse),
    before: skipBefore ? 0 : batchSize(sides.before),
    after: batchSize(sides.after),
  };
  const times = { parse: [] as number[], before: [] as number[], after: [] as number[] };
  // Interleaved rounds, so drift in machine load hits every side alike.
  for (let r = 0; r < ROUNDS; r++) {
    for (const side of run) times[side].push(timeIt(sizes[side], sides[side]));
  }
  const p = median(times.parse);
  const ratios = (side: 'before' | 'after') => times[side].map((t, r) => t / times.parse[r]!);
  const kb = Math.round(Buffer.byteLength(text) / 1024);
  lines.push(`  ${name} (${kb} KB): JSON.parse ${us(p)}`);
  if (!skipBefore) {
    lines.push(
      `    before issue 10  ${us(median(times.before))}   ${median(ratios('before')).toFixed(2)}× JSON.parse (${spread(ratios('before'))})`,
    );
  }
  lines.push(
    `    now              ${us(median(times.after))}   ${median(ratios('after')).toFixed(2)}× JSON.parse (${spread(ratios('after'))})`,
  );
}
lines.push(`  (checksum ${sink % 1000})`);
process.stdout.write(lines.join('\n') + '\n');
