import { describe, it, expect } from 'vitest';
import { activeStream, awsErrorOf, bytes } from '../streamFixture';
import type { PutRecordsRequestEntry } from '../../../../src/engine';

const MiB = 1024 * 1024;
const rate0 = 'Rate exceeded for shard shardId-000000000000 in stream orders under account 123456789012.';

function entries(n: number, size = 9, key = 'k'): PutRecordsRequestEntry[] {
  return Array.from({ length: n }, () => ({ PartitionKey: key, Data: bytes(size) }));
}

describe('putRecords', () => {
  it('accepts 1,000 records per second per shard and fails exactly the entries past it', () => {
    const { sim } = activeStream();
    const a = sim.kinesis.putRecords({ StreamName: 'orders', Records: entries(500) });
    const b = sim.kinesis.putRecords({ StreamName: 'orders', Records: entries(500) });
    const c = sim.kinesis.putRecords({ StreamName: 'orders', Records: entries(500) });
    expect([a.FailedRecordCount, b.FailedRecordCount, c.FailedRecordCount]).toEqual([0, 0, 500]);
    expect(c.Records.every((r) => r.ErrorCode === 'ProvisionedThroughputExceededException' && r.ErrorMessage === rate0 && r.SequenceNumber === undefined)).toBe(true);
    // Half a second refills half the bucket: 500 more.
    sim.advanceSync(500);
    const d = sim.kinesis.putRecords({ StreamName: 'orders', Records: entries(500) });
    const e = sim.kinesis.putRecords({ StreamName: 'orders', Records: entries(10) });
    expect([d.FailedRecordCount, e.FailedRecordCount]).toEqual([0, 10]);
    const shard = sim.kinesisContext.streams.get('orders')!.byId.get('shardId-000000000000')!;
    expect([shard.counters.incomingRecords, shard.counters.writeThrottledRecords]).toEqual([1500, 510]);
  });

  it('accepts 1 MiB per second per shard, data plus partition key', () => {
    const { sim } = activeStream();
    // 102,399 bytes of data plus a 1-byte key: 102,400 bytes; 10 fit in 1,048,576, the 11th does not.
    const r = sim.kinesis.putRecords({ StreamName: 'orders', Records: entries(11, 102399) });
    expect(r.FailedRecordCount).toBe(1);
    expect(r.Records.map((x) => x.ErrorCode ?? 'ok')).toEqual([...Array(10).fill('ok'), 'ProvisionedThroughputExceededException']);
    // 24,576 bytes are left: a record of that size passes, one byte more does not.
    const small = sim.kinesis.putRecords({ StreamName: 'orders', Records: [{ PartitionKey: 'k', Data: bytes(24576) }, { PartitionKey: 'k', Data: bytes(24575) }] });
    expect(small.Records.map((x) => x.ErrorCode ?? 'ok')).toEqual(['ProvisionedThroughputExceededException', 'ok']);
  });

  it('fails only the hot shard\'s entries and keeps the request order', () => {
    const { sim } = activeStream(2);
    const hot = (2n ** 127n).toString(); // shard 1
    const records: PutRecordsRequestEntry[] = [];
    for (let i = 0; i < 500; i++) records.push({ PartitionKey: 'x', ExplicitHashKey: hot, Data: bytes(1) });
    sim.kinesis.putRecords({ StreamName: 'orders', Records: records });
    sim.kinesis.putRecords({ StreamName: 'orders', Records: records });
    const mixed = sim.kinesis.putRecords({
      StreamName: 'orders',
      Records: [
        { PartitionKey: 'x', ExplicitHashKey: hot, Data: bytes(1) },
        { PartitionKey: 'x', ExplicitHashKey: '0', Data: bytes(1) },
        { PartitionKey: 'x', ExplicitHashKey: hot, Data: bytes(1) },
      ],
    });
    expect(mixed.FailedRecordCount).toBe(2);
    expect(mixed.Records.map((r) => r.ShardId ?? r.ErrorCode)).toEqual(['ProvisionedThroughputExceededException', 'shardId-000000000000', 'ProvisionedThroughputExceededException']);
    expect(mixed.Records[0].ErrorMessage).toBe('Rate exceeded for shard shardId-000000000001 in stream orders under account 123456789012.');
    expect(mixed.Records[1].SequenceNumber).toMatch(/^49\d{54}$/);
    const throttles = sim.core.events.drain().filter((e) => e.type === 'throttled');
    expect(throttles).toEqual([{ type: 'throttled', time: sim.now(), stream: 'orders', shardId: 'shardId-000000000001', direction: 'write', records: 2 }]);
  });

  it('gives rising sequence numbers within a shard in request order', () => {
    const { sim } = activeStream();
    const r = sim.kinesis.putRecords({ StreamName: 'orders', Records: entries(5) });
    const seqs = r.Records.map((x) => BigInt(x.SequenceNumber!));
    for (let i = 1; i < seqs.length; i++) expect(seqs[i] > seqs[i - 1]).toBe(true);
  });

  it('refuses 501 entries and an empty list', () => {
    const { sim } = activeStream();
    expect(awsErrorOf(() => sim.kinesis.putRecords({ StreamName: 'orders', Records: entries(501) }))).toEqual({
      type: 'ValidationException',
      message: "1 validation error detected: Value '[501 records]' at 'records' failed to satisfy constraint: Member must have length less than or equal to 500",
    });
    expect(awsErrorOf(() => sim.kinesis.putRecords({ StreamName: 'orders', Records: [] })).message).toBe(
      "1 validation error detected: Value '[]' at 'records' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
    expect(sim.kinesis.putRecords({ StreamName: 'orders', Records: entries(500) }).FailedRecordCount).toBe(0);
  });

  it('refuses a partition key of 257 characters, naming the entry', () => {
    const { sim } = activeStream();
    const key = 'k'.repeat(257);
    expect(awsErrorOf(() => sim.kinesis.putRecords({ StreamName: 'orders', Records: [...entries(2), { PartitionKey: key, Data: bytes(1) }] }))).toEqual({
      type: 'ValidationException',
      message: `1 validation error detected: Value '${key}' at 'records.3.member.partitionKey' failed to satisfy constraint: Member must have length less than or equal to 256`,
    });
    // 256 characters, even of 4 UTF-8 bytes each, are fine.
    expect(sim.kinesis.putRecords({ StreamName: 'orders', Records: [{ PartitionKey: '😀'.repeat(256), Data: bytes(1) }] }).FailedRecordCount).toBe(0);
  });

  it('refuses a request over 10 MiB in all, partition keys included', () => {
    const { sim } = activeStream();
    // Ten records of 1 MiB exactly (data plus key) is 10 MiB: allowed; one key byte more is not.
    const ten = Array.from({ length: 10 }, () => ({ PartitionKey: 'k', Data: bytes(MiB - 1) }));
    expect(sim.kinesis.putRecords({ StreamName: 'orders', Records: ten }).Records).toHaveLength(10);
    const over = [...ten.slice(0, 9), { PartitionKey: 'kk', Data: bytes(MiB - 1) }];
    expect(awsErrorOf(() => sim.kinesis.putRecords({ StreamName: 'orders', Records: over }))).toEqual({
      type: 'InvalidArgumentException',
      message: 'Records size exceeds 10 MB limit',
    });
  });

  it('refuses an ExplicitHashKey above 2^128-1 and one that is not a decimal number', () => {
    const { sim } = activeStream();
    const big = (2n ** 128n).toString();
    expect(awsErrorOf(() => sim.kinesis.putRecords({ StreamName: 'orders', Records: [{ PartitionKey: 'k', ExplicitHashKey: big, Data: bytes(1) }] }))).toEqual({
      type: 'InvalidArgumentException',
      message: `Invalid ExplicitHashKey. ExplicitHashKey must be in the range: [0, 2^128-1]. Specified value was ${big}`,
    });
    expect(awsErrorOf(() => sim.kinesis.putRecords({ StreamName: 'orders', Records: [{ PartitionKey: 'k', ExplicitHashKey: '-1', Data: bytes(1) }] })).message).toBe(
      "1 validation error detected: Value '-1' at 'records.1.member.explicitHashKey' failed to satisfy constraint: Member must satisfy regular expression pattern: 0|([1-9]\\d{0,38})",
    );
    const max = (2n ** 128n - 1n).toString();
    const ok = sim.kinesis.putRecords({ StreamName: 'orders', Records: [{ PartitionKey: 'k', ExplicitHashKey: max, Data: bytes(1) }] });
    expect(ok.Records[0].ShardId).toBe('shardId-000000000000');
  });
  it('refuses a record over the maximum record size, naming the first one in request order, and stores nothing', () => {
    const { sim } = activeStream();
    // Entries 2 and 3 are over 1 MiB (data plus key); entry 2's size is the one reported.
    const records = [
      { PartitionKey: 'k', Data: bytes(10) },
      { PartitionKey: 'kk', Data: bytes(MiB - 1) },
      { PartitionKey: 'k', Data: bytes(MiB) },
    ];
    expect(awsErrorOf(() => sim.kinesis.putRecords({ StreamName: 'orders', Records: records }))).toEqual({
      type: 'InvalidArgumentException',
      message: "Record size (data plus partition key) of 1048577 bytes exceeds the stream's maximum record size of 1048576 bytes.",
    });
    const shard = sim.kinesisContext.streams.get('orders')!.byId.get('shardId-000000000000')!;
    expect(shard.store.nextIndex).toBe(0);
    // One byte less on the key: 1 MiB exactly fits and is stored.
    expect(sim.kinesis.putRecords({ StreamName: 'orders', Records: [{ PartitionKey: 'k', Data: bytes(MiB - 1) }] }).FailedRecordCount).toBe(0);
    expect(shard.store.nextIndex).toBe(1);
  });
});
