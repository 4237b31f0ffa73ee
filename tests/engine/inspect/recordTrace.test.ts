import { describe, it, expect } from 'vitest';
import { activeStream } from '../kinesis/streamFixture';
import { encodeUtf8 } from '../../../src/engine/core/utf8';
import { md5Hex } from '../../../src/engine/kinesis/hashKey';
import { isAwsError } from '../../../src/engine/core/errors';
import { MAX_RECENT_RECORDS } from '../../../src/engine/inspect/recordTrace';

const ROLE = 'arn:aws:iam::123456789012:role/firehose';

function world() {
  const { sim, arn } = activeStream(2, 'src');
  sim.s3.createBucket({ Bucket: 'out' });
  sim.firehose.createDeliveryStream({
    DeliveryStreamName: 'fh', DeliveryStreamType: 'KinesisStreamAsSource',
    KinesisStreamSourceConfiguration: { KinesisStreamARN: arn, RoleARN: ROLE },
    ExtendedS3DestinationConfiguration: { RoleARN: ROLE, BucketARN: 'arn:aws:s3:::out', BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 } },
  });
  sim.advanceSync(5000);
  const consumer = sim.traffic.addConsumer({ type: 'polling', name: 'reader', streamName: 'src', initialPosition: 'TRIM_HORIZON', intervalMs: 1000 });
  return { sim, consumer };
}

describe('recordTrace', () => {
  it('lists a shard\'s newest records first without charging its read limits', () => {
    const { sim } = world();
    const a = sim.kinesis.putRecord({ StreamName: 'src', PartitionKey: 'k', Data: encodeUtf8('one') });
    sim.kinesis.putRecord({ StreamName: 'src', PartitionKey: 'k', Data: encodeUtf8('two') });
    const shard = sim.kinesisContext.streams.get('src')!.byId.get(a.ShardId)!;
    const calls = shard.counters.readCalls;
    const list = sim.inspect.recentRecords('src', a.ShardId, 5);
    expect(list.map((r) => [r.partitionKey, r.sizeBytes])).toEqual([['k', 4], ['k', 4]]);
    expect(list[1].sequenceNumber).toBe(a.SequenceNumber);
    expect(shard.counters.readCalls).toBe(calls);
  });

  it('finds the newest record with a partition key in the shard MD5 picks', () => {
    const { sim } = world();
    sim.kinesis.putRecord({ StreamName: 'src', PartitionKey: 'device-7', Data: encodeUtf8('old') });
    const b = sim.kinesis.putRecord({ StreamName: 'src', PartitionKey: 'device-7', Data: encodeUtf8('new') });
    sim.kinesis.putRecord({ StreamName: 'src', PartitionKey: 'other', Data: encodeUtf8('x') });
    expect(sim.inspect.findRecordByKey('src', 'device-7')?.sequenceNumber).toBe(b.SequenceNumber);
    expect(sim.inspect.findRecordByKey('src', 'never-written')).toBeNull();
  });

  it('follows a record from its shard to the polling consumer and the S3 object Firehose wrote', () => {
    const { sim, consumer } = world();
    const r = sim.kinesis.putRecord({ StreamName: 'src', PartitionKey: 'device-7', Data: encodeUtf8('{"t":21}\n') });
    const before = sim.inspect.traceRecord('src', r.ShardId, r.SequenceNumber);
    expect(before.md5Hex).toBe(md5Hex('device-7'));
    expect(before.hashKey).toBe(BigInt('0x' + md5Hex('device-7')).toString());
    expect(before.dataPreview).toBe('{"t":21}\n');
    expect(before.readers).toEqual([expect.objectContaining({ id: consumer, name: 'reader', state: 'pending', behindBy: 1 })]);
    expect(before.firehoses).toEqual([expect.objectContaining({ name: 'fh', state: 'pending' })]);
    sim.advanceSync(1000);
    const mid = sim.inspect.traceRecord('src', r.ShardId, r.SequenceNumber);
    expect(mid.readers[0].state).toBe('read');
    expect(mid.firehoses[0].state).toBe('buffered');
    sim.advanceSync(61000);
    const after = sim.inspect.traceRecord('src', r.ShardId, r.SequenceNumber);
    const key = sim.s3.listObjectsV2({ Bucket: 'out' }).Contents![0].Key;
    expect(after.firehoses[0]).toMatchObject({ state: 'delivered', bucket: 'out', key, target: 'data' });
  });

  it('refuses a sequence number of another shard with the engine\'s InvalidArgumentException', () => {
    const { sim } = world();
    const r = sim.kinesis.putRecord({ StreamName: 'src', PartitionKey: 'k', Data: encodeUtf8('x') });
    const other = r.ShardId === 'shardId-000000000000' ? 'shardId-000000000001' : 'shardId-000000000000';
    let caught: unknown;
    try {
      sim.inspect.traceRecord('src', other, r.SequenceNumber);
    } catch (e) {
      caught = e;
    }
    expect(isAwsError(caught, 'InvalidArgumentException')).toBe(true);
  });

  it('names a missing stream and a missing shard with ResourceNotFoundException, as Kinesis does', () => {
    const { sim } = world();
    expect(() => sim.inspect.recentRecords('nope', 'shardId-000000000000')).toThrow('Stream nope under account 123456789012 not found.');
    expect(() => sim.inspect.recentRecords('src', 'shardId-000000000009')).toThrow('Could not find shard shardId-000000000009 in stream src under account 123456789012.');
  });

  it('answers at most MAX_RECENT_RECORDS records and at least one', () => {
    const { sim } = world();
    const entries = Array.from({ length: 150 }, (_, i) => ({ PartitionKey: 'same', Data: encodeUtf8(String(i)) }));
    const put = sim.kinesis.putRecords({ StreamName: 'src', Records: entries });
    const shardId = put.Records[0].ShardId!;
    expect(sim.inspect.recentRecords('src', shardId, 1000)).toHaveLength(MAX_RECENT_RECORDS);
    expect(sim.inspect.recentRecords('src', shardId, 0).map((r) => r.sequenceNumber)).toEqual([put.Records[149].SequenceNumber]);
  });
});
