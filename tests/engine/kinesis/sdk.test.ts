/**
 * Drives the simulator with the official @aws-sdk/client-kinesis through a
 * request handler that answers from the simulation (no network): every
 * operation the engine offers, SDK error mapping, and SubscribeToShard as a
 * real AWS event stream.
 */
import { describe, it, expect } from 'vitest';
import {
  KinesisClient,
  CreateStreamCommand,
  DeleteStreamCommand,
  ListStreamsCommand,
  DescribeStreamCommand,
  DescribeStreamSummaryCommand,
  ListShardsCommand,
  PutRecordCommand,
  PutRecordsCommand,
  GetShardIteratorCommand,
  GetRecordsCommand,
  SplitShardCommand,
  MergeShardsCommand,
  UpdateShardCountCommand,
  IncreaseStreamRetentionPeriodCommand,
  DecreaseStreamRetentionPeriodCommand,
  UpdateStreamModeCommand,
  UpdateStreamWarmThroughputCommand,
  RegisterStreamConsumerCommand,
  DescribeStreamConsumerCommand,
  ListStreamConsumersCommand,
  DeregisterStreamConsumerCommand,
  SubscribeToShardCommand,
  AddTagsToStreamCommand,
  RemoveTagsFromStreamCommand,
  ListTagsForStreamCommand,
  TagResourceCommand,
  UntagResourceCommand,
  ListTagsForResourceCommand,
  StartStreamEncryptionCommand,
  StopStreamEncryptionCommand,
  EnableEnhancedMonitoringCommand,
  DisableEnhancedMonitoringCommand,
  DescribeLimitsCommand,
  DescribeAccountSettingsCommand,
  UpdateAccountSettingsCommand,
  UpdateMaxRecordSizeCommand,
  PutResourcePolicyCommand,
  GetResourcePolicyCommand,
  DeleteResourcePolicyCommand,
  KMSNotFoundException,
  ResourceNotFoundException,
  ProvisionedThroughputExceededException,
  ResourceInUseException,
  InvalidArgumentException,
  ExpiredIteratorException,
  type SubscribeToShardEventStream,
} from '@aws-sdk/client-kinesis';
import { createSimulation, type Simulation } from '../../../src/engine';
import { kinesisOperations } from '../../../src/engine/kinesis/operations';
import { simRequestHandler, sdkTestConfig, type SimHandlerLog } from './sdkHandler';

const log: SimHandlerLog = { targets: [] };
const enc = new TextEncoder();
const dec = new TextDecoder();

function setup(): { sim: Simulation; client: KinesisClient } {
  const sim = createSimulation({ seed: 42 });
  const client = new KinesisClient({ ...sdkTestConfig, requestHandler: simRequestHandler(sim, log) });
  return { sim, client };
}

async function activeStream(sim: Simulation, client: KinesisClient, name = 'sdk', shards = 2): Promise<string> {
  await client.send(new CreateStreamCommand({ StreamName: name, ShardCount: shards }));
  sim.advanceSync(10000);
  const d = await client.send(new DescribeStreamSummaryCommand({ StreamName: name }));
  return d.StreamDescriptionSummary!.StreamARN!;
}

/** Lets the SDK's async pipeline (event-stream decoding) catch up with what the simulation pushed. */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
}

