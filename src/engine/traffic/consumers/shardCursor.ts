/**
 * One reader's place in one shard and the step that moves it: a run of
 * GetRecords polls through the shard's shared read limits (the same buckets
 * the GetRecords operation uses), bounded by the reader's batch limit and its
 * processing capacity. Records are only counted (ShardStore.measure), never
 * materialised, so a step costs O(blocks touched), not O(records).
 */
import type { KinesisContext } from '../../kinesis/context';
import { retentionCutoff } from '../../kinesis/context';
import { encryptionAt, encryptionField, type StreamState } from '../../kinesis/streamModel';
import type { ShardState } from '../../kinesis/shardModel';
import { shardSequenceNumber } from '../../kinesis/shardModel';
import { admitRead, chargeRead, readWindow, type ReadWindow } from '../../kinesis/readLimits';
import { GET_RECORDS_MAX_BYTES } from '../../kinesis/constants';
import type { KinesisRecord } from '../../kinesis/types';

/** Running totals of one reader on one shard (metrics sample them). */
export interface CursorCounters {
  /** GetRecords calls admitted (GetRecords.Success). */
  polls: number;
  /** Calls refused with ProvisionedThroughputExceededException (ReadProvisionedThroughputExceeded). */
  throttled: number;
  /** Records and bytes returned (GetRecords.Records, GetRecords.Bytes). */
  records: number;
  bytes: number;
  /** Records that passed retention before this reader got to them: lost to it. */
  lostToRetention: number;
}

export interface ShardCursor {
  shard: ShardState;
  /** Index of the next record to read. */
  position: number;
  /** Fractional processing capacity carried to the next step. */
  carry: number;
  /** GetRecords.IteratorAgeMilliseconds / MillisBehindLatest after the last step. */
  iteratorAgeMs: number;
  /** True once a closed shard has been read to its end (SHARD_END). */
  ended: boolean;
  /** After a throttle the reader backs off until the shard's 1 s penalty is over (as the KCL and Lambda pollers do). */
  backoffUntil: number;
  counters: CursorCounters;
  /** Where the reader reports this shard's iterator age each second (set by the metrics report). */
  ageHandle?: { readonly valid: boolean; report(ageMs: number): void };
}

/**
 * Where the cursor epoch lives: KinesisContext.cursorEpoch goes up whenever
 * any reader's cursor, or a reader's set of cursors, may have changed (a step,
 * a new or retired cursor, a lease lost): readers' per-second metric reports
 * (CursorReport) walk their cursors again only then. One counter per
 * simulation: a change anywhere only costs a re-walk.
 */
export type CursorEpochHolder = Pick<KinesisContext, 'cursorEpoch'>;

/** The current cursor epoch: unchanged means no cursor moved, appeared or went since it was read. */
export function cursorEpoch(ctx: CursorEpochHolder): number {
  return ctx.cursorEpoch;
}
/** Marks cursors as changed (see cursorEpoch). */
export function touchCursors(ctx: CursorEpochHolder): void {
  ctx.cursorEpoch++;
}

/** A fresh cursor on `shard` at record index `position`, zero counters (bumps the epoch). */
export function createCursor(ctx: CursorEpochHolder, shard: ShardState, position: number): ShardCursor {
  ctx.cursorEpoch++;
  return {
    shard,
    position,
    carry: 0,
    iteratorAgeMs: 0,
    ended: false,
    backoffUntil: -Infinity,
    counters: { polls: 0, throttled: 0, records: 0, bytes: 0, lostToRetention: 0 },
  };
}

/** How a reader polls: GetRecords Limit and how fast it can process records. */
export interface ReadPace {
  /** GetRecords Limit per call (1..10000) [BC-K]. */
  limit: number;
  /** Records the reader processes per second (Infinity: no processing cost). */
  recordsPerSecond: number;
}

/** Records per second from a per-record cost and/or a cap; Infinity when neither is set. */
export function processingRate(msPerRecord?: number, maxRecordsPerSecond?: number): number {
  const a = msPerRecord !== undefined && msPerRecord > 0 ? 1000 / msPerRecord : Infinity;
  const b = maxRecordsPerSecond !== undefined && maxRecordsPerSecond >= 0 ? maxRecordsPerSecond : Infinity;
  return Math.min(a, b);
}

