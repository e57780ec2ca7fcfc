// trackers-contract record --out FILE.har: send the gate's requests (the existing customer, the
// missing customer, the auth cases, the malformed ids) to the configured target and keep every
// exchange in one HAR, credentials redacted (the client records them so: src/client.ts). It runs the
// checks themselves, so the requests are the gate's by construction, not a list kept beside them.
// `sandbox --replay FILE.har` then serves the recording, and gate, verify and monitor --once run offline.
import { accessSync, constants, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { anonymizeHar } from '../src/anonymize.ts';
import { clientFor } from '../src/client.ts';
import { answered, CHECK_NAMES, type CheckResult } from '../src/checks/result.ts';
import { runCheck } from '../src/checks/run.ts';
import { describeTarget, loadConfig } from '../src/config/api.ts';
import { DONE, EXIT } from '../src/exit-code.ts';
import { HAR_CREATOR, harOf, type Har } from '../src/har.ts';
import { packageVersion } from '../src/package-root.ts';
import { parseOptions } from '../src/parse-options.ts';
import { isEntryPoint } from './entry-point.ts';
import { openTarget } from './target.ts';

export const USAGE = `Usage: trackers-contract record --out FILE.har [options]

Sends the gate's requests (the existing customer, the missing customer, the auth cases, the
malformed ids) to CAP_BASE_URL (default: the embedded sandbox) and writes every exchange to one
HAR 1.2 file, credentials redacted. Serve it with sandbox --replay FILE.har, and point gate, verify
or monitor --once at that sandbox to run them offline against what the target answered.

Options:
  --out FILE     the HAR file to write (its directory must exist and be writable)
  --anonymize    replace CAP_CUSTOMER_ID and CAP_MISSING_CUSTOMER_ID by stable fake ids, in paths,
                 bodies and titles; the fake ids are printed, to set as CAP_CUSTOMER_ID and
                 CAP_MISSING_CUSTOMER_ID against the replay (verify's contracts name the sandbox's
                 ids, so verify needs a recording without --anonymize)
  -h, --help     this text

Exit codes: 0 recorded (whatever the checks' verdicts: the recording is the product), 2 usage or
configuration error or an --out that cannot be written (nothing written), 3 no request got an HTTP
answer (nothing written).
`;

/** Where --out goes, or why it cannot: checked before any request is sent. */
function checkOut(out: string): string | undefined {
  const dir = dirname(resolve(out));
  try {
    if (statSync(out, { throwIfNoEntry: false })?.isDirectory()) return `--out ${out}: is a directory`;
    accessSync(dir, constants.W_OK);
    return undefined;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    return `--out ${out}: ${code === 'ENOENT' ? `no such directory ${dir}` : `cannot write in ${dir} (${code})`}`;
  }
}

/** The checks' exchanges as one HAR, in the order sent. */
export function recordingOf(results: readonly CheckResult[], from: string, version: string): Har {
  const entries = results.flatMap((r) => harOf(r, version).log.entries);
  const verdicts = results.map((r) => `${r.check} ${r.verdict}`).join(', ');
  return {
    log: {
      version: '1.2',
      creator: { name: HAR_CREATOR, version },
      entries,
      comment: `recorded by trackers-contract record from ${from}: ${verdicts}`,
    },
  };
}

export async function main(argv: readonly string[]): Promise<number> {
  const fail = (message: string) => {
    process.stderr.write(`record: ${message}\n`);
    return EXIT.usage;
  };
  const parsed = parseOptions(argv, {
    out: { type: 'string' },
    anonymize: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (!parsed.ok) return fail(`${parsed.error} (see --help)`);
  if (parsed.values.help === true) {
    process.stdout.write(USAGE);
    return DONE;
  }
  const out = parsed.values.out;
  if (typeof out !== 'string' || out === '') return fail('--out FILE is required (see --help)');
  const outProblem = checkOut(out);
  if (outProblem) return fail(outProblem);
  const loaded = loadConfig();
  if (!loaded.ok) return fail(`configuration error: ${loaded.errors.join('; ')} (see .env.example)`);
  const config = loaded.config;

  const target = await openTarget(config);
  const client = clientFor(config, target.baseUrl);
  const results: CheckResult[] = [];
  try {
    // The gate's thorough auth run: every kind of wrong credential it sends.
    for (const check of CHECK_NAMES) results.push(await runCheck(check, client, config, { thorough: check === 'auth' }));
  } finally {
    client.close();
    await target.close();
  }
  if (!results.some(answered)) {
    process.stderr.write(`record: no request got an HTTP answer from ${describeTarget(config.target)}; nothing written\n`);
    return EXIT.inconclusive;
  }
  let har = recordingOf(results, describeTarget(config.target), packageVersion());
  let fakes: Map<string, string> | undefined;
  if (parsed.values.anonymize === true) ({ har, fakes } = anonymizeHar(har, [config.customerId, config.missingCustomerId]));

  // Written whole or not at all: a HAR cut short by a full disk would replay as a damaged file.
  const partial = `${out}.partial-${process.pid}`;
  try {
    writeFileSync(partial, `${JSON.stringify(har, null, 2)}\n`);
    renameSync(partial, out);
  } catch (err) {
    rmSync(partial, { force: true });
    return fail(`--out ${out}: cannot be written (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  process.stdout.write(
    `record: ${har.log.entries.length} exchanges from ${describeTarget(config.target)} written to ${out} (${results.map((r) => `${r.check} ${r.verdict}`).join(', ')})\n`,
  );
  if (fakes) {
    process.stdout.write(
      `record: customer ids anonymized; against the replay set CAP_CUSTOMER_ID=${fakes.get(config.customerId)} CAP_MISSING_CUSTOMER_ID=${fakes.get(config.missingCustomerId)}\n`,
    );
  }
  return DONE;
}

if (isEntryPoint(import.meta.url)) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
