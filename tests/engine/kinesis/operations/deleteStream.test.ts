import { describe, it, expect } from 'vitest';
import { T0, addConsumer, expectAwsError, withStream } from './streamFixtures';

describe('deleteStream', () => {
  it('goes DELETING at once and is gone exactly deleteStreamMs (5 s) later', () => {
    const sim = withStream(2);
    sim.core.events.drain();
    expect(sim.kinesis.deleteStream({ StreamName: 's' })).toEqual({});
    expect(sim.kinesis.describeStreamSummary({ StreamName: 's' }).StreamDescriptionSummary.StreamStatus).toBe('DELETING');
    sim.advanceSync(4999);
    expect(sim.kinesis.describeStream({ StreamName: 's' }).StreamDescription.StreamStatus).toBe('DELETING');
    const s = sim.kinesisContext.streams.get('s')!;
    sim.advanceSync(1);
    expect(s.deleted).toBe(true);
    expect(sim.kinesisContext.streams.has('s')).toBe(false);
    expectAwsError(() => sim.kinesis.describeStream({ StreamName: 's' }), 'ResourceNotFoundException', 'Stream s under account 123456789012 not found.');
    expect(sim.core.events.drain()).toEqual([
      { type: 'streamStatus', time: T0 + 10000, stream: 's', status: 'DELETING' },
      { type: 'streamDeleted', time: T0 + 15000, stream: 's' },
    ]);
  });

  it('frees the name: a new stream of the same name starts with fresh shards', () => {
    const sim = withStream(2);
    sim.kinesis.putRecord({ StreamName: 's', PartitionKey: 'a', Data: new Uint8Array([1]) });
    sim.kinesis.deleteStream({ StreamName: 's' });
    expectAwsError(() => sim.kinesis.createStream({ StreamName: 's', ShardCount: 1 }), 'ResourceInUseException', 'Stream s under account 123456789012 already exists.');
    sim.advanceSync(5000);
    sim.kinesis.createStream({ StreamName: 's', ShardCount: 1 });
    sim.advanceSync(10000);
    const d = sim.kinesis.describeStream({ StreamName: 's' }).StreamDescription;
    expect(d.Shards.map((x) => x.ShardId)).toEqual(['shardId-000000000000']);
    expect(d.StreamCreationTimestamp).toBe(T0 + 15000);
  });

  it('accepts a StreamARN', () => {
    const sim = withStream(1);
    sim.kinesis.deleteStream({ StreamARN: 'arn:aws:kinesis:us-east-1:123456789012:stream/s' });
    expect(sim.kinesis.listStreams({}).StreamSummaries[0].StreamStatus).toBe('DELETING');
  });

  it('refuses a stream with registered consumers unless EnforceConsumerDeletion is true', () => {
    const sim = withStream(1);
    addConsumer(sim, 's', 'app1');
    addConsumer(sim, 's', 'app2');
    const msg = 'Stream s under account 123456789012 has 2 registered consumers. Deregister them first, or set EnforceConsumerDeletion to true to delete them with the stream.';
    expectAwsError(() => sim.kinesis.deleteStream({ StreamName: 's' }), 'ResourceInUseException', msg);
    expectAwsError(() => sim.kinesis.deleteStream({ StreamName: 's', EnforceConsumerDeletion: false }), 'ResourceInUseException', msg);
    sim.core.events.drain();
    sim.kinesis.deleteStream({ StreamName: 's', EnforceConsumerDeletion: true });
    const s = sim.kinesisContext.streams.get('s')!;
    expect([...s.consumers.values()].map((c) => c.status)).toEqual(['DELETING', 'DELETING']);
    expect(sim.core.events.drain()).toEqual([
      { type: 'streamStatus', time: T0 + 10000, stream: 's', status: 'DELETING' },
      { type: 'consumerStatus', time: T0 + 10000, stream: 's', consumer: 'app1', status: 'DELETING' },
      { type: 'consumerStatus', time: T0 + 10000, stream: 's', consumer: 'app2', status: 'DELETING' },
    ]);
    sim.advanceSync(5000);
    expect(s.consumers.size).toBe(0);
  });

  it('needs an ACTIVE stream: CREATING, UPDATING and DELETING streams are in use', () => {
    const sim = withStream(2);
    sim.kinesis.createStream({ StreamName: 'young', ShardCount: 1 });
    expectAwsError(() => sim.kinesis.deleteStream({ StreamName: 'young' }), 'ResourceInUseException', 'Stream young under account 123456789012 not ACTIVE, instead in state CREATING');
    sim.kinesis.updateShardCount({ StreamName: 's', TargetShardCount: 3, ScalingType: 'UNIFORM_SCALING' });
    expectAwsError(() => sim.kinesis.deleteStream({ StreamName: 's' }), 'ResourceInUseException', 'Stream s under account 123456789012 not ACTIVE, instead in state UPDATING');
    sim.advanceSync(10000);
    sim.kinesis.deleteStream({ StreamName: 's' });
    expectAwsError(() => sim.kinesis.deleteStream({ StreamName: 's' }), 'ResourceInUseException', 'Stream s under account 123456789012 not ACTIVE, instead in state DELETING');
  });

  it('reports unknown streams and malformed input as AWS does', () => {
    const sim = withStream(1);
    expectAwsError(() => sim.kinesis.deleteStream({ StreamName: 'nope' }), 'ResourceNotFoundException', 'Stream nope under account 123456789012 not found.');
    expectAwsError(() => sim.kinesis.deleteStream({}), 'InvalidArgumentException', 'Either StreamName or StreamARN should be provided.');
    expectAwsError(
      () => sim.kinesis.deleteStream({ StreamName: 'bad name' }),
      'ValidationException',
      "1 validation error detected: Value 'bad name' at 'streamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+",
    );
  });

  it('answers on the wire with 200 and an empty body', () => {
    const sim = withStream(1);
    expect(sim.handleAwsJson('Kinesis_20131202.DeleteStream', '{"StreamName":"s","EnforceConsumerDeletion":true}')).toEqual({ status: 200, body: '' });
  });
});
