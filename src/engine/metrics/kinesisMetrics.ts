/**
 * Kinesis Data Streams metrics as CloudWatch names them (namespace AWS/Kinesis,
 * dimensions StreamName and ShardId [facts A10]), at 1-second resolution:
 * CloudWatch publishes per minute; the simulator keeps seconds so charts move
 * live, and sums them into minutes on request. Sampled at every traffic
 * heartbeat from the shards' running counters (differences since the last
 * second), plus the counts producers and consumers report that shard counters
 * cannot see (PutRecord.Success, iterator ages, SubscribeToShard.RateExceeded).
 * Memory is fixed: a stream keeps STREAM_SECONDS, a shard SHARD_SECONDS.
 */
import type { StreamState } from '../kinesis/streamModel';
import type { ShardState } from '../kinesis/shardModel';
import { SecondRing } from './secondRing';

/** Stream-level metrics (basic monitoring) and what each means. */
export const STREAM_METRICS = {
  IncomingBytes: 'Bytes put to the stream (data plus partition keys), all shards.',
  IncomingRecords: 'Records put to the stream, all shards.',
  'PutRecord.Success': 'Successful PutRecord calls (by simulated producers).',
  'PutRecords.ThrottledRecords': 'Records refused with ProvisionedThroughputExceededException in PutRecords calls.',
  WriteProvisionedThroughputExceeded: 'Records refused because a shard was past 1,000 records/s or 1 MiB/s.',
  ReadProvisionedThroughputExceeded: 'GetRecords calls refused because a shard was past 5 calls/s or 2 MiB/s.',
  'GetRecords.Bytes': 'Bytes returned by GetRecords, all shards.',
  'GetRecords.Records': 'Records returned by GetRecords, all shards.',
  'GetRecords.IteratorAgeMilliseconds': 'Age of the last record read, the largest across consumers and shards: how far behind readers are.',
  'SubscribeToShard.RateExceeded': 'SubscribeToShard calls refused (a consumer may subscribe to a shard once per 5 seconds).',
  'GetRecords.Success': 'GetRecords calls that succeeded (by simulated polling consumers, KCL applications and Lambda mappings).',
  'SubscribeToShard.Success': 'SubscribeToShard calls that succeeded (one per shard per enhanced fan-out consumer every 5 minutes).',
  'SubscribeToShardEvent.Success': 'Events pushed to enhanced fan-out consumers (one every 200 ms per subscription).',
  'SubscribeToShardEvent.Records': 'Records pushed to enhanced fan-out consumers.',
  'SubscribeToShardEvent.Bytes': 'Bytes pushed to enhanced fan-out consumers (2 MiB/s per consumer per shard at most).',
  'SubscribeToShardEvent.MillisBehindLatest': 'How far behind the tip of the stream enhanced fan-out events are, the largest across consumers and shards.',
} as const;
export type StreamMetricName = keyof typeof STREAM_METRICS;

/** Shard-level (enhanced) metrics [BC-K MetricsName]. */
export const SHARD_METRICS = {
  IncomingBytes: 'Bytes put to the shard.',
  IncomingRecords: 'Records put to the shard.',
  OutgoingBytes: 'Bytes read from the shard.',
  OutgoingRecords: 'Records read from the shard.',
  WriteProvisionedThroughputExceeded: 'Records refused by the shard write limits.',
  ReadProvisionedThroughputExceeded: 'GetRecords calls refused by the shard read limits.',
  IteratorAgeMilliseconds: 'Age of the last record read from the shard, the largest across consumers.',
} as const;
export type ShardMetricName = keyof typeof SHARD_METRICS;

