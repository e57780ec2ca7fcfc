import { runCheck } from '../src/checks/run.ts';
import { expect, test } from './support/gate.ts';

const SAMPLE = 5;

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)]!;
}

test('a short latency sample stays within budget and reports p50/p95', async ({ gate }) => {
  const times: number[] = [];
  for (let i = 0; i < SAMPLE; i++) {
    // Not expectCheck: an answer that fails for another reason is the contract test's to report, once;
    // this test is about sustained latency, which one lucky call can hide.
    const result = await runCheck('trackers', gate.client, gate.config);
    const slow = result.reason === 'latency_budget_exceeded';
    test.skip(result.verdict !== 'pass' && !slow, `the trackers check does not pass (${result.reason}): see the contract test`);
    expect(slow, `${result.reason}: call ${i + 1} of ${SAMPLE}: ${result.message}`).toBe(false);
    times.push(result.steps[0]!.timings.totalMs);
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
});
