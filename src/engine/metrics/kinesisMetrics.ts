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
  'PutRecord.Success': 'Successful PutRecord calls (every caller: API, console, simulated producers).',
  'PutRecords.ThrottledRecords': 'Records refused with ProvisionedThroughputExceededException in PutRecords calls.',
  WriteProvisionedThroughputExceeded: 'Records refused because a shard was past 1,000 records/s or 1 MiB/s.',
  ReadProvisionedThroughputExceeded: 'GetRecords calls refused because a shard was past 5 calls/s or 2 MiB/s.',
  'GetRecords.Bytes': 'Bytes returned by GetRecords, all shards.',
  'GetRecords.Records': 'Records returned by GetRecords, all shards.',
  'GetRecords.IteratorAgeMilliseconds': 'Age of the last record read, the largest across consumers and shards: how far behind readers are.',
  'SubscribeToShard.RateExceeded': 'SubscribeToShard calls refused (a consumer may subscribe to a shard once per 5 seconds).',
  'GetRecords.Success': 'GetRecords calls that succeeded (API calls, simulated polling consumers, KCL applications and Lambda mappings).',
  'SubscribeToShard.Success': 'SubscribeToShard calls that succeeded (one per shard per enhanced fan-out consumer every 5 minutes).',
  'SubscribeToShardEvent.Success': 'Events pushed to enhanced fan-out consumers (one every 200 ms per subscription).',
  'SubscribeToShardEvent.Records': 'Records pushed to enhanced fan-out consumers.',
  'SubscribeToShardEvent.Bytes': 'Bytes pushed to enhanced fan-out consumers (2 MiB/s per consumer per shard at most).',
  'SubscribeToShardEvent.MillisBehindLatest': 'How far behind the tip of the stream enhanced fan-out events are, the largest across consumers and shards.',
} as const;
export type StreamMetricName = keyof typeof STREAM_METRICS;

/** Shard-level (enhanced) metrics [BC-K MetricsName]: published only while EnableEnhancedMonitoring enables them. */
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
const H_N = H_NAMES.length;
const H_IN_REC = H.IncomingRecords, H_IN_BYTES = H.IncomingBytes, H_W_THR = H.WriteProvisionedThroughputExceeded;
const H_R_REC = H.OutgoingRecords, H_R_BYTES = H.OutgoingBytes, H_R_THR = H.ReadProvisionedThroughputExceeded, H_AGE = H.IteratorAgeMilliseconds;

/**
 * Where one reader reports its iterator age on one shard each second without a
 * lookup (a reader keeps it; `valid` turns false once the shard or its stream
 * is forgotten, and the reader asks for a new one).
 */
export class ShardAgeHandle {
  valid = true;
  constructor(
    private readonly st: StreamSeries,
    /** The shard's column in its stream's arrays. */
    readonly column: number,
  ) {}

  /** The second keeps the largest age, per shard and per stream (CloudWatch's Maximum). */
  report(ageMs: number): void {
    const a = this.st.age;
    if (!(ageMs <= a[this.column])) a[this.column] = ageMs;
    if (!(ageMs <= this.st.streamAge)) this.st.streamAge = ageMs;
  }
}

/**
 * A stream's per-shard iterator ages of the current second, by column, for
 * readers that report many shards at once (AgeBoard.reportMany): a column
 * stays the shard's while `layout` is unchanged.
 */
export class AgeBoard {
  constructor(private readonly st: StreamSeries) {}

  /** Changes when a column is freed (an expired shard) or the stream is forgotten: columns resolved before are stale. */
  get layout(): number {
    return this.st.forgotten ? -1 : this.st.layout;
  }

  /** The shard's column (allocated on first use). */
  column(shardId: string): number {
    return this.st.owner.handleOf(this.st, shardId).column;
  }

