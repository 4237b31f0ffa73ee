/** Sums of a consumer's per-shard counters, the figures a panel or metric shows. */
import { cursorEpoch, type CursorEpochHolder, type ShardCursor } from './shardCursor';
import type { AgeBoardLike, MetricsSink } from '../trafficService';

export interface ConsumerTotals {
  polls: number;
  throttled: number;
  records: number;
  bytes: number;
  lostToRetention: number;
  /** The largest iterator age over the consumer's shards (CloudWatch's Maximum statistic). */
  maxIteratorAgeMs: number;
}

/** Sums the cursors' counters, and takes the largest iterator age. */
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

/**
 * reportCursors, kept between seconds: a GetRecords reader's cursors change
 * only when it steps (once a minute in bulk mode) or its set of cursors
 * changes, yet CloudWatch wants their iterator ages every second. The report
 * walks the cursors only when cursorEpoch() moved (or the stream's shard
 * columns changed) and otherwise reports the same ages again from two typed
 * arrays: the same figures as walking every second, without touching a cursor.
 */
export class CursorReport {
  private cols = new Int32Array(0);
  private ages = new Float64Array(0);
  private n = 0;
  private maxAge = NaN;
  private polls = 0;
  private epoch = -1;
  private board?: AgeBoardLike;
  private layout = -1;

  /**
   * Reports the iterator age of every cursor not ended for the second that
   * ended; returns the cursors' GetRecords calls summed (what reportCursors returns
   * with `polls` -Infinity). `cursors` is only iterated when something changed.
   */
  report(ctx: CursorEpochHolder, sink: MetricsSink, stream: string, cursors: () => Iterable<ShardCursor>): number {
    const board = sink.ageBoard(stream);
    if (this.epoch !== cursorEpoch(ctx) || this.board !== board || this.layout !== board.layout) this.walk(ctx, board, cursors());
    if (this.n > 0) board.reportMany(this.cols, this.ages, this.n, this.maxAge);
    return this.polls;
  }

  private walk(ctx: CursorEpochHolder, board: AgeBoardLike, cursors: Iterable<ShardCursor>): void {
    let n = 0, polls = 0, maxAge = NaN;
    for (const c of cursors) {
      polls += c.counters.polls;
      if (c.ended) continue;
      if (n === this.cols.length) this.grow();
      this.cols[n] = board.column(c.shard.shardId);
      const age = c.iteratorAgeMs;
      this.ages[n++] = age;
      if (!(age <= maxAge)) maxAge = age;
    }
    this.n = n;
    this.polls = polls;
    this.maxAge = maxAge;
    this.board = board;
    this.layout = board.layout; // read after column(): allocating a column does not change it
    this.epoch = cursorEpoch(ctx);
  }

  private grow(): void {
    const cols = new Int32Array(Math.max(16, this.cols.length * 2));
    cols.set(this.cols);
    const ages = new Float64Array(cols.length);
    ages.set(this.ages);
    this.cols = cols;
    this.ages = ages;
  }
}
