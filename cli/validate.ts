// npm run validate -- FILE|- [--expect success|error] [--error-code N]
// Exit 0 valid (warnings allowed), 1 invalid, 2 usage or input problem.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatResult } from '../src/format-findings.ts';
import { validateResponse, type Expectation } from '../src/validate.ts';

const USAGE = 'usage: npm run validate -- <file.json | -> [--expect success|error|auto] [--error-code N]';

function fail(message: string): never {
  process.stderr.write(`validate: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function parse(argv: string[]): { file: string; expect: Expectation; errorCode?: number } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { expect: { type: 'string' }, 'error-code': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (err) {
    fail((err as Error).message);
  }
  if (parsed.values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  if (parsed.positionals.length !== 1)
    fail(parsed.positionals.length === 0 ? 'no input file given' : 'give exactly one input file');
  const expect = parsed.values.expect ?? 'auto';
  if (expect !== 'success' && expect !== 'error' && expect !== 'auto')
    fail(`--expect must be success, error or auto, not ${JSON.stringify(expect)}`);
  const codeText = parsed.values['error-code'];
  if (codeText !== undefined && !/^\d+$/.test(codeText))
    fail(`--error-code must be a whole number, not ${JSON.stringify(codeText)}`);
  return { file: parsed.positionals[0]!, expect, errorCode: codeText === undefined ? undefined : Number(codeText) };
}

function readInput(file: string): string {
  try {
    return readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') fail(`cannot read ${file}: no such file`);
    if (code === 'EISDIR') fail(`cannot read ${file}: it is a directory`);
    fail(`cannot read ${file}: ${code ?? (err as Error).message}`);
  }
}

const args = parse(process.argv.slice(2));
const text = readInput(args.file);
let body: unknown;
try {
  body = JSON.parse(text);
} catch (err) {
  fail(`${args.file === '-' ? 'stdin' : args.file} is not JSON: ${(err as Error).message}`);
}
const result = validateResponse(body, { expect: args.expect, errorCode: args.errorCode });
process.stdout.write(`${formatResult(result, args.file === '-' ? 'stdin' : args.file)}\n`);
process.exit(result.ok ? 0 : 1);
