// What the sandbox's customer cache buys: the same lookups of generated customers,
// through createCustomerStore (its LRU) and through the uncached lookupCustomer,
// measured in the same run (absolute times mean little on a shared machine; the
// ratio is the figure). npm run bench:sandbox-data
import { performance } from 'node:perf_hooks';
import { GENERATED_CUSTOMER_RANGE, createCustomerStore, lookupCustomer } from '../sandbox/data.ts';
import { median } from './stats.ts';

const ROUNDS = 7;
const LOOKUPS = 2000;
// A load test's shape: a few hundred ids, each asked for many times, all fitting in the default cache (1000).
const IDS = 500;
const { first } = GENERATED_CUSTOMER_RANGE;

let sink = 0;
function timeIt(lookup: (id: number) => string | undefined): number {
  const t0 = performance.now();
  for (let i = 0; i < LOOKUPS; i++) sink += lookup(first + (i % IDS))!.length;
  return (performance.now() - t0) / LOOKUPS;
}

const uncached: number[] = [];
const cached: number[] = [];
// Interleaved rounds, so drift in machine load hits both sides alike. One store for all rounds: after the
// warm-up round every lookup is a hit, as in a long load test.
const store = createCustomerStore();
for (let r = 0; r < ROUNDS + 1; r++) {
  const u = timeIt(lookupCustomer);
  const c = timeIt((id) => store.lookup(id));
  if (r === 0) continue; // warm-up round (also fills the cache)
  uncached.push(u);
  cached.push(c);
}
const us = (ms: number) => `${(ms * 1000).toFixed(2)} µs`;
const u = median(uncached);
const c = median(cached);
process.stdout.write(
  [
    `bench/sandbox-data: ${LOOKUPS} lookups over ${IDS} generated customers, median of ${ROUNDS} rounds`,
    `  lookupCustomer (uncached)        ${us(u)}   1.00×`,
    `  createCustomerStore (cache hit)  ${us(c)}   ${(u / c).toFixed(1)}× faster`,
    `  (checksum ${sink % 1000})`,
  ].join('\n') + '\n',
);