const S_NAMES = Object.keys(STREAM_METRICS) as StreamMetricName[];
const H_NAMES = Object.keys(SHARD_METRICS) as ShardMetricName[];
const S = Object.fromEntries(S_NAMES.map((n, i) => [n, i])) as Record<StreamMetricName, number>;
const H = Object.fromEntries(H_NAMES.map((n, i) => [n, i])) as Record<ShardMetricName, number>;
/** Stream metrics that come from participants' reports, not from shard counters. */
const REPORTED = (
  ['PutRecord.Success', 'PutRecords.ThrottledRecords', 'GetRecords.Success', 'SubscribeToShard.Success', 'SubscribeToShard.RateExceeded', 'SubscribeToShardEvent.Success', 'SubscribeToShardEvent.Records', 'SubscribeToShardEvent.Bytes', 'SubscribeToShardEvent.MillisBehindLatest'] as StreamMetricName[]
).map((n) => S[n]);
/** Metrics whose seconds combine by their Maximum, not their Sum. */
const isMaxMetric = (m: string): boolean => m.includes('IteratorAge') || m.includes('MillisBehindLatest');

/** Seconds of history per stream (one hour, like the Firehose rings). */
export const STREAM_SECONDS = 3600;
/** Seconds of history per shard (ten minutes: 500 shards x 7 metrics stay under 17 MB). */
export const SHARD_SECONDS = 600;

/** Last sampled counter values per shard, to turn running totals into per-second values. */
const C_IN_REC = 0, C_IN_BYTES = 1, C_W_THR = 2, C_R_REC = 3, C_R_BYTES = 4, C_R_THR = 5, C_N = 6;

interface ShardSeries {
  ring: SecondRing;
  last: Float64Array;
  /** Largest iterator age reported this second (NaN: none). */
  age: number;
  /** The handle readers report this shard's iterator ages through. */
  handle: ShardAgeHandle;
}

/**
 * Where one reader reports its iterator age on one shard each second without a
 * lookup (a reader keeps it; `valid` turns false once the shard or its stream
 * is forgotten, and the reader asks for a new one).
 */
export class ShardAgeHandle {
  valid = true;
  constructor(
    private readonly sh: { age: number },
    private readonly st: { age: number },
  ) {}

  /** The second keeps the largest age, per shard and per stream (CloudWatch's Maximum). */
  report(ageMs: number): void {
    if (!(ageMs <= this.sh.age)) this.sh.age = ageMs;
    if (!(ageMs <= this.st.age)) this.st.age = ageMs;
  }
}

interface StreamSeries {
  ring: SecondRing;
  shards: Map<string, ShardSeries>;
  /** Series in s.shards order, valid while s.shards is the same array of the same length. */
  list: ShardSeries[];
  listFor?: ShardState[];
  listLen: number;
  /** Counts reported this second for metrics shard counters do not hold. */
  pending: Float64Array;
  age: number;
}

export class KinesisMetrics {
  private streams = new Map<string, StreamSeries>();

  private stream(name: string): StreamSeries {
    let st = this.streams.get(name);
    if (st === undefined) {
      st = { ring: new SecondRing(S_NAMES.length, STREAM_SECONDS), shards: new Map(), list: [], listLen: 0, pending: new Float64Array(S_NAMES.length), age: NaN };
      st.pending[S['SubscribeToShardEvent.MillisBehindLatest']] = NaN;
      this.streams.set(name, st);
    }
    return st;
  }

  /** Adds `n` to a stream metric for the current second (producers: PutRecord.Success; EFO: SubscribeToShard.RateExceeded). */
  count(stream: string, metric: StreamMetricName, n: number): void {
    this.stream(stream).pending[S[metric]] += n;
  }

  /** Reports a value of a stream metric whose second keeps the largest (SubscribeToShardEvent.MillisBehindLatest). */
  maximum(stream: string, metric: StreamMetricName, value: number): void {
    const p = this.stream(stream).pending, i = S[metric];
    if (Number.isNaN(p[i]) || value > p[i]) p[i] = value;
  }

  /** Reports a reader's iterator age on a shard; the second keeps the largest (CloudWatch's Maximum). */
  reportIteratorAge(stream: string, shardId: string, ageMs: number): void {
    this.ageHandle(stream, shardId).report(ageMs);
  }

  /** The handle for reporting iterator ages on a shard every second (readers keep it while `valid`). */
  ageHandle(stream: string, shardId: string): ShardAgeHandle {
    const st = this.stream(stream);
    return (st.shards.get(shardId) ?? this.addShard(st, shardId)).handle;
  }

