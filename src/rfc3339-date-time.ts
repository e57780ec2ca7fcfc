// The contract's date-time, checked by hand: the shape of schemas/date-time.schema.json's
// pattern (RFC 3339 §5.6 with an upper-case 'T' and 'Z', as every documented value has)
// plus a real calendar. Written out because ajv-formats 3.0.1 gets it wrong both ways
// (it accepts hour 24 when the offset makes it 23 UTC, and rejects long fractions it
// parses as a float that rounds to 60), and because it is the hot loop of validation:
// three dates per tracker, so it reads char codes and allocates nothing.
//
// Decisions (RFC 3339 §5.6–5.8):
// - lower-case 't'/'z' and a space separator are refused: the contract's pattern refuses
//   them, and the format must not accept what the pattern calls the wrong shape;
// - digits are ASCII only (the pattern's [0-9]); no surrounding whitespace;
// - any number of fraction digits (the grammar's 1*DIGIT);
// - second 60 only when the time, moved to UTC by the offset, is 23:59 (§5.7: leap
//   seconds are added at the end of a UTC day); 61 never; hour ≤ 23, minute ≤ 59;
// - offsets ±hh:mm with hh ≤ 23 and mm ≤ 59 (§5.6 time-numoffset);
// - years 0000–9999 on the proleptic Gregorian calendar (leap years by the 4/100/400 rule).

const ZERO = 48;
const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const isLeapYear = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);

/** The ASCII digit at i, or -1. */
function digit(s: string, i: number): number {
  const d = s.charCodeAt(i) - ZERO;
  return d >= 0 && d <= 9 ? d : -1;
}

/** Two ASCII digits at i as a number, or a negative number. */
function two(s: string, i: number): number {
  const a = s.charCodeAt(i) - ZERO;
  const b = s.charCodeAt(i + 1) - ZERO;
  // (x >>> 0) > 9 is false only for 0..9 (a negative x wraps to a large unsigned number).
  return a >>> 0 > 9 || b >>> 0 > 9 ? -1 : a * 10 + b;
}

// Fields of the last string scanned. Module state, not an object per call: the scan runs
// three times per tracker, and the calendar check and epochMs read the fields right after.
let year = 0;
let month = 0;
let day = 0;
let hour = 0;
let minute = 0;
let second = 0;
let fractionStart = 0;
let fractionEnd = 0;
let offsetMinutes = 0;

/** What is known of one string: computed once, read by the pattern, the format and the period check. */
interface Scanned {
  value: string | undefined;
  shape: boolean;
  valid: boolean;
  /** Epoch ms when valid and not a leap second (what Date.parse gives); otherwise NaN: ask Date.parse. */
  parsed: number;
}

// Verdicts by content, in a small direct-mapped table. Ajv checks a value's pattern and
// then its format, and the validator reads a tracker's period dates right after: those are
// lookups of the same string (=== is a pointer check then). And a body repeats its dates
// (the documented one has 45 distinct in 291; a monitor sees the same body every probe):
// a repeat costs a comparison of two short strings instead of a scan. Exact whatever the
// table holds: a slot answers only for a string equal to the one it was computed from.
const SLOTS = 128;
const table: Scanned[] = Array.from({ length: SLOTS }, () => ({ value: undefined, shape: false, valid: false, parsed: NaN }));

/** A slot for s from the characters that vary most between dates (month, day, hour, minute, second). */
function slotOf(s: string): Scanned {
  const h =
    s.charCodeAt(3) * 211 +
    s.charCodeAt(6) * 31 +
    s.charCodeAt(8) * 101 +
    s.charCodeAt(9) * 7 +
    s.charCodeAt(12) * 17 +
    s.charCodeAt(15) * 5 +
    s.charCodeAt(18);
  return table[(h | 0) & (SLOTS - 1)]!;
}

/** What is known of s: from its slot when the slot holds s, else from a new scan. */
function scanned(s: string): Scanned {
  const slot = slotOf(s);
  if (s === slot.value) return slot;
  slot.value = s;
  slot.shape = scan(s);
  slot.valid = slot.shape && calendarOk();
  slot.parsed = slot.valid && second < 60 ? fieldsToEpochMs(s) : NaN;
  return slot;
}

