import { describe, it, expect } from 'vitest';
import { activeStream, awsErrorOf, bytes } from '../streamFixture';

const MiB = 1024 * 1024;

describe('putRecord', () => {
  it('routes by the MD5 of the partition key and returns a 56-digit sequence number', () => {
    const { sim } = activeStream(4);
    // MD5("a") falls in shard 0 of 4, MD5("1") in shard 3 (kinesis-facts A1 test vectors).
    expect(sim.kinesis.putRecord({ StreamName: 'orders', PartitionKey: 'a', Data: bytes(1) }).ShardId).toBe('shardId-000000000000');
    const r = sim.kinesis.putRecord({ StreamName: 'orders', PartitionKey: '1', Data: bytes(1) });
    expect(r.ShardId).toBe('shardId-000000000003');
    expect(r.SequenceNumber).toMatch(/^49\d{54}$/);
  });

  it('accepts 1,000 records in a second and throws ProvisionedThroughputExceededException for the 1,001st', () => {
    const { sim } = activeStream();
    for (let i = 0; i < 1000; i++) sim.kinesis.putRecord({ StreamName: 'orders', PartitionKey: 'k', Data: bytes(1) });
    expect(awsErrorOf(() => sim.kinesis.putRecord({ StreamName: 'orders', PartitionKey: 'k', Data: bytes(1) }))).toEqual({
      type: 'ProvisionedThroughputExceededException',
      message: 'Rate exceeded for shard shardId-000000000000 in stream orders under account 123456789012.',
    });
    sim.advanceSync(1); // 1 ms refills one record
    expect(sim.kinesis.putRecord({ StreamName: 'orders', PartitionKey: 'k', Data: bytes(1) }).ShardId).toBe('shardId-000000000000');
    expect(awsErrorOf(() => sim.kinesis.putRecord({ StreamName: 'orders', PartitionKey: 'k', Data: bytes(1) })).type).toBe('ProvisionedThroughputExceededException');
  });

  it('accepts 1 MiB in a second, data plus key, then throttles', () => {
    const { sim } = activeStream();
    sim.kinesis.putRecord({ StreamName: 'orders', PartitionKey: 'k', Data: bytes(MiB - 1) });
    expect(awsErrorOf(() => sim.kinesis.putRecord({ StreamName: 'orders', PartitionKey: 'k', Data: bytes(0) })).type).toBe('ProvisionedThroughputExceededException');
    sim.advanceSync(1000);
    expect(sim.kinesis.putRecord({ StreamName: 'orders', PartitionKey: 'k', Data: bytes(MiB - 1) }).ShardId).toBe('shardId-000000000000');
  });

  it('refuses a record over the 1 MiB default, data plus key', () => {
    const { sim } = activeStream();
    expect(awsErrorOf(() => sim.kinesis.putRecord({ StreamName: 'orders', PartitionKey: 'kk', Data: bytes(MiB - 1) }))).toEqual({
      type: 'InvalidArgumentException',
      message: "Record size (data plus partition key) of 1048577 bytes exceeds the stream's maximum record size of 1048576 bytes.",
    });
  });

  it('refuses a partition key of 257 characters and an empty one', () => {
    const { sim } = activeStream();
    const key = 'p'.repeat(257);
    expect(awsErrorOf(() => sim.kinesis.putRecord({ StreamName: 'orders', PartitionKey: key, Data: bytes(1) }))).toEqual({
      type: 'ValidationException',
      message: `1 validation error detected: Value '${key}' at 'partitionKey' failed to satisfy constraint: Member must have length less than or equal to 256`,
    });
    expect(awsErrorOf(() => sim.kinesis.putRecord({ StreamName: 'orders', PartitionKey: '', Data: bytes(1) })).message).toBe(
      "1 validation error detected: Value '' at 'partitionKey' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  });

  it('sends a record with ExplicitHashKey to the shard covering it, ignoring the key\'s MD5', () => {
    const { sim } = activeStream(2);
    expect(sim.kinesis.putRecord({ StreamName: 'orders', PartitionKey: 'a', ExplicitHashKey: (2n ** 127n).toString(), Data: bytes(1) }).ShardId).toBe('shardId-000000000001');
    expect(sim.kinesis.putRecord({ StreamName: 'orders', PartitionKey: 'a', ExplicitHashKey: (2n ** 127n - 1n).toString(), Data: bytes(1) }).ShardId).toBe('shardId-000000000000');
    expect(awsErrorOf(() => sim.kinesis.putRecord({ StreamName: 'orders', PartitionKey: 'a', ExplicitHashKey: (2n ** 128n).toString(), Data: bytes(1) })).type).toBe('InvalidArgumentException');
  });

  it('gives ResourceNotFoundException for a missing stream and while it is CREATING', () => {
    const { sim } = activeStream();
    expect(awsErrorOf(() => sim.kinesis.putRecord({ StreamName: 'nope', PartitionKey: 'a', Data: bytes(1) }))).toEqual({
      type: 'ResourceNotFoundException',
      message: 'Stream nope under account 123456789012 not found.',
    });
    sim.kinesis.createStream({ StreamName: 'young', ShardCount: 1 });
    expect(awsErrorOf(() => sim.kinesis.putRecord({ StreamName: 'young', PartitionKey: 'a', Data: bytes(1) })).type).toBe('ResourceNotFoundException');
  });
});
