// CPU per probe: the monitor as it ships (trackers-contract monitor, compiled by tsc and
// run by plain node: bench/compile-for-node.ts; every probe validated) against
// Prometheus's blackbox_exporter (one HTTP GET, no body check), same URL, same
// Authorization and Accept headers, same rate. Each process's CPU comes from /proc/<pid>/stat, so the driver's
// work is nobody's. Rounds interleave: while one runs, the other is stopped
// (SIGSTOP) or idle. The monitor's CPU includes everything it does meanwhile
// (timers, metrics, status history, runtime metrics), and blackbox_exporter's
// includes answering the /probe requests that drive it, as a scrape would.
//   npm run bench:monitor-cpu   (RATE per second, ROUNDS, ROUND_S)
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { basicAuthHeader } from '../src/auth.ts';
import { SANDBOX_PASSWORD, SANDBOX_USERNAME, loadConfig } from '../src/config/api.ts';
import { lookupOnPath } from '../tests/support/require-binary.ts';
import { childEnv, getText, waitFor, type Service, startService } from '../tests/support/processes.ts';
import { sampleValue, startBlackbox } from './blackbox.ts';
import { compileForNode } from './compile-for-node.ts';
import { startSandboxProcess } from '../tests/support/sandbox-process.ts';
import { median } from './stats.ts';

const RATE = Number(process.env.RATE ?? 50);
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const ROUND_S = Number(process.env.ROUND_S ?? 8);
const SETTLE_MS = 1500;
const TICK_HZ = 100; // USER_HZ: /proc times are in 1/100 s on Linux

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** User + system CPU seconds of a process so far. */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICK_HZ;
}

function trackersProbes(exposition: string): number {
  let sum = 0;
  for (const m of exposition.matchAll(/^trackers_probes_total\{[^}]*check="trackers"[^}]*\} (\S+)$/gm)) sum += Number(m[1]);
  return sum;
}

async function main(): Promise<void> {
  // Compiled from today's sources: what ships, and never a stale dist/.
  const cli = compileForNode('cli/trackers-contract.ts');
  const bin = lookupOnPath('prometheus-blackbox-exporter');
  if (!bin) throw new Error('prometheus-blackbox-exporter is not installed (apt-get install -y prometheus-blackbox-exporter)');
  const loaded = loadConfig({});
  if (!loaded.ok) throw new Error(loaded.errors.join('; '));
  const { customerId } = loaded.config;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'trackers-bench-cpu-'));
  const sandbox = await startSandboxProcess();
  const url = `${sandbox.baseUrl}/v2/customers/${customerId}/trackers`;
  const headers = { Authorization: basicAuthHeader(SANDBOX_USERNAME, SANDBOX_PASSWORD), Accept: 'application/json' };
  const blackbox = await startBlackbox(bin, dir, headers);
  let monitor: Service | undefined;
  try {
    // RATE targets at 1 s each: RATE trackers probes a second. The other checks are (nearly) off.
    const targetsFile = path.join(dir, 'targets.json');
    writeFileSync(
      targetsFile,
      JSON.stringify({
        targets: Array.from({ length: RATE }, (_, i) => ({
          name: `t${i}`,
          baseUrl: sandbox.baseUrl,
          auth: { usernameEnv: 'BENCH_USERNAME', passwordEnv: 'BENCH_PASSWORD' },
          intervalSeconds: 1,
          notFoundIntervalSeconds: 86400,
          authIntervalSeconds: 0,
        })),
      }),
    );
    monitor = startService(
      'monitor',
      process.execPath,
      [cli, 'monitor', '--config', targetsFile, '--port', '0', '--summary-interval', '0'],
      childEnv({ BENCH_USERNAME: SANDBOX_USERNAME, BENCH_PASSWORD: SANDBOX_PASSWORD }),
    );
    const m = monitor;
    const base = await waitFor(
      'the monitor to listen',
      () => m.output().match(/^metrics: (http:\/\/127\.0\.0\.1:\d+)\/metrics$/m)?.[1],
      {
        services: [m],
        timeoutMs: 20_000,
      },
    );
    const pid = m.child.pid!;
    const ours: number[] = [];
    const theirs: number[] = [];
    let blackboxFailures = 0;
    await sleep(SETTLE_MS);
    // Round -1 of each side is a warm-up, not counted: the monitor's CPU per probe falls over its first
    // rounds (2.11 → 1.27 ms in one run without it; 2.30 → 1.62 after it), and a monitor runs for days.
    for (let round = -1; round < ROUNDS; round++) {
      // Ours: the monitor runs; blackbox_exporter gets no requests.
      process.kill(pid, 'SIGCONT');
      await sleep(SETTLE_MS);
      const p0 = trackersProbes(await getText(`${base}/metrics`));
      const c0 = cpuSeconds(pid);
      await sleep(ROUND_S * 1000);
      const c1 = cpuSeconds(pid);
      const p1 = trackersProbes(await getText(`${base}/metrics`));
      process.kill(pid, 'SIGSTOP');
      if (round >= 0) ours.push(((c1 - c0) * 1000) / (p1 - p0));

      // Theirs: RATE /probe requests a second, as Prometheus would send them.
      const bpid = blackbox.service.child.pid!;
      const b0 = cpuSeconds(bpid);
      let sent = 0;
      const inFlight = new Set<Promise<void>>();
      const started = performance.now();
      while (performance.now() - started < ROUND_S * 1000) {
        const due = Math.floor(((performance.now() - started) / 1000) * RATE);
        for (; sent < due; sent++) {
          const p: Promise<void> = getText(blackbox.probeUrl(url))
            .then((text) => {
              if (sampleValue(text, 'probe_success') !== 1) blackboxFailures++;
            })
            .catch(() => void blackboxFailures++)
            .finally(() => inFlight.delete(p));
          inFlight.add(p);
        }
        await sleep(5);
      }
      await Promise.all(inFlight);
      if (round >= 0) theirs.push(((cpuSeconds(bpid) - b0) * 1000) / sent);
    }
    const o = median(ours);
    const t = median(theirs);
    const fmt = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(' ');
    process.stdout.write(
      [
        `bench/monitor-cpu: ${os.cpus().length} CPUs, ${RATE} trackers probes/s, ${ROUNDS} interleaved rounds × ${ROUND_S} s after one of warm-up, CPU from /proc`,
        `  blackbox_exporter (GET, no body check)    ${t.toFixed(2)} ms CPU per probe   rounds: ${fmt(theirs)}${blackboxFailures ? `  (${blackboxFailures} failed)` : ''}`,
        `  trackers-contract monitor (validated)    ${o.toFixed(2)} ms CPU per probe   rounds: ${fmt(ours)}`,
        `  ratio ${(o / t).toFixed(2)}× blackbox_exporter   (goal ≤ 1.0×: ${o / t <= 1 ? 'met' : 'NOT met'})`,
      ].join('\n') + '\n',
    );
  } finally {
    if (monitor?.child.pid) process.kill(monitor.child.pid, 'SIGCONT');
    await monitor?.stop();
    await blackbox.stop();
    await sandbox.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:monitor-cpu: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
