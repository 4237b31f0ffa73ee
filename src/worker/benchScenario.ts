/**
 * The UI benchmark's scenarios, as scenario documents like any other:
 * - `bench-N` (`?scenario=bench-500`): one stream of N shards written at a
 *   modest even rate (20 records/s per shard, about 2% of the write limit);
 * - `bench-N-loaded`: the same stream written near capacity by bulk producers
 *   over many keys, the product's promise of "hundreds of shards at full rate".
 */
import { DEFAULT_START_TIME } from '../engine';
import type { Scenario, ProducerSpec } from '../scenarios/types';

/** Records/s per shard in the loaded scenario: 85% of a shard's 1,000 records/s write limit [facts KDS-DG22]. */
const LOADED_RECORDS_PER_SHARD = 850;
/** Record size in the loaded scenario: 850 x 1,000 B = 850 KB/s, 81% of the 1 MiB/s limit. */
const LOADED_RECORD_BYTES = 1000;
/** Bulk producers sharing the loaded stream, over 100,000 device keys. */
const LOADED_PRODUCERS = 10;

export function benchScenario(shards: number, loaded = false): Scenario {
  const n = Math.max(1, Math.min(1000, Math.floor(shards) || 1));
  const producers: ProducerSpec[] = loaded
    ? Array.from({ length: LOADED_PRODUCERS }, (_, i) => ({
        name: `bulk-${i + 1}`,
        streamName: 'bench-stream',
        rate: { kind: 'constant', recordsPerSecond: (n * LOADED_RECORDS_PER_SHARD) / LOADED_PRODUCERS },
        keys: { name: 'device_id', count: 100000 },
        record: { sizeBytes: LOADED_RECORD_BYTES },
        mode: 'bulk',
      }))
    : [{ name: 'fleet', streamName: 'bench-stream', rate: { kind: 'constant', recordsPerSecond: n * 20 }, keys: { name: 'device_id', count: 100000 }, record: { sizeBytes: 100 } }];
  return {
    version: 1,
    name: loaded ? `Benchmark: ${n} shards near capacity` : `Benchmark: ${n} shards`,
    seed: 1,
    startTime: DEFAULT_START_TIME,
    topology: { streams: [{ StreamName: 'bench-stream', ShardCount: n }], producers },
    commands: [],
  };
}
