import { describe, it, expect } from 'vitest';
import { activeStream, awsErrorOf as error } from '../streamFixture';

describe('registerStreamConsumer', () => {
  it('registers a CREATING consumer whose ARN ends with its creation time, ACTIVE after the register delay', () => {
    const { sim, arn } = activeStream();
    const t0 = sim.now();
    const out = sim.kinesis.registerStreamConsumer({ StreamARN: arn, ConsumerName: 'app-1' });
    expect(out.Consumer).toEqual({
      ConsumerName: 'app-1',
      ConsumerARN: `${arn}/consumer/app-1:${Math.floor(t0 / 1000)}`,
      ConsumerStatus: 'CREATING',
      ConsumerCreationTimestamp: t0,
    });
    sim.advanceSync(4999);
    expect(sim.kinesis.describeStreamConsumer({ ConsumerARN: out.Consumer.ConsumerARN }).ConsumerDescription.ConsumerStatus).toBe('CREATING');
    sim.advanceSync(1);
    expect(sim.kinesis.describeStreamConsumer({ ConsumerARN: out.Consumer.ConsumerARN }).ConsumerDescription.ConsumerStatus).toBe('ACTIVE');
    expect(sim.core.events.drain().filter((e) => e.type === 'consumerStatus').map((e) => (e as { status: string }).status)).toEqual(['CREATING', 'ACTIVE']);
  });

  it('refuses names outside 1..128 of [a-zA-Z0-9_.-]', () => {
    const { sim, arn } = activeStream();
    expect(error(() => sim.kinesis.registerStreamConsumer({ StreamARN: arn, ConsumerName: 'bad name' }))).toEqual({
      type: 'ValidationException',
      message: "1 validation error detected: Value 'bad name' at 'consumerName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+",
    });
    expect(error(() => sim.kinesis.registerStreamConsumer({ StreamARN: arn, ConsumerName: 'a'.repeat(129) })).message).toContain(
      "at 'consumerName' failed to satisfy constraint: Member must have length less than or equal to 128",
    );
    expect(sim.kinesis.registerStreamConsumer({ StreamARN: arn, ConsumerName: 'a'.repeat(128) }).Consumer.ConsumerStatus).toBe('CREATING');
  });

  it('refuses a name already registered on the stream with ResourceInUseException', () => {
    const { sim, arn } = activeStream();
    sim.kinesis.registerStreamConsumer({ StreamARN: arn, ConsumerName: 'app' });
    expect(error(() => sim.kinesis.registerStreamConsumer({ StreamARN: arn, ConsumerName: 'app' }))).toEqual({
      type: 'ResourceInUseException',
      message: `Consumer app under stream ${arn} already exists.`,
    });
  });

  it('allows the same name on another stream', () => {
    const { sim, arn } = activeStream();
    sim.kinesis.createStream({ StreamName: 'other', ShardCount: 1 });
    sim.advanceSync(10000);
    const other = sim.kinesis.describeStreamSummary({ StreamName: 'other' }).StreamDescriptionSummary.StreamARN;
    sim.kinesis.registerStreamConsumer({ StreamARN: arn, ConsumerName: 'app' });
    expect(sim.kinesis.registerStreamConsumer({ StreamARN: other, ConsumerName: 'app' }).Consumer.ConsumerARN).toBe(`${other}/consumer/app:${Math.floor(sim.now() / 1000)}`);
  });

  it('gives LimitExceededException for a 6th consumer while 5 are CREATING, and accepts it once they are ACTIVE', () => {
    const { sim, arn } = activeStream();
    for (let i = 0; i < 5; i++) sim.kinesis.registerStreamConsumer({ StreamARN: arn, ConsumerName: `c${i}` });
    expect(error(() => sim.kinesis.registerStreamConsumer({ StreamARN: arn, ConsumerName: 'c5' }))).toEqual({
      type: 'LimitExceededException',
      message: 'Only 5 consumers can be in the CREATING state at once for the account 123456789012.',
    });
    sim.advanceSync(5000);
    expect(sim.kinesis.registerStreamConsumer({ StreamARN: arn, ConsumerName: 'c5' }).Consumer.ConsumerStatus).toBe('CREATING');
  });

  it('allows 20 consumers per stream and refuses the 21st with LimitExceededException', () => {
    const { sim, arn } = activeStream();
    for (let i = 0; i < 20; i++) {
      sim.kinesis.registerStreamConsumer({ StreamARN: arn, ConsumerName: `c${i}` });
      if (i % 5 === 4) sim.advanceSync(5000);
    }
    expect(error(() => sim.kinesis.registerStreamConsumer({ StreamARN: arn, ConsumerName: 'c20' }))).toEqual({
      type: 'LimitExceededException',
      message: 'Stream orders under account 123456789012 already has 20 registered consumers. Limit: 20.',
    });
  });

  it('gives ResourceNotFoundException for an unknown stream and ResourceInUseException while the stream is CREATING', () => {
    const { sim } = activeStream();
    expect(error(() => sim.kinesis.registerStreamConsumer({ StreamARN: 'arn:aws:kinesis:us-east-1:123456789012:stream/nope', ConsumerName: 'a' }))).toEqual({
      type: 'ResourceNotFoundException',
      message: 'Stream nope under account 123456789012 not found.',
    });
    sim.kinesis.createStream({ StreamName: 'young', ShardCount: 1 });
    expect(error(() => sim.kinesis.registerStreamConsumer({ StreamARN: 'arn:aws:kinesis:us-east-1:123456789012:stream/young', ConsumerName: 'a' }))).toEqual({
      type: 'ResourceInUseException',
      message: 'Stream young under account 123456789012 not ACTIVE, instead in state CREATING',
    });
  });
});
