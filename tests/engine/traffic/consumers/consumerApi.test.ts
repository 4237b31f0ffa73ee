import { describe, it, expect } from 'vitest';
import { createTrafficService } from '../../../../src/engine/traffic/trafficService';
import { createConsumerApi } from '../../../../src/engine/traffic/consumers/consumerApi';
import { activeStream, putN } from './helpers';

describe('consumerApi', () => {
  it('adds, lists, updates and removes consumers of every type', () => {
    const sim = activeStream(2);
    const traffic = createTrafficService(sim.core, sim.kinesisContext);
    const api = createConsumerApi(traffic, sim.lambda);
    sim.lambda.createFunction({ FunctionName: 'count', handler: () => null, durationMs: 50 });
    putN(sim, 's', 100, (i) => `k${i}`);
    const poll = api.addConsumer({ type: 'polling', name: 'p', streamName: 's' });
    const kcl = api.addConsumer({ type: 'kcl', name: 'app', streamName: 's', workers: 2 });
    const esm = api.addConsumer({ type: 'lambdaMapping', FunctionName: 'count', EventSourceArn: 's', StartingPosition: 'TRIM_HORIZON' });
    expect([poll, kcl, esm]).toEqual(['consumer-1', 'kcl-1', 'esm-1']);
    sim.advanceSync(3000);
    const list = api.listConsumers();
    expect(list.map((c) => [c.type, c.records])).toEqual([
      ['pollingConsumer', 100],
      ['kclApplication', 100],
      ['lambdaMapping', 100],
    ]);
    expect(list[1].leaseCounts).toEqual({ 'worker-1': 1, 'worker-2': 1 });
    api.updateConsumer(kcl, { killWorkers: ['worker-1'] });
    expect(api.listConsumers()[1].leaseCounts).toEqual({ 'worker-2': 1 });
    expect(api.removeConsumer(poll)).toBe(true);
    expect(api.listConsumers().map((c) => c.id)).toEqual(['kcl-1', 'esm-1']);
  });
});

describe('sim.traffic consumers', () => {
  it('are reachable through sim.traffic and listed in its snapshot', () => {
    const sim = activeStream(1);
    putN(sim, 's', 10, (i) => `k${i}`);
    const id = sim.traffic.addConsumer({ type: 'polling', name: 'p', streamName: 's' });
    sim.advanceSync(1000);
    expect(sim.traffic.listConsumers().map((c) => [c.id, c.records])).toEqual([[id, 10]]);
    expect(sim.traffic.snapshot().some((e) => e.id === id)).toBe(true);
  });
});
