// Maintenance windows (the targets file's `maintenance`): planned time when a target may fail
// without paging or spending error budget. The monitor keeps probing through a window, so recovery
// shows and the counters stay honest; what changes is what the window tells the outputs (the
// trackers_maintenance gauge, the maintenance probe counters the SLO rules subtract, the status
// page, the log, Alertmanager silences). Pure functions of the file and an instant: time is passed
// in, never read here.
import { isTimeZone, parseCron, startsBetween, type Cron } from './cron.ts';
import { dateTimeEpochMs } from '../src/rfc3339-date-time.ts';
import type { MaintenanceWindowSpec } from '../src/types.generated.ts';

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;
/** A recurring window lasts at most this long: longer is not maintenance but a change of target. */
export const MAX_DURATION_MS = 7 * DAY_MS;
/** The status page's look ahead. */
export const UPCOMING_DAYS = 7;

/** A maintenance window as the file declares it, checked. */
export interface MaintenanceWindow {
  name: string;
  reason?: string;
  /** Target names; undefined: every target. */
  targets?: readonly string[];
  schedule:
    | { kind: 'once'; startMs: number; endMs: number }
    | { kind: 'cron'; cron: Cron; expression: string; durationMs: number; timeZone: string };
}

/** One occurrence of a window: [startMs, endMs). */
export interface Occurrence {
  window: MaintenanceWindow;
  startMs: number;
  endMs: number;
}

/** "90m", "2h", "1h30m", "1d" → ms; undefined when empty or malformed. */
export function parseDuration(text: string): number | undefined {
  const m = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$/.exec(text);
  if (!m || text === '') return undefined;
  return ((Number(m[1] ?? 0) * 24 + Number(m[2] ?? 0)) * 60 + Number(m[3] ?? 0)) * MINUTE_MS;
}

/**
 * The file's windows checked against its target names. `at` is the JSON path of the array; each
 * error is one phrase starting with the path of the bad field.
 */
export function parseMaintenance(
  specs: readonly MaintenanceWindowSpec[],
  targetNames: readonly string[],
  at = '$.maintenance',
): { ok: true; windows: MaintenanceWindow[] } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const windows: MaintenanceWindow[] = [];
  const known = new Set(targetNames);
  const names = new Map<string, number>();
  specs.forEach((spec, i) => {
    const here = `${at}[${i}]`;
    const before = errors.length;
    const earlier = names.get(spec.name);
    if (earlier !== undefined) errors.push(`${here}.name: "${spec.name}" is already the name of ${at}[${earlier}]`);
    else names.set(spec.name, i);
    if (spec.reason !== undefined && [...spec.reason].length > 300) errors.push(`${here}.reason: longer than 300 characters`);
    spec.targets?.forEach((t, j) => {
      if (!known.has(t)) errors.push(`${here}.targets[${j}]: "${t}" is not a target of this file`);
    });
    const once = spec.start !== undefined || spec.end !== undefined;
    const recurring = spec.cron !== undefined || spec.duration !== undefined || spec.timeZone !== undefined;
    let schedule: MaintenanceWindow['schedule'] | undefined;
    if (once === recurring || (once && (spec.start === undefined || spec.end === undefined))) {
      errors.push(`${here}: give either start and end, or cron and duration (with an optional timeZone)`);
    } else if (once) {
      const startMs = dateTimeEpochMs(spec.start!);
      const endMs = dateTimeEpochMs(spec.end!);
      // The schema's date-time format has checked both already.
      if (startMs === undefined || endMs === undefined) errors.push(`${here}: start and end must be RFC 3339`);
      else if (endMs <= startMs) errors.push(`${here}.end: ${spec.end} is not after start ${spec.start}`);
      else schedule = { kind: 'once', startMs, endMs };
    } else {
      const timeZone = spec.timeZone ?? 'UTC';
      const cron = spec.cron === undefined ? undefined : parseCron(spec.cron);
      const durationMs = spec.duration === undefined ? undefined : parseDuration(spec.duration);
      if (!cron) errors.push(`${here}.cron: required with duration`);
      else if (!cron.ok) errors.push(`${here}.cron: "${spec.cron}" ${cron.error}`);
      if (spec.duration === undefined) errors.push(`${here}.duration: required with cron, e.g. "90m"`);
      else if (durationMs === undefined || durationMs <= 0 || durationMs > MAX_DURATION_MS)
        errors.push(`${here}.duration: "${spec.duration}" must be like "90m", "2h" or "1h30m", from 1 minute to 7 days`);
      if (!isTimeZone(timeZone)) errors.push(`${here}.timeZone: "${timeZone}" is not an IANA time zone (e.g. Europe/Berlin)`);
      if (errors.length === before && cron?.ok && durationMs !== undefined)
        schedule = { kind: 'cron', cron: cron.cron, expression: spec.cron!, durationMs, timeZone };
    }
    if (schedule && errors.length === before)
      windows.push({ name: spec.name, reason: spec.reason, targets: spec.targets, schedule });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, windows };
}

export function appliesTo(window: MaintenanceWindow, target: string): boolean {
  return window.targets === undefined || window.targets.includes(target);
}

/**
 * Where the windows fall in time. Recurring starts are computed a UTC day at a time and kept, so
 * asking about every probe costs a lookup, not a scan of a week of minutes.
 */
export class MaintenanceSchedule {
  private readonly days = new Map<number, Occurrence[]>();
  /** The longest window's length, capped at MAX_DURATION_MS: how far before a range between() looks for starts. */
  private readonly lookBackMs: number;

  constructor(readonly windows: readonly MaintenanceWindow[]) {
    const longest = Math.max(
      0,
      ...windows.map((w) => (w.schedule.kind === 'once' ? w.schedule.endMs - w.schedule.startMs : w.schedule.durationMs)),
    );
    this.lookBackMs = Math.min(longest, MAX_DURATION_MS);
  }

