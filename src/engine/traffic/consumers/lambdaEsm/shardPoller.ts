/**
 * The ESM's work on one shard [LDG23; A13]: poll once per interval through the
 * shard's shared read limits, cut batches (BatchSize, batching window, one
 * tumbling window per batch, at most 6 MB of event JSON), and invoke the function synchronously, one batch
 * in flight per lane. ParallelizationFactor gives a shard up to 10 lanes;
 * a record's lane comes from its partition key, so each key stays in order.
 * A failed batch blocks its lane: it is retried, bisected if asked, and after
 * MaximumRetryAttempts or MaximumRecordAgeInSeconds its bounds go to the
 * on-failure destination and the lane moves on.
 */
import { hash32 } from '../../../core/random';
import type { StreamState } from '../../../kinesis/streamModel';
import { shardSequenceNumber } from '../../../kinesis/shardModel';
import type { InvokeResult } from '../../../lambda/types';
import { createCursor, materialise, stepCursor, type ShardCursor } from '../shardCursor';
import { bisectSpans, dropSpans, firstIndex, headLastIndex, lastIndex, pushSpan, spanCount, spanHead, takeSpans, type Span } from './batchSpans';
import { MAX_REQUEST_PAYLOAD_BYTES } from '../../../lambda/constants';
import { functionNameOf } from '../../../lambda/context';
import { requestIdOf } from '../../../lambda/invoke';
import { EVENT_ENVELOPE_BYTES, eventRecordBytes, eventRecordOf, isoOf, type KinesisBatchInfo, type OnFailureCondition } from './kinesisEvent';
import type { EventSourceMapping } from './eventSourceMapping';
import type { SimCore } from '../../../core/simCore';

/** The continuation an ESM invocation's result comes back by (registered once per simulation). */
const ESM_INVOKED = 'esm:invoked';

interface InvokedPayload {
  poller: ShardPoller;
  lane: Lane;
  batch: Batch;
  finalForWindow: boolean;
}

/** Registers the ESM's invocation continuation on `core` (several traffic services may share a core: once). */
export function registerEsmEvents(core: SimCore): void {
  if (!core.hasHandler(ESM_INVOKED)) core.registerHandler<InvokedPayload, InvokeResult>(ESM_INVOKED, (p, r) => p.poller.complete(p.lane, p.batch, p.finalForWindow, r));
}

/** The log's word for each on-failure condition AWS names (the OnFailure record carries AWS's). */
const DISCARD_REASON = { RecordAgeExceeded: 'expired', RetryAttemptsExhausted: 'retriesExhausted', MaximumPayloadSizeExceeded: 'payloadTooLarge' } as const;

/** A batch and the retries it has used (a bisected half starts afresh: splitting is not a retry). */
interface Batch {
  spans: Span[];
  retries: number;
  /** Invocations of this batch so far: the on-failure record's approximateInvokeCount. */
  attempts?: number;
  /**
   * The last attempt's request id, and 'Unhandled' when it failed inside the function. A bulk attempt
   * (runBulk) keeps the Lambda counter value its id was drawn at instead: millions of bulk invocations
   * a simulated day succeed, and only a discarded batch's on-failure record writes the id out (requestIdOf).
   */
  lastRequestId?: string | number;
  lastFunctionError?: 'Unhandled';
  /** The last attempt's invoke error, when Lambda refused the invocation itself (e.g. RequestEntityTooLargeException). */
  lastInvokeError?: string;
}

interface Lane {
  pending: Span[];
  /** When the oldest pending record was fetched: the batching window runs from there. */
  pendingSince: number;
  /** Batches to run before new ones: a retry, or the halves of a bisected batch. */
  retry: Batch[];
  busy: boolean;
  /** Bulk mode: time left over from the last step for the next invocation. */
  bulkCarryMs?: number;
  /** Tumbling window in progress: its start and the state the function returned last. */
  tumbling?: { start: number; state: unknown };
}

/** One shard of an event source mapping: polls, cuts batches and invokes per lane. */
export class ShardPoller {
  readonly cursor: ShardCursor;
  readonly lanes: Lane[];
  /** Age of the last record of the last batch when it was invoked (Lambda's IteratorAge). */
  iteratorAgeMs = 0;

