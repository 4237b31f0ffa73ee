/**
 * Writing flushed buffers to S3: the object key (evaluated prefix + object
 * name), the body (records concatenated, converted, compressed), metrics,
 * and failures. A write fails while the destination outage switch is on or
 * the bucket does not exist; it is retried every minute for up to 24 hours,
 * then the data is lost [KDF-DG23 basic-deliver; facts B7]. Batches made of
 * bulk slices become lazy objects: exact keys, counts and uncompressed
 * sizes, bytes produced only when someone reads the object.
 */
import { toBase64 } from '../core/base64';
import type { SimCore } from '../core/simCore';
import { encodeUtf8 } from '../core/utf8';
import { registerBodyBuilder, storeObject, type LazyBody, type S3ObjectState } from '../s3/s3Model';
import type { FirehoseContext } from './context';
import type { DeliveryStreamState, PendingDelivery } from './deliveryStreamModel';
import type { Batch } from './buffer';
import { isSlice, materialise, type BufferItem } from './bulkTypes';
import { SliceStore } from './sliceStore';
import { evaluatePrefix } from './prefix';
import { objectName } from './objectName';
import { compressBody } from './compression';
import { compressInto } from './lazyCompression';
import { S3_RETRY_EVERY_MS, S3_RETRY_MAX_MS, type CompressionFormat } from './constants';
import type { FailedRecord } from './processingHooks';
import { indexDelivery } from './deliveryIndex';

/** Called by a buffer set when it flushes. */
export function deliver(ctx: FirehoseContext, st: DeliveryStreamState, batch: Batch, target: PendingDelivery['target']): void {
  const p: PendingDelivery = { batch, target, attempts: 0, firstAttempt: ctx.core.now() };
  // Keep delivery order: while earlier batches wait for a retry, later ones queue behind them.
  if (st.retryQueue.length > 0) {
    st.retryQueue.push(p);
    return;
  }
  if (!attempt(ctx, st, p)) enqueueRetry(ctx, st, p);
}

function enqueueRetry(ctx: FirehoseContext, st: DeliveryStreamState, p: PendingDelivery): void {
  st.retryQueue.push(p);
  if (st.retryQueue.length === 1) scheduleRetry(ctx, st);
}

const S3_RETRY = 'firehose:s3Retry';

/** Registers the S3 retry's data event (once, when Firehose is built). */
export function registerDeliveryEvents(core: SimCore): void {
  core.registerHandler<{ ctx: FirehoseContext; st: DeliveryStreamState }>(S3_RETRY, ({ ctx, st }) => retryNow(ctx, st));
}

function scheduleRetry(ctx: FirehoseContext, st: DeliveryStreamState): void {
  ctx.core.scheduleEvent(S3_RETRY_EVERY_MS, S3_RETRY, { ctx, st }, `firehose:${st.name}:retry`);
}

/** The retry minute has passed: try the queued deliveries again, in order. */
function retryNow(ctx: FirehoseContext, st: DeliveryStreamState): void {
  if (st.deleted) return;
  const queue = st.retryQueue;
  st.retryQueue = [];
  for (let i = 0; i < queue.length; i++) {
    const p = queue[i];
    if (st.retryQueue.length > 0) { st.retryQueue.push(p); continue; }
    if (attempt(ctx, st, p)) continue;
    if (ctx.core.now() - p.firstAttempt >= retryWindowMs(ctx, st)) {
      lose(ctx, st, p);
      continue;
    }
    st.retryQueue.push(p);
  }
  if (st.retryQueue.length > 0) scheduleRetry(ctx, st);
}

/** Direct PUT keeps data 24 h; a Kinesis source keeps it as long as the stream's retention [facts B1]. */
function retryWindowMs(ctx: FirehoseContext, st: DeliveryStreamState): number {
  const src = st.source !== undefined ? ctx.kinesis.streams.get(st.source.streamName) : undefined;
  return src !== undefined ? Math.max(S3_RETRY_MAX_MS, src.retentionHours * 3600000) : S3_RETRY_MAX_MS;
}

function lose(ctx: FirehoseContext, st: DeliveryStreamState, p: PendingDelivery): void {
  if (p.target !== 'backup') st.counters.lost += p.batch.records;
  st.metrics.put('DeliveryToS3.DataLostRecords', ctx.core.now(), p.batch.records);
  ctx.core.events.emit({ type: 'deliveryAbandoned', time: ctx.core.now(), deliveryStream: st.name, records: p.batch.records });
}

