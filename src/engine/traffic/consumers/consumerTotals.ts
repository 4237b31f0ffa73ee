/** Sums of a consumer's per-shard counters, the figures a panel or metric shows. */
import type { ShardCursor } from './shardCursor';
import type { MetricsSink } from '../trafficService';

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

/**
 * What a GetRecords reader reports each second: every live cursor's iterator
 * age (GetRecords.IteratorAgeMilliseconds keeps the largest, per stream and
 * per shard) and the GetRecords calls that succeeded since the last report.
 * Returns the polls counted so far, to pass back next second (`polls`
 * -Infinity: only sum them, the caller reports GetRecords.Success itself).
 */
export function reportCursors(sink: MetricsSink, stream: string, cursors: Iterable<ShardCursor>, polls: number, retiredPolls = 0): number {
  let total = retiredPolls;
  for (const c of cursors) {
    total += c.counters.polls;
    if (c.ended) continue;
    // Kept on the cursor: this runs for every shard every second.
    let h = c.ageHandle;
    if (h === undefined || !h.valid) h = c.ageHandle = sink.ageHandle(stream, c.shard.shardId);
    h.report(c.iteratorAgeMs);
  }
  if (polls !== -Infinity && total > polls) sink.count(stream, 'GetRecords.Success', total - polls);
  return total;
}