  constructor(
    private readonly esm: EventSourceMapping,
    readonly shardId: string,
    position: number,
  ) {
    const shard = esm.stream()!.byId.get(shardId)!;
    this.cursor = createCursor(esm.ctx, shard, position);
    this.lanes = Array.from({ length: esm.config.parallelization }, () => ({ pending: [], pendingSince: 0, retry: [], busy: false }));
  }

  get shard() {
    return this.cursor.shard;
  }

  /** Read to SHARD_END and every batch done: the children may start. */
  get ended(): boolean {
    return this.cursor.ended && this.lanes.every((l) => !l.busy && l.pending.length === 0 && l.retry.length === 0 && l.tumbling === undefined);
  }

  private buffered(): number {
    let n = 0;
    for (const l of this.lanes) n += spanCount(l.pending);
    return n;
  }

  /** One poll step: fetch what the lanes have room for, then start batches on idle lanes. */
  poll(s: StreamState, now: number, windowMs: number, polls: number): void {
    const cfg = this.esm.config;
    const room = cfg.batchSize * cfg.parallelization * polls - this.buffered();
    if (room > 0 && !this.cursor.ended) {
      const r = stepCursor(this.esm.ctx, s, this.cursor, now, windowMs, polls, this.esm.pace, room);
      if (r.count > 0) {
        this.esm.counters.polledEvents += r.count;
        this.distribute(r.from, r.count, now);
      }
    }
    if (polls > 1 && !this.esm.config.materialise && this.esm.config.tumblingWindowMs === 0) {
      for (const lane of this.lanes) this.runBulk(lane, windowMs);
    } else for (const lane of this.lanes) this.dispatch(lane);
  }

  /**
   * Bulk mode with count-only events: the step's invocations run back to back
   * within the step's time (each takes the function's duration), with the
   * function's error rate drawn from its own seeded generator, without one
   * event per invocation. Retries, bisect and discards follow the same rules.
   */
  private runBulk(lane: Lane, windowMs: number): void {
    const fn = this.esm.lambdaFunction();
    if (fn === undefined || lane.busy) return;
    const metrics = this.esm.lambdaMetrics();
    const now = this.esm.ctx.core.now();
    const timeoutMs = fn.timeoutSeconds * 1000;
    const elapsed = Math.max(1, Math.min(fn.durationMs, timeoutMs));
    let time = (lane.bulkCarryMs ?? 0) + windowMs;
    const store = this.shard.store;
    // One 6 MB fit for the whole step, from the pending records' average size (count-only records of a step are alike).
    const perBatch = this.countOnlyFit(lane.pending, this.esm.config.batchSize);
    const c = this.esm.counters;
    let invoked = 0, errors = 0;
    // Arrivals never decrease along a shard (ShardStore searches them by bisection), so a batch ending
    // at or after the lowest last index seen this step is no older than that one: its age cannot raise
    // the second's maximum (invokedAt), and only the step's last batch sets the poller's iterator age.
    let oldestLast = Infinity, lastOfStep = -1;
    while (time >= elapsed) {
      // A new batch stays in the pending spans until it fails: a successful one (nearly all of a
      // bulk day) only drops its records, with no batch object or spans array.
      const retry = lane.retry.length > 0 ? lane.retry.shift()! : undefined;
      let n: number, last: number;
      if (retry !== undefined) {
        n = spanCount(retry.spans);
        last = lastIndex(retry.spans);
      } else if (lane.pending.length > 0) {
        n = spanHead(lane.pending, perBatch);
        last = headLastIndex(lane.pending, n);
      } else break;
      time -= elapsed;
      if (last < oldestLast) {
        oldestLast = last;
        this.esm.invokedAt(Math.max(0, now - store.arrivalAt(last)));
      }
      lastOfStep = last;
      invoked++;
      c.invocations++;
      c.invokedEvents += n;
      const failed = fn.random.next() < fn.errorRate || fn.durationMs > timeoutMs;
      const requestNumber = this.esm.nextRequestNumber();
      if (failed) {
        const batch: Batch = retry ?? { spans: takeSpans(lane.pending, n), retries: 0 };
        batch.attempts = (batch.attempts ?? 0) + 1;
        batch.lastRequestId = requestNumber;
        batch.lastFunctionError = 'Unhandled';
        c.errors++;
        c.failedEvents += n;
        errors++;
        this.fail(lane, batch);
      } else {
        if (retry === undefined) dropSpans(lane.pending, n);
        c.recordsProcessed += n;
      }
    }
    if (lastOfStep >= 0) this.iteratorAgeMs = Math.max(0, now - store.arrivalAt(lastOfStep));
    metrics?.invocations(now, invoked, elapsed);
    metrics?.errors(now, errors);
    lane.bulkCarryMs = lane.retry.length > 0 || lane.pending.length > 0 ? Math.min(time, elapsed) : 0;
  }

