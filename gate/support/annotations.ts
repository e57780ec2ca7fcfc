// What gate.ts (the test fixture) writes into a test's annotations and summary-reporter.ts reads back:
// here, so the reporter shares the words without loading the fixture, which a reporter must not.

/**
 * The annotation each check's verdict travels in: the summary reporter hands them to exitCodeFor
 * (src/exit-code.ts). A leading underscore keeps it out of the HTML report (it is machinery, not news).
 */
export const VERDICT_ANNOTATION = '_verdict';
/** A warning of a failed test: hidden in the HTML report, whose `warnings` attachment lists them after the failure. */
export const HIDDEN_WARNING_ANNOTATION = '_warning';
/** A failure's groups of findings the summary reporter's verdict block shows; the rest are in check-result.json. */
export const VERDICT_BLOCK_GROUPS = 5;
