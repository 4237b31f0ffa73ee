import { definePreset } from './preset';

export const logLevelHotShard = definePreset({
  id: 'log-level-hot-shard',
  title: 'Log aggregation keyed by log_level (the hot shard)',
  explanation:
    'Servers ship log lines keyed by their level: DEBUG, INFO, WARN, ERROR, FATAL. Five keys can reach at most five shards, and INFO carries 70% of the lines, so one shard takes 1,050 records/s against its 1,000 limit and throttles while the other seven shards are nearly empty. Try adding shards (nothing changes: one key stays on one shard), then switch the key to server_id.',
  topology: {
    streams: [{ StreamName: 'app-logs', ShardCount: 8 }],
    producers: [{ name: 'log-shippers', streamName: 'app-logs', rate: { kind: 'constant', recordsPerSecond: 1500 }, keys: { name: 'log_level' }, record: { template: 'logs' } }],
    consumers: [{ type: 'polling', name: 'log-indexer', streamName: 'app-logs' }],
  },
});
