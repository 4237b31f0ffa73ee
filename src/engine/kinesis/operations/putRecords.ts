/**
 * PutRecords: 1..500 records, at most 10 MiB in all (5 MiB before 2025-10).
 * Entries past a shard's limit fail alone with ProvisionedThroughputExceededException
 * and are counted in FailedRecordCount; the others succeed; the result keeps the
 * request's order [BC-K PutRecords].
 */
import { encryptionField } from '../streamModel';
import { invalidArgument, ValidationErrors } from '../../core/errors';
import { findReadableStream, rateExceededMessage, type KinesisContext } from '../context';
import { checkStreamRef } from '../validation';
import { checkExplicitHashKeyRange, checkRecordFields, checkRecordSize } from './recordValidation';
import { routeRecord, writeToShard } from '../write';
import type { ShardState } from '../shardModel';
import { MiB, PUT_RECORDS_MAX_BYTES } from '../constants';
import type { PutRecordsInput, PutRecordsOutput, PutRecordsResultEntry } from '../types';

export function putRecords(ctx: KinesisContext, input: PutRecordsInput): PutRecordsOutput {
  const v = new ValidationErrors();
  checkStreamRef(v, input);
  const entries = input.Records;
  if (!Array.isArray(entries)) {
    v.add(entries, 'records', 'not be null');
    v.throwIfAny();
  }
  // 1..500 entries is the declared shape's rule (operations/shapes.ts), checked before this runs.

  const n = entries.length;
  // A plain array: a typed one of 500 would be an off-heap buffer per call, which V8 counts
  // towards its next full collection like the payload pages the shards hold.
  const keyBytes: number[] = new Array(n);
  let total = 0;
  // The largest record and whether any entry has an ExplicitHashKey: when no record is near
  // the stream's maximum and none names a hash key, the per-record checks below cannot fail.
  let largest = 0;
  let explicit = false;
  for (let i = 0; i < n; i++) {
    const e = entries[i];
    const kb = checkRecordFields(v, e?.Data, e?.PartitionKey, e?.ExplicitHashKey, i + 1, 10 * MiB);
    keyBytes[i] = kb;
    if (e?.Data instanceof Uint8Array) {
      const size = e.Data.length + kb;
      total += size;
      if (size > largest) largest = size;
    }
    if (e?.ExplicitHashKey !== undefined) explicit = true;
  }
  v.throwIfAny();
  if (total > PUT_RECORDS_MAX_BYTES) throw invalidArgument(`Records size exceeds ${PUT_RECORDS_MAX_BYTES / MiB} MB limit`);
  const s = findReadableStream(ctx, input);
  if (explicit || checkRecordSize(largest, 0, s.maxRecordSizeKiB) !== undefined) {
    // In request order, so the first failing entry is the one reported.
    for (let i = 0; i < n; i++) {
      const e = entries[i];
      if (e.ExplicitHashKey !== undefined) checkExplicitHashKeyRange(e.ExplicitHashKey);
      const tooBig = checkRecordSize(e.Data.length, keyBytes[i], s.maxRecordSizeKiB);
      if (tooBig !== undefined) throw invalidArgument(tooBig);
    }
  }

  const now = ctx.core.now();
  const out: PutRecordsResultEntry[] = new Array(n);
  let failed = 0;
  let throttledBy: Map<ShardState, number> | undefined;
  for (let i = 0; i < n; i++) {
    const e = entries[i];
    const shard = routeRecord(ctx, s, e.PartitionKey, e.ExplicitHashKey);
    const index = writeToShard(shard, now, e.Data, ctx.keyHashCache.key, keyBytes[i], e.ExplicitHashKey);
    if (index >= 0) {
      out[i] = { SequenceNumber: shard.seq.format(index), ShardId: shard.shardId };
    } else {
      failed++;
      out[i] = { ErrorCode: 'ProvisionedThroughputExceededException', ErrorMessage: rateExceededMessage(ctx, s, shard.shardId) };
      throttledBy ??= new Map();
      throttledBy.set(shard, (throttledBy.get(shard) ?? 0) + 1);
    }
  }
  s.apiCounts.putRecordsThrottledRecords += failed;
  if (throttledBy !== undefined) {
    for (const [shard, records] of throttledBy) {
      ctx.core.events.emit({ type: 'throttled', time: now, stream: s.name, shardId: shard.shardId, direction: 'write', records });
    }
  }
  return { FailedRecordCount: failed, Records: out, ...encryptionField(s.encryption.type) };
}
