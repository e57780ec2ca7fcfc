// The formats the contract's schemas use, by name, as Ajv's addFormat takes them. The
// generator adds them to its Ajv instance, and the code it generates imports this map
// (Ajv's option code.formats), so both check a date-time with the same function.
import { isDateTime } from './rfc3339-date-time.ts';

export const FORMATS = {
  'date-time': { type: 'string', validate: isDateTime },
} as const;
