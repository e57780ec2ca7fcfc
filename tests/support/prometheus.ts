// A real Prometheus (and Pushgateway) for end-to-end tests: a temporary config and data
// directory under os.tmpdir(), loopback ports, 1 s scrape and evaluation intervals, and a
// copy of the project's alert rules with short `for:` and range windows so that alerts
// fire within seconds. Everything is removed by stop().
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RULES_FILE, withFor } from './rules-file.ts';
import { freePort, getJson, startService, waitFor, type Service } from './processes.ts';

export interface PromSample {
  metric: Record<string, string>;
  value: [number, string];
}

export interface PromAlert {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  state: 'pending' | 'firing';
  value: string;
}

export interface RunningPrometheus {
  url: string;
  service: Service;
  /** Instant query; the result vector. */
  query(expr: string): Promise<PromSample[]>;
  /** Active alerts (pending and firing). */
  alerts(): Promise<PromAlert[]>;
  stop(): Promise<void>;
}

/** The alert rules for a test: every `for:` set to `forDuration`, every range window `[Nm]` to `range`. */
export function testRules(forDuration: string, range: string, text = readFileSync(RULES_FILE, 'utf8')): string {
  return withFor(text, forDuration).replace(/\[\d+[smh]\]/g, `[${range}]`);
}

export async function startPrometheus(options: {
  binary: string;
  /** host:port targets scraped every second as job "trackers-monitor". */
  targets: string[];
  rules?: string;
  honorLabels?: boolean;
  /** A port chosen beforehand (freePort()), when a process started earlier must know the URL. */
  port?: number;
  /**
   * An existing TSDB to serve (blocks written by `promtool tsdb create-blocks-from`), the caller's to remove: kept
   * whatever its age (Prometheus drops blocks older than its retention, counted back from the newest block).
   */
  tsdb?: string;
}): Promise<RunningPrometheus> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'trackers-e2e-prometheus-'));
  const port = options.port ?? (await freePort());
  const rulesFile = path.join(dir, 'rules.yml');
  if (options.rules) writeFileSync(rulesFile, options.rules);
  // JSON is YAML: no YAML library needed to write the config.
  const config = {
    global: { scrape_interval: '1s', scrape_timeout: '1s', evaluation_interval: '1s' },
    rule_files: options.rules ? [rulesFile] : [],
    scrape_configs:
      options.targets.length === 0
        ? []
        : [
            {
              job_name: 'trackers-monitor',
              honor_labels: options.honorLabels ?? false,
              static_configs: [{ targets: options.targets }],
            },
          ],
  };
  const configFile = path.join(dir, 'prometheus.yml');
  writeFileSync(configFile, JSON.stringify(config, null, 2));
  const url = `http://127.0.0.1:${port}`;
  const service = startService('prometheus', options.binary, [
    `--config.file=${configFile}`,
    `--storage.tsdb.path=${options.tsdb ?? path.join(dir, 'data')}`,
    ...(options.tsdb === undefined ? [] : ['--storage.tsdb.retention.time=3650d']),
    `--web.listen-address=127.0.0.1:${port}`,
    '--log.level=warn',
  ]);
  const stop = async () => {
    await service.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitFor(
      'Prometheus to be ready',
      async () => ((await fetch(`${url}/-/ready`, { signal: AbortSignal.timeout(2000) })).ok ? true : undefined),
      { services: [service], timeoutMs: 30_000 },
    );
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    url,
    service,
    async query(expr) {
      const body = await getJson<{ status: string; data: { resultType: string; result: PromSample[] } }>(
        `${url}/api/v1/query?query=${encodeURIComponent(expr)}`,
      );
      if (body.data.resultType !== 'vector') throw new Error(`query ${expr}: a ${body.data.resultType}, not a vector`);
      return body.data.result;
    },
    async alerts() {
      const body = await getJson<{ data: { alerts: PromAlert[] } }>(`${url}/api/v1/alerts`);
      return body.data.alerts;
    },
    stop,
  };
}

export interface RunningPushgateway {
  url: string;
  service: Service;
  stop(): Promise<void>;
}

export async function startPushgateway(binary: string): Promise<RunningPushgateway> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const service = startService('pushgateway', binary, [
    `--web.listen-address=127.0.0.1:${port}`,
    // In memory only: the Debian default persists to /var/lib/prometheus.
    '--persistence.file=',
    '--log.level=warn',
  ]);
  try {
    await waitFor(
      'the Pushgateway to be ready',
      async () => ((await fetch(`${url}/-/ready`, { signal: AbortSignal.timeout(2000) })).ok ? true : undefined),
      { services: [service], timeoutMs: 30_000 },
    );
  } catch (err) {
    await service.stop();
    throw err;
  }
  return { url, service, stop: () => service.stop() };
}
