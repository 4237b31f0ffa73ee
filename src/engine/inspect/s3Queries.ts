/**
 * Delivered objects as a tree of prefixes: keys split at '/', each prefix
 * with the number and bytes of the objects under it. The S3 view draws it as
 * a treemap (area = bytes) so the partitions Firehose writes (year/month/day/
 * hour, or dynamic partition keys) show their share at a glance. Also each
 * bucket's object count and bytes, read from the same objects, so the bucket
 * list and the treemap agree at every frame. Pure reads.
 */
import { AwsError } from '../core/errors';
import type { InspectSources } from './sources';
import type { BucketSnap, PrefixNode } from './types';

/** Objects read into the tree at most (beyond this the rest count at the root as one leaf: the root's count is the bucket's). */
export const MAX_TREE_OBJECTS = 20000;

/** Objects shown per prefix before the rest are folded into one "more" leaf. */
export const MAX_LEAVES_PER_PREFIX = 50;

interface Building {
  node: PrefixNode;
  dirs: Map<string, Building>;
  leaves: PrefixNode[];
}

function building(name: string, path: string): Building {
  return { node: { name, path, objects: 0, bytes: 0 }, dirs: new Map(), leaves: [] };
}

/**
 * The tree of `objects` (Key and Size) under a root named after the bucket;
 * `unlisted` objects (beyond what was read) count at the root as one leaf, so
 * the root's count is always the bucket's.
 */
export function prefixTree(bucket: string, objects: Iterable<{ Key: string; Size: number }>, unlisted = { objects: 0, bytes: 0 }): PrefixNode {
  const root = building(bucket, '');
  if (unlisted.objects > 0) {
    root.node.objects += unlisted.objects;
    root.node.bytes += unlisted.bytes;
    root.leaves.push({ name: `${unlisted.objects} more objects (not broken down)`, path: '', objects: unlisted.objects, bytes: unlisted.bytes });
  }
  for (const o of objects) {
    const parts = o.Key.split('/');
    let b = root;
    b.node.objects++;
    b.node.bytes += o.Size;
    let path = '';
    for (let i = 0; i < parts.length - 1; i++) {
      path += parts[i] + '/';
      let next = b.dirs.get(parts[i]);
      if (next === undefined) b.dirs.set(parts[i], (next = building(parts[i] + '/', path)));
      b = next;
      b.node.objects++;
      b.node.bytes += o.Size;
    }
    b.leaves.push({ name: parts[parts.length - 1], path: o.Key, objects: 1, bytes: o.Size });
  }
  return finish(root);
}

function finish(b: Building): PrefixNode {
  const dirs = [...b.dirs.values()].map(finish).sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  let leaves = b.leaves.sort((x, y) => (x.path < y.path ? -1 : 1));
  if (leaves.length > MAX_LEAVES_PER_PREFIX) {
    const rest = leaves.slice(MAX_LEAVES_PER_PREFIX);
    leaves = leaves.slice(0, MAX_LEAVES_PER_PREFIX);
    leaves.push({ name: `${rest.length} more objects`, path: b.node.path, objects: rest.length, bytes: rest.reduce((n, x) => n + x.bytes, 0) });
  }
  const children = [...dirs, ...leaves];
  return children.length > 0 ? { ...b.node, children } : b.node;
}

/** The delivered-prefix tree of a bucket. */
export function s3Tree(sim: InspectSources, bucket: string): PrefixNode {
  const b = sim.firehoseContext.s3.buckets.get(bucket);
  if (b === undefined) throw new AwsError('NoSuchBucket', 'The specified bucket does not exist', 404);
  const objs: Array<{ Key: string; Size: number }> = [];
  const rest = { objects: 0, bytes: 0 };
  for (const o of b.objects.values()) {
    if (objs.length < MAX_TREE_OBJECTS) objs.push({ Key: o.key, Size: o.size });
    else { rest.objects++; rest.bytes += o.size; }
  }
  return prefixTree(bucket, objs, rest);
}

/** Every bucket with its object count and bytes (estimated sizes for lazy objects until read). */
export function bucketSnaps(sim: InspectSources): BucketSnap[] {
  const out: BucketSnap[] = [];
  for (const b of sim.firehoseContext.s3.buckets.values()) {
    let bytes = 0;
    for (const o of b.objects.values()) bytes += o.size;
    out.push({ name: b.name, objectCount: b.objects.size, bytes });
  }
  return out;
}
