/** Missions on producers, keys and shards: hot keys, throughput errors, KPL, ordering, resharding and capacity modes. */
import type { Mission } from '../missionTypes';
import { missionScenario } from './missionScenario';

const FIVE_MIN = 300;

const splitTheHotShard: Mission = {
  id: 'split-the-hot-shard',
  title: 'Split the hot shard, keep the key',
  theme: 'hot-keys',
  domain: 'DEA-C01 D1 Ingestion and Transformation',
  brief:
    'customer-activity takes 2,800 records/s keyed by customer_id, and a few heavy customers make one shard throttle while the stream as a whole is far below its 4,000 records/s. Stop the throttling for five minutes without changing the partition key (the consumers need each customer\'s events in order) and with at most 8 open shards.',
  scenario: missionScenario({
    title: 'Split the hot shard, keep the key',
    brief: 'Heavy customers make one shard of four throttle.',
    topology: {
      streams: [{ StreamName: 'customer-activity', ShardCount: 4 }],
      producers: [{ name: 'web-app', streamName: 'customer-activity', rate: { kind: 'constant', recordsPerSecond: 2800 }, keys: { name: 'customer_id', count: 10000, zipfExponent: 1.3 }, record: { template: 'clickstream' } }],
      consumers: [{ type: 'polling', name: 'analytics', streamName: 'customer-activity' }],
    },
  }),
  goal: [
    { kind: 'noWriteThrottling', stream: 'customer-activity', seconds: FIVE_MIN, minIncomingPerSecond: 2500 },
    { kind: 'openShardsAtMost', stream: 'customer-activity', max: 8 },
    { kind: 'producerKeyStrategy', producer: 'web-app', oneOf: ['customer_id'] },
  ],
  budgetMs: 30 * 60000,
  hints: [
    'Open the Hot shards tab: which shard throttles, and which keys does it hold?',
    'A split divides one shard\'s hash range in two at the hash key you choose. Where on the hash line does the heaviest customer sit?',
    'Split shardId-000000000003 just below the heaviest key\'s hash (about 99% of the line), so that key gets a shard of its own.',
  ],
  explanation:
    'A shard takes 1,000 records/s or 1 MiB/s of writes, whichever comes first; a stream is throttled shard by shard, so one hot shard throttles while total use is low. SplitShard divides a hot shard\'s hash key range at NewStartingHashKey: put the boundary next to the heavy key and that key gets a whole shard. Splitting at the midpoint leaves the heavy key\'s half hot. No split helps one key that alone passes a shard\'s limit; then only a different partition key spreads it.',
  limitsRow: 'shard-write',
  presetId: 'hot-shard-split',
  solution: [
    { at: 60000, op: 'kinesis.splitShard', args: { StreamName: 'customer-activity', ShardToSplit: 'shardId-000000000003', NewStartingHashKey: '336879543251729078828740861357450529341' }, note: 'split next to customer-000001' },
  ],
};

const fixTheKey: Mission = {
  id: 'fix-the-partition-key',
  title: 'Five log levels, eight shards',
  theme: 'hot-keys',
  domain: 'DVA-C02 D4 Troubleshooting and Optimization',
  brief:
    'app-logs has 8 shards and takes 1,500 records/s, keyed by log_level. Most records are INFO, so one shard throttles while seven idle. Stop the throttling for five minutes without adding shards.',
  scenario: missionScenario({
    title: 'Five log levels, eight shards',
    brief: 'log_level as the partition key makes one hot shard.',
    topology: {
      streams: [{ StreamName: 'app-logs', ShardCount: 8 }],
      producers: [{ name: 'log-shippers', streamName: 'app-logs', rate: { kind: 'constant', recordsPerSecond: 1500 }, keys: { name: 'log_level' }, record: { template: 'logs' } }],
      consumers: [{ type: 'polling', name: 'log-indexer', streamName: 'app-logs' }],
    },
  }),
  goal: [
    { kind: 'noWriteThrottling', stream: 'app-logs', seconds: FIVE_MIN, minIncomingPerSecond: 1400 },
    { kind: 'openShardsAtMost', stream: 'app-logs', max: 8 },
  ],
  budgetMs: 30 * 60000,
  hints: [
    'How many distinct partition keys does this producer use? How many shards can that many keys occupy at most?',
    'More shards cannot help: five keys land on at most five shards, and INFO alone is more than 1,000 records/s.',
    'Give the producer a high-cardinality key (random, or the transaction id) in its inspector.',
  ],
  explanation:
    'MD5 of the partition key decides the shard, so a stream can use at most as many shards as it has distinct keys, and every record of one key goes to one shard. A key that alone exceeds 1,000 records/s throttles whatever the shard count. Use a high-cardinality key (or append a random suffix to a low-cardinality one) when order per key does not matter.',
  limitsRow: 'partition-key',
  presetId: 'log-level-hot-shard',
  solution: [{ at: 60000, op: 'traffic.updateProducer', args: { id: 'producer-1', keys: { name: 'random' } } }],
};

