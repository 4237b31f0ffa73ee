import { definePreset } from './preset';

export const kplAggregation = definePreset({
  id: 'kpl-aggregation',
  title: 'KPL aggregation past 1,000 records/s per shard',
  explanation:
    'Two one-shard streams receive the same 3,000 small user records per second. The plain PutRecords producer hits the 1,000 records/s shard limit and throttles two thirds of its records; the KPL producer packs many user records into each Kinesis record (up to about 50 KB), so the shard sees a few dozen records per second and nothing throttles. Notice that the byte limit (1 MiB/s) still applies to both. Try turning aggregation off on the KPL producer, or raising RecordMaxBufferedTime.',
  topology: {
    streams: [
      { StreamName: 'plain-puts', ShardCount: 1 },
      { StreamName: 'kpl-aggregated', ShardCount: 1 },
    ],
    producers: [
      { name: 'putrecords', streamName: 'plain-puts', rate: { kind: 'constant', recordsPerSecond: 3000 }, keys: { name: 'device_id', count: 1000 }, record: { template: 'iot', sizeBytes: 100 }, writePath: 'PutRecords' },
      { name: 'kpl', streamName: 'kpl-aggregated', rate: { kind: 'constant', recordsPerSecond: 3000 }, keys: { name: 'device_id', count: 1000 }, record: { template: 'iot', sizeBytes: 100 }, writePath: 'KPL', kpl: { aggregation: true, recordMaxBufferedTimeMs: 100 } },
    ],
  },
});
