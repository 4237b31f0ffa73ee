import { describe, it, expect } from 'vitest';
import { activeStream } from '../engine/kinesis/streamFixture';
import { costSnap, firehoseDetail } from '../../src/worker/inspectQueries';

const ROLE = 'arn:aws:iam::123456789012:role/firehose';

describe('inspectQueries', () => {
  it('costSnap lists each stream and delivery stream from sim.cost.summary() and their total', () => {
    const { sim, arn } = activeStream(2, 'src');
    sim.s3.createBucket({ Bucket: 'out' });
    sim.firehose.createDeliveryStream({
      DeliveryStreamName: 'fh', DeliveryStreamType: 'KinesisStreamAsSource',
      KinesisStreamSourceConfiguration: { KinesisStreamARN: arn, RoleARN: ROLE },
      ExtendedS3DestinationConfiguration: { RoleARN: ROLE, BucketARN: 'arn:aws:s3:::out' },
    });
    sim.advanceSync(3600000);
    const c = costSnap(sim);
    const summary = sim.cost.summary();
    expect(c.lines.map(([l]) => l.split(' (')[0])).toEqual(['Kinesis src', 'Firehose fh']);
    expect(c.lines[0][1]).toBe(summary.kinesis[0].usd);
    expect(c.totalUsd).toBe(summary.totalUsd);
    expect(c.lines[0][0]).toContain('PROVISIONED');
  });

  it('firehoseDetail reads the destination settings and offers the built-in transforms', () => {
    const { sim, arn } = activeStream(1, 'src');
    sim.s3.createBucket({ Bucket: 'out' });
    sim.firehose.createDeliveryStream({
      DeliveryStreamName: 'fh', DeliveryStreamType: 'KinesisStreamAsSource',
      KinesisStreamSourceConfiguration: { KinesisStreamARN: arn, RoleARN: ROLE },
      ExtendedS3DestinationConfiguration: { RoleARN: ROLE, BucketARN: 'arn:aws:s3:::out', Prefix: 'data/', BufferingHints: { SizeInMBs: 2, IntervalInSeconds: 90 }, CompressionFormat: 'GZIP' },
    });
    const d = firehoseDetail(sim, 'fh');
    expect(d).toMatchObject({ name: 'fh', versionId: '1', destinationId: 'destinationId-000000000001', sizeInMBs: 2, intervalInSeconds: 90, prefix: 'data/', compression: 'GZIP', transform: null, dynamicPartitioning: false });
    expect(d.functions.map((f) => [f.name, f.exists])).toContainEqual(['firehose-add-field', false]);
  });
});
