import { describe, it, expect } from 'vitest';
import { activeStream } from '../kinesis/streamFixture';
import { encodeUtf8 } from '../../../src/engine/core/utf8';
import { isAwsError } from '../../../src/engine/core/errors';
import { prefixTree, MAX_LEAVES_PER_PREFIX } from '../../../src/engine/inspect/s3Queries';

describe('prefixTree', () => {
  it('splits keys at "/" and sums objects and bytes per prefix', () => {
    const t = prefixTree('b', [
      { Key: '2024/01/01/00/a.gz', Size: 10 },
      { Key: '2024/01/01/00/b.gz', Size: 20 },
      { Key: '2024/01/01/01/c.gz', Size: 5 },
      { Key: 'errors/x', Size: 1 },
    ]);
    expect(t).toMatchObject({ name: 'b', path: '', objects: 4, bytes: 36 });
    expect(t.children!.map((c) => [c.name, c.path, c.objects, c.bytes])).toEqual([
      ['2024/', '2024/', 3, 35],
      ['errors/', 'errors/', 1, 1],
    ]);
    const hour = t.children![0].children![0].children![0].children!;
    expect(hour.map((c) => [c.path, c.objects, c.bytes])).toEqual([
      ['2024/01/01/00/', 2, 30],
      ['2024/01/01/01/', 1, 5],
    ]);
    expect(hour[0].children!.map((c) => [c.name, c.path, c.bytes])).toEqual([
      ['a.gz', '2024/01/01/00/a.gz', 10],
      ['b.gz', '2024/01/01/00/b.gz', 20],
    ]);
    expect(t.children![1].children).toEqual([{ name: 'x', path: 'errors/x', objects: 1, bytes: 1 }]);
  });

  it('folds objects beyond MAX_LEAVES_PER_PREFIX into one leaf that keeps their count and bytes', () => {
    const objs = Array.from({ length: MAX_LEAVES_PER_PREFIX + 3 }, (_, i) => ({ Key: `p/o${String(i).padStart(3, '0')}`, Size: 2 }));
    const p = prefixTree('b', objs).children![0];
    expect(p.children).toHaveLength(MAX_LEAVES_PER_PREFIX + 1);
    expect(p.children![MAX_LEAVES_PER_PREFIX]).toEqual({ name: '3 more objects', path: 'p/', objects: 3, bytes: 6 });
  });

  it('gives an empty bucket a root without children', () => {
    expect(prefixTree('empty', [])).toEqual({ name: 'empty', path: '', objects: 0, bytes: 0 });
  });

  it('counts objects it was not given at the root, so the root\'s count is the bucket\'s', () => {
    const t = prefixTree('b', [{ Key: 'a/x', Size: 4 }], { objects: 3, bytes: 30 });
    expect(t).toMatchObject({ objects: 4, bytes: 34 });
    expect(t.children!.map((c) => [c.name, c.objects, c.bytes])).toEqual([
      ['a/', 1, 4],
      ['3 more objects (not broken down)', 3, 30],
    ]);
  });
});

describe('sim.inspect.s3Tree and buckets', () => {
  it('read the same objects, so the treemap root and the bucket list agree on count and bytes', () => {
    const { sim } = activeStream(1, 'src');
    sim.s3.createBucket({ Bucket: 'out' });
    sim.s3.putObject({ Bucket: 'out', Key: 'a/one.txt', Body: encodeUtf8('12345') });
    sim.s3.putObject({ Bucket: 'out', Key: 'a/b/two.txt', Body: encodeUtf8('123') });
    const tree = sim.inspect.s3Tree('out');
    expect(sim.inspect.buckets()).toEqual([{ name: 'out', objectCount: 2, bytes: 8 }]);
    expect([tree.objects, tree.bytes]).toEqual([2, 8]);
    expect(tree.children!.map((c) => [c.path, c.objects, c.bytes])).toEqual([['a/', 2, 8]]);
  });

  it('answers a missing bucket with S3\'s NoSuchBucket', () => {
    const { sim } = activeStream(1, 'src');
    let caught: unknown;
    try {
      sim.inspect.s3Tree('missing');
    } catch (e) {
      caught = e;
    }
    expect(isAwsError(caught, 'NoSuchBucket')).toBe(true);
    expect((caught as Error).message).toBe('The specified bucket does not exist');
  });
});
