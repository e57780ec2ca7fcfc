// How a value from a response reads inside a one-line finding. The value is whatever the server
// sent: a 10 MB string, an array nested a million levels deep, control characters that would
// rewrite a terminal line. So the text is bounded and printable, and the walk over the value is
// a loop with its own stack: a recursive walk (JSON.stringify, Array#join) overflows the call
// stack at a few thousand levels and turns an invalid response into a crash. A value whose JSON
// fits the budget and has nothing to escape reads exactly as its JSON.

export const MAX_VALUE_CHARS = 120;
/** Containers deeper than this read as […] or {…}. Far deeper than any tracker field. */
export const MAX_VALUE_DEPTH = 10;

// What a terminal or log viewer would act on or hide: controls, format characters (bidi
// overrides, zero-width), line and paragraph separators, lone surrogates.
const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;
const NEEDS_ESCAPE_JSON = /["\\\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;
const SHORT_ESCAPES: Record<string, string> = { '\b': '\\b', '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r' };

function escapeChar(ch: string, json: boolean): string {
  if (json && (ch === '"' || ch === '\\')) return `\\${ch}`;
  if (!NON_PRINTABLE.test(ch)) return ch;
  const short = SHORT_ESCAPES[ch];
  if (short) return short;
  // JSON's spelling (lowercase, UTF-16 units), so an escaped string can be pasted back as JSON.
  let out = '';
  for (let i = 0; i < ch.length; i++) out += `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
}

/**
 * `text` with every non-printable escaped (and, for `json`, quotes and backslashes), cut at a
 * character boundary to at most `max` characters. Only the shown prefix is walked.
 */
function escapeBounded(text: string, max: number, json: boolean): { shown: string; cut: boolean } {
  if (text.length <= max && !(json ? NEEDS_ESCAPE_JSON : NON_PRINTABLE).test(text)) return { shown: text, cut: false };
  let shown = '';
  let used = 0; // UTF-16 units of `text` consumed
  for (const ch of text) {
    const piece = escapeChar(ch, json);
    if (shown.length + piece.length > max) return { shown, cut: true };
    shown += piece;
    used += ch.length;
  }
  return { shown, cut: used < text.length };
}

/** Text (a path, a message) made safe for one line of output: escaped, at most `max` chars plus a length note. */
export function printable(text: string, max: number): string {
  const { shown, cut } = escapeBounded(text, max, false);
  return cut ? `${shown}… (${text.length} chars)` : shown;
}

/** A JSON string literal of at most `room` chars: whole, or cut as "abc…". Null when not even that fits. */
function stringToken(s: string, room: number): { token: string; cut: boolean } | null {
  if (room < 2) return null;
  const whole = escapeBounded(s, room - 2, true);
  if (!whole.cut) return { token: `"${whole.shown}"`, cut: false };
  if (room < 4) return null;
  return { token: `"${escapeBounded(s, room - 3, true).shown}…"`, cut: true };
}

function scalarToken(v: unknown): string | undefined {
  switch (typeof v) {
    case 'number':
      // JSON.stringify says null for Infinity (1e400 parses to it) and 0 for -0: both would mislead.
      return Object.is(v, -0) ? '-0' : String(v);
    case 'boolean':
      return String(v);
    case 'bigint':
      return `${v}n`;
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    default:
      return v === null ? 'null' : undefined;
  }
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
const hasNoJson = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

interface Frame {
  close: ']' | '}';
  /** The array's items, or the object with its keys. */
  items?: readonly unknown[];
  object?: Record<string, unknown>;
  keys?: readonly string[];
  next: number;
}

/** JSON-like, bounded and printable; see the file comment. Never throws. */
export function showValue(value: unknown, max = MAX_VALUE_CHARS): string {
  try {
    return render(value, max);
  } catch {
    return '(a value that cannot be read)'; // e.g. a getter or toJSON that throws
  }
}

function render(value: unknown, max: number): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') {
    const t = stringToken(value, max);
    return t && !t.cut ? t.token : `${t?.token ?? '"…"'} (${value.length} chars)`;
  }
  const scalar = scalarToken(value);
  if (scalar !== undefined) return scalar;
  if (typeof value !== 'object') return `(a ${typeof value})`; // not its source: a function's could be anything

  let out = '';
  const stack: Frame[] = [];
  let tooDeep = false;
  // Room left for a token, keeping one char per open container for its closer. The "…" of a cut
  // may go one past `max`, so that a value whose JSON is exactly `max` long reads whole.
  const room = () => max - out.length - stack.length;

  /** Emit `v` (after `prefix`: a comma, a key); false once the budget is spent. */
  const emit = (prefix: string, v: unknown, key: string): boolean => {
    let item = v;
    if (item !== null && typeof item === 'object' && typeof (item as { toJSON?: unknown }).toJSON === 'function') {
      item = (item as { toJSON: (k: string) => unknown }).toJSON(key);
    }
    if (typeof item === 'string') {
      const t = stringToken(item, room() - prefix.length);
      if (!t) return false;
      out += prefix + t.token;
      return !t.cut;
    }
    const scalar = scalarToken(item);
    if (scalar !== undefined || item === null || typeof item !== 'object') {
      const token = scalar ?? 'null'; // as JSON.stringify: undefined, functions and symbols read as null
      if (prefix.length + token.length > room()) return false;
      out += prefix + token;
      return true;
    }
    const isArray = Array.isArray(item);
    const keys = isArray ? undefined : Object.keys(item);
    const empty = isArray ? (item as unknown[]).length === 0 : keys!.length === 0;
    const open = isArray ? '[' : '{';
    const close = isArray ? ']' : '}';
    if (empty || stack.length >= MAX_VALUE_DEPTH) {
      const token = empty ? open + close : `${open}…${close}`;
      if (prefix.length + token.length > room()) return false;
      if (!empty) tooDeep = true;
      out += prefix + token;
      return true;
    }
    if (prefix.length + 2 > room()) return false;
    out += prefix + open;
    stack.push(
      isArray ? { close, items: item as unknown[], next: 0 } : { close, object: item as Record<string, unknown>, keys, next: 0 },
    );
    return true;
  };

  if (emit('', value, '')) {
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const comma = frame.next > 0 ? ',' : '';
      if (frame.items) {
        if (frame.next >= frame.items.length) {
          out += stack.pop()!.close;
          continue;
        }
        const i = frame.next++;
        if (!emit(comma, frame.items[i], String(i))) break;
      } else {
        const keys = frame.keys!;
        // As JSON.stringify: members whose value has no JSON form are left out.
        while (frame.next < keys.length && hasNoJson(frame.object![keys[frame.next]!])) frame.next++;
        if (frame.next >= keys.length) {
          out += stack.pop()!.close;
          continue;
        }
        const key = keys[frame.next++]!;
        const keyToken = stringToken(key, room() - comma.length - 2);
        if (!keyToken || keyToken.cut) {
          if (keyToken) out += comma + keyToken.token;
          break;
        }
        if (!emit(`${comma}${keyToken.token}:`, frame.object![key], key)) break;
      }
    }
  }
  const truncated = stack.length > 0;
  if (truncated) {
    if (!out.endsWith('…"')) out += '…';
    while (stack.length > 0) out += stack.pop()!.close;
  }
  const notes: string[] = [];
  if (truncated) {
    notes.push(
      Array.isArray(value)
        ? `array of ${count(value.length, 'item')}`
        : `object of ${count(Object.keys(value as object).length, 'key')}`,
    );
  }
  if (tooDeep) notes.push(`nested deeper than ${MAX_VALUE_DEPTH} levels`);
  return notes.length > 0 ? `${out} (${notes.join(', ')})` : out;
}

/**
 * A value inside a sentence ("tracker id 9737"): a short printable string, number, boolean or null
 * reads as String(v), as it always has; anything else as a bounded showValue.
 */
export function showInline(value: unknown, max = 40): string {
  if (typeof value === 'string' && value.length <= max && !NON_PRINTABLE.test(value)) return value;
  const scalar = typeof value === 'string' ? undefined : scalarToken(value);
  return scalar ?? (value === undefined ? 'undefined' : showValue(value, max));
}

/** A JSON string literal of all of `s`, with non-printables escaped too (JSON.stringify leaves DEL, U+2028, bidi overrides raw). */
export function jsonQuote(s: string): string {
  return `"${escapeBounded(s, Infinity, true).shown}"`;
}
