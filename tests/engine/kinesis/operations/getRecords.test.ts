import { describe, it, expect } from 'vitest';
import { activeStream, awsErrorOf, bytes } from '../streamFixture';
import type { Simulation } from '../../../../src/engine';

const SHARD0 = 'shardId-000000000000';
const MiB = 1024 * 1024;

function iterator(sim: Simulation, type: 'TRIM_HORIZON' | 'LATEST' = 'TRIM_HORIZON', shardId = SHARD0): string {
  return sim.kinesis.getShardIterator({ StreamName: 'orders', ShardId: shardId, ShardIteratorType: type }).ShardIterator;
}

/** Puts `perSecond` records of `size` bytes (data plus a 1-character key) for `seconds` seconds, within the write limits. */
function fill(sim: Simulation, seconds: number, perSecond: number, size: number): void {
  for (let s = 0; s < seconds; s++) {
    const r = sim.kinesis.putRecords({ StreamName: 'orders', Records: Array.from({ length: perSecond }, () => ({ PartitionKey: 'k', Data: bytes(size - 1) })) });
    expect(r.FailedRecordCount).toBe(0);
    sim.advanceSync(1000);
  }
}

const throttled = 'Rate exceeded for shard shardId-000000000000 in stream orders under account 123456789012.';

describe('getRecords', () => {
  it('returns at most 10,000 records per call, the rest on the next call', () => {
    const { sim } = activeStream();
    for (let s = 0; s < 12; s++) {
      for (let b = 0; b < 2; b++) sim.kinesis.putRecords({ StreamName: 'orders', Records: Array.from({ length: 500 }, () => ({ PartitionKey: 'k', Data: bytes(9) })) });
      sim.advanceSync(1000);
    }
    const first = sim.kinesis.getRecords({ ShardIterator: iterator(sim) });
    expect(first.Records).toHaveLength(10000);
    sim.advanceSync(1000);
    const second = sim.kinesis.getRecords({ ShardIterator: first.NextShardIterator! });
    expect(second.Records).toHaveLength(2000);
    expect(BigInt(second.Records[0].SequenceNumber) > BigInt(first.Records[9999].SequenceNumber)).toBe(true);
  });

  it('returns at most 10 MiB per call', () => {
    const { sim } = activeStream();
    fill(sim, 12, 1, 1000001); // 12 records of 1,000,001 bytes
    const r = sim.kinesis.getRecords({ ShardIterator: iterator(sim) });
    // 10 records are 10,000,010 bytes; an 11th would pass 10,485,760.
    expect(r.Records).toHaveLength(10);
  });

  it('throttles the 6th call within a second, then every call in the next 1 s', () => {
    const { sim } = activeStream();
    const it = iterator(sim, 'LATEST');
    for (let i = 0; i < 5; i++) expect(sim.kinesis.getRecords({ ShardIterator: it }).Records).toEqual([]);
    expect(awsErrorOf(() => sim.kinesis.getRecords({ ShardIterator: it }))).toEqual({ type: 'ProvisionedThroughputExceededException', message: throttled });
    sim.advanceSync(999);
    // Still within the 1 s after the throttle (and this call extends it).
    expect(awsErrorOf(() => sim.kinesis.getRecords({ ShardIterator: it })).type).toBe('ProvisionedThroughputExceededException');
    sim.advanceSync(999);
    expect(awsErrorOf(() => sim.kinesis.getRecords({ ShardIterator: it })).type).toBe('ProvisionedThroughputExceededException');
    sim.advanceSync(1000);
    expect(sim.kinesis.getRecords({ ShardIterator: it }).Records).toEqual([]);
    const shard = sim.kinesisContext.streams.get('orders')!.byId.get(SHARD0)!;
    expect([shard.counters.readCalls, shard.counters.readThrottledCalls]).toEqual([6, 3]);
  });

  it('throttles every call in the 5 s after a 10 MiB read, and serves the next', () => {
    const { sim } = activeStream();
    fill(sim, 10, 1, MiB); // ten records of exactly 1 MiB
    const t = sim.now();
    const big = sim.kinesis.getRecords({ ShardIterator: iterator(sim) });
    expect(big.Records).toHaveLength(10);
    sim.advanceSync(4500);
    // 4.5 s later: still paying for the 10 MiB (the unused 2 MiB balance does not shorten it to 4 s).
    expect(awsErrorOf(() => sim.kinesis.getRecords({ ShardIterator: big.NextShardIterator! })).type).toBe('ProvisionedThroughputExceededException');
    sim.advanceSync(999);
    expect(awsErrorOf(() => sim.kinesis.getRecords({ ShardIterator: big.NextShardIterator! })).type).toBe('ProvisionedThroughputExceededException');
    // 5 s after the read and 1 s after the last throttle, calls are served again.
    sim.advanceSync(1000);
    expect(sim.now() - t).toBe(6499);
    expect(sim.kinesis.getRecords({ ShardIterator: big.NextShardIterator! }).Records).toEqual([]);
  });

  it('charges bytes against 2 MiB/s: a reader ahead of its budget is throttled until the debt is paid', () => {
    const { sim } = activeStream();
    fill(sim, 4, 2, 512 * 1024); // 8 records of 512 KiB
    const first = sim.kinesis.getRecords({ ShardIterator: iterator(sim), Limit: 4 });
    expect(first.Records).toHaveLength(4); // 2 MiB: the full bucket
    sim.advanceSync(200); // 0.4 MiB refilled
    const second = sim.kinesis.getRecords({ ShardIterator: first.NextShardIterator!, Limit: 4 });
    expect(second.Records).toHaveLength(4); // 2 MiB more: 1.6 MiB in debt, paid back in 800 ms
    sim.advanceSync(799);
    expect(awsErrorOf(() => sim.kinesis.getRecords({ ShardIterator: second.NextShardIterator! })).type).toBe('ProvisionedThroughputExceededException');
    sim.advanceSync(1000); // past the 1 s penalty, debt paid
    expect(sim.kinesis.getRecords({ ShardIterator: second.NextShardIterator! }).Records).toEqual([]);
  });

  it('expires an iterator 300,000 ms after it was issued, with AWS\'s message', () => {
    const { sim } = activeStream();
    const it = iterator(sim, 'LATEST'); // issued at 2026-01-01T00:00:10Z
    sim.advanceSync(300000);
    expect(sim.kinesis.getRecords({ ShardIterator: it }).Records).toEqual([]);
    sim.advanceSync(1);
    expect(awsErrorOf(() => sim.kinesis.getRecords({ ShardIterator: it }))).toEqual({
      type: 'ExpiredIteratorException',
      message:
        'Iterator expired. The iterator was created at time Thu Jan 01 00:00:10 UTC 2026 while right now it is Thu Jan 01 00:05:10 UTC 2026 ' +
        'which is further in the future than the tolerated delay of 300000 milliseconds.',
    });
  });

  it('gives a fresh 5 minutes to each NextShardIterator', () => {
    const { sim } = activeStream();
    const r = sim.kinesis.getRecords({ ShardIterator: iterator(sim) });
    sim.advanceSync(299000);
    const r2 = sim.kinesis.getRecords({ ShardIterator: r.NextShardIterator! });
    sim.advanceSync(299000);
    expect(sim.kinesis.getRecords({ ShardIterator: r2.NextShardIterator! }).Records).toEqual([]);
  });

  it('reports MillisBehindLatest as the age of the next unread record, 0 at the tip', () => {
    const { sim } = activeStream();
    sim.kinesis.putRecord({ StreamName: 'orders', PartitionKey: 'a', Data: bytes(1) });
    sim.advanceSync(1000);
    sim.kinesis.putRecord({ StreamName: 'orders', PartitionKey: 'b', Data: bytes(1) });
    sim.advanceSync(4000);
    const r = sim.kinesis.getRecords({ ShardIterator: iterator(sim), Limit: 1 });
    expect([r.Records[0].PartitionKey, r.MillisBehindLatest]).toEqual(['a', 4000]);
    const r2 = sim.kinesis.getRecords({ ShardIterator: r.NextShardIterator!, Limit: 1 });
    expect([r2.Records[0].PartitionKey, r2.MillisBehindLatest]).toEqual(['b', 0]);
  });

  it('gives ChildShards and a null NextShardIterator at the end of a closed shard, not before', () => {
    const { sim } = activeStream();
    sim.kinesis.putRecord({ StreamName: 'orders', PartitionKey: 'a', Data: bytes(1) });
    sim.kinesis.putRecord({ StreamName: 'orders', PartitionKey: 'b', Data: bytes(1) });
    sim.kinesis.splitShard({ StreamName: 'orders', ShardToSplit: SHARD0, NewStartingHashKey: (2n ** 127n).toString() });
    sim.advanceSync(10000);
    const r = sim.kinesis.getRecords({ ShardIterator: iterator(sim), Limit: 1 });
    expect(r.ChildShards).toBeUndefined();
    expect(typeof r.NextShardIterator).toBe('string');
    const end = sim.kinesis.getRecords({ ShardIterator: r.NextShardIterator! });
    expect(end.Records.map((x) => x.PartitionKey)).toEqual(['b']);
    expect(end.NextShardIterator).toBeNull();
    expect(end.MillisBehindLatest).toBe(0);
    expect(end.ChildShards).toEqual([
      { ShardId: 'shardId-000000000001', ParentShards: [SHARD0], HashKeyRange: { StartingHashKey: '0', EndingHashKey: (2n ** 127n - 1n).toString() } },
      { ShardId: 'shardId-000000000002', ParentShards: [SHARD0], HashKeyRange: { StartingHashKey: (2n ** 127n).toString(), EndingHashKey: (2n ** 128n - 1n).toString() } },
    ]);
  });

  it('refuses a tampered iterator', () => {
    const { sim } = activeStream();
    const it = iterator(sim);
    expect(awsErrorOf(() => sim.kinesis.getRecords({ ShardIterator: it.slice(0, -4) + 'AAAA' }))).toEqual({ type: 'InvalidArgumentException', message: 'Invalid ShardIterator.' });
  });

  it('refuses a Limit above 10,000 or below 1 with the ValidationException of the API model, before reading the iterator', () => {
    const { sim } = activeStream();
    const it = iterator(sim);
    expect(awsErrorOf(() => sim.kinesis.getRecords({ ShardIterator: it, Limit: 10001 }))).toEqual({
      type: 'ValidationException',
      message: "1 validation error detected: Value '10001' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 10000",
    });
    // Both field errors in one message, as AWS answered kinesalite's suite (Limit 100000 with a 513-character iterator).
    expect(awsErrorOf(() => sim.kinesis.getRecords({ ShardIterator: 'a'.repeat(513), Limit: 100000 })).message).toBe(
      "2 validation errors detected: Value '100000' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 10000; " +
        `Value '${'a'.repeat(513)}' at 'shardIterator' failed to satisfy constraint: Member must have length less than or equal to 512`,
    );
    expect(awsErrorOf(() => sim.kinesis.getRecords({ ShardIterator: it, Limit: 0 })).message).toBe(
      "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
    const wire = sim.handleAwsJson('Kinesis_20131202.GetRecords', JSON.stringify({ ShardIterator: it, Limit: 10001 }));
    expect(wire.status).toBe(400);
    expect(JSON.parse(wire.body).__type).toBe('ValidationException');
    expect(sim.kinesis.getRecords({ ShardIterator: it, Limit: 10000 }).Records).toEqual([]);
  });
});
