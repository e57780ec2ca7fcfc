// The monitor's per-target metric families, kept ready to print. At 1,000
// targets the exposition is ~90,000 series; prom-client builds a label object
// per value and escapes every label on every scrape, which held the event loop
// for a third of a second and inflated the latencies probes recorded meanwhile.
// Here each series escapes its labels once, when it is created, keeps its line
// until its value changes, and a scrape copies lines into reused slice buffers,
// yielding to the event loop between slices (the probes themselves time on a
// thread of their own: probe-thread.ts).
//
// The families also answer prom-client's get(), so a plain prom-client Registry
// (the Pushgateway client, getMetricsAsJSON, the tests' cross-check) reads them
// as it reads its own metrics.
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Registry } from 'prom-client';

type Labels = Readonly<Record<string, string>>;

/** The exposition format's label value escaping (backslash, double quote, newline). */
export function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

function escapeHelp(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

const formatValue = (v: number): string =>
  Number.isNaN(v) ? 'NaN' : v === Infinity ? '+Inf' : v === -Infinity ? '-Inf' : String(v);

/** `a="1",b="2"` for the family's label names, in their order. */
function labelText(names: readonly string[], labels: Labels): string {
  let out = '';
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    out += `${i === 0 ? '' : ','}${name}="${escapeLabelValue(labels[name] ?? '')}"`;
  }
  return out;
}

/** `{a="1",loc="x"}` from a series' own label text and the default labels' `,loc="x"`; '' when both are empty. */
function braced(text: string, suffix: string): string {
  if (text === '') return suffix === '' ? '' : `{${suffix.slice(1)}}`;
  return `{${text}${suffix}}`;
}

/** Lines of one family, written by a renderer: `suffix` is the registry's default labels, `,k="v"` each. */
interface Renderable {
  readonly name: string;
  /** Series in the family now (a snapshot: the renderer may yield between series). */
  snapshot(): readonly unknown[];
  /** Append the lines of one series of the snapshot. */
  renderSeries(series: unknown, suffix: string): string;
  header(): string;
}

interface ScalarSeries {
  readonly labels: Labels;
  readonly text: string;
  value: number;
  /** `name{labels}` with the default labels it was made with (they change once, at start-up, if ever). */
  prefix?: string;
  prefixFor?: string;
  /** The whole line as last printed, reused while the value and the prefix stay (most do between scrapes). */
  line?: string;
  lineValue?: number;
}

abstract class FamilyBase<S extends { labels: Labels }> implements Renderable {
  readonly name: string;
  readonly help: string;
  readonly labelNames: readonly string[];
  readonly aggregator = 'sum' as const;
  protected readonly series = new Map<string, S>();

  constructor(options: { name: string; help: string; labelNames?: readonly string[]; registers?: Registry[] }) {
    this.name = options.name;
    this.help = options.help;
    this.labelNames = options.labelNames ?? [];
    // prom-client's Registry keeps any object with a name and get(); its types name only its own classes.
    for (const registry of options.registers ?? []) registry.registerMetric(this as never);
  }

  abstract readonly type: 'counter' | 'gauge' | 'histogram';
  protected abstract create(labels: Labels, text: string): S;
  abstract renderSeries(series: unknown, suffix: string): string;

  protected keyOf(labels: Labels): string {
    let key = '';
    for (const name of this.labelNames) key += `${labels[name] ?? ''}\u0000`;
    return key;
  }

  protected at(labels: Labels): S {
    const key = this.keyOf(labels);
    let s = this.series.get(key);
    if (!s) {
      const own: Record<string, string> = {};
      for (const name of this.labelNames) own[name] = labels[name] ?? '';
      s = this.create(own, labelText(this.labelNames, own));
      this.series.set(key, s);
    }
    return s;
  }

  remove(labels: Labels): void {
    this.series.delete(this.keyOf(labels));
  }

  reset(): void {
    this.series.clear();
  }

  snapshot(): readonly unknown[] {
    return [...this.series.values()];
  }

  header(): string {
    return `# HELP ${this.name} ${escapeHelp(this.help)}\n# TYPE ${this.name} ${this.type}\n`;
  }
}

abstract class ScalarFamily extends FamilyBase<ScalarSeries> {
  protected create(labels: Labels, text: string): ScalarSeries {
    return { labels, text, value: 0 };
  }

