import { describe, it, expect } from 'vitest';
import { activeStream } from '../engine/kinesis/streamFixture';
import { firehoseSnaps } from '../../src/worker/firehoseSnapshot';

describe('firehoseSnaps', () => {
  it('names the source stream while the delivery stream is still CREATING, so the graph can draw its edge', () => {
    const { sim, arn } = activeStream(1, 'src');
    sim.s3.createBucket({ Bucket: 'out' });
    const role = 'arn:aws:iam::123456789012:role/firehose';
    sim.firehose.createDeliveryStream({
      DeliveryStreamName: 'fh', DeliveryStreamType: 'KinesisStreamAsSource',
      KinesisStreamSourceConfiguration: { KinesisStreamARN: arn, RoleARN: role },
      ExtendedS3DestinationConfiguration: { RoleARN: role, BucketARN: 'arn:aws:s3:::out' },
    });
    expect(firehoseSnaps(sim).map((f) => [f.name, f.status, f.source])).toEqual([['fh', 'CREATING', 'src']]);
    sim.advanceSync(60000);
    expect(firehoseSnaps(sim).map((f) => [f.status, f.source])).toEqual([['ACTIVE', 'src']]);
  });
});
