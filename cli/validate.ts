// trackers-contract validate FILE|- [--expect success|error|auto] [--error-code N]
// Exit 0 valid (warnings allowed), 1 invalid, 2 usage or input problem. Whatever the input, the
// answer is lines of text, never a stack trace: exit 1 is a verdict about a body that parsed, so
// anything that goes wrong before or around the verdict is an input problem (2).
import { readFileSync } from 'node:fs';
import { formatResult } from '../src/format-findings.ts';
import { decodeJsonBytes } from '../src/json-bytes.ts';
import { describeJsonProblem, parseJson } from '../src/json-position.ts';
import { printable, showValue } from '../src/show-value.ts';
import { DONE, EXIT, exitCodeFor } from '../src/exit-code.ts';
import { parseOptions } from '../src/parse-options.ts';
import { NOT_FOUND_CODE, NOT_FOUND_MESSAGE } from '../src/checks/trackers.ts';
import { validateResponse, type Expectation } from '../src/validate.ts';

import { isEntryPoint } from './entry-point.ts';

export const USAGE = `Usage: trackers-contract validate <file.json | -> [options]

Validates a captured response body (a file, or - for stdin) against the contract.

Options:
  --expect KIND      success, error or auto (default: auto, by the body's shape)
  --error-code N     with an error body: the code it must carry (e.g. 8015)
  -h, --help         this text

Exit codes: 0 valid (warnings do not fail), 1 invalid, 2 usage or input problem.
`;

/** Ends the command with exit 2: thrown, caught once in main. */
class InputProblem extends Error {
  constructor(
    message: string,
    readonly showUsage = true,
  ) {
    super(message);
  }
}

function fail(message: string, usage = true): never {
  throw new InputProblem(message, usage);
}

class HelpAsked extends Error {}

function parse(argv: readonly string[]): { file: string; expect: Expectation; errorCode?: number } {
  const parsed = parseOptions(
    argv,
    { expect: { type: 'string' }, 'error-code': { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
    { positionals: true },
  );
  if (!parsed.ok) fail(parsed.error);
  if (parsed.values.help === true) throw new HelpAsked();
  if (parsed.positionals.length !== 1)
    fail(parsed.positionals.length === 0 ? 'no input file given' : 'give exactly one input file');
  const expect = parsed.values.expect ?? 'auto';
  if (expect !== 'success' && expect !== 'error' && expect !== 'auto')
    fail(`--expect must be success, error or auto, not ${JSON.stringify(expect)}`);
  const codeText = parsed.values['error-code'];
  if (codeText !== undefined && (typeof codeText !== 'string' || !/^\d+$/.test(codeText)))
    fail(`--error-code must be a whole number, not ${JSON.stringify(codeText)}`);
  return { file: parsed.positionals[0]!, expect, errorCode: codeText === undefined ? undefined : Number(codeText) };
}

function readInput(file: string): Buffer {
  try {
    return readFileSync(file === '-' ? 0 : file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') fail(`cannot read ${file}: no such file`);
    if (code === 'EISDIR') fail(`cannot read ${file}: it is a directory`);
    fail(`cannot read ${file}: ${code ?? (err as Error).message}`);
  }
}

function run(argv: readonly string[]): number {
  const args = parse(argv);
  const label = args.file === '-' ? 'stdin' : args.file;
  const decoded = decodeJsonBytes(readInput(args.file));
  if (!decoded.ok) fail(`${label} ${decoded.problem}`, false);
  // A BOM is accepted (RFC 8259 lets a parser ignore it), but the producer should not send one: say so.
  if (decoded.hadBom)
    process.stderr.write(`validate: note: ${printable(label, 200)} starts with a UTF-8 byte order mark; ignored\n`);
  const parsed = parseJson(decoded.text);
  if (!parsed.ok) {
    const at = parsed.problem.at;
    // The one offending character, escaped, helps more than V8's quote of the text around it.
    const found =
      at && at.offset < decoded.text.length
        ? ` (found ${showValue(String.fromCodePoint(decoded.text.codePointAt(at.offset)!))})`
        : '';
    fail(`${label} is not JSON: ${describeJsonProblem(parsed.problem)}${found}`, false);
  }
  // 8015's documented message: another one is a warning, as in the gate and the monitor.
  const errorMessage = args.errorCode === NOT_FOUND_CODE ? NOT_FOUND_MESSAGE : undefined;
  const result = validateResponse(parsed.value, { expect: args.expect, errorCode: args.errorCode, errorMessage });
  process.stdout.write(`${formatResult(result, label)}\n`);
  return exitCodeFor([result.ok ? 'pass' : 'fail']);
}

export function main(argv: readonly string[]): number {
  try {
    return run(argv);
  } catch (err) {
    if (err instanceof HelpAsked) {
      process.stdout.write(USAGE);
      return DONE;
    }
    const problem =
      err instanceof InputProblem
        ? err
        : // E.g. an input too large for one string: still an input problem, in one line.
          new InputProblem(
            `cannot check the input: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`,
            false,
          );
    process.stderr.write(`validate: ${printable(problem.message, 300)}${problem.showUsage ? ' (see --help)' : ''}\n`);
    return EXIT.usage;
  }
}

if (isEntryPoint(import.meta.url)) process.exitCode = main(process.argv.slice(2));
