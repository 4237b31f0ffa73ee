import { describe, it, expect } from 'vitest';
import { gunzipSync, gzipSync } from 'fflate';
import { simWithStream, utf8, text } from './helpers';
import { RATIO_REFRESH_EVERY } from '../../../src/engine/firehose/lazyCompression';

/** Three objects of `n` JSON lines each, flushed by the 60 s interval; returns the sim and the lines. */
function deliverThree(n: number) {
  const sim = simWithStream('g', { CompressionFormat: 'GZIP', BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 } });
  const lines: string[][] = [];
  for (let o = 0; o < 3; o++) {
    const batch = Array.from({ length: n }, (_, i) => `{"object":${o},"i":${i},"pad":"${'x'.repeat((i * 7) % 13)}"}\n`);
    lines.push(batch);
    for (let i = 0; i < n; i += 500) sim.firehose.putRecordBatch({ DeliveryStreamName: 'g', Records: batch.slice(i, i + 500).map((l) => ({ Data: utf8(l) })) });
    sim.advanceSync(60000);
  }
  return { sim, lines, objects: [...sim.firehoseContext.s3.buckets.get('bucket')!.objects.values()] };
}

describe('lazy compression of exact objects', () => {
  it('compresses the first object at once, later ones on first read, with estimated sizes until then', () => {
    const { sim, lines, objects } = deliverThree(1000);
    expect(objects.length).toBe(3);
    const raw = lines.map((l) => utf8(l.join('')));
    // The first object measures the ratio: compressed at once, size exact.
    expect(objects[0].sizeExact).toBe(true);
    expect(objects[0].size).toBe(objects[0].body!.length);
    const ratio = objects[0].size / raw[0].length;
    // The others wait: size = uncompressed size x that ratio, no body yet.
    expect(objects[1].body).toBeUndefined();
    expect(objects[1].sizeExact).toBe(false);
    expect(objects[1].size).toBe(Math.round(raw[1].length * ratio));
    // Reading builds the GZIP bytes once and keeps them; the size becomes exact.
    const body = sim.s3.getObject({ Bucket: 'bucket', Key: objects[1].key }).Body;
    expect(text(gunzipSync(body))).toBe(lines[1].join(''));
    expect(body).toEqual(gzipSync(raw[1], { mtime: objects[1].lastModified }));
    expect(objects[1].body).toBe(body);
    expect(objects[1].sizeExact).toBe(true);
    expect(objects[1].size).toBe(body.length);
  });

  it('lists exact sizes: listing compresses the objects of the page first', () => {
    const { sim, objects } = deliverThree(800);
    expect(objects[2].sizeExact).toBe(false);
    const listed = sim.s3.listObjectsV2({ Bucket: 'bucket' }).Contents!;
    expect(listed.map((c) => c.Size)).toEqual(objects.map((o) => o.body!.length));
    expect(objects.every((o) => o.sizeExact)).toBe(true);
    expect(sim.s3.headObject({ Bucket: 'bucket', Key: objects[2].key }).ContentLength).toBe(objects[2].body!.length);
  });

  it('refreshes the ratio with one eager object in every ' + RATIO_REFRESH_EVERY, () => {
    const sim = simWithStream('g', { CompressionFormat: 'GZIP', BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 0 } });
    for (let o = 0; o <= RATIO_REFRESH_EVERY; o++) {
      sim.firehose.putRecord({ DeliveryStreamName: 'g', Record: { Data: utf8(`{"o":${o}}\n`) } });
      sim.advanceSync(1000);
    }
    const objects = [...sim.firehoseContext.s3.buckets.get('bucket')!.objects.values()].sort((a, b) => a.lastModified - b.lastModified);
    expect(objects.length).toBe(RATIO_REFRESH_EVERY + 1);
    expect(objects.map((o, i) => (o.body !== undefined ? i : -1)).filter((i) => i >= 0)).toEqual([0, RATIO_REFRESH_EVERY]);
  });

  it('gives later objects the same estimated sizes whether or not earlier ones were read', () => {
    const run = (readEarly: boolean) => {
      const sim = simWithStream('g', { CompressionFormat: 'GZIP', BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 } });
      for (let o = 0; o < 6; o++) {
        const batch = Array.from({ length: 400 }, (_, i) => ({ Data: utf8(`{"o":${o},"i":${i},"v":"${'ab'.repeat((i * o) % 17)}"}\n`) }));
        sim.firehose.putRecordBatch({ DeliveryStreamName: 'g', Records: batch });
        sim.advanceSync(60000);
        // Reading object 1 builds its bytes; the estimate for objects 2..5 must not move.
        if (readEarly && o === 1) for (const obj of sim.firehoseContext.s3.buckets.get('bucket')!.objects.values()) sim.s3.getObject({ Bucket: 'bucket', Key: obj.key });
      }
      return [...sim.firehoseContext.s3.buckets.get('bucket')!.objects.values()].slice(2).map((obj) => [obj.size, obj.sizeExact]);
    };
    const unread = run(false);
    expect(unread.every(([, exact]) => exact === false)).toBe(true);
    expect(run(true)).toEqual(unread);
  });
});