  /** Occurrences that started on the UTC day `day` (days since the epoch). */
  private startedOn(day: number): Occurrence[] {
    let list = this.days.get(day);
    if (!list) {
      list = [];
      const from = day * DAY_MS;
      const to = from + DAY_MS;
      for (const w of this.windows) {
        const s = w.schedule;
        if (s.kind === 'once') {
          if (s.startMs >= from && s.startMs < to) list.push({ window: w, startMs: s.startMs, endMs: s.endMs });
        } else {
          for (const start of startsBetween(s.cron, s.timeZone, from, to))
            list.push({ window: w, startMs: start, endMs: start + s.durationMs });
        }
      }
      list.sort((a, b) => a.startMs - b.startMs);
      // Bounded memory for a service that runs for months: a day is cheap to compute again.
      if (this.days.size > 64) this.days.clear();
      this.days.set(day, list);
    }
    return list;
  }

  /** Occurrences overlapping [fromMs, toMs), by start. */
  between(fromMs: number, toMs: number): Occurrence[] {
    const out: Occurrence[] = [];
    const first = Math.floor((fromMs - this.lookBackMs) / DAY_MS);
    const last = Math.floor((toMs - 1) / DAY_MS);
    for (let day = first; day <= last; day++) {
      for (const o of this.startedOn(day)) if (o.startMs < toMs && o.endMs > fromMs) out.push(o);
    }
    // A one-off window longer than a week started before the days scanned.
    for (const w of this.windows) {
      const s = w.schedule;
      if (s.kind === 'once' && s.endMs - s.startMs > MAX_DURATION_MS && s.startMs < first * DAY_MS && s.endMs > fromMs)
        out.push({ window: w, startMs: s.startMs, endMs: s.endMs });
    }
    return out.sort((a, b) => a.startMs - b.startMs);
  }

  /** The occurrences in force at `atMs`. */
  activeAt(atMs: number): Occurrence[] {
    return this.windows.length === 0 ? [] : this.between(atMs, atMs + 1);
  }

  /** The window in force for `target` at `atMs` (the one ending last, when several overlap). */
  activeFor(target: string, atMs: number): Occurrence | undefined {
    let found: Occurrence | undefined;
    for (const o of this.activeAt(atMs)) if (appliesTo(o.window, target) && (!found || o.endMs > found.endMs)) found = o;
    return found;
  }

  /** Occurrences in force now or starting within `days` days (the status page's list). */
  upcoming(atMs: number, days = UPCOMING_DAYS): Occurrence[] {
    return this.windows.length === 0 ? [] : this.between(atMs, atMs + days * DAY_MS);
  }
}

/** An occurrence's key: the same window over the same time is the same occurrence (a changed end is a new one). */
const occurrenceKey = (o: Occurrence) => `${o.window.name}\u0000${o.startMs}\u0000${o.endMs}`;

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.000Z$/, 'Z');

/** `"name" 2026-01-01T02:00:00Z-2026-01-01T03:30:00Z (reason)`, printable: names and reasons are quoted as JSON. */
export function describeOccurrence(o: Occurrence): string {
  const reason = o.window.reason === undefined ? '' : ` (reason ${JSON.stringify(o.window.reason)})`;
  return `${JSON.stringify(o.window.name)} ${iso(o.startMs)} to ${iso(o.endMs)}${reason}`;
}

/**
 * The log's view of the windows: tick(atMs) returns a line for each occurrence that started or
 * ended since the previous tick, each once. The first tick announces the windows already in force
 * (a restart mid-window says so) but not ones that ended before it. A reload builds a new watch
 * seeded with the old one's open occurrences, so a window kept across it is not announced again.
 */
export class MaintenanceWatch {
  private open = new Map<string, Occurrence>();

  constructor(
    private readonly schedule: MaintenanceSchedule,
    private readonly format: (o: Occurrence, event: 'start' | 'end') => string,
    seed?: MaintenanceWatch,
  ) {
    if (seed) this.open = new Map(seed.open);
  }

  tick(atMs: number): string[] {
    const lines: string[] = [];
    const now = new Map(this.schedule.activeAt(atMs).map((o) => [occurrenceKey(o), o]));
    for (const [key, o] of this.open) if (!now.has(key)) lines.push(this.format(o, 'end'));
    for (const [key, o] of now) if (!this.open.has(key)) lines.push(this.format(o, 'start'));
    this.open = now;
    return lines;
  }
}

/** An occurrence as /api/status gives it to the page. */
export interface OccurrenceView {
  name: string;
  reason?: string;
  /** null: every target. */
  targets: string[] | null;
  start: number;
  end: number;
}

/** What the status page shows: the windows in force, and the next 7 days' (at most 50, then a count). */
export interface MaintenanceView {
  active: OccurrenceView[];
  upcoming: OccurrenceView[];
  more: number;
}

export const MAX_UPCOMING_SHOWN = 50;

const view = (o: Occurrence): OccurrenceView => ({
  name: o.window.name,
  reason: o.window.reason,
  targets: o.window.targets ? [...o.window.targets] : null,
  start: o.startMs,
  end: o.endMs,
});

export function maintenanceView(schedule: MaintenanceSchedule, atMs: number): MaintenanceView | undefined {
  if (schedule.windows.length === 0) return undefined;
  const upcoming = schedule.upcoming(atMs);
  return {
    active: schedule.activeAt(atMs).map(view),
    upcoming: upcoming.slice(0, MAX_UPCOMING_SHOWN).map(view),
    more: Math.max(0, upcoming.length - MAX_UPCOMING_SHOWN),
  };
}
