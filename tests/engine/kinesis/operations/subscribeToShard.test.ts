import { describe, it, expect } from 'vitest';
import { activeConsumer, activeStream, awsErrorOf, bytes } from '../streamFixture';
import type { Simulation, SubscribeToShardEvent } from '../../../../src/engine';

const SHARD0 = 'shardId-000000000000';

function setup(shards = 1) {
  const { sim, arn } = activeStream(shards);
  const consumer = activeConsumer(sim, arn);
  return { sim, arn, consumer };
}

function put(sim: Simulation, key: string, data: Uint8Array) {
  return sim.kinesis.putRecord({ StreamName: 'orders', PartitionKey: key, Data: data });
}

describe('subscribeToShard', () => {
  it('pushes the records from TRIM_HORIZON at the first push, 200 ms after the call', () => {
    const { sim, consumer } = setup();
    const seqs = [0, 1, 2].map((i) => put(sim, `k${i}`, bytes(10, i)).SequenceNumber);
    const t0 = sim.now();
    const sub = sim.kinesis.subscribeToShard({ ConsumerARN: consumer, ShardId: SHARD0, StartingPosition: { Type: 'TRIM_HORIZON' } }).EventStream;
    sim.advanceSync(199);
    expect(sub.events).toEqual([]);
    sim.advanceSync(1);
    const events = sub.take();
    expect(events).toHaveLength(1);
    expect(events[0].Records.map((r) => [r.SequenceNumber, r.PartitionKey, r.Data[0], r.ApproximateArrivalTimestamp])).toEqual([
      [seqs[0], 'k0', 0, t0],
      [seqs[1], 'k1', 1, t0],
      [seqs[2], 'k2', 2, t0],
    ]);
    expect(events[0].ContinuationSequenceNumber).toBe(seqs[2]);
    expect(events[0].MillisBehindLatest).toBe(0);
    expect(events[0].ChildShards).toBeUndefined();
    expect(sub.events).toEqual([]);
  });

  it('hands queued events to the first onEvent listener, then pushes new ones to it as they come', () => {
    const { sim, consumer } = setup();
    const sub = sim.kinesis.subscribeToShard({ ConsumerARN: consumer, ShardId: SHARD0, StartingPosition: { Type: 'LATEST' } }).EventStream;
    sim.advanceSync(200); // first push: an empty event
    const got: Array<[number, number]> = [];
    sub.onEvent((e) => got.push([sim.now(), e.Records.length]));
    expect(got).toEqual([[sim.now(), 0]]);
    const t = sim.now();
    put(sim, 'a', bytes(5));
    sim.advanceSync(200);
    put(sim, 'b', bytes(5));
    put(sim, 'c', bytes(5));
    sim.advanceSync(200);
    expect(got.slice(1)).toEqual([
      [t + 200, 1],
      [t + 400, 2],
    ]);
    expect(sub.events).toEqual([]);
  });

  it('sends an empty event when nothing came for 5 s, carrying the last position', () => {
    const { sim, consumer } = setup();
    const last = put(sim, 'a', bytes(5)).SequenceNumber;
    const sub = sim.kinesis.subscribeToShard({ ConsumerARN: consumer, ShardId: SHARD0, StartingPosition: { Type: 'TRIM_HORIZON' } }).EventStream;
    sim.advanceSync(200);
    sim.advanceSync(4800);
    expect(sub.take().map((e) => e.Records.length)).toEqual([1]);
    sim.advanceSync(200);
    expect(sub.take()).toEqual([{ Records: [], ContinuationSequenceNumber: last, MillisBehindLatest: 0 }]);
  });

  it('starts LATEST after the newest record, and AT/AFTER_SEQUENCE_NUMBER and AT_TIMESTAMP where GetShardIterator would', () => {
    const { sim, consumer } = setup();
    const seqs = [0, 1, 2, 3].map((i) => {
      sim.advanceSync(1000);
      return put(sim, `k${i}`, bytes(1, i)).SequenceNumber;
    });
    const t2 = sim.now() - 1000;
    const first = (Type: 'LATEST' | 'AT_SEQUENCE_NUMBER' | 'AFTER_SEQUENCE_NUMBER' | 'AT_TIMESTAMP', extra: object = {}) => {
      const sub = sim.kinesis.subscribeToShard({ ConsumerARN: consumer, ShardId: SHARD0, StartingPosition: { Type, ...extra } }).EventStream;
      sim.advanceSync(200);
      const keys = sub.take()[0].Records.map((r) => r.PartitionKey);
      sim.advanceSync(5000); // the 5-second rule, before the next call
      return keys;
    };
    expect(first('LATEST')).toEqual([]);
    expect(first('AT_SEQUENCE_NUMBER', { SequenceNumber: seqs[1] })).toEqual(['k1', 'k2', 'k3']);
    expect(first('AFTER_SEQUENCE_NUMBER', { SequenceNumber: seqs[1] })).toEqual(['k2', 'k3']);
    expect(first('AT_TIMESTAMP', { Timestamp: t2 })).toEqual(['k2', 'k3']);
  });

  it('pushes at most 2 MiB per second per consumer per shard, and each consumer has its own budget', () => {
    const { sim, arn, consumer } = setup();
    const other = activeConsumer(sim, arn, 'second');
    // 8 MiB in the shard: 16 records of 64 KiB (data plus 1-byte key) per second, the shard's 1 MiB/s.
    for (let s = 0; s < 8; s++) {
      for (let i = 0; i < 16; i++) put(sim, 'k', bytes(65535));
      sim.advanceSync(1000);
    }
    const a = sim.kinesis.subscribeToShard({ ConsumerARN: consumer, ShardId: SHARD0, StartingPosition: { Type: 'TRIM_HORIZON' } }).EventStream;
    const b = sim.kinesis.subscribeToShard({ ConsumerARN: other, ShardId: SHARD0, StartingPosition: { Type: 'TRIM_HORIZON' } }).EventStream;
    sim.advanceSync(200);
    expect(a.deliveredRecords).toBe(6); // 2 MiB/s x 200 ms = 6.4 records of 64 KiB
    sim.advanceSync(800);
    expect([a.deliveredRecords, a.deliveredBytes]).toEqual([32, 2 * 1024 * 1024]);
    expect([b.deliveredRecords, b.deliveredBytes]).toEqual([32, 2 * 1024 * 1024]);
    const events = a.take();
    expect(events.map((e) => e.Records.length)).toEqual([6, 6, 7, 6, 7]);
    // Behind: MillisBehindLatest is the age of the next record not yet pushed
    // (record 32, written in the third second, 7 s before this push).
    expect(events[4].MillisBehindLatest).toBe(7000);
    sim.advanceSync(3000);
    expect(a.deliveredBytes).toBe(8 * 1024 * 1024);
    expect(a.take().at(-1)!.MillisBehindLatest).toBe(0);
  });

  it('does not draw on the shard\'s shared GetRecords budget', () => {
    const { sim, consumer } = setup();
    for (let s = 0; s < 2; s++) {
      for (let i = 0; i < 16; i++) put(sim, 'k', bytes(65535));
      sim.advanceSync(1000);
    }
    const sub = sim.kinesis.subscribeToShard({ ConsumerARN: consumer, ShardId: SHARD0, StartingPosition: { Type: 'TRIM_HORIZON' } }).EventStream;
    sim.advanceSync(1000);
    expect(sub.deliveredBytes).toBe(2 * 1024 * 1024);
    const it = sim.kinesis.getShardIterator({ StreamName: 'orders', ShardId: SHARD0, ShardIteratorType: 'TRIM_HORIZON' }).ShardIterator;
    expect(sim.kinesis.getRecords({ ShardIterator: it }).Records).toHaveLength(32);
  });

  it('refuses a second call for the same consumer and shard within 5 s, and lets a call 5 s later take over', () => {
    const { sim, consumer } = setup();
    const input = { ConsumerARN: consumer, ShardId: SHARD0, StartingPosition: { Type: 'LATEST' as const } };
    const first = sim.kinesis.subscribeToShard(input).EventStream;
    sim.advanceSync(4999);
    expect(awsErrorOf(() => sim.kinesis.subscribeToShard(input))).toEqual({
      type: 'ResourceInUseException',
      message: 'Another active subscription exists for this consumer: 123456789012:orders:shardId-000000000000:app',
    });
    expect(first.ended).toBe(false);
    sim.advanceSync(1);
    const second = sim.kinesis.subscribeToShard(input).EventStream;
    expect(first.endedBy).toEqual({ reason: 'replaced' });
    expect(second.ended).toBe(false);
  });

  it('ends the subscription exactly 5 minutes after the call', () => {
    const { sim, consumer } = setup();
    const sub = sim.kinesis.subscribeToShard({ ConsumerARN: consumer, ShardId: SHARD0, StartingPosition: { Type: 'LATEST' } }).EventStream;
    const ends: number[] = [];
    sub.onEnd(() => ends.push(sim.now()));
    sim.advanceSync(299999);
    expect(sub.ended).toBe(false);
    sim.advanceSync(1);
    expect(sub.endedBy).toEqual({ reason: 'expired' });
    expect(ends).toEqual([sub.startedAt + 300000]);
    put(sim, 'late', bytes(3));
    sim.advanceSync(1000);
    expect(sub.take().flatMap((e) => e.Records)).toEqual([]);
  });

  it('gives ChildShards and a null ContinuationSequenceNumber at the end of a closed shard, then ends', () => {
    const { sim, consumer } = setup();
    put(sim, 'a', bytes(4));
    sim.kinesis.splitShard({ StreamName: 'orders', ShardToSplit: SHARD0, NewStartingHashKey: (2n ** 127n).toString() });
    sim.advanceSync(10000);
    const sub = sim.kinesis.subscribeToShard({ ConsumerARN: consumer, ShardId: SHARD0, StartingPosition: { Type: 'TRIM_HORIZON' } }).EventStream;
    sim.advanceSync(200);
    const [e] = sub.take();
    expect(e.Records.map((r) => r.PartitionKey)).toEqual(['a']);
    expect(e.ContinuationSequenceNumber).toBeNull();
    expect(e.MillisBehindLatest).toBe(0);
    expect(e.ChildShards).toEqual([
      { ShardId: 'shardId-000000000001', ParentShards: [SHARD0], HashKeyRange: { StartingHashKey: '0', EndingHashKey: (2n ** 127n - 1n).toString() } },
      { ShardId: 'shardId-000000000002', ParentShards: [SHARD0], HashKeyRange: { StartingHashKey: (2n ** 127n).toString(), EndingHashKey: (2n ** 128n - 1n).toString() } },
    ]);
    expect(sub.endedBy).toEqual({ reason: 'shardEnd' });
  });

  it('needs an ACTIVE consumer and a known shard', () => {
    const { sim, arn } = activeStream();
    const creating = sim.kinesis.registerStreamConsumer({ StreamARN: arn, ConsumerName: 'young' }).Consumer.ConsumerARN;
    expect(awsErrorOf(() => sim.kinesis.subscribeToShard({ ConsumerARN: creating, ShardId: SHARD0, StartingPosition: { Type: 'LATEST' } }))).toEqual({
      type: 'ResourceInUseException',
      message: `Consumer ${creating} under account 123456789012 is not ACTIVE, instead in state CREATING.`,
    });
    sim.advanceSync(5000);
    expect(awsErrorOf(() => sim.kinesis.subscribeToShard({ ConsumerARN: creating, ShardId: 'shardId-000000000009', StartingPosition: { Type: 'LATEST' } }))).toEqual({
      type: 'ResourceNotFoundException',
      message: 'Could not find shard shardId-000000000009 in stream orders under account 123456789012.',
    });
    expect(awsErrorOf(() => sim.kinesis.subscribeToShard({ ConsumerARN: creating, ShardId: SHARD0, StartingPosition: { Type: 'AT_SEQUENCE_NUMBER' } }))).toEqual({
      type: 'InvalidArgumentException',
      message: 'StartingSequenceNumber must be specified for ShardIteratorType AT_SEQUENCE_NUMBER',
    });
  });

  it('ends with ResourceNotFoundException when the stream is deleted', () => {
    const { sim, arn, consumer } = setup();
    const sub = sim.kinesis.subscribeToShard({ ConsumerARN: consumer, ShardId: SHARD0, StartingPosition: { Type: 'LATEST' } }).EventStream;
    sim.kinesis.deleteStream({ StreamARN: arn, EnforceConsumerDeletion: true });
    sim.advanceSync(200);
    expect(sub.endedBy?.error?.type).toBe('ResourceNotFoundException');
  });

  it('stops pushing once cancelled', () => {
    const { sim, consumer } = setup();
    const sub = sim.kinesis.subscribeToShard({ ConsumerARN: consumer, ShardId: SHARD0, StartingPosition: { Type: 'LATEST' } }).EventStream;
    sim.advanceSync(200);
    sub.cancel();
    put(sim, 'a', bytes(1));
    sim.advanceSync(1000);
    expect(sub.take().map((e: SubscribeToShardEvent) => e.Records.length)).toEqual([0]);
    expect(sub.endedBy).toEqual({ reason: 'cancelled' });
  });
});

