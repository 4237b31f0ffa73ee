/**
 * PutRecord: one record to the shard its partition key (or ExplicitHashKey)
 * maps to. Past the shard's 1,000 records/s or 1 MiB/s it throws
 * ProvisionedThroughputExceededException [BC-K PutRecord].
 */
import { AwsError, invalidArgument, ValidationErrors } from '../../core/errors';
import { findReadableStream, rateExceededMessage, type KinesisContext } from '../context';
import { checkStreamRef, checkString } from '../validation';
import { SEQUENCE_NUMBER_PATTERN } from '../sequenceNumber';
import { checkExplicitHashKeyRange, checkRecordFields, checkRecordSize } from './recordValidation';
import { routeRecord, writeToShard } from '../write';
import { shardSequenceNumber } from '../shardModel';
import { encryptionField } from '../streamModel';
import { MiB } from '../constants';
import type { PutRecordInput, PutRecordOutput } from '../types';

export function putRecord(ctx: KinesisContext, input: PutRecordInput): PutRecordOutput {
  const v = new ValidationErrors();
  checkStreamRef(v, input);
  // The field limit is the largest a stream can be configured to (10 MiB); the stream's own limit is checked below.
  const keyBytes = checkRecordFields(v, input.Data, input.PartitionKey, input.ExplicitHashKey, 0, 10 * MiB);
  // SequenceNumberForOrdering is a sequence number [BC-K PutRecord]. Sequence numbers only grow within a
  // shard and a child's are above its parents', so a record always gets a larger one than the one given.
  checkString(v, input.SequenceNumberForOrdering, 'sequenceNumberForOrdering', 1, 130, false, SEQUENCE_NUMBER_PATTERN, '0|([1-9]\\d{0,128})');
  v.throwIfAny();
  checkExplicitHashKeyRange(input.ExplicitHashKey);
  const s = findReadableStream(ctx, input);
  const tooBig = checkRecordSize(input.Data.length, keyBytes, s.maxRecordSizeKiB);
  if (tooBig !== undefined) throw invalidArgument(tooBig);
  const shard = routeRecord(ctx, s, input.PartitionKey, input.ExplicitHashKey);
  const now = ctx.core.now();
  const index = writeToShard(shard, now, input.Data, ctx.keyHashCache.key, keyBytes, input.ExplicitHashKey);
  if (index < 0) {
    ctx.core.events.emit({ type: 'throttled', time: now, stream: s.name, shardId: shard.shardId, direction: 'write', records: 1 });
    throw new AwsError('ProvisionedThroughputExceededException', rateExceededMessage(ctx, s, shard.shardId));
  }
  // Every PutRecord answered counts, whoever called (PutRecord.Success counts API calls, not producers' reports).
  s.apiCounts.putRecordSuccess++;
  return { ShardId: shard.shardId, SequenceNumber: shardSequenceNumber(shard, index), ...encryptionField(s.encryption.type) };
}
