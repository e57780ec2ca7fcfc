// The monitor's cost and accuracy, as ratios against baselines measured in the same run
// (absolute figures mean little on a shared machine):
//  1. probes per CPU-second of this process, with full validation of the documented
//     97-tracker body, against a bare HTTP GET of the same URL (no parse, no validation);
//  2. latency accuracy against a fixed injected sandbox delay (latency=200): measured − 200 ms
//     for our probe, for Prometheus's blackbox_exporter probing the same URL with the same
//     headers, and for a bare GET (the floor), interleaved so that load hits all alike.
// The sandbox runs in its own process, so its CPU is not counted. npm run bench:monitor
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { basicAuthHeader } from '../src/auth.ts';
import { SANDBOX_PASSWORD, SANDBOX_USERNAME, loadConfig } from '../src/config/api.ts';
import { clientFor } from '../src/client.ts';
import { warmUpValidator } from '../src/validate.ts';
import { probe } from '../monitor/probe.ts';
import { durationMs, passed } from '../src/checks/result.ts';
import type { TargetEntry } from '../monitor/targets.ts';
import { lookupOnPath } from '../tests/support/require-binary.ts';
import { getText } from '../tests/support/processes.ts';
import { startSandboxProcess } from '../tests/support/sandbox-process.ts';
import { sampleValue, startBlackbox, type Blackbox } from './blackbox.ts';
import { mean, median, quantile } from './stats.ts';

const CONCURRENCY = 16;
const ROUND_MS = 3000;
const ROUNDS = 3;
const DELAY_MS = 200;
const LATENCY_SAMPLES = 40;
const FAULT_HEADER = 'X-Sandbox-Fault';

const AUTH = basicAuthHeader(SANDBOX_USERNAME, SANDBOX_PASSWORD);

/** A bare GET: connect, send, read the whole body, nothing else. Resolves with the elapsed ms. */
function bareGet(url: string, headers: Record<string, string>): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.get(
      url,
      { headers: { Authorization: AUTH, Accept: 'application/json', ...headers }, agent: false },
      (res) => {
        res.on('data', () => {});
        res.on('end', () =>
          res.statusCode === 200 ? resolve(performance.now() - t0) : reject(new Error(`HTTP ${res.statusCode}`)),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
  });
}

/** Run `fn` with CONCURRENCY workers for `ms`; count and CPU-seconds of this process. */
async function saturate(
  ms: number,
  fn: () => Promise<unknown>,
): Promise<{ count: number; cpuSeconds: number; wallSeconds: number }> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let count = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() - t0 < ms) {
        await fn();
        count++;
      }
    }),
  );
  const cpu = process.cpuUsage(cpu0);
  return { count, cpuSeconds: (cpu.user + cpu.system) / 1e6, wallSeconds: (performance.now() - t0) / 1000 };
}

function metricValue(exposition: string, name: string): number {
  const value = sampleValue(exposition, name);
  if (value === undefined) throw new Error(`no ${name} in the blackbox_exporter answer`);
  return value;
}

