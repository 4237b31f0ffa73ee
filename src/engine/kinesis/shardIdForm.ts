/**
 * The shard id forms Kinesis accepts where a shard is named: the part after
 * the first "-" (or the whole id when there is none) read as a decimal index,
 * so `shardId-0`, `0`, `x-0` and `shardId-000000000000` all name shard 0
 * [kinesalite's resolveShardId, written against AWS's answers]. Anything else
 * names no shard.
 */

/** Largest shard index the id can carry (a signed 32-bit int, as AWS reads it). */
const MAX_SHARD_INDEX = 2147483647;

/** The canonical `shardId-NNNNNNNNNNNN` for a shard index. */
export function shardIdOf(index: number): string {
  return `shardId-${String(index).padStart(12, '0')}`;
}

/** The canonical shard id `id` names, or undefined when it names none. */
export function canonicalShardId(id: string): string | undefined {
  const tail = id.split('-')[1] || id;
  if (!/^\d+$/.test(tail)) return undefined;
  const index = Number(tail);
  return index <= MAX_SHARD_INDEX ? shardIdOf(index) : undefined;
}
