// Fault injection: what can go wrong between the suite and Capillary, on demand,
// so each check of the suite can be shown to catch its failure. One naming for
// every way of asking: the compact string `latency=200,jitter=50,mutation=id-string`
// (header X-Sandbox-Fault, query ?sandbox_fault=, PUT /__sandbox/faults, options)
// and the JSON object {"latency": 200, "reset": true} use the same names.
// Parsing never throws: a bad spec is a value naming the bad part.
import { STATUS_CODES } from 'node:http';
import { MUTATION_NAMES } from './mutations.ts';

export interface FaultSpec {
  /** Fixed delay (ms) before the headers. */
  latency?: number;
  /** Extra delay, uniform in 0..jitter ms. */
  jitter?: number;
  /** Fraction 0..1 of requests answered with `error-status`. */
  'error-rate'?: number;
  /** Status of error-rate answers (default 503). */
  'error-status'?: number;
  /** Force this status, keeping the normal body. */
  status?: number;
  /** Send a body with a JSON syntax error (a trailing comma). */
  'malformed-json'?: true;
  /** Send only the first half of the body (Content-Length matches, so the response completes). */
  'truncated-json'?: true;
  /** Send this Content-Type; text/html also swaps the body for an HTML error page. */
  'content-type'?: string;
  /**
   * Answer in this Content-Encoding whatever the request accepts (deflate-raw: a raw deflate stream
   * labelled deflate, as some servers send). Without it the coding is negotiated from Accept-Encoding.
   */
  encoding?: FaultCoding;
  /** Say Content-Encoding (the coding chosen, gzip when that is identity) but send the body unencoded. */
  'lying-encoding'?: true;
  /** Send the encoded body cut in half (Content-Length matches, so the response completes; gzip when none was chosen). */
  'truncated-encoding'?: true;
  /** Send a decompression bomb: about 1 MB of gzip that decodes to 1 GiB of zeros. */
  'decompression-bomb'?: true;
  /** Reset the connection without answering. */
  reset?: true;
  /** Send the body in ~10 chunks spread over this many ms. */
  trickle?: number;
  /** Never answer (the client must time out); released by close(). */
  hang?: true;
  /** Throw inside the handler: proves an unexpected exception still answers a JSON 500. */
  crash?: true;
  /** A contract mutation from sandbox/mutations.ts, by name. */
  mutation?: string;
}

export type FaultName = keyof FaultSpec;
export type FaultParseResult = { ok: true; spec: FaultSpec } | { ok: false; error: string };

export const DEFAULT_ERROR_STATUS = 503;
const MAX_MS = 600_000;

type Kind = 'flag' | 'ms' | 'rate' | 'status' | 'media-type' | 'coding' | 'mutation';

/** The codings the `encoding` fault can force. */
export const FAULT_CODINGS = ['gzip', 'deflate', 'deflate-raw', 'br', 'identity'] as const;
export type FaultCoding = (typeof FAULT_CODINGS)[number];

// Also the canonical order of formatFaultSpec.
const KINDS: { readonly [N in FaultName]-?: Kind } = {
  latency: 'ms',
  jitter: 'ms',
  'error-rate': 'rate',
  'error-status': 'status',
  status: 'status',
  'malformed-json': 'flag',
  'truncated-json': 'flag',
  'content-type': 'media-type',
  encoding: 'coding',
  'lying-encoding': 'flag',
  'truncated-encoding': 'flag',
  'decompression-bomb': 'flag',
  reset: 'flag',
  trickle: 'ms',
  hang: 'flag',
  crash: 'flag',
  mutation: 'mutation',
};

export const FAULT_NAMES = Object.keys(KINDS) as readonly FaultName[];

const isFaultName = (name: string): name is FaultName => Object.hasOwn(KINDS, name);