async function main(): Promise<void> {
  const loaded = loadConfig({});
  if (!loaded.ok) throw new Error(loaded.errors.join('; '));
  const config = loaded.config;
  const target: TargetEntry = { name: 'bench', config, intervalSeconds: 1, notFoundIntervalSeconds: 1, authIntervalSeconds: 0 };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'trackers-bench-'));
  const sandbox = await startSandboxProcess();
  const client = clientFor(config, sandbox.baseUrl);
  const url = `${sandbox.baseUrl}/v2/customers/${config.customerId}/trackers`;
  let blackbox: Blackbox | undefined;
  const lines: string[] = [];
  try {
    warmUpValidator();
    const first = await probe(client, target, 'trackers');
    if (!passed(first)) throw new Error(`the probe fails against the sandbox: ${first.message}`);

    // 1. Throughput per CPU-second, interleaved rounds.
    const bare: { count: number; cpuSeconds: number; wallSeconds: number }[] = [];
    const ours: typeof bare = [];
    await saturate(500, () => bareGet(url, {})); // warm-up
    await saturate(500, () => probe(client, target, 'trackers'));
    for (let r = 0; r < ROUNDS; r++) {
      bare.push(await saturate(ROUND_MS, () => bareGet(url, {})));
      ours.push(
        await saturate(ROUND_MS, async () => {
          const res = await probe(client, target, 'trackers');
          if (!passed(res)) throw new Error(`probe failed during the bench: ${res.message}`);
        }),
      );
    }
    const perCpu = (xs: typeof bare) => xs.reduce((a, x) => a + x.count, 0) / xs.reduce((a, x) => a + x.cpuSeconds, 0);
    const perWall = (xs: typeof bare) => xs.reduce((a, x) => a + x.count, 0) / xs.reduce((a, x) => a + x.wallSeconds, 0);
    const ourRate = perCpu(ours);
    const bareRate = perCpu(bare);
    lines.push(
      `bench/monitor: ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), concurrency ${CONCURRENCY}, ${ROUNDS} interleaved rounds × ${ROUND_MS / 1000} s, sandbox in its own process`,
      '  throughput (per CPU-second of this process = per core; wall-clock rate is bounded by the sandbox sharing the machine)',
      `    bare GET (baseline)             ${bareRate.toFixed(0).padStart(6)} /CPU-s   ${perWall(bare).toFixed(0).padStart(5)} /s wall   1.00×`,
      `    probe + full validation (97)    ${ourRate.toFixed(0).padStart(6)} /CPU-s   ${perWall(ours).toFixed(0).padStart(5)} /s wall   ${(ourRate / bareRate).toFixed(2)}× bare  (${(1000 / ourRate - 1000 / bareRate).toFixed(2)} ms CPU more per probe)`,
    );

    // 2. Latency accuracy against latency=200, interleaved one by one.
    const bin = lookupOnPath('prometheus-blackbox-exporter');
    if (bin)
      blackbox = await startBlackbox(bin, dir, {
        Authorization: AUTH,
        Accept: 'application/json',
        [FAULT_HEADER]: `latency=${DELAY_MS}`,
      });
    const errOurs: number[] = [];
    const errBare: number[] = [];
    const errBlackbox: number[] = [];
    let blackboxFailures = 0;
    const fault = { [FAULT_HEADER]: `latency=${DELAY_MS}` };
    for (let i = 0; i < LATENCY_SAMPLES + 2; i++) {
      const o = await probe(client, target, 'trackers', { headers: fault });
      if (!passed(o)) throw new Error(`probe with latency=${DELAY_MS} failed: ${o.message}`);
      const b = await bareGet(url, fault);
      let bb: number | undefined;
      if (blackbox) {
        const text = await getText(blackbox.probeUrl(url));
        if (metricValue(text, 'probe_success') === 1) bb = metricValue(text, 'probe_duration_seconds') * 1000;
        else blackboxFailures++;
      }
      if (i < 2) continue; // warm-up
      errOurs.push(durationMs(o) - DELAY_MS);
      errBare.push(b - DELAY_MS);
      if (bb !== undefined) errBlackbox.push(bb - DELAY_MS);
    }
    const row = (name: string, xs: number[]) =>
      `    ${name.padEnd(36)} mean ${mean(xs).toFixed(2).padStart(6)}  p50 ${median(xs).toFixed(2).padStart(6)}  p95 ${quantile(xs, 0.95).toFixed(2).padStart(6)}  (ms over ${DELAY_MS})`;
    lines.push(
      `  latency accuracy: ${LATENCY_SAMPLES} sequential requests each, sandbox delay ${DELAY_MS} ms before the headers`,
      row('bare GET (floor)', errBare),
      row('our probe (durationMs)', errOurs),
    );
    if (blackbox) {
      if (errBlackbox.length === 0)
        lines.push(
          `    blackbox_exporter: every probe failed (${blackboxFailures}); see its output:\n${blackbox.service.output()}`,
        );
      else {
        lines.push(row('blackbox_exporter (probe_duration)', errBlackbox));
        lines.push(
          `    our mean error / blackbox_exporter's: ${(mean(errOurs) / mean(errBlackbox)).toFixed(2)}×; our p95 / blackbox's p95: ${(quantile(errOurs, 0.95) / quantile(errBlackbox, 0.95)).toFixed(2)}×` +
            (blackboxFailures ? ` (${blackboxFailures} blackbox probes failed)` : ''),
        );
      }
    } else {
      lines.push('    blackbox_exporter: not installed (apt-get install -y prometheus-blackbox-exporter); no comparison');
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    client.close();
    await blackbox?.stop();
    await sandbox.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench/monitor: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
