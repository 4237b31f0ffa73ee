/**
 * PutRecordBatch: 1..500 records and at most 4 MiB per call, each record at
 * most 1,000 KiB [BC-F]. Records past the quota fail alone with
 * ServiceUnavailableException; the answer has one entry per record in
 * request order (RecordId, or ErrorCode and ErrorMessage) and FailedPutCount.
 */
import { AwsError, ValidationErrors } from '../../core/errors';
import { findActiveDeliveryStream, type FirehoseContext } from '../context';
import { MAX_RECORD_BYTES, PUT_RECORD_BATCH_MAX_BYTES, PUT_RECORD_BATCH_MAX_RECORDS } from '../constants';
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
  if (records.length < 1) v.add('[]', 'records', 'have length greater than or equal to 1');
  if (records.length > PUT_RECORD_BATCH_MAX_RECORDS) v.add(`[${records.length} records]`, 'records', `have length less than or equal to ${PUT_RECORD_BATCH_MAX_RECORDS}`);
  let total = 0;
  records.forEach((r, i) => {
    const d = r?.Data;
    if (!(d instanceof Uint8Array)) v.add(d, `records.${i + 1}.member.data`, 'not be null');
    else {
      if (d.length > MAX_RECORD_BYTES) v.add('[blob]', `records.${i + 1}.member.data`, `have length less than or equal to ${MAX_RECORD_BYTES}`);
      total += d.length;
    }
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
