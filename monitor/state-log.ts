// The terminal: one logfmt line per state change of a check (UP, DEGRADED, DOWN,
// with the reason and the broken field), and a periodic summary line, so a person
// watching `npm start` sees what changed and that the monitor is working, without
// a line per successful probe.
import type { CheckState } from './check-state.ts';
import { p95 } from './check-state.ts';
import { durationMs, passed } from '../src/checks/result.ts';
import type { Probe } from './probe.ts';
import type { StatusHistory } from './status-history.ts';
import type { Occurrence } from './maintenance.ts';

/** A logfmt value: bare when safe, else a JSON string (quotes, escapes, no raw newline). */
export function logfmt(value: string): string {
  return /^[\w.:/-]+$/.test(value) ? value : JSON.stringify(value);
}

/** The line for a maintenance window's start or end (MaintenanceWatch in maintenance.ts). */
export function maintenanceLine(o: Occurrence, event: 'start' | 'end', location?: string): string {
  const w = o.window;
  const iso = (ms: number) => new Date(ms).toISOString();
  return [
    'level=info',
    ...(location === undefined ? [] : [`location=${location}`]),
    `maintenance=${logfmt(w.name)}`,
    `event=${event}`,
    `targets=${logfmt(w.targets?.join(',') ?? '*')}`,
    `start=${iso(o.startMs)}`,
    `end=${iso(o.endMs)}`,
    ...(w.reason === undefined ? [] : [`reason=${logfmt(w.reason)}`]),
    `msg=${logfmt(`maintenance window ${event === 'start' ? 'started' : 'ended'}`)}`,
  ].join(' ');
}

export interface StateLogOptions {
  history: Pick<StatusHistory, 'stateOf' | 'summary'>;
  log: (line: string) => void;
  location?: string;
  /** Keep the counts for summary() (false when summaries are off: nothing would ever clear them). Default true. */
  summaries?: boolean;
}

export interface StateLog {
  /** After the history recorded `r`: a line when the check's state (or its failure reason) changed. */
  onResult(r: Probe): void;
  /** The summary line for the probes since the previous one. */
  summary(windowSeconds: number): string;
}

export function createStateLog(options: StateLogOptions): StateLog {
  const seen = new Map<string, { state: CheckState; reason?: string }>();
  const since = new Map<string, { ok: number; total: number; durations: number[] }>();
  const where = options.location === undefined ? [] : [`location=${options.location}`];

  return {
    onResult(r) {
      if (options.summaries !== false) {
        const tally = since.get(r.target) ?? { ok: 0, total: 0, durations: [] };
        since.set(r.target, tally);
        tally.total++;
        if (passed(r)) tally.ok++;
        tally.durations.push(durationMs(r));
      }

      const now = options.history.stateOf(r.target, r.check);
      if (!now) return;
      const key = `${r.target}/${r.check}`;
      const before = seen.get(key);
      const reason = now.state === 'DOWN' ? r.reason : undefined;
      seen.set(key, { state: now.state, reason });
      const from = before?.state ?? 'PENDING';
      // A fresh check turning UP is no news (the summary line says it works); anything else is.
      if (from === now.state && before?.reason === reason) return;
      if (from === 'PENDING' && now.state === 'UP') return;
      const field = now.state === 'DOWN' ? r.errors[0]?.path : undefined;
      const fields = [
        `level=${now.state === 'UP' ? 'info' : 'warn'}`,
        ...where,
        `target=${r.target}`,
        `check=${r.check}`,
        `from=${from}`,
        `to=${now.state}`,
        ...(reason ? [`reason=${reason}`] : []),
        ...(field ? [`field=${logfmt(field)}`] : []),
        `duration_ms=${Math.round(durationMs(r))}`,
        `msg=${logfmt(`${from} → ${now.state}: ${now.state === 'DEGRADED' ? now.why : r.message}`)}`,
      ];
      options.log(fields.join(' '));
    },
    summary(windowSeconds) {
      const counts: Record<CheckState, number> = { UP: 0, DEGRADED: 0, DOWN: 0, PENDING: 0 };
      const perTarget: string[] = [];
      for (const t of options.history.summary().targets) {
        for (const c of t.checks) counts[c.state]++;
        const tally = since.get(t.name);
        const p = tally ? p95(tally.durations) : null;
        perTarget.push(
          `${t.name}.ok=${tally?.ok ?? 0}/${tally?.total ?? 0}`,
          `${t.name}.p95_ms=${p === null ? '-' : Math.round(p)}`,
        );
      }
      since.clear();
      return [
        'level=info',
        ...where,
        'msg=summary',
        `window_s=${windowSeconds}`,
        `up=${counts.UP}`,
        `degraded=${counts.DEGRADED}`,
        `down=${counts.DOWN}`,
        `pending=${counts.PENDING}`,
        ...perTarget,
      ].join(' ');
    },
  };
}
