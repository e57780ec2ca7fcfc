// record --anonymize: customer ids replaced by stable fake ones, consistently in every path, header,
// body and title of a recording, so a recording of production can be handed on without naming a
// customer, and replays the same way (the same id always maps to the same fake). Only the ids are
// mapped: a body's other values are the provider's, as recorded.
import { createHash } from 'node:crypto';
import type { Har, HarEntry } from './har.ts';

/** A fake id for a real one: nine digits from its hash, never starting with 0, the same every time. */
export function fakeCustomerId(id: string): string {
  const n = BigInt(`0x${createHash('sha256').update(`trackers-contract anonymize ${id}`).digest('hex').slice(0, 15)}`);
  return String(100_000_000n + (n % 900_000_000n));
}

/**
 * Every id replaced where it stands alone (not inside a longer number) in the recording's text. The
 * bad_input check's entries are left as sent: their ids are this tool's fixed table of malformed ones
 * (some built from the sandbox's customer id), not a customer's, and a replay must match them as sent.
 */
export function anonymizeHar(har: Har, ids: readonly string[]): { har: Har; fakes: Map<string, string> } {
  const fakes = new Map(ids.map((id) => [id, fakeCustomerId(id)]));
  const anonymize = (value: unknown): unknown => {
    let text = JSON.stringify(value);
    for (const [id, fake] of fakes) text = text.replace(new RegExp(`(?<![0-9])${id}(?![0-9])`, 'g'), fake);
    return JSON.parse(text);
  };
  const out: Har = {
    log: {
      ...(anonymize({ ...har.log, entries: [] }) as Har['log']),
      entries: har.log.entries.map((e) => (e._check === 'bad_input' ? e : (anonymize(e) as HarEntry))),
    },
  };
  // The same length in digits (nine here, eight in the sandbox's ids) is not promised: sizes follow the text.
  for (const entry of out.log.entries) {
    const content = entry.response.content;
    if (content.text !== undefined && content.encoding !== 'base64') content.size = Buffer.byteLength(content.text);
  }
  return { har: out, fakes };
}
