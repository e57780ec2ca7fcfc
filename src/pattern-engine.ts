// Ajv's regular-expression engine (option code.regExp), with one pattern answered by
// hand: the contract's date-time shape, which every tracker checks three times. The
// matcher accepts exactly the regex's language (tests/unit/src/pattern-engine.test.ts
// compares the two); every other pattern is an ordinary RegExp with Ajv's flags.
import { hasDateTimeShape } from './rfc3339-date-time.ts';
import { schemaById } from './schemas.ts';

interface RegExpLike {
  test(s: string): boolean;
}

const DATE_TIME_PATTERN = schemaById('date-time.schema.json').pattern as string;
const dateTimeShape: RegExpLike = { test: hasDateTimeShape };

function engine(pattern: string, flags: string): RegExpLike {
  return pattern === DATE_TIME_PATTERN ? dateTimeShape : new RegExp(pattern, flags);
}

/**
 * For new Ajv({ code: { regExp: patternEngine } }). `code` is how Ajv's standalone code calls it:
 * by this name, which src/validators.generated.ts imports (scripts/generate-validators.ts).
 */
export const patternEngine = Object.assign(engine, { code: 'patternEngine' });
