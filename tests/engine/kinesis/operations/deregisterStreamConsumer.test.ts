import { describe, it, expect } from 'vitest';
import { activeConsumer, activeStream, awsErrorOf } from '../streamFixture';

describe('deregisterStreamConsumer', () => {
  it('puts the consumer in DELETING, then removes it after the deregister delay', () => {
    const { sim, arn } = activeStream();
    const c = activeConsumer(sim, arn);
    expect(sim.kinesis.deregisterStreamConsumer({ StreamARN: arn, ConsumerName: 'app' })).toEqual({});
    expect(sim.kinesis.describeStreamConsumer({ ConsumerARN: c }).ConsumerDescription.ConsumerStatus).toBe('DELETING');
    expect(awsErrorOf(() => sim.kinesis.deregisterStreamConsumer({ ConsumerARN: c })).type).toBe('ResourceInUseException');
    sim.advanceSync(4999);
    expect(sim.kinesis.listStreamConsumers({ StreamARN: arn }).Consumers.map((x) => x.ConsumerStatus)).toEqual(['DELETING']);
    sim.advanceSync(1);
    expect(sim.kinesis.listStreamConsumers({ StreamARN: arn }).Consumers).toEqual([]);
    expect(awsErrorOf(() => sim.kinesis.describeStreamConsumer({ ConsumerARN: c })).type).toBe('ResourceNotFoundException');
  });

  it('ends the consumer\'s subscriptions at once with ResourceNotFoundException', () => {
    const { sim, arn } = activeStream(2);
    const c = activeConsumer(sim, arn);
    const subs = ['shardId-000000000000', 'shardId-000000000001'].map(
      (ShardId) => sim.kinesis.subscribeToShard({ ConsumerARN: c, ShardId, StartingPosition: { Type: 'LATEST' } }).EventStream,
    );
    sim.advanceSync(1000);
    sim.kinesis.deregisterStreamConsumer({ ConsumerARN: c });
    expect(subs.map((s) => s.endedBy)).toEqual([
      { reason: 'consumerDeregistered', error: { type: 'ResourceNotFoundException', message: `Consumer ${c} under account 123456789012 not found.` } },
      { reason: 'consumerDeregistered', error: { type: 'ResourceNotFoundException', message: `Consumer ${c} under account 123456789012 not found.` } },
    ]);
    const ended = sim.core.events.drain().filter((e) => e.type === 'subscriptionEnded');
    expect(ended.map((e) => (e as { shardId: string }).shardId)).toEqual(['shardId-000000000000', 'shardId-000000000001']);
  });
});