  private distribute(from: number, count: number, now: number): void {
    const lanes = this.lanes;
    if (lanes.length === 1) return addPending(lanes[0], from, count, now);
    if (!this.esm.config.materialise) {
      // Count-only mode has no keys: the span is dealt out in equal runs.
      const per = Math.ceil(count / lanes.length);
      for (let i = 0; i < lanes.length && i * per < count; i++) addPending(lanes[i], from + i * per, Math.min(per, count - i * per), now);
      return;
    }
    const store = this.shard.store;
    for (let i = from; i < from + count; i++) addPending(lanes[hash32(store.read(i).partitionKey) % lanes.length], i, 1, now);
  }

  /** Starts the lane's next batch if it is idle and a batch is due. */
  dispatch(lane: Lane): void {
    if (lane.busy) return;
    const cfg = this.esm.config;
    const now = this.esm.ctx.core.now();
    const store = this.shard.store;
    if (lane.retry.length > 0) return this.invoke(lane, lane.retry.shift()!, false);
    if (cfg.tumblingWindowMs > 0 && lane.tumbling !== undefined) {
      // The window closes once time has passed its end and nothing of it is left: one last, final call.
      const end = lane.tumbling.start + cfg.tumblingWindowMs;
      const nextArrival = lane.pending.length > 0 ? store.arrivalAt(lane.pending[0].from) : Infinity;
      if (nextArrival >= end && now >= end) return this.invoke(lane, { spans: [], retries: 0 }, true);
    }
    const n = spanCount(lane.pending);
    if (n === 0) return;
    let take = this.fitPayload(lane.pending, Math.min(n, cfg.batchSize));
    // The batch is due when full (BatchSize or 6 MB of payload) or when the batching window runs out [A13].
    if (take === n && n < cfg.batchSize && now - lane.pendingSince < cfg.windowMs) return;
    if (cfg.tumblingWindowMs > 0) {
      const first = lane.pending[0].from;
      const start = Math.floor(store.arrivalAt(first) / cfg.tumblingWindowMs) * cfg.tumblingWindowMs;
      if (lane.tumbling === undefined) lane.tumbling = { start, state: {} };
      // A batch never spans two windows: cut it where the next window's records begin.
      const cut = store.firstIndexAtOrAfter(start + cfg.tumblingWindowMs);
      take = Math.min(take, this.countBefore(lane.pending, cut));
      if (take === 0) return;
    }
    this.invoke(lane, { spans: takeSpans(lane.pending, take), retries: 0 }, false);
    if (lane.pending.length > 0) lane.pendingSince = now;
  }

  /**
   * How many of the first `max` pending records fit in one invocation: the
   * event JSON (`{"Records":[...]}`, each record's data in base64) must stay
   * within Lambda's 6 MB synchronous request limit [A13; Lambda quotas]. With
   * materialised records the JSON of each record is measured exactly; in
   * count-only mode a record is bounded by the base64 of its stored size (data
   * plus partition key) and the JSON around it, a slight overestimate. At
   * least one record is always taken: a 1 MiB record fits.
   */
  private fitPayload(spans: readonly Span[], max: number): number {
    if (max <= 1 || spans.length === 0) return max;
    const esm = this.esm;
    const bounded = this.countOnlyFit(spans, max);
    // Count-only records are judged by the bound; materialised ones only when the bound says they might not fit.
    if (!esm.config.materialise || bounded >= max) return bounded;
    // Materialised records: each record's event JSON measured exactly.
    let bytes = EVENT_ENVELOPE_BYTES - 1;
    let n = 0;
    for (const sp of spans) {
      for (const r of materialise(this.shard, sp.from, Math.min(sp.count, max - n))) {
        bytes += 1 + eventRecordBytes(eventRecordOf(r, this.shardId, esm.streamArn, esm.ctx.core.region, esm.roleArn));
        if (bytes > MAX_REQUEST_PAYLOAD_BYTES) return Math.max(1, n);
        n++;
      }
      if (n >= max) break;
    }
    return n;
  }

