import { definePreset } from './preset';

export const hostnameTimestamp = definePreset({
  id: 'hostname-timestamp',
  title: 'Composite keys: hostname + timestamp',
  explanation:
    'Fifty hosts key their metrics as hostname#second. The key changes every second, so traffic spreads evenly over all shards however few hosts there are. Notice the cost: one host\'s records are scattered over every shard, so per-host ordering is gone. Try the plain server_id strategy with 50 servers to compare balance against grouping.',
  topology: {
    streams: [{ StreamName: 'host-metrics', ShardCount: 4 }],
    producers: [{ name: 'agents', streamName: 'host-metrics', rate: { kind: 'constant', recordsPerSecond: 2500 }, keys: { name: 'hostname_timestamp', count: 50 }, record: { template: 'logs' } }],
    consumers: [{ type: 'polling', name: 'metrics-store', streamName: 'host-metrics' }],
  },
});