  /** Samples every shard of `s` for the second ending at `now` (the heartbeat's sample phase). */
  sample(s: StreamState, now: number): void {
    const st = this.stream(s.name);
    const sec = Math.floor(now / 1000) - 1; // the second that just ended
    const slot = st.ring.begin(sec);
    let inRec = 0, inBytes = 0, wThr = 0, rRec = 0, rBytes = 0, rThr = 0;
    if (st.listFor !== s.shards || st.listLen !== s.shards.length) {
      st.list = s.shards.map((shard) => st.shards.get(shard.shardId) ?? this.addShard(st, shard.shardId));
      st.listFor = s.shards;
      st.listLen = s.shards.length;
      if (st.shards.size > s.shards.length) this.dropExpired(st, s);
    }
    const shards = s.shards, list = st.list;
    for (let i = 0; i < shards.length; i++) {
      const sh = list[i];
      const c = shards[i].counters, last = sh.last, ring = sh.ring;
      // Every shard ring has the same capacity: the usual next second needs no begin() call.
      let hs: number;
      if (ring.lastSecond === sec - 1) {
        ring.lastSecond = sec;
        if (sec - ring.firstSecond >= ring.capacity) ring.firstSecond = sec - ring.capacity + 1;
        hs = sec % ring.capacity;
      } else hs = ring.begin(sec);
      const d0 = c.incomingRecords - last[C_IN_REC], d1 = c.incomingBytes - last[C_IN_BYTES], d2 = c.writeThrottledRecords - last[C_W_THR];
      const d3 = c.readRecords - last[C_R_REC], d4 = c.readBytes - last[C_R_BYTES], d5 = c.readThrottledCalls - last[C_R_THR];
      last[C_IN_REC] = c.incomingRecords;
      last[C_IN_BYTES] = c.incomingBytes;
      last[C_W_THR] = c.writeThrottledRecords;
      last[C_R_REC] = c.readRecords;
      last[C_R_BYTES] = c.readBytes;
      last[C_R_THR] = c.readThrottledCalls;
      const cap = ring.capacity, v = ring.values;
      v[H.IncomingRecords * cap + hs] = d0;
      v[H.IncomingBytes * cap + hs] = d1;
      v[H.WriteProvisionedThroughputExceeded * cap + hs] = d2;
      v[H.OutgoingRecords * cap + hs] = d3;
      v[H.OutgoingBytes * cap + hs] = d4;
      v[H.ReadProvisionedThroughputExceeded * cap + hs] = d5;
      v[H.IteratorAgeMilliseconds * cap + hs] = sh.age;
      sh.age = NaN;
      inRec += d0; inBytes += d1; wThr += d2; rRec += d3; rBytes += d4; rThr += d5;
    }
    const r = st.ring, p = st.pending;
    r.set(S.IncomingRecords, slot, inRec);
    r.set(S.IncomingBytes, slot, inBytes);
    r.set(S.WriteProvisionedThroughputExceeded, slot, wThr);
    r.set(S['GetRecords.Records'], slot, rRec);
    r.set(S['GetRecords.Bytes'], slot, rBytes);
    r.set(S.ReadProvisionedThroughputExceeded, slot, rThr);
    r.set(S['GetRecords.IteratorAgeMilliseconds'], slot, st.age);
    for (const i of REPORTED) r.set(i, slot, p[i]);
    p.fill(0);
    p[S['SubscribeToShardEvent.MillisBehindLatest']] = NaN;
    st.age = NaN;
  }

  private addShard(st: StreamSeries, shardId: string): ShardSeries {
    // From zero: sampling starts with the first heartbeat after a stream is ACTIVE, so whatever a
    // shard took before its first sample falls into that first second.
    const sh = { ring: new SecondRing(H_NAMES.length, SHARD_SECONDS), last: new Float64Array(C_N), age: NaN } as ShardSeries;
    sh.handle = new ShardAgeHandle(sh, st);
    st.shards.set(shardId, sh);
    return sh;
  }

  /** Forgets shards that have expired (closed and past retention). */
  private dropExpired(st: StreamSeries, s: StreamState): void {
    for (const [id, sh] of [...st.shards]) {
      if (s.byId.has(id)) continue;
      sh.handle.valid = false;
      st.shards.delete(id);
    }
  }

