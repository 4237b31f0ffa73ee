/**
 * PutRecordBatch: 1..500 records and at most 4 MiB per call, each record at
 * most 1,000 KiB [BC-F]. Records past the quota fail alone with
 * ServiceUnavailableException; the answer has one entry per record in
 * request order (RecordId, or ErrorCode and ErrorMessage) and FailedPutCount.
 */
import { AwsError, ValidationErrors } from '../../core/errors';
import { findActiveDeliveryStream, type FirehoseContext } from '../context';
import { PUT_RECORD_BATCH_MAX_BYTES } from '../constants';
import { SLOW_DOWN, takeRecord, takeRequest, throttled } from '../directPutQuota';
import { ingestExact } from '../pipeline';
import { newRecordId } from '../recordId';
import { checkDeliveryStreamName } from './createDeliveryStream';
import { requireDirectPut } from './putRecord';
import type { ExactItem } from '../bulkTypes';
import type { PutRecordBatchInput, PutRecordBatchOutput, PutRecordBatchResponseEntry } from '../types';

export function putRecordBatch(ctx: FirehoseContext, input: PutRecordBatchInput): PutRecordBatchOutput {
  const v = new ValidationErrors();
  checkDeliveryStreamName(v, input.DeliveryStreamName);
  const records = input.Records;
  if (!Array.isArray(records)) {
    v.add(records, 'records', 'not be null');
    v.throwIfAny();
  }
  // 1..500 records and 1,000 KiB per record are the declared shape's rules (operations/shapes.ts), checked before this runs.
  let total = 0;
  records.forEach((r, i) => {
    const d = r?.Data;
    if (!(d instanceof Uint8Array)) v.add(d, `records.${i + 1}.member.data`, 'not be null');
    else total += d.length;
  });
  v.throwIfAny();
  if (total > PUT_RECORD_BATCH_MAX_BYTES) {
    throw new AwsError('InvalidArgumentException', `Records size exceeds ${PUT_RECORD_BATCH_MAX_BYTES / 1048576} MiB limit`);
  }
  const st = findActiveDeliveryStream(ctx, input.DeliveryStreamName);
  requireDirectPut(ctx, st, 'PutRecordBatch');
  const now = ctx.core.now();
  if (!takeRequest(st, now)) {
    st.metrics.put('ThrottledRecords', now, records.length);
    throw throttled();
  }
  const responses: PutRecordBatchResponseEntry[] = [];
  const accepted: ExactItem[] = [];
  let failed = 0, bytes = 0;
  for (const r of records) {
    if (takeRecord(st, now, r.Data.length)) {
      accepted.push({ data: r.Data.slice(), arrival: now });
      bytes += r.Data.length;
      responses.push({ RecordId: newRecordId(ctx.random) });
    } else {
      failed++;
      responses.push({ ErrorCode: 'ServiceUnavailableException', ErrorMessage: SLOW_DOWN });
    }
  }
  st.metrics.put('IncomingPutRequests', now, 1);
  st.metrics.put('IncomingRecords', now, accepted.length);
  st.metrics.put('IncomingBytes', now, bytes);
  if (failed > 0) st.metrics.put('ThrottledRecords', now, failed);
  ingestExact(ctx, st, accepted);
  return { FailedPutCount: failed, Encrypted: st.encryption?.Status === 'ENABLED', RequestResponses: responses };
}
