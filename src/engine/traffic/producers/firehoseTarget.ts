/**
 * A producer writing to an Amazon Data Firehose delivery stream by Direct PUT
 * (`target: { kind: 'firehose', deliveryStreamName }`). Exact mode calls
 * PutRecordBatch (or PutRecord) through sim.firehose, so every record is kept
 * byte for byte; bulk mode hands each second's records to
 * sim.firehose.ingestSegment as one run of a recipe, materialised only when
 * an S3 object is read. Either way the Direct PUT quota applies: past it,
 * Firehose answers ServiceUnavailableException ("Slow down.") [BC-F; facts
 * B1], which the producer counts as throttled, retries up to maxRetries and
 * then drops, as it does with Kinesis's ProvisionedThroughputExceeded. A
 * delivery stream reading from a Kinesis data stream refuses Direct PUT
 * (InvalidArgumentException): those records are dropped.
 */
import { isAwsError } from '../../core/errors';
import { utf8Length } from '../../core/utf8';
import { findDeliveryStream } from '../../firehose/context';
import { bulkCapable } from '../../firehose/kinesisBulkRead';
import { PUT_RECORD_BATCH_MAX_BYTES, PUT_RECORD_BATCH_MAX_RECORDS } from '../../firehose/constants';
import type { RecordRecipe } from '../../firehose/bulkTypes';
import type { FirehoseService } from '../../firehose/firehoseService';
import type { TrafficService } from '../trafficService';
import type { ProducerCounts } from '../bulkSource';
import { failed, type PendingRecord, type SendOptions } from './exactSend';
import { mix32 } from './keyDistribution';
import { searchCum } from './keyStrategies';
import type { RecordMaker } from './recordMaker';
import type { ProducerConfig } from './producerConfig';

/** Where a producer writes: a Kinesis data stream (default) or a Firehose delivery stream by Direct PUT. */
export type ProducerTarget = { kind: 'kinesis' } | { kind: 'firehose'; deliveryStreamName: string };

/** The delivery stream a producer writes to, or undefined for a Kinesis producer. */
export function firehoseTargetOf(config: ProducerConfig): string | undefined {
  return config.target?.kind === 'firehose' ? config.target.deliveryStreamName : undefined;
}

/** What the target needs from its producer (producer.ts). */
export interface FirehoseTargetHost {
  readonly id: string;
  readonly config: ProducerConfig;
  readonly counts: ProducerCounts;
  readonly maker: RecordMaker;
  readonly seed: number;
  readonly maxRetries: number;
  readonly enabled: boolean;
  readonly mode: 'exact' | 'bulk';
  currentRate(now: number): number;
}

function isSlowDown(e: unknown): boolean {
  return isAwsError(e) && e.type === 'ServiceUnavailableException';
}

/** A producer's Direct PUT writer to a Firehose delivery stream (exact calls or bulk segments). */
export class FirehoseTarget {
  readonly deliveryStreamName: string;
  private readonly firehose: FirehoseService;
  private unsubscribe?: () => void;
  /** Bulk: next fresh record index, and the throttled ones waiting: [pendingLo, next), oldest (most attempts) first. */
  private next = 0;
  private pendingLo = 0;
  /** backlog[a]: records that failed a + 1 times, retried next tick. */
  private backlog: number[] = [];
  private due = 0;
  /** Bulk: the first record index of each tick and its time (the template's clock for the records made then). */
  private tickFirst: number[] = [];
  private tickTime: number[] = [];
  /** Bulk into a stream that needs the records' bytes (Lambda transform, dynamic partitioning): exact retries. */
  private exactRetry: PendingRecord[] = [];
  private cum?: Float64Array;
  private recipe?: RecordRecipe;