  renderSeries(series: unknown, suffix: string): string {
    const s = series as ScalarSeries;
    if (s.prefixFor !== suffix) {
      s.prefix = `${this.name}${braced(s.text, suffix)} `;
      s.prefixFor = suffix;
      s.line = undefined;
    }
    if (s.line === undefined || !Object.is(s.lineValue, s.value)) {
      s.line = `${s.prefix}${formatValue(s.value)}\n`;
      s.lineValue = s.value;
    }
    return s.line;
  }

  /** prom-client's MetricObjectWithValues. */
  get() {
    return Promise.resolve({
      name: this.name,
      help: this.help,
      type: this.type,
      aggregator: this.aggregator,
      values: [...this.series.values()].map((s) => ({ labels: { ...s.labels }, value: s.value })),
    });
  }
}

export class CounterFamily extends ScalarFamily {
  readonly type = 'counter' as const;
  inc(labels: Labels = {}, by = 1): void {
    this.at(labels).value += by;
  }
}

export class GaugeFamily extends ScalarFamily {
  readonly type = 'gauge' as const;
  set(labels: Labels, value: number): void {
    this.at(labels).value = value;
  }
}

interface HistogramSeries {
  readonly labels: Labels;
  readonly text: string;
  /** Per bucket, not cumulative (cumulated when printed). */
  readonly counts: number[];
  sum: number;
  count: number;
  /** Each line up to its value: the buckets, +Inf, _sum, _count (made once per default labels). */
  prefixes?: string[];
  prefixFor?: string;
  /** The series' lines as last printed, reused until the next observation. */
  block?: string;
  blockCount?: number;
}

export class HistogramFamily extends FamilyBase<HistogramSeries> {
  readonly type = 'histogram' as const;
  readonly upperBounds: readonly number[];
  /** `le="0.005"` per bound, computed once. */
  private readonly leText: readonly string[];

  constructor(options: {
    name: string;
    help: string;
    labelNames: readonly string[];
    buckets: readonly number[];
    registers?: Registry[];
  }) {
    super(options);
    this.upperBounds = [...options.buckets].sort((a, b) => a - b);
    this.leText = this.upperBounds.map((b) => `le="${formatValue(b)}"`);
  }

  protected create(labels: Labels, text: string): HistogramSeries {
    return { labels, text, counts: this.upperBounds.map(() => 0), sum: 0, count: 0 };
  }

  /** Create the series with every bucket at 0, so rate() sees the first observation. */
  zero(labels: Labels): void {
    this.at(labels);
  }

  observe(labels: Labels, value: number): void {
    const s = this.at(labels);
    const i = this.upperBounds.findIndex((b) => value <= b);
    if (i >= 0) s.counts[i]!++;
    s.sum += value;
    s.count++;
  }

  renderSeries(series: unknown, suffix: string): string {
    const s = series as HistogramSeries;
    if (s.prefixFor !== suffix) {
      const rest = `${s.text === '' ? '' : `,${s.text}`}${suffix}} `;
      s.prefixes = [
        ...this.leText.map((le) => `${this.name}_bucket{${le}${rest}`),
        `${this.name}_bucket{le="+Inf"${rest}`,
        `${this.name}_sum${braced(s.text, suffix)} `,
        `${this.name}_count${braced(s.text, suffix)} `,
      ];
      s.prefixFor = suffix;
      s.block = undefined;
    }
    if (s.block !== undefined && s.blockCount === s.count) return s.block;
    const p = s.prefixes!;
    const n = this.leText.length;
    let acc = 0;
    let lines = '';
    for (let i = 0; i < n; i++) {
      acc += s.counts[i]!;
      lines += `${p[i]}${acc}\n`;
    }
    s.block = `${lines}${p[n]}${s.count}\n${p[n + 1]}${formatValue(s.sum)}\n${p[n + 2]}${s.count}\n`;
    s.blockCount = s.count;
    return s.block;
  }

  /** prom-client's shape: bucket values carry `le` in labels and the series' labels as sharedLabels. */
  get() {
    const values = [...this.series.values()].flatMap((s) => {
      let acc = 0;
      const buckets = this.upperBounds.map((le, i) => {
        acc += s.counts[i]!;
        return { labels: { le }, sharedLabels: { ...s.labels }, value: acc, metricName: `${this.name}_bucket` };
      });
      return [
        ...buckets,
        { labels: { le: '+Inf' }, sharedLabels: { ...s.labels }, value: s.count, metricName: `${this.name}_bucket` },
        { labels: {}, sharedLabels: { ...s.labels }, value: s.sum, metricName: `${this.name}_sum` },
        { labels: {}, sharedLabels: { ...s.labels }, value: s.count, metricName: `${this.name}_count` },
      ];
    });
    return Promise.resolve({ name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values });
  }
}

