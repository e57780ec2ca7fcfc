// The trackers and not_found checks: one GET each, judged in the fixed order
// transport → status → content encoding/media type/JSON → contract → latency.
import { trackersPath, type ClientResult, type RequestOptions, type TrackersClient } from '../client.ts';
import { formatFinding, formatGroup } from '../format-findings.ts';
import { groupFindings } from '../group-findings.ts';
import { validateResponse } from '../validate.ts';
import {
  clip,
  ms,
  serverSays,
  singleStepResult,
  stepOf,
  transportFailure,
  type CheckResult,
  type CheckSettings,
  type Reason,
} from './result.ts';

export const NOT_FOUND_CODE = 8015;
/** The documented text of 8015. Not contract (consumers key on the code): a different one is a warning. */
export const NOT_FOUND_MESSAGE = 'Customer not found for the given identifiers';

type ResponseCheck = 'trackers' | 'not_found';

/** Which status a check accepts, or the reason it fails with. */
function judgeStatus(status: number, check: ResponseCheck, accepted: readonly number[]): Reason | undefined {
  if (status >= 500) return 'http_5xx';
  if (status === 401 || status === 403) return 'auth_error';
  const ok = check === 'trackers' ? status === 200 : accepted.includes(status);
  if (ok) return undefined;
  return status >= 400 && status < 500 ? 'http_4xx' : 'unexpected_status';
}

/** Judge one answer to GET trackers for the existing (trackers) or the missing (not_found) customer. */
export function judgeResponse(check: ResponseCheck, r: ClientResult, settings: CheckSettings, title: string): CheckResult {
  const took = ms(r.timings.totalMs);
  const failWith = (reason: Reason, message: string, extra?: Parameters<typeof singleStepResult>[2]) =>
    singleStepResult(check, stepOf(title, r, reason, message), extra);

  const transport = transportFailure(r);
  if (transport) return failWith(transport.reason, transport.message);
  const status = r.status!;
  const statusReason = judgeStatus(status, check, settings.notFoundStatuses);
  if (statusReason) {
    const expected = check === 'trackers' ? '200' : `one of ${settings.notFoundStatuses.join(', ')} with error 8015`;
    const refused = statusReason === 'auth_error' ? 'the configured credentials were refused: ' : '';
    return failWith(statusReason, `${refused}HTTP ${status}${serverSays(r.body)}, expected ${expected}, after ${took}`);
  }
  if (r.failure?.reason === 'bad_content_encoding')
    return failWith('bad_content_encoding', `HTTP ${status}: ${r.failure.message}`);
  if (r.failure?.reason === 'non_json_content_type') return failWith('bad_content_type', `HTTP ${status}: ${r.failure.message}`);
  if (r.failure?.reason === 'invalid_json') return failWith('invalid_json', `HTTP ${status}: ${r.failure.message}`);

  const validation =
    check === 'trackers'
      ? validateResponse(r.body, { expect: 'success' })
      : validateResponse(r.body, { expect: 'error', errorCode: NOT_FOUND_CODE, errorMessage: NOT_FOUND_MESSAGE });
  const warnings = validation.warnings;
  const found = { errors: validation.errors, warnings, trackerCount: validation.trackerCount };
  if (!validation.ok) {
    const lost8015 = validation.errors.find((e) => e.rule === 'envelope' || e.rule === 'error_code');
    if (check === 'not_found' && lost8015) {
      return failWith(
        'error_code_mismatch',
        `HTTP ${status}: no 8015 for the missing customer: ${formatFinding(lost8015)}`,
        found,
      );
    }
    // The first group, not the first finding: one type change over 97 trackers reads as one line with a count.
    const first = formatGroup(groupFindings(validation.errors)[0]!, validation.trackerCount);
    return failWith(
      'schema_violation',
      `HTTP ${status}: ${validation.errors.length} contract violation(s), first: ${first}`,
      found,
    );
  }
  if (r.timings.totalMs > settings.latencyBudgetMs) {
    return failWith(
      'latency_budget_exceeded',
      `HTTP ${status}, valid, but took ${took} (budget ${settings.latencyBudgetMs} ms)`,
      found,
    );
  }
  const degraded = r.timings.totalMs > settings.latencyDegradedMs;
  const what = check === 'trackers' ? `${validation.trackerCount} tracker(s)` : 'error 8015';
  const warned = warnings.length > 0 ? `, ${warnings.length} warning(s)` : '';
  const slow = degraded ? ` (degraded: over ${settings.latencyDegradedMs} ms)` : '';
  return singleStepResult(check, stepOf(title, r, undefined, clip(`HTTP ${status}, ${what}${warned}, ${took}${slow}`)), {
    ...found,
    degraded,
  });
}

export interface RunOptions {
  /** Extra request headers, e.g. X-Sandbox-Fault for a demo or a test (only the sandbox understands it). */
  headers?: Record<string, string>;
}

export async function checkTrackers(
  client: TrackersClient,
  settings: CheckSettings,
  options: RunOptions = {},
): Promise<CheckResult> {
  const ro: RequestOptions = { headers: options.headers };
  const r = await client.getTrackers(settings.customerId, ro);
  return judgeResponse('trackers', r, settings, `GET ${trackersPath(settings.customerId)} (the existing customer)`);
}

export async function checkNotFound(
  client: TrackersClient,
  settings: CheckSettings,
  options: RunOptions = {},
): Promise<CheckResult> {
  const r = await client.getTrackers(settings.missingCustomerId, { headers: options.headers });
  return judgeResponse('not_found', r, settings, `GET ${trackersPath(settings.missingCustomerId)} (the missing customer)`);
}
