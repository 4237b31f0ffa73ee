import { describe, it, expect } from 'vitest';
import { activeStream, awsErrorOf } from '../streamFixture';

describe('listStreamConsumers', () => {
  it('lists consumers in registration order, MaxResults per page, with NextToken until the last page', () => {
    const { sim, arn } = activeStream();
    for (let i = 0; i < 5; i++) {
      sim.kinesis.registerStreamConsumer({ StreamARN: arn, ConsumerName: `c${i}` });
      sim.advanceSync(1000);
    }
    const p1 = sim.kinesis.listStreamConsumers({ StreamARN: arn, MaxResults: 2 });
    expect(p1.Consumers.map((c) => [c.ConsumerName, c.ConsumerStatus])).toEqual([
      ['c0', 'ACTIVE'],
      ['c1', 'CREATING'],
    ]);
    expect(typeof p1.NextToken).toBe('string');
    const p2 = sim.kinesis.listStreamConsumers({ StreamARN: arn, MaxResults: 2, NextToken: p1.NextToken });
    expect(p2.Consumers.map((c) => c.ConsumerName)).toEqual(['c2', 'c3']);
    const p3 = sim.kinesis.listStreamConsumers({ StreamARN: arn, MaxResults: 2, NextToken: p2.NextToken });
    expect(p3.Consumers.map((c) => c.ConsumerName)).toEqual(['c4']);
    expect(p3.NextToken).toBeUndefined();
    expect(sim.kinesis.listStreamConsumers({ StreamARN: arn }).Consumers).toHaveLength(5);
  });

  it('gives an empty list for a stream without consumers', () => {
    const { sim, arn } = activeStream();
    expect(sim.kinesis.listStreamConsumers({ StreamARN: arn })).toEqual({ Consumers: [] });
  });

  it('refuses a NextToken older than 300 s with ExpiredNextTokenException and a forged one with InvalidArgumentException', () => {
    const { sim, arn } = activeStream();
    sim.kinesis.registerStreamConsumer({ StreamARN: arn, ConsumerName: 'a' });
    sim.kinesis.registerStreamConsumer({ StreamARN: arn, ConsumerName: 'b' });
    const { NextToken } = sim.kinesis.listStreamConsumers({ StreamARN: arn, MaxResults: 1 });
    sim.advanceSync(300000);
    expect(sim.kinesis.listStreamConsumers({ StreamARN: arn, NextToken }).Consumers.map((c) => c.ConsumerName)).toEqual(['b']);
    sim.advanceSync(1);
    expect(awsErrorOf(() => sim.kinesis.listStreamConsumers({ StreamARN: arn, NextToken })).type).toBe('ExpiredNextTokenException');
    expect(awsErrorOf(() => sim.kinesis.listStreamConsumers({ StreamARN: arn, NextToken: 'bm9wZQ==' }))).toEqual({
      type: 'InvalidArgumentException',
      message: 'Invalid NextToken: bm9wZQ==',
    });
  });

  it('validates MaxResults 1..10000', () => {
    const { sim, arn } = activeStream();
    expect(awsErrorOf(() => sim.kinesis.listStreamConsumers({ StreamARN: arn, MaxResults: 10001 })).message).toBe(
      "1 validation error detected: Value '10001' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 10000",
    );
  });
});
