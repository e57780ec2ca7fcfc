// How expensive is full validation of the documented 97-tracker body, measured
// against JSON.parse of the same body in the same run (absolute times mean little
// on a shared machine; the ratio is the figure). npm run bench:validate
import { performance } from 'node:perf_hooks';
import { exampleText } from '../src/schemas.ts';
import { validateResponse, warmUpValidator } from '../src/validate.ts';

const ROUNDS = 7;
const ITERATIONS = 2000;
const text = exampleText('trackers-98662653');
const body: unknown = JSON.parse(text);
warmUpValidator();

function timeIt(fn: () => void): number {
  const t0 = performance.now();
  for (let i = 0; i < ITERATIONS; i++) fn();
  return (performance.now() - t0) / ITERATIONS;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
let sink = 0;
const parse: number[] = [];
const validate: number[] = [];
const both: number[] = [];
// Interleaved rounds, so drift in machine load hits both sides alike.
for (let r = 0; r < ROUNDS + 1; r++) {
  const p = timeIt(() => (sink += (JSON.parse(text) as { data: unknown[] }).data.length));
  const v = timeIt(() => (sink += validateResponse(body).warnings.length));
  const b = timeIt(() => (sink += validateResponse(JSON.parse(text)).trackerCount));
  if (r === 0) continue; // warm-up round
  parse.push(p);
  validate.push(v);
  both.push(b);
}
const us = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;
const p = median(parse);
const v = median(validate);
const b = median(both);
process.stdout.write(
  [
    `bench/validate: the documented 97-tracker body (${Buffer.byteLength(text)} bytes), median of ${ROUNDS} rounds × ${ITERATIONS}`,
    `  JSON.parse (baseline)     ${us(p)}   1.00×`,
    `  validateResponse          ${us(v)}   ${(v / p).toFixed(2)}× JSON.parse`,
    `  parse + validate          ${us(b)}   ${(b / p).toFixed(2)}× JSON.parse`,
    `  (checksum ${sink % 1000})`,
  ].join('\n') + '\n',
);
