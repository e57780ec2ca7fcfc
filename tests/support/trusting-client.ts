// The client in a process that trusts a private CA as a user's does: through NODE_EXTRA_CA_CERTS,
// which Node reads once, at start-up, so a test with a CA it made a moment ago runs this as a child.
//   NODE_EXTRA_CA_CERTS=ca.pem node --import tsx tests/support/trusting-client.ts REQUESTS.json
// Each request: a base URL, the configuration variables (credentials), and whether to run the
// trackers check too. Prints one JSON array: what each request and check came to.
import { readFileSync } from 'node:fs';
import { runCheck } from '../../src/checks/run.ts';
import { clientFor, type ClientResult } from '../../src/client.ts';
import { loadConfig } from '../../src/config/api.ts';

export interface TrustedRequest {
  baseUrl: string;
  env?: Record<string, string>;
  check?: boolean;
}

export interface TrustedOutcome {
  result: Pick<ClientResult, 'ok' | 'status' | 'failure' | 'timings'> & { trackers?: number };
  check?: { reason?: string; verdict: string; message: string };
}

async function run(r: TrustedRequest): Promise<TrustedOutcome> {
  const loaded = loadConfig(r.env ?? {});
  if (!loaded.ok) throw new Error(loaded.errors.join('; '));
  const client = clientFor(loaded.config, r.baseUrl);
  try {
    const got = await client.getTrackers(loaded.config.customerId);
    const data = (got.body as { data?: unknown[] } | undefined)?.data;
    const outcome: TrustedOutcome = {
      result: { ok: got.ok, status: got.status, failure: got.failure, timings: got.timings, trackers: data?.length },
    };
    if (r.check) {
      const c = await runCheck('trackers', client, loaded.config);
      outcome.check = { reason: c.reason, verdict: c.verdict, message: c.message };
    }
    return outcome;
  } finally {
    client.close();
  }
}

const requests = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as TrustedRequest[];
const outcomes = await Promise.all(requests.map(run));
process.stdout.write(JSON.stringify(outcomes));
