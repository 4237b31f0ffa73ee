import { definePreset } from './preset';

export const constantKey = definePreset({
  id: 'constant-key',
  title: 'A single constant key',
  explanation:
    'Every record uses the same partition key. One key hashes to one point on the hash line, so one shard takes everything and throttles at 1,000 records/s while three shards sit idle. Try adding shards: nothing improves until the key changes. This is the most common cause of "my stream is slow but barely used".',
  topology: {
    streams: [{ StreamName: 'events', ShardCount: 4 }],
    producers: [{ name: 'app', streamName: 'events', rate: { kind: 'constant', recordsPerSecond: 1500 }, keys: { name: 'constant', key: 'events' }, record: { template: 'clickstream' } }],
    consumers: [{ type: 'polling', name: 'reader', streamName: 'events' }],
  },
});
