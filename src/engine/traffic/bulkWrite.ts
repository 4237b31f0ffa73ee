/**
 * The bulk write path: once per tick, every bulk producer of a stream writes
 * its records to the open shards as counts. Per shard: demand = the
 * producer's share of its rate (a fixed pattern, so a steady rate gives the
 * same counts tick after tick) plus throttled records being retried; the
 * shard's WriteLimiter admits what its 1,000 records/s and 1 MiB/s allow
 * [KDS quotas]; the rest is ProvisionedThroughputExceeded, retried next tick
 * up to the producer's retry limit, then dropped. Accepted records extend the
 * shard's tail SegmentBlock in place, or start a new one. Shard counters
 * (IncomingRecords/Bytes, writeThrottledRecords) are updated exactly.
 */
import type { KinesisContext } from '../kinesis/context';
import type { StreamState } from '../kinesis/streamModel';
import type { ShardState } from '../kinesis/shardModel';
import { APPEND_GREW, APPEND_NEW_RUN, APPEND_REJECTED, SegmentBlock, type SegmentRecipe } from '../kinesis/segmentBlock';
import type { BulkSource } from './bulkSource';

// Local copies: imported bindings cost a getter call per use in some module loaders, and this loop runs per shard per second.
const GREW = APPEND_GREW, NEW_RUN = APPEND_NEW_RUN, REJECTED = APPEND_REJECTED;
const Segment = SegmentBlock;

/** Per-shard totals of one tick (for throttle events and metrics). */
export interface BulkTickResult {
  accepted: number;
  throttled: number;
}

/**
 * Writes one tick of every source (already prepared for this tick) to the
 * stream's open shards. `tickMs` is the tick length the arrivals spread over.
 */
export function writeBulkTick(ctx: KinesisContext, s: StreamState, sources: readonly BulkSource[], now: number, tickMs: number, laneCache: LaneCache): BulkTickResult {
  if (sources.length === 1) return writeSingleSource(ctx, s, sources[0], now, tickMs, laneCache);
  const open = s.open;
  const nSrc = sources.length;
  const counts = laneCache.counts(nSrc);
  const rates = laneCache.rates(nSrc);
  const phis = laneCache.phis(nSrc);
  const demands = laneCache.demands(nSrc);
  let accepted = 0;
  let throttledAll = 0;
  for (let p = 0; p < open.length; p++) {
    const shard = open[p];
    let total = 0;
    for (let j = 0; j < nSrc; j++) {
      const src = sources[j];
      // The pattern: floor(phi + (k+1)r) - floor(phi + kr) records this tick (BulkSource.demand, inlined).
      const r = src.rate[p], at = src.phi0[p] + src.k[p] * r;
      const fl = Math.floor(at);
      const d = Math.floor(src.phi0[p] + (src.k[p] + 1) * r) - fl;
      rates[j] = r;
      phis[j] = at - fl;
      const mr = src.maxRetries;
      let retry = 0;
      for (let a = 0; a < mr; a++) retry += src.backlog[p * mr + a];
      demands[j] = d + retry;
      counts[j] = d; // the pattern's share, before throttling
      total += d + retry;
    }
    if (total === 0 && shardTailIsCurrent(shard, now, tickMs) === false) {
      // Nothing to write and no segment to keep contiguous: leave the shard alone.
      for (let j = 0; j < nSrc; j++) sources[j].advance(p);
      continue;
    }
    const lanes = laneCache.lanes(p, sources);
    admit(shard, now, sources, p, demands, counts);
    let shardAccepted = 0;
    let shardBytes = 0;
    for (let j = 0; j < nSrc; j++) {
      shardAccepted += counts[j];
      shardBytes += counts[j] * lanes[j].recordBytes;
    }
    const throttled = total - shardAccepted;
    const c = shard.counters;
    c.incomingRecords += shardAccepted;
    c.incomingBytes += shardBytes;
    c.writeThrottledRecords += throttled;
    accepted += shardAccepted;
    throttledAll += throttled;
    // One event when a shard starts throttling, not one per tick: the counts are in the metrics.
    const was = laneCache.throttledBefore(p, throttled > 0);
    if (throttled > 0 && !was) ctx.core.events.emit({ type: 'throttled', time: now, stream: s.name, shardId: shard.shardId, direction: 'write', records: throttled });

    // Append to the tail segment, or start one.
    const store = shard.store;
    const tail = store.blocks[store.blocks.length - 1];
    let res = REJECTED;
    if (tail instanceof Segment && tail.firstIndex + tail.count === store.nextIndex) res = tail.appendTick(now, lanes, counts, rates, phis);
    if (res === REJECTED) {
      if (shardAccepted === 0) {
        for (let j = 0; j < nSrc; j++) sources[j].advance(p, phis[j]);
        continue;
      }
      const floor = store.nextIndex > store.trimIndex ? store.arrivalAt(store.nextIndex - 1) : -Infinity;
      const seg = new Segment(store.nextIndex, lanes, tickMs, floor);
      seg.appendTick(now, lanes, counts, rates, phis);
      store.appendBlock(seg, ctx.core.materialisers);
      res = NEW_RUN;
    } else store.syncTail();
    for (let j = 0; j < nSrc; j++) sources[j].advance(p, res === GREW ? undefined : phis[j]);
  }
  return { accepted, throttled: throttledAll };
}