const serverSuffix: Mission = {
  id: 'twenty-servers',
  title: 'Twenty servers, throttled below capacity',
  theme: 'throughput-errors',
  domain: 'DEA-C01 D1 Ingestion and Transformation',
  brief:
    'Twenty servers ship 3,000 log records/s into 4 shards (capacity 4,000 records/s), keyed by server id, and PutRecords keeps reporting ProvisionedThroughputExceededException. Stop it for five minutes with no more than 4 shards.',
  scenario: missionScenario({
    title: 'Twenty servers, throttled below capacity',
    brief: 'Twenty keys cannot spread evenly over eight shards.',
    topology: {
      streams: [{ StreamName: 'app-logs', ShardCount: 4 }],
      producers: [{ name: 'log-shippers', streamName: 'app-logs', rate: { kind: 'constant', recordsPerSecond: 3000 }, keys: { name: 'server_id', count: 20 }, record: { template: 'logs' } }],
      consumers: [{ type: 'polling', name: 'log-indexer', streamName: 'app-logs' }],
    },
  }),
  goal: [
    { kind: 'noWriteThrottling', stream: 'app-logs', seconds: FIVE_MIN, minIncomingPerSecond: 2800 },
    { kind: 'openShardsAtMost', stream: 'app-logs', max: 4 },
  ],
  budgetMs: 30 * 60000,
  hints: [
    'Look at the heatmap: are the shards equally busy? Count the keys on the busiest shard.',
    'With 20 keys of 150 records/s each, a shard that draws seven or more of them takes over 1,000 records/s while another idles.',
    'A higher-cardinality key (server id plus a random suffix, or transaction id) spreads the load evenly.',
  ],
  explanation:
    'Throttling while the stream is below its total capacity means the keys do not spread evenly: with few keys, MD5 puts several on some shards and none on others. Retrying with backoff only smooths bursts; spreading needs more distinct keys (for example the server id with a random suffix). Adding shards does not fix an uneven key spread.',
  limitsRow: 'shard-write',
  presetId: 'server-id',
  solution: [{ at: 60000, op: 'traffic.updateProducer', args: { id: 'producer-1', keys: { name: 'transaction_id' } } }],
};

