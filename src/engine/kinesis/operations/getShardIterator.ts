/**
 * GetShardIterator: a position in one shard, from one of five iterator types
 * [BC-K ShardIteratorType]. AT_TIMESTAMP older than the trim horizon behaves
 * like TRIM_HORIZON (one later than now is refused); LATEST points just after
 * the newest record. The shard id may be in any of AWS's short forms.
 */
import { invalidArgument, ValidationErrors } from '../../core/errors';
import { findReadableStream, findNamedShard, retentionCutoff, type KinesisContext } from '../context';
import { checkEnum, checkStreamRef, checkString } from '../validation';
import { decodeSequenceNumber, SEQUENCE_NUMBER_PATTERN } from '../sequenceNumber';
import { encodeIterator } from '../shardIterator';
import { expireShards } from '../retention';
import type { ShardState } from '../shardModel';
import type { GetShardIteratorInput, GetShardIteratorOutput, ShardIteratorType } from '../types';

export const ITERATOR_TYPES: readonly ShardIteratorType[] = ['AT_SEQUENCE_NUMBER', 'AFTER_SEQUENCE_NUMBER', 'TRIM_HORIZON', 'LATEST', 'AT_TIMESTAMP'];

export function getShardIterator(ctx: KinesisContext, input: GetShardIteratorInput): GetShardIteratorOutput {
  const v = new ValidationErrors();
  checkStreamRef(v, input);
  checkString(v, input.ShardId, 'shardId', 1, 128, true, /^[a-zA-Z0-9_.-]+$/);
  checkEnum(v, input.ShardIteratorType, 'shardIteratorType', ITERATOR_TYPES, true);
  checkString(v, input.StartingSequenceNumber, 'startingSequenceNumber', 1, 130, false, SEQUENCE_NUMBER_PATTERN, '0|([1-9]\\d{0,128})');
  v.throwIfAny();
  const s = findReadableStream(ctx, input);
  expireShards(ctx, s);
  const shard = findNamedShard(ctx, s, input.ShardId);
  checkIteratorRequest(ctx, input);
  const position = startPosition(ctx, shard, input.ShardIteratorType, input.StartingSequenceNumber, input.Timestamp, retentionCutoff(ctx, s));
  return {
    ShardIterator: encodeIterator(
      { stream: s.name, streamCreatedAt: s.createdAt, shardId: shard.shardId, position, issuedAt: ctx.core.now() },
      String(ctx.core.seed),
    ),
  };
}

/**
 * GetShardIterator's own rules, in AWS's words [kinesalite, matching AWS]: a
 * StartingSequenceNumber goes only with AT_/AFTER_SEQUENCE_NUMBER, and an
 * AT_TIMESTAMP position cannot be later than now.
 */
function checkIteratorRequest(ctx: KinesisContext, input: GetShardIteratorInput): void {
  const type = input.ShardIteratorType;
  if (input.StartingSequenceNumber !== undefined && (type === 'TRIM_HORIZON' || type === 'LATEST')) {
    throw invalidArgument(
      'Must either specify (1) AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER and StartingSequenceNumber or (2) TRIM_HORIZON or LATEST and no StartingSequenceNumber. ' +
        `Request specified ${type} and also a StartingSequenceNumber.`,
    );
  }
  const now = ctx.core.now();
  if (type === 'AT_TIMESTAMP' && typeof input.Timestamp === 'number' && input.Timestamp > now) {
    throw invalidArgument(`The timestampInMillis parameter cannot be greater than the currentTimestampInMillis. timestampInMillis: ${input.Timestamp}, currentTimestampInMillis: ${now}`);
  }
}

/** The record index an iterator of `type` starts at (shared with SubscribeToShard's StartingPosition). */
export function startPosition(ctx: KinesisContext, shard: ShardState, type: ShardIteratorType, seq: string | undefined, timestamp: number | undefined, cutoff: number): number {
  const store = shard.store;
  switch (type) {
    case 'TRIM_HORIZON':
      return store.trimIndex;
    case 'LATEST':
      return store.nextIndex;
    case 'AT_TIMESTAMP': {
      if (typeof timestamp !== 'number' || !Number.isFinite(timestamp)) {
        throw invalidArgument('The timestampInMillis parameter cannot be null for ShardIteratorType AT_TIMESTAMP');
      }
      return store.firstIndexAtOrAfter(Math.max(timestamp, cutoff));
    }
    case 'AT_SEQUENCE_NUMBER':
    case 'AFTER_SEQUENCE_NUMBER': {
      if (seq === undefined) {
        throw invalidArgument(`StartingSequenceNumber must be specified for ShardIteratorType ${type}`);
      }
      const d = decodeSequenceNumber(seq);
      if (d === undefined || d.prefix.slice(12) !== shard.seqPrefix.slice(12)) {
        const owner = d === undefined ? 'an unknown shard' : `shardId-${String(d.shardIndex).padStart(12, '0')}`;
        throw invalidArgument(`Invalid StartingSequenceNumber. It encodes ${owner}, while it was used in a call to a shard with ${shard.shardId}`);
      }
      if (d.prefix !== shard.seqPrefix || d.index >= store.nextIndex) {
        throw invalidArgument(`StartingSequenceNumber ${seq} used in GetShardIterator on shard ${shard.shardId} in stream is invalid because it did not come from this stream.`);
      }
      const pos = type === 'AT_SEQUENCE_NUMBER' ? d.index : d.index + 1;
      // A position below the trim horizon simply starts at the oldest retained record.
      return Math.max(pos, store.trimIndex);
    }
  }
}