  /** Reports `ages[i]` on column `cols[i]` for i < n, and `maxAge` (their largest) on the stream. */
  reportMany(cols: Int32Array, ages: Float64Array, n: number, maxAge: number): void {
    const a = this.st.age;
    for (let i = 0; i < n; i++) {
      const v = ages[i], c = cols[i];
      if (!(v <= a[c])) a[c] = v;
    }
    if (!(maxAge <= this.st.streamAge)) this.st.streamAge = maxAge;
  }
}

/**
 * One stream's metrics. Shard series live in typed-array columns: a column per
 * shard, and one block per second holding every column's metrics side by side
 * (vals[((slot * cap) + column) * H_N + metric]), so sampling 500 shards writes
 * one contiguous stretch a second with no per-shard object or lookup.
 */
interface StreamSeries {
  readonly owner: KinesisMetrics;
  ring: SecondRing;
  /** shardId -> column, and back (undefined: a free column). */
  cols: Map<string, number>;
  ids: (string | undefined)[];
  handles: (ShardAgeHandle | undefined)[];
  /** Columns allocated. */
  cap: number;
  vals: Float64Array;
  /** The first second each column holds (Infinity: not sampled yet). */
  first: Float64Array;
  /** Counter values at the last sample, C_N per column. */
  last: Float64Array;
  /** Largest iterator age reported this second per column (NaN: none). */
  age: Float64Array;
  /** Last second sampled (epoch s), or -Infinity. */
  lastSecond: number;
  /** Column of each of s.shards, valid while s.shards is the same array of the same length. */
  order: Int32Array;
  orderFor?: ShardState[];
  orderLen: number;
  /** True when `order` may hold columns never sampled (their first second is set at the next sample). */
  unsampled: boolean;
  /** Goes up when a column is freed (AgeBoard users re-resolve). */
  layout: number;
  forgotten: boolean;
  board?: AgeBoard;
  /** Counts reported this second for metrics shard counters do not hold. */
  pending: Float64Array;
  /** The stream's API counters at the last sample (PutRecord.Success, PutRecords.ThrottledRecords, GetRecords.Success). */
  lastApi: Float64Array;
  /** True once count() or maximum() reported into `pending` this second. */
  reported: boolean;
  /** The stream's shardLevelMetrics when last written (a new array each change), so idle rows follow the same setting. */
  monitored: readonly string[];
  streamAge: number;
  /**
   * Idle seconds sampled but not yet written (first and last, epoch s), or
   * undefined: a second with no traffic, no report and no age is all zeros
   * (ages NaN), so it is written only when the next busy second or a read comes.
   */
  idleFrom?: number;
  idleTo?: number;
  /**
   * Shard slots (by second % SHARD_SECONDS) holding the idle row in every column
   * of `idleOrder` for the enhanced monitoring `idleMonitored` (1), so writing a
   * long idle stretch again costs a write only where a busy second was.
   */
  idleSlots: Uint8Array;
  idleOrder?: Int32Array;
  idleMonitored?: readonly string[];
}

/** Which shard metrics (by column index) the stream's enhanced monitoring publishes. */
function enabledShardMetrics(names: readonly string[]): boolean[] {
  return H_NAMES.map((n) => names.includes(n));
}
/** The stream ring's row for an idle second: zero counts, no iterator age or MillisBehindLatest (CloudWatch shows no point). */
const IDLE_STREAM_ROW = new Float64Array(S_NAMES.length);
IDLE_STREAM_ROW[S['GetRecords.IteratorAgeMilliseconds']] = NaN;
IDLE_STREAM_ROW[S['SubscribeToShardEvent.MillisBehindLatest']] = NaN;

/** movedInQuiet's answer when no stream moved (never stored). */
const NONE_MOVED: Array<[number, StreamState]> = [];

const PER_COLUMN_BYTES = H_N * SHARD_SECONDS * 8 + (C_N + 2) * 8;

/** A shard's IncomingRecords, IncomingBytes and WriteProvisionedThroughputExceeded summed over `held` seconds. */
export interface ShardWindow {
  held: number;
  records: number;
  bytes: number;
  throttled: number;
}