/**
 * writeBulkTick for the usual case of one bulk producer on a stream: the same
 * arithmetic without the per-source loops, the producer's counts summed in
 * locals and added once per tick (this loop runs per shard per second).
 */
function writeSingleSource(ctx: KinesisContext, s: StreamState, src: BulkSource, now: number, tickMs: number, laneCache: LaneCache): BulkTickResult {
  const open = s.open;
  const counts = laneCache.counts(1), rates = laneCache.rates(1), phis = laneCache.phis(1);
  const sources = [src];
  const rate = src.rate, phi0 = src.phi0, kk = src.k, backlog = src.backlog, agg = src.agg, sizes = src.sizes;
  const mr = src.maxRetries;
  // The steady path's state: the segment each shard grew last tick, and whether it throttled.
  const segs = laneCache.segments(open.length), thr = laneCache.throttleFlags(open.length);
  let accepted = 0, throttledAll = 0;
  // The producer's counts, summed over shards (see settle()).
  let attemptsAll = 0, sent = 0, kRecs = 0, bytesAll = 0, thrUser = 0, retriedUser = 0, droppedUser = 0;
  for (let p = 0; p < open.length; p++) {
    const shard = open[p];
    const r = rate[p], ph = phi0[p], k = kk[p];
    const at = ph + k * r;
    const fl = Math.floor(at);
    const d = Math.floor(ph + (k + 1) * r) - fl;
    const base = p * mr;
    let retry = 0;
    for (let a = 0; a < mr; a++) retry += backlog[base + a];
    const total = d + retry;
    const phi = at - fl;
    if (total === 0 && shardTailIsCurrent(shard, now, tickMs) === false) {
      kk[p] = k + 1;
      continue;
    }
    const size = sizes[p];
    const got = shard.write.takeBulk(now, total, size);
    // settle(): retries first, oldest (most attempts) first, then the new records.
    let left = got, dropped = 0;
    if (retry > 0) {
      for (let a = mr - 1; a >= 0; a--) {
        const waiting = backlog[base + a];
        backlog[base + a] = 0;
        if (waiting === 0) continue;
        const ok = Math.min(left, waiting);
        left -= ok;
        const failed = waiting - ok;
        if (a + 1 >= mr) dropped += failed;
        else backlog[base + a + 1] = failed;
      }
    }
    const freshFailed = d - Math.min(left, d);
    if (mr === 0) dropped += freshFailed;
    else backlog[base] = freshFailed;
    const m = agg[p];
    attemptsAll += total;
    sent += got * m;
    kRecs += got;
    bytesAll += got * size;
    thrUser += (total - got) * m;
    retriedUser += retry * m;
    droppedUser += dropped * m;

    const throttled = total - got;
    const c = shard.counters;
    c.incomingRecords += got;
    c.incomingBytes += got * size;
    c.writeThrottledRecords += throttled;
    accepted += got;
    throttledAll += throttled;
    const was = thr[p] === 1;
    thr[p] = throttled > 0 ? 1 : 0;
    if (throttled > 0 && !was) ctx.core.events.emit({ type: 'throttled', time: now, stream: s.name, shardId: shard.shardId, direction: 'write', records: throttled });

    const store = shard.store;
    // Steady path: the segment this shard grew last tick is still the tail and the tick follows its
    // run (SegmentBlock.growTick makes appendTick's checks); the same result as appendTick's GREW.
    // (Nothing else appended if nextIndex is still the segment's end; retention never drops a block written a tick ago.)
    const seg = segs[p];
    if (seg !== undefined && seg.firstIndex + seg.count === store.nextIndex && seg.growTick(now, got)) {
      store.nextIndex = seg.firstIndex + seg.count; // store.syncTail(), the tail being seg
      kk[p] = k + 1;
      continue;
    }
    const tail = store.blocks[store.blocks.length - 1];
    const lanes = laneCache.lanes(p, sources);
    counts[0] = got;
    rates[0] = r;
    phis[0] = phi;
    let res = REJECTED;
    if (tail instanceof Segment && tail.firstIndex + tail.count === store.nextIndex) res = tail.appendTick(now, lanes, counts, rates, phis);
    if (res === REJECTED) {
      if (got === 0) {
        phi0[p] = phi;
        kk[p] = 1;
        segs[p] = undefined;
        continue;
      }
      const floor = store.nextIndex > store.trimIndex ? store.arrivalAt(store.nextIndex - 1) : -Infinity;
      const fresh = new Segment(store.nextIndex, lanes, tickMs, floor);
      fresh.appendTick(now, lanes, counts, rates, phis);
      store.appendBlock(fresh, ctx.core.materialisers);
      segs[p] = fresh;
      res = NEW_RUN;
    } else {
      store.syncTail();
      segs[p] = tail as SegmentBlock; // appendTick took the tick: its lanes are this shard's
    }
    if (res === GREW) kk[p] = k + 1;
    else {
      phi0[p] = phi;
      kk[p] = 1;
    }
  }
  src.tickAttempts += attemptsAll;
  const cnt = src.owner.counts;
  if (src.owner.callPerRecord) cnt.calls += attemptsAll;
  cnt.sent += sent;
  cnt.kinesisRecords += kRecs;
  cnt.bytes += bytesAll;
  cnt.throttled += thrUser;
  cnt.retried += retriedUser;
  cnt.dropped += droppedUser;
  return { accepted, throttled: throttledAll };
}

