// Prometheus's blackbox_exporter (Debian package), started for a bench with one
// `trackers` module: an HTTP GET with the given headers, 200 expected.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { freePort, startService, waitFor, type Service } from '../tests/support/processes.ts';

export interface Blackbox {
  service: Service;
  probeUrl: (target: string) => string;
  stop(): Promise<void>;
}

export async function startBlackbox(binary: string, dir: string, headers: Record<string, string>): Promise<Blackbox> {
  const configFile = path.join(dir, 'blackbox.yml');
  // JSON is YAML. The headers carry the sandbox's public demo credential.
  writeFileSync(
    configFile,
    JSON.stringify({
      modules: {
        trackers: {
          prober: 'http',
          timeout: '5s',
          http: {
            method: 'GET',
            preferred_ip_protocol: 'ip4',
            valid_status_codes: [200],
            headers,
          },
        },
      },
    }),
  );
  const port = await freePort();
  const service = startService('blackbox_exporter', binary, [
    `--config.file=${configFile}`,
    `--web.listen-address=127.0.0.1:${port}`,
    '--log.level=warn',
  ]);
  const base = `http://127.0.0.1:${port}`;
  await waitFor('blackbox_exporter to listen', async () => ((await fetch(`${base}/-/healthy`)).ok ? true : undefined), {
    services: [service],
    timeoutMs: 20_000,
  });
  return {
    service,
    probeUrl: (target) => `${base}/probe?module=trackers&target=${encodeURIComponent(target)}`,
    stop: () => service.stop(),
  };
}

/** The value of a metric's first sample in an exposition (blackbox_exporter's /probe answer), or undefined. */
export function sampleValue(exposition: string, name: string): number | undefined {
  const m = exposition.match(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm'));
  return m ? Number(m[1]) : undefined;
}
