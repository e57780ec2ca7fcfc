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

// Verdicts by content, in a Map from the string to its entry in the arrays below. Ajv checks
// a value's pattern and then its format, and the validator reads a tracker's period dates
// right after: three lookups of one string, and V8 keeps a string's hash in the string, so
// only the first one hashes it. And a body repeats its dates (the documented one has 45
// distinct in 291, 5,000 generated trackers 2,264 in 15,000; a monitor sees the same body
// every probe): a repeat costs a lookup instead of a scan. A Map, not a table hashed by
// hand: a direct-mapped table (4,096 slots were tried) missed one lookup in five at 2,264 dates, and hashing 12
// characters with charCodeAt cost about what the scan does. Exact: a Map key is the string.
// Bounded: at most CAPACITY strings (then it starts over), none longer than MAX_KEY_LENGTH
// (a longer one is scanned into the scratch entry each time it is asked about).
const CAPACITY = 4096;
const MAX_KEY_LENGTH = 40;
const SCRATCH = CAPACITY;
const entries = new Map<string, number>();
const SHAPE = 1;
const VALID = 2;
const verdicts = new Uint8Array(CAPACITY + 1);
/** Epoch ms when valid and not a leap second (what Date.parse gives); otherwise NaN: ask Date.parse. */
const parsed = new Float64Array(CAPACITY + 1);

// The last two strings entryOf was asked about, and their entries: Ajv checks a value's format
// right after its pattern, and the validator reads a tracker's period dates (the last two Ajv
// checked) right after Ajv, so those lookups are pointer comparisons.
let lastString: string | undefined;
let lastEntry = SCRATCH;
let previousString: string | undefined;
let previousEntry = SCRATCH;

/** The entry for s: a stored one, or a new scan. */
function entryOf(s: string): number {
  previousString = lastString;
  previousEntry = lastEntry;
  // Unset until s has its entry: were the scan to throw, s must not be left paired with another's.
  lastString = undefined;
  let i = entries.get(s);
  if (i === undefined) {
    if (s.length > MAX_KEY_LENGTH) i = fill(SCRATCH, s);
    else {
      if (entries.size === CAPACITY) entries.clear();
      i = fill(entries.size, s);
      entries.set(s, i);
    }
    // The scratch entry, or a table started over, may have just overwritten the previous string's.
    if (i === previousEntry) previousString = undefined;
  }
  lastString = s;
  return (lastEntry = i);
}

/** The entry for s, found among the last two strings when it is one of them. */
function recentEntryOf(s: string): number {
  return s === lastString ? lastEntry : s === previousString ? previousEntry : entryOf(s);
}

function fill(i: number, s: string): number {
  const shape = scan(s);
  const valid = shape && calendarOk();
  verdicts[i] = (shape ? SHAPE : 0) | (valid ? VALID : 0);
  parsed[i] = valid && second < 60 ? fieldsToEpochMs(s) : NaN;
  return i;
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
  return (verdicts[entryOf(s)]! & SHAPE) !== 0;
}

/** The format check: true only for a valid contract date-time. */
export function isDateTime(s: string): boolean {
  return (verdicts[s === lastString ? lastEntry : entryOf(s)]! & VALID) !== 0;
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
  // A fresh scan: the fields must be this string's, whatever the table holds.
  if (!scan(s) || !calendarOk()) return undefined;
  return fieldsToEpochMs(s);
}

/**
 * What Date.parse(s) returns, computed without it for contract date-times (the common
 * case): the data-quality pass compares periods with Date.parse's exact semantics, which
 * reject leap seconds (NaN), and must keep doing so for the findings not to change.
 */
export function dateParseCompatible(s: string): number {
  const ms = parsed[recentEntryOf(s)]!;
  return Number.isNaN(ms) ? Date.parse(s) : ms;
}
