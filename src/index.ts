// The library API: the contract for other projects' own tests, without copying
// code (import { validateResponse, createClient, Secret, checks, formatFinding }
// from 'trackers-contract'). What is exported here is the package's public
// surface, with everything its functions take (a client's credentials are a
// Secret); everything else is internal and may change.
export {
  validateResponse,
  detectKind,
  type ValidationResult,
  type ValidateOptions,
  type Finding,
  type Expectation,
  type EnvelopeKind,
} from './validate.ts';
export { formatFinding, formatResult } from './format-findings.ts';
export {
  createClient,
  clientFor,
  trackersPath,
  type TrackersClient,
  type ClientOptions,
  type ClientResult,
  type FailureReason,
} from './client.ts';
export { type Clock } from './clock.ts';
export { Secret } from './secret.ts';
export { type AuthConfig } from './config/credentials.ts';
export { loadConfig, describeTarget, type Config, type ConfigResult, type Target } from './config/api.ts';
export * as checks from './checks/index.ts';
export { EXIT, exitCodeFor, runCheck } from './checks/run.ts';
