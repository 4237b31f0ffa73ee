/**
 * The lineage UpdateShardCount leaves behind. UNIFORM_SCALING ends with N open
 * shards exactly as CreateStream would lay them out (shard i from
 * floor(2^128/N)*i, the last to 2^128-1) [BC-K UpdateShardCount; KCLEX], and AWS
 * gets there with ordinary splits and merges, so every new shard names its
 * parents. Here: first every old open shard is split at each target boundary
 * inside it, left to right (a shard cut twice leaves an intermediate shard that
 * is created and closed at once); then the pieces of each target range are
 * merged left to right. Intermediate shards count against the account quota
 * while they live [BC-K UpdateShardCount].
 */
import type { KinesisContext } from './context';
import { evenHashRanges } from './hashKey';
import { applyMerge, applySplit } from './reshard';
import { rebuildRouting, type StreamState } from './streamModel';
import type { ShardState } from './shardModel';

/** For each open shard (sorted by start), the target boundaries strictly inside it, ascending. */
export function uniformSplitKeys(open: readonly ShardState[], target: number): Array<{ shard: ShardState; keys: bigint[] }> {
  const boundaries = evenHashRanges(target).slice(1).map((r) => r.start);
  const out: Array<{ shard: ShardState; keys: bigint[] }> = [];
  let bi = 0;
  for (const shard of open) {
    // A boundary equal to the shard's start is already a boundary: nothing to cut.
    while (bi < boundaries.length && boundaries[bi] <= shard.start) bi++;
    const keys: bigint[] = [];
    while (bi < boundaries.length && boundaries[bi] <= shard.end) keys.push(boundaries[bi++]);
    out.push({ shard, keys });
  }
  return out;
}

/** Number of splits UNIFORM_SCALING to `target` needs: the most extra open shards it holds at once. */
export function uniformSplitCount(open: readonly ShardState[], target: number): number {
  let n = 0;
  for (const { keys } of uniformSplitKeys(open, target)) n += keys.length;
  return n;
}

/** Reshards the stream's open shards to `target` evenly sized shards; returns the new open shards. */
export function applyUniformScaling(ctx: KinesisContext, s: StreamState, target: number): ShardState[] {
  const pieces: ShardState[] = [];
  for (const { shard, keys } of uniformSplitKeys(s.open, target)) {
    let cur = shard;
    for (const key of keys) {
      const [lower, upper] = applySplit(ctx, s, cur, key, false);
      pieces.push(lower);
      cur = upper;
    }
    pieces.push(cur);
  }
  const result: ShardState[] = [];
  let pi = 0;
  for (const range of evenHashRanges(target)) {
    let acc = pieces[pi++];
    while (pi < pieces.length && pieces[pi].end <= range.end) acc = applyMerge(ctx, s, acc, pieces[pi++], false);
    result.push(acc);
  }
  rebuildRouting(s);
  return result;
}
