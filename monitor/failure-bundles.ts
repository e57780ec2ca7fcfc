// The monitor's failure bundles (src/failure-bundle.ts) under --failures-dir: one when a check starts
// failing or fails for another reason, not one per failing probe (a check down for an hour probed every
// 30 s would write 120 copies of one story), and only the newest --failures-keep per target and check.
// A bundle that cannot be written is a logged line: the probe and its metrics matter more.
import { writeFailureBundle, pruneBundles } from '../src/failure-bundle.ts';
import { passed } from '../src/checks/result.ts';
import type { Probe } from './probe.ts';
import { logfmt } from './state-log.ts';

export const DEFAULT_FAILURES_KEEP = 20;

export interface BundleKeeperOptions {
  dir: string;
  keep: number;
  version: string;
  log: (line: string) => void;
}

export interface BundleKeeper {
  /** After each probe: a bundle when this one fails and the previous one of its check did not fail the same way. */
  onResult(probe: Probe): void;
}

export function createBundleKeeper(options: BundleKeeperOptions): BundleKeeper {
  // The last failure reason per target and check; absent: passing, or never probed.
  const failing = new Map<string, string>();
  return {
    onResult(probe) {
      const key = `${probe.target}\n${probe.check}`;
      if (passed(probe)) {
        failing.delete(key);
        return;
      }
      const reason = probe.reason ?? 'unknown';
      if (failing.get(key) === reason) return;
      failing.set(key, reason);
      const written = writeFailureBundle(options.dir, {
        result: probe,
        target: probe.target,
        at: probe.startedAt,
        version: options.version,
      });
      if (!written.ok)
        return options.log(`level=warn target=${probe.target} check=${probe.check} msg=${logfmt(written.message)}`);
      options.log(
        `level=info target=${probe.target} check=${probe.check} msg="failure bundle written" path=${JSON.stringify(written.path)}`,
      );
      const pruned = pruneBundles(options.dir, probe.target, probe.check, options.keep);
      if (!pruned.ok) options.log(`level=warn target=${probe.target} check=${probe.check} msg=${logfmt(pruned.message)}`);
    },
  };
}
