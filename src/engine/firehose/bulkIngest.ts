/**
 * Bulk input for producers that stand for many records (the traffic
 * engine): `ingestSegment(ctx, streamName, segment)` takes runs of records
 * described by count, size, arrival interval, partition keys and a recipe,
 * applies the Direct PUT quota to them as a whole, and hands them to the
 * buffers as slices. Nothing is materialised until an object is read.
 */
import type { FirehoseContext } from './context';
import { findActiveDeliveryStream } from './context';
import { takeRecords, takeRequest } from './directPutQuota';
import { ingestSlice } from './pipeline';
import { requireDirectPut } from './operations/putRecord';
import { PUT_RECORD_BATCH_MAX_RECORDS } from './constants';
import type { Segment } from './bulkTypes';

export interface IngestResult {
  /** Records accepted into the stream. */
  accepted: number;
  /** Records refused by the Direct PUT quota (ServiceUnavailableException for the producer). */
  throttled: number;
  /** Records sent to the error side (active-partition limit). */
  errored: number;
}

/**
 * Ingests a segment into a Direct PUT stream at the current simulated time.
 * When the quota cannot take the whole segment, every run is cut by the same
 * share (earlier runs first for the remainder), as if the producer's batches
 * were spread evenly and the late ones throttled.
 */
export function ingestSegment(ctx: FirehoseContext, streamName: string, segment: Segment): IngestResult {
  const st = findActiveDeliveryStream(ctx, streamName);
  // Bulk input stands for PutRecordBatch calls: a stream with a Kinesis source refuses them too.
  requireDirectPut(ctx, st, 'PutRecordBatch');
  const now = ctx.core.now();
  let total = 0, bytes = 0;
  for (const r of segment.runs) { total += r.count; bytes += r.count * r.recordBytes; }
  if (total === 0) return { accepted: 0, throttled: 0, errored: 0 };
  const requests = segment.requests ?? Math.ceil(total / PUT_RECORD_BATCH_MAX_RECORDS);
  let admittedRequests = 0;
  for (let i = 0; i < requests && takeRequest(st, now); i++) admittedRequests++;
  const avg = bytes / total;
  const fit = Math.min(takeRecords(st, now, Math.floor((total * admittedRequests) / requests), Math.max(1, Math.ceil(avg))), total);
  const share = fit / total;
  let accepted = 0, errored = 0, acceptedBytes = 0;
  for (const run of segment.runs) {
    const n = Math.min(run.count, Math.floor(run.count * share + 1e-9));
    if (n === 0) continue;
    const slice = { recipe: run.recipe, first: run.firstIndex, count: n, recordBytes: run.recordBytes, start: segment.start, end: segment.end };
    errored += ingestSlice(ctx, st, slice, run.partitionKeys);
    accepted += n;
    acceptedBytes += n * run.recordBytes;
  }
  const throttled = total - accepted;
  st.metrics.put('IncomingPutRequests', now, admittedRequests);
  st.metrics.put('IncomingRecords', now, accepted);
  st.metrics.put('IncomingBytes', now, acceptedBytes);
  if (throttled > 0) st.metrics.put('ThrottledRecords', now, throttled);
  return { accepted, throttled, errored };
}
