/**
 * Where records land on the 128-bit hash line: MD5 of the partition key's
 * UTF-8 bytes read as an unsigned big-endian integer [BC-K PutRecord; KDS-DG22
 * key-concepts], or an ExplicitHashKey.
 */
import SparkMD5 from 'spark-md5';
import { HASH_KEY_MAX, HASH_KEY_SPACE } from './constants';

/** The MD5 of a partition key (UTF-8) as 32 hex digits. */
export function md5Hex(partitionKey: string): string {
  // SparkMD5.hash encodes non-ASCII text as UTF-8 before hashing.
  return SparkMD5.hash(partitionKey);
}

/** The hash key (0..2^128-1) of a partition key. */
export function partitionKeyToHashKey(partitionKey: string): bigint {
  return BigInt('0x' + md5Hex(partitionKey));
}

/** The top 52 bits of a hash key. */
export function bigHigh52(key: bigint): number {
  return Number(key >> 76n);
}

/** Even ranges for N shards: shard i starts at floor(2^128/N)*i, the last ends at 2^128-1 [KCLEX; kinesalite]. */
export function evenHashRanges(n: number): Array<{ start: bigint; end: bigint }> {
  const width = HASH_KEY_SPACE / BigInt(n);
  const out: Array<{ start: bigint; end: bigint }> = [];
  for (let i = 0; i < n; i++) {
    const start = width * BigInt(i);
    const end = i === n - 1 ? HASH_KEY_MAX : width * BigInt(i + 1) - 1n;
    out.push({ start, end });
  }
  return out;
}

/** Hash keys travel as decimal strings matching 0|([1-9]\d{0,38}) [BC-K HashKey]. */
export const HASH_KEY_PATTERN = /^(0|[1-9]\d{0,38})$/;

/** Parses a decimal hash key; undefined when it is not a valid key in 0..2^128-1. */
export function parseHashKey(text: string): bigint | undefined {
  if (typeof text !== 'string' || !HASH_KEY_PATTERN.test(text)) return undefined;
  const v = BigInt(text);
  return v <= HASH_KEY_MAX ? v : undefined;
}

/**
 * The even split point of a range: the first key of its upper half, the
 * halves as even as integers allow (the usual NewStartingHashKey of a split
 * in half, (start + end) / 2 rounded up) [KDS-DG22 resharding].
 */
export function midpoint(range: { start: bigint; end: bigint }): bigint {
  return range.start + (range.end - range.start + 1n) / 2n;
}
