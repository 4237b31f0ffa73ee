/**
 * The shard's shared read limits, used by GetRecords and by every simulated
 * polling consumer alike: 5 calls/s and 2 MiB/s per shard, shared by all
 * readers [BC-K GetRecords]. A large read leaves the byte bucket in debt, so
 * after a 10 MiB read further calls are throttled for 5 s; after any
 * throttle, calls in the next 1 s are throttled too [BC-K].
 */
import type { ShardState } from './shardModel';
import { READ_THROTTLE_PENALTY_MS, SHARD_READ_BYTES_PER_SEC, SHARD_READ_CALLS_PER_SEC } from './constants';

/** Applies the shard's read-call and read-byte limits to one call; false means throttle. */
export function admitRead(now: number, shard: ShardState): boolean {
  shard.readCalls.refill(now);
  shard.readBytes.refill(now);
  if (now < shard.readBlockedUntil || shard.readCalls.level < 1 || shard.readBytes.level <= 0) {
    shard.readBlockedUntil = now + READ_THROTTLE_PENALTY_MS;
    return false;
  }
  shard.readCalls.level -= 1;
  return true;
}

/** Charges an admitted call's bytes and records to the shard's budget and counters. */
export function chargeRead(shard: ShardState, records: number, bytes: number): void {
  const b = shard.readBytes;
  // A read larger than one second's budget is paid from the seconds after it,
  // the unused balance forfeited: after a 10 MiB read the next 5 s (10 MiB at
  // 2 MiB/s) are throttled, as AWS states [BC-K GetRecords]. Keeping the
  // balance would cut that to 4 s.
  b.level = bytes > b.capacity ? Math.min(b.level, 0) - bytes : b.level - bytes;
  shard.counters.readCalls++;
  shard.counters.readRecords += records;
  shard.counters.readBytes += bytes;
}

/**
 * The shared read budget of one shard over a window of simulated time, for
 * readers that step coarsely (bulk mode: one step stands for many polls).
 * Every reader stepping at the same `end` shares the same window, first come
 * first served, so the shard's 5 calls/s and 2 MiB/s hold over the whole window span.
 */
export interface ReadWindow {
  end: number;
  calls: number;
  bytes: number;
  /** Readers that have stepped in this window so far. */
  readers: number;
  /** Readers that stepped in the previous window (the expected number now). */
  expectedReaders: number;
}

/** The shard's read window ending at `end` and starting at `end - windowMs` (opened on first use). */
export function readWindow(shard: ShardState, end: number, windowMs: number): ReadWindow {
  let w = shard.readWindow;
  if (w === undefined || w.end !== end) {
    // Unused budget does not carry over: the buckets hold at most one second's worth.
    const expectedReaders = w === undefined ? 1 : Math.max(1, w.readers);
    w = { end, calls: (SHARD_READ_CALLS_PER_SEC * windowMs) / 1000, bytes: (SHARD_READ_BYTES_PER_SEC * windowMs) / 1000, readers: 0, expectedReaders };
    shard.readWindow = w;
  }
  return w;
}