  /** Forgets a deleted stream. */
  forget(stream: string): void {
    for (const sh of this.streams.get(stream)?.shards.values() ?? []) sh.handle.valid = false;
    this.streams.delete(stream);
  }

  /**
   * One value per period over [from, to) (epoch ms) for a stream metric, or a
   * shard metric when `shardId` is given. periodMs 1000 gives seconds; a
   * multiple of 1000 sums (or, for iterator ages, takes the maximum of) the seconds.
   */
  series(q: { stream: string; metric: StreamMetricName | ShardMetricName; shardId?: string; from: number; to: number; periodMs?: number }): { start: number; periodMs: number; values: Float64Array } {
    const period = Math.max(1000, Math.floor((q.periodMs ?? 1000) / 1000) * 1000);
    const per = period / 1000;
    const fromSec = Math.floor(q.from / period) * per;
    const n = Math.max(0, Math.ceil(q.to / period) - fromSec / per);
    const out = new Float64Array(n).fill(NaN);
    const st = this.streams.get(q.stream);
    let ring: SecondRing | undefined;
    let idx = -1;
    if (q.shardId !== undefined) {
      ring = st?.shards.get(q.shardId)?.ring;
      idx = H[q.metric as ShardMetricName] ?? -1;
    } else {
      ring = st?.ring;
      idx = S[q.metric as StreamMetricName] ?? -1;
    }
    if (ring === undefined || idx < 0) return { start: fromSec * 1000, periodMs: period, values: out };
    const isMax = isMaxMetric(q.metric);
    for (let i = 0; i < n; i++) {
      let acc = NaN;
      for (let k = 0; k < per; k++) {
        const v = ring.at(idx, fromSec + i * per + k);
        if (Number.isNaN(v)) continue;
        acc = Number.isNaN(acc) ? v : isMax ? Math.max(acc, v) : acc + v;
      }
      out[i] = acc;
    }
    return { start: fromSec * 1000, periodMs: period, values: out };
  }

  /**
   * Bulk read for charts: writes shard metric `metric` of `shardIds` for the
   * `n` seconds from `fromSec` (epoch s) into `out`, row-major from row
   * `rowOffset` (row r, column i at (rowOffset + r) * n + i). Seconds without
   * data are left as they are (0 in a fresh array). One pass over the rings,
   * no per-call allocation: 500 shards x 120 s in about a millisecond.
   */
  shardMatrix(stream: string, shardIds: readonly string[], metric: ShardMetricName, fromSec: number, n: number, out: Float32Array, rowOffset = 0): void {
    const st = this.streams.get(stream);
    const idx = H[metric];
    if (st === undefined || idx === undefined) return;
    for (let r = 0; r < shardIds.length; r++) {
      const ring = st.shards.get(shardIds[r])?.ring;
      if (ring === undefined) continue;
      const cap = ring.capacity, v = ring.values, base = idx * cap, o = (rowOffset + r) * n;
      const lo = Math.max(fromSec, ring.firstSecond), hi = Math.min(fromSec + n - 1, ring.lastSecond);
      for (let sec = lo; sec <= hi; sec++) {
        const x = v[base + (sec % cap)];
        if (x === x) out[o + sec - fromSec] = x;
      }
    }
  }

  /** The sum (or maximum, for ages) of a metric's seconds in [from, to); 0 when no data. */
  total(q: { stream: string; metric: StreamMetricName | ShardMetricName; shardId?: string; from: number; to: number }): number {
    const v = this.series({ ...q, from: Math.floor(q.from / 1000) * 1000, periodMs: 1000 }).values;
    const isMax = isMaxMetric(q.metric);
    let t = 0;
    for (const x of v) if (!Number.isNaN(x)) t = isMax ? Math.max(t, x) : t + x;
    return t;
  }

  /** Heap bytes held (for the memory figures). */
  heapBytes(): number {
    let n = 0;
    for (const st of this.streams.values()) {
      n += st.ring.values.byteLength;
      for (const sh of st.shards.values()) n += sh.ring.values.byteLength + 64;
    }
    return n;
  }
}
