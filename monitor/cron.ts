// A 5-field cron expression (minute hour day-of-month month day-of-week), as Vixie cron and
// Kubernetes CronJobs read it: `*`, lists, ranges and steps; day-of-week 0-7 (0 and 7 are Sunday);
// when both day fields are restricted a day matches either (cron's OR rule). No names (JAN, MON),
// no `?`, `L`, `W` or `#`: the five numeric fields are what every cron reads alike. The fields are
// read as wall-clock time in an IANA time zone, through Intl, so no time-zone data is bundled.

export interface Cron {
  minutes: ReadonlySet<number>;
  hours: ReadonlySet<number>;
  daysOfMonth: ReadonlySet<number>;
  months: ReadonlySet<number>;
  daysOfWeek: ReadonlySet<number>;
  /** A `*` day field matches every day; cron's OR rule applies only when both are restricted. */
  anyDayOfMonth: boolean;
  anyDayOfWeek: boolean;
}

const FIELDS = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12 },
  { name: 'day of week', min: 0, max: 7 },
] as const;

function parseField(text: string, f: (typeof FIELDS)[number]): Set<number> | string {
  const values = new Set<number>();
  for (const part of text.split(',')) {
    const m = /^(\*|(\d{1,2})(?:-(\d{1,2}))?)(?:\/(\d{1,2}))?$/.exec(part);
    if (!m) return `${f.name} field "${part}" is not *, N, N-M or a step of them`;
    let lo: number = f.min;
    let hi: number = f.max;
    if (m[2] !== undefined) {
      lo = Number(m[2]);
      // `5/15` is "from 5, every 15": the range runs to the field's end.
      hi = m[3] !== undefined ? Number(m[3]) : m[4] !== undefined ? f.max : lo;
    }
    const step = m[4] !== undefined ? Number(m[4]) : 1;
    if (lo < f.min || hi > f.max) return `${f.name} field "${part}" is outside ${f.min}-${f.max}`;
    if (lo > hi) return `${f.name} field "${part}" is a range from high to low`;
    if (step < 1) return `${f.name} field "${part}" has a step of 0`;
    for (let v = lo; v <= hi; v += step) values.add(f.name === 'day of week' && v === 7 ? 0 : v);
  }
  return values;
}

/** A cron expression checked; the error is a phrase naming the bad field. */
export function parseCron(text: string): { ok: true; cron: Cron } | { ok: false; error: string } {
  const fields = text.trim().split(/\s+/);
  if (fields.length !== 5)
    return { ok: false, error: `needs 5 fields (minute hour day-of-month month day-of-week), got ${fields.length}` };
  const sets: Set<number>[] = [];
  for (const [i, f] of FIELDS.entries()) {
    const parsed = parseField(fields[i]!, f);
    if (typeof parsed === 'string') return { ok: false, error: parsed };
    sets.push(parsed);
  }
  const [minutes, hours, daysOfMonth, months, daysOfWeek] = sets as [
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
  ];
  return {
    ok: true,
    cron: {
      minutes,
      hours,
      daysOfMonth,
      months,
      daysOfWeek,
      anyDayOfMonth: fields[2]!.startsWith('*'),
      anyDayOfWeek: fields[4]!.startsWith('*'),
    },
  };
}

/** Wall-clock fields of one instant in a time zone. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 Sunday … 6 Saturday. */
  weekday: number;
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Throws RangeError for a name Intl does not know: isTimeZone is the checked way in. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether Intl knows this IANA time-zone name. */
export function isTimeZone(name: string): boolean {
  try {
    formatterFor(name);
    return true;
  } catch {
    return false;
  }
}

export function wallClock(epochMs: number, timeZone: string): WallClock {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(epochMs)) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: WEEKDAYS[parts.weekday!] ?? 0,
  };
}

export function matches(cron: Cron, w: WallClock): boolean {
  if (!cron.minutes.has(w.minute) || !cron.hours.has(w.hour) || !cron.months.has(w.month)) return false;
  const dom = cron.daysOfMonth.has(w.day);
  const dow = cron.daysOfWeek.has(w.weekday);
  if (cron.anyDayOfMonth || cron.anyDayOfWeek) return dom && dow;
  return dom || dow;
}

const MINUTE_MS = 60_000;
const sameWallMinute = (a: WallClock, b: WallClock) =>
  a.minute === b.minute && a.hour === b.hour && a.day === b.day && a.month === b.month && a.year === b.year;

/**
 * The starts (epoch ms, whole minutes) in [fromMs, toMs). Each UTC minute is read as wall-clock
 * time in the zone: a wall-clock time the zone skips (spring forward) starts nothing that day, and
 * one it repeats (fall back) starts once, at its first occurrence, as cronie does.
 */
export function startsBetween(cron: Cron, timeZone: string, fromMs: number, toMs: number): number[] {
  const starts: number[] = [];
  for (let t = Math.ceil(fromMs / MINUTE_MS) * MINUTE_MS; t < toMs; t += MINUTE_MS) {
    const w = wallClock(t, timeZone);
    if (!matches(cron, w)) continue;
    // Offsets move by whole quarter-hours at most 2 h; a wall minute seen in the 2 h before is a repeat.
    let repeat = false;
    for (let back = 15; back <= 120 && !repeat; back += 15) repeat = sameWallMinute(wallClock(t - back * MINUTE_MS, timeZone), w);
    if (!repeat) starts.push(t);
  }
  return starts;
}