describe('AWS SDK v3 KinesisClient against the simulator', () => {
  it('creates, describes, summarises and lists streams', async () => {
    const { sim, client } = setup();
    const t0 = sim.now();
    expect((await client.send(new CreateStreamCommand({ StreamName: 'sdk', ShardCount: 2 }))).$metadata.httpStatusCode).toBe(200);
    const creating = await client.send(new DescribeStreamCommand({ StreamName: 'sdk' }));
    expect(creating.StreamDescription!.StreamStatus).toBe('CREATING');
    sim.advanceSync(10000);
    const d = (await client.send(new DescribeStreamCommand({ StreamName: 'sdk' }))).StreamDescription!;
    expect(d.StreamStatus).toBe('ACTIVE');
    expect(d.StreamARN).toBe('arn:aws:kinesis:us-east-1:123456789012:stream/sdk');
    expect(d.StreamCreationTimestamp).toEqual(new Date(t0));
    expect(d.Shards!.map((s) => [s.ShardId, s.HashKeyRange!.StartingHashKey, s.HashKeyRange!.EndingHashKey])).toEqual([
      ['shardId-000000000000', '0', (2n ** 127n - 1n).toString()],
      ['shardId-000000000001', (2n ** 127n).toString(), (2n ** 128n - 1n).toString()],
    ]);
    const sum = (await client.send(new DescribeStreamSummaryCommand({ StreamName: 'sdk' }))).StreamDescriptionSummary!;
    expect([sum.OpenShardCount, sum.RetentionPeriodHours, sum.StreamModeDetails!.StreamMode, sum.ConsumerCount]).toEqual([2, 24, 'PROVISIONED', 0]);
    await client.send(new CreateStreamCommand({ StreamName: 'another', StreamModeDetails: { StreamMode: 'ON_DEMAND' } }));
    const list = await client.send(new ListStreamsCommand({ Limit: 1 }));
    expect([list.StreamNames, list.HasMoreStreams]).toEqual([['another'], true]);
    const rest = await client.send(new ListStreamsCommand({ NextToken: list.NextToken }));
    expect([rest.StreamNames, rest.HasMoreStreams]).toEqual([['sdk'], false]);
    expect(rest.StreamSummaries![0].StreamModeDetails!.StreamMode).toBe('PROVISIONED');
  });

  it('puts records and reads them back through iterators, blobs and timestamps intact', async () => {
    const { sim, client } = setup();
    await activeStream(sim, client);
    const t = sim.now();
    const one = await client.send(new PutRecordCommand({ StreamName: 'sdk', PartitionKey: 'a', Data: enc.encode('hello') }));
    // MD5("a") is below 2^127: shard 0.
    expect(one.ShardId).toBe('shardId-000000000000');
    const many = await client.send(
      new PutRecordsCommand({
        StreamName: 'sdk',
        Records: [
          { PartitionKey: 'a', Data: enc.encode('second') },
          { PartitionKey: 'x', ExplicitHashKey: (2n ** 127n).toString(), Data: new Uint8Array([0, 255, 7]) },
        ],
      }),
    );
    expect(many.FailedRecordCount).toBe(0);
    expect(many.Records!.map((r) => r.ShardId)).toEqual(['shardId-000000000000', 'shardId-000000000001']);
    expect(BigInt(many.Records![0].SequenceNumber!) > BigInt(one.SequenceNumber!)).toBe(true);
    const it0 = await client.send(new GetShardIteratorCommand({ StreamName: 'sdk', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' }));
    const r0 = await client.send(new GetRecordsCommand({ ShardIterator: it0.ShardIterator }));
    expect(r0.Records!.map((r) => [r.PartitionKey, dec.decode(r.Data), r.SequenceNumber])).toEqual([
      ['a', 'hello', one.SequenceNumber],
      ['a', 'second', many.Records![0].SequenceNumber],
    ]);
    expect(r0.Records![0].ApproximateArrivalTimestamp).toEqual(new Date(t));
    expect(r0.MillisBehindLatest).toBe(0);
    expect(typeof r0.NextShardIterator).toBe('string');
    const it1 = await client.send(
      new GetShardIteratorCommand({ StreamName: 'sdk', ShardId: 'shardId-000000000001', ShardIteratorType: 'AT_SEQUENCE_NUMBER', StartingSequenceNumber: many.Records![1].SequenceNumber }),
    );
    const r1 = await client.send(new GetRecordsCommand({ ShardIterator: it1.ShardIterator, Limit: 10 }));
    expect(Array.from(r1.Records![0].Data!)).toEqual([0, 255, 7]);
    const atTime = await client.send(new GetShardIteratorCommand({ StreamName: 'sdk', ShardId: 'shardId-000000000000', ShardIteratorType: 'AT_TIMESTAMP', Timestamp: new Date(t) }));
    expect((await client.send(new GetRecordsCommand({ ShardIterator: atTime.ShardIterator }))).Records).toHaveLength(2);
  });

  it('splits, merges, lists shards and reads ChildShards at the end of a closed shard', async () => {
    const { sim, client } = setup();
    await activeStream(sim, client);
    await client.send(new PutRecordCommand({ StreamName: 'sdk', PartitionKey: 'a', Data: enc.encode('before') }));
    await client.send(new SplitShardCommand({ StreamName: 'sdk', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: (2n ** 126n).toString() }));
    sim.advanceSync(10000);
    await client.send(new MergeShardsCommand({ StreamName: 'sdk', ShardToMerge: 'shardId-000000000003', AdjacentShardToMerge: 'shardId-000000000001' }));
    sim.advanceSync(10000);
    const shards = (await client.send(new ListShardsCommand({ StreamName: 'sdk' }))).Shards!;
    expect(shards.map((s) => [s.ShardId, s.ParentShardId, s.AdjacentParentShardId, s.SequenceNumberRange!.EndingSequenceNumber === undefined])).toEqual([
      ['shardId-000000000000', undefined, undefined, false],
      ['shardId-000000000001', undefined, undefined, false],
      ['shardId-000000000002', 'shardId-000000000000', undefined, true],
      ['shardId-000000000003', 'shardId-000000000000', undefined, false],
      ['shardId-000000000004', 'shardId-000000000003', 'shardId-000000000001', true],
    ]);
    const open = await client.send(new ListShardsCommand({ StreamName: 'sdk', ShardFilter: { Type: 'AT_LATEST' } }));
    expect(open.Shards!.map((s) => s.ShardId)).toEqual(['shardId-000000000002', 'shardId-000000000004']);
    const it = await client.send(new GetShardIteratorCommand({ StreamName: 'sdk', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' }));
    const r = await client.send(new GetRecordsCommand({ ShardIterator: it.ShardIterator }));
    expect(dec.decode(r.Records![0].Data)).toBe('before');
    expect(r.NextShardIterator).toBeUndefined();
    expect(r.ChildShards!.map((c) => [c.ShardId, c.ParentShards])).toEqual([
      ['shardId-000000000002', ['shardId-000000000000']],
      ['shardId-000000000003', ['shardId-000000000000']],
    ]);
  });

  it('updates shard count, retention and stream mode', async () => {
    const { sim, client } = setup();
    const arn = await activeStream(sim, client);
    const up = await client.send(new UpdateShardCountCommand({ StreamName: 'sdk', TargetShardCount: 4, ScalingType: 'UNIFORM_SCALING' }));
    expect([up.CurrentShardCount, up.TargetShardCount]).toEqual([2, 4]);
    sim.advanceSync(10000);
    expect((await client.send(new DescribeStreamSummaryCommand({ StreamName: 'sdk' }))).StreamDescriptionSummary!.OpenShardCount).toBe(4);
    await client.send(new IncreaseStreamRetentionPeriodCommand({ StreamName: 'sdk', RetentionPeriodHours: 168 }));
    expect((await client.send(new DescribeStreamSummaryCommand({ StreamName: 'sdk' }))).StreamDescriptionSummary!.RetentionPeriodHours).toBe(168);
    await client.send(new DecreaseStreamRetentionPeriodCommand({ StreamName: 'sdk', RetentionPeriodHours: 48 }));
    expect((await client.send(new DescribeStreamSummaryCommand({ StreamName: 'sdk' }))).StreamDescriptionSummary!.RetentionPeriodHours).toBe(48);
    await client.send(new UpdateStreamModeCommand({ StreamARN: arn, StreamModeDetails: { StreamMode: 'ON_DEMAND' } }));
    sim.advanceSync(10000);
    expect((await client.send(new DescribeStreamSummaryCommand({ StreamName: 'sdk' }))).StreamDescriptionSummary!.StreamModeDetails!.StreamMode).toBe('ON_DEMAND');
  });

  it('registers, describes, lists and deregisters consumers, and deletes the stream', async () => {
    const { sim, client } = setup();
    const arn = await activeStream(sim, client);
    const reg = await client.send(new RegisterStreamConsumerCommand({ StreamARN: arn, ConsumerName: 'efo' }));
    expect(reg.Consumer!.ConsumerStatus).toBe('CREATING');
    expect(reg.Consumer!.ConsumerARN).toBe(`${arn}/consumer/efo:${Math.floor(sim.now() / 1000)}`);
    expect(reg.Consumer!.ConsumerCreationTimestamp).toEqual(new Date(sim.now()));
    sim.advanceSync(5000);
    const desc = await client.send(new DescribeStreamConsumerCommand({ ConsumerARN: reg.Consumer!.ConsumerARN }));
    expect([desc.ConsumerDescription!.ConsumerStatus, desc.ConsumerDescription!.StreamARN]).toEqual(['ACTIVE', arn]);
    const list = await client.send(new ListStreamConsumersCommand({ StreamARN: arn }));
    expect(list.Consumers!.map((c) => c.ConsumerName)).toEqual(['efo']);
    await expect(client.send(new DeleteStreamCommand({ StreamName: 'sdk' }))).rejects.toBeInstanceOf(ResourceInUseException);
    await client.send(new DeregisterStreamConsumerCommand({ StreamARN: arn, ConsumerName: 'efo' }));
    sim.advanceSync(5000);
    expect((await client.send(new ListStreamConsumersCommand({ StreamARN: arn }))).Consumers).toEqual([]);
    await client.send(new DeleteStreamCommand({ StreamName: 'sdk' }));
    sim.advanceSync(5000);
    expect((await client.send(new ListStreamsCommand({}))).StreamNames).toEqual([]);
  });

  it('maps errors to the SDK exception classes with the service message', async () => {
    const { sim, client } = setup();
    const missing = await client.send(new DescribeStreamCommand({ StreamName: 'nope' })).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(ResourceNotFoundException);
    expect((missing as ResourceNotFoundException).message).toBe('Stream nope under account 123456789012 not found.');
    expect((missing as ResourceNotFoundException).$metadata.httpStatusCode).toBe(400);

    await activeStream(sim, client, 'hot', 1);
    const big = new Uint8Array(1024 * 1024 - 1);
    await client.send(new PutRecordCommand({ StreamName: 'hot', PartitionKey: 'k', Data: big }));
    const throttled = await client.send(new PutRecordCommand({ StreamName: 'hot', PartitionKey: 'k', Data: enc.encode('x') })).catch((e: unknown) => e);
    expect(throttled).toBeInstanceOf(ProvisionedThroughputExceededException);
    expect((throttled as Error).message).toBe('Rate exceeded for shard shardId-000000000000 in stream hot under account 123456789012.');

    const bad = await client.send(new GetRecordsCommand({ ShardIterator: 'bm90IGFuIGl0ZXJhdG9y' })).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(InvalidArgumentException);
    expect((bad as Error).message).toBe('Invalid ShardIterator.');

    const it = await client.send(new GetShardIteratorCommand({ StreamName: 'hot', ShardId: 'shardId-000000000000', ShardIteratorType: 'LATEST' }));
    sim.advanceSync(300001);
    const expired = await client.send(new GetRecordsCommand({ ShardIterator: it.ShardIterator })).catch((e: unknown) => e);
    expect(expired).toBeInstanceOf(ExpiredIteratorException);

    const invalid = await client.send(new CreateStreamCommand({ StreamName: 'bad name', ShardCount: 1 })).catch((e: unknown) => e);
    expect((invalid as Error).name).toBe('ValidationException');
    expect((invalid as Error).message).toBe(
      "1 validation error detected: Value 'bad name' at 'streamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+",
    );
  });

  it('subscribes to a shard and yields SubscribeToShardEvents from an AWS event stream as the simulation advances', async () => {
    const { sim, client } = setup();
    const arn = await activeStream(sim, client, 'sdk', 1);
    const reg = await client.send(new RegisterStreamConsumerCommand({ StreamARN: arn, ConsumerName: 'efo' }));
    sim.advanceSync(5000);
    const first = await client.send(new PutRecordCommand({ StreamName: 'sdk', PartitionKey: 'p', Data: enc.encode('one') }));
    const out = await client.send(
      new SubscribeToShardCommand({ ConsumerARN: reg.Consumer!.ConsumerARN, ShardId: 'shardId-000000000000', StartingPosition: { Type: 'TRIM_HORIZON' } }),
    );
    const events: SubscribeToShardEventStream[] = [];
    let finished = false;
    let failure: unknown;
    const reading = (async () => {
      try {
        for await (const e of out.EventStream!) events.push(e);
      } catch (e) {
        failure = e;
      }
      finished = true;
    })();

    sim.advanceSync(200);
    await settle();
    expect(events).toHaveLength(1);
    const e1 = events[0].SubscribeToShardEvent!;
    expect(e1.Records!.map((r) => [r.PartitionKey, dec.decode(r.Data), r.SequenceNumber])).toEqual([['p', 'one', first.SequenceNumber]]);
    expect(e1.ContinuationSequenceNumber).toBe(first.SequenceNumber);
    expect(e1.MillisBehindLatest).toBe(0);

    const second = await client.send(new PutRecordCommand({ StreamName: 'sdk', PartitionKey: 'p', Data: enc.encode('two') }));
    sim.advanceSync(200);
    await settle();
    expect(events.map((e) => e.SubscribeToShardEvent!.Records!.map((r) => dec.decode(r.Data)))).toEqual([['one'], ['two']]);
    expect(events[1].SubscribeToShardEvent!.ContinuationSequenceNumber).toBe(second.SequenceNumber);
    expect(finished).toBe(false);

    // Deregistering the consumer ends the stream with the exception, as the SDK's error class.
    await client.send(new DeregisterStreamConsumerCommand({ ConsumerARN: reg.Consumer!.ConsumerARN }));
    await reading;
    expect(finished).toBe(true);
    expect(failure).toBeInstanceOf(ResourceNotFoundException);
    expect((failure as Error).message).toBe(`Consumer ${reg.Consumer!.ConsumerARN} under account 123456789012 not found.`);
  });

  it('ends the SDK event stream after 5 minutes and refuses a new call within 5 s with ResourceInUseException', async () => {
    const { sim, client } = setup();
    const arn = await activeStream(sim, client, 'sdk', 1);
    const reg = await client.send(new RegisterStreamConsumerCommand({ StreamARN: arn, ConsumerName: 'efo' }));
    sim.advanceSync(5000);
    const input = { ConsumerARN: reg.Consumer!.ConsumerARN, ShardId: 'shardId-000000000000', StartingPosition: { Type: 'LATEST' as const } };
    const out = await client.send(new SubscribeToShardCommand(input));
    const again = await client.send(new SubscribeToShardCommand(input)).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(ResourceInUseException);
    let count = 0;
    const reading = (async () => {
      for await (const e of out.EventStream!) if (e.SubscribeToShardEvent) count++;
    })();
    sim.advanceSync(300000);
    await reading;
    // The first push, then an empty event every 5 s while nothing comes: 200 ms, 5.2 s, ..., 295.2 s.
    expect(count).toBe(60);
  });

  it('tags streams and consumers, encrypts new records only, switches enhanced monitoring, and reads limits, account settings and policies', async () => {
    const { sim, client } = setup();
    const arn = await activeStream(sim, client, 'sdk', 1);
    await client.send(new AddTagsToStreamCommand({ StreamName: 'sdk', Tags: { a: '1', b: '2', c: '3' } }));
    const page = await client.send(new ListTagsForStreamCommand({ StreamARN: arn, Limit: 2 }));
    expect([page.Tags, page.HasMoreTags]).toEqual([[{ Key: 'a', Value: '1' }, { Key: 'b', Value: '2' }], true]);
    const rest = await client.send(new ListTagsForStreamCommand({ StreamName: 'sdk', ExclusiveStartTagKey: 'b' }));
    expect([rest.Tags, rest.HasMoreTags]).toEqual([[{ Key: 'c', Value: '3' }], false]);
    await client.send(new RemoveTagsFromStreamCommand({ StreamName: 'sdk', TagKeys: ['a'] }));
    const consumer = (await client.send(new RegisterStreamConsumerCommand({ StreamARN: arn, ConsumerName: 'tagged' }))).Consumer!;
    await client.send(new TagResourceCommand({ ResourceARN: consumer.ConsumerARN!, Tags: { team: 'x', env: 'y' } }));
    await client.send(new UntagResourceCommand({ ResourceARN: consumer.ConsumerARN!, TagKeys: ['env'] }));
    expect((await client.send(new ListTagsForResourceCommand({ ResourceARN: consumer.ConsumerARN! }))).Tags).toEqual([{ Key: 'team', Value: 'x' }]);
    expect((await client.send(new ListTagsForResourceCommand({ ResourceARN: arn }))).Tags).toEqual([{ Key: 'b', Value: '2' }, { Key: 'c', Value: '3' }]);

    await client.send(new PutRecordCommand({ StreamName: 'sdk', PartitionKey: 'k', Data: enc.encode('old') }));
    await client.send(new StartStreamEncryptionCommand({ StreamName: 'sdk', EncryptionType: 'KMS', KeyId: 'alias/aws/kinesis' }));
    sim.advanceSync(10000);
    const d = (await client.send(new DescribeStreamCommand({ StreamName: 'sdk' }))).StreamDescription!;
    expect([d.StreamStatus, d.EncryptionType, d.KeyId]).toEqual(['ACTIVE', 'KMS', 'alias/aws/kinesis']);
    expect((await client.send(new PutRecordCommand({ StreamName: 'sdk', PartitionKey: 'k', Data: enc.encode('new') }))).EncryptionType).toBe('KMS');
    const it0 = (await client.send(new GetShardIteratorCommand({ StreamName: 'sdk', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator!;
    const read = (await client.send(new GetRecordsCommand({ ShardIterator: it0 }))).Records!;
    expect(read.map((r) => [dec.decode(r.Data), r.EncryptionType])).toEqual([['old', undefined], ['new', 'KMS']]);
    await expect(client.send(new StartStreamEncryptionCommand({ StreamName: 'sdk', EncryptionType: 'KMS', KeyId: 'nokey' }))).rejects.toBeInstanceOf(KMSNotFoundException);
    await client.send(new StopStreamEncryptionCommand({ StreamName: 'sdk', EncryptionType: 'KMS', KeyId: 'alias/aws/kinesis' }));
    sim.advanceSync(10000);

    const on = await client.send(new EnableEnhancedMonitoringCommand({ StreamName: 'sdk', ShardLevelMetrics: ['IncomingRecords'] }));
    expect([on.CurrentShardLevelMetrics, on.DesiredShardLevelMetrics, on.StreamARN]).toEqual([[], ['IncomingRecords'], arn]);
    const off = await client.send(new DisableEnhancedMonitoringCommand({ StreamName: 'sdk', ShardLevelMetrics: ['ALL'] }));
    expect([off.CurrentShardLevelMetrics, off.DesiredShardLevelMetrics]).toEqual([['IncomingRecords'], []]);

    const limits = await client.send(new DescribeLimitsCommand({}));
    expect([limits.ShardLimit, limits.OpenShardCount, limits.OnDemandStreamCount, limits.OnDemandStreamCountLimit]).toEqual([sim.kinesisContext.shardQuota, 1, 0, 50]);
    expect((await client.send(new DescribeAccountSettingsCommand({}))).MinimumThroughputBillingCommitment).toEqual({ Status: 'DISABLED' });
    const t = sim.now();
    const upd = (await client.send(new UpdateAccountSettingsCommand({ MinimumThroughputBillingCommitment: { Status: 'ENABLED' } }))).MinimumThroughputBillingCommitment!;
    expect([upd.Status, upd.StartedAt, upd.EarliestAllowedEndAt]).toEqual(['ENABLED', new Date(t), new Date(t + 24 * 3600 * 1000)]);
    await client.send(new UpdateMaxRecordSizeCommand({ StreamARN: arn, MaxRecordSizeInKiB: 2048 }));
    expect((await client.send(new DescribeStreamSummaryCommand({ StreamARN: arn }))).StreamDescriptionSummary!.MaxRecordSizeInKiB).toBe(2048);

    const policy = JSON.stringify({ Version: '2012-10-17', Statement: [] });
    await client.send(new PutResourcePolicyCommand({ ResourceARN: arn, Policy: policy }));
    expect((await client.send(new GetResourcePolicyCommand({ ResourceARN: arn }))).Policy).toBe(policy);
    await client.send(new DeleteResourcePolicyCommand({ ResourceARN: arn }));
    await expect(client.send(new DeleteResourcePolicyCommand({ ResourceARN: arn }))).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it("warms an on-demand stream's write throughput (UpdateStreamWarmThroughput)", async () => {
    const { sim, client } = setup();
    await client.send(new CreateStreamCommand({ StreamName: 'od', StreamModeDetails: { StreamMode: 'ON_DEMAND' } }));
    sim.advanceSync(10000);
    const out = await client.send(new UpdateStreamWarmThroughputCommand({ StreamName: 'od', WarmThroughputMiBps: 10 }));
    expect([out.StreamName, out.WarmThroughput]).toEqual(['od', { TargetMiBps: 10, CurrentMiBps: 4 }]);
    sim.advanceSync(10000);
    const sum = (await client.send(new DescribeStreamSummaryCommand({ StreamName: 'od' }))).StreamDescriptionSummary!;
    expect([sum.StreamStatus, sum.OpenShardCount, sum.WarmThroughput]).toEqual(['ACTIVE', 10, { TargetMiBps: 10, CurrentMiBps: 10 }]);
  });

  // Runs last (tests in a file run in order): the tests above sent every operation the engine offers.
  it('has called every Kinesis operation of the engine through the SDK', () => {
    const called = new Set(log.targets.map((t) => t.replace('Kinesis_20131202.', '')));
    expect(Object.keys(kinesisOperations).filter((op) => !called.has(op))).toEqual([]);
  });
});