/** Per-stream and per-shard AWS/Kinesis series in fixed-size rings, fed by sample() and participants' reports. */
export class KinesisMetrics {
  /** lastActivity follows the core's activity count, which is not state (SimCore.checkpointSkip): a restored world starts it afresh. */
  static readonly checkpointSkip = ['lastActivity'];
  private streams = new Map<string, StreamSeries>();
  /** The streams the last visit sampled (undefined on the reference path), and the seconds since then that were idle for all without a visit (quietFrom..quietTo, none when quietFrom > quietTo). */
  private quietSeries: StreamSeries[] | undefined;
  private quietFrom = 0;
  private quietTo = -1;
  /** The streams sampleAll visited last, in order, and their series (a lookup saved per stream and second). */
  private visitStates: StreamState[] = [];
  private visitSeries: StreamSeries[] = [];
  /** The core's activity at the last sampleAll. */
  private lastActivity = -Infinity;
  /** The reference path: visit every stream every second and write each one's idle seconds (no quiet run); tests check both give the same series. */
  visitEverySecond = false;

  private stream(name: string): StreamSeries {
    let st = this.streams.get(name);
    if (st === undefined) {
      st = {
        owner: this, ring: new SecondRing(S_NAMES.length, STREAM_SECONDS), cols: new Map(), ids: [], handles: [], cap: 0,
        vals: new Float64Array(0), first: new Float64Array(0), last: new Float64Array(0), age: new Float64Array(0), lastSecond: -Infinity,
        order: new Int32Array(0), orderLen: 0, unsampled: false, layout: 0, forgotten: false, pending: new Float64Array(S_NAMES.length), lastApi: new Float64Array(3), reported: false, monitored: [], streamAge: NaN,
        idleSlots: new Uint8Array(SHARD_SECONDS),
      };
      st.pending[S['SubscribeToShardEvent.MillisBehindLatest']] = NaN;
      this.streams.set(name, st);
    }
    return st;
  }

  /** Adds `n` to a stream metric for the current second (producers: PutRecord.Success; EFO: SubscribeToShard.RateExceeded). */
  count(stream: string, metric: StreamMetricName, n: number): void {
    const st = this.stream(stream);
    st.pending[S[metric]] += n;
    st.reported = true;
  }

  /** Reports a value of a stream metric whose second keeps the largest (SubscribeToShardEvent.MillisBehindLatest). */
  maximum(stream: string, metric: StreamMetricName, value: number): void {
    const st = this.stream(stream), p = st.pending, i = S[metric];
    if (Number.isNaN(p[i]) || value > p[i]) p[i] = value;
    st.reported = true;
  }

  /** Reports a reader's iterator age on a shard; the second keeps the largest (CloudWatch's Maximum). */
  reportIteratorAge(stream: string, shardId: string, ageMs: number): void {
    this.ageHandle(stream, shardId).report(ageMs);
  }

  /** The handle for reporting iterator ages on a shard every second (readers keep it while `valid`). */
  ageHandle(stream: string, shardId: string): ShardAgeHandle {
    return this.handleOf(this.stream(stream), shardId);
  }

  /** The stream's age board (readers reporting every shard each second keep it while its layout holds). */
  ageBoard(stream: string): AgeBoard {
    const st = this.stream(stream);
    return (st.board ??= new AgeBoard(st));
  }

  /** @internal The shard's handle, allocating its column on first use. */
  handleOf(st: StreamSeries, shardId: string): ShardAgeHandle {
    const col = st.cols.get(shardId) ?? this.addShard(st, shardId);
    return st.handles[col]!;
  }

