/** Missions on reading: shared throughput versus enhanced fan-out, iterator age, the KCL and Lambda event source mappings. */
import type { Mission } from '../missionTypes';
import { missionScenario, streamArn } from './missionScenario';

const polling = (n: number) => ({ type: 'polling' as const, name: `polling-app-${n}`, streamName: 'market-data', intervalMs: 1000 });

const fanOut: Mission = {
  id: 'two-more-readers',
  title: 'Two more applications, full speed',
  theme: 'fan-out',
  domain: 'DEA-C01 D1 Ingestion and Transformation',
  brief:
    'market-data (2 shards, about 0.5 MiB/s each) is read by three polling applications. Two more teams need every record too. Add two applications that read at full speed, with no read throttling for two minutes and every reader under 2 s behind.',
  scenario: missionScenario({
    title: 'Two more applications, full speed',
    brief: 'Three polling applications share each shard\'s read limits.',
    topology: {
      streams: [{ StreamName: 'market-data', ShardCount: 2 }],
      producers: [{ name: 'price-feed', streamName: 'market-data', rate: { kind: 'constant', recordsPerSecond: 100 }, keys: { name: 'random' }, record: { sizeBytes: 10000 } }],
      consumers: [1, 2, 3].map(polling),
    },
  }),
  goal: [
    { kind: 'consumersAtLeast', stream: 'market-data', count: 5 },
    { kind: 'efoConsumersAtLeast', stream: 'market-data', count: 2 },
    { kind: 'noReadThrottling', stream: 'market-data', seconds: 120 },
    { kind: 'iteratorAgeBelow', stream: 'market-data', maxMs: 2000, seconds: 120 },
  ],
  budgetMs: 20 * 60000,
  hints: [
    'Polling consumers share each shard\'s 5 GetRecords calls/s and 2 MiB/s. What does a fourth and fifth poller do to them?',
    'Enhanced fan-out gives each registered consumer its own 2 MiB/s per shard, pushed over SubscribeToShard.',
    'Add the two new applications as enhanced fan-out consumers (Add consumer, kind EFO).',
  ],
  explanation:
    'Shared (standard) throughput is 2 MiB/s and 5 GetRecords calls/s per shard for all polling consumers together, so each added poller slows the others and eventually throttles them. Enhanced fan-out registers a consumer (RegisterStreamConsumer) that gets a dedicated 2 MiB/s per shard pushed over HTTP/2 with about 70 ms latency; a stream has up to 20 such consumers, at extra cost.',
  limitsRow: 'efo',
  presetId: 'polling-vs-fan-out',
  solution: [
    { at: 30000, op: 'traffic.addConsumer', args: { type: 'efo', name: 'fan-out-app-1', streamName: 'market-data', stepMs: 1000 } },
    { at: 30000, op: 'traffic.addConsumer', args: { type: 'efo', name: 'fan-out-app-2', streamName: 'market-data', stepMs: 1000 } },
  ],
};

const catchUp: Mission = {
  id: 'catch-up-the-consumer',
  title: 'Get the consumer under 2 seconds behind',
  theme: 'iterator-age-retention',
  domain: 'DEA-C01 D3 Operations and Support',
  brief:
    'slow-etl reads orders (1,000 records/s over 2 shards) but spends 4 ms on each record, so it can process only 250 a second per shard: its iterator age climbs towards the 24-hour retention. Get GetRecords.IteratorAgeMilliseconds under 2 s for two minutes, without removing the consumer.',
  scenario: missionScenario({
    title: 'Get the consumer under 2 seconds behind',
    brief: 'A slow consumer falls behind a steady stream.',
    topology: {
      streams: [{ StreamName: 'orders', ShardCount: 2 }],
      producers: [{ name: 'shop', streamName: 'orders', rate: { kind: 'constant', recordsPerSecond: 1000 }, keys: { name: 'random' }, record: { template: 'clickstream' } }],
      consumers: [{ type: 'polling', name: 'slow-etl', streamName: 'orders', processingMsPerRecord: 4, initialPosition: 'TRIM_HORIZON' }],
    },
  }),
  goal: [
    { kind: 'iteratorAgeBelow', stream: 'orders', maxMs: 2000, seconds: 120 },
    { kind: 'consumersAtLeast', stream: 'orders', count: 1 },
  ],
  budgetMs: 30 * 60000,
  hints: [
    'Iterator age is how old the last record read was: a steady climb means processing is slower than the input.',
    'Raising retention only buys time; it does not make the consumer faster.',
    'Make the processing cheaper per record (the consumer inspector\'s processing time), then let it catch up.',
  ],
  explanation:
    'GetRecords.IteratorAgeMilliseconds (and the KCL\'s MillisBehindLatest) measure how far readers are behind the tip. A sudden jump points to a transient downstream failure; a steady climb means processing is too slow: speed it up, add shards and workers, or fix blocking calls. When the age passes 50% of retention, data loss is near; raising retention is only a stopgap.',
  limitsRow: 'retention',
  presetId: 'slow-consumer-retention',
  solution: [{ at: 60000, op: 'traffic.updateConsumer', args: { id: 'consumer-1', processingMsPerRecord: 0.2 } }],
};

