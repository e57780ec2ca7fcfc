// The probe thread's entry point (started by probe-thread.ts): the loop and the
// clients run here, and every probe goes back to the main thread, which records
// it. Probes time themselves on this thread's event loop, which does nothing else:
// a scrape rendering 90,000 series, or a garbage collection of the main heap,
// cannot delay the callbacks that read a probe's clock.
import { parentPort, workerData } from 'node:worker_threads';
import { passed, withoutRecordings } from '../src/checks/result.ts';
import { clientFor, type TrackersClient } from '../src/client.ts';
import { warmUpValidator } from '../src/validate.ts';
import { startLoop } from './loop.ts';
import { fromWire, type FromMain, type ToMain, type WorkerInput } from './probe-wire.ts';

const port = parentPort!;
const input = workerData as WorkerInput;
const post = (message: ToMain) => port.postMessage(message);

warmUpValidator();
const entries = input.entries.map(fromWire);
const clients = new Map<string, TrackersClient>(
  entries.map(({ entry, baseUrl }) => [entry.name, clientFor(entry.config, baseUrl)]),
);
const loop = startLoop({
  targets: entries.map((e) => e.entry),
  clientFor: (t) => clients.get(t.name)!,
  metrics: { record: () => {} },
  jitter: input.jitter,
  probeOptions: input.probeOptions,
  // A passing probe writes no bundle: its bodies stay here rather than be copied to the main thread.
  onResult: (probe) =>
    post({ type: 'probe', probe: passed(probe) ? withoutRecordings(probe) : probe, inFlight: loop.inFlight() }),
});

port.on('message', (message: FromMain) => {
  if (message.type !== 'stop') return;
  void loop.stop().then(() => {
    for (const c of clients.values()) c.close();
    post({ type: 'stopped' });
    port.close();
  });
});
