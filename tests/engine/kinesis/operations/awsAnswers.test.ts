/**
 * Issue 10's answers, each as AWS gives it: short shard ids, MergeShards in
 * hash order only, GetShardIterator's own refusals, no EncryptionType on an
 * unencrypted stream's records, DescribeStream while CREATING, retention set
 * to its current value, and SequenceNumberForOrdering.
 */
import { describe, it, expect } from 'vitest';
import { createSimulation } from '../../../../src/engine/simulation';
import { canonicalShardId } from '../../../../src/engine/kinesis/shardIdForm';
import { T0, expectAwsError, withStream } from './streamFixtures';

const enc = (s: string) => new TextEncoder().encode(s);

describe('short shard ids', () => {
  it('reads the part after the first "-" as the shard index, as AWS does', () => {
    expect(['shardId-000000000000', 'shardId-0', '0', 'x-0', 'shardId-1', '7'].map(canonicalShardId)).toEqual([
      'shardId-000000000000',
      'shardId-000000000000',
      'shardId-000000000000',
      'shardId-000000000000',
      'shardId-000000000001',
      'shardId-000000000007',
    ]);
    expect(['shardId-', 'shardId-x', 'abc', 'shardId-2147483648'].map(canonicalShardId)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('work in GetShardIterator, SplitShard and MergeShards; an id naming no shard is not found under the name given', async () => {
    const sim = withStream(3);
    sim.kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', ExplicitHashKey: '0', Data: enc('a') });
    for (const id of ['shardId-0', '0', 'x-0']) {
      const it0 = sim.kinesis.getShardIterator({ StreamName: 's', ShardId: id, ShardIteratorType: 'TRIM_HORIZON' }).ShardIterator;
      expect(sim.kinesis.getRecords({ ShardIterator: it0 }).Records.map((r) => new TextDecoder().decode(r.Data))).toEqual(['a']);
    }
    sim.kinesis.mergeShards({ StreamName: 's', ShardToMerge: '1', AdjacentShardToMerge: 'shardId-2' });
    await sim.advance(30000);
    sim.kinesis.splitShard({ StreamName: 's', ShardToSplit: 'shard-0', NewStartingHashKey: '1000' });
    await sim.advance(30000);
    const open = sim.kinesis.listShards({ StreamName: 's', ShardFilter: { Type: 'AT_LATEST' } }).Shards.map((s) => [s.ShardId, s.ParentShardId, s.AdjacentParentShardId]);
    expect(open).toEqual([
      ['shardId-000000000003', 'shardId-000000000001', 'shardId-000000000002'],
      ['shardId-000000000004', 'shardId-000000000000', undefined],
      ['shardId-000000000005', 'shardId-000000000000', undefined],
    ]);
    expectAwsError(
      () => sim.kinesis.getShardIterator({ StreamName: 's', ShardId: 'shardId-9', ShardIteratorType: 'LATEST' }),
      'ResourceNotFoundException',
      'Could not find shard shardId-9 in stream s under account 123456789012.',
    );
  });
});

describe('MergeShards', () => {
  it('refuses the two shards in the wrong order (ShardToMerge above AdjacentShardToMerge) and changes nothing', () => {
    const sim = withStream(2);
    expectAwsError(
      () => sim.kinesis.mergeShards({ StreamName: 's', ShardToMerge: 'shardId-000000000001', AdjacentShardToMerge: 'shardId-000000000000' }),
      'InvalidArgumentException',
      'Shards shardId-000000000001 and shardId-000000000000 in stream s under account 123456789012 are not an adjacent pair of shards eligible for merging',
    );
    expect(sim.kinesis.describeStreamSummary({ StreamName: 's' }).StreamDescriptionSummary).toMatchObject({ StreamStatus: 'ACTIVE', OpenShardCount: 2 });
  });
});

describe('GetShardIterator', () => {
  it('refuses a StartingSequenceNumber with LATEST or TRIM_HORIZON in AWS\'s words', () => {
    const sim = withStream(1);
    const seq = sim.kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: enc('a') }).SequenceNumber;
    for (const type of ['LATEST', 'TRIM_HORIZON'] as const) {
      expectAwsError(
        () => sim.kinesis.getShardIterator({ StreamName: 's', ShardId: 'shardId-000000000000', ShardIteratorType: type, StartingSequenceNumber: seq }),
        'InvalidArgumentException',
        `Must either specify (1) AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER and StartingSequenceNumber or (2) TRIM_HORIZON or LATEST and no StartingSequenceNumber. Request specified ${type} and also a StartingSequenceNumber.`,
      );
    }
  });

  it('refuses an AT_TIMESTAMP later than now, with both times in milliseconds; now itself is accepted', () => {
    const sim = withStream(1);
    const now = sim.now();
    expect(now).toBe(T0 + 10000);
    expectAwsError(
      () => sim.kinesis.getShardIterator({ StreamName: 's', ShardId: 'shardId-000000000000', ShardIteratorType: 'AT_TIMESTAMP', Timestamp: now + 1 }),
      'InvalidArgumentException',
      `The timestampInMillis parameter cannot be greater than the currentTimestampInMillis. timestampInMillis: ${now + 1}, currentTimestampInMillis: ${now}`,
    );
    sim.kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: enc('a') });
    const it0 = sim.kinesis.getShardIterator({ StreamName: 's', ShardId: 'shardId-000000000000', ShardIteratorType: 'AT_TIMESTAMP', Timestamp: now }).ShardIterator;
    expect(sim.kinesis.getRecords({ ShardIterator: it0 }).Records).toHaveLength(1);
  });
});

