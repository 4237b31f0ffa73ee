import { describe, it, expect } from 'vitest';
import { T0, TWO_127, MAX, expectAwsError, lineage, withStream } from './streamFixtures';
import type { Simulation } from '../../../../src/engine/simulation';

const W3 = 113427455640312821154458202477256070485n; // floor(2^128 / 3)

/** A 2-shard stream whose shard 0 was split at 2^126; the split took effect at T0 + 30 s. */
function splitStream(): Simulation {
  const sim = withStream(2);
  sim.advanceSync(10000);
  sim.kinesis.splitShard({ StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: String(TWO_127 / 2n) });
  sim.advanceSync(10000);
  return sim;
}
const ids = (sim: Simulation, input: Parameters<Simulation['kinesis']['listShards']>[0]) => sim.kinesis.listShards(input).Shards.map((x) => x.ShardId.slice(-2));
const SPLIT_AT = T0 + 30000;

describe('listShards', () => {
  it('lists every shard with the ranges CreateStream gave them, the same shapes as DescribeStream', () => {
    const sim = withStream(3);
    const out = sim.kinesis.listShards({ StreamName: 's' });
    expect(lineage(out.Shards)).toEqual([
      ['shardId-000000000000', '0', String(W3 - 1n), '-', '-'],
      ['shardId-000000000001', String(W3), String(2n * W3 - 1n), '-', '-'],
      ['shardId-000000000002', String(2n * W3), String(MAX), '-', '-'],
    ]);
    expect(out.NextToken).toBeUndefined();
    expect(out.Shards).toEqual(sim.kinesis.describeStream({ StreamName: 's' }).StreamDescription.Shards);
  });

  it('pages with MaxResults and a NextToken that alone names the stream and position', () => {
    const sim = withStream(5);
    const p1 = sim.kinesis.listShards({ StreamName: 's', MaxResults: 2 });
    expect(p1.Shards.map((x) => x.ShardId)).toEqual(['shardId-000000000000', 'shardId-000000000001']);
    const p2 = sim.kinesis.listShards({ NextToken: p1.NextToken, MaxResults: 2 });
    expect(p2.Shards.map((x) => x.ShardId)).toEqual(['shardId-000000000002', 'shardId-000000000003']);
    const p3 = sim.kinesis.listShards({ NextToken: p2.NextToken });
    expect(p3.Shards.map((x) => x.ShardId)).toEqual(['shardId-000000000004']);
    expect(p3.NextToken).toBeUndefined();
  });

  it('returns at most 1000 shards per call even when MaxResults asks for 10000', () => {
    const sim = withStream(1500);
    const p1 = sim.kinesis.listShards({ StreamName: 's', MaxResults: 10000 });
    expect(p1.Shards.length).toBe(1000);
    expect(p1.Shards[999].ShardId).toBe('shardId-000000000999');
    const p2 = sim.kinesis.listShards({ NextToken: p1.NextToken, MaxResults: 10000 });
    expect([p2.Shards.length, p2.Shards[0].ShardId, p2.NextToken]).toEqual([500, 'shardId-000000001000', undefined]);
    expect(sim.kinesis.listShards({ StreamName: 's' }).Shards.length).toBe(1000);
    expectAwsError(
      () => sim.kinesis.listShards({ StreamName: 's', MaxResults: 10001 }),
      'ValidationException',
      "1 validation error detected: Value '10001' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 10000",
    );
  });

  it('lets a NextToken expire 300 s after it was issued', () => {
    const sim = withStream(3);
    const token = sim.kinesis.listShards({ StreamName: 's', MaxResults: 1 }).NextToken!;
    sim.advanceSync(300000);
    expect(ids(sim, { NextToken: token, MaxResults: 1 })).toEqual(['01']);
    sim.advanceSync(1);
    expectAwsError(
      () => sim.kinesis.listShards({ NextToken: token }),
      'ExpiredNextTokenException',
      `NextToken expired. It was issued at ${T0 + 10000} and NextTokens expire after 300 seconds.`,
    );
  });

  it('refuses NextToken together with StreamName and the other position fields', () => {
    const sim = withStream(3);
    const token = sim.kinesis.listShards({ StreamName: 's', MaxResults: 1 }).NextToken!;
    expectAwsError(() => sim.kinesis.listShards({ StreamName: 's', NextToken: token }), 'InvalidArgumentException', 'NextToken and StreamName cannot be provided together.');
    expectAwsError(
      () => sim.kinesis.listShards({ StreamARN: 'arn:aws:kinesis:us-east-1:123456789012:stream/s', NextToken: token }),
      'InvalidArgumentException',
      'NextToken and StreamARN cannot be provided together.',
    );
    expectAwsError(() => sim.kinesis.listShards({ NextToken: token, ExclusiveStartShardId: 'shardId-000000000000' }), 'InvalidArgumentException', 'NextToken and ExclusiveStartShardId cannot be provided together.');
    expectAwsError(() => sim.kinesis.listShards({ NextToken: token, StreamCreationTimestamp: T0 }), 'InvalidArgumentException', 'NextToken and StreamCreationTimestamp cannot be provided together.');
    expectAwsError(() => sim.kinesis.listShards({ NextToken: token, ShardFilter: { Type: 'AT_LATEST' } }), 'InvalidArgumentException', 'NextToken and ShardFilter cannot be provided together.');
    expectAwsError(() => sim.kinesis.listShards({}), 'InvalidArgumentException', 'Either NextToken or StreamName should be provided.');
    expectAwsError(() => sim.kinesis.listShards({ NextToken: 'bm9wZQ==' }), 'InvalidArgumentException', 'Invalid NextToken: bm9wZQ==');
  });

  it('starts after ExclusiveStartShardId', () => {
    const sim = withStream(4);
    expect(ids(sim, { StreamName: 's', ExclusiveStartShardId: 'shardId-000000000001' })).toEqual(['02', '03']);
    expect(ids(sim, { StreamName: 's', ExclusiveStartShardId: 'shardId-000000000003' })).toEqual([]);
  });

  it('checks StreamCreationTimestamp against the incarnation of the stream (to the second)', () => {
    const sim = withStream(1);
    expect(ids(sim, { StreamName: 's', StreamCreationTimestamp: T0 + 999 })).toEqual(['00']);
    expectAwsError(() => sim.kinesis.listShards({ StreamName: 's', StreamCreationTimestamp: T0 + 1000 }), 'ResourceNotFoundException', 'Stream s under account 123456789012 not found.');
  });

  it('shows the lineage of a split: the parent closed, its children pointing back', () => {
    const sim = splitStream();
    const out = sim.kinesis.listShards({ StreamName: 's' });
    expect(lineage(out.Shards)).toEqual([
      ['shardId-000000000000', '0', String(TWO_127 - 1n), '-', '-'],
      ['shardId-000000000001', String(TWO_127), String(MAX), '-', '-'],
      ['shardId-000000000002', '0', String(TWO_127 / 2n - 1n), 'shardId-000000000000', '-'],
      ['shardId-000000000003', String(TWO_127 / 2n), String(TWO_127 - 1n), 'shardId-000000000000', '-'],
    ]);
    expect(out.Shards[0].SequenceNumberRange.EndingSequenceNumber).toBeDefined();
    expect(out.Shards[1].SequenceNumberRange.EndingSequenceNumber).toBeUndefined();
  });

  it('applies each ShardFilter type with AWS semantics', () => {
    const sim = splitStream();
    expect(ids(sim, { StreamName: 's', ShardFilter: { Type: 'FROM_TRIM_HORIZON' } })).toEqual(['00', '01', '02', '03']);
    expect(ids(sim, { StreamName: 's', ShardFilter: { Type: 'AT_LATEST' } })).toEqual(['01', '02', '03']);
    // Younger than its retention: the trim horizon is the stream's birth, when shards 0 and 1 were open.
    expect(ids(sim, { StreamName: 's', ShardFilter: { Type: 'AT_TRIM_HORIZON' } })).toEqual(['00', '01']);
    expect(ids(sim, { StreamName: 's', ShardFilter: { Type: 'AFTER_SHARD_ID', ShardId: 'shardId-000000000001' } })).toEqual(['02', '03']);
    // AT_TIMESTAMP: started at or before T and ended at or after it (or still open).
    expect(ids(sim, { StreamName: 's', ShardFilter: { Type: 'AT_TIMESTAMP', Timestamp: SPLIT_AT - 1 } })).toEqual(['00', '01']);
    expect(ids(sim, { StreamName: 's', ShardFilter: { Type: 'AT_TIMESTAMP', Timestamp: SPLIT_AT } })).toEqual(['00', '01', '02', '03']);
    expect(ids(sim, { StreamName: 's', ShardFilter: { Type: 'AT_TIMESTAMP', Timestamp: SPLIT_AT + 1 } })).toEqual(['01', '02', '03']);
    expect(ids(sim, { StreamName: 's', ShardFilter: { Type: 'AT_TIMESTAMP', Timestamp: T0 - 1 } })).toEqual([]);
    // FROM_TIMESTAMP: open at or after T.
    expect(ids(sim, { StreamName: 's', ShardFilter: { Type: 'FROM_TIMESTAMP', Timestamp: T0 } })).toEqual(['00', '01', '02', '03']);
    expect(ids(sim, { StreamName: 's', ShardFilter: { Type: 'FROM_TIMESTAMP', Timestamp: SPLIT_AT } })).toEqual(['00', '01', '02', '03']);
    expect(ids(sim, { StreamName: 's', ShardFilter: { Type: 'FROM_TIMESTAMP', Timestamp: SPLIT_AT + 1 } })).toEqual(['01', '02', '03']);
  });

  it('keeps the filter across pages', () => {
    const sim = splitStream();
    const p1 = sim.kinesis.listShards({ StreamName: 's', ShardFilter: { Type: 'AT_LATEST' }, MaxResults: 2 });
    expect(p1.Shards.map((x) => x.ShardId.slice(-2))).toEqual(['01', '02']);
    expect(ids(sim, { NextToken: p1.NextToken })).toEqual(['03']);
  });

  it('needs ShardId for AFTER_SHARD_ID and Timestamp for the timestamp filters', () => {
    const sim = withStream(1);
    expectAwsError(() => sim.kinesis.listShards({ StreamName: 's', ShardFilter: { Type: 'AFTER_SHARD_ID' } }), 'InvalidArgumentException', 'ShardId must be supplied in a ShardFilter with a Type of AFTER_SHARD_ID.');
    expectAwsError(() => sim.kinesis.listShards({ StreamName: 's', ShardFilter: { Type: 'AT_TIMESTAMP' } }), 'InvalidArgumentException', 'Timestamp must be supplied in a ShardFilter with a Type of AT_TIMESTAMP.');
    expectAwsError(() => sim.kinesis.listShards({ StreamName: 's', ShardFilter: { Type: 'FROM_TIMESTAMP' } }), 'InvalidArgumentException', 'Timestamp must be supplied in a ShardFilter with a Type of FROM_TIMESTAMP.');
    expectAwsError(
      () => sim.kinesis.listShards({ StreamName: 's', ShardFilter: { Type: 'LATEST' as never } }),
      'ValidationException',
      "1 validation error detected: Value 'LATEST' at 'shardFilter.type' failed to satisfy constraint: Member must satisfy enum value set: [AFTER_SHARD_ID, AT_TRIM_HORIZON, FROM_TRIM_HORIZON, AT_LATEST, AT_TIMESTAMP, FROM_TIMESTAMP]",
    );
  });

  it('drops expired shards: once retention has passed the split, the parent is gone from every filter', () => {
    const sim = splitStream();
    sim.advanceSync(24 * 3600 * 1000 + 1);
    expect(ids(sim, { StreamName: 's' })).toEqual(['01', '02', '03']);
    expect(ids(sim, { StreamName: 's', ShardFilter: { Type: 'AT_TRIM_HORIZON' } })).toEqual(['01', '02', '03']);
  });

  it('takes the timestamp in epoch seconds on the wire', () => {
    const sim = splitStream();
    const res = sim.handleAwsJson('Kinesis_20131202.ListShards', JSON.stringify({ StreamName: 's', ShardFilter: { Type: 'AT_TIMESTAMP', Timestamp: (SPLIT_AT + 1000) / 1000 } }));
    expect(JSON.parse(res.body).Shards.map((x: { ShardId: string }) => x.ShardId)).toEqual(['shardId-000000000001', 'shardId-000000000002', 'shardId-000000000003']);
  });
});
