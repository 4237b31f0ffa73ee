/**
 * Firehose's buffers: one per partition (one in all without dynamic
 * partitioning, plus one per error output type). A buffer flushes when its
 * bytes reach SizeInMBs (measured before compression) or when its oldest
 * record has waited IntervalInSeconds, whichever comes first [BC-F; facts B2].
 * A bulk slice that would overfill a buffer is split at the record that
 * reaches the size, so object sizes are exact.
 */
import type { SimCore } from '../core/simCore';
import type { Continuation, ScheduledEvent } from '../core/eventQueue';
import { isSlice, splitSlice, type BufferItem, type ExactItem, type SliceItem } from './bulkTypes';
import type { ErrorOutputType } from './constants';

/** What identifies a partition: its keys, or the error output type for error buffers. */
export interface PartitionInfo {
  id: string;
  queryKeys?: Record<string, string>;
  lambdaKeys?: Record<string, string>;
  errorType?: ErrorOutputType;
}

export interface PartitionBuffer extends PartitionInfo {
  items: BufferItem[];
  records: number;
  bytes: number;
  oldest: number;
  timer?: ScheduledEvent;
}

/** The contents of a flushed buffer, ready to become one object. */
export interface Batch extends PartitionInfo {
  items: BufferItem[];
  records: number;
  bytes: number;
  /** Arrival of the oldest record: the instant `!{timestamp}` and the default prefix use. */
  oldest: number;
  flushedAt: number;
}

export interface BufferHints {
  sizeBytes: number;
  intervalMs: number;
}

const BUFFER_INTERVAL = 'firehose:bufferInterval';

/** Registers the buffer-interval data event (once per simulation, when Firehose is built). */
export function registerBufferEvents(core: SimCore): void {
  core.registerHandler<{ buffers: BufferSet; id: string }>(BUFFER_INTERVAL, ({ buffers, id }) => buffers.intervalElapsed(id));
}

/**
 * The partition buffers of one stage, each flushed by size or by interval on
 * the event queue. Where a flushed batch goes is a continuation (a handler
 * kind and its payload), not a closure, so the set is plain data.
 */
export class BufferSet {
  readonly partitions = new Map<string, PartitionBuffer>();

  constructor(
    private core: SimCore,
    public hints: BufferHints,
    private onFlush: Continuation,
    private label: string,
  ) {}

  /** Number of partitions holding data (AWS's "active partitions"). */
  get active(): number {
    return this.partitions.size;
  }

  has(id: string): boolean {
    return this.partitions.has(id);
  }

  /** Adds one record. */
  addExact(info: PartitionInfo, item: ExactItem): void {
    const b = this.open(info, item.arrival);
    b.items.push(item);
    b.records++;
    b.bytes += item.data.length;
    if (b.bytes >= this.hints.sizeBytes) this.flush(b.id);
  }

  /** Adds a bulk slice, splitting it wherever the buffer reaches its size. */
  addSlice(info: PartitionInfo, slice: SliceItem): void {
    let rest: SliceItem | undefined = slice;
    while (rest !== undefined && rest.count > 0) {
      const b = this.open(info, rest.start);
      const room = this.hints.sizeBytes - b.bytes;
      const fits = Math.max(1, Math.ceil(room / rest.recordBytes));
      let take: SliceItem = rest;
      if (fits < rest.count) [take, rest] = splitSlice(rest, fits);
      else rest = undefined;
      appendSlice(b, take);
      if (b.bytes >= this.hints.sizeBytes) this.flush(b.id);
    }
  }

  /** Flushes one partition now (size reached, interval elapsed, or shutdown). */
  flush(id: string): void {
    const b = this.partitions.get(id);
    if (b === undefined) return;
    this.partitions.delete(id);
    if (b.timer !== undefined) b.timer.cancelled = true;
    const batch: Batch = { id: b.id, items: b.items, records: b.records, bytes: b.bytes, oldest: b.oldest, flushedAt: this.core.now() };
    if (b.queryKeys !== undefined) batch.queryKeys = b.queryKeys;
    if (b.lambdaKeys !== undefined) batch.lambdaKeys = b.lambdaKeys;
    if (b.errorType !== undefined) batch.errorType = b.errorType;
    this.core.resume(this.onFlush, batch);
  }

  /** The buffering interval of partition `id` has passed: flush what it holds. */
  intervalElapsed(id: string): void {
    const cur = this.partitions.get(id);
    if (cur !== undefined) {
      cur.timer = undefined;
      this.flush(id);
    }
  }

  /** Flushes every partition (stream deletion, configuration change). */
  flushAll(): void {
    for (const id of [...this.partitions.keys()]) this.flush(id);
  }

  /** Records and bytes waiting in all buffers. */
  totals(): { records: number; bytes: number } {
    let records = 0, bytes = 0;
    for (const b of this.partitions.values()) { records += b.records; bytes += b.bytes; }
    return { records, bytes };
  }

  private open(info: PartitionInfo, arrival: number): PartitionBuffer {
    let b = this.partitions.get(info.id);
    if (b === undefined) {
      b = { ...info, items: [], records: 0, bytes: 0, oldest: arrival };
      this.partitions.set(info.id, b);
      // The interval runs from when the buffer opened (a record read late from a stream still
      // waits its interval); a zero interval delivers at once. A data event: no closure in the queue.
      b.timer = this.core.scheduleEvent(this.hints.intervalMs, BUFFER_INTERVAL, { buffers: this, id: info.id }, `${this.label}:buffer-interval`);
    }
    return b;
  }
}

/** Appends a slice, merging it into the previous one when it continues the same recipe. */
function appendSlice(b: PartitionBuffer, s: SliceItem): void {
  const last = b.items[b.items.length - 1];
  if (last !== undefined && isSlice(last) && last.recipe === s.recipe && last.first + last.count === s.first && last.recordBytes === s.recordBytes) {
    last.count += s.count;
    last.end = s.end;
  } else b.items.push({ ...s });
  b.records += s.count;
  b.bytes += s.count * s.recordBytes;
}
