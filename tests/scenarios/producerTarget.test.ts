import { describe, it, expect } from 'vitest';
import { validateScenario } from '../../src/scenarios/validateScenario';
import { applyScenario } from '../../src/scenarios/scenarioSession';
import { createSimulation } from '../../src/engine/simulation';
import type { Scenario } from '../../src/scenarios/types';

function scenario(producer: Record<string, unknown>): unknown {
  return {
    version: 1,
    name: 'Direct PUT',
    seed: 7,
    startTime: 1767225600000,
    topology: {
      buckets: [{ Bucket: 'lake' }],
      deliveryStreams: [{ DeliveryStreamName: 'clicks', ExtendedS3DestinationConfiguration: { RoleARN: 'arn:aws:iam::123456789012:role/firehose', BucketARN: 'arn:aws:s3:::lake' } }],
      producers: [{ rate: { kind: 'constant', recordsPerSecond: 100 }, keys: { name: 'random' }, ...producer }],
    },
    commands: [],
  };
}

describe('producer target in scenarios', () => {
  it('accepts a producer writing to a Firehose delivery stream without a streamName', () => {
    const r = validateScenario(scenario({ target: { kind: 'firehose', deliveryStreamName: 'clicks' } }));
    expect(r.ok).toBe(true);
  });

  it('refuses a target without its delivery stream name, or of an unknown kind', () => {
    const a = validateScenario(scenario({ target: { kind: 'firehose' } }));
    expect(a.ok ? [] : a.errors).toEqual(['topology.producers[0].target.deliveryStreamName: is required']);
    const b = validateScenario(scenario({ target: { kind: 's3' } }));
    expect(b.ok ? [] : b.errors).toEqual(['topology.producers[0].target.kind: must be one of: kinesis, firehose']);
  });

  it('runs: the producer writes into the delivery stream once it is ACTIVE', () => {
    const sc = scenario({ target: { kind: 'firehose', deliveryStreamName: 'clicks' }, mode: 'bulk' }) as Scenario;
    const sim = createSimulation({ seed: sc.seed, startTime: sc.startTime });
    const outcomes = applyScenario(sim, sc);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    sim.advanceSync(10000);
    const p = sim.traffic.listProducers()[0];
    // The delivery stream is CREATING for 5 s: the heartbeats at 1..4 s are refused (ResourceNotFoundException,
    // dropped); from 5 s, when it turns ACTIVE, each second's 100 records are written.
    expect(p.counts).toMatchObject({ sent: 600, dropped: 400, throttled: 0 });
    expect(sim.firehose.accounting('clicks').accepted).toBe(600);
  });
});
