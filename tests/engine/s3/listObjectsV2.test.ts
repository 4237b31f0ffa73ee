import { describe, it, expect } from 'vitest';
import { createSimulation } from '../../../src/engine/simulation';
import { isAwsError } from '../../../src/engine/core/errors';

function bucketWith(keys: string[]) {
  const sim = createSimulation({ seed: 1 });
  sim.s3.createBucket({ Bucket: 'bkt' });
  for (const k of keys) sim.s3.putObject({ Bucket: 'bkt', Key: k, Body: new Uint8Array(k.length) });
  return sim;
}

describe('listObjectsV2', () => {
  it('rolls keys up into CommonPrefixes with a Delimiter and counts both in KeyCount', () => {
    const sim = bucketWith(['2026/01/01/00/a', '2026/01/01/01/b', '2026/01/02/00/c', 'top']);
    expect(sim.s3.listObjectsV2({ Bucket: 'bkt', Delimiter: '/' })).toMatchObject({ KeyCount: 2, CommonPrefixes: [{ Prefix: '2026/' }], IsTruncated: false });
    const day = sim.s3.listObjectsV2({ Bucket: 'bkt', Prefix: '2026/01/01/', Delimiter: '/' });
    expect(day.CommonPrefixes).toEqual([{ Prefix: '2026/01/01/00/' }, { Prefix: '2026/01/01/01/' }]);
    expect(day.Contents).toBeUndefined();
  });

  it('pages with MaxKeys and NextContinuationToken, across common prefixes', () => {
    const sim = bucketWith(['a/1', 'a/2', 'b/1', 'c', 'd']);
    const p1 = sim.s3.listObjectsV2({ Bucket: 'bkt', Delimiter: '/', MaxKeys: 2 });
    expect(p1).toMatchObject({ KeyCount: 2, IsTruncated: true, CommonPrefixes: [{ Prefix: 'a/' }, { Prefix: 'b/' }] });
    const p2 = sim.s3.listObjectsV2({ Bucket: 'bkt', Delimiter: '/', MaxKeys: 2, ContinuationToken: p1.NextContinuationToken });
    expect(p2.Contents!.map((c) => c.Key)).toEqual(['c', 'd']);
    expect(p2.IsTruncated).toBe(false);
    expect(p2.NextContinuationToken).toBeUndefined();
  });

  it('answers NoSuchBucket and NoSuchKey', () => {
    const sim = bucketWith(['x']);
    const err = (f: () => unknown) => { try { f(); } catch (e) { return isAwsError(e) ? [e.type, e.message, e.status] : e; } };
    expect(err(() => sim.s3.listObjectsV2({ Bucket: 'nope' }))).toEqual(['NoSuchBucket', 'The specified bucket does not exist', 404]);
    expect(err(() => sim.s3.getObject({ Bucket: 'bkt', Key: 'y' }))).toEqual(['NoSuchKey', 'The specified key does not exist.', 404]);
    expect(sim.s3.headObject({ Bucket: 'bkt', Key: 'x' }).ContentLength).toBe(1);
    sim.s3.deleteObject({ Bucket: 'bkt', Key: 'x' });
    expect(sim.s3.listObjectsV2({ Bucket: 'bkt' }).KeyCount).toBe(0);
  });
});