  constructor(
    private readonly host: FirehoseTargetHost,
    private readonly svc: TrafficService,
  ) {
    const name = firehoseTargetOf(host.config);
    if (name === undefined) throw new Error('not a Firehose producer');
    if (svc.firehose === undefined) throw new Error('this simulation has no Firehose service');
    // The KPL aggregates for Kinesis Data Streams only; Firehose takes plain records.
    if (host.config.writePath === 'KPL') throw new Error('writePath KPL writes to Kinesis data streams only; use PutRecords (PutRecordBatch) or PutRecord for a Firehose target');
    this.deliveryStreamName = name;
    this.firehose = svc.firehose;
    const w = host.maker.keys.weights;
    if (w !== undefined) {
      this.cum = new Float64Array(w.length);
      let acc = 0;
      w.forEach((x, i) => (this.cum![i] = acc += x));
    }
    if (host.mode === 'bulk') this.unsubscribe = svc.onTick('produce', (now, dt) => this.bulkTick(now, dt));
  }

  /** Bytes of a Direct PUT record: the template's text, or exactly sizeBytes of data (no partition key travels to Firehose). */
  recordData(n: number, key: string, time: number, size?: number): Uint8Array {
    const m = this.host.maker;
    const want = size ?? (m.fixedSize ? m.recordBytes : undefined);
    return want === undefined ? m.data(n, key, time) : m.data(n, key, time, want + utf8Length(key));
  }

  /** Sends records with PutRecordBatch (or PutRecord); returns the throttled ones to retry. */
  sendExact(records: PendingRecord[]): PendingRecord[] {
    const counts = this.host.counts;
    const opts: SendOptions = { streamName: this.deliveryStreamName, maxRetries: this.host.maxRetries };
    const now = this.svc.core.now();
    const retry: PendingRecord[] = [];
    const ok = (r: PendingRecord) => {
      counts.sent++;
      counts.kinesisRecords++;
      counts.bytes += r.data.length;
    };
    for (const r of records) if (r.attempts > 0) counts.retried++;
    if (this.host.config.writePath === 'PutRecord') {
      for (const r of records) {
        counts.calls++;
        try {
          this.firehose.api.putRecord({ DeliveryStreamName: this.deliveryStreamName, Record: { Data: r.data } });
          ok(r);
        } catch (e) {
          if (isSlowDown(e)) failed(r, opts, now, counts, retry);
          else counts.dropped++;
        }
      }
      return retry;
    }
    // PutRecordBatch calls of at most 500 records and 4 MiB [BC-F].
    for (let start = 0; start < records.length; ) {
      let end = start, bytes = 0;
      while (end < records.length && end - start < PUT_RECORD_BATCH_MAX_RECORDS && (end === start || bytes + records[end].data.length <= PUT_RECORD_BATCH_MAX_BYTES)) bytes += records[end++].data.length;
      const batch = records.slice(start, end);
      start = end;
      counts.calls++;
      let out;
      try {
        out = this.firehose.api.putRecordBatch({ DeliveryStreamName: this.deliveryStreamName, Records: batch.map((r) => ({ Data: r.data })) });
      } catch (e) {
        // The request quota refuses the whole call (retryable); anything else (no such stream, a Kinesis source) loses it.
        if (isSlowDown(e)) for (const r of batch) failed(r, opts, now, counts, retry);
        else counts.dropped += batch.length;
        continue;
      }
      out.RequestResponses.forEach((res, i) => {
        if (res.ErrorCode === undefined) ok(batch[i]);
        else if (res.ErrorCode === 'ServiceUnavailableException') failed(batch[i], opts, now, counts, retry);
        else counts.dropped++;
      });
    }
    return retry;
  }

  /** The bulk recipe: record i from (producer seed, i) and the time of the tick that made it. */
  private bulkRecipe(): RecordRecipe {
    return (this.recipe ??= new TargetRecipe(this, `producer:${this.host.id}`, this.host.maker));
  }

  /** Record i of the bulk recipe (TargetRecipe.record). */
  bulkRecord(i: number): Uint8Array {
    const m = this.host.maker, keys = m.keys, cum = this.cum;
    const h = mix32(this.host.seed, i);
    const time = this.timeOf(i);
    const key = keys.kind === 'finite' && cum !== undefined ? keys.keyAt(searchCum(cum, h / 4294967296), time) : keys.keyAt(h, time);
    return this.recordData(h, key, time, m.recordBytes);
  }

