// The gate's contract test on every hostile body (tests/support/hostile-bodies.ts): one project per
// body, in one Playwright process, against the hostile server (CAP_BASE_URL). Only the test that
// judges the body ("satisfies the contract"): the other checks would each fail on any of these
// bodies for the same reason, and cost a run each. Run by tests/gate/gate-hostile-bodies.test.ts.
import { HOSTILE_BODIES } from '../support/hostile-bodies.ts';
import { configPerTarget } from './config-per-target.ts';

export default configPerTarget({
  what: 'hostile-body',
  select: { testMatch: 'trackers.spec.ts', grep: /satisfies the contract/ },
  targets: HOSTILE_BODIES.map((_, i) => ({ name: `hostile-${i}`, path: `/hostile/${i}` })),
});