  /**
   * Samples every stream for the second ending at `now` (the heartbeat's sample
   * phase), skipping the streams that are not sampled (deleted, or still
   * CREATING). `activity` is the core's count of what may have changed the
   * world (SimCore.activity) and `alone` says this heartbeat does nothing else
   * (no participant, no other per-second hook). After a sample every stream
   * matches its counters; when nothing but this heartbeat ran since, no
   * counter, report or shard list can have changed, so every stream is idle:
   * the second only extends the quiet run (no visit), which folds into each
   * stream's idle seconds at the next visit or read, as visiting them would have.
   */
  sampleAll(streams: ReadonlyMap<string, StreamState>, now: number, activity: number, alone: boolean): void {
    const sec = Math.floor(now / 1000) - 1;
    const untouched = alone && activity === this.lastActivity + 1;
    this.lastActivity = activity;
    if (this.quietSeries !== undefined && sec === this.quietTo + 1) {
      if (untouched) {
        this.quietTo = sec;
        return;
      }
      // A visit that finds the quiet run's streams all idle extends the run as a skip does, so the state
      // is the same whichever the heartbeat did (a restored world visits where a replayed one skips).
      const moved = this.movedInQuiet(streams);
      if (moved !== undefined) {
        if (moved.length > 0) this.sampleMoved(moved, sec, now);
        else this.quietTo = sec;
        return;
      }
    }
    this.foldQuiet();
    this.quietSeries = undefined;
    const visited: StreamSeries[] = [];
    let i = 0;
    const states = this.visitStates, series = this.visitSeries;
    for (const s of streams.values()) {
      if (s.deleted || s.status === 'CREATING') continue;
      // The streams come in the same order each second: the series found last time, unless the stream changed.
      let st = states[i] === s ? series[i] : undefined;
      if (st === undefined || st.forgotten) {
        st = this.stream(s.name);
        states[i] = s;
        series[i] = st;
      }
      i++;
      this.sampleSeries(st, s, now);
      visited.push(st);
    }
    states.length = series.length = i;
    // Sampled, busy or idle, each stream now matches its counters: the next second is idle for all
    // unless something moves, so a quiet run starts here (empty until a second extends it).
    if (!this.visitEverySecond) {
      this.quietSeries = visited;
      this.quietFrom = sec + 1;
      this.quietTo = sec;
    }
  }

  /**
   * When the streams sampled are the quiet run's, in order: the indexes in the
   * run of those that moved since their last sample, and their states (none
   * moved: the run's next second is idle for all); otherwise undefined.
   */
  private movedInQuiet(streams: ReadonlyMap<string, StreamState>): Array<[number, StreamState]> | undefined {
    const list = this.quietSeries!, states = this.visitStates, series = this.visitSeries;
    let i = 0;
    let moved: Array<[number, StreamState]> | undefined;
    for (const s of streams.values()) {
      if (s.deleted || s.status === 'CREATING') continue;
      if (i >= list.length) return undefined;
      const st = states[i] === s ? series[i] : this.streams.get(s.name);
      if (st !== list[i]) return undefined;
      if (!this.unchanged(st, s)) (moved ??= []).push([i, s]);
      i++;
    }
    return i === list.length ? (moved ?? NONE_MOVED) : undefined;
  }

  /** Second `sec` of a quiet run where some streams moved: those are sampled, the others' second is idle (what sampling them would find), and the run starts again. */
  private sampleMoved(moved: Array<[number, StreamState]>, sec: number, now: number): void {
    this.foldQuiet();
    const list = this.quietSeries!;
    for (let i = 0, k = 0; i < list.length; i++) {
      const st = list[i];
      if (k < moved.length && moved[k][0] === i) this.sampleSeries(st, moved[k++][1], now);
      else {
        st.idleFrom ??= sec;
        st.idleTo = sec;
      }
    }
    this.quietFrom = sec + 1;
    this.quietTo = sec;
  }

  /** Moves the quiet run's seconds into each of its streams' idle seconds (as a visit per second would have recorded them). */
  private foldQuiet(): void {
    const list = this.quietSeries;
    if (list === undefined || this.quietFrom > this.quietTo) return;
    for (let i = 0; i < list.length; i++) {
      const st = list[i];
      st.idleFrom ??= this.quietFrom;
      st.idleTo = this.quietTo;
    }
    this.quietFrom = this.quietTo + 1;
  }

