import { definePreset } from './preset';

const polling = (n: number) => ({ type: 'polling' as const, name: `polling-app-${n}`, streamName: 'market-data', intervalMs: 1000 });
// stepMs: each fan-out application is advanced once a simulated second by counts under its own 2 MiB/s per shard,
// instead of materialising every 10 KB record into a SubscribeToShard event every 200 ms (same throughput rule, far cheaper to replay).
const fanOut = (n: number) => ({ type: 'efo' as const, name: `fan-out-app-${n}`, streamName: 'market-data', stepMs: 1000 });

/**
 * Shared versus dedicated reads: polling consumers share each shard's 5
 * GetRecords calls/s and 2 MiB/s; every enhanced fan-out consumer gets its own
 * 2 MiB/s per shard pushed over SubscribeToShard [BC-K; A8].
 */
export const pollingVsFanOut = definePreset({
  id: 'polling-vs-fan-out',
  title: 'Five polling consumers versus enhanced fan-out',
  explanation:
    "Two shards take 100 records/s of 10 KB market data snapshots (about 0.48 MiB/s per shard), read by five polling applications and five enhanced fan-out (EFO) applications. The polling applications share each shard's read limits: 5 GetRecords calls per second and 2 MiB/s. Each polls once a second, so together they use every call the shard allows and ask for 2.4 MiB/s: some calls are refused with ReadProvisionedThroughputExceededException, and the applications that lose the race fall behind — within five minutes the last one is minutes behind (its iterator age keeps climbing). Each EFO application subscribes with SubscribeToShard and gets its own 2 MiB/s per shard pushed to it, so all five keep up. Notice the consumers' iterator ages in the metrics. Try removing two polling applications (the rest catch up), or adding a sixth EFO application (nothing slows down).",
  topology: {
    streams: [{ StreamName: 'market-data', ShardCount: 2 }],
    producers: [
      { name: 'price-feed', streamName: 'market-data', rate: { kind: 'constant', recordsPerSecond: 100 }, keys: { name: 'random' }, record: { sizeBytes: 10000 } },
    ],
    consumers: [1, 2, 3, 4, 5].map(polling).concat([1, 2, 3, 4, 5].map(fanOut) as never[]),
  },
});