const kplAggregate: Mission = {
  id: 'aggregate-with-the-kpl',
  title: '3,000 readings/s into one shard',
  theme: 'kpl',
  domain: 'DEA-C01 D1 Ingestion and Transformation',
  brief:
    'A gateway sends 3,000 small (100-byte) readings a second into plain-puts, a stream of one shard, with PutRecords. The shard refuses everything past 1,000 records/s. Get at least 2,900 readings/s accepted for five minutes, without adding a shard.',
  scenario: missionScenario({
    title: '3,000 readings/s into one shard',
    brief: 'Small records hit the 1,000 records/s limit long before 1 MiB/s.',
    topology: {
      streams: [{ StreamName: 'plain-puts', ShardCount: 1 }],
      producers: [{ name: 'gateway', streamName: 'plain-puts', rate: { kind: 'constant', recordsPerSecond: 3000 }, keys: { name: 'device_id', count: 1000 }, record: { template: 'iot', sizeBytes: 100 }, writePath: 'PutRecords' }],
      consumers: [{ type: 'polling', name: 'reader', streamName: 'plain-puts' }],
    },
  }),
  goal: [
    { kind: 'producerAcceptedAtLeast', producer: 'gateway', perSecond: 2900, seconds: FIVE_MIN },
    { kind: 'openShardsAtMost', stream: 'plain-puts', max: 1 },
  ],
  budgetMs: 30 * 60000,
  hints: [
    'Which of the two write limits is reached: 1,000 records/s or 1 MiB/s? How many bytes/s is 3,000 x 100 bytes?',
    'The limit counts Kinesis records, not your readings. What if one Kinesis record carried many readings?',
    'Switch the producer\'s write path to the KPL with aggregation on.',
  ],
  explanation:
    'A shard takes 1,000 records/s and 1 MiB/s. Small records reach the record limit first. KPL aggregation packs many user records into one Kinesis record (up to 1 MiB), so the same shard carries far more user records; KPL collection only batches records into fewer PutRecords calls and does not raise the records/s limit. Consumers must de-aggregate (the KCL and Firehose do; a Lambda mapping hands aggregates through).',
  limitsRow: 'shard-write',
  presetId: 'kpl-aggregation',
  solution: [{ at: 60000, op: 'traffic.updateProducer', args: { id: 'producer-1', writePath: 'KPL', kpl: { aggregation: true } } }],
};

const keepOrder: Mission = {
  id: 'order-and-spread',
  title: 'Keep each customer in order, and spread the load',
  theme: 'ordering',
  domain: 'SAA-C03 D3 High-Performing Architectures',
  brief:
    'orders has 4 shards and takes 1,500 records/s, all with the same partition key, so one shard throttles. The billing application needs each customer\'s orders in the order they were placed. Stop the throttling for five minutes with at most 4 shards, keeping per-customer order.',
  scenario: missionScenario({
    title: 'Keep each customer in order, and spread the load',
    brief: 'One constant key orders everything and spreads nothing.',
    topology: {
      streams: [{ StreamName: 'orders', ShardCount: 4 }],
      producers: [{ name: 'shop', streamName: 'orders', rate: { kind: 'constant', recordsPerSecond: 1500 }, keys: { name: 'constant', key: 'orders' }, record: { template: 'clickstream' } }],
      consumers: [{ type: 'polling', name: 'billing', streamName: 'orders' }],
    },
  }),
  goal: [
    { kind: 'noWriteThrottling', stream: 'orders', seconds: FIVE_MIN, minIncomingPerSecond: 1400 },
    { kind: 'openShardsAtMost', stream: 'orders', max: 4 },
    { kind: 'producerKeyStrategy', producer: 'shop', oneOf: ['customer_id'] },
  ],
  budgetMs: 30 * 60000,
  hints: [
    'Kinesis keeps order only within a shard, and all records with one partition key go to one shard.',
    'A random key spreads the load but scatters one customer\'s orders over all shards.',
    'Key by customer_id: each customer stays on one shard (in order) and thousands of customers spread over four shards.',
  ],
  explanation:
    'Order is kept per shard by sequence number, therefore per partition key. The partition key is the unit of both ordering and spreading: choose the entity whose events must stay in order (the customer), as long as there are many of them and none alone passes 1,000 records/s.',
  limitsRow: 'partition-key',
  presetId: 'customer-id-heavy',
  solution: [{ at: 60000, op: 'traffic.updateProducer', args: { id: 'producer-1', keys: { name: 'customer_id', count: 10000, zipfExponent: 0.5 } } }],
};

