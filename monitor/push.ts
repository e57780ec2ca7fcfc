// Push the registry to a Prometheus Pushgateway (`--once --push`, for cron and
// Kubernetes CronJobs). PUT replaces the whole group, so a run's metrics never
// mix with an older run's. This is monitor plumbing, not the API: the API's only
// HTTP stays in src/client.ts. Never throws; the message holds no URL user info.
import { Pushgateway, type Registry, type RegistryContentType } from 'prom-client';

export const PUSH_JOB = 'trackers_contract';
/** Grouping label values go into the URL path: keep them to safe characters. */
export const GROUPING_VALUE = /^[A-Za-z0-9._:-]{1,128}$/;

export interface PushOptions {
  /** Pushgateway base URL (may carry user info for basic auth). */
  url: string;
  jobName?: string;
  /** e.g. { instance: hostname } */
  groupings: Record<string, string>;
  timeoutMs?: number;
}

export type PushResult = { ok: true } | { ok: false; message: string };

export async function pushMetrics(registry: Registry<RegistryContentType>, options: PushOptions): Promise<PushResult> {
  for (const [name, value] of Object.entries(options.groupings)) {
    if (!GROUPING_VALUE.test(value))
      return { ok: false, message: `grouping label ${name}: ${JSON.stringify(value)} must match ${GROUPING_VALUE}` };
  }
  const gateway = new Pushgateway(options.url, { timeout: options.timeoutMs ?? 10_000 }, registry);
  try {
    await gateway.push({ jobName: options.jobName ?? PUSH_JOB, groupings: options.groupings });
    return { ok: true };
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const text = `${e.code ? `${e.code}: ` : ''}${e.message}`.replace(/\s+/g, ' ').slice(0, 300);
    return { ok: false, message: `push to the Pushgateway failed: ${text}` };
  }
}