const poisonRecord: Mission = {
  id: 'unblock-the-poison-record',
  title: 'One bad record blocks a shard',
  theme: 'lambda-esm',
  domain: 'DVA-C02 D4 Troubleshooting and Optimization',
  brief:
    'order-handler is invoked by an event source mapping with default error handling (retry forever, no bisect, no destination). At 30 s a record it cannot parse arrives, and its shard stops: IteratorAge climbs. Get the mapping under 10 s behind for a minute, with the bad record sent to an on-failure destination instead of lost.',
  scenario: missionScenario({
    title: 'One bad record blocks a shard',
    brief: 'A poison record with default event source mapping settings.',
    topology: {
      lambdas: [{ FunctionName: 'order-handler', builtin: 'kinesis-poison-pill', durationMs: 50 }],
      streams: [{ StreamName: 'orders', ShardCount: 2 }],
      producers: [{ name: 'shop', streamName: 'orders', rate: { kind: 'constant', recordsPerSecond: 8 }, keys: { name: 'device_id', count: 50 }, record: { template: 'clickstream' }, mode: 'exact' }],
      consumers: [{ type: 'lambdaMapping', FunctionName: 'order-handler', EventSourceArn: streamArn('orders'), StartingPosition: 'TRIM_HORIZON', BatchSize: 10 }],
    },
    commands: [{ at: 30000, op: 'kinesis.putRecord', args: { StreamName: 'orders', PartitionKey: 'device-000007', Data: 'eyJvcmRlciI6IlBPSVNPTiJ9' }, note: 'a record the function cannot parse' }],
  }),
  goal: [
    { kind: 'lambdaIteratorAgeBelow', functionName: 'order-handler', maxMs: 10000, seconds: 60 },
    { kind: 'onFailureRecordsAtLeast', functionName: 'order-handler', atLeast: 1, seconds: 3600 },
  ],
  budgetMs: 20 * 60000,
  hints: [
    'By default a mapping retries a failing batch until the records expire, and the shard waits behind it.',
    'Which settings limit the retries, split the failing batch, and keep a copy of what was given up?',
    'Recreate the mapping with BisectBatchOnFunctionError, a finite MaximumRetryAttempts and an OnFailure destination.',
  ],
  explanation:
    'A Lambda event source mapping processes each shard in order, so a batch that keeps failing blocks its shard (retries default to -1: until the record expires). BisectBatchOnFunctionError splits the batch to isolate the bad record, MaximumRetryAttempts or MaximumRecordAgeInSeconds bound the retries, and an OnFailure destination (SQS or SNS) receives the failed batch\'s details; ReportBatchItemFailures lets the function say where it failed.',
  presetId: 'lambda-poison-record',
  solution: [
    { at: 45000, op: 'traffic.removeConsumer', args: { id: 'esm-1' } },
    {
      at: 45000,
      op: 'traffic.addConsumer',
      args: {
        type: 'lambdaMapping',
        FunctionName: 'order-handler',
        EventSourceArn: streamArn('orders'),
        StartingPosition: 'TRIM_HORIZON',
        BatchSize: 10,
        BisectBatchOnFunctionError: true,
        MaximumRetryAttempts: 2,
        DestinationConfig: { OnFailure: { Destination: 'arn:aws:sqs:us-east-1:123456789012:order-failures' } },
      },
    },
  ],
};

const kclFailover: Mission = {
  id: 'kcl-worker-crash',
  title: 'The only KCL worker crashes',
  theme: 'kcl',
  domain: 'DVA-C02 D1 Development',
  brief:
    'telemetry-app is a KCL application reading 4 shards with a single worker. At 60 s the worker\'s host dies; nothing reads the stream any more and the iterator age climbs. Get the application reading again, under 5 s behind for two minutes, and watch who takes the leases.',
  scenario: missionScenario({
    title: 'The only KCL worker crashes',
    brief: 'A single KCL worker holds every lease, then dies.',
    topology: {
      streams: [{ StreamName: 'telemetry', ShardCount: 4 }],
      producers: [{ name: 'sensors', streamName: 'telemetry', rate: { kind: 'constant', recordsPerSecond: 1200 }, keys: { name: 'device_id', count: 1000 }, record: { template: 'iot' } }],
      consumers: [{ type: 'kcl', name: 'telemetry-app', streamName: 'telemetry', workers: 1, initialPosition: 'TRIM_HORIZON' }],
    },
    commands: [{ at: 60000, op: 'traffic.updateConsumer', args: { id: 'kcl-1', killWorkers: ['worker-1'] }, note: 'the worker\'s host dies' }],
  }),
  goal: [
    { kind: 'iteratorAgeBelow', stream: 'telemetry', maxMs: 5000, seconds: 120 },
    { kind: 'consumersAtLeast', stream: 'telemetry', count: 1 },
  ],
  budgetMs: 20 * 60000,
  earliestPassMs: 70000,
  hints: [
    'Open the consumer inspector: who owns each lease in the lease table after the crash?',
    'A lease that is not renewed within failoverTimeMillis (10 s by default) can be taken by another worker of the same application.',
    'Start a new worker for telemetry-app: it takes the expired leases and resumes from their checkpoints.',
  ],
  explanation:
    'The KCL keeps one lease per shard in a DynamoDB table named after the application (two applications need different names). Workers renew their leases; a lease not renewed within failoverTimeMillis (10 s by default) is taken by another worker, which resumes from the lease\'s checkpoint, so records after the last checkpoint are processed again (at-least-once). Run at least two workers for failover; more workers than shards adds nothing.',
  presetId: 'resharding-kcl',
  solution: [{ at: 90000, op: 'traffic.updateConsumer', args: { id: 'kcl-1', addWorkers: 1 } }],
};

/** The consumer-side missions, in the order the list shows them. */
export const CONSUMER_MISSIONS: readonly Mission[] = [fanOut, catchUp, kclFailover, poisonRecord];