  /**
   * Count-only records: each is bounded by the JSON frame plus the base64 of its stored size (data
   * plus partition key, a slight overestimate), so k records of average size `avg` fit while
   * envelope + k * (frame + 4 + 4 avg / 3) <= 6 MB: a closed form from one measure of the run.
   */
  private countOnlyFit(spans: readonly Span[], max: number): number {
    const total = Math.min(max, spanCount(spans as Span[]));
    if (total <= 1) return max;
    const avg = this.bytesOfFirst(spans, total) / total;
    const per = this.recordFrameBytes(firstIndex(spans)) + 4 + (4 * avg) / 3;
    return Math.max(1, Math.min(max, Math.floor((MAX_REQUEST_PAYLOAD_BYTES - (EVENT_ENVELOPE_BYTES - 1)) / per)));
  }

  /**
   * The JSON around one record's base64 (sequence number twice, timestamp, ARNs), with a comma and
   * room for longer timestamps: the same for every record of the shard (sequence numbers have a
   * fixed length), so it is measured once per poller.
   */
  private recordFrameBytes(index: number): number {
    if (this.frameBytes === undefined) {
      const store = this.shard.store;
      this.frameBytes = 1 + 8 + eventRecordBytes(eventRecordOf(
        { SequenceNumber: shardSequenceNumber(this.shard, index), ApproximateArrivalTimestamp: store.arrivalAt(index), Data: new Uint8Array(0), PartitionKey: '' },
        this.shardId, this.esm.streamArn, this.esm.ctx.core.region, this.esm.roleArn,
      ));
    }
    return this.frameBytes;
  }
  private frameBytes?: number;

  /** Stored bytes (data plus partition keys) of the first `k` pending records, without materialising them. */
  private bytesOfFirst(spans: readonly Span[], k: number): number {
    const store = this.shard.store;
    let raw = 0;
    let counted = 0;
    for (const sp of spans) {
      const c = Math.min(sp.count, k - counted);
      raw += store.measure(sp.from, c, Infinity).bytes;
      counted += c;
      if (counted >= k) break;
    }
    return raw;
  }

  private countBefore(spans: Span[], cut: number): number {
    let n = 0;
    for (const sp of spans) {
      if (sp.from >= cut) break;
      n += Math.min(sp.count, cut - sp.from);
    }
    return n;
  }

  private invoke(lane: Lane, batch: Batch, finalForWindow: boolean): void {
    const esm = this.esm;
    const cfg = esm.config;
    const store = this.shard.store;
    const now = esm.ctx.core.now();
    lane.busy = true;
    const n = spanCount(batch.spans);
    if (n > 0) this.iteratorAgeMs = Math.max(0, now - store.arrivalAt(lastIndex(batch.spans)));
    this.esm.invokedAt(this.iteratorAgeMs);
    let event: Record<string, unknown>;
    if (cfg.materialise) {
      const recs = batch.spans.flatMap((sp) => materialise(this.shard, sp.from, sp.count));
      event = { Records: recs.map((r) => eventRecordOf(r, this.shardId, esm.streamArn, esm.ctx.core.region, esm.roleArn)) };
    } else {
      event = { Records: [], kinesisBatch: n > 0 ? this.batchInfo(batch.spans) : null };
    }
    if (cfg.tumblingWindowMs > 0 && lane.tumbling !== undefined) {
      const w = lane.tumbling;
      Object.assign(event, {
        window: { start: isoOf(w.start), end: isoOf(w.start + cfg.tumblingWindowMs) },
        state: w.state,
        shardId: this.shardId,
        eventSourceARN: esm.streamArn,
        isFinalInvokeForWindow: finalForWindow,
        isWindowTerminatedEarly: false,
      });
    }
    esm.counters.invocations++;
    esm.counters.invokedEvents += n;
    batch.attempts = (batch.attempts ?? 0) + 1;
    esm.lambdaInvoke(event, { kind: ESM_INVOKED, payload: { poller: this, lane, batch, finalForWindow } satisfies InvokedPayload });
  }

