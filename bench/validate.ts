// What full validation costs against JSON.parse of the same body, measured in the
// same run (absolute times mean little on a shared machine; the ratio is the figure).
// Three bodies: the documented 97-tracker example, 5,000 clean trackers, and 5,000
// trackers whose every updatedOn lost its ISO shape (the failing body must cost time
// linear in its size). Issue 10's goals: ≤ 0.5× at 97 and 5,000, ≤ 5× for the failing one.
// npm run bench:validate
import { performance } from 'node:perf_hooks';
import { exampleText } from '../src/schemas.ts';
import { validateResponse, warmUpValidator } from '../src/validate.ts';
import { manyTrackers, successEnvelope, usDate } from '../tests/support/tracker-bodies.ts';

const ROUNDS = 9;
// Each timed batch runs for about this long, whatever the body's size.
const BATCH_MS = 60;

interface Case {
  name: string;
  text: string;
}
const large = manyTrackers(5000);
const cases: Case[] = [
  { name: 'documented 97 trackers', text: exampleText('trackers-98662653') },
  { name: '5,000 trackers', text: JSON.stringify(successEnvelope(large), null, 4) },
  {
    name: '5,000 bad updatedOn',
    text: JSON.stringify(successEnvelope(large.map((t) => ({ ...t, updatedOn: usDate(t.updatedOn) }))), null, 4),
  },
];
warmUpValidator();

let sink = 0;
function timeIt(iterations: number, fn: () => void): number {
  const t0 = performance.now();
  for (let i = 0; i < iterations; i++) fn();
  return (performance.now() - t0) / iterations;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const us = (ms: number) => `${(ms * 1000).toFixed(1)} µs`.padStart(11);

const lines = [`bench/validate: validateResponse vs JSON.parse of the same body, median of ${ROUNDS} interleaved rounds`];
for (const { name, text } of cases) {
  const body: unknown = JSON.parse(text);
  const once = timeIt(3, () => (sink += validateResponse(body).errors.length));
  const iterations = Math.max(3, Math.round(BATCH_MS / Math.max(once, 0.001)));
  const parse: number[] = [];
  const validate: number[] = [];
  const ratios: number[] = [];
  // Interleaved rounds, so drift in machine load hits both sides alike.
  for (let r = 0; r < ROUNDS + 1; r++) {
    const p = timeIt(iterations, () => (sink += (JSON.parse(text) as { data: unknown[] }).data.length));
    const v = timeIt(iterations, () => (sink += validateResponse(body).warnings.length));
    if (r === 0) continue; // warm-up round
    parse.push(p);
    validate.push(v);
    ratios.push(v / p);
  }
  const p = median(parse);
  const v = median(validate);
  const spread = `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}`;
  lines.push(
    `  ${`${name} (${Math.round(Buffer.byteLength(text) / 1024)} KB)`.padEnd(34)} JSON.parse ${us(p)}   validate ${us(v)}   ` +
      `${(v / p).toFixed(2)}× JSON.parse (rounds ${spread})`,
  );
}
lines.push(`  (checksum ${sink % 1000})`);
process.stdout.write(lines.join('\n') + '\n');
