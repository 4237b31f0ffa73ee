import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createSimulation } from '../../../src/engine';
import { routeKey } from '../../../src/engine/kinesis/streamModel';

const MAX = (1n << 128n) - 1n;

describe('routeKey', () => {
  it('finds the open shard whose range holds the key, for any shard count and any splits (the slice index only narrows the search)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 600 }),
        fc.array(fc.tuple(fc.nat(), fc.bigInt({ min: 1n, max: MAX })), { maxLength: 6 }),
        fc.array(fc.oneof(fc.bigInt({ min: 0n, max: MAX }), fc.bigInt({ min: 0n, max: 1n << 60n })), { minLength: 1, maxLength: 60 }),
        (count, splits, keys) => {
          const sim = createSimulation({ seed: 1 });
          sim.kinesis.createStream({ StreamName: 's', ShardCount: count });
          sim.advanceSync(60_000);
          const s = sim.kinesisContext.streams.get('s')!;
          for (const [pick, at] of splits) {
            const sh = s.open[pick % s.open.length];
            // AWS takes a split point above start + 1 and below end.
            if (sh.end - sh.start < 3n) continue;
            const key = sh.start + 2n + (at % (sh.end - sh.start - 2n));
            sim.kinesis.splitShard({ StreamName: 's', ShardToSplit: sh.shardId, NewStartingHashKey: String(key) });
            sim.advanceSync(60_000);
          }
          // Every open shard's first and last key, and the random keys.
          const probes = [...keys, ...s.open.flatMap((sh) => [sh.start, sh.end])];
          for (const key of probes) {
            const owner = s.open.find((sh) => sh.start <= key && key <= sh.end)!;
            expect(routeKey(s, key).shardId).toBe(owner.shardId);
          }
        },
      ),
      { numRuns: 30 },
    );
  });
});
