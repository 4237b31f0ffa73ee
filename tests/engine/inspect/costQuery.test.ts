import { describe, it, expect } from 'vitest';
import { activeStream } from '../kinesis/streamFixture';

const ROLE = 'arn:aws:iam::123456789012:role/firehose';

describe('costSnap', () => {
  it('costSnap lists each stream and delivery stream from sim.cost.summary() and their total', () => {
    const { sim, arn } = activeStream(2, 'src');
    sim.s3.createBucket({ Bucket: 'out' });
    sim.firehose.createDeliveryStream({
      DeliveryStreamName: 'fh', DeliveryStreamType: 'KinesisStreamAsSource',
      KinesisStreamSourceConfiguration: { KinesisStreamARN: arn, RoleARN: ROLE },
      ExtendedS3DestinationConfiguration: { RoleARN: ROLE, BucketARN: 'arn:aws:s3:::out' },
    });
    sim.advanceSync(3600000);
    const c = sim.inspect.cost();
    const summary = sim.cost.summary();
    expect(c.lines.map(([l]) => l.split(' (')[0])).toEqual(['Kinesis src', 'Firehose fh']);
    expect(c.lines[0][1]).toBe(summary.kinesis[0].usd);
    expect(c.totalUsd).toBe(summary.totalUsd);
    expect(c.lines[0][0]).toContain('PROVISIONED');
  });
});
