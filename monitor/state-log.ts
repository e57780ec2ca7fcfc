// The terminal: one logfmt line per state change of a check (UP, DEGRADED, DOWN,
// with the reason and the broken field), and a periodic summary line, so a person
// watching `npm start` sees what changed and that the monitor is working, without
// a line per successful probe. A FLAPPING check (monitor/flapping.ts) gets one line
// when flapping starts and one when it stops, and none for the changes in between.
import type { CheckState } from './check-state.ts';
import { p95 } from './check-state.ts';
import { flapPercent, FLAP_HISTORY_STATES } from './flapping.ts';
import { durationMs, passed } from '../src/checks/result.ts';
import type { Probe } from './probe.ts';
import type { StatusHistory } from './status-history.ts';
import { firstField } from '../src/group-findings.ts';
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
  const seen = new Map<string, { state: CheckState; reason?: string; flapping: boolean }>();
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
      seen.set(key, { state: now.state, reason, flapping: now.flapping });
      const from = before?.state ?? 'PENDING';
      const wasFlapping = before?.flapping ?? false;
      if (now.flapping !== wasFlapping) {
        // The one line in place of the changes to come, and the one that says which state it settled in.
        const started = now.flapping;
        const changed = `${flapPercent(now.stateChangePercent)} state change over the last ${FLAP_HISTORY_STATES} probes`;
        options.log(
          [
            `level=${started ? 'warn' : 'info'}`,
            ...where,
            `target=${r.target}`,
            `check=${r.check}`,
            `flapping=${started ? 'started' : 'stopped'}`,
            `state=${now.state}`,
            `state_change_pct=${now.stateChangePercent}`,
            `msg=${logfmt(started ? `flapping started: ${changed}; state changes are not logged until it stops` : `flapping stopped: ${changed}; now ${now.state}`)}`,
          ].join(' '),
        );
        return;
      }
      if (now.flapping) return;
      // A fresh check turning UP is no news (the summary line says it works); anything else is.
      if (from === now.state && before?.reason === reason) return;
      if (from === 'PENDING' && now.state === 'UP') return;
      const field = now.state === 'DOWN' ? firstField(r.errors) : undefined;
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
