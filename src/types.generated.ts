/* Generated from schemas/*.schema.json by `npm run generate` (scripts/generate-types.ts).
 * DO NOT EDIT: change the schemas and regenerate. `npm test` fails when this file drifts. */

/**
 * Every document the endpoint answers with.
 */
export type TrackersContractSchemas =
  | ApiError
  | IsoDateTime
  | ErrorResponse
  | KnownTrackerType
  | MonitorTargetsFile
  | Pagination
  | SloSpec
  | TrackerType
  | Tracker
  | TrackersResponse;
/**
 * A date and time in ISO 8601 / RFC 3339 form with a 'T' separator and a zone ('Z' or an offset such as +05:30); fractional seconds are allowed. The docs name the format 'ISO YYYY-MM-DD HH:MM:SS.s'; every value in the documented example is of the form 2023-12-07T00:00:00Z. The pattern pins the shape, the format rejects impossible dates (month 13, 30 February).
 */
export type IsoDateTime = string;
/**
 * Tracker types this contract knows: the seven the docs list (BILL_AMOUNT, CUSTOMER_VISITS, POINTS, LINEITEM_AMOUNT, LINEITEM_QTY, LINEITEM_COUNT, ALTERNATE_CURRENCIES) and four more seen in the documented example response (BILL_EXTENDED_FIELD, LINEITEM_EXTENDED_FIELD, BILL_TOTAL_QTY, BILL_GROSS_AMOUNT).
 */
export type KnownTrackerType =
  | 'BILL_AMOUNT'
  | 'CUSTOMER_VISITS'
  | 'POINTS'
  | 'LINEITEM_AMOUNT'
  | 'LINEITEM_QTY'
  | 'LINEITEM_COUNT'
  | 'ALTERNATE_CURRENCIES'
  | 'BILL_EXTENDED_FIELD'
  | 'LINEITEM_EXTENDED_FIELD'
  | 'BILL_TOTAL_QTY'
  | 'BILL_GROSS_AMOUNT';
/**
 * Specifies what the tracker monitors. Example: BILL_AMOUNT, CUSTOMER_VISITS, POINTS, LINEITEM_AMOUNT, LINEITEM_QTY, LINEITEM_COUNT, or ALTERNATE_CURRENCIES. The set is open: the docs say 'Example', and the documented response already holds types the list omits, so a type outside KnownTrackerType is valid and reported as a warning.
 */
export type TrackerType = KnownTrackerType | string;
/**
 * Date and time the tracker was last updated, in ISO YYYY-MM-DD HH:MM:SS.s format.
 */
export type IsoDateTime1 = string;
/**
 * Start date of the period for which the tracker is valid, in ISO YYYY-MM-DD HH:MM:SS.s format.
 */
export type IsoDateTime2 = string;
/**
 * End date of the period for which the tracker is valid, in ISO YYYY-MM-DD HH:MM:SS.s format.
 */
export type IsoDateTime3 = string;

/**
 * One error (or warning) item of a v2 response, as in the documented 8015 body.
 */
export interface ApiError {
  /**
   * Always false for an error item.
   */
  status: boolean;
  /**
   * API error code. 8015: Customer not found for the given identifiers (invalid customerId).
   */
  code: number;
  /**
   * Human-readable error message.
   */
  message: string;
  [k: string]: unknown;
}
/**
 * The error envelope, as in the documented 8015 body (Customer not found for the given identifiers): no tracker data and at least one error. The docs do not say which HTTP status comes with it.
 */
export interface ErrorResponse {
  pagination?: Pagination;
  /**
   * Absent in the documented error body; if present it must hold no tracker.
   *
   * @maxItems 0
   */
  data?: [];
  /**
   * Warnings, if any.
   */
  warnings?: ApiError[];
  /**
   * Errors: at least one.
   *
   * @minItems 1
   */
  errors: [ApiError1, ...ApiError1[]];
  [k: string]: unknown;
}
/**
 * Pagination is not supported. The documented responses carry it with every field 0; a non-zero value is reported as a data-quality warning.
 */
export interface Pagination {
  /**
   * Page size (always 0: pagination is not supported).
   */
  limit: number;
  /**
   * Page offset (always 0: pagination is not supported).
   */
  offset: number;
  /**
   * Total count (always 0: pagination is not supported).
   */
  total: number;
  [k: string]: unknown;
}
/**
 * One error (or warning) item of a v2 response, as in the documented 8015 body.
 */
