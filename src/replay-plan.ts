// Which checks a recording can be judged by again, and with what: the customer ids, malformed ids
// and auth attempts it recorded, so today's checks send exactly the recorded requests (replay, and
// the sandbox --replay that answers them). Pure: reading the files is src/read-bundle.ts's job.
import { BAD_CUSTOMER_IDS } from './checks/bad-input.ts';
import { CHECK_NAMES, type CheckName } from './checks/result.ts';
import type { CheckOptions } from './checks/run.ts';
import { trackersSegmentOf, type HarEntry } from './har.ts';
import type { ReadBundle } from './read-bundle.ts';

export interface PlannedCheck {
  check: CheckName;
  /** The ids the recording asked about; absent where the check sends neither. */
  customerId?: string;
  missingCustomerId?: string;
  options: CheckOptions;
}

const segmentOf = (entry: HarEntry): string | undefined => trackersSegmentOf(entry.request.url);

const isCheck = (name: unknown): name is CheckName => (CHECK_NAMES as readonly unknown[]).includes(name);

/**
 * The check that sent an entry: its _check (src/har.ts), else its bundle's check, else what its title
 * says (a HAR written before _check, or edited by hand). Undefined: no check sends such a request.
 */
export function checkOfEntry(entry: HarEntry, bundleCheck?: CheckName): CheckName | undefined {
  if (isCheck(entry._check)) return entry._check;
  if (bundleCheck) return bundleCheck;
  const title = entry.comment ?? '';
  if (title.endsWith('(the existing customer)')) return 'trackers';
  if (title.endsWith('(the missing customer)')) return 'not_found';
  if (title.startsWith('GET with customerId ')) return 'bad_input';
  if (entry.request._credentials === 'none' || entry.request._credentials === 'wrong') return 'auth';
  return undefined;
}

/** The checks to run over a recording, in the order CHECK_NAMES lists them; entries no check sent are skipped. */
export function planReplay(bundle: ReadBundle): PlannedCheck[] {
  const bundleCheck = isCheck(bundle.result?.check) ? bundle.result.check : undefined;
  const byCheck = new Map<CheckName, HarEntry[]>();
  for (const entry of bundle.entries) {
    const check = checkOfEntry(entry, bundleCheck);
    if (check && segmentOf(entry) !== undefined) byCheck.set(check, [...(byCheck.get(check) ?? []), entry]);
  }
  const first = (check: CheckName) => {
    const entry = byCheck.get(check)?.[0];
    return entry ? segmentOf(entry) : undefined;
  };
  const customerId = first('trackers') ?? first('auth');
  const plans: PlannedCheck[] = [];
  for (const check of CHECK_NAMES) {
    const entries = byCheck.get(check);
    if (!entries) continue;
    if (check === 'trackers') plans.push({ check, customerId, options: {} });
    if (check === 'not_found') plans.push({ check, missingCustomerId: first('not_found'), options: {} });
    // The gate's thorough run sends four attempts, the monitor's two: send as many as were recorded.
    if (check === 'auth') plans.push({ check, customerId, options: { thorough: entries.length > 2 } });
    if (check === 'bad_input') {
      const ids = entries.map((e) => {
        const segment = segmentOf(e)!;
        const known = BAD_CUSTOMER_IDS.find(([, s]) => s === segment);
        return [known?.[0] ?? `recorded as ${segment.slice(0, 40)}`, segment] as const;
      });
      plans.push({ check, options: { ids } });
    }
  }
  return plans;
}