describe('SubscribeToShard on the wire', () => {
  it('answers 200 with an empty initial response and JSON events with base64 data and epoch seconds', () => {
    const { sim, consumer } = setup();
    const t0 = sim.now();
    const seq = put(sim, 'k', new Uint8Array([104, 105])).SequenceNumber;
    const res = sim.handleAwsJson('Kinesis_20131202.SubscribeToShard', JSON.stringify({ ConsumerARN: consumer, ShardId: SHARD0, StartingPosition: { Type: 'TRIM_HORIZON' } }));
    expect([res.status, res.body]).toEqual([200, '{}']);
    const messages: unknown[] = [];
    let ended = false;
    res.eventStream!.listen((m) => messages.push(m), () => (ended = true));
    sim.advanceSync(200);
    expect(messages).toEqual([
      {
        messageType: 'event',
        eventType: 'SubscribeToShardEvent',
        body: JSON.stringify({
          Records: [{ SequenceNumber: seq, ApproximateArrivalTimestamp: t0 / 1000, Data: 'aGk=', PartitionKey: 'k' }],
          ContinuationSequenceNumber: seq,
          MillisBehindLatest: 0,
        }),
      },
    ]);
    sim.kinesis.deregisterStreamConsumer({ ConsumerARN: consumer });
    expect(messages[1]).toEqual({
      messageType: 'exception',
      exceptionType: 'ResourceNotFoundException',
      body: JSON.stringify({ message: `Consumer ${consumer} under account 123456789012 not found.` }),
    });
    expect(ended).toBe(true);
  });

  it('answers 400 with the exception when the call is refused', () => {
    const { sim, consumer } = setup();
    const body = JSON.stringify({ ConsumerARN: consumer, ShardId: SHARD0, StartingPosition: { Type: 'LATEST' } });
    sim.handleAwsJson('Kinesis_20131202.SubscribeToShard', body);
    const res = sim.handleAwsJson('Kinesis_20131202.SubscribeToShard', body);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).__type).toBe('ResourceInUseException');
    expect(res.eventStream).toBeUndefined();
  });
});