export interface ApiError1 {
  /**
   * Always false for an error item.
   */
  status: boolean;
  /**
   * API error code. 8015: Customer not found for the given identifiers (invalid customerId).
   */
  code: number;
  /**
   * Human-readable error message.
   */
  message: string;
  [k: string]: unknown;
}
/**
 * What the monitor probes (monitor/main.ts --config FILE or MONITOR_CONFIG): one or more targets, e.g. clusters x customers. Credentials are named by environment variable, never written here. A field left out takes the environment's value (CAP_* variables, see .env.example).
 */
export interface MonitorTargetsFile {
  /**
   * The targets, each probed on its own timers.
   *
   * @minItems 1
   * @maxItems 1000
   */
  targets: [MonitorTargetSpec, ...MonitorTargetSpec[]];
  /**
   * Planned maintenance windows (docs/monitor.md#maintenance-windows): probing goes on, trackers_maintenance{target} is 1, alerts and error budget leave the window out, the status page says MAINTENANCE.
   *
   * @maxItems 100
   */
  maintenance?: MaintenanceWindowSpec[];
}
export interface MonitorTargetSpec {
  /**
   * The target label of every metric: unique, lower-case letters, digits, _ and -, at most 40 characters.
   */
  name: string;
  /**
   * Base URL of the cluster, e.g. https://eu.api.capillarytech.com. Absent: CAP_BASE_URL, or the embedded sandbox when that is unset.
   */
  baseUrl?: string;
  /**
   * A customer that exists (decimal string: ids are 64-bit). Absent: CAP_CUSTOMER_ID.
   */
  customerId?: string;
  /**
   * A customer id that does not exist (the API must answer 8015). Absent: CAP_MISSING_CUSTOMER_ID.
   */
  missingCustomerId?: string;
  auth?: MonitorCredentialRefs;
  /**
   * Seconds between probes of the existing customer (default 30).
   */
  intervalSeconds?: number;
  /**
   * Seconds between probes of the missing customer (the 8015 check; default 300).
   */
  notFoundIntervalSeconds?: number;
  /**
   * Seconds between auth checks (requests without, and with wrong, credentials must be refused; default 300). 0 turns the auth check off.
   */
  authIntervalSeconds?: number;
  /**
   * Whole-request timeout. Absent: CAP_TIMEOUT_MS.
   */
  timeoutMs?: number;
  /**
   * A slower response fails. Absent: CAP_LATENCY_BUDGET_MS.
   */
  latencyBudgetMs?: number;
  /**
   * A slower response counts as degraded. Absent: CAP_LATENCY_DEGRADED_MS.
   */
  latencyDegradedMs?: number;
  /**
   * HTTP statuses accepted with the 8015 body; never an authentication refusal (401, 403, 407: broken credentials would pass the check) nor a 5xx. Absent: CAP_NOT_FOUND_STATUS.
   *
   * @minItems 1
   */
  notFoundStatuses?: [number, ...number[]];
  flapping?: MonitorFlapThresholds;
}
/**
 * Credentials by environment variable name. Absent: the environment's credentials (CAP_*) when the target uses the environment's base URL; a remote target left with none is a configuration error. {} sends none.
 */
export interface MonitorCredentialRefs {
  /**
   * Basic user name, given directly (not a secret).
   */
  username?: string;
  /**
   * Variable holding the Basic user name.
   */
  usernameEnv?: string;
  /**
   * Variable holding the Basic password.
   */
  passwordEnv?: string;
  /**
   * true when the password variable holds its md5 hex.
   */
  passwordIsMd5?: boolean;
  /**
   * Variable holding the OAuth client key.
   */
  oauthKeyEnv?: string;
  /**
   * Variable holding the OAuth client secret.
   */
  oauthSecretEnv?: string;
  /**
   * Variable holding an OAuth token.
   */
  oauthTokenEnv?: string;
}
/**
 * When a check of this target counts as FLAPPING, by Nagios' weighted percent state change over its last 21 probes (docs/monitor.md#flapping). Absent: low 20, high 30.
 */
export interface MonitorFlapThresholds {
  /**
   * Flapping stops when the percent state change falls to this; under highPercent.
   */
  lowPercent: number;
  /**
   * Flapping starts when the percent state change reaches this.
   */
  highPercent: number;
}
/**
 * Either start and end (a one-off window), or cron and duration with an optional timeZone (a recurring one); checked by monitor/maintenance.ts.
 */