/** Shape only (exactly the schema's pattern); on success the fields above hold the parts. */
function scan(s: string): boolean {
  const n = s.length;
  if (n < 20) return false;
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84) return false; // - - T
  if (s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return false; // : :
  const y1 = two(s, 0);
  const y2 = two(s, 2);
  const mo = two(s, 5);
  const d = two(s, 8);
  const h = two(s, 11);
  const mi = two(s, 14);
  const se = two(s, 17);
  if ((y1 | y2 | mo | d | h | mi | se) < 0) return false;
  let i = 19;
  let fs = 0;
  let fe = 0;
  let zone = s.charCodeAt(i);
  if (zone === 46) {
    // '.' then at least one digit
    fs = ++i;
    while (i < n && (s.charCodeAt(i) - ZERO) >>> 0 <= 9) i++;
    if (i === fs) return false;
    fe = i;
    zone = s.charCodeAt(i);
  }
  let offset: number;
  if (zone === 90) {
    // 'Z', and nothing after it
    if (i !== n - 1) return false;
    offset = 0;
  } else {
    if ((zone !== 43 && zone !== 45) || n - i !== 6 || s.charCodeAt(i + 3) !== 58) return false; // ±hh:mm
    const oh = two(s, i + 1);
    const om = two(s, i + 4);
    if ((oh | om) < 0) return false;
    // Out-of-range offsets are a calendar problem, not a shape one: NaN fails calendarOk.
    offset = oh > 23 || om > 59 ? NaN : (zone === 45 ? -1 : 1) * (oh * 60 + om);
  }
  year = y1 * 100 + y2;
  month = mo;
  day = d;
  hour = h;
  minute = mi;
  second = se;
  fractionStart = fs;
  fractionEnd = fe;
  offsetMinutes = offset;
  return true;
}

function calendarOk(): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  if (day > (month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month]!)) return false;
  if (hour > 23 || minute > 59 || Number.isNaN(offsetMinutes)) return false;
  if (second < 60) return true;
  if (second > 60) return false;
  // A leap second: the last minute of the UTC day once the offset is taken off.
  const utcMinuteOfDay = (((hour * 60 + minute - offsetMinutes) % 1440) + 1440) % 1440;
  return utcMinuteOfDay === 1439;
}

/** Exactly the schema's pattern, without a regular expression. */
export function hasDateTimeShape(s: string): boolean {
  return scanned(s).shape;
}

/** The format check: true only for a valid contract date-time. */
export function isDateTime(s: string): boolean {
  return scanned(s).valid;
}

/** Days from 1970-01-01 to y-m-d (proleptic Gregorian; Howard Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  // Integer division (| 0 truncates; yy is -1 only for January and February of year 0).
  const era = yy >= 0 ? (yy / 400) | 0 : -1;
  const yoe = yy - era * 400;
  const doy = (((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) | 0) + d - 1;
  const doe = yoe * 365 + (yoe >> 2) - ((yoe / 100) | 0) + doy;
  return era * 146097 + doe - 719468;
}

/** The instant of the fields just scanned from s. */
function fieldsToEpochMs(s: string): number {
  // Milliseconds are the fraction's first three digits, truncated, as Date.parse does.
  let ms = 0;
  if (fractionStart > 0) {
    for (let k = 0; k < 3; k++) ms = ms * 10 + (fractionStart + k < fractionEnd ? digit(s, fractionStart + k) : 0);
  }
  const seconds = ((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute - offsetMinutes) * 60 + second;
  return seconds * 1000 + ms;
}

/**
 * Epoch milliseconds of a contract date-time, or undefined when s is not one. A leap
 * second (23:59:60) is the instant after 23:59:59.999, i.e. the next day's 00:00:00 UTC
 * plus its fraction: epoch time has no leap seconds, and this keeps the order of instants.
 */
export function dateTimeEpochMs(s: string): number | undefined {
  // A fresh scan: the fields must be this string's, whatever the recent slots hold.
  if (!scan(s) || !calendarOk()) return undefined;
  return fieldsToEpochMs(s);
}

/**
 * What Date.parse(s) returns, computed without it for contract date-times (the common
 * case): the data-quality pass compares periods with Date.parse's exact semantics, which
 * reject leap seconds (NaN), and must keep doing so for the findings not to change.
 */
export function dateParseCompatible(s: string): number {
  const { parsed } = scanned(s);
  return Number.isNaN(parsed) ? Date.parse(s) : parsed;
}
