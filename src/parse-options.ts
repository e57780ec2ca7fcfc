// Command-line options for every command, by node:util parseArgs: strict (an
// unknown option is an error), no positionals, and the error as one line, so
// each command turns it into the same usage message and exit 2.
import { parseArgs, type ParseArgsConfig } from 'node:util';

export type OptionValues = Record<string, string | boolean | undefined>;

export function parseOptions(
  argv: readonly string[],
  options: NonNullable<ParseArgsConfig['options']>,
): { ok: true; values: OptionValues } | { ok: false; error: string } {
  try {
    const { values } = parseArgs({ args: [...argv], strict: true, allowPositionals: false, options });
    return { ok: true, values: values as OptionValues };
  } catch (err) {
    return { ok: false, error: (err as Error).message.split('\n')[0]! };
  }
}