/** True when the shard's last block is a segment whose last tick was the previous one. */
function shardTailIsCurrent(shard: ShardState, now: number, tickMs: number): boolean {
  const b = shard.store.blocks[shard.store.blocks.length - 1];
  return b instanceof Segment && b.lastTickTime >= now - tickMs;
}

/**
 * Applies the shard's write limits to every source's demand and settles each
 * source's backlog; leaves in `counts[j]` the Kinesis records source j got in.
 * Retries go first (oldest first, as the KPL does), then the new records.
 * Several sources share the buckets in proportion to their demand.
 */
function admit(shard: ShardState, now: number, sources: readonly BulkSource[], p: number, demands: Float64Array, counts: Float64Array): void {
  const n = sources.length;
  const w = shard.write;
  if (n === 1) {
    const src = sources[0];
    const got = w.takeBulk(now, demands[0], src.recipes[p].recordBytes);
    settle(src, p, counts[0], got);
    counts[0] = got;
    return;
  }
  w.refill(now);
  let total = 0;
  for (let j = 0; j < n; j++) total += demands[j];
  const recLevel = Math.max(0, w.recordLevel), byteLevel = Math.max(0, w.byteLevel);
  for (let j = 0; j < n; j++) {
    const src = sources[j];
    const size = src.recipes[p].recordBytes;
    const f = total > 0 ? demands[j] / total : 0;
    const got = Math.max(0, Math.min(demands[j], Math.floor(recLevel * f), Math.floor((byteLevel * f) / size)));
    w.recordLevel -= got;
    w.byteLevel -= got * size;
    settle(src, p, counts[j], got);
    counts[j] = got;
  }
}