const isRenderable = (m: unknown): m is Renderable => m instanceof FamilyBase;

/**
 * How much text a slice holds before yielding to the event loop (~1 ms of work here). Each slice
 * is a write and a wait for the socket to drain: 64 KB slices made a 6 MB scrape 14–18 ms on
 * loopback, 256 KB ones 10–11 ms. The probes time on their own thread, so the main thread's
 * millisecond between yields does not reach what they record.
 */
const SLICE_BYTES = 256 * 1024;
/** Room for a slice plus its last series (a histogram's lines are ~1.5 KB). */
const SLICE_CAPACITY = SLICE_BYTES + 16 * 1024;

/**
 * A prom-client Registry that prints the families above itself, in slices. prom-client's own
 * metrics (process_*, nodejs_*) it leaves to prom-client. The text is the same exposition either way.
 */
export class ExpositionRegistry extends Registry {
  private defaults: Labels = {};
  /**
   * Slice buffers, reused: a fresh buffer per slice was 8 MB of new memory outside the heap
   * per scrape at 1,000 targets, and such memory is what starts V8's full collections.
   */
  private readonly free: Buffer[] = [];
  private readonly owned = new WeakSet<ArrayBufferLike>();

  override setDefaultLabels(labels: object): void {
    this.defaults = { ...(labels as Labels) };
    super.setDefaultLabels(labels);
  }

  /**
   * The exposition in slices of about SLICE_BYTES, yielding to the event loop between them. A slice
   * may be a reused buffer: hand it back with release() once written (or let it go, which is safe).
   */
  async *slices(): AsyncGenerator<Buffer> {
    const suffix = Object.entries(this.defaults)
      .map(([k, v]) => `,${k}="${escapeLabelValue(String(v))}"`)
      .join('');
    let slice = this.acquire();
    let size = 0;
    const take = (): Buffer => {
      const full = slice.subarray(0, size);
      slice = this.acquire();
      size = 0;
      return full;
    };
    // Lines are kept as strings between scrapes and copied into a reused slice here. A buffer per
    // line was as fast to copy, but 90,000 small buffers made each full collection ~150 ms.
    // Bytes ≤ 3 × UTF-16 units: the exact count is needed only near the end of a slice.
    const room = (text: string, space: number) => text.length * 3 <= space || Buffer.byteLength(text) <= space;
    /**
     * Copy text into the slice. Text the slice has no room for comes back, joined to what the slice
     * held, to go out on its own: only prom-client's own families, printed whole, are that long.
     */
    const add = (text: string): Buffer | undefined => {
      if (!room(text, slice.length - size)) {
        const whole = Buffer.concat([slice.subarray(0, size), Buffer.from(text)]);
        size = 0;
        return whole;
      }
      size += slice.write(text, size);
      return undefined;
    };
    let first = true;
    for (const metric of this.getMetricsAsArray()) {
      // prom-client separates families by a blank line, and so do we.
      const gap = first ? undefined : add('\n');
      if (gap) yield gap;
      first = false;
      if (!isRenderable(metric)) {
        const whole = add(`${await this.getSingleMetricAsString(metric.name)}\n`);
        if (whole) yield whole;
        continue;
      }
      const head = add(metric.header());
      if (head) yield head;
      for (const series of metric.snapshot()) {
        const whole = add(metric.renderSeries(series, suffix));
        if (whole) yield whole;
        if (size >= SLICE_BYTES) {
          yield take();
          await yieldToEventLoop();
        }
      }
    }
    yield slice.subarray(0, size);
  }

  /** Give back a slice from slices() for reuse (anything else is ignored). */
  release(bytes: Buffer): void {
    if (this.owned.has(bytes.buffer) && this.free.length < 8) this.free.push(Buffer.from(bytes.buffer, 0, SLICE_CAPACITY));
  }

  private acquire(): Buffer {
    const reused = this.free.pop();
    if (reused) return reused;
    const fresh = Buffer.allocUnsafeSlow(SLICE_CAPACITY);
    this.owned.add(fresh.buffer);
    return fresh;
  }

  override async metrics(): Promise<string> {
    let text = '';
    for await (const slice of this.slices()) {
      text += slice.toString('utf8');
      this.release(slice);
    }
    return text;
  }
}
