/**
 * The path of a record through a delivery stream [facts B4]: S3 backup of
 * the source record (when enabled) -> Lambda transform -> partition keys
 * (MetadataExtraction jq and/or Lambda) -> AppendDelimiterToRecord ->
 * partition buffer. Records that fail a step go to the error buffers.
 */
import type { FirehoseContext } from './context';
import type { DeliveryStreamState } from './deliveryStreamModel';
import type { ExactItem, SliceItem, RecordRecipe } from './bulkTypes';
import type { TransformOutcome, KeyExtraction } from './processingHooks';
import { routeFailed } from './delivery';
import { createLambdaStage, TRANSFORM_OUTCOME } from './lambdaStage';
import type { SimCore } from '../core/simCore';
import { simpleKeyExtraction } from './simpleKeyExtraction';
import { evaluatedPrefixLength } from './prefix';
import { MAX_EVALUATED_PREFIX } from './constants';

const NEWLINE = new Uint8Array([10]);

/** Takes exact records (PutRecord, PutRecordBatch, a Kinesis poll). */
export function ingestExact(ctx: FirehoseContext, st: DeliveryStreamState, items: ExactItem[]): void {
  if (items.length === 0) return;
  // The Lambda stage first: nothing below may throw once a record is counted and billed.
  if (st.s3.lambda !== undefined) st.lambdaStage ??= createLambdaStage(ctx, st);
  st.counters.accepted += items.length;
  for (const it of items) st.counters.cost.addFirehoseRecords(1, it.data.length);
  if (st.backupBuffers !== undefined) for (const it of items) st.backupBuffers.addExact({ id: '' }, { data: it.data, arrival: it.arrival });
  if (st.other !== undefined && st.s3.lambda === undefined) {
    for (const it of items) st.buffers.addExact({ id: '' }, { data: it.data, arrival: it.arrival });
    return;
  }
  if (st.lambdaStage !== undefined) {
    for (const it of items) st.lambdaStage.addExact({ id: '' }, it);
    return;
  }
  afterTransform(ctx, st, { ok: items, failed: [], dropped: 0 });
}

/** Registers the transform's answer (TRANSFORM_OUTCOME) as afterTransform, for streams not deleted meanwhile (once, when Firehose is built). */
export function registerPipelineEvents(core: SimCore): void {
  core.registerHandler<{ ctx: FirehoseContext; st: DeliveryStreamState }, TransformOutcome>(TRANSFORM_OUTCOME, ({ ctx, st }, o) => {
    if (!st.deleted) afterTransform(ctx, st, o);
  });
}

/** Continues after the transform: failures to the error prefix, Ok records on to partitioning. */
export function afterTransform(ctx: FirehoseContext, st: DeliveryStreamState, o: TransformOutcome): void {
  st.counters.dropped += o.dropped;
  if (o.failed.length > 0) routeFailed(ctx, st, o.failed, 'processing-failed');
  if (st.other !== undefined) {
    // Other destinations: transformed records go to the sink's buffer.
    for (const r of o.ok) st.buffers.addExact({ id: '' }, { data: r.data, arrival: r.arrival });
    return;
  }
  const rt = st.s3;
  if (!rt.dynamicPartitioning || rt.metadataQuery === undefined) {
    for (const r of o.ok) route(ctx, st, r.data, r.arrival, undefined, r.partitionKeys, (r as ExactItem).meta);
    return;
  }
  const query = rt.metadataQuery;
  const extract = ctx.hooks.extractKeys ?? simpleKeyExtraction;
  const answers = extract(o.ok.map((r) => r.data), query);
  const apply = (keys: KeyExtraction[]) => {
    if (st.deleted) return;
    o.ok.forEach((r, i) => {
      const k = keys[i];
      if (k === undefined || 'error' in k) {
        routeFailed(ctx, st, [{ raw: r.data, arrival: r.arrival, errorCode: k !== undefined && k.errorCode !== undefined ? k.errorCode : 'DynamicPartitioning.MetadataExtractionFailed', errorMessage: k !== undefined && 'error' in k ? k.error : 'No partition keys were extracted.', attemptsMade: 1 }], 'processing-failed');
      } else route(ctx, st, r.data, r.arrival, k.keys, r.partitionKeys, (r as ExactItem).meta);
    });
  };
  if (answers instanceof Promise) ctx.core.track(answers.then(apply));
  else apply(answers);
}

