import { describe, it, expect } from 'vitest';
import { presetScenario } from '../../../src/scenarios/presets';
import { ScenarioSession } from '../../../src/scenarios/scenarioSession';
import { canonical } from '../checkpoint/canonical';
import type { Simulation } from '../../../src/engine';

/** Every query sim.inspect answers but the cost meter (below), over whatever the world holds. */
function askEverything(sim: Simulation, t: number): void {
  for (const s of sim.kinesisContext.streams.values()) {
    sim.inspect.hotShards(s.name);
    for (const sh of s.open) {
      const recent = sim.inspect.recentRecords(s.name, sh.shardId, 5);
      for (const r of recent) sim.inspect.traceRecord(s.name, sh.shardId, r.sequenceNumber);
    }
    // A key scan materialises up to 5,000 bulk records: every 30 s is enough to show it keeps nothing.
    if (t % 30 === 0) sim.inspect.findRecordByKey(s.name, 'device-1');
  }
  for (const b of sim.inspect.buckets()) sim.inspect.s3Tree(b.name);
  for (const f of sim.inspect.firehoses()) sim.inspect.firehoseDetail(f.name);
  for (const c of sim.traffic.listConsumers()) sim.inspect.consumerDetail(c.id);
  for (const p of sim.traffic.listProducers()) sim.inspect.producerDetail(p.id);
  sim.inspect.video();
  sim.inspect.analyticsApps();
}

describe('sim.inspect', () => {
  it('changes nothing: a run asked every query each second ends in the state of the same run never asked', async () => {
    const asked = new ScenarioSession(presetScenario('telemetry-default')!);
    const quiet = new ScenarioSession(presetScenario('telemetry-default')!);
    for (let t = 0; t < 90; t++) {
      askEverything(asked.sim, t);
      await asked.advance(1000);
      await quiet.advance(1000);
    }
    expect(asked.sim.inspect.buckets()).toEqual(quiet.sim.inspect.buckets());
    // Everything reachable from the simulation, as canonical text: the first line that differs, if any.
    const a = canonical(asked.sim);
    const b = canonical(quiet.sim);
    const first = a.findIndex((line, i) => line !== b[i]);
    expect(first === -1 ? null : [a[first], b[first]]).toBeNull();
    expect(a.length).toBe(b.length);
  });

  it('gives the same cost asked every second as asked once (the meter keeps only how far it has metered)', async () => {
    const asked = new ScenarioSession(presetScenario('telemetry-default')!);
    const quiet = new ScenarioSession(presetScenario('telemetry-default')!);
    for (let t = 0; t < 90; t++) {
      asked.sim.inspect.cost();
      await asked.advance(1000);
      await quiet.advance(1000);
    }
    const once = quiet.sim.inspect.cost();
    expect(asked.sim.inspect.cost()).toEqual(once);
    expect(once.totalUsd).toBeGreaterThan(0);
  });
});
