// What every consumer test shares: a PactV4 that writes into a private temp dir
// (Pact merges into an existing file, so each run starts empty) and, when the
// test file ends, publishes the pact file to reports/pacts/ for the drift check;
// and the matchers the contracts use for credentials and dates.
import '../../../src/pact/no-telemetry.ts';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MatchersV3, PactV4, SpecificationVersion, type Matcher, type Rules, type V3RegexMatcher } from '@pact-foundation/pact';
import { basicAuthHeader } from '../../../src/auth.ts';
import { ISO_DATE_TIME_PATTERN } from '../consumers/iso-date-time.ts';
import { GENERATED_PACTS_DIR, PROVIDER, TRACKERS_PATH_EXPRESSION, pactFileName } from '../../../src/pact/contracts.ts';
import { trackersPath } from '../../../src/client.ts';
import { JSON_CONTENT_TYPE_PATTERN } from '../../../src/media-type.ts';

/** The documented example's customer and the sandbox's unknown one: example values only; verification injects the provider's own. */
export const EXAMPLE_CUSTOMER_ID = '98662653';
export const EXAMPLE_MISSING_CUSTOMER_ID = '99999999';

export interface ConsumerPact {
  pact: PactV4;
  /** Copy the pact file Pact wrote to reports/pacts/ (atomically), and remove the temp dir. */
  publish(): void;
}

export function consumerPact(consumer: string): ConsumerPact {
  const dir = mkdtempSync(join(tmpdir(), `pact-${consumer}-`));
  const pact = new PactV4({
    consumer,
    provider: PROVIDER,
    dir,
    spec: SpecificationVersion.SPECIFICATION_VERSION_V4,
    logLevel: 'warn',
  });
  return {
    pact,
    publish() {
      const name = pactFileName(consumer);
      // No file when every interaction failed: the failures are already reported, and the drift check will say it is missing.
      if (!existsSync(join(dir, name))) return;
      mkdirSync(GENERATED_PACTS_DIR, { recursive: true });
      const staging = join(GENERATED_PACTS_DIR, `.${name}.${process.pid}.tmp`);
      copyFileSync(join(dir, name), staging);
      renameSync(staging, join(GENERATED_PACTS_DIR, name));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The request path: an example for the mock server, the customer id from the provider state when verifying. */
export function trackersPathFor(exampleCustomerId: string) {
  return MatchersV3.fromProviderState(TRACKERS_PATH_EXPRESSION, trackersPath(exampleCustomerId));
}

/** A date-time the consumers' parser accepts (tests/pact/consumers/iso-date-time.ts). */
export function isoDateTime(example: string): V3RegexMatcher {
  return MatchersV3.regex(ISO_DATE_TIME_PATTERN, example);
}

/**
 * Capillary's Basic header by shape only. The example is a placeholder
 * (example_user and an all-zero md5), never a real credential: the verifier's
 * request filter puts the configured credentials in its place.
 */
export const basicAuthorization = MatchersV3.regex(
  '^Basic [A-Za-z0-9+/=]+$',
  basicAuthHeader('example_user', '0'.repeat(32), true),
);

/**
 * Content-Type by the project's one media-type rule (src/media-type.ts): any case, +json suffixes and
 * parameters, so `Application/JSON; charset=utf-8` breaks no consumer. The example is what the mock sends.
 */
export const jsonContentType = { 'Content-Type': MatchersV3.regex(JSON_CONTENT_TYPE_PATTERN, 'application/json') };

/** An OAuth token by shape only (opaque, no whitespace); the example is a placeholder. */
export const oauthToken = MatchersV3.regex('^\\S+$', 'example-oauth-token');

/**
 * V4 status matching: the response status must be one of these (the pact file
 * keeps the example status too). Pact-JS has no DSL for it, so the rule is
 * given directly; the V4 spec calls it the "statusCode" matcher.
 */
export function statusIn(statuses: readonly number[]): Rules {
  const rule = { 'pact:matcher:type': 'statusCode', status: [...statuses] };
  return { status: { path: '$', rules: [rule as Matcher<unknown>] } };
}

/** Exact equality at these body paths, on top of the type matchers of jsonBody. */
export function equalAt(...paths: string[]): Rules {
  return { body: paths.map((path) => ({ path, rules: [{ 'pact:matcher:type': 'equality' }] })) };
}
