import { definePreset } from './preset';

export const reshardingKcl = definePreset({
  id: 'resharding-kcl',
  title: 'Resharding with a KCL application (parents before children)',
  explanation:
    'A KCL application with two workers reads a 2-shard stream through its lease table. At 5 minutes the stream is resharded to 4 shards with UpdateShardCount: the parents close and four children open. Notice that the workers finish each parent shard to its end before taking its children\'s leases, so per-key order survives the reshard. Try killing a worker to watch its leases fail over after failoverTimeMillis, or reshard again to 3 shards.',
  topology: {
    streams: [{ StreamName: 'events', ShardCount: 2 }],
    producers: [{ name: 'app', streamName: 'events', rate: { kind: 'constant', recordsPerSecond: 1200 }, keys: { name: 'device_id', count: 500 }, record: { template: 'iot' } }],
    consumers: [{ type: 'kcl', name: 'order-processor', streamName: 'events', workers: 2, initialPosition: 'TRIM_HORIZON' }],
  },
  commands: [
    { at: 300000, op: 'kinesis.updateShardCount', args: { StreamName: 'events', TargetShardCount: 4, ScalingType: 'UNIFORM_SCALING' }, note: 'reshard 2 -> 4' },
  ],
});