const spikeCapacity: Mission = {
  id: 'survive-the-spike',
  title: 'Survive the spike, within budget',
  theme: 'capacity-modes',
  domain: 'SAA-C03 D4 Cost-Optimized Architectures',
  brief:
    'clicks has 4 provisioned shards. Every 30 minutes traffic jumps from 1,500 to 9,000 records/s for five minutes, and the spike is throttled. Get through 30 minutes that include a spike with no throttling, for less than $8 a day.',
  scenario: missionScenario({
    title: 'Survive the spike, within budget',
    brief: 'A provisioned stream sized for the base load throttles in the spike.',
    topology: {
      streams: [{ StreamName: 'clicks', ShardCount: 4 }],
      producers: [{ name: 'spiky', streamName: 'clicks', rate: { kind: 'bursts', baseRecordsPerSecond: 1500, burstRecordsPerSecond: 9000, everyMs: 1800000, durationMs: 300000, offsetMs: 300000 }, keys: { name: 'random' }, record: { template: 'clickstream' } }],
    },
  }),
  goal: [
    { kind: 'noWriteThrottling', stream: 'clicks', seconds: 1800, minIncomingPerSecond: 1500 },
    { kind: 'costPerDayBelow', usdPerDay: 8, afterSeconds: 1800 },
  ],
  budgetMs: 75 * 60000,
  hints: [
    'What capacity does 9,000 records/s need in provisioned mode? Each shard takes 1,000.',
    'UpdateShardCount can at most double the count in one call, and it is limited to 10 calls a day.',
    'Either reshard to 12 shards in two steps before the next spike, or compare with on-demand mode in the cost panel.',
  ],
  explanation:
    'Provisioned capacity is 1,000 records/s and 1 MiB/s per shard, paid per shard-hour whether used or not; UpdateShardCount can at most double (or halve) the count per call. On-demand mode scales for you (up to double the previous 30-day peak) and bills per GB and per stream-hour: it suits unknown or spiky traffic, provisioned suits a steady, predictable load.',
  limitsRow: 'update-shard-count-calls',
  presetId: 'provisioned-vs-on-demand',
  solution: [
    { at: 60000, op: 'kinesis.updateShardCount', args: { StreamName: 'clicks', TargetShardCount: 8, ScalingType: 'UNIFORM_SCALING' } },
    { at: 150000, op: 'kinesis.updateShardCount', args: { StreamName: 'clicks', TargetShardCount: 12, ScalingType: 'UNIFORM_SCALING' } },
  ],
};

const reshardKcl: Mission = {
  id: 'reshard-under-kcl',
  title: 'Double the stream under a running KCL application',
  theme: 'resharding',
  domain: 'DEA-C01 D3 Operations and Support',
  brief:
    'events has 2 shards and a KCL application with two workers. Traffic is about to double. Reshard the stream to at least 4 open shards while the application keeps reading (iterator age under 5 s for two minutes).',
  scenario: missionScenario({
    title: 'Double the stream under a running KCL application',
    brief: 'Resharding with a KCL application: parents before children.',
    topology: {
      streams: [{ StreamName: 'events', ShardCount: 2 }],
      producers: [{ name: 'app', streamName: 'events', rate: { kind: 'constant', recordsPerSecond: 1200 }, keys: { name: 'device_id', count: 500 }, record: { template: 'iot' } }],
      consumers: [{ type: 'kcl', name: 'order-processor', streamName: 'events', workers: 2, initialPosition: 'TRIM_HORIZON' }],
    },
  }),
  goal: [
    { kind: 'openShardsAtLeast', stream: 'events', min: 4 },
    { kind: 'iteratorAgeBelow', stream: 'events', maxMs: 5000, seconds: 120 },
    { kind: 'consumersAtLeast', stream: 'events', count: 1 },
  ],
  budgetMs: 30 * 60000,
  hints: [
    'UpdateShardCount with UNIFORM_SCALING splits every shard for you; SplitShard does one at a time.',
    'Watch the KCL lease table in the consumer inspector: when do the children\'s leases start?',
    'Resharding 2 -> 4 closes both parents; the KCL finishes each parent before it reads its children.',
  ],
  explanation:
    'A split or merge closes the parent shards (they keep their records until retention ends) and opens children. The KCL reads a parent to its end and checkpoints SHARD_END before any worker takes the children\'s leases, so records of a key stay in order across the reshard. UpdateShardCount can at most double the open shard count per call.',
  limitsRow: 'update-shard-count-max',
  presetId: 'resharding-kcl',
  solution: [{ at: 60000, op: 'kinesis.updateShardCount', args: { StreamName: 'events', TargetShardCount: 4, ScalingType: 'UNIFORM_SCALING' } }],
};

/** The stream-side missions, in the order the list shows them. */
export const STREAM_MISSIONS: readonly Mission[] = [splitTheHotShard, fixTheKey, serverSuffix, kplAggregate, keepOrder, reshardKcl, spikeCapacity];

