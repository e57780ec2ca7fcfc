import { trackersPath } from '../../src/client.ts';
import { expect, get, test } from './support/gate.ts';

const SAMPLE = 5;

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)]!;
}

test('a short latency sample stays within budget and reports p50/p95', async ({ request, gate }) => {
  const headers = await gate.authHeaders();
  const times: number[] = [];
  for (let i = 0; i < SAMPLE; i++) {
    const call = await get(request, gate, trackersPath(gate.config.customerId), headers);
    expect(call.status).toBe(200);
    times.push(call.ms);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const p50 = Math.round(percentile(sorted, 50));
  const p95 = Math.round(percentile(sorted, 95));
  const summary = `latency over ${SAMPLE} calls: p50 ${p50} ms, p95 ${p95} ms (budget ${gate.config.latencyBudgetMs} ms, degraded ${gate.config.latencyDegradedMs} ms)`;
  test.info().annotations.push({ type: 'latency', description: summary });
  await test.info().attach('latency.json', {
    body: JSON.stringify({ samplesMs: times.map((t) => Math.round(t)), p50, p95 }, null, 2),
    contentType: 'application/json',
  });
  expect(p95, summary).toBeLessThanOrEqual(gate.config.latencyBudgetMs);
});
