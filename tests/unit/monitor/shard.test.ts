// --shard I/N: the two properties the fleet relies on, over a realistic targets file (200 names),
// plus the flag's parsing. Run with SHARD_FIGURES=1 to print the movement figures.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ownerOf, parseShard, shardOf } from '../../../monitor/shard.ts';

const targets = Array.from({ length: 200 }, (_, i) => ({ name: `cluster-${i % 8}-customer-${i}` }));

describe('shardOf: rendezvous hashing over the targets file', () => {
  test('for N = 1..5 the N shards cover every target exactly once', () => {
    for (let n = 1; n <= 5; n++) {
      const seen = new Map<string, number>();
      for (let i = 1; i <= n; i++)
        for (const t of shardOf(targets, { index: i, count: n })) seen.set(t.name, (seen.get(t.name) ?? 0) + 1);
      assert.equal(seen.size, targets.length, `N=${n}: every target`);
      assert.ok(
        [...seen.values()].every((c) => c === 1),
        `N=${n}: exactly once`,
      );
    }
  });

  test('going from N to N+1 moves only targets to the new replica, about 1/(N+1) of them', () => {
    const figures: string[] = [];
    for (let n = 1; n <= 5; n++) {
      const moved = targets.filter((t) => ownerOf(t.name, n) !== ownerOf(t.name, n + 1));
      // Rendezvous: a target that moves goes to the new replica, never between old ones.
      assert.ok(
        moved.every((t) => ownerOf(t.name, n + 1) === n + 1),
        `N=${n}->${n + 1}: a move between old replicas`,
      );
      const ideal = targets.length / (n + 1);
      figures.push(
        `N=${n}->${n + 1}: ${moved.length}/${targets.length} moved (ideal ${ideal.toFixed(1)}; hash mod N would move ${targets.filter((t) => modOwner(t.name, n) !== modOwner(t.name, n + 1)).length})`,
      );
      assert.ok(moved.length <= ideal * 1.5 && moved.length >= ideal * 0.5, figures.at(-1));
    }
    if (process.env.SHARD_FIGURES) process.stdout.write(`${figures.join('\n')}\n`);
  });

  test('the owner depends on the name alone (stable across runs and machines)', () => {
    assert.equal(ownerOf('eu', 3), ownerOf('eu', 3));
    assert.deepEqual(
      [1, 2, 3].map((i) => shardOf([{ name: 'eu' }, { name: 'us' }, { name: 'in' }], { index: i, count: 3 }).map((t) => t.name)),
      [1, 2, 3].map((i) => ['eu', 'us', 'in'].filter((n) => ownerOf(n, 3) === i)),
    );
  });
});

/** The naive alternative, for the figures only. */
function modOwner(name: string, n: number): number {
  let h = 0;
  for (const c of name) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return (h % n) + 1;
}

describe('parseShard', () => {
  for (const ok of ['1/1', '2/3', '5/5', '1000/1000']) test(`accepts ${ok}`, () => assert.equal(parseShard(ok).ok, true));
  for (const bad of ['0/3', '4/3', '1/0', '1', '1/2/3', 'a/b', '-1/2', '1/1001', ' 1/2', '1.5/2', ''])
    test(`refuses ${JSON.stringify(bad)} with a message naming it`, () => {
      const r = parseShard(bad);
      assert.equal(r.ok, false);
      if (!r.ok) assert.ok(r.error.includes(JSON.stringify(bad)), r.error);
    });
});
