import { describe, it, expect } from 'vitest';
import { createSimulation, evenHashRanges, partitionKeyToHashKey } from '../../../src/engine';
import { keyHigh52 } from '../../../src/engine/kinesis/write';

/** The shard a key must land on in an N-shard stream, from the full 128-bit MD5. */
function expectedShard(key: string, n: number): string {
  const h = partitionKeyToHashKey(key);
  const i = evenHashRanges(n).findIndex((r) => h >= r.start && h <= r.end);
  return 'shardId-' + String(i).padStart(12, '0');
}

describe('keyHigh52', () => {
  it('steps aside after a window of unique keys and comes back once keys repeat, routing every key right throughout', () => {
    const sim = createSimulation({ seed: 1 });
    sim.kinesis.createStream({ StreamName: 's', ShardCount: 7 });
    sim.advanceSync(10000);
    const cache = sim.kinesisContext.keyHashCache;
    const keys = [
      ...Array.from({ length: 5000 }, (_, i) => `txn-${i}`), // unique: the cache starts bypassing after 4,096
      ...Array.from({ length: 70000 }, (_, i) => `device-${i % 20}`), // repeated: bypass runs out, the cache returns
    ];
    let bypassSeen = false;
    for (const key of keys) {
      const high = keyHigh52(sim.kinesisContext, key);
      expect(high).toBe(Number(partitionKeyToHashKey(key) >> 76n));
      if (cache.bypass > 0) bypassSeen = true;
    }
    expect(bypassSeen).toBe(true);
    expect(cache.bypass).toBe(0);
    // Back in cached mode: a repeated key is answered from its slot.
    expect(cache.hits).toBeGreaterThan(0);
  });

  it('routes PutRecords entries to the shard of their MD5 whether keys are unique or repeated', () => {
    const sim = createSimulation({ seed: 1 });
    sim.kinesis.createStream({ StreamName: 's', ShardCount: 7 });
    sim.advanceSync(10000);
    for (let b = 0; b < 20; b++) {
      const keys = Array.from({ length: 500 }, (_, i) => (b < 12 ? `txn-${b}-${i}` : `device-${i % 9}`));
      const r = sim.kinesis.putRecords({ StreamName: 's', Records: keys.map((k) => ({ PartitionKey: k, Data: new Uint8Array(1) })) });
      expect(r.FailedRecordCount).toBe(0);
      r.Records.forEach((e, i) => expect(e.ShardId).toBe(expectedShard(keys[i], 7)));
      sim.advanceSync(1000);
    }
  });
});
