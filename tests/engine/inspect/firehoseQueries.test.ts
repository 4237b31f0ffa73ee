import { describe, it, expect } from 'vitest';
import { activeStream } from '../kinesis/streamFixture';

const ROLE = 'arn:aws:iam::123456789012:role/firehose';

describe('firehoseQueries', () => {
  it('names the source stream while the delivery stream is still CREATING, so the graph can draw its edge', () => {
    const { sim, arn } = activeStream(1, 'src');
    sim.s3.createBucket({ Bucket: 'out' });
    const role = 'arn:aws:iam::123456789012:role/firehose';
    sim.firehose.createDeliveryStream({
      DeliveryStreamName: 'fh', DeliveryStreamType: 'KinesisStreamAsSource',
      KinesisStreamSourceConfiguration: { KinesisStreamARN: arn, RoleARN: role },
      ExtendedS3DestinationConfiguration: { RoleARN: role, BucketARN: 'arn:aws:s3:::out' },
    });
    expect(sim.inspect.firehoses().map((f) => [f.name, f.status, f.source])).toEqual([['fh', 'CREATING', 'src']]);
    sim.advanceSync(60000);
    expect(sim.inspect.firehoses().map((f) => [f.status, f.source])).toEqual([['ACTIVE', 'src']]);
  });

  it('firehoseDetail reads the destination settings and offers the built-in transforms', () => {
    const { sim, arn } = activeStream(1, 'src');
    sim.s3.createBucket({ Bucket: 'out' });
    sim.firehose.createDeliveryStream({
      DeliveryStreamName: 'fh', DeliveryStreamType: 'KinesisStreamAsSource',
      KinesisStreamSourceConfiguration: { KinesisStreamARN: arn, RoleARN: ROLE },
      ExtendedS3DestinationConfiguration: { RoleARN: ROLE, BucketARN: 'arn:aws:s3:::out', Prefix: 'data/', BufferingHints: { SizeInMBs: 2, IntervalInSeconds: 90 }, CompressionFormat: 'GZIP' },
    });
    const d = sim.inspect.firehoseDetail('fh');
    expect(d).toMatchObject({ name: 'fh', versionId: '1', destinationId: 'destinationId-000000000001', sizeInMBs: 2, intervalInSeconds: 90, prefix: 'data/', compression: 'GZIP', transform: null, dynamicPartitioning: false });
    expect(d.functions.map((f) => [f.name, f.exists])).toContainEqual(['firehose-add-field', false]);
  });
});
