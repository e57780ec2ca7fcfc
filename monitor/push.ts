// Push the registry to a Prometheus Pushgateway (`--once --push`, for cron and
// Kubernetes CronJobs). PUT replaces the whole group, so a run's metrics never
// mix with an older run's. This is monitor plumbing, not the API: the API's only
// HTTP stays in src/client.ts. Never throws, and ends within the timeout whatever
// the gateway does (refuses, hangs, trickles, answers 5xx); the message holds no
// URL user info, in any form, even when the gateway echoes it back.
import { Pushgateway, type Registry, type RegistryContentType } from 'prom-client';
import { abortAfter, systemClock, type Clock } from '../src/clock.ts';

export const PUSH_JOB = 'trackers_contract';
/** Grouping label values go into the URL path: keep them to safe characters. */
export const GROUPING_VALUE = /^[A-Za-z0-9._:-]{1,128}$/;

export interface PushOptions {
  /** Pushgateway base URL (may carry user info for basic auth). */
  url: string;
  jobName?: string;
  /** e.g. { instance: hostname } */
  groupings: Record<string, string>;
  /** The whole push, connect to last byte (default 10 s): prom-client's own timeout is per socket idle, and a trickle resets it. */
  timeoutMs?: number;
  /** Where the deadline's time comes from (default systemClock). */
  clock?: Clock;
}

export const DEFAULT_PUSH_TIMEOUT_MS = 10_000;
const MAX_MESSAGE = 300;

/** Every form the URL's user info could take in an error text: as given, percent-decoded, and as a Basic header. */
function credentialForms(url: string): string[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [];
  }
  const forms = new Set<string>();
  for (const raw of [parsed.username, parsed.password]) {
    if (raw === '') continue;
    forms.add(raw);
    try {
      forms.add(decodeURIComponent(raw));
    } catch {
      // not percent-encoded: the raw form is enough
    }
  }
  if (parsed.password !== '') {
    const pair = `${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}`;
    forms.add(Buffer.from(pair).toString('base64'));
  }
  // Longest first, so a form is never left half-hidden by a shorter one inside it.
  return [...forms].filter((f) => f.length >= 3).sort((a, b) => b.length - a.length);
}

export function redactCredentials(text: string, url: string): string {
  let out = text;
  for (const form of credentialForms(url)) out = out.split(form).join('(hidden)');
  return out;
}

export type PushResult = { ok: true } | { ok: false; message: string };

export async function pushMetrics(registry: Registry<RegistryContentType>, options: PushOptions): Promise<PushResult> {
  for (const [name, value] of Object.entries(options.groupings)) {
    if (!GROUPING_VALUE.test(value))
      return { ok: false, message: `grouping label ${name}: ${JSON.stringify(value)} must match ${GROUPING_VALUE}` };
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_PUSH_TIMEOUT_MS;
  const clock = options.clock ?? systemClock;
  // The abort ends the request, socket included, at the deadline: nothing is left to hold the process open. It is
  // the only timeout: prom-client's idle one would be a second, real-time rule, never sooner than this one.
  const deadline = abortAfter(clock, timeoutMs);
  const gateway = new Pushgateway(options.url, { signal: deadline.signal }, registry);
  try {
    await gateway.push({ jobName: options.jobName ?? PUSH_JOB, groupings: options.groupings });
    return { ok: true };
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const why = deadline.signal.aborted ? `no answer within ${timeoutMs} ms` : `${e.code ? `${e.code}: ` : ''}${e.message}`;
    // Control characters and newlines from the gateway's body: one printable line.
    // eslint-disable-next-line no-control-regex -- stripping them is the point
    const line = redactCredentials(why, options.url).replace(/[\s\u0000-\u001f\u007f-\u009f]+/g, ' ');
    const text = line.length > MAX_MESSAGE ? `${line.slice(0, MAX_MESSAGE)}… (${line.length} chars)` : line;
    return { ok: false, message: `push to the Pushgateway failed: ${text}` };
  } finally {
    deadline.cancel();
  }
}
