// The SLO report's period from its flags and the time now (injected): --from/--to (RFC 3339), or
// --month YYYY-MM (a calendar month in UTC), or by default the last 30 days, the SLO window the
// rules and the burn-rate alerts use. A period that starts in the future, or ends before it starts,
// is a usage error; one that ends in the future (this month) ends now and says it is not over.
import { dateTimeEpochMs } from '../../src/rfc3339-date-time.ts';
import { showValue } from '../../src/show-value.ts';
import { SLO_PERIOD_DAYS } from './generate-rules.ts';
import { iso } from './report-format.ts';

export interface PeriodFlags {
  from?: string;
  to?: string;
  month?: string;
}

/** Epoch seconds, whole (a fraction of a second is dropped). */
export type Period = { ok: true; from: number; to: number; inProgress: boolean } | { ok: false; error: string };

const EXAMPLE = 'e.g. 2025-11-01T00:00:00Z';

function instant(flag: string, value: string): number | string {
  const ms = dateTimeEpochMs(value);
  return ms === undefined ? `--${flag} ${showValue(value, 60)} is not an RFC 3339 date-time (${EXAMPLE})` : Math.floor(ms / 1000);
}

export function reportPeriod(flags: PeriodFlags, nowMs: number): Period {
  const now = Math.floor(nowMs / 1000);
  let from: number;
  let to: number;
  if (flags.month !== undefined) {
    if (flags.from !== undefined || flags.to !== undefined) return { ok: false, error: '--month or --from/--to, not both' };
    const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(flags.month);
    if (!m) return { ok: false, error: `--month ${showValue(flags.month, 60)} is not a month (YYYY-MM, e.g. 2025-11)` };
    from = Date.UTC(Number(m[1]), Number(m[2]) - 1, 1) / 1000;
    to = Date.UTC(Number(m[1]), Number(m[2]), 1) / 1000;
  } else {
    const f = flags.from === undefined ? undefined : instant('from', flags.from);
    if (typeof f === 'string') return { ok: false, error: f };
    const t = flags.to === undefined ? undefined : instant('to', flags.to);
    if (typeof t === 'string') return { ok: false, error: t };
    to = t ?? (f === undefined ? now : Math.max(now, f + 1));
    from = f ?? to - SLO_PERIOD_DAYS * 86_400;
    if (from >= to)
      return { ok: false, error: `the period is empty or inverted: --from ${iso(from)} is not before --to ${iso(to)}` };
  }
  if (from >= now) return { ok: false, error: `the period starts in the future: ${iso(from)} is after now (${iso(now)})` };
  return to > now ? { ok: true, from, to: now, inProgress: true } : { ok: true, from, to, inProgress: false };
}
