import { describe, it, expect } from 'vitest';
import { gunzipSync } from 'fflate';
import { createSimulation } from '../../../src/engine/simulation';
import { ROLE, T0, text, utf8 } from './helpers';
import type { RecordRecipe } from '../../../src/engine/firehose/bulkTypes';

/** Record i of key k: `{"k":"kNN","i":000000i}\n`, 24 bytes. */
function recipeFor(k: number): RecordRecipe {
  return { id: `k${k}`, record: (i) => utf8(`{"k":"k${String(k).padStart(2, '0')}","i":${String(i).padStart(7, '0')}}\n`) };
}

function partitionedSim(sizeMb: number, intervalS: number) {
  const sim = createSimulation({ seed: 3, startTime: T0 - 5000 });
  sim.s3.createBucket({ Bucket: 'lake' });
  sim.firehose.createDeliveryStream({
    DeliveryStreamName: 'bulk',
    ExtendedS3DestinationConfiguration: {
      RoleARN: ROLE, BucketARN: 'arn:aws:s3:::lake', CompressionFormat: 'GZIP',
      Prefix: 'k=!{partitionKeyFromQuery:k}/', ErrorOutputPrefix: 'errors/!{firehose:error-output-type}/',
      BufferingHints: { SizeInMBs: sizeMb, IntervalInSeconds: intervalS },
      DynamicPartitioningConfiguration: { Enabled: true },
      ProcessingConfiguration: { Enabled: true, Processors: [{ Type: 'MetadataExtraction', Parameters: [{ ParameterName: 'MetadataExtractionQuery', ParameterValue: '{k:.k}' }, { ParameterName: 'JsonParsingEngine', ParameterValue: 'JQ-1.6' }] }] },
    },
  });
  sim.advanceSync(5000);
  return sim;
}

describe('ingestSegment', () => {
  it('splits bulk runs into per-partition objects with exact counts and lazily produced gzip bodies', () => {
    const sim = partitionedSim(1, 60);
    const recipes = [recipeFor(1), recipeFor(2)];
    // 10 s at 2 x 3,000 records/s; each second is one segment.
    for (let s = 0; s < 10; s++) {
      sim.firehose.ingestSegment('bulk', { start: sim.now(), end: sim.now() + 999, runs: recipes.map((recipe) => ({ recipe, firstIndex: s * 3000, count: 3000, recordBytes: 24, partitionKeys: { k: recipe.id } })) });
      sim.advanceSync(1000);
    }
    sim.advanceSync(60000);
    const list = sim.s3.listObjectsV2({ Bucket: 'lake', Delimiter: '/' });
    expect(list.CommonPrefixes).toEqual([{ Prefix: 'k=k1/' }, { Prefix: 'k=k2/' }]);
    const k1 = sim.s3.listObjectsV2({ Bucket: 'lake', Prefix: 'k=k1/' }).Contents!;
    // 30,000 records x 24 B = 720,000 B < 1 MiB: one object per key, flushed by the interval.
    expect(k1).toHaveLength(1);
    expect(k1[0].Key).toMatch(/^k=k1\/bulk-1-2026-01-01-00-01-00-/);
    const body = text(gunzipSync(sim.s3.getObject({ Bucket: 'lake', Key: k1[0].Key }).Body));
    expect(body.length).toBe(720000);
    expect(body.slice(0, 48)).toBe('{"k":"k01","i":0000000}\n{"k":"k01","i":0000001}\n');
    expect(body.endsWith('{"k":"k01","i":0029999}\n')).toBe(true);
    expect(sim.firehose.accounting('bulk')).toMatchObject({ accepted: 60000, delivered: 60000, buffered: 0 });
    expect(sim.firehose.metrics('bulk').total('DeliveryToS3.Records')).toBe(60000);
  });

  it('cuts a slice exactly where the buffer reaches SizeInMBs', () => {
    const sim = partitionedSim(1, 900);
    const recipe = recipeFor(7);
    // 1 MiB / 24 B = 43,690.67: the object holding 43,691 records reaches 1 MiB.
    sim.firehose.ingestSegment('bulk', { start: sim.now(), end: sim.now(), runs: [{ recipe, firstIndex: 0, count: 100000, recordBytes: 24, partitionKeys: { k: 'a' } }] });
    const objs = sim.s3.listObjectsV2({ Bucket: 'lake' }).Contents!;
    expect(objs).toHaveLength(2);
    expect(sim.firehose.accounting('bulk')).toMatchObject({ delivered: 87382, buffered: 12618 });
    const second = text(gunzipSync(sim.s3.getObject({ Bucket: 'lake', Key: objs[1].Key }).Body));
    const first = text(gunzipSync(sim.s3.getObject({ Bucket: 'lake', Key: objs[0].Key }).Body));
    const lines = [first, second].sort().map((b) => b.split('\n')[0]);
    expect(lines).toEqual(['{"k":"k07","i":0000000}', '{"k":"k07","i":0043691}']);
  });

  it('throttles a segment past the Direct PUT quota by the same share in every run', () => {
    const sim = createSimulation({ seed: 1, startTime: T0 - 5000, firehoseQuotaSource: 'api-reference-2015' });
    sim.s3.createBucket({ Bucket: 'lake' });
    sim.firehose.createDeliveryStream({ DeliveryStreamName: 'd', ExtendedS3DestinationConfiguration: { RoleARN: ROLE, BucketARN: 'arn:aws:s3:::lake' } });
    sim.advanceSync(5000);
    const r = sim.firehose.ingestSegment('d', { start: sim.now(), end: sim.now(), runs: [recipeFor(1), recipeFor(2)].map((recipe) => ({ recipe, firstIndex: 0, count: 5000, recordBytes: 24 })) });
    expect(r).toEqual({ accepted: 5000, throttled: 5000, errored: 0 });
    expect(sim.firehose.metrics('d').total('ThrottledRecords')).toBe(5000);
  });
});