describe('EncryptionType on the wire', () => {
  it('is absent from PutRecord, PutRecords and GetRecords answers of an unencrypted stream, while DescribeStream says NONE', () => {
    const sim = withStream(1);
    const call = (op: string, body: object) => {
      const res = sim.handleAwsJson(`Kinesis_20131202.${op}`, JSON.stringify(body));
      expect(res.status).toBe(200);
      return JSON.parse(res.body) as Record<string, unknown>;
    };
    const put = call('PutRecord', { StreamName: 's', PartitionKey: 'k', Data: 'YQ==' });
    expect(Object.keys(put).sort()).toEqual(['SequenceNumber', 'ShardId']);
    const puts = call('PutRecords', { StreamName: 's', Records: [{ PartitionKey: 'k', Data: 'Yg==' }] });
    expect(Object.keys(puts).sort()).toEqual(['FailedRecordCount', 'Records']);
    const it0 = call('GetShardIterator', { StreamName: 's', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' }).ShardIterator;
    const records = call('GetRecords', { ShardIterator: it0 }).Records as Array<Record<string, unknown>>;
    expect(records.map((r) => Object.keys(r).sort())).toEqual([
      ['ApproximateArrivalTimestamp', 'Data', 'PartitionKey', 'SequenceNumber'],
      ['ApproximateArrivalTimestamp', 'Data', 'PartitionKey', 'SequenceNumber'],
    ]);
    expect((call('DescribeStream', { StreamName: 's' }).StreamDescription as Record<string, unknown>).EncryptionType).toBe('NONE');
  });
});

describe('stream lifecycle answers', () => {
  it('DescribeStream of a CREATING stream lists no shards; once ACTIVE it lists them', async () => {
    const sim = createSimulation({ seed: 7 });
    sim.kinesis.createStream({ StreamName: 's', ShardCount: 2 });
    const creating = sim.kinesis.describeStream({ StreamName: 's' }).StreamDescription;
    expect([creating.StreamStatus, creating.Shards, creating.HasMoreShards]).toEqual(['CREATING', [], false]);
    await sim.advance(10000);
    const active = sim.kinesis.describeStream({ StreamName: 's' }).StreamDescription;
    expect([active.StreamStatus, active.Shards.map((s) => s.ShardId)]).toEqual(['ACTIVE', ['shardId-000000000000', 'shardId-000000000001']]);
  });

  it('Increase- and DecreaseStreamRetentionPeriod to the current value succeed and change nothing', () => {
    const sim = withStream(1);
    expect(sim.kinesis.increaseStreamRetentionPeriod({ StreamName: 's', RetentionPeriodHours: 24 })).toEqual({});
    expect(sim.kinesis.decreaseStreamRetentionPeriod({ StreamName: 's', RetentionPeriodHours: 24 })).toEqual({});
    expect(sim.kinesis.describeStreamSummary({ StreamName: 's' }).StreamDescriptionSummary.RetentionPeriodHours).toBe(24);
  });
});

describe('SequenceNumberForOrdering', () => {
  it('is validated as a sequence number', () => {
    const sim = withStream(1);
    expectAwsError(
      () => sim.kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: enc('a'), SequenceNumberForOrdering: '01' }),
      'ValidationException',
      "1 validation error detected: Value '01' at 'sequenceNumberForOrdering' failed to satisfy constraint: Member must satisfy regular expression pattern: 0|([1-9]\\d{0,128})",
    );
  });

  it('gives each record of a key a sequence number greater than the one given, across a split too', async () => {
    const sim = withStream(1);
    let last = sim.kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: enc('0') }).SequenceNumber;
    const seen = [last];
    for (let i = 1; i <= 3; i++) {
      if (i === 2) {
        sim.kinesis.splitShard({ StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: '170141183460469231731687303715884105728' });
        await sim.advance(30000);
      }
      last = sim.kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: enc(String(i)), SequenceNumberForOrdering: last }).SequenceNumber;
      seen.push(last);
    }
    for (let i = 1; i < seen.length; i++) expect(BigInt(seen[i]) > BigInt(seen[i - 1])).toBe(true);
  });
});
