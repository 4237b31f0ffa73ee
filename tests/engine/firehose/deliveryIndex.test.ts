import { describe, it, expect } from 'vitest';
import { activeStream } from '../kinesis/streamFixture';
import { ROLE, utf8 } from './helpers';
import { findDeliveredRecord, indexDelivery, DELIVERY_INDEX_CAPACITY } from '../../../src/engine/firehose/deliveryIndex';
import { sequenceNumberOf } from '../../../src/engine/kinesis/sequenceNumber';
import type { DeliveryStreamState } from '../../../src/engine/firehose/deliveryStreamModel';

function sourceStream() {
  const { sim, arn } = activeStream(2, 'src');
  sim.s3.createBucket({ Bucket: 'out' });
  sim.firehose.createDeliveryStream({
    DeliveryStreamName: 'fh', DeliveryStreamType: 'KinesisStreamAsSource',
    KinesisStreamSourceConfiguration: { KinesisStreamARN: arn, RoleARN: ROLE },
    ExtendedS3DestinationConfiguration: { RoleARN: ROLE, BucketARN: 'arn:aws:s3:::out', BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 } },
  });
  return sim;
}

describe('deliveryIndex', () => {
  it('finds the object that holds a record read from a shard, by its sequence number', () => {
    const sim = sourceStream();
    sim.advanceSync(5000);
    const a = sim.kinesis.putRecord({ StreamName: 'src', PartitionKey: 'k', Data: utf8('a\n') });
    const b = sim.kinesis.putRecord({ StreamName: 'src', PartitionKey: 'k', Data: utf8('b\n') });
    const st = sim.firehoseContext.streams.get('fh')!;
    expect(findDeliveredRecord(st, a.ShardId, a.SequenceNumber)).toBeUndefined();
    sim.advanceSync(62000);
    const keys = (sim.s3.listObjectsV2({ Bucket: 'out' }).Contents ?? []).map((c) => c.Key);
    expect(keys).toHaveLength(1);
    const found = findDeliveredRecord(st, a.ShardId, a.SequenceNumber)!;
    expect(found).toMatchObject({ bucket: 'out', key: keys[0], target: 'data', shardId: a.ShardId, firstIndex: 0, lastIndex: 1 });
    expect(findDeliveredRecord(st, b.ShardId, b.SequenceNumber)?.key).toBe(keys[0]);
    // Another shard's record with the same index is not in that object.
    const other = a.ShardId === 'shardId-000000000000' ? 'shardId-000000000001' : 'shardId-000000000000';
    expect(findDeliveredRecord(st, other, a.SequenceNumber)).toBeUndefined();
  });

  it('keeps at most DELIVERY_INDEX_CAPACITY runs, dropping the oldest', () => {
    const st = {} as DeliveryStreamState;
    const prefix = '49000000000000000000';
    for (let i = 0; i <= DELIVERY_INDEX_CAPACITY; i++) {
      indexDelivery(st, 'b', `obj-${i}`, 'data', [{ data: new Uint8Array(1), arrival: 0, meta: { shardId: 's', partitionKey: 'k', sequenceNumber: sequenceNumberOf(prefix, i), approximateArrivalTimestamp: 0 } }], i);
    }
    expect(findDeliveredRecord(st, 's', sequenceNumberOf(prefix, 0))).toBeUndefined();
    expect(findDeliveredRecord(st, 's', sequenceNumberOf(prefix, 1))?.key).toBe('obj-1');
    expect(findDeliveredRecord(st, 's', sequenceNumberOf(prefix, DELIVERY_INDEX_CAPACITY))?.key).toBe(`obj-${DELIVERY_INDEX_CAPACITY}`);
  });
});