/** One write attempt; true when the object was stored. */
function attempt(ctx: FirehoseContext, st: DeliveryStreamState, p: PendingDelivery): boolean {
  const now = ctx.core.now();
  const rt = st.s3;
  const target = p.target === 'backup' ? rt.backup! : rt;
  const metric = p.target === 'backup' ? 'BackupToS3' : 'DeliveryToS3';
  p.attempts++;
  const bucket = ctx.s3.buckets.get(target.bucket);
  // The outage switch takes down the destination; for the other destinations S3 is only their backup.
  if ((st.outage && st.other === undefined) || bucket === undefined) {
    st.metrics.put(`${metric}.Success`, now, 0, 'Average');
    return false;
  }
  const b = p.batch;
  const isError = p.target === 'error';
  const prefix = evaluatePrefix(isError ? target.errorPrefix : target.prefix, {
    timestamp: b.oldest, offsetMinutes: rt.offsetMinutes, random: ctx.random,
    errorType: b.errorType, queryKeys: b.queryKeys, lambdaKeys: b.lambdaKeys,
  }) ?? '';
  const compression: CompressionFormat = isError ? 'UNCOMPRESSED' : target.compression;
  const extension = p.target === 'data' ? rt.extension : '';
  // join() builds one flat string: `+` would keep a tree of ~40 small strings per key alive with the object.
  const key = [prefix, objectName(st.name, st.version, now, rt.offsetMinutes, ctx.random, extension)].join('');
  const convert = p.target === 'data' && rt.formatConversion ? ctx.hooks.convertFormat : undefined;
  const obj: S3ObjectState = { key, size: 0, sizeExact: true, lastModified: now };
  let records = b.records;
  if (b.items.some(isSlice)) {
    const store = sliceStoreOf(ctx, st);
    const lazy: SliceBody = {
      kind: SLICE_BODY, store: store.id, start: store.pack(b.items), count: b.items.length, total: b.bytes,
      convert: convert !== undefined, cfg: store.config(rt.conversion ?? st.config.DataFormatConversionConfiguration), compression, mtime: now, entryName: key,
    };
    obj.lazy = lazy;
    obj.size = estimateSize(st, compression, b.items, b.bytes);
    obj.sizeExact = compression === 'UNCOMPRESSED' && convert === undefined;
  } else {
    let bytes = materialise(b.items, b.bytes);
    if (convert !== undefined) {
      const out = convert(splitRecords(b.items), (rt.conversion ?? st.config.DataFormatConversionConfiguration) as never);
      if (out.failed.length > 0) {
        const failed: FailedRecord[] = out.failed.map((f) => {
          const item = b.items[f.index] as { data: Uint8Array; arrival: number };
          return { raw: item.data, arrival: item.arrival, errorCode: f.errorCode, errorMessage: f.errorMessage, attemptsMade: 1 };
        });
        records -= failed.length;
        routeFailed(ctx, st, failed, 'format-conversion-failed');
      }
      bytes = out.body ?? new Uint8Array(0);
    }
    compressInto(ctx, st, obj, compression, bytes, now, key);
  }
  storeObject(bucket, obj);
  // Where each shard's records landed, for the record inspector (bulk slices carry no sequence numbers).
  if (!obj.lazy) indexDelivery(st, bucket.name, key, p.target, b.items, now);
  if (p.target === 'data') st.counters.delivered += records;
  else if (p.target === 'error') st.counters.errored += records;
  if (p.target !== 'backup') st.counters.objects++;
  if (p.target === 'data' && rt.dynamicPartitioning) st.counters.cost.addDynamicPartitioning(b.bytes, 1);
  if (p.target === 'data' && rt.formatConversion) for (const it of b.items) {
    if (isSlice(it)) st.counters.cost.addFormatConversion(it.count, it.recordBytes);
    else st.counters.cost.addFormatConversion(1, it.data.length);
  }
  if (!isError) {
    st.metrics.put(`${metric}.Records`, now, records);
    st.metrics.put(`${metric}.Bytes`, now, b.bytes);
    st.metrics.put(`${metric}.Success`, now, 1, 'Average');
    st.metrics.put(`${metric}.DataFreshness`, now, Math.round((now - b.oldest) / 1000), 'Maximum');
    if (p.target === 'data') st.metrics.put('DeliveryToS3.ObjectCount', now, 1);
  }
  ctx.core.events.emit({ type: 'objectDelivered', time: now, deliveryStream: st.name, bucket: bucket.name, key, records, bytes: b.bytes, target: p.target });
  return true;
}

