// Where a JSON text goes wrong, as line and column, and why, without quoting the text: a
// targets file can hold a misplaced secret, and a response can hold control characters.
// V8 gives the position in most messages ("... in JSON at position N", newer V8 adds
// "(line L column C)"), but not in "Unexpected token 'x', "<text>" is not valid JSON" nor in
// "Unexpected end of JSON input"; for those a small scanner finds the first offending character.

export interface JsonPosition {
  /** UTF-16 offset into the text. */
  offset: number;
  /** 1-based; \n, \r\n and \r each end a line. */
  line: number;
  /** 1-based, in characters (code points), as editors count. */
  column: number;
}

export interface JsonSyntaxProblem {
  /** The parser's reason with any quoted input removed, e.g. "Expected ',' or '}' after property value". */
  reason: string;
  /** Absent only when neither the parser nor the scanner could place the problem. */
  at?: JsonPosition;
}

export type JsonParse = { ok: true; value: unknown } | { ok: false; problem: JsonSyntaxProblem };

/** JSON.parse that never throws: a syntax error (or an engine limit) comes back as a value. */
export function parseJson(text: string): JsonParse {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    return { ok: false, problem: locateJsonError(text, err) };
  }
}

/** "Unexpected token at line 3, column 7". */
export function describeJsonProblem(problem: JsonSyntaxProblem): string {
  return problem.at ? `${problem.reason} at line ${problem.at.line}, column ${problem.at.column}` : problem.reason;
}

export function locateJsonError(text: string, err: unknown): JsonSyntaxProblem {
  if (!(err instanceof SyntaxError)) {
    // Not a syntax error: an engine limit (RangeError: stack or string size). Its message is the engine's, not the text's.
    const e = err instanceof Error ? err : new Error(String(err));
    return { reason: `cannot be parsed (${e.name}: ${e.message.slice(0, 100)})` };
  }
  const offset = positionInMessage(text, err.message) ?? firstSyntaxErrorOffset(text);
  return { reason: safeReason(err.message), at: offset === undefined ? undefined : positionAt(text, offset) };
}

function positionInMessage(text: string, message: string): number | undefined {
  const at = /at position (\d+)/.exec(message);
  if (at) return Math.min(Number(at[1]), text.length);
  const lc = /\(line (\d+) column (\d+)\)/.exec(message);
  if (!lc) return undefined;
  // V8 counts these columns in UTF-16 units from the line start.
  let line = 1;
  let i = 0;
  while (line < Number(lc[1]) && i < text.length) {
    const c = text.charCodeAt(i++);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i) !== 0x0a)) line++;
  }
  return Math.min(i + Number(lc[2]) - 1, text.length);
}

