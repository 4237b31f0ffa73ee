/**
 * The UI benchmark's scenario (`?scenario=bench-500`): one stream of `shards`
 * shards written at a modest even rate (20 records/s per shard), as a
 * scenario document like any other.
 */
import { DEFAULT_START_TIME } from '../engine/core/simCore';
import type { Scenario } from '../scenarios/types';

export function benchScenario(shards: number): Scenario {
  const n = Math.max(1, Math.min(1000, Math.floor(shards) || 1));
  return {
    version: 1,
    name: `Benchmark: ${n} shards`,
    seed: 1,
    startTime: DEFAULT_START_TIME,
    topology: {
      streams: [{ StreamName: 'bench-stream', ShardCount: n }],
      producers: [{ name: 'fleet', streamName: 'bench-stream', rate: { kind: 'constant', recordsPerSecond: n * 20 }, keys: { name: 'device_id', count: 100000 }, record: { sizeBytes: 100 } }],
    },
    commands: [],
  };
}
