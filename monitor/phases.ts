// blackbox_exporter's request phases (prober/http.go), from the client's timings.
// The client stamps each event as milliseconds since the request started
// (src/client.ts Timings), so a phase is the gap between two events. A reused
// keep-alive socket has no lookup, connect or TLS event: those phases are 0,
// as blackbox_exporter reports them, and the wait shows up in `processing`.
import type { Timings } from '../src/client.ts';

export const PHASES = ['resolve', 'connect', 'tls', 'processing', 'transfer'] as const;
export type Phase = (typeof PHASES)[number];
export type PhaseDurations = Record<Phase, number>;

export function phaseDurations(t: Timings): PhaseDurations {
  const resolved = t.dnsMs ?? 0;
  const connected = t.connectMs ?? resolved;
  const secured = t.tlsMs ?? connected;
  // No response: everything after the last event is neither processing nor transfer.
  const firstByte = t.ttfbMs ?? secured;
  const end = Math.max(t.totalMs, firstByte);
  return {
    resolve: resolved,
    connect: Math.max(0, connected - resolved),
    tls: t.tlsMs === undefined ? 0 : Math.max(0, secured - connected),
    processing: t.ttfbMs === undefined ? 0 : Math.max(0, firstByte - secured),
    transfer: t.ttfbMs === undefined ? 0 : Math.max(0, end - firstByte),
  };
}
