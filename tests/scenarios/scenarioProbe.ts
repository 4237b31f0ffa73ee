/** A compact, comparable picture of a run: per-shard counters, producers, consumers, S3 objects. */
import type { ScenarioSession } from '../../src/scenarios/scenarioSession';

export function probe(session: ScenarioSession) {
  const sim = session.sim;
  const streams = [...sim.kinesisContext.streams.values()].map((s) => ({
    name: s.name,
    status: s.status,
    shards: s.shards.map((sh) => ({ id: sh.shardId, ...(sh as unknown as { counters: Record<string, number> }).counters })),
  }));
  const producers = sim.traffic.listProducers().map((p) => ({ id: p.id, counts: p.counts }));
  const consumers = sim.traffic.listConsumers?.() ?? [];
  const buckets: Record<string, string[]> = {};
  for (const b of session.toScenario().topology.buckets ?? []) {
    const out = sim.s3.listObjectsV2({ Bucket: b.Bucket });
    buckets[b.Bucket] = (out.Contents ?? []).map((o) => `${o.Key}:${o.Size}`);
  }
  return { time: sim.now(), streams, producers, consumers, buckets, log: session.commandLog().map((e) => ({ ...e })) };
}
