// --shard I/N: split the targets among N replicas of one location so that each
// target is probed by exactly one of them. Rendezvous (highest random weight)
// hashing: a target goes to the replica with the highest hash of (target,
// replica). Every replica computes it alone from the target names, with no
// coordination, and going from N to N+1 replicas moves only the targets the
// new replica wins (about 1/(N+1) of them), where `hash % N` would move most.
import { createHash } from 'node:crypto';

export interface Shard {
  /** 1-based replica number. */
  index: number;
  count: number;
}

export type ShardResult = { ok: true; shard: Shard } | { ok: false; error: string };

const MAX_REPLICAS = 1000;

export function parseShard(text: string): ShardResult {
  const m = /^(\d{1,4})\/(\d{1,4})$/.exec(text);
  const bad = `expected I/N with 1 <= I <= N <= ${MAX_REPLICAS}, e.g. 2/3, got ${JSON.stringify(text)}`;
  if (!m) return { ok: false, error: bad };
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || count > MAX_REPLICAS || index < 1 || index > count) return { ok: false, error: bad };
  return { ok: true, shard: { index, count } };
}

/** 64 bits of sha256: stable across Node versions, machines and restarts. */
function weight(target: string, replica: number): bigint {
  return createHash('sha256').update(`${target}\u0000${replica}`).digest().readBigUInt64BE(0);
}

/** The replica (1-based) of N that owns a target. */
export function ownerOf(target: string, count: number): number {
  let best = 1;
  let bestWeight = -1n;
  for (let replica = 1; replica <= count; replica++) {
    const w = weight(target, replica);
    if (w > bestWeight) {
      best = replica;
      bestWeight = w;
    }
  }
  return best;
}

/** This replica's targets, in their configured order. */
export function shardOf<T extends { name: string }>(targets: readonly T[], shard: Shard): T[] {
  return targets.filter((t) => ownerOf(t.name, shard.count) === shard.index);
}
