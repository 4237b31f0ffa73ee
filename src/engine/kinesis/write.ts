/**
 * The write path shared by PutRecord and PutRecords: route a record to its open
 * shard by MD5 of the partition key (or ExplicitHashKey), apply the shard's
 * write limits, store it and give it a sequence number.
 */
import { SLOT_WIDTH, type KinesisContext } from './context';
import { resolveBoundary, routeHighIndex, routeKey, type StreamState } from './streamModel';
import { md5Hex, parseHashKey } from './hashKey';
import { md5High52 } from './md5';
import type { ShardState } from './shardModel';

/**
 * The top 52 bits of the partition key's MD5, through a four-way set-associative
 * cache: repeated keys (device ids, customer ids) are hashed once, and unique keys
 * (transaction ids) cost one cheap slot check, not a growing Map. Four ways per
 * set keep up to four keys whose slots collide: with two, the 2.4% of 10,000
 * device ids that share a set with two others were re-hashed on every put (an
 * MD5 costs more than the rest of a cached put); with four, 0.15% are.
 */
export function keyHigh52(ctx: KinesisContext, key: string): number {
  const cache = ctx.keyHashCache;
  if (cache.bypass > 0) {
    // Keys have been nearly all new lately (transaction ids): hashing them straight is cheaper.
    cache.bypass--;
    cache.key = key;
    return md5High52(key);
  }
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  // The set's ways are the WAYS slots from slot & ~(WAYS - 1).
  const way0 = (h >>> 0) & cache.mask & ~(WAYS - 1);
  if (++cache.probes === CACHE_WINDOW) {
    // Over the last window, if at most 1 in 16 lookups hit, stop looking for a while.
    if (cache.hits * 16 <= CACHE_WINDOW) cache.bypass = CACHE_BYPASS;
    cache.probes = 0;
    cache.hits = 0;
  }
  const slots = cache.slots;
  const o = way0 * SLOT_WIDTH;
  for (let p = o; p < o + WAYS * SLOT_WIDTH; p += SLOT_WIDTH) {
    const k = slots[p];
    if (k === key) {
      cache.hits++;
      cache.key = k;
      return (slots[p + 1] as number) * HALF + (slots[p + 2] as number);
    }
    // Ways fill from the first (see below): an empty one ends the set.
    if (k === undefined) break;
  }
  // A new key takes the first way; the others move one way down and the last one's key drops out.
  const high = md5High52(key);
  for (let p = o + (WAYS - 1) * SLOT_WIDTH - 1; p >= o; p--) slots[p + SLOT_WIDTH] = slots[p];
  const top = Math.floor(high / HALF);
  slots[o] = key;
  slots[o + 1] = top;
  slots[o + 2] = high - top * HALF;
  cache.key = key;
  return high;
}

/** Ways per set of the key hash cache. */
const WAYS = 4;

/** A cached hash's halves: top52 = high * HALF + low, each below 2^26 (a small integer). */
const HALF = 2 ** 26;

/** Lookups per hit-rate window, and keys hashed without the cache after a window of misses. */
const CACHE_WINDOW = 4096;
const CACHE_BYPASS = 65536;

/**
 * The open shard a record goes to. `explicitHashKey` must already be validated.
 * Afterwards `ctx.keyHashCache.key` is the partition key to store (see KeyHashCache.key).
 */
export function routeRecord(ctx: KinesisContext, s: StreamState, partitionKey: string, explicitHashKey?: string): ShardState {
  if (explicitHashKey !== undefined) {
    ctx.keyHashCache.key = partitionKey;
    return routeKey(s, parseHashKey(explicitHashKey)!);
  }
  const high = keyHigh52(ctx, partitionKey);
  let lo = routeHighIndex(s, high);
  // Only a key whose top 52 bits equal a shard boundary's needs its full 128 bits.
  if (s.openStartHigh[lo] === high) lo = resolveBoundary(s, lo, BigInt('0x' + md5Hex(partitionKey)));
  return s.open[lo];
}

/**
 * Writes one record to `shard` if its limits allow; returns the record index,
 * or -1 when throttled (ProvisionedThroughputExceededException).
 */
export function writeToShard(shard: ShardState, now: number, data: Uint8Array, partitionKey: string, keyBytes: number, explicitHashKey?: string): number {
  const size = data.length + keyBytes;
  if (!shard.write.tryTake(now, size)) {
    shard.counters.writeThrottledRecords++;
    return -1;
  }
  shard.counters.incomingRecords++;
  shard.counters.incomingBytes += size;
  return shard.store.append(data, partitionKey, now, explicitHashKey, keyBytes);
}
