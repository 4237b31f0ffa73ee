/**
 * UpdateMaxRecordSize: the largest record (data plus partition key) the stream
 * takes and returns, 1024..10240 KiB (1 to 10 MiB; 1 MiB by default)
 * [BC-K UpdateMaxRecordSize; KDS-DG large records]. PutRecord refuses a larger
 * record, and PutRecords refuses a request holding one, with
 * InvalidArgumentException; the PutRecords request as a whole stays within
 * 10 MiB, and the shard's 1 MiB/s write limit is unchanged (a large record
 * draws on the shard's burst and the shard then recovers). The change applies
 * at once: the simulator does not model an UPDATING phase for it (not confirmed).
 */
import { ValidationErrors } from '../../core/errors';
import { findActiveStream, type KinesisContext } from '../context';
import { checkInt, checkString } from '../validation';
import { MAX_RECORD_SIZE_KIB_RANGE } from '../constants';

export interface UpdateMaxRecordSizeInput {
  StreamARN?: string;
  MaxRecordSizeInKiB: number;
}

export function updateMaxRecordSize(ctx: KinesisContext, input: UpdateMaxRecordSizeInput): Record<string, never> {
  const v = new ValidationErrors();
  checkString(v, input.StreamARN, 'streamARN', 1, 2048, false, /^arn:aws.*:kinesis:.*:\d{12}:stream\/\S+$/, 'arn:aws.*:kinesis:.*:\\d{12}:stream/\\S+');
  checkInt(v, input.MaxRecordSizeInKiB, 'maxRecordSizeInKiB', MAX_RECORD_SIZE_KIB_RANGE[0], MAX_RECORD_SIZE_KIB_RANGE[1], true);
  v.throwIfAny();
  const s = findActiveStream(ctx, { StreamARN: input.StreamARN });
  s.maxRecordSizeKiB = input.MaxRecordSizeInKiB;
  return {};
}
