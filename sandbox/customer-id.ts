// The {customerId} path segment. Capillary declares it an integer and stores it as
// a Java long, so the sandbox accepts exactly what Long.parseLong would, minus the
// sign: ASCII digits only, value 1..Long.MAX_VALUE. Everything else (negative,
// zero, 2^63, floats, unicode digits, encoded traversal, SQL) is a 400.
import { CUSTOMER_ID_MAX } from './envelopes.ts';

// 19 digits hold every long; refusing longer input up front also keeps BigInt
// from parsing a megabyte of digits.
const DIGITS = /^[0-9]{1,19}$/;

/** The customer id in a raw (still percent-encoded) path segment, or undefined when it is not a valid id. */
export function parseCustomerId(rawSegment: string): bigint | undefined {
  let segment: string;
  try {
    // Servers decode path variables, so %39%38 is 98; malformed escapes are a client error, not a crash.
    segment = decodeURIComponent(rawSegment);
  } catch {
    return undefined;
  }
  if (!DIGITS.test(segment)) return undefined;
  const id = BigInt(segment);
  return id >= 1n && id <= CUSTOMER_ID_MAX ? id : undefined;
}
