// The one table of hostile response bodies that every entry point reading a body is run through
// (the gate, the monitor's probe and status page, the verification relay): the documented body
// with one tracker and a hostile fragment spliced in as text, as a server would send it. Each row
// breaks the contract in a place it names, so every consumer must fail it for the same reason,
// naming that place; none may crash, or print more than a bounded line.
import { exampleText } from '../../src/schemas.ts';

export type HostileReason = 'schema_violation' | 'invalid_json';

export interface HostileBody {
  name: string;
  /** Built on demand: some rows are megabytes. */
  bytes: () => Buffer;
  reason: HostileReason;
  /** What the one-line message must name: the JSON path and rule, or where the bytes or syntax go wrong. */
  names: RegExp;
}

/** Lines longer than this, or holding a non-printable character, are a failure of the entry point. */
export const MAX_MESSAGE_CHARS = 2000;
export const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;

const deep = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
const example = JSON.parse(exampleText('trackers-98662653')) as { data: Record<string, unknown>[] };
/** The documented envelope with its first tracker only: `"id":9737` is that tracker's first member. */
export const ONE_TRACKER = JSON.stringify({ ...example, data: [example.data[0]] });
const withValue = (field: string, raw: string) =>
  ONE_TRACKER.replace(new RegExp(`"${field}":("[^"]*"|[^,}]*)`), () => `"${field}":${raw}`);
const utf8 = (text: string) => Buffer.from(text, 'utf8');
/** `text` with `bytes` in place of the first `marker`. */
function spliceBytes(text: string, marker: string, bytes: number[]): Buffer {
  const [before, after] = [text.slice(0, text.indexOf(marker)), text.slice(text.indexOf(marker) + marker.length)];
  return Buffer.concat([utf8(before), Buffer.from(bytes), utf8(after)]);
}
const nameValue = String(example.data[0]!.name);

export const HOSTILE_BODIES: readonly HostileBody[] = [
  {
    name: '1,000,000 levels of nesting as a tracker name',
    bytes: () => utf8(withValue('name', deep(1e6))),
    reason: 'schema_violation',
    names: /\$\.data\[0\]\.name \[type\]/,
  },
  {
    name: '1,000,000 levels of nesting as the whole body',
    bytes: () => utf8(deep(1e6)),
    reason: 'schema_violation',
    names: /\$ \[type\]/,
  },
  {
    name: 'a 10 MB string as a tracker id',
    // 10,000,000 chars: under the client's 10 MiB cap, so the body is read and judged.
    bytes: () => utf8(withValue('id', JSON.stringify('a'.repeat(10_000_000)))),
    reason: 'schema_violation',
    names: /\$\.data\[0\]\.id \[type\]/,
  },
  {
    name: 'a 1,000,000-element array as a tracker name',
    bytes: () => utf8(withValue('name', JSON.stringify(new Array(1e6).fill(0)))),
    reason: 'schema_violation',
    names: /\$\.data\[0\]\.name \[type\]/,
  },
  {
    name: 'a __proto__ key as a tracker name',
    bytes: () => utf8(withValue('name', '{"__proto__":{"polluted":true}}')),
    reason: 'schema_violation',
    names: /\$\.data\[0\]\.name \[type\]/,
  },
  {
    name: 'constructor and __proto__ keys as data',
    bytes: () =>
      utf8(ONE_TRACKER.replace(/"data":\[.*?\}\]/, '"data":{"constructor":{"prototype":{"polluted":true}},"__proto__":[]}')),
    reason: 'schema_violation',
    names: /\$\.data \[type\]/,
  },
  {
    name: 'invalid UTF-8 (0xFF) inside a tracker name',
    bytes: () => spliceBytes(ONE_TRACKER, nameValue, [0x41, 0xff, 0x42]),
    reason: 'invalid_json',
    names: /not UTF-8: byte 0xFF at byte offset \d+/,
  },
  {
    name: 'a NUL byte inside a tracker name',
    bytes: () => spliceBytes(ONE_TRACKER, nameValue, [0x41, 0x00, 0x42]),
    reason: 'invalid_json',
    names: /NUL byte at byte offset \d+/,
  },
  {
    name: '1e400 as a tracker id',
    bytes: () => utf8(withValue('id', '1e400')),
    reason: 'schema_violation',
    names: /\$\.data\[0\]\.id \[type\]/,
  },
  {
    name: '-0 as a tracker name',
    bytes: () => utf8(withValue('name', '-0')),
    reason: 'schema_violation',
    names: /\$\.data\[0\]\.name \[type\]/,
  },
  {
    name: 'a duplicate id key, the last one a string',
    bytes: () => utf8(ONE_TRACKER.replace('"id":9737', '"id":9737,"id":"9737"')),
    reason: 'schema_violation',
    names: /\$\.data\[0\]\.id \[type\]/,
  },
  {
    name: 'a UTF-8 byte order mark before the body',
    bytes: () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(ONE_TRACKER)]),
    reason: 'invalid_json',
    names: /byte order mark/,
  },
  {
    name: 'a syntax error after 1,000,000 levels',
    bytes: () => utf8('['.repeat(1e6) + '}'),
    reason: 'invalid_json',
    names: /line 1, column 1000001/,
  },
];