/** One value, already a string (from the compact form or a JSON number/string), checked against its kind. */
function parseValue(
  name: FaultName,
  raw: string | undefined,
): { ok: true; value: number | string | true } | { ok: false; error: string } {
  const kind = KINDS[name];
  const bad = (wants: string) => ({
    ok: false as const,
    error: `fault "${name}" needs ${wants}, got ${JSON.stringify(raw ?? '')}`,
  });
  if (kind === 'flag')
    return raw === undefined
      ? { ok: true, value: true }
      : { ok: false, error: `fault "${name}" takes no value, got ${JSON.stringify(raw)}` };
  if (raw === undefined || raw === '') return bad(`a value (${name}=...)`);
  switch (kind) {
    case 'ms': {
      const ms = /^\d{1,6}$/.test(raw) ? Number(raw) : NaN;
      return ms <= MAX_MS ? { ok: true, value: ms } : bad(`whole milliseconds 0..${MAX_MS}`);
    }
    case 'rate': {
      const rate = /^(\d+(\.\d*)?|\.\d+)$/.test(raw) ? Number(raw) : NaN;
      return rate >= 0 && rate <= 1 ? { ok: true, value: rate } : bad('a fraction 0..1');
    }
    case 'status': {
      const status = /^\d{3}$/.test(raw) ? Number(raw) : NaN;
      return status >= 200 && status <= 599 ? { ok: true, value: status } : bad('an HTTP status 200..599');
    }
    case 'media-type':
      // Printable ASCII only: the value becomes a header, and CR/LF would be header injection.
      return /^[\x21-\x7e][\x20-\x7e]*$/.test(raw) ? { ok: true, value: raw } : bad('a media type such as text/html');
    case 'coding':
      return (FAULT_CODINGS as readonly string[]).includes(raw)
        ? { ok: true, value: raw }
        : bad(`a coding (${FAULT_CODINGS.join(', ')})`);
    case 'mutation':
      return MUTATION_NAMES.includes(raw)
        ? { ok: true, value: raw }
        : { ok: false, error: `unknown mutation ${JSON.stringify(raw)} (known: ${MUTATION_NAMES.join(', ')})` };
  }
}

function build(entries: Iterable<[string, string | undefined]>): FaultParseResult {
  const spec: Record<string, number | string | true> = {};
  for (const [name, raw] of entries) {
    if (!isFaultName(name))
      return { ok: false, error: `unknown fault ${JSON.stringify(name)} (known: ${FAULT_NAMES.join(', ')})` };
    if (Object.hasOwn(spec, name)) return { ok: false, error: `fault "${name}" given twice` };
    const parsed = parseValue(name, raw);
    if (!parsed.ok) return parsed;
    spec[name] = parsed.value;
  }
  return { ok: true, spec: spec as FaultSpec };
}

/** Parse the compact form: `name` or `name=value`, comma-separated; blanks around entries are ignored. */
export function parseFaultSpec(text: string): FaultParseResult {
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry): [string, string | undefined] => {
      const eq = entry.indexOf('=');
      return eq < 0 ? [entry, undefined] : [entry.slice(0, eq).trim(), entry.slice(eq + 1).trim()];
    });
  return build(entries);
}

/** Accept a FaultSpec-shaped object (from JSON or code) or a compact string, and check it the same way. */
export function normaliseFaultSpec(input: unknown): FaultParseResult {
  if (typeof input === 'string') return parseFaultSpec(input);
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return {
      ok: false,
      error: `faults must be a spec string or an object, got ${input === null ? 'null' : Array.isArray(input) ? 'an array' : typeof input}`,
    };
  }
  const entries: [string, string | undefined][] = [];
  for (const [name, value] of Object.entries(input)) {
    if (isFaultName(name) && KINDS[name] === 'flag') {
      if (value === false || value === undefined) continue; // a switched-off flag is no fault
      if (value !== true) return { ok: false, error: `fault "${name}" must be true or false, got ${JSON.stringify(value)}` };
      entries.push([name, undefined]);
    } else if (value === undefined) {
      continue;
    } else if (typeof value === 'number' || typeof value === 'string') {
      entries.push([name, String(value)]);
    } else {
      entries.push([name, JSON.stringify(value)]); // reported by build() as unknown or as a bad value
    }
  }
  return build(entries);
}

/** The compact form, in a fixed order (round-trips through parseFaultSpec). */
export function formatFaultSpec(spec: FaultSpec): string {
  return FAULT_NAMES.filter((name) => spec[name] !== undefined)
    .map((name) => (spec[name] === true ? name : `${name}=${String(spec[name])}`))
    .join(',');
}

/** Per-request faults override global ones of the same name; the rest of both apply. */
export function mergeFaults(global: FaultSpec, perRequest: FaultSpec): FaultSpec {
  return { ...global, ...perRequest };
}

/** A JSON syntax error that a lenient parser might still forgive: a trailing comma before the final brace. */
export function malformJson(text: string): string {
  const end = Math.max(text.lastIndexOf('}'), text.lastIndexOf(']'));
  if (end < 0) return `${text},`;
  return `${text.slice(0, end).trimEnd()},${text.slice(end)}`;
}

/** The first half of the body's bytes. */
export function truncateBody(body: Buffer): Buffer {
  return body.subarray(0, Math.floor(body.length / 2));
}

/** What a proxy or load balancer in front of the API sends when it fails. */
export function htmlErrorPage(status: number): string {
  const title = `${status} ${STATUS_CODES[status] ?? 'Error'}`;
  return `<!DOCTYPE html>\n<html>\n<head><title>${title}</title></head>\n<body>\n<center><h1>${title}</h1></center>\n<hr><center>sandbox</center>\n</body>\n</html>\n`;
}
