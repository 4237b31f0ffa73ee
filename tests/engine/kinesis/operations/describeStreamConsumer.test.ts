import { describe, it, expect } from 'vitest';
import { activeConsumer, activeStream, awsErrorOf } from '../streamFixture';

describe('describeStreamConsumer', () => {
  it('describes a consumer by ConsumerARN and by StreamARN plus ConsumerName alike', () => {
    const { sim, arn } = activeStream();
    const t0 = sim.now();
    const consumerArn = activeConsumer(sim, arn, 'reader');
    const expected = {
      ConsumerDescription: {
        ConsumerName: 'reader',
        ConsumerARN: consumerArn,
        ConsumerStatus: 'ACTIVE',
        ConsumerCreationTimestamp: t0,
        StreamARN: arn,
      },
    };
    expect(sim.kinesis.describeStreamConsumer({ ConsumerARN: consumerArn })).toEqual(expected);
    expect(sim.kinesis.describeStreamConsumer({ StreamARN: arn, ConsumerName: 'reader' })).toEqual(expected);
  });

  it('needs ConsumerARN or both StreamARN and ConsumerName', () => {
    const { sim, arn } = activeStream();
    expect(awsErrorOf(() => sim.kinesis.describeStreamConsumer({ StreamARN: arn }))).toEqual({
      type: 'InvalidArgumentException',
      message: 'Either ConsumerARN or both ConsumerName and StreamARN must be provided.',
    });
  });

  it('gives ResourceNotFoundException for an unknown name and for the ARN of a consumer registered again since', () => {
    const { sim, arn } = activeStream();
    expect(awsErrorOf(() => sim.kinesis.describeStreamConsumer({ StreamARN: arn, ConsumerName: 'ghost' }))).toEqual({
      type: 'ResourceNotFoundException',
      message: `Consumer ghost under stream ${arn} not found.`,
    });
    const old = activeConsumer(sim, arn, 'reader');
    sim.kinesis.deregisterStreamConsumer({ ConsumerARN: old });
    sim.advanceSync(5000);
    const fresh = activeConsumer(sim, arn, 'reader');
    expect(fresh).not.toBe(old);
    expect(awsErrorOf(() => sim.kinesis.describeStreamConsumer({ ConsumerARN: old }))).toEqual({
      type: 'ResourceNotFoundException',
      message: `Consumer ${old} under account 123456789012 not found.`,
    });
    expect(sim.kinesis.describeStreamConsumer({ ConsumerARN: fresh }).ConsumerDescription.ConsumerStatus).toBe('ACTIVE');
  });

  it('validates the ConsumerARN pattern', () => {
    const { sim } = activeStream();
    expect(awsErrorOf(() => sim.kinesis.describeStreamConsumer({ ConsumerARN: 'arn:aws:kinesis:us-east-1:123456789012:stream/orders' })).type).toBe('ValidationException');
  });
});