/** Moves throttled records along the retry backlog and counts the producer's user records. */
function settle(src: BulkSource, p: number, fresh: number, got: number): void {
  const o = src.owner;
  const mr = src.maxRetries;
  const m = src.agg[p];
  const cnt = o.counts;
  let left = got;
  // Retries first, oldest (most attempts) first.
  let retried = 0;
  let dropped = 0;
  const b = src.backlog;
  const base = p * mr;
  // From the most attempts down, so b[a + 1] is read before it is overwritten.
  for (let a = mr - 1; a >= 0; a--) {
    const waiting = b[base + a];
    b[base + a] = 0;
    if (waiting === 0) continue;
    retried += waiting;
    const ok = Math.min(left, waiting);
    left -= ok;
    const failed = waiting - ok;
    if (a + 1 >= mr) dropped += failed;
    else b[base + a + 1] = failed;
  }
  const freshOk = Math.min(left, fresh);
  const freshFailed = fresh - freshOk;
  if (mr === 0) dropped += freshFailed;
  else b[base] = freshFailed;
  const attempts = retried + fresh;
  src.tickAttempts += attempts;
  if (o.callPerRecord) cnt.calls += attempts;
  cnt.sent += got * m;
  cnt.kinesisRecords += got;
  cnt.bytes += got * src.recipes[p].recordBytes;
  cnt.throttled += (attempts - got) * m;
  cnt.retried += retried * m;
  cnt.dropped += dropped * m;
}

/** Reused scratch arrays and the lanes array per shard (identity matters to segments). */
export class LaneCache {
  private c = new Float64Array(0);
  private r = new Float64Array(0);
  private ph = new Float64Array(0);
  private d = new Float64Array(0);
  private perShard: SegmentRecipe[][] = [];

  counts(n: number): Float64Array {
    if (this.c.length < n) this.c = new Float64Array(n);
    return this.c;
  }
  rates(n: number): Float64Array {
    if (this.r.length < n) this.r = new Float64Array(n);
    return this.r;
  }
  phis(n: number): Float64Array {
    if (this.ph.length < n) this.ph = new Float64Array(n);
    return this.ph;
  }
  demands(n: number): Float64Array {
    if (this.d.length < n) this.d = new Float64Array(n);
    return this.d;
  }
  private throttled = new Uint8Array(0);
  /** Whether shard position p throttled on the previous tick; records whether it does now. */
  throttledBefore(p: number, now: boolean): boolean {
    const t = this.throttleFlags(p + 1);
    const was = t[p] === 1;
    t[p] = now ? 1 : 0;
    return was;
  }
  /** The throttled-last-tick flag per shard position, at least `n` long. */
  throttleFlags(n: number): Uint8Array {
    if (n > this.throttled.length) {
      const t = new Uint8Array(Math.max(16, n * 2));
      t.set(this.throttled);
      this.throttled = t;
    }
    return this.throttled;
  }
  private segs: (SegmentBlock | undefined)[] = [];
  /** Per shard position: the segment the single-source path appended to last (cleared with the lanes). */
  segments(n: number): (SegmentBlock | undefined)[] {
    while (this.segs.length < n) this.segs.push(undefined);
    return this.segs;
  }
  /** Forgets the lanes (call when a source's recipes or the source list changed). */
  invalidate(): void {
    this.perShard = [];
    this.throttled = new Uint8Array(0);
    this.segs = [];
  }
  /** The lanes array of shard position p: same array object while nothing changed, so segments keep growing. */
  lanes(p: number, sources: readonly BulkSource[]): SegmentRecipe[] {
    let l = this.perShard[p];
    if (l === undefined) {
      l = sources.map((s) => s.recipes[p]);
      this.perShard[p] = l;
    }
    return l;
  }
}