  /** Samples every shard of `s` for the second ending at `now`; true when the second was idle (written later). */
  sample(s: StreamState, now: number): boolean {
    this.foldQuiet();
    return this.sampleSeries(this.stream(s.name), s, now);
  }

  private sampleSeries(st: StreamSeries, s: StreamState, now: number): boolean {
    const sec = Math.floor(now / 1000) - 1; // the second that just ended
    if (this.idle(st, s, sec)) {
      // Nothing happened on the stream: remember the second, write it with the next busy one or read.
      st.idleFrom ??= sec;
      st.idleTo = sec;
      return true;
    }
    this.settle(st);
    const slot = st.ring.begin(sec);
    if (st.orderFor !== s.shards || st.orderLen !== s.shards.length) this.reorder(st, s);
    const hs = this.beginShards(st, sec);
    if (st.unsampled) {
      // Columns sampled for the first time hold data from this second on.
      for (let i = 0; i < st.order.length; i++) if (st.first[st.order[i]] === Infinity) st.first[st.order[i]] = sec;
      st.unsampled = false;
    }
    // Shard-level metrics are published only while enhanced monitoring enables them [BC-K EnableEnhancedMonitoring].
    const on = enabledShardMetrics(s.shardLevelMetrics);
    st.monitored = s.shardLevelMetrics;
    let inRec = 0, inBytes = 0, wThr = 0, rRec = 0, rBytes = 0, rThr = 0;
    const shards = s.shards, order = st.order, last = st.last, vals = st.vals, age = st.age;
    const base = hs * st.cap * H_N;
    for (let i = 0; i < shards.length; i++) {
      const col = order[i];
      const c = shards[i].counters;
      const l = col * C_N;
      const d0 = c.incomingRecords - last[l + C_IN_REC], d1 = c.incomingBytes - last[l + C_IN_BYTES], d2 = c.writeThrottledRecords - last[l + C_W_THR];
      const d3 = c.readRecords - last[l + C_R_REC], d4 = c.readBytes - last[l + C_R_BYTES], d5 = c.readThrottledCalls - last[l + C_R_THR];
      last[l + C_IN_REC] = c.incomingRecords;
      last[l + C_IN_BYTES] = c.incomingBytes;
      last[l + C_W_THR] = c.writeThrottledRecords;
      last[l + C_R_REC] = c.readRecords;
      last[l + C_R_BYTES] = c.readBytes;
      last[l + C_R_THR] = c.readThrottledCalls;
      const v = base + col * H_N;
      // A metric enhanced monitoring does not publish has no data this second (NaN), as on AWS.
      vals[v + H_IN_REC] = on[H_IN_REC] ? d0 : NaN;
      vals[v + H_IN_BYTES] = on[H_IN_BYTES] ? d1 : NaN;
      vals[v + H_W_THR] = on[H_W_THR] ? d2 : NaN;
      vals[v + H_R_REC] = on[H_R_REC] ? d3 : NaN;
      vals[v + H_R_BYTES] = on[H_R_BYTES] ? d4 : NaN;
      vals[v + H_R_THR] = on[H_R_THR] ? d5 : NaN;
      vals[v + H_AGE] = on[H_AGE] ? age[col] : NaN;
      age[col] = NaN;
      inRec += d0; inBytes += d1; wThr += d2; rRec += d3; rBytes += d4; rThr += d5;
    }
    const r = st.ring, p = st.pending;
    r.set(S.IncomingRecords, slot, inRec);
    r.set(S.IncomingBytes, slot, inBytes);
    r.set(S.WriteProvisionedThroughputExceeded, slot, wThr);
    r.set(S['GetRecords.Records'], slot, rRec);
    r.set(S['GetRecords.Bytes'], slot, rBytes);
    r.set(S.ReadProvisionedThroughputExceeded, slot, rThr);
    r.set(S['GetRecords.IteratorAgeMilliseconds'], slot, st.streamAge);
    // API answers the stream gave (direct calls and exact-mode producers alike), beside what bulk participants report.
    const a = s.apiCounts, la = st.lastApi;
    p[S['PutRecord.Success']] += a.putRecordSuccess - la[0];
    p[S['PutRecords.ThrottledRecords']] += a.putRecordsThrottledRecords - la[1];
    p[S['GetRecords.Success']] += a.getRecordsSuccess - la[2];
    la[0] = a.putRecordSuccess;
    la[1] = a.putRecordsThrottledRecords;
    la[2] = a.getRecordsSuccess;
    for (const i of REPORTED) r.set(i, slot, p[i]);
    p.fill(0);
    p[S['SubscribeToShardEvent.MillisBehindLatest']] = NaN;
    st.reported = false;
    st.streamAge = NaN;
    return false;
  }

