import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createSimulation } from '../../../src/engine/simulation';
import { evenHashRanges } from '../../../src/engine/kinesis/hashKey';
import type { StreamState } from '../../../src/engine/kinesis/streamModel';

const MAX = (1n << 128n) - 1n;
const MAX_OPEN = 48;

type Cmd = { kind: 'split'; pick: number; r: bigint } | { kind: 'merge'; pick: number } | { kind: 'scale'; pick: number };
const cmdArb: fc.Arbitrary<Cmd> = fc.oneof(
  fc.record({ kind: fc.constant('split' as const), pick: fc.nat(), r: fc.bigInt(0n, MAX) }),
  fc.record({ kind: fc.constant('merge' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('scale' as const), pick: fc.nat() }),
);

/** Open shards tile 0..2^128-1; split parents are tiled by their two children; merge children cover exactly their parents. */
function checkCoverage(s: StreamState): void {
  const open = s.open;
  expect(open[0].start).toBe(0n);
  expect(open[open.length - 1].end).toBe(MAX);
  for (let i = 0; i < open.length; i++) {
    expect(open[i].start <= open[i].end).toBe(true);
    if (i > 0) expect(open[i].start).toBe(open[i - 1].end + 1n);
  }
  for (const sh of s.shards) {
    // No shard, open, closed or intermediate, ever has an empty range.
    expect(sh.start <= sh.end).toBe(true);
    if (sh.closedAt === undefined) continue;
    const children = (sh.childShardIds ?? []).map((id) => s.byId.get(id)!);
    if (children.length === 2) {
      const [lo, hi] = children;
      expect([lo.start, lo.end + 1n, hi.end]).toEqual([sh.start, hi.start, sh.end]);
      expect([lo.parentShardId, hi.parentShardId]).toEqual([sh.shardId, sh.shardId]);
    } else {
      expect(children.length).toBe(1);
      const child = children[0];
      const a = s.byId.get(child.parentShardId!)!;
      const b = s.byId.get(child.adjacentParentShardId!)!;
      const [first, second] = a.start < b.start ? [a, b] : [b, a];
      expect([first.start, first.end + 1n, second.end]).toEqual([child.start, second.start, child.end]);
      expect([a.shardId, b.shardId]).toContain(sh.shardId);
    }
  }
}

describe('hash range coverage', () => {
  it('after any sequence of SplitShard, MergeShards and UpdateShardCount, open shards cover 0..2^128-1 exactly and every closed shard is covered by its children', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.array(cmdArb, { maxLength: 14 }), (initial, cmds) => {
        const sim = createSimulation({ seed: 11 });
        sim.kinesis.createStream({ StreamName: 's', ShardCount: initial });
        sim.advanceSync(10000);
        const s = sim.kinesisContext.streams.get('s')!;
        let scales = 0;
        for (const cmd of cmds) {
          const open = s.open;
          const n = open.length;
          let expectedEven: number | undefined;
          if (cmd.kind === 'split') {
            const sh = open[cmd.pick % n];
            const width = sh.end - sh.start;
            if (n >= MAX_OPEN || width < 3n) continue;
            // AWS takes keys greater than StartingHashKey + 1 and less than EndingHashKey.
            const key = sh.start + 2n + (cmd.r % (width - 2n));
            sim.kinesis.splitShard({ StreamName: 's', ShardToSplit: sh.shardId, NewStartingHashKey: String(key) });
          } else if (cmd.kind === 'merge') {
            if (n < 2) continue;
            const i = cmd.pick % (n - 1);
            const [a, b] = cmd.pick % 2 === 0 ? [open[i], open[i + 1]] : [open[i + 1], open[i]];
            if (a === open[i + 1]) {
              // AWS takes the pair in hash order only: the other order is refused and changes nothing.
              expect(() => sim.kinesis.mergeShards({ StreamName: 's', ShardToMerge: a.shardId, AdjacentShardToMerge: b.shardId })).toThrow(/are not an adjacent pair of shards eligible for merging$/);
              continue;
            }
            sim.kinesis.mergeShards({ StreamName: 's', ShardToMerge: a.shardId, AdjacentShardToMerge: b.shardId });
          } else {
            if (scales >= 10) continue; // 10 calls per rolling 24 h
            const lo = Math.ceil(n / 2), hi = Math.min(2 * n, MAX_OPEN);
            if (hi < lo) continue;
            const target = lo + (cmd.pick % (hi - lo + 1));
            sim.kinesis.updateShardCount({ StreamName: 's', TargetShardCount: target, ScalingType: 'UNIFORM_SCALING' });
            scales++;
            expectedEven = target;
          }
          sim.advanceSync(10000);
          checkCoverage(s);
          if (expectedEven !== undefined) {
            expect(s.open.map((x) => [x.start, x.end])).toEqual(evenHashRanges(expectedEven).map((r) => [r.start, r.end]));
          }
        }
        // The API agrees with the model.
        const listed = sim.kinesis.listShards({ StreamName: 's', ShardFilter: { Type: 'AT_LATEST' } }).Shards.map((x) => x.ShardId).sort();
        expect(listed).toEqual(s.open.map((x) => x.shardId).sort());
      }),
      { numRuns: 200, seed: 20260101 },
    );
  });
});
