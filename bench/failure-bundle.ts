// What a failure bundle costs the probe that wrote it: a failing trackers probe (97 trackers, the
// id-string mutation, gzip on the wire) against the sandbox on loopback, alone and followed by
// writing its bundle (HAR, result.json, reproduce.sh) and pruning to the newest 20, as the monitor
// does on a state change. Rounds interleave the two; medians of per-round means; the ratio is
// (probe + bundle) / probe. Also the bundle's size on disk.
// npm run bench:failure-bundle   (BENCH_ROUNDS, BENCH_PROBES per round)
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createSandbox } from '../sandbox/app.ts';
import { runCheck } from '../src/checks/run.ts';
import { createClient } from '../src/client.ts';
import { pruneBundles, writeFailureBundle } from '../src/failure-bundle.ts';
import { warmUpValidator } from '../src/validate.ts';
import { SANDBOX_BASIC_AUTH, sandboxCheckSettings } from '../tests/support/check-settings.ts';
import { median } from './stats.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const PROBES = Number(process.env.BENCH_PROBES ?? 20);
const KEEP = 20;

const settings = sandboxCheckSettings();

warmUpValidator();
const sandbox = createSandbox();
const baseUrl = await sandbox.listen(0);
const client = createClient({ baseUrl, auth: SANDBOX_BASIC_AUTH, timeoutMs: 60_000 });
const dir = mkdtempSync(join(tmpdir(), 'bench-bundle-'));
const headers = { 'X-Sandbox-Fault': 'mutation=id-string' };
const probe = () => runCheck('trackers', client, settings, { headers });

async function round(withBundle: boolean): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < PROBES; i++) {
    const result = await probe();
    if (result.verdict !== 'fail') throw new Error(`expected a failing probe, got ${result.verdict}: ${result.message}`);
    if (withBundle) {
      const written = writeFailureBundle(dir, { result, target: 'bench', at: Date.now(), version: 'bench' });
      if (!written.ok) throw new Error(written.message);
      pruneBundles(dir, 'bench', 'trackers', KEEP);
    }
  }
  return (performance.now() - started) / PROBES;
}

try {
  await round(true); // warm-up: JIT, the first directory
  const alone: number[] = [];
  const bundled: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    alone.push(await round(false));
    bundled.push(await round(true));
  }
  const one = readdirSync(dir).sort().at(-1)!;
  const files = readdirSync(join(dir, one)).map((f) => [f, statSync(join(dir, one, f)).size] as const);
  const total = files.reduce((sum, [, size]) => sum + size, 0);
  const a = median(alone);
  const b = median(bundled);
  process.stdout.write(
    [
      `failing trackers probe (97 trackers), median of ${ROUNDS} interleaved rounds of ${PROBES}:`,
      `  probe alone            ${a.toFixed(2)} ms`,
      `  probe + bundle + prune ${b.toFixed(2)} ms`,
      `  ratio                  ${(b / a).toFixed(2)}× (the bundle: ${(b - a).toFixed(2)} ms)`,
      `bundle size: ${(total / 1024).toFixed(1)} KiB (${files.map(([f, s]) => `${f} ${(s / 1024).toFixed(1)} KiB`).join(', ')})`,
      '',
    ].join('\n'),
  );
} finally {
  client.close();
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
}
