// What counts as a JSON answer, decided once for the client, the checks and the
// Pact contracts. RFC 9110 §8.3.1: type and subtype are case-insensitive and may
// carry parameters; RFC 6839 adds the structured-syntax suffix +json. So
// `Application/JSON; charset=utf-8` and `application/problem+json` are JSON, and
// a provider sending them breaks no consumer.

// A token per RFC 9110 §5.6.2 (the characters a subtype may hold).
const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";

const JSON_MEDIA_TYPE = new RegExp(`^application/(?:${TOKEN}\\+)?json$`, 'i');

/** The media type of a Content-Type value, lower-cased, without parameters. */
export function mediaTypeOf(contentType: string | undefined): string | undefined {
  if (contentType === undefined) return undefined;
  const media = contentType.split(';')[0]!.trim().toLowerCase();
  return media === '' ? undefined : media;
}

export function isJsonMediaType(contentType: string | undefined): boolean {
  const media = mediaTypeOf(contentType);
  return media !== undefined && JSON_MEDIA_TYPE.test(media);
}

/**
 * The same rule as a regex for Pact's header matcher (the Rust regex crate: `(?i)` for case, and
 * the whole header value, parameters included). Tests check it agrees with isJsonMediaType.
 */
export const JSON_CONTENT_TYPE_PATTERN = `^(?i)\\s*application/(?:${TOKEN}\\+)?json\\s*(?:;.*)?$`;
