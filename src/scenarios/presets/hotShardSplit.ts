import { definePreset } from './preset';

export const hotShardSplit = definePreset({
  id: 'hot-shard-split',
  title: 'A hot shard fixed by a split',
  explanation:
    'Customer traffic with a few heavy customers overloads the last shard: the busiest customer (customer-000001) hashes at 99.8% of the hash line, on top of that shard\'s share of everyone else. At 10 minutes the scenario splits shardId-000000000003 at 99% of the line, so one child holds the heavy customer alone and the other the rest; throttling stops, and the closed parent keeps its records until retention ends. Notice that an even split at the midpoint would leave the heavy customer\'s half still hot, and that no split can help one key that alone exceeds 1,000 records/s. Scrub back before the split and try the midpoint instead, or fork and merge the children again.',
  topology: {
    streams: [{ StreamName: 'customer-activity', ShardCount: 4 }],
    producers: [{ name: 'web-app', streamName: 'customer-activity', rate: { kind: 'constant', recordsPerSecond: 3000 }, keys: { name: 'customer_id', count: 10000, zipfExponent: 1.3 }, record: { template: 'clickstream' } }],
    consumers: [{ type: 'polling', name: 'analytics', streamName: 'customer-activity' }],
  },
  commands: [
    {
      at: 600000,
      op: 'kinesis.splitShard',
      // floor(0.99 * 2^128): just below MD5("customer-000001") = 339679031575902468685160122827499219248.
      args: { StreamName: 'customer-activity', ShardToSplit: 'shardId-000000000003', NewStartingHashKey: '336879543251729078828740861357450529341' },
      note: 'split the hot shard next to its heaviest key',
    },
  ],
});