// Only the parser's fixed wording survives: V8 quotes the input after "Unexpected token" (old V8
// as `Unexpected token h in JSON`, new V8 as `Unexpected token 'h', "<text>" is not valid JSON`).
function safeReason(message: string): string {
  if (/^Unexpected token\b/.test(message)) return 'Unexpected token';
  const reason = message
    .replace(/\s*\(line \d+ column \d+\)/, '')
    .replace(/\s+in JSON at position \d+.*$/s, '')
    .replace(/\s+at position \d+.*$/s, '')
    .trim();
  return /^[A-Za-z][\w ,:'{}[\]-]*$/.test(reason) && !/\d/.test(reason) ? reason : 'Invalid JSON';
}

/** Line and column of `offset` in `text`. */
export function positionAt(text: string, offset: number): JsonPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  let column = 1;
  for (let i = lineStart; i < offset; i++) {
    const c = text.charCodeAt(i);
    // The high half of a surrogate pair starts a character; the low half does not.
    if (c < 0xdc00 || c > 0xdfff || i === lineStart || !isHigh(text.charCodeAt(i - 1))) column++;
  }
  return { offset, line, column };
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/**
 * Offset of the first character that makes `text` not JSON (RFC 8259), text.length when it ends
 * too early, undefined when it is JSON. A loop with an explicit stack: any depth.
 */
export function firstSyntaxErrorOffset(text: string): number | undefined {
  const n = text.length;
  let i = 0;
  const stack: number[] = []; // 0x5b '[' or 0x7b '{' per open container
  const skipWs = () => {
    while (i < n && WS.has(text.charCodeAt(i))) i++;
  };
  // Each returns the error offset, or undefined having moved `i` past the token.
  const string = (): number | undefined => {
    i++; // the opening quote
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return undefined;
      }
      if (c < 0x20) return i;
      if (c === 0x5c) {
        const e = text.charCodeAt(i + 1);
        if (i + 1 >= n) return n;
        if (e === 0x75) {
          for (let k = 2; k < 6; k++) {
            if (i + k >= n) return n;
            if (!/[0-9a-fA-F]/.test(text.charAt(i + k))) return i + k;
          }
          i += 6;
        } else if ('"\\/bfnrt'.includes(text.charAt(i + 1))) i += 2;
        else return i + 1;
      } else i++;
    }
    return n;
  };
  const number = (): number | undefined => {
    if (text.charCodeAt(i) === 0x2d) i++;
    if (i >= n) return n;
    if (text.charCodeAt(i) === 0x30) i++;
    else if (isDigit(text.charCodeAt(i))) while (i < n && isDigit(text.charCodeAt(i))) i++;
    else return i;
    if (text.charCodeAt(i) === 0x2e) {
      i++;
      if (i >= n) return n;
      if (!isDigit(text.charCodeAt(i))) return i;
      while (i < n && isDigit(text.charCodeAt(i))) i++;
    }
    const e = text.charCodeAt(i);
    if (e === 0x65 || e === 0x45) {
      i++;
      const s = text.charCodeAt(i);
      if (s === 0x2b || s === 0x2d) i++;
      if (i >= n) return n;
      if (!isDigit(text.charCodeAt(i))) return i;
      while (i < n && isDigit(text.charCodeAt(i))) i++;
    }
    return undefined;
  };
  const literal = (word: string): number | undefined => {
    for (let k = 0; k < word.length; k++) {
      if (i + k >= n) return n;
      if (text.charCodeAt(i + k) !== word.charCodeAt(k)) return i + k;
    }
    i += word.length;
    return undefined;
  };
  let opened = false; // a container was just opened: its first member, or its closer, is next
  /** A value starts at i: a scalar is consumed, a container is opened (the loop below goes on). */
  const value = (): number | undefined => {
    skipWs();
    if (i >= n) return n;
    const c = text.charCodeAt(i);
    if (c === 0x7b || c === 0x5b) {
      stack.push(c);
      i++;
      opened = true;
      return undefined;
    }
    if (c === 0x22) return string();
    if (c === 0x2d || isDigit(c)) return number();
    if (c === 0x74) return literal('true');
    if (c === 0x66) return literal('false');
    if (c === 0x6e) return literal('null');
    return i;
  };
  /** Inside an object, at a member: "key": value. */
  const member = (): number | undefined => {
    skipWs();
    if (i >= n) return n;
    if (text.charCodeAt(i) !== 0x22) return i;
    const bad = string();
    if (bad !== undefined) return bad;
    skipWs();
    if (i >= n) return n;
    if (text.charCodeAt(i) !== 0x3a) return i;
    i++;
    return value();
  };

  let bad = value();
  while (bad === undefined) {
    skipWs();
    const top = stack[stack.length - 1];
    if (top === undefined) return i < n ? i : undefined;
    if (i >= n) return n;
    const c = text.charCodeAt(i);
    const first = opened;
    opened = false;
    if (c === (top === 0x7b ? 0x7d : 0x5d)) {
      stack.pop();
      i++;
    } else if (first || c === 0x2c) {
      if (!first) i++;
      bad = top === 0x7b ? member() : value();
    } else return i;
  }
  return bad;
}
