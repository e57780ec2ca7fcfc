// Command-line options for every command, by node:util parseArgs: strict (an
// unknown option is an error), positionals only where a command takes them, and
// the error as one short line in the project's words, so each command prints the
// same `<command>: <problem> (see --help)` and exits 2. Node's own text runs to
// two or three lines and changes between Node versions.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { printable } from './show-value.ts';

export type OptionValues = Record<string, string | boolean | undefined>;

export type ParsedOptions = { ok: true; values: OptionValues; positionals: string[] } | { ok: false; error: string };

/** An argument as typed, bounded and printable: it can be anything, a pasted secret included. */
const shown = (arg: string) => printable(arg, 60);

/** parseArgs' error as one line: the option or argument, and what is wrong with it. */
export function describeParseError(err: unknown): string {
  const code = (err as { code?: unknown }).code;
  const message = err instanceof Error ? err.message : String(err);
  const firstLine = message.split('\n')[0]!;
  const option = /--[A-Za-z0-9][A-Za-z0-9-]*/.exec(firstLine)?.[0];
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const token = /^Unknown option '(.*?)'(?:\.\s|$)/s.exec(message)?.[1];
      return token === undefined ? firstLine : `unknown option ${shown(token)}`;
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (option === undefined) break;
      if (/does not take an argument/.test(firstLine)) return `${option} takes no value`;
      // "ambiguous": the next argument starts with a dash, so it was taken for an option, not the value.
      if (/ambiguous/.test(firstLine)) return `${option} needs a value; one starting with "-" is written ${option}=-…`;
      return `${option} needs a value`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL': {
      const token = /^Unexpected argument '(.*?)'(?:\.\s|$)/s.exec(message)?.[1];
      return token === undefined ? firstLine : `unexpected argument ${shown(token)}`;
    }
  }
  return firstLine;
}

export function parseOptions(
  argv: readonly string[],
  options: NonNullable<ParseArgsConfig['options']>,
  { positionals = false }: { positionals?: boolean } = {},
): ParsedOptions {
  try {
    const parsed = parseArgs({ args: [...argv], strict: true, allowPositionals: positionals, options });
    return { ok: true, values: parsed.values as OptionValues, positionals: parsed.positionals };
  } catch (err) {
    return { ok: false, error: describeParseError(err) };
  }
}