/** What one step read: the records [from, from + count) and their bytes. */
export interface StepResult {
  from: number;
  count: number;
  bytes: number;
  throttled: number;
}

/**
 * Moves the cursor by `polls` GetRecords calls made over the `windowMs` ending
 * at `now`, taking at most `maxRecords` (the caller's room, e.g. a Lambda batch).
 * One poll uses the shard's token buckets call by call, exactly as GetRecords
 * does; several polls in one step (bulk mode) share the shard's budget for the
 * window with every other reader stepping at the same time.
 */
export function stepCursor(ctx: KinesisContext, s: StreamState, c: ShardCursor, now: number, windowMs: number, polls: number, pace: ReadPace, maxRecords = Infinity): StepResult {
  const shard = c.shard;
  const store = shard.store;
  ctx.cursorEpoch++;
  store.trimBefore(retentionCutoff(ctx, s));
  if (c.position < store.trimIndex) {
    // Retention took these before the reader got there: they are gone for good.
    c.counters.lostToRetention += store.trimIndex - c.position;
    c.position = store.trimIndex;
  }
  const from = c.position;
  const budget = c.carry + (pace.recordsPerSecond * windowMs) / 1000;
  const room = Math.min(maxRecords, polls * pace.limit, Math.floor(budget));
  let count = 0, bytes = 0, throttled = 0;
  if (polls === 1) {
    if (now < c.backoffUntil) {
      // Backing off after a throttle: no call is made, so none is refused.
    } else if (admitRead(now, shard)) {
      if (room > 0 && from < store.nextIndex) ({ count, bytes } = store.measure(from, room, GET_RECORDS_MAX_BYTES));
      chargeRead(shard, count, bytes);
      c.counters.polls++;
    } else {
      throttled = 1;
      c.backoffUntil = shard.readBlockedUntil;
    }
  } else if (polls > 1) {
    const w = readWindow(shard, now, windowMs);
    const share = fairShare(w);
    const admitted = Math.min(polls, Math.max(0, Math.floor(w.calls * share)));
    w.calls -= admitted;
    throttled = polls - admitted;
    const byteRoom = w.bytes * share;
    if (admitted > 0 && byteRoom > 0 && room > 0 && from < store.nextIndex) {
      ({ count, bytes } = store.measure(from, Math.min(room, admitted * pace.limit), Math.min(byteRoom, admitted * GET_RECORDS_MAX_BYTES)));
      w.bytes -= bytes;
    }
    shard.counters.readCalls += admitted;
    shard.counters.readRecords += count;
    shard.counters.readBytes += bytes;
    c.counters.polls += admitted;
  }
  if (throttled > 0) {
    shard.counters.readThrottledCalls += throttled;
    c.counters.throttled += throttled;
  }
  // Idle capacity does not bank: only the unused fraction of a processing-bound step carries.
  c.carry = count === Math.floor(budget) && Number.isFinite(budget) ? budget - count : 0;
  c.position = from + count;
  c.counters.records += count;
  c.counters.bytes += bytes;
  c.iteratorAgeMs = c.position < store.nextIndex ? Math.max(0, now - store.arrivalAt(c.position)) : 0;
  if (shard.closedAt !== undefined && c.position >= store.nextIndex) c.ended = true;
  return { from, count, bytes, throttled };
}

/**
 * The part of what is left in a window this reader may take: an equal share
 * among the readers that stepped in the previous window, and all that is left
 * for the last of them, so readers stepping together split the shard fairly.
 */
function fairShare(w: ReadWindow): number {
  w.readers++;
  const left = w.expectedReaders - w.readers + 1;
  return left > 1 ? 1 / left : 1;
}

/** Materialises records [from, from + count) of a shard in the GetRecords shape (only what is inspected). */
export function materialise(shard: ShardState, from: number, count: number, stream?: StreamState): KinesisRecord[] {
  const out: KinesisRecord[] = [];
  const store = shard.store;
  const end = Math.min(store.nextIndex, from + count);
  for (let i = Math.max(from, store.trimIndex); i < end; i++) {
    const r = store.read(i);
    out.push({ SequenceNumber: shardSequenceNumber(shard, i), ApproximateArrivalTimestamp: r.arrival, Data: r.data, PartitionKey: r.partitionKey, ...(stream !== undefined ? encryptionField(encryptionAt(stream, r.arrival)) : {}) });
  }
  return out;
}
