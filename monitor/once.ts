// --once: probe every target's enabled checks once, print the exposition, and
// optionally push it (cron, a Kubernetes CronJob). The exit code is the one
// contract of every command (exitCodeFor, src/exit-code.ts).
import { hostname } from 'node:os';
import { ExpositionRegistry } from './exposition.ts';
import { passed } from '../src/checks/result.ts';
import { EXIT, NOT_DONE, exitCodeFor } from '../src/exit-code.ts';
import type { Connection, MainIo, Setup } from './run-context.ts';
import { probeAllOnce } from './loop.ts';
import { createMetrics } from './metrics.ts';
import type { Probe } from './probe.ts';
import { PUSH_JOB, pushMetrics } from './push.ts';
import { createBundleKeeper, DEFAULT_FAILURES_KEEP } from './failure-bundles.ts';
import { describeOccurrence } from './maintenance.ts';
import { systemClock } from '../src/clock.ts';

/** One line per target in a window at `atMs`: the run says so, and judges as ever. */
function maintenanceLines(s: Setup, atMs: number): string[] {
  if (!s.maintenance) return [];
  const lines: string[] = [];
  for (const t of s.targets) {
    const o = s.maintenance.activeFor(t.name, atMs);
    if (o) lines.push(`${t.name} maintenance window ${describeOccurrence(o)} is on: failures still count here`);
  }
  return lines;
}

function describe(r: Probe): string {
  return passed(r) ? `ok    ${r.message}` : `FAIL  ${r.reason}: ${r.message}`;
}

export async function once(s: Setup, io: MainIo, conn: Connection): Promise<number> {
  const registry = new ExpositionRegistry();
  // A per-series label, not an external label: one Prometheus scrapes every location, and the
  // quorum rules count locations (docs/prometheus.md).
  if (s.location !== undefined) registry.setDefaultLabels({ location: s.location });
  // No process_*/nodejs_* metrics: they would describe a process that is about to exit.
  const metrics = createMetrics({
    registry,
    targets: s.targets,
    version: s.version,
    defaultMetrics: false,
    maintenance: s.maintenance,
  });
  const startedAt = (io.clock ?? systemClock).epochMs();
  metrics.markMaintenance(startedAt);
  let results: Probe[];
  try {
    results = await probeAllOnce({ targets: s.targets, clientFor: conn.clientFor, metrics });
  } finally {
    await conn.close();
  }
  io.out(await registry.metrics());
  for (const r of results) io.err(`${r.target} ${r.check.padEnd(9)} ${describe(r)}`);
  // One run: every failing probe is its check's first failure.
  if (s.flags.failuresDir !== undefined) {
    const keeper = createBundleKeeper({
      dir: s.flags.failuresDir,
      keep: s.flags.failuresKeep ?? DEFAULT_FAILURES_KEEP,
      version: s.version,
      log: io.err,
    });
    for (const r of results) keeper.onResult(r);
  }
  // A window changes what pages, not what is true: the verdict and exit code are the probes' own.
  for (const line of maintenanceLines(s, startedAt)) io.err(line);
  let code = exitCodeFor(results);
  if (s.flags.push) {
    const gateway = s.settings.pushgateway!;
    const instance = s.flags.instance ?? hostname();
    // The push is one more request of the run: bounded by the same whole-request timeout (CAP_TIMEOUT_MS).
    const timeoutMs = Math.max(...s.targets.map((t) => t.config.timeoutMs));
    const pushed = await pushMetrics(registry, {
      url: gateway.url.reveal(),
      groupings: { instance },
      timeoutMs,
      clock: io.clock,
    });
    if (pushed.ok) io.err(`pushed to ${gateway.display} (job ${PUSH_JOB}, instance ${instance})`);
    else {
      io.err(pushed.message);
      // Not delivered: Prometheus will not see this run, so a run that passed did not do its job; a
      // failing or inconclusive run keeps its own code.
      if (code === EXIT.pass) code = NOT_DONE;
    }
  }
  return code;
}