/** Puts one record into its partition's buffer, or the error buffer when it has no partition. */
function route(ctx: FirehoseContext, st: DeliveryStreamState, data: Uint8Array, arrival: number, queryKeys?: Record<string, string>, lambdaKeys?: Record<string, string>, meta?: ExactItem['meta']): void {
  const rt = st.s3;
  let id = '';
  if (rt.dynamicPartitioning) {
    const parts: string[] = [];
    for (const k of rt.prefix.queryKeys) {
      const v = queryKeys?.[k];
      if (v === undefined) return fail(ctx, st, data, arrival, 'DynamicPartitioning.MetadataExtractionFailed', `Partition key '${k}' was not found in the record.`);
      parts.push(v);
    }
    for (const k of rt.prefix.lambdaKeys) {
      const v = lambdaKeys?.[k];
      if (v === undefined) return fail(ctx, st, data, arrival, 'Lambda.MissingPartitionKeys', `The Lambda function did not return the partition key '${k}'.`);
      parts.push(v);
    }
    id = parts.join('\u0000');
    // A prefix longer than 512 characters once evaluated cannot be written: the record goes to the error prefix.
    if (!st.buffers.has(id) && prefixTooLong(st, arrival, queryKeys, lambdaKeys)) {
      return fail(ctx, st, data, arrival, PREFIX_TOO_LONG, prefixTooLongMessage(st, arrival, queryKeys, lambdaKeys));
    }
    // Records past the active-partition limit go to the error prefix [KDF-DG23 dynamic-partitioning; facts B4].
    if (!st.buffers.has(id) && st.buffers.active >= ctx.activePartitionLimit) {
      st.metrics.put('PartitionCountExceeded', ctx.core.now(), 1);
      return fail(ctx, st, data, arrival, 'DynamicPartitioning.ActivePartitionsLimitExceeded', `The number of active partitions exceeds the limit of ${ctx.activePartitionLimit}.`);
    }
  }
  const bytes = rt.appendDelimiter ? withNewline(data) : data;
  // The shard and sequence number ride along (a reference, no copy) so deliveryIndex can tell which object holds a record.
  st.buffers.addExact({ id, queryKeys, lambdaKeys }, meta === undefined ? { data: bytes, arrival } : { data: bytes, arrival, meta });
}

/**
 * Each prefix is at most 512 characters once evaluated [facts B3], and records
 * whose prefix cannot be evaluated go to the error prefix [Firehose developer
 * guide, dynamic-partitioning-error-handling]. The error code is the
 * simulator's own: AWS documents the behaviour, not a code.
 */
const PREFIX_TOO_LONG = 'DynamicPartitioning.PrefixTooLong';

function prefixLength(st: DeliveryStreamState, arrival: number, queryKeys?: Record<string, string>, lambdaKeys?: Record<string, string>): number {
  return evaluatedPrefixLength(st.s3.prefix, { timestamp: arrival, offsetMinutes: st.s3.offsetMinutes, queryKeys, lambdaKeys });
}

function prefixTooLong(st: DeliveryStreamState, arrival: number, queryKeys?: Record<string, string>, lambdaKeys?: Record<string, string>): boolean {
  return prefixLength(st, arrival, queryKeys, lambdaKeys) > MAX_EVALUATED_PREFIX;
}

function prefixTooLongMessage(st: DeliveryStreamState, arrival: number, queryKeys?: Record<string, string>, lambdaKeys?: Record<string, string>): string {
  return `The evaluated S3 prefix is ${prefixLength(st, arrival, queryKeys, lambdaKeys)} characters long; the maximum is ${MAX_EVALUATED_PREFIX}.`;
}

function fail(ctx: FirehoseContext, st: DeliveryStreamState, raw: Uint8Array, arrival: number, errorCode: string, errorMessage: string): void {
  routeFailed(ctx, st, [{ raw, arrival, errorCode, errorMessage, attemptsMade: 1 }], 'processing-failed');
}

function withNewline(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(data.length + 1);
  out.set(data);
  out.set(NEWLINE, data.length);
  return out;
}

/** A recipe whose records end with "\n" (AppendDelimiterToRecord on bulk traffic), kept on the recipe. */
function newlineRecipe(r: RecordRecipe): RecordRecipe {
  return (r.newline ??= new NewlineRecipe(r));
}

/** `base`'s records with "\n" after each (a class, so it is plain data for checkpoints). */
class NewlineRecipe implements RecordRecipe {
  readonly id: string;

  constructor(private readonly base: RecordRecipe) {
    this.id = `${base.id}+newline`;
  }

  record(i: number): Uint8Array {
    return withNewline(this.base.record(i));
  }
}

/**
 * Takes a bulk slice with its partition keys. Slices skip the transform and
 * jq: their keys come with the run. Returns the records sent to the error
 * side (over the active-partition limit), which are counted, not written.
 */
export function ingestSlice(ctx: FirehoseContext, st: DeliveryStreamState, slice: SliceItem, keys?: Record<string, string>): number {
  st.counters.accepted += slice.count;
  st.counters.cost.addFirehoseRecords(slice.count, slice.recordBytes);
  st.backupBuffers?.addSlice({ id: '' }, slice);
  const rt = st.s3;
  let id = '';
  if (rt.dynamicPartitioning && st.other === undefined) {
    const parts: string[] = [];
    for (const k of [...rt.prefix.queryKeys, ...rt.prefix.lambdaKeys]) parts.push(keys?.[k] ?? '');
    id = parts.join('\u0000');
    if (!st.buffers.has(id) && prefixTooLong(st, slice.start, keys, keys)) {
      st.counters.errored += slice.count;
      return slice.count;
    }
    if (!st.buffers.has(id) && st.buffers.active >= ctx.activePartitionLimit) {
      st.metrics.put('PartitionCountExceeded', ctx.core.now(), slice.count);
      st.counters.errored += slice.count;
      return slice.count;
    }
  }
  const s = rt.appendDelimiter && st.other === undefined ? { ...slice, recipe: newlineRecipe(slice.recipe), recordBytes: slice.recordBytes + 1 } : slice;
  st.buffers.addSlice({ id, queryKeys: keys, lambdaKeys: keys }, s);
  return 0;
}
