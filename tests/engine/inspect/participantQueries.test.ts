import { describe, it, expect } from 'vitest';
import { activeStream, awsErrorOf } from '../kinesis/streamFixture';

describe('participantQueries', () => {
  it('consumerDetail lists a polling consumer\'s GetRecords settings under their AWS names', () => {
    const { sim } = activeStream(2, 's');
    const id = sim.traffic.addConsumer({ type: 'polling', name: 'reader', streamName: 's', initialPosition: 'TRIM_HORIZON', intervalMs: 500 });
    const d = sim.inspect.consumerDetail(id);
    expect([d.id, d.type, d.name, d.stream]).toEqual([id, 'pollingConsumer', 'reader', 's']);
    expect(d.settings.find(([k]) => k === 'poll interval (ms)')).toEqual(['poll interval (ms)', '500']);
    expect(d.settings.find(([k]) => k === 'ShardIteratorType')).toEqual(['ShardIteratorType', 'TRIM_HORIZON']);
  });

  it('consumerDetail gives a KCL application one lease per shard once its workers have taken them', () => {
    const { sim } = activeStream(2, 's');
    const id = sim.traffic.addConsumer({ type: 'kcl', name: 'app', streamName: 's', workers: 2 });
    sim.advanceSync(30000);
    const d = sim.inspect.consumerDetail(id);
    expect(d.type).toBe('kclApplication');
    expect(d.leases!.map((l) => l.leaseKey).sort()).toEqual(['shardId-000000000000', 'shardId-000000000001']);
    expect(d.workers!.reduce((n, w) => n + w.leases, 0)).toBe(2);
  });

  it('producerDetail answers a copy of the producer, so changing the answer changes nothing in the engine', () => {
    const { sim } = activeStream(1, 's');
    const id = sim.traffic.addProducer({ streamName: 's', rate: { kind: 'constant', recordsPerSecond: 40 }, keys: { name: 'constant' }, record: { sizeBytes: 100 } }).id;
    const p = sim.inspect.producerDetail(id);
    expect([p.id, p.config.streamName, p.currentRate]).toEqual([id, 's', 40]);
    p.config.streamName = 'changed';
    expect(sim.inspect.producerDetail(id).config.streamName).toBe('s');
  });

  it('names a missing consumer or producer with ResourceNotFoundException', () => {
    const { sim } = activeStream(1, 's');
    expect(awsErrorOf(() => sim.inspect.consumerDetail('c-9'))).toEqual({ type: 'ResourceNotFoundException', message: 'Consumer c-9 not found.' });
    expect(awsErrorOf(() => sim.inspect.producerDetail('p-9'))).toEqual({ type: 'ResourceNotFoundException', message: 'Producer p-9 not found.' });
  });
});
