/**
 * DescribeStream: the stream and up to 100 of its shards per call (paged with
 * ExclusiveStartShardId and HasMoreShards); expired shards are not listed,
 * and a CREATING stream has none yet [BC-K DescribeStream].
 */
import { ValidationErrors } from '../../core/errors';
import { findStream, type KinesisContext } from '../context';
import { checkInt, checkStreamRef, checkString } from '../validation';
import { shardToAws } from '../shardModel';
import { streamDescriptionBase } from '../streamModel';
import { DESCRIBE_STREAM_MAX_SHARDS } from '../constants';
import { expireShards } from '../retention';
import type { DescribeStreamInput, DescribeStreamOutput } from '../types';

export function describeStream(ctx: KinesisContext, input: DescribeStreamInput): DescribeStreamOutput {
  const v = new ValidationErrors();
  checkStreamRef(v, input);
  checkInt(v, input.Limit, 'limit', 1, 10000);
  checkString(v, input.ExclusiveStartShardId, 'exclusiveStartShardId', 1, 128, false, /^[a-zA-Z0-9_.-]+$/);
  v.throwIfAny();
  const s = findStream(ctx, input);
  expireShards(ctx, s);
  const limit = Math.min(input.Limit ?? DESCRIBE_STREAM_MAX_SHARDS, DESCRIBE_STREAM_MAX_SHARDS);
  // A stream still CREATING lists no shards yet (Shards: [], as AWS and kinesalite answer).
  let shards = s.status === 'CREATING' ? [] : s.shards;
  if (input.ExclusiveStartShardId !== undefined) {
    const after = input.ExclusiveStartShardId;
    shards = shards.filter((sh) => sh.shardId > after);
  }
  const page = shards.slice(0, limit);
  return {
    StreamDescription: {
      ...streamDescriptionBase(s),
      Shards: page.map(shardToAws),
      HasMoreShards: shards.length > limit,
    },
  };
}