export interface MaintenanceWindowSpec {
  /**
   * Names the window in the log, on the status page and in an Alertmanager silence's comment: unique, 1-80 characters, no control characters.
   */
  name: string;
  /**
   * Why, at most 300 characters: shown on the status page, in the log and as the silence's comment.
   */
  reason?: string;
  /**
   * Names of targets in this file. Absent: every target.
   *
   * @minItems 1
   */
  targets?: [string, ...string[]];
  /**
   * A one-off window's start (RFC 3339, with an offset).
   */
  start?: string;
  /**
   * A one-off window's end (RFC 3339), after start.
   */
  end?: string;
  /**
   * A recurring window's starts: 5 fields (minute hour day-of-month month day-of-week; *, lists, ranges, steps), in timeZone.
   */
  cron?: string;
  /**
   * A recurring window's length, e.g. "90m", "2h", "1h30m" (at most 7 days).
   */
  duration?: string;
  /**
   * IANA time zone the cron fields are read in, e.g. Europe/Berlin (default UTC).
   */
  timeZone?: string;
}
/**
 * Service level objectives in Sloth's prometheus/v1 format (https://sloth.dev), the subset this project reads: each SLO's SLI as error and total event queries with a {{.window}} placeholder, an objective in percent, and page/ticket alert labels. `npm run slo` (scripts/generate-slo-rules.ts) turns it into Prometheus recording and alerting rules.
 */
export interface SloSpec {
  /**
   * Sloth's spec version.
   */
  version: 'prometheus/v1';
  /**
   * The service the SLOs belong to: the sloth_service label of every generated series.
   */
  service: string;
  /**
   * Labels added to every generated series and alert.
   */
  labels?: {
    [k: string]: string;
  };
  /**
   * @minItems 1
   */
  slos: [SloSpecObjective, ...SloSpecObjective[]];
}
export interface SloSpecObjective {
  /**
   * The SLO's name: the sloth_slo label; unique in the file.
   */
  name: string;
  /**
   * Target percentage of good events over the SLO window (30 days), e.g. 99.9.
   */
  objective: number;
  /**
   * For people.
   */
  description?: string;
  /**
   * Labels added to this SLO's series and alerts.
   */
  labels?: {
    [k: string]: string;
  };
  sli: {
    events: {
      /**
       * PromQL for the rate of bad events over {{.window}}, grouped by target (and location, when the fleet reports several).
       */
      error_query: string;
      /**
       * PromQL for the rate of all events over {{.window}}, grouped like error_query.
       */
      total_query: string;
    };
  };
  alerting: {
    /**
     * The alert name, shared by the page and the ticket alert (they differ by labels).
     */
    name: string;
    labels?: {
      [k: string]: string;
    };
    annotations?: {
      [k: string]: string;
    };
    page_alert?: {
      labels?: {
        [k: string]: string;
      };
      annotations?: {
        [k: string]: string;
      };
    };
    ticket_alert?: {
      labels?: {
        [k: string]: string;
      };
      annotations?: {
        [k: string]: string;
      };
    };
  };
}
/**
 * Contains the details of the tracker. (id, conditionId) identifies a tracker row: the documented example repeats an id with different conditionIds.
 */
export interface Tracker {
  /**
   * Unique identifier for the tracker.
   */
  id: number;
  /**
   * Name of the tracker.
   */
  name: string;
  /**
   * Identifier (integer) for the tracker condition. Condition ID is generated when you add the condition to be met for a tracker. For example, a tracker condition could be if the sum of transactions in 365 days are equal to $1000.
   */
  conditionId: number;
  type: TrackerType;
  /**
   * Current value of the tracker based on the type. Example: For type- CUSTOMER_VISITS, the value signifies the number of times a customer visited the store.
   */
  value: number;
  updatedOn: IsoDateTime1;
  /**
   * Name of the tracker condition.
   */
  conditionName: string;
  periodStartDate: IsoDateTime2;
  periodEndDate: IsoDateTime3;
  [k: string]: unknown;
}
/**
 * The success envelope of GET /v2/customers/{customerId}/trackers.
 */
export interface TrackersResponse {
  pagination: Pagination;
  /**
   * Contains the details of the tracker.
   */
  data: Tracker[];
  /**
   * Warnings, if any.
   */
  warnings: ApiError[];
  /**
   * Errors, if any.
   */
  errors: ApiError[];
  [k: string]: unknown;
}
