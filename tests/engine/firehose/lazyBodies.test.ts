import { describe, it, expect } from 'vitest';
import { gunzipSync, gzipSync } from 'fflate';
import { simWithStream, utf8, text } from './helpers';
import { takeCheckpoint, restoreCheckpoint, checkpointBlockers } from '../../../src/engine';
import { BodyBuilders, type S3ObjectState } from '../../../src/engine/s3/s3Model';
import type { RecordRecipe } from '../../../src/engine/firehose/bulkTypes';
import type { Simulation } from '../../../src/engine/simulation';

const objectsOf = (sim: Simulation, bucket = 'bucket'): S3ObjectState[] => [...sim.firehoseContext.s3.buckets.get(bucket)!.objects.values()];

/** No function anywhere in `v` (a recipe is data: a kind and its parameters). */
function functionsIn(v: unknown, path = '', seen = new Set<object>()): string[] {
  if (typeof v === 'function') return [path];
  if (v === null || typeof v !== 'object' || seen.has(v) || ArrayBuffer.isView(v)) return [];
  seen.add(v);
  const out: string[] = [];
  const entries = v instanceof Map ? [...v.entries()].map(([k, x]) => [String(k), x] as const) : Object.entries(v);
  for (const [k, x] of entries) out.push(...functionsIn(x, `${path}.${k}`, seen));
  return out;
}

/** Record i: `{"i":000000i}\n` (16 bytes). A class, as the engine's own recipes are, so a checkpoint holds it as data. */
class Counter implements RecordRecipe {
  readonly id = 'counter';
  record(i: number): Uint8Array {
    return utf8(`{"i":${String(i).padStart(7, '0')}}\n`);
  }
}

/** Three GZIP objects of 500 exact lines each; the second and third wait for their compression. */
function gzipWorld(): Simulation {
  const sim = simWithStream('g', { CompressionFormat: 'GZIP', BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 } });
  for (let o = 0; o < 3; o++) {
    sim.firehose.putRecordBatch({ DeliveryStreamName: 'g', Records: Array.from({ length: 500 }, (_, i) => ({ Data: utf8(`{"o":${o},"i":${i}}\n`) })) });
    sim.advanceSync(60000);
  }
  return sim;
}

/** Bulk slices of the Counter recipe into a GZIP stream: objects whose bodies are built on read. */
function bulkWorld(): Simulation {
  const sim = simWithStream('b', { CompressionFormat: 'GZIP', BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 } });
  const recipe = new Counter();
  for (let s = 0; s < 3; s++) {
    sim.firehose.ingestSegment('b', { start: sim.now(), end: sim.now() + 999, runs: [{ recipe, firstIndex: s * 2000, count: 2000, recordBytes: 16 }] });
    sim.advanceSync(1000);
  }
  sim.advanceSync(60000);
  return sim;
}

describe('lazily built S3 bodies are recipes', () => {
  it('an exact object waiting for its compression holds its bytes and format as data, and a restored world builds the same GZIP', () => {
    const sim = gzipWorld();
    const waiting = objectsOf(sim)[1];
    expect(waiting.body).toBeUndefined();
    expect(waiting.lazy).toMatchObject({ kind: 'firehose:compressedBody', format: 'GZIP', mtime: waiting.lastModified, entryName: waiting.key });
    expect(functionsIn(waiting.lazy)).toEqual([]);
    expect(checkpointBlockers(sim)).toEqual([]);
    const cp = takeCheckpoint(sim);

    const fresh = simWithStream('g', { CompressionFormat: 'GZIP', BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 } });
    restoreCheckpoint(fresh, cp);
    const read = (s: Simulation) => s.s3.getObject({ Bucket: 'bucket', Key: waiting.key }).Body;
    const body = read(fresh);
    expect(text(gunzipSync(body))).toBe(Array.from({ length: 500 }, (_, i) => `{"o":1,"i":${i}}\n`).join(''));
    expect(body).toEqual(read(sim));
    expect(body).toEqual(gzipSync(utf8(text(gunzipSync(body))), { mtime: waiting.lastModified }));
  });

  it('a bulk object holds where its slices sit and how to compress them, and a restored world rebuilds the same bytes', () => {
    const sim = bulkWorld();
    const objs = objectsOf(sim);
    expect(objs).toHaveLength(1);
    const o = objs[0];
    expect(o.lazy).toMatchObject({ kind: 'firehose:sliceBody', start: 0, count: 1, total: 96000, convert: false, compression: 'GZIP', mtime: o.lastModified, entryName: o.key });
    // The slice store holds the recipe object itself (a class instance), no closure.
    expect(functionsIn(o.lazy)).toEqual([]);
    const cp = takeCheckpoint(sim);
    const fresh = simWithStream('b', { CompressionFormat: 'GZIP', BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 } });
    restoreCheckpoint(fresh, cp);
    const body = fresh.s3.getObject({ Bucket: 'bucket', Key: o.key }).Body;
    const lines = text(gunzipSync(body)).split('\n');
    expect(lines.length).toBe(6001);
    expect([lines[0], lines[5999]]).toEqual(['{"i":0000000}', '{"i":0005999}']);
    expect(body).toEqual(sim.s3.getObject({ Bucket: 'bucket', Key: o.key }).Body);
  });

  it('builds a recipe only by a registered kind, each kind registered once', () => {
    const b = new BodyBuilders();
    b.register<{ kind: 'test:zeros'; n: number }>('test:zeros', (r) => new Uint8Array(r.n));
    expect(b.build({ kind: 'test:zeros', n: 3 } as never)).toEqual(new Uint8Array(3));
    expect(() => b.register('test:zeros', () => new Uint8Array(0))).toThrow("'test:zeros' is already registered");
    expect(() => b.build({ kind: 'test:none' })).toThrow("S3: no body builder registered for 'test:none'");
  });
});
