// Reading a failure bundle back (a bundle directory, or an exchange.har on its own), for whatever
// judges or serves a recording again. Bad input is one line naming the file and what is wrong, never a
// throw: a missing or unreadable path, a truncated HAR, a HAR of another API, a bundle from a later
// version of this tool.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckResult } from './checks/result.ts';
import { BUNDLE_VERSION } from './failure-bundle.ts';
import { trackersSegmentOf, type HarEntry } from './har.ts';
import { isRecord } from './json-object.ts';
import { describeJsonProblem, parseJson } from './json-position.ts';

export interface ReadBundle {
  /** The entries for the endpoint, in the order recorded. */
  entries: HarEntry[];
  /** The recorded result, when the path was a bundle directory. */
  result?: CheckResult;
  /** The bundle's target, when it was a bundle directory. */
  target?: string;
}

export type ReadBundleResult = { ok: true; bundle: ReadBundle } | { ok: false; message: string };

const fail = (message: string): ReadBundleResult => ({ ok: false, message });

function readText(file: string): { ok: true; text: string } | { ok: false; message: string } {
  try {
    return { ok: true, text: readFileSync(file, 'utf8') };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    return { ok: false, message: `${file}: ${code === 'ENOENT' ? 'no such file' : `cannot be read (${code})`}` };
  }
}

function readJson(file: string): { ok: true; value: unknown } | { ok: false; message: string } {
  const read = readText(file);
  if (!read.ok) return read;
  const parsed = parseJson(read.text);
  if (!parsed.ok)
    return { ok: false, message: `${file}: not valid JSON, truncated or damaged (${describeJsonProblem(parsed.problem)})` };
  return parsed;
}

function entriesOf(file: string, value: unknown): { ok: true; entries: HarEntry[] } | { ok: false; message: string } {
  const log = isRecord(value) ? value.log : undefined;
  if (!isRecord(log) || !Array.isArray(log.entries)) return { ok: false, message: `${file}: not a HAR log (no log.entries)` };
  if (log.version !== '1.2' && log.version !== '1.1')
    return { ok: false, message: `${file}: HAR version ${JSON.stringify(log.version ?? null)}, expected 1.2` };
  const entries = (log.entries as unknown[]).filter(
    (e): e is HarEntry =>
      // A recording with no entry for the endpoint is of another API.
      isRecord(e) && isRecord(e.request) && isRecord(e.response) && trackersSegmentOf(e.request.url) !== undefined,
  );
  if (entries.length === 0) {
    return {
      ok: false,
      message: `${file}: none of its ${log.entries.length} entries is a request to /v2/customers/{customerId}/trackers`,
    };
  }
  return { ok: true, entries };
}

/** A bundle directory (exchange.har and result.json) or a HAR file. Never throws. */
export function readBundle(path: string): ReadBundleResult {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    return fail(`${path}: ${code === 'ENOENT' ? 'no such file or directory' : `cannot be read (${code})`}`);
  }
  if (!isDirectory) {
    const har = readJson(path);
    if (!har.ok) return har;
    const entries = entriesOf(path, har.value);
    return entries.ok ? { ok: true, bundle: { entries: entries.entries } } : entries;
  }
  // The version first: a later bundle's HAR may not read as this one expects.
  const resultFile = join(path, 'result.json');
  const doc = readJson(resultFile);
  if (!doc.ok) return doc;
  const version = isRecord(doc.value) ? doc.value.bundleVersion : undefined;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return fail(`${resultFile}: no bundleVersion: not a failure bundle`);
  if (version > BUNDLE_VERSION)
    return fail(
      `${resultFile}: bundle version ${version} is newer than this trackers-contract reads (${BUNDLE_VERSION}): upgrade it`,
    );
  const harFile = join(path, 'exchange.har');
  const har = readJson(harFile);
  if (!har.ok) return har;
  const entries = entriesOf(harFile, har.value);
  if (!entries.ok) return entries;
  const record = doc.value as { result?: CheckResult; target?: unknown };
  return {
    ok: true,
    bundle: {
      entries: entries.entries,
      result: record.result,
      target: typeof record.target === 'string' ? record.target : undefined,
    },
  };
}

export interface ReadRecording {
  /** The bundle directory or HAR file it came from, for the report. */
  file: string;
  bundle: ReadBundle;
}

export type ReadRecordingsResult = { ok: true; recordings: ReadRecording[] } | { ok: false; message: string };

/**
 * A bundle, a HAR file, or a directory of them (a gate's failures/, a monitor's --failures-dir): every
 * recording in it, in name order (a bundle's name starts with its time). One bad member fails the
 * whole read: a replay that silently skips a file would judge less than was asked.
 */
export function readRecordings(path: string): ReadRecordingsResult {
  let names: string[];
  try {
    if (!statSync(path).isDirectory() || existsSync(join(path, 'result.json'))) {
      const one = readBundle(path);
      return one.ok ? { ok: true, recordings: [{ file: path, bundle: one.bundle }] } : one;
    }
    names = readdirSync(path).sort();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    return { ok: false, message: `${path}: ${code === 'ENOENT' ? 'no such file or directory' : `cannot be read (${code})`}` };
  }
  const members = names
    .map((name) => join(path, name))
    .filter((member) => member.endsWith('.har') || existsSync(join(member, 'result.json')));
  if (members.length === 0) return { ok: false, message: `${path}: no failure bundle or .har file in it` };
  const recordings: ReadRecording[] = [];
  for (const member of members) {
    const read = readBundle(member);
    if (!read.ok) return read;
    recordings.push({ file: member, bundle: read.bundle });
  }
  return { ok: true, recordings };
}