  /** An invocation of `batch` on `lane` ended with `r` (the ESM_INVOKED continuation). */
  complete(lane: Lane, batch: Batch, finalForWindow: boolean, r: InvokeResult): void {
    const esm = this.esm;
    lane.busy = false;
    batch.lastRequestId = r.requestId;
    batch.lastFunctionError = r.ok ? undefined : r.functionError;
    batch.lastInvokeError = r.ok || r.functionError !== undefined ? undefined : r.errorType;
    let failed: Span[] | undefined;
    /** The function reported items (ReportBatchItemFailures) rather than failing the call. */
    let reported = false;
    if (!r.ok) failed = batch.spans;
    else {
      const payload = r.payload as { batchItemFailures?: Array<{ itemIdentifier?: unknown }>; state?: unknown } | null;
      if (esm.config.reportBatchItemFailures) {
        failed = this.reportedFailures(batch.spans, payload?.batchItemFailures);
        reported = failed !== undefined;
      }
      if (failed === undefined && lane.tumbling !== undefined) {
        if (finalForWindow) lane.tumbling = undefined;
        else if (payload !== null && typeof payload === 'object' && 'state' in payload) lane.tumbling.state = payload.state ?? {};
      }
    }
    const n = spanCount(batch.spans);
    if (failed === undefined) {
      esm.counters.recordsProcessed += n;
    } else {
      esm.counters.errors++;
      esm.counters.failedEvents += spanCount(failed);
      const okCount = n - spanCount(failed);
      esm.counters.recordsProcessed += okCount;
      this.fail(lane, { ...batch, spans: failed }, reported ? (okCount > 0 ? 'cut' : 'whole') : undefined);
    }
    this.dispatch(lane);
  }

  /**
   * ReportBatchItemFailures: the batch is checkpointed before the lowest
   * failed sequence number and retried from there; a missing or unknown
   * identifier fails the whole batch; an empty list means success [LDG23].
   */
  private reportedFailures(spans: Span[], items: Array<{ itemIdentifier?: unknown }> | undefined): Span[] | undefined {
    if (!Array.isArray(items) || items.length === 0) return undefined;
    let lowest = Infinity;
    for (const it of items) {
      const id = it?.itemIdentifier;
      const idx = typeof id === 'string' ? this.indexInBatch(spans, id) : -1;
      if (idx < 0) return spans;
      lowest = Math.min(lowest, idx);
    }
    const copy = spans.map((s) => ({ ...s }));
    let skip = 0;
    for (const sp of spans) {
      if (lowest >= sp.from && lowest < sp.from + sp.count) {
        skip += lowest - sp.from;
        break;
      }
      skip += sp.count;
    }
    takeSpans(copy, skip);
    return copy;
  }

  private indexInBatch(spans: Span[], seq: string): number {
    for (const sp of spans) for (let i = sp.from; i < sp.from + sp.count; i++) if (shardSequenceNumber(this.shard, i) === seq) return i;
    return -1;
  }

