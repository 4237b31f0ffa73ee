import { definePreset } from './preset';

export const slowConsumerRetention = definePreset({
  id: 'slow-consumer-retention',
  title: 'A slow consumer losing data to retention',
  explanation:
    'A consumer that needs 2 ms per record reads a stream that receives 1,000 records/s: it can process only 500 per second per shard, so its iterator age (GetRecords.IteratorAgeMilliseconds) climbs steadily. Retention is the default 24 hours; once the backlog is older than that, records expire before the consumer reaches them and are lost for good. Jump ahead a day to watch the loss start. Try raising retention to 7 days (it only delays the loss), adding shards, or making the consumer faster.',
  topology: {
    streams: [{ StreamName: 'orders', ShardCount: 2 }],
    producers: [{ name: 'shop', streamName: 'orders', rate: { kind: 'constant', recordsPerSecond: 1000 }, keys: { name: 'random' }, record: { template: 'clickstream' } }],
    consumers: [{ type: 'polling', name: 'slow-etl', streamName: 'orders', processingMsPerRecord: 4, initialPosition: 'TRIM_HORIZON' }],
  },
});
