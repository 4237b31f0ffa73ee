import { describe, it, expect } from 'vitest';
import { activeStream } from '../engine/kinesis/streamFixture';
import { encodeUtf8 } from '../../src/engine/core/utf8';
import { inspect } from '../../src/worker/inspectApi';

describe('inspect (the worker\'s dispatch to sim.inspect)', () => {
  it('answers with the engine\'s own answer', () => {
    const { sim } = activeStream(2, 'src');
    const r = sim.kinesis.putRecord({ StreamName: 'src', PartitionKey: 'k', Data: encodeUtf8('x') });
    const res = inspect(sim, { type: 'traceRecord', stream: 'src', shardId: r.ShardId, sequenceNumber: r.SequenceNumber });
    expect(res).toEqual({ ok: true, value: sim.inspect.traceRecord('src', r.ShardId, r.SequenceNumber) });
    expect(inspect(sim, { type: 'recentRecords', stream: 'src', shardId: r.ShardId })).toEqual({ ok: true, value: sim.inspect.recentRecords('src', r.ShardId) });
  });

  it('refuses a sequence number of another shard with the engine-style error as data', () => {
    const { sim } = activeStream(2, 'src');
    const r = sim.kinesis.putRecord({ StreamName: 'src', PartitionKey: 'k', Data: encodeUtf8('x') });
    const other = r.ShardId === 'shardId-000000000000' ? 'shardId-000000000001' : 'shardId-000000000000';
    const res = inspect(sim, { type: 'traceRecord', stream: 'src', shardId: other, sequenceNumber: r.SequenceNumber });
    expect(res.ok).toBe(false);
    expect(!res.ok && res.error.type).toBe('InvalidArgumentException');
  });

  it('names a missing producer as data', () => {
    const { sim } = activeStream(1, 'src');
    expect(inspect(sim, { type: 'producerDetail', id: 'p-404' })).toEqual({ ok: false, error: { type: 'ResourceNotFoundException', message: 'Producer p-404 not found.' } });
  });
});
