import { definePreset } from './preset';

const spike = { kind: 'bursts' as const, baseRecordsPerSecond: 1500, burstRecordsPerSecond: 9000, everyMs: 1800000, durationMs: 300000, offsetMs: 300000 };

export const provisionedVsOnDemand = definePreset({
  id: 'provisioned-vs-on-demand',
  title: 'Provisioned versus on-demand under a spike',
  explanation:
    'Two streams get the same traffic: 1,500 records/s with a spike to 9,000 records/s for five minutes every half hour. The provisioned stream has 4 shards and throttles hard during each spike until someone reshards. The on-demand stream starts at 4 MiB/s of write capacity and scales itself up (to double its previous peak), throttling only while it grows. Notice the throttled records of each, and on-demand\'s shard count after the first spike. Try an UpdateShardCount on the provisioned stream before the second spike.',
  topology: {
    streams: [
      { StreamName: 'provisioned', ShardCount: 4 },
      { StreamName: 'on-demand', StreamModeDetails: { StreamMode: 'ON_DEMAND' } },
    ],
    producers: [
      { name: 'spiky-a', streamName: 'provisioned', rate: spike, keys: { name: 'random' }, record: { template: 'clickstream' } },
      { name: 'spiky-b', streamName: 'on-demand', rate: spike, keys: { name: 'random' }, record: { template: 'clickstream' } },
    ],
  },
});
