// --alertmanager-url: a silence in Alertmanager (API v2) for each maintenance window, matching its
// targets' alerts, so routes and receivers outside these rules (another team's alerts on the same
// target label, a blackbox_exporter's) are quiet too. The monitor owns the silences it created: it
// finds them by createdBy and a key in the comment, so a restart, a reload or a second monitor of
// the fleet creates no duplicate, and a window that leaves the file has its silence deleted.
// Alertmanager being down never stops probing: a failed sync is one log line and a retry later.
import { abortAfter, type Clock } from '../src/clock.ts';
import type { Secret } from '../src/secret.ts';
import { splitUserInfo } from './user-info.ts';
import { appliesTo, type MaintenanceSchedule, type Occurrence } from './maintenance.ts';

export const SILENCE_CREATED_BY = 'trackers-contract monitor';

/** The one alert a maintenance window never silences: requests served without valid credentials. */
export const ALWAYS_PAGES = 'TrackersAuthNotEnforced';

/** Silences are made for windows in force or starting within this: Alertmanager holds them as pending. */
export const SILENCE_LOOKAHEAD_MS = 15 * 60_000;
const REQUEST_TIMEOUT_MS = 10_000;

export interface SilenceSyncOptions {
  /** Alertmanager's base URL, e.g. http://alertmanager:9093; user info there is sent as Basic auth. */
  url: Secret;
  schedule: MaintenanceSchedule;
  /** This monitor's target names: a window without `targets` silences these. */
  targets: readonly string[];
  clock: Clock;
}

interface Silence {
  id: string;
  createdBy: string;
  comment: string;
  status: { state: 'active' | 'pending' | 'expired' };
}

export type SyncResult = { ok: true; created: number; deleted: number; kept: number } | { ok: false; error: string };

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The marker in a silence's comment that says which occurrence it is for (the comment starts with the reason). */
function keyOf(o: Occurrence, names: readonly string[]): string {
  return `[maintenance ${JSON.stringify(o.window.name)} ${new Date(o.startMs).toISOString()}/${new Date(o.endMs).toISOString()} targets=${names.join(',')}]`;
}

async function request(o: SilenceSyncOptions, method: string, path: string, body?: unknown): Promise<unknown> {
  const deadline = abortAfter(o.clock, REQUEST_TIMEOUT_MS);
  const { base, authorization } = splitUserInfo(o.url);
  const headers: Record<string, string> = body === undefined ? {} : { 'Content-Type': 'application/json' };
  if (authorization !== undefined) headers.Authorization = authorization;
  try {
    const res = await fetch(`${base}/${path}`, {
      method,
      signal: deadline.signal,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status}`);
    return text === '' ? undefined : (JSON.parse(text) as unknown);
  } finally {
    deadline.cancel();
  }
}

/** Make Alertmanager's silences of this monitor match the windows now. Never throws. */
export async function syncSilences(o: SilenceSyncOptions): Promise<SyncResult> {
  try {
    const now = o.clock.epochMs();
    // Each occurrence with this monitor's targets it covers: the silence's key and its matcher.
    const wanted = new Map<string, { occ: Occurrence; names: string[] }>();
    for (const occ of o.schedule.between(now, now + SILENCE_LOOKAHEAD_MS)) {
      const names = o.targets.filter((t) => appliesTo(occ.window, t));
      if (names.length > 0) wanted.set(keyOf(occ, names), { occ, names });
    }
    const existing = ((await request(o, 'GET', 'api/v2/silences')) as Silence[]).filter(
      (s) => s.createdBy === SILENCE_CREATED_BY && s.status.state !== 'expired',
    );
    const have = new Set<string>();
    let deleted = 0;
    for (const s of existing) {
      const key = /\[maintenance .* targets=([^\]]*)\]$/.exec(s.comment);
      // Another monitor's (a shard with other targets): not this one's to delete.
      if (!key || key[1]!.split(',').some((t) => !o.targets.includes(t))) continue;
      if (wanted.has(key[0]) && !have.has(key[0])) have.add(key[0]);
      else {
        await request(o, 'DELETE', `api/v2/silence/${encodeURIComponent(s.id)}`);
        deleted++;
      }
    }
    let created = 0;
    for (const [key, { occ, names }] of wanted) {
      if (have.has(key)) continue;
      await request(o, 'POST', 'api/v2/silences', {
        matchers: [
          { name: 'target', value: `^(?:${names.map(escapeRegex).join('|')})$`, isRegex: true, isEqual: true },
          // A security regression pages in a window too (trackers-alerts.rules.yml), so its silence must not hide it.
          { name: 'alertname', value: ALWAYS_PAGES, isRegex: false, isEqual: false },
        ],
        startsAt: new Date(occ.startMs).toISOString(),
        endsAt: new Date(occ.endMs).toISOString(),
        createdBy: SILENCE_CREATED_BY,
        comment: `${occ.window.reason ?? occ.window.name} ${key}`,
      });
      created++;
    }
    return { ok: true, created, deleted, kept: have.size };
  } catch (e) {
    const cause = e instanceof Error ? (e.cause as { code?: string } | undefined)?.code : undefined;
    const error =
      e instanceof Error ? (e.name === 'AbortError' ? 'timed out' : `${e.message}${cause ? ` (${cause})` : ''}`) : String(e);
    return { ok: false, error: error.split('\n')[0]!.slice(0, 300) };
  }
}