  /**
   * True when second `sec` would be written as an idle row and directly follows
   * the last written (or idle) second: same shards, no counter moved, nothing
   * reported. A second after a rest of the heartbeat goes the ordinary way.
   */
  private idle(st: StreamSeries, s: StreamState, sec: number): boolean {
    if (sec !== (st.idleTo ?? st.lastSecond) + 1 || sec !== (st.idleTo ?? st.ring.lastSecond) + 1) return false;
    return this.unchanged(st, s);
  }

  /** True when nothing moved on the stream since its last sample: same shards, no counter moved, nothing reported. */
  private unchanged(st: StreamSeries, s: StreamState): boolean {
    if (st.reported || st.streamAge === st.streamAge || st.unsampled) return false;
    if (st.orderFor !== s.shards || st.orderLen !== s.shards.length) return false;
    // A change of enhanced monitoring, or an API answer (an empty GetRecords counts), makes the second busy.
    if (st.monitored !== s.shardLevelMetrics) return false;
    const a = s.apiCounts, la = st.lastApi;
    if (a.putRecordSuccess !== la[0] || a.putRecordsThrottledRecords !== la[1] || a.getRecordsSuccess !== la[2]) return false;
    const shards = s.shards, order = st.order, last = st.last, age = st.age;
    for (let i = 0; i < shards.length; i++) {
      const col = order[i], c = shards[i].counters, l = col * C_N;
      if (age[col] === age[col]) return false;
      if (c.incomingRecords !== last[l + C_IN_REC] || c.incomingBytes !== last[l + C_IN_BYTES] || c.writeThrottledRecords !== last[l + C_W_THR]) return false;
      if (c.readRecords !== last[l + C_R_REC] || c.readBytes !== last[l + C_R_BYTES] || c.readThrottledCalls !== last[l + C_R_THR]) return false;
    }
    return true;
  }

  /** Writes the idle seconds sampled since the last write (only the ones the rings still hold). */
  private settle(st: StreamSeries): void {
    this.foldQuiet();
    const from = st.idleFrom, to = st.idleTo;
    if (from === undefined || to === undefined) return;
    st.idleFrom = st.idleTo = undefined;
    st.ring.fillSeconds(from, to, IDLE_STREAM_ROW);
    const lo = Math.max(from, to - SHARD_SECONDS + 1);
    // Skipped seconds whose slots the idle rows write again need no NaN first.
    if (st.lastSecond !== -Infinity && to - SHARD_SECONDS > st.lastSecond) st.lastSecond = Math.min(lo - 1, to - SHARD_SECONDS);
    this.beginShards(st, lo);
    const order = st.order, vals = st.vals, stride = st.cap * H_N, held = st.idleSlots;
    // Idle seconds publish zeros only for the shard metrics enhanced monitoring had on (the rest have no data).
    const on = enabledShardMetrics(st.monitored);
    if (st.idleOrder !== order || st.idleMonitored !== st.monitored) {
      held.fill(0);
      st.idleOrder = order;
      st.idleMonitored = st.monitored;
    }
    for (let sec = lo; sec <= to; sec++) {
      const slot = sec % SHARD_SECONDS;
      if (held[slot] === 1) continue;
      held[slot] = 1;
      const base = slot * stride;
      for (let i = 0; i < order.length; i++) {
        const v = base + order[i] * H_N;
        for (let m = 0; m < H_N; m++) vals[v + m] = on[m] ? 0 : NaN;
        vals[v + H_AGE] = NaN;
      }
    }
    st.lastSecond = to;
  }

