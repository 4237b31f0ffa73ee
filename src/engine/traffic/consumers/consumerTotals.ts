/** Sums of a consumer's per-shard counters, the figures a panel or metric shows. */
import type { ShardCursor } from './shardCursor';

export interface ConsumerTotals {
  polls: number;
  throttled: number;
  records: number;
  bytes: number;
  lostToRetention: number;
  /** The largest iterator age over the consumer's shards (CloudWatch's Maximum statistic). */
  maxIteratorAgeMs: number;
}

export function sumCursors(cursors: Iterable<ShardCursor>): ConsumerTotals {
  const t: ConsumerTotals = { polls: 0, throttled: 0, records: 0, bytes: 0, lostToRetention: 0, maxIteratorAgeMs: 0 };
  for (const c of cursors) {
    t.polls += c.counters.polls;
    t.throttled += c.counters.throttled;
    t.records += c.counters.records;
    t.bytes += c.counters.bytes;
    t.lostToRetention += c.counters.lostToRetention;
    if (c.iteratorAgeMs > t.maxIteratorAgeMs) t.maxIteratorAgeMs = c.iteratorAgeMs;
  }
  return t;
}
