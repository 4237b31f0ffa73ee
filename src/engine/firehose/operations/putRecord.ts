/**
 * PutRecord: one record (at most 1,000 KiB before base64) into a Direct PUT
 * stream. Past the stream's quota it fails with ServiceUnavailableException
 * ("Slow down."); a stream reading from Kinesis takes no PutRecord [BC-F; facts B1].
 */
import { AwsError, ValidationErrors } from '../../core/errors';
import { findActiveDeliveryStream, type FirehoseContext } from '../context';
import { MAX_RECORD_BYTES } from '../constants';
import { takeRecord, takeRequest, throttled } from '../directPutQuota';
import { ingestExact } from '../pipeline';
import { newRecordId } from '../recordId';
import { checkDeliveryStreamName } from './createDeliveryStream';
import type { DeliveryStreamState } from '../deliveryStreamModel';
import type { PutRecordInput, PutRecordOutput } from '../types';

/** Direct PUT operations are refused on a stream whose source is a Kinesis data stream. */
export function requireDirectPut(ctx: FirehoseContext, st: DeliveryStreamState, op: string): void {
  if (st.type !== 'DirectPut') {
    throw new AwsError('InvalidArgumentException', `This operation is not permitted on KinesisStreamAsSource type delivery stream ${st.name} under account ${ctx.core.accountId}. (${op})`);
  }
}

export function putRecord(ctx: FirehoseContext, input: PutRecordInput): PutRecordOutput {
  const v = new ValidationErrors();
  checkDeliveryStreamName(v, input.DeliveryStreamName);
  const data = input.Record?.Data;
  if (!(data instanceof Uint8Array)) v.add(data, 'record.data', 'not be null');
  else if (data.length > MAX_RECORD_BYTES) v.add('[blob]', 'record.data', `have length less than or equal to ${MAX_RECORD_BYTES}`);
  v.throwIfAny();
  const st = findActiveDeliveryStream(ctx, input.DeliveryStreamName);
  requireDirectPut(ctx, st, 'PutRecord');
  const now = ctx.core.now();
  if (!takeRequest(st, now) || !takeRecord(st, now, data.length)) {
    st.metrics.put('ThrottledRecords', now, 1);
    throw throttled();
  }
  st.metrics.put('IncomingPutRequests', now, 1);
  st.metrics.put('IncomingRecords', now, 1);
  st.metrics.put('IncomingBytes', now, data.length);
  ingestExact(ctx, st, [{ data: data.slice(), arrival: now }]);
  return { RecordId: newRecordId(ctx.random), Encrypted: st.encryption?.Status === 'ENABLED' };
}