  private timeOf(index: number): number {
    const f = this.tickFirst;
    let lo = 0, hi = f.length - 1;
    if (hi < 0) return this.svc.core.now();
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (f[mid] <= index) lo = mid;
      else hi = mid - 1;
    }
    return this.tickTime[lo];
  }

  /** One heartbeat in bulk mode: the second's records (and the retries) as one run of a segment. */
  private bulkTick(now: number, dt: number): void {
    const host = this.host;
    if (!host.enabled || dt <= 0) return;
    this.due += (host.currentRate(now) * dt) / 1000;
    const fresh = Math.floor(this.due);
    this.due -= fresh;
    const counts = host.counts;
    let st;
    try {
      st = findDeliveryStream(this.firehose.context, this.deliveryStreamName);
    } catch {
      counts.dropped += fresh;
      return;
    }
    if (fresh > 0) {
      this.tickFirst.push(this.next);
      this.tickTime.push(now - dt);
    }
    if (!bulkCapable(st)) return this.bulkExact(now - dt, fresh);
    const mr = host.maxRetries;
    while (this.backlog.length < mr) this.backlog.push(0);
    let retry = 0;
    for (let a = 0; a < mr; a++) retry += this.backlog[a];
    const total = retry + fresh;
    if (total === 0) return;
    const recordBytes = host.maker.recordBytes;
    const requests = host.config.writePath === 'PutRecord' ? total : Math.ceil(total / PUT_RECORD_BATCH_MAX_RECORDS);
    counts.calls += requests;
    counts.retried += retry;
    const first = this.pendingLo;
    this.next += fresh;
    let got: number;
    try {
      // Records arrive evenly over the second that ended (each tick's records carry its own second's timestamps).
      got = this.firehose.api.ingestSegment(this.deliveryStreamName, { start: now - dt, end: now - 1, requests, runs: [{ recipe: this.bulkRecipe(), firstIndex: first, count: total, recordBytes }] }).accepted;
    } catch {
      // Not ACTIVE, or a stream with a Kinesis source (InvalidArgumentException): the calls fail for good.
      counts.dropped += total;
      this.backlog.fill(0);
      this.pendingLo = this.next;
      return;
    }
    counts.sent += got;
    counts.kinesisRecords += got;
    counts.bytes += got * recordBytes;
    counts.throttled += total - got;
    // Retries go first, oldest first; a record failing its last retry is dropped.
    let left = got, dropped = 0;
    for (let a = mr - 1; a >= 0; a--) {
      const waiting = this.backlog[a];
      this.backlog[a] = 0;
      const okN = Math.min(left, waiting);
      left -= okN;
      if (a + 1 >= mr) dropped += waiting - okN;
      else this.backlog[a + 1] = waiting - okN;
    }
    const freshFailed = fresh - Math.min(left, fresh);
    if (mr === 0) dropped += freshFailed;
    else this.backlog[0] = freshFailed;
    counts.dropped += dropped;
    // The accepted and dropped records are the lowest indexes of the run: what waits stays contiguous.
    this.pendingLo = first + got + dropped;
  }

  /** Bulk into a stream whose processing reads the bytes: the second's records go through PutRecordBatch. */
  private bulkExact(time: number, fresh: number): void {
    const recipe = this.bulkRecipe();
    const batch = this.exactRetry;
    for (let i = 0; i < fresh; i++) batch.push({ partitionKey: '', data: recipe.record(this.next + i), attempts: 0, firstAt: time });
    this.next += fresh;
    this.pendingLo = this.next;
    this.exactRetry = batch.length > 0 ? this.sendExact(batch) : [];
  }

  dispose(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }
}

/** A Firehose producer's bulk records as a recipe: a class over its target (no closure), so the slices holding it are plain data. */
class TargetRecipe implements RecordRecipe {
  newline?: RecordRecipe;

  constructor(
    private readonly target: FirehoseTarget,
    readonly id: string,
    readonly family: object,
  ) {}

  record(i: number): Uint8Array {
    return this.target.bulkRecord(i);
  }
}