/** Lazy body kind of bulk objects (built by buildSliceBody, registered by registerDeliveryBodies). */
const SLICE_BODY = 'firehose:sliceBody';

/**
 * A bulk object's body as data, built on read: where its slices sit in the
 * delivery stream's SliceStore (so a day of objects stays small), whether it
 * is format-converted and how, and how it is compressed. Numbers and strings
 * only (the store and the configuration by number), so S3 can freeze the
 * object and checkpoints share it (s3/objectTable.ts).
 */
interface SliceBody extends LazyBody {
  kind: typeof SLICE_BODY;
  /** The SliceStore's place in FirehoseContext.sliceStores. */
  store: number;
  start: number;
  count: number;
  total: number;
  /** Convert with the processing hooks' convertFormat, by the configuration at entry `cfg` of the store. */
  convert: boolean;
  cfg: number;
  compression: CompressionFormat;
  mtime: number;
  entryName: string;
}

/** Registers how bulk objects' bodies are built (once, when Firehose is built). */
export function registerDeliveryBodies(ctx: FirehoseContext): void {
  registerBodyBuilder<SliceBody>(ctx.s3, SLICE_BODY, (r) => {
    const store = ctx.sliceStores[r.store];
    const items = store.unpack(r.start, r.count);
    let bytes = materialise(items, r.total);
    const convert = r.convert ? ctx.hooks.convertFormat : undefined;
    if (convert !== undefined) bytes = convert(splitRecords(items), store.configAt(r.cfg) as never).body ?? new Uint8Array(0);
    return compressBody(r.compression, bytes, r.mtime, r.entryName);
  });
}

/** The delivery stream's store of delivered slices (listed on the context: its objects outlive the delivery stream). */
function sliceStoreOf(ctx: FirehoseContext, st: DeliveryStreamState): SliceStore {
  if (st.sliceStore === undefined) ctx.sliceStores.push((st.sliceStore = new SliceStore(ctx.sliceStores.length)));
  return st.sliceStore;
}

/** The records of a batch, one byte array each (for format conversion). */
function splitRecords(items: readonly BufferItem[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const it of items) {
    if (isSlice(it)) for (let i = 0; i < it.count; i++) out.push(it.recipe.record(it.first + i));
    else out.push(it.data);
  }
  return out;
}

/** Compressed size of a lazy object, from a ratio measured once per recipe family on a 64 KiB sample. */
function estimateSize(st: DeliveryStreamState, format: CompressionFormat, items: readonly BufferItem[], total: number): number {
  if (format === 'UNCOMPRESSED') return total;
  const first = items.find(isSlice)!;
  const family = first.recipe.family ?? first.recipe;
  const ratios = (st.sliceRatios ??= new Map());
  let byFormat = ratios.get(family);
  if (byFormat === undefined) ratios.set(family, (byFormat = new Map()));
  let r = byFormat.get(format);
  if (r === undefined) {
    const n = Math.max(1, Math.min(first.count, Math.ceil(65536 / Math.max(1, first.recordBytes))));
    const sample = materialise([{ ...first, count: n }], n * first.recordBytes);
    r = compressBody(format, sample, 0).length / Math.max(1, sample.length);
    byFormat.set(format, r);
  }
  return Math.round(total * r);
}

/** Sends failed records to the error buffers as AWS's JSON error records. */
export function routeFailed(ctx: FirehoseContext, st: DeliveryStreamState, failed: readonly FailedRecord[], errorType: 'processing-failed' | 'format-conversion-failed'): void {
  const now = ctx.core.now();
  for (const f of failed) {
    const rec: Record<string, unknown> = {
      attemptsMade: f.attemptsMade,
      arrivalTimestamp: f.arrival,
      errorCode: f.errorCode,
      errorMessage: f.errorMessage,
      attemptEndingTimestamp: f.attemptEndingTimestamp ?? now,
      rawData: toBase64(f.raw),
    };
    if (f.lambdaArn !== undefined) rec.lambdaArn = f.lambdaArn;
    st.errorBuffers.addExact({ id: errorType, errorType }, { data: encodeUtf8(JSON.stringify(rec) + '\n'), arrival: f.arrival });
  }
}
