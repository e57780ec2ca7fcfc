// The monitor's real exposition, produced in-process: its metrics module on a fresh Registry,
// fed by real probes (both checks) of an embedded sandbox on a loopback port. After one
// probe per check every metric family has samples, so the index lists every series name
// and label the dashboard and the alert rules may use.
import { ExpositionRegistry } from '../../monitor/exposition.ts';
import { createSandbox } from '../../sandbox/app.ts';
import { loadConfig } from '../../src/config/api.ts';
import { clientFor } from '../../src/client.ts';
import { createMetrics } from '../../monitor/metrics.ts';
import { MONITOR_CHECKS, probe } from '../../monitor/probe.ts';
import { MaintenanceSchedule } from '../../monitor/maintenance.ts';
import { indexExposition, type ExpositionIndex } from './exposition.ts';

/** Labels Prometheus adds to every scraped series (the scrape target), so expressions may use them. */
export const TARGET_LABELS: ReadonlySet<string> = new Set(['job', 'instance']);

/** Series Prometheus itself writes for every scrape target (the rules may use them). */
export const SCRAPE_SERIES: readonly string[] = ['up'];

export async function monitorExposition(): Promise<string> {
  const loaded = loadConfig({});
  if (!loaded.ok) throw new Error(loaded.errors.join('; '));
  const sandbox = createSandbox();
  const baseUrl = await sandbox.listen(0, '127.0.0.1');
  const client = clientFor(loaded.config, baseUrl);
  try {
    const target = { name: 'default', config: loaded.config, authIntervalSeconds: 300 };
    const registry = new ExpositionRegistry();
    // As a fleet member runs it (--location), so the rules' location label is in the index.
    registry.setDefaultLabels({ location: 'test' });
    // In a maintenance window all along, so the maintenance series (present only where a window applies) are in the index.
    const maintenance = new MaintenanceSchedule([
      { name: 'always', schedule: { kind: 'once', startMs: 0, endMs: Date.UTC(9999, 0, 1) } },
    ]);
    const metrics = createMetrics({ registry, targets: [target], version: '0.0.0-test', maintenance });
    for (const check of MONITOR_CHECKS) metrics.record(await probe(client, target, check));
    // A contract break last, so trackers_probe_failing (present only while failing) has its labels too.
    metrics.record(await probe(client, target, 'trackers', { headers: { 'X-Sandbox-Fault': 'mutation=id-string' } }));
    return await metrics.registry.metrics();
  } finally {
    client.close();
    await sandbox.close();
  }
}

export async function monitorIndex(): Promise<ExpositionIndex> {
  return indexExposition(await monitorExposition());
}