  /**
   * A failed batch: discard when too old or out of retries, else bisect or retry it; the lane waits for it.
   * `reported`: the function returned item failures (ReportBatchItemFailures), so `batch` is already the
   * remainder from the lowest reported sequence number on: 'cut' when that is past the batch's first record.
   */
  private fail(lane: Lane, batch: Batch, reported?: 'cut' | 'whole'): void {
    const cfg = this.esm.config;
    const store = this.shard.store;
    const now = this.esm.ctx.core.now();
    const first = firstIndex(batch.spans);
    const expired = first < store.trimIndex || now - store.arrivalAt(first) > cfg.maxRecordAgeMs;
    if (expired) return this.discard(batch, 'RecordAgeExceeded');
    // A single record Lambda cannot take in one 6 MB request can never be invoked: it is discarded at once.
    if (batch.lastInvokeError === 'RequestEntityTooLargeException' && spanCount(batch.spans) === 1) return this.discard(batch, 'MaximumPayloadSizeExceeded');
    if (reported === 'cut' && cfg.bisect) {
      // With ReportBatchItemFailures and BisectBatchOnFunctionError both on, the batch is bisected at the
      // returned sequence number and only the remaining records are retried, in one batch; splitting does
      // not consume the retry quota [LDG services-kinesis-batchfailurereporting; kinesis-on-failure-destination].
      lane.retry.unshift({ ...batch, retries: batch.retries });
      return;
    }
    // A reported failure is never halved: it is cut at the reported record, and a cut at the first record is a plain retry.
    if (cfg.bisect && reported === undefined && spanCount(batch.spans) > 1) {
      const [a, b] = bisectSpans(batch.spans);
      this.esm.ctx.core.events.emit({ type: 'esmBatchBisected', time: now, ...this.eventSource(), records: spanCount(batch.spans) });
      lane.retry.unshift({ spans: a, retries: 0 }, { spans: b, retries: 0 });
      return;
    }
    if (batch.retries >= cfg.maxRetries) return this.discard(batch, 'RetryAttemptsExhausted');
    lane.retry.unshift({ ...batch, retries: batch.retries + 1 });
    this.esm.counters.retries++;
  }

  private discard(batch: Batch, condition: OnFailureCondition): void {
    const esm = this.esm;
    const spans = batch.spans;
    esm.counters.recordsDiscarded += spanCount(spans);
    esm.ctx.core.events.emit({ type: 'esmRecordsDiscarded', time: esm.ctx.core.now(), ...this.eventSource(), records: spanCount(spans), reason: DISCARD_REASON[condition], onFailure: esm.config.onFailure !== undefined });
    if (esm.config.onFailure !== undefined) {
      const invokeStatus = batch.lastInvokeError === 'RequestEntityTooLargeException' ? 413 : batch.lastInvokeError === 'TooManyRequestsException' ? 429 : 200;
      esm.onFailure.push({
        requestContext: { requestId: typeof batch.lastRequestId === 'number' ? requestIdOf(batch.lastRequestId) : batch.lastRequestId ?? esm.nextRequestId(), functionArn: esm.functionArn(), condition, approximateInvokeCount: batch.attempts ?? 0 },
        responseContext: { statusCode: invokeStatus, executedVersion: '$LATEST', ...(batch.lastFunctionError !== undefined ? { functionError: batch.lastFunctionError } : {}) },
        version: '1.0',
        timestamp: isoOf(esm.ctx.core.now()),
        KinesisBatchInfo: this.batchInfo(spans),
      });
      esm.counters.onFailureDeliveries++;
      esm.counters.onFailureEvents += spanCount(spans);
    }
  }

  /** Who an ESM event is about: the mapping, its function and the shard. */
  private eventSource(): { mapping: string; functionName: string; stream: string; shardId: string } {
    return { mapping: this.esm.uuid, functionName: functionNameOf(this.esm.input.FunctionName), stream: this.esm.stream()?.name ?? '', shardId: this.shardId };
  }

  private batchInfo(spans: Span[]): KinesisBatchInfo {
    const store = this.shard.store;
    const a = firstIndex(spans), b = lastIndex(spans);
    const retained = (i: number) => i >= store.trimIndex;
    return {
      shardId: this.shardId,
      startSequenceNumber: shardSequenceNumber(this.shard, a),
      endSequenceNumber: shardSequenceNumber(this.shard, b),
      approximateArrivalOfFirstRecord: retained(a) ? isoOf(store.arrivalAt(a)) : '',
      approximateArrivalOfLastRecord: retained(b) ? isoOf(store.arrivalAt(b)) : '',
      batchSize: spanCount(spans),
      streamArn: this.esm.streamArn,
    };
  }
}

/** Queues records [f, f + n) on a lane (a module function: this runs per shard per step, no closure each time). */
function addPending(lane: Lane, f: number, n: number, now: number): void {
  if (lane.pending.length === 0) lane.pendingSince = now;
  pushSpan(lane.pending, f, n);
}
