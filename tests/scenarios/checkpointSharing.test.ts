import { describe, expect, it } from 'vitest';
import { ScenarioSession } from '../../src/scenarios/scenarioSession';
import { presetScenario } from '../../src/scenarios/presets';
import { restoreCheckpoint, takeCheckpoint, type Simulation } from '../../src/engine';
import { ObjectChunk } from '../../src/engine/s3/objectTable';
import { SliceChunk } from '../../src/engine/firehose/sliceStore';
import { canonical } from '../engine/checkpoint/canonical';

const MIN = 60_000;
const bucketOf = (sim: Simulation) => [...sim.firehoseContext.s3.buckets.values()][0];

describe('checkpoints of the default preset share what no longer changes', () => {
  it('share sealed S3 objects and slice chunks between checkpoints; a read in a restored world changes a copy, not the checkpoint', async () => {
    const s = new ScenarioSession(presetScenario('telemetry-default')!, { checkpointEveryMs: 0 });
    await s.seekTo(20 * MIN);
    const a = takeCheckpoint(s.sim);
    await s.advance(10 * MIN);
    const b = takeCheckpoint(s.sim);
    const kinds = (cp: typeof a) => [...cp.shared.keys()].map((o) => o.constructor.name);
    expect(kinds(a)).toContain(ObjectChunk.name);
    expect(kinds(a)).toContain(SliceChunk.name);
    // Every chunk sealed by 20 minutes is the same object in the later checkpoint.
    for (const o of a.shared.keys()) expect(b.shared.has(o)).toBe(true);
    // The copy holds the bucket's tail of recent objects, not every object.
    const copied = (b.state as Simulation).firehoseContext.s3.buckets.values().next().value!.objects as unknown as { tail: Map<string, unknown> };
    expect(bucketOf(s.sim).objects.size).toBeGreaterThan(600);
    expect(copied.tail.size).toBeLessThan(256);

    // An object of the first sealed chunk, read in a world restored from `a`.
    const first = bucketOf(s.sim).objects.keys().next().value!;
    const restore = () => {
      const w = new ScenarioSession(presetScenario('telemetry-default')!, { checkpointEveryMs: 0 });
      restoreCheckpoint(w.sim, a);
      return w;
    };
    const r = restore();
    const sealed = bucketOf(r.sim).objects.get(first)!;
    expect(Object.isFrozen(sealed)).toBe(true);
    expect(sealed.sizeExact).toBe(false);
    const bucket = bucketOf(r.sim).name;
    const body = r.sim.s3.getObject({ Bucket: bucket, Key: first }).Body;
    expect(body).toEqual(s.sim.s3.getObject({ Bucket: bucket, Key: first }).Body);
    // The read made the size exact in the restored world only, through a copy at the object's place.
    expect(r.sim.s3.headObject({ Bucket: bucket, Key: first }).ContentLength).toBe(body.length);
    expect(bucketOf(r.sim).objects.get(first)!.sizeExact).toBe(true);
    expect(sealed.sizeExact).toBe(false);
    // The checkpoint is untouched: restoring it again gives the unread object, and the same world as the first restore did.
    const again = restore();
    expect(bucketOf(again.sim).objects.get(first)!.sizeExact).toBe(false);
    const fresh = restore();
    expect(canonical(again.sim).join('\n')).toBe(canonical(fresh.sim).join('\n'));
  });
});