  /** Starts second `sec` of the shard columns (skipped seconds become no data); returns its slot. */
  private beginShards(st: StreamSeries, sec: number): number {
    const S_ = SHARD_SECONDS, block = st.cap * H_N;
    if (st.lastSecond !== -Infinity && sec > st.lastSecond + 1) {
      const gap = Math.min(S_, sec - st.lastSecond - 1);
      for (let g = 1; g <= gap; g++) {
        const slot = (st.lastSecond + g) % S_;
        st.idleSlots[slot] = 0;
        st.vals.fill(NaN, slot * block, (slot + 1) * block);
      }
    }
    if (sec > st.lastSecond) st.lastSecond = sec;
    st.idleSlots[sec % S_] = 0;
    return sec % S_;
  }

  /** Maps s.shards to columns, allocating columns for new shards and freeing those of expired ones. */
  private reorder(st: StreamSeries, s: StreamState): void {
    if (st.cols.size > 0) for (const id of [...st.cols.keys()]) if (!s.byId.has(id)) this.freeColumn(st, id);
    let missing = 0;
    for (const sh of s.shards) if (!st.cols.has(sh.shardId)) missing++;
    this.ensureColumns(st, st.cols.size + missing);
    const order = new Int32Array(s.shards.length);
    for (let i = 0; i < s.shards.length; i++) {
      const id = s.shards[i].shardId;
      order[i] = st.cols.get(id) ?? this.addShard(st, id);
    }
    st.order = order;
    st.unsampled = true;
    st.orderFor = s.shards;
    st.orderLen = s.shards.length;
  }

  private addShard(st: StreamSeries, shardId: string): number {
    this.ensureColumns(st, st.cols.size + 1);
    let col = 0;
    while (st.ids[col] !== undefined) col++;
    st.ids[col] = shardId;
    st.cols.set(shardId, col);
    // From zero: sampling starts with the first heartbeat after a stream is ACTIVE, so whatever a
    // shard took before its first sample falls into that first second.
    st.last.fill(0, col * C_N, (col + 1) * C_N);
    st.age[col] = NaN;
    st.first[col] = Infinity;
    st.handles[col] = new ShardAgeHandle(st, col);
    return col;
  }

  /** Forgets an expired shard's column (its handle turns invalid; the column is reused). */
  private freeColumn(st: StreamSeries, shardId: string): void {
    const col = st.cols.get(shardId)!;
    st.cols.delete(shardId);
    st.ids[col] = undefined;
    st.handles[col]!.valid = false;
    st.handles[col] = undefined;
    st.first[col] = Infinity;
    st.layout++;
  }

  /** Grows the column arrays to hold `n` columns (copying what they hold). */
  private ensureColumns(st: StreamSeries, n: number): void {
    if (n <= st.cap) return;
    // A quarter more than needed: a reshard of a big stream adds a few columns, not a second copy of them all.
    const cap = Math.max(n, st.cap + (st.cap >> 2));
    const vals = new Float64Array(SHARD_SECONDS * cap * H_N).fill(NaN);
    for (let slot = 0; slot < SHARD_SECONDS && st.cap > 0; slot++) vals.set(st.vals.subarray(slot * st.cap * H_N, (slot + 1) * st.cap * H_N), slot * cap * H_N);
    const first = new Float64Array(cap).fill(Infinity);
    first.set(st.first);
    const last = new Float64Array(cap * C_N);
    last.set(st.last);
    const age = new Float64Array(cap).fill(NaN);
    age.set(st.age);
    st.vals = vals;
    st.idleSlots.fill(0);
    st.first = first;
    st.last = last;
    st.age = age;
    st.cap = cap;
  }

  /** The value of a shard metric at second `sec` (NaN when not held). */
  private shardAt(st: StreamSeries, col: number, metric: number, sec: number): number {
    if (sec > st.lastSecond || sec < st.first[col] || sec <= st.lastSecond - SHARD_SECONDS) return NaN;
    return st.vals[((sec % SHARD_SECONDS) * st.cap + col) * H_N + metric];
  }

  /** Forgets a deleted stream. */
  forget(stream: string): void {
    const st = this.streams.get(stream);
    if (st === undefined) return;
    for (const h of st.handles) if (h !== undefined) h.valid = false;
    st.forgotten = true;
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
    if (st !== undefined) this.settle(st);
    let at: ((sec: number) => number) | undefined;
    if (st !== undefined && q.shardId !== undefined) {
      const col = st.cols.get(q.shardId), idx = H[q.metric as ShardMetricName];
      if (col !== undefined && idx !== undefined) at = (sec) => this.shardAt(st, col, idx, sec);
    } else if (st !== undefined) {
      const idx = S[q.metric as StreamMetricName];
      if (idx !== undefined) at = (sec) => st.ring.at(idx, sec);
    }
    if (at === undefined) return { start: fromSec * 1000, periodMs: period, values: out };
    const isMax = isMaxMetric(q.metric);
    for (let i = 0; i < n; i++) {
      let acc = NaN;
      for (let k = 0; k < per; k++) {
        const v = at(fromSec + i * per + k);
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
    this.settle(st);
    const lo0 = Math.max(fromSec, st.lastSecond - SHARD_SECONDS + 1), hi = Math.min(fromSec + n - 1, st.lastSecond);
    const vals = st.vals, stride = st.cap * H_N;
    for (let r = 0; r < shardIds.length; r++) {
      const col = st.cols.get(shardIds[r]);
      if (col === undefined) continue;
      const o = (rowOffset + r) * n, at = col * H_N + idx;
      for (let sec = Math.max(lo0, st.first[col]); sec <= hi; sec++) {
        const x = vals[(sec % SHARD_SECONDS) * stride + at];
        if (x === x) out[o + sec - fromSec] = x;
      }
    }
  }

  /**
   * The seconds a stream's metrics hold: the last sampled second and the first
   * still held (epoch s), or undefined before its first sample. Windows and
   * chart columns never reach before `first`: there was no run then.
   */
  heldSeconds(stream: string): { first: number; last: number } | undefined {
    const st = this.streams.get(stream);
    if (st !== undefined) this.settle(st);
    if (st === undefined || st.ring.lastSecond === -Infinity) return undefined;
    return { first: st.ring.firstSecond, last: st.ring.lastSecond };
  }

  /**
   * A shard's write metrics summed over the last `seconds` whole seconds up to
   * the stream's last sample, counting only the seconds the shard has data for
   * (`held`): a window longer than the run, or than the shard's life, covers
   * what there is, never time before it. One pass, no allocation but the result.
   */
  shardWindow(stream: string, shardId: string, seconds: number): ShardWindow {
    const out: ShardWindow = { held: 0, records: 0, bytes: 0, throttled: 0 };
    const st = this.streams.get(stream);
    if (st !== undefined) this.settle(st);
    const col = st?.cols.get(shardId);
    if (st === undefined || col === undefined || st.lastSecond === -Infinity) return out;
    const lo = Math.max(st.lastSecond - Math.max(1, Math.floor(seconds)) + 1, st.lastSecond - SHARD_SECONDS + 1, st.first[col]);
    const stride = st.cap * H_N, at = col * H_N;
    for (let sec = lo; sec <= st.lastSecond; sec++) {
      const o = (sec % SHARD_SECONDS) * stride + at;
      const r = st.vals[o + H_IN_REC];
      if (r !== r) continue; // a second without data (the heartbeat rested)
      out.held++;
      out.records += r;
      out.bytes += st.vals[o + H_IN_BYTES];
      out.throttled += st.vals[o + H_W_THR];
    }
    return out;
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
    for (const st of this.streams.values()) n += st.ring.values.byteLength + st.cap * PER_COLUMN_BYTES;
    return n;
  }
}
